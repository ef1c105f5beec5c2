/**
 * The fallback catalog on real git repositories (issue 15, point 4): a PR that switches a feature
 * to an id only models.dev knows is priced by it and marked (report field and Markdown), never $0;
 * the PR cannot bring its own, lower price for such an id (prices come from the base config and the
 * pinned catalogs); where the two catalogs disagree the report says so.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff, runEstimate } from '../../src/run/index.js';
import { validateReport } from '../../src/report/schema.js';
import { diffMarkdown } from '../../src/render/diff-markdown.js';
import { makeRepo, prRepo, summaryPrompt } from '../helpers/run.js';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
/** 40 usage samples: input 1,000 + i, output 100 + (i % 5) × 50. */
const rows = Array.from({ length: 40 }, (_, i) => ({
  id: `u${i}`,
  usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 50 },
}));
const meanIn = 1019.5;
const meanOut = 200;
const config = (extra = '') => `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: traffic/summary.jsonl
    requests_per_month: 100000
teams:
  support: { monthly_budget: 1000 }
${extra}`;
const base = {
  '.aicost.yml': config(),
  'prompts/summary.prompt.yml': summaryPrompt(),
  'traffic/summary.jsonl': jsonl(rows),
};
const monthly = (p: { input: number; output: number }) => ((meanIn * p.input + meanOut * p.output) / 1e6) * 100000;

describe('fallback catalog in a diff', () => {
  it('hostile PR: a head on an id only the fallback knows, with its own lower price, is priced by the fallback and marked', async () => {
    const repo = prRepo(base, {
      'prompts/summary.prompt.yml': summaryPrompt('together_ai/openai/gpt-oss-120b'),
      '.aicost.yml': config('pricing:\n  together_ai/openai/gpt-oss-120b: { input: 0.001, output: 0.001 }\n'),
    });
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', workers: 0 });
    expect(validateReport(report)).toEqual({ ok: true });
    const f = report.features[0];
    // Base gpt-4o-mini $0.15 / $0.60 (primary); head gpt-oss-120b on Together $0.15 / $0.60 (models.dev).
    expect(f.base!.monthly).toBeCloseTo(monthly({ input: 0.15, output: 0.6 }), 9);
    expect(f.head!.monthly).toBeCloseTo(monthly({ input: 0.15, output: 0.6 }), 9);
    expect(f.head!.monthly).toBeGreaterThan(5);
    expect(f.base!.prices).toMatchObject([{ kind: 'catalog', source: '@pydantic/genai-prices', version: '0.1.8' }]);
    expect(f.head!.prices).toEqual([
      {
        model: 'together/openai/gpt-oss-120b',
        kind: 'fallback',
        source: 'models.dev',
        version: 'f3fc692 (2026-07-02)',
        entry: 'together:openai/gpt-oss-120b',
        time_of_day: null,
      },
    ]);
    // The PR's own price is not applied: the id already has a catalog price.
    expect(report.proposed_config).toContainEqual(
      expect.objectContaining({
        path: 'pricing.together_ai/openai/gpt-oss-120b',
        effect: expect.stringMatching(/^ignored/),
      }),
    );
    expect(
      report.notices.some((n) =>
        /not in the primary price catalog; priced from the fallback catalog models\.dev/.test(n),
      ),
    ).toBe(true);
    expect(diffMarkdown(report)).toContain('fallback `models.dev` f3fc692 (2026-07-02)');
  });

  it('names the difference where both catalogs know the id and differ by more than 1%; the primary prices it', async () => {
    const repo = makeRepo({ ...base, 'prompts/summary.prompt.yml': summaryPrompt('mistral/mistral-large-latest') });
    const { report } = await runEstimate({ repo, rev: 'HEAD', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.monthly).toBeCloseTo(monthly({ input: 2, output: 6 }), 9);
    expect(f.prices?.[0]).toMatchObject({ kind: 'catalog', entry: 'mistral:mistral-large' });
    expect(report.notices).toContainEqual(
      "summary: the price catalogs disagree on mistral/mistral-large-latest: @pydantic/genai-prices 0.1.8 has $2/$6, models.dev f3fc692 (2026-07-02) has $0.5/$1.5 per 1M input/output tokens (more than 1% apart); the primary's price is used.",
    );
  });
});
