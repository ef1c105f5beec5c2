/**
 * Cost per active user per month and per 1,000 requests, on a real git repository, with figures
 * computed by hand.
 *
 * 40 recorded calls of input 1,000 and output 200 tokens: 20 of user "ana", 10 of "bo", 10 of
 * "cy". The PR swaps openai/gpt-4o-mini ($0.15 in / $0.60 out per 1M) for openai/gpt-4o ($2.50 /
 * $10), 100,000 requests a month:
 *   base: (1,000 × 0.15 + 200 × 0.60) / 1e6 = $0.00027 a request; × 1e5 = $27/month
 *   head: (1,000 × 2.50 + 200 × 10) / 1e6   = $0.0045 a request;  × 1e5 = $450/month
 * Every call costs the same, so each user's share of the month is their share of the calls
 * (ana 50%, bo 25%, cy 25%):
 *   base: ana $13.50, bo $6.75, cy $6.75 → mean $27 / 3 = $9, p95 $13.50
 *   head: ana $225, bo $112.50, cy $112.50 → mean $450 / 3 = $150, p95 $225
 * Per 1,000 requests: base $0.27, head $4.50.
 */
import { describe, expect, it } from '@jest/globals';
import { diffMarkdown } from '../../src/render/diff-markdown.js';
import { validateReport } from '../../src/report/schema.js';
import { runDiff } from '../../src/run/diff.js';
import { parseSampleLine } from '../../src/traffic/parse.js';
import { prRepo, summaryPrompt } from '../helpers/run.js';

const user = (i: number): string => (i < 20 ? 'ana' : i < 30 ? 'bo' : 'cy');
const traffic = (withUsers: boolean): string =>
  Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({
      id: `s${i}`,
      ...(withUsers ? { user: user(i) } : {}),
      usage: { input_tokens: 1000, output_tokens: 200 },
    }),
  ).join('\n') + '\n';

const config = `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: traffic/summary.jsonl
    requests_per_month: 100000
teams:
  support: { monthly_budget: 100000 }
`;

async function swap(withUsers: boolean) {
  const repo = prRepo(
    {
      '.aicost.yml': config,
      'prompts/summary.prompt.yml': summaryPrompt('openai/gpt-4o-mini'),
      'traffic/summary.jsonl': traffic(withUsers),
    },
    { 'prompts/summary.prompt.yml': summaryPrompt('openai/gpt-4o') },
  );
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

describe('cost per active user and per 1,000 requests', () => {
  it('reports the mean and p95 across users, base and head, in the JSON and the details', async () => {
    const report = await swap(true);
    const f = report.features[0];
    expect(f.base!.monthly).toBeCloseTo(27, 9);
    expect(f.head!.monthly).toBeCloseTo(450, 9);
    expect(f.base!.per_user!.users).toBe(3);
    expect(f.base!.per_user!.mean).toBeCloseTo(9, 9);
    expect(f.base!.per_user!.p95).toBeCloseTo(13.5, 9);
    expect(f.head!.per_user!.users).toBe(3);
    expect(f.head!.per_user!.mean).toBeCloseTo(150, 9);
    expect(f.head!.per_user!.p95).toBeCloseTo(225, 9);

    const md = diffMarkdown(report);
    expect(md).toContain('| Per 1,000 requests | $0.2700 | $4.50 |');
    expect(md).toContain(
      '| Per active user/month (mean · p95) | $9.00 · $13.50 over 3 users in the samples | $150 · $225 over 3 users in the samples |',
    );
  });

  it('leaves per-user figures out when the samples name no user', async () => {
    const report = await swap(false);
    expect(report.features[0].base!.per_user).toBeUndefined();
    expect(diffMarkdown(report)).not.toContain('Per active user');
    expect(diffMarkdown(report)).toContain('| Per 1,000 requests | $0.2700 | $4.50 |');
  });

  it('reads `user` as a string of at most 256 characters, naming the problem', () => {
    const line = (u: unknown) => JSON.stringify({ id: 'x', user: u, usage: { input_tokens: 5, output_tokens: 1 } });
    const good = parseSampleLine(line('tenant-42'), 't.jsonl', 1);
    expect(good.ok ? good.sample.user : good.reason).toBe('tenant-42');
    for (const bad of [true, '', 'u'.repeat(257)]) {
      const r = parseSampleLine(line(bad), 't.jsonl', 1);
      expect(r.ok ? '' : r.reason).toMatch(/^user must be a non-empty string of at most 256 characters/);
    }
  });
});
