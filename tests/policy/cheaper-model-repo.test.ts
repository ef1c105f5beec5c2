/**
 * `require_cheaper_model_review` on real git repositories: the evidence and the amount come from
 * the base revision, so a PR can neither hide the warning with its own eval results nor by lowering
 * or removing the amount. Eval results follow promptfoo's `--output` shape (OutputFile with an
 * EvaluateSummaryV3, promptfoo/promptfoo src/types/index.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { validateReport } from '../../src/report/schema.js';
import type { DiffReport } from '../../src/report/types.js';
import { diffMarkdown } from '../../src/render/index.js';
import { prRepo, runCli, summaryPrompt } from '../helpers/run.js';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** 40 usage samples: input 1,000 + i, output 100 + (i % 5) × 50: means 1,019.5 in, 200 out. */
const usage = jsonl(
  Array.from({ length: 40 }, (_, i) => ({
    id: `u${i}`,
    usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 50 },
  })),
);
// USD per 1M tokens: gpt-4o-mini 0.15 / 0.60, gpt-4o 2.50 / 10.00.
const BASE_MONTHLY = ((1019.5 * 0.15 + 200 * 0.6) / 1e6) * 100000; // $27.29
const HEAD_MONTHLY = ((1019.5 * 2.5 + 200 * 10) / 1e6) * 100000; // $454.88

const config = (policies: string, advisor = 'advisor:\n  evals: ["evals/*.json"]\n') => `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: traffic/summary.jsonl
    requests_per_month: 100000
teams:
  support: { monthly_budget: 100000 }
policies:
${policies}${advisor}`;

/** promptfoo results: `passes[provider]` of 20 tests pass. */
function results(passes: Record<string, number>): string {
  const rows = Object.entries(passes).flatMap(([provider, n]) =>
    Array.from({ length: 20 }, (_, i) => ({
      promptIdx: 0,
      testIdx: i,
      promptId: 'p1',
      provider: { id: provider, label: '' },
      prompt: { raw: 'You summarise support tickets…', label: 'prompts/summary.prompt.yml' },
      vars: { body: `ticket ${i}` },
      success: i < n,
      failureReason: i < n ? 0 : 1,
      score: i < n ? 1 : 0,
      latencyMs: 500,
      namedScores: {},
    })),
  );
  return JSON.stringify({
    evalId: 'eval-1',
    results: { version: 3, timestamp: '2026-12-01T00:00:00.000Z', prompts: [], results: rows, stats: {} },
    config: {},
    shareableUrl: null,
  });
}

const base = {
  '.aicost.yml': config('  require_cheaper_model_review: 50\n'),
  'prompts/summary.prompt.yml': summaryPrompt(),
  'traffic/summary.jsonl': usage,
  'evals/summary.json': results({ 'openai:gpt-4o-mini': 18, 'openai:gpt-4o': 18 }),
};
const swap = { 'prompts/summary.prompt.yml': summaryPrompt('openai/gpt-4o') };

async function diff(repo: string): Promise<DiffReport> {
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', workers: 0 });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

const review = (r: DiffReport) => r.violations.filter((v) => v.rule === 'require_cheaper_model_review');

describe('require_cheaper_model_review on a real repository', () => {
  it('warns on gpt-4o-mini → gpt-4o when mini passes as often and saves more than $50', async () => {
    const r = await diff(prRepo(base, swap));
    const [v] = review(r);
    expect(v).toMatchObject({ severity: 'warning', feature: 'summary', file: 'prompts/summary.prompt.yml', limit: 50 });
    expect(v.value).toBeCloseTo(HEAD_MONTHLY - BASE_MONTHLY, 6); // $427.59
    expect(v.message).toContain(
      'passes 18/20 (90%, evals/summary.json) of the recorded evals against 18/20 (90%, evals/summary.json)',
    );
    expect(r.breached).toBe(false);
    // The comment and the job summary title the warning by feature and rule, like the other policies.
    for (const view of ['comment', 'summary'] as const) {
      const md = diffMarkdown(r, { view }).replace(/\u2060/g, '');
      const line = md.split('\n').find((l) => l.includes('cheaper model to review'))!;
      expect(line).toMatch(/^⚠️ \*\*summary: cheaper model to review\*\*: summary switches openai\/gpt-4o-mini → /);
      expect(line).toMatch(/review the switch \(`prompts\/summary\.prompt\.yml`\)\.$/);
      expect(md).not.toContain('**require cheaper model review**');
    }
  });

  it('hostile: the PR rewrites the results to say mini fails and adds its own file — the base evidence still decides', async () => {
    const r = await diff(
      prRepo(base, {
        ...swap,
        'evals/summary.json': results({ 'openai:gpt-4o-mini': 2, 'openai:gpt-4o': 20 }),
        'evals/more.json': results({ 'openai:gpt-4o-mini': 0, 'openai:gpt-4o': 20 }),
      }),
    );
    expect(review(r)).toHaveLength(1);
    expect(review(r)[0].message).toContain('passes 18/20 (90%, evals/summary.json)');
  });

  it('hostile: the PR raises the amount and drops advisor.evals — base decides', async () => {
    const r = await diff(
      prRepo(base, { ...swap, '.aicost.yml': config('  require_cheaper_model_review: 1000000\n', '') }),
    );
    expect(review(r).map((v) => [v.severity, v.limit])).toEqual([['warning', 50]]);
  });

  it('hostile: latency, advisor and the review amount in the PR config change no figure and no verdict', async () => {
    const plain = await diff(prRepo(base, swap));
    const proposed = config(
      '  require_cheaper_model_review: 1000000\n',
      'advisor:\n  evals: []\n  min_pass_rate: 0.1\n',
    ).replace('    requests_per_month: 100000\n', '    requests_per_month: 100000\n    latency: async\n');
    const r = await diff(prRepo(base, { ...swap, '.aicost.yml': proposed }));
    // The interval's resampling is seeded by the commits, so only the point figures can match.
    const points = (x: DiffReport) => [x.totals.monthly.base, x.totals.monthly.head, x.totals.monthly.delta];
    expect(points(r)).toEqual(points(plain));
    expect(review(r)).toHaveLength(1);
    expect(r.violations).toEqual(plain.violations);
    expect(r.breached).toBe(plain.breached);
  });

  it('the CLI exits 0 with the review warning in its text output (a warning never fails the check)', () => {
    const repo = prRepo(base, swap);
    const r = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('passes, 1 warning');
    // The text output wraps long messages.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'warning: require_cheaper_model_review (team support, feature summary, prompts/summary.prompt.yml): summary switches openai/gpt-4o-mini → openai/gpt-4o ($27.29 → $455/month), but openai/gpt-4o-mini passes 18/20 (90%, evals/summary.json)',
    );
  });

  it('malformed results at base: a notice, no warning and no error (exit 0 path)', async () => {
    const r = await diff(prRepo({ ...base, 'evals/summary.json': '{"results": ' }, swap));
    expect(review(r)).toEqual([]);
    expect(r.notices.join('\n')).toContain(
      'require_cheaper_model_review was not checked: the eval results at base could not be read (evals/summary.json',
    );
  });
});
