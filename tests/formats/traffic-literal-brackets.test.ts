/**
 * Issue 14, class 9: a traffic path with `[` `]` that names a real file is that file, not a glob.
 */
import { describe, expect, it } from '@jest/globals';
import { runEstimate } from '../../src/run/estimate.js';
import { expandPattern } from '../../src/repo/index.js';
import { makeRepo, summaryPrompt } from '../helpers/run.js';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const usage = (n: number, input: number, output: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, usage: { input_tokens: input, output_tokens: output } }));

const config = (traffic: string) => `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: ${JSON.stringify(traffic)}
    requests_per_month: 100000
teams:
  support: { monthly_budget: 1000 }
`;

describe('traffic paths with brackets', () => {
  it('expandPattern: an existing literal path wins over the glob reading', () => {
    const all = ['traffic/eu[1].jsonl', 'traffic/eu1.jsonl', 'traffic/eu2.jsonl'];
    expect(expandPattern(all, 'traffic/eu[1].jsonl')).toEqual(['traffic/eu[1].jsonl']);
    expect(expandPattern(all, 'traffic/eu[12].jsonl')).toEqual(['traffic/eu1.jsonl', 'traffic/eu2.jsonl']);
  });

  it('estimate reads the file named literally, not the files its glob reading matches', async () => {
    const repo = makeRepo({
      '.aicost.yml': config('traffic/summary[eu].jsonl'),
      'prompts/summary.prompt.yml': summaryPrompt(),
      // 10 samples of 1,000 in / 200 out in the literal file; the glob reading would match summarye.jsonl.
      'traffic/summary[eu].jsonl': jsonl(usage(10, 1000, 200)),
      'traffic/summarye.jsonl': jsonl(usage(30, 9000, 900)),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.samples).toBe(10);
    expect(f.traffic!.paths).toEqual(['traffic/summary[eu].jsonl']);
    // gpt-4o-mini: $0.15 / $0.60 per 1M tokens.
    expect(f.monthly).toBeCloseTo(((1000 * 0.15 + 200 * 0.6) / 1e6) * 100000, 9);
  });

  it('a bracket pattern with no literal file is still a glob', async () => {
    const repo = makeRepo({
      '.aicost.yml': config('traffic/summary[ab].jsonl'),
      'prompts/summary.prompt.yml': summaryPrompt(),
      'traffic/summarya.jsonl': jsonl(usage(4, 1000, 200)),
      'traffic/summaryb.jsonl': jsonl(usage(4, 3000, 200)),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    expect(report.features[0].samples).toBe(8);
    expect(report.features[0].monthly).toBeCloseTo(((2000 * 0.15 + 200 * 0.6) / 1e6) * 100000, 9);
  });
});
