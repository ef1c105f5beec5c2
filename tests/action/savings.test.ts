/**
 * The Savings section of the action (issue 18), through the committed bundle and the fake GitHub:
 * the job summary always has it, the comment has it for the changed feature, collapsed, and the
 * advice never moves the verdict.
 *
 * Base: one feature on openai/gpt-4o-mini, 40 recorded calls (input 1,000…1,039, output
 * 100…300), 200,000 requests a month (main after the branch point), `advisor.candidates:
 * [openai/gpt-4.1-nano]` at base. The PR swaps the model to openai/gpt-4o. Routing replays the base
 * side: mini $0.15/$0.60 → nano $0.10/$0.40 per 1M, the same tokenizer, outputs under max 500:
 *   saving = mean((input × 0.05 + output × 0.20) / 1e6) × 200,000
 *          = (1,019.5 × 0.05 + 200 × 0.20) / 1e6 × 200,000 = $18.195 a month.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Suggestion } from '../../src/advisor/index.js';
import type { DiffReport } from '../../src/report/index.js';
import { FakeGitHub } from './fake-github.js';
import {
  checkout,
  config,
  jsonl,
  makePr,
  prompt,
  pullRequestPayload,
  ROWS,
  runAction,
  type PrFixture,
} from './harness.js';

const ADVISOR = 'advisor:\n  candidates: ["openai/gpt-4.1-nano"]\n';
const BREACH = '  max_monthly_increase: 500\n';

function fixture(policies?: string, headAdvisor = ADVISOR): PrFixture {
  return makePr(
    {
      '.aicost.yml': config({ policies }) + ADVISOR,
      'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
      'traffic/summary.jsonl': jsonl(ROWS),
    },
    { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o'), '.aicost.yml': config({ policies }) + headAdvisor },
    { '.aicost.yml': config({ rpm: 200000, policies }) + ADVISOR },
  );
}

const SAVING = ((1019.5 * 0.05 + 200 * 0.2) / 1e6) * 200000;

let gh: FakeGitHub;
let passing: PrFixture;
let breaching: PrFixture;
let hostile: PrFixture;

beforeAll(() => {
  passing = fixture();
  breaching = fixture(BREACH);
  // The PR lists a candidate of its own: the base's list decides.
  hostile = fixture(undefined, 'advisor:\n  candidates: ["openai/gpt-4o-mini"]\n');
});

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});

afterEach(async () => {
  await gh.close();
});

const run = (fx: PrFixture, inputs?: Record<string, string>) =>
  runAction({
    workspace: checkout(fx),
    event: 'pull_request',
    payload: pullRequestPayload(fx),
    sha: fx.mergeSha,
    gh,
    ...(inputs ? { inputs } : {}),
  });

/** The feature's suggestions in the action's JSON report. */
const suggestionsOf = (r: Awaited<ReturnType<typeof run>>): Suggestion[] =>
  (r.report as unknown as DiffReport).features[0].suggestions!;

describe('action: Savings section', () => {
  it('the job summary and the comment show it, collapsed, with the hand-computed saving', async () => {
    expect(SAVING).toBeCloseTo(18.195, 9);
    const r = await run(passing);
    expect(r.status).toBe(0);
    const nano = suggestionsOf(r).find((s) => s.kind === 'routing' && s.candidate === 'openai/gpt-4.1-nano')!;
    expect(nano.monthly!.saving).toBeCloseTo(SAVING, 6);
    expect(nano.eligible).toBe(true);
    expect(r.summary).toContain('<details><summary><b>Savings</b> (every feature, at base)');
    expect(r.summary.replace(/\u2060/g, '')).toContain('| summary | route to `gpt-4.1-nano` | $18.20/mo');
    const body = (gh.hits('POST', /\/issues\/1\/comments$/)[0].body as { body: string }).body;
    expect(body).toContain('<details><summary><b>Savings</b> (changed features, at base)');
    expect(body.replace(/\u2060/g, '')).toContain('route to `gpt-4.1-nano`');
  });

  it('never moves the verdict: a breaching PR still fails, a passing one still passes', async () => {
    const bad = await run(breaching);
    expect(bad.report!.breached).toBe(true);
    expect(bad.status).toBe(1);
    expect(suggestionsOf(bad).some((s) => s.eligible)).toBe(true);
    const good = await run(passing);
    expect(good.report!.breached).toBe(false);
    expect(good.status).toBe(0);
  });

  it('savings: false skips the advisor: no suggestions, no section, the same verdict and figures', async () => {
    const on = await run(breaching);
    const off = await run(breaching, { savings: 'false' });
    expect(off.status).toBe(1);
    expect(off.report!.breached).toBe(true);
    expect((off.report as unknown as DiffReport).features[0].suggestions).toBeUndefined();
    expect(off.summary).not.toContain('<b>Savings</b>');
    const monthly = (r: typeof on) => (r.report as unknown as DiffReport).features[0].head!.monthly;
    expect(monthly(off)).toEqual(monthly(on));
  });

  it('the PR cannot choose the candidates: the base config’s list is replayed', async () => {
    const r = await run(hostile);
    const routed = suggestionsOf(r)
      .filter((s) => s.kind === 'routing')
      .map((s) => s.candidate);
    expect(routed).toEqual(['openai/gpt-4.1-nano']);
  });
});
