/**
 * Time-of-day prices (issue 15, point 3): the price never depends on the clock time of a commit.
 * deepseek/deepseek-chat in @pydantic/genai-prices 0.1.8 costs $0.27 / $1.10 per 1M input/output
 * tokens from 00:30 to 16:30 UTC and $0.135 / $0.55 for the other 8 hours, so its day-weighted
 * mean is (16 × 0.27 + 8 × 0.135) / 24 = $0.225 input and (16 × 1.10 + 8 × 0.55) / 24 = $0.91667
 * output. Real git repositories with commits at 00:10Z and 06:35Z (the case: $117.43 vs
 * $234.85 a month before) must give identical figures, equal to that mean worked out by hand.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { runDiff, runEstimate } from '../../src/run/index.js';
import { validateReport } from '../../src/report/schema.js';
import { createCatalog } from '../../src/catalog/index.js';
import { dayWindows, pricePoints, secondsOfDay } from '../../src/catalog/time-of-day.js';
import { makeRepo, writeFiles } from '../helpers/run.js';

const PEAK = { input: 0.27, output: 1.1 };
const OFF = { input: 0.135, output: 0.55 };
const MEAN = { input: (16 * PEAK.input + 8 * OFF.input) / 24, output: (16 * PEAK.output + 8 * OFF.output) / 24 };

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const prompt = `model: deepseek/deepseek-chat
modelParameters:
  maxTokens: 500
messages:
  - role: system
    content: "You summarise support tickets in three bullet points."
  - role: user
    content: "Ticket: {{body}}"
`;
const config = (extra = '') => `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: traffic/summary.jsonl
    requests_per_month: 100000
  static-summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 100000
    typical_output_tokens: 200
teams:
  support: { monthly_budget: 1000 }
${extra}`;

/** 40 samples without ts: input 1,000 + i, output 100 + (i % 5) × 50. */
const untimed = Array.from({ length: 40 }, (_, i) => ({
  id: `u${i}`,
  usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 50 },
}));
const meanIn = 1000 + 19.5;
const meanOut = 200;

/** Commit everything in `dir` at `iso` (author and committer date); returns the commit's sha. */
function commitAt(dir: string, iso: string, message: string): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso };
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8', env },
    ).trim();
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
  return git('rev-parse', 'HEAD');
}

/** A repository with the same files committed at 00:10Z and at 06:35Z the same day. */
function nightAndDayRepo(files: Record<string, string>): { repo: string; night: string; day: string } {
  const repo = makeRepo(files);
  const night = commitAt(repo, '2026-11-27T00:10:00Z', 'night');
  writeFiles(repo, { 'README.md': 'docs only\n' });
  const day = commitAt(repo, '2026-11-27T06:35:00Z', 'day');
  return { repo, night, day };
}

async function estimateAt(repo: string, rev: string) {
  const { report } = await runEstimate({ repo, rev, config: '.aicost.yml' });
  return report;
}

describe('time-of-day prices never follow the commit clock', () => {
  const files = {
    '.aicost.yml': config(),
    'prompts/summary.prompt.yml': prompt,
    'traffic/summary.jsonl': jsonl(untimed),
  };

  it('estimate: commits at 00:10Z and 06:35Z give identical figures, the day-weighted mean by hand', async () => {
    const { repo, night, day } = nightAndDayRepo(files);
    const a = await estimateAt(repo, night);
    const b = await estimateAt(repo, day);
    expect(a.features.map((f) => f.monthly)).toEqual(b.features.map((f) => f.monthly));
    expect(a.features.map((f) => f.per_request)).toEqual(b.features.map((f) => f.per_request));

    const traffic = a.features.find((f) => f.id === 'summary')!;
    const byHand = ((meanIn * MEAN.input + meanOut * MEAN.output) / 1e6) * 100000;
    expect(byHand).toBeCloseTo(41.2720833, 6); // (1,019.5 × $0.225 + 200 × $0.91667) per 1M, × 100,000
    expect(traffic.monthly).toBeCloseTo(byHand, 9);
    // Neither the peak nor the off-peak price alone.
    expect(traffic.monthly).not.toBeCloseTo(((meanIn * PEAK.input + meanOut * PEAK.output) / 1e6) * 100000, 3);
    expect(traffic.monthly).not.toBeCloseTo(((meanIn * OFF.input + meanOut * OFF.output) / 1e6) * 100000, 3);

    const stat = a.features.find((f) => f.id === 'static-summary')!;
    const staticByHand = ((stat.input_tokens.mean * MEAN.input + 200 * MEAN.output) / 1e6) * 100000;
    expect(stat.monthly).toBeCloseTo(staticByHand, 9);

    // The report says so: a field with the windows and the basis, and a notice.
    expect(traffic.prices).toEqual([
      {
        model: 'deepseek/deepseek-chat',
        kind: 'catalog',
        source: '@pydantic/genai-prices',
        version: '0.1.8',
        entry: 'deepseek:deepseek-chat',
        time_of_day: {
          basis: 'day-weighted mean',
          windows: [
            { window: '00:00–00:30 UTC', ...OFF },
            { window: '00:30–16:30 UTC', ...PEAK },
            { window: '16:30–24:00 UTC', ...OFF },
          ],
          mean: { input: expect.closeTo(MEAN.input, 12), output: expect.closeTo(MEAN.output, 12) },
        },
      },
    ]);
    expect(a.notices.some((n) => /summary: the price of deepseek\/deepseek-chat varies by time of day/.test(n))).toBe(
      true,
    );
  });

  it('pricing_date: YYYY-MM-DD picks the version only: the same figure as both commits', async () => {
    const { repo, night } = nightAndDayRepo(files);
    const dated = makeRepo({ ...files, '.aicost.yml': config('pricing_date: 2026-11-27\n') });
    const a = await estimateAt(repo, night);
    const { report: b } = await runEstimate({ repo: dated, config: '.aicost.yml', rev: 'HEAD' });
    expect(b.pricing_date).toBe('2026-11-27');
    expect(b.features.map((f) => f.monthly)).toEqual(a.features.map((f) => f.monthly));
  });

  it('diff: base committed at 00:10Z, head at 06:35Z with no AI change: no delta', async () => {
    const repo = makeRepo(files);
    commitAt(repo, '2026-11-27T00:10:00Z', 'night');
    execFileSync('git', ['branch', '-q', 'base'], { cwd: repo });
    execFileSync('git', ['checkout', '-q', '-b', 'pr'], { cwd: repo });
    writeFiles(repo, { 'README.md': 'docs only\n' });
    commitAt(repo, '2026-11-27T06:35:00Z', 'day');
    const { report } = await runDiff({ repo, base: 'base', head: 'pr', config: '.aicost.yml', workers: 0 });
    expect(validateReport(report)).toEqual({ ok: true });
    const f = report.features.find((x) => x.id === 'summary')!;
    expect(f.delta.monthly).toBe(0);
    expect(f.base!.monthly).toBeCloseTo(((meanIn * MEAN.input + meanOut * MEAN.output) / 1e6) * 100000, 9);
    expect(f.head!.prices?.[0].time_of_day?.basis).toBe('day-weighted mean');
  });

  it('a sample with ts is priced at its own time of day; night and day samples by hand', async () => {
    // 03:00Z is inside 00:30–16:30 (peak); 20:00Z and 00:15Z are off-peak. Different days, same version.
    const rows = [
      { id: 'a', ts: '2026-11-20T03:00:00Z', usage: { input_tokens: 2000, output_tokens: 300 } },
      { id: 'b', ts: '2026-11-21T20:00:00Z', usage: { input_tokens: 2000, output_tokens: 300 } },
      { id: 'c', ts: '2026-11-22T00:15:00Z', usage: { input_tokens: 1000, output_tokens: 100 } },
      { id: 'd', usage: { input_tokens: 1000, output_tokens: 100 } },
    ];
    const { repo, night, day } = nightAndDayRepo({
      ...files,
      'traffic/summary.jsonl': jsonl(rows),
    });
    const a = await estimateAt(repo, night);
    const b = await estimateAt(repo, day);
    const per = (u: { in: number; out: number }, p: { input: number; output: number }) =>
      (u.in * p.input + u.out * p.output) / 1e6;
    const byHand = [
      per({ in: 2000, out: 300 }, PEAK), // 0.00054 + 0.00033 = $0.00087
      per({ in: 2000, out: 300 }, OFF), // $0.000435
      per({ in: 1000, out: 100 }, OFF), // $0.00019
      per({ in: 1000, out: 100 }, MEAN), // no ts: $0.000316667
    ];
    expect(byHand[0]).toBeCloseTo(0.00087, 12);
    expect(byHand[1]).toBeCloseTo(0.000435, 12);
    const f = a.features.find((x) => x.id === 'summary')!;
    const mean = byHand.reduce((s, x) => s + x, 0) / 4;
    expect(f.per_request.mean).toBeCloseTo(mean, 12);
    expect(b.features.find((x) => x.id === 'summary')!.per_request.mean).toBe(f.per_request.mean);
    expect(f.prices?.[0].time_of_day?.basis).toBe('mixed');
    expect(
      a.notices.some((n) =>
        /summary: .*3 sample\(s\) priced at their own time \(ts\), 1 without ts at the day-weighted mean/.test(n),
      ),
    ).toBe(true);
  });
});

describe('catalog time-of-day pieces', () => {
  it('cuts the day at every boundary, reads offsets like the engine, picks the piece of a time', () => {
    expect(secondsOfDay('00:30:00Z')).toBe(1800);
    expect(secondsOfDay('08:30:00+08:00')).toBe(1800);
    expect(secondsOfDay('23:00:00-02:00')).toBe(3600);
    const windows = dayWindows({
      id: 'x',
      match: { equals: 'x' },
      prices: [
        { prices: { input_mtok: 1 } },
        {
          constraint: { type: 'time_of_date', start_time: '22:00:00Z', end_time: '02:00:00Z' },
          prices: { input_mtok: 3 },
        },
      ],
    });
    expect(windows).toEqual([
      { start: 0, end: 7200 },
      { start: 7200, end: 79200 },
      { start: 79200, end: 86400 },
    ]);
    const memo = new Map();
    const date = new Date('2026-11-27T13:45:00Z');
    const mean = pricePoints(windows, date, undefined, memo);
    expect(mean.map((p) => [p.at.toISOString(), p.weight])).toEqual([
      ['2026-11-27T00:00:00.000Z', 2 / 24],
      ['2026-11-27T02:00:00.000Z', 20 / 24],
      ['2026-11-27T22:00:00.000Z', 2 / 24],
    ]);
    // A sample from another day at 23:30 reads the 22:00 piece of the version day.
    const at = pricePoints(windows, date, Date.parse('2025-03-01T23:30:00Z'), memo);
    expect(at.map((p) => [p.at.toISOString(), p.weight])).toEqual([['2026-11-27T22:00:00.000Z', 1]]);
  });

  it('prices a call without a time at the hour-weighted mean, with one at its own time', () => {
    const catalog = createCatalog({ pricing: {}, discounts: {}, models: {} });
    const m = catalog.resolve('deepseek/deepseek-chat');
    const usage = {
      inputTokens: 1_000_000,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 1_000_000,
    };
    const date = new Date('2026-11-27T00:10:00Z');
    const mean = catalog.price(m, usage, { tier: 'standard', date });
    expect(mean.input).toBeCloseTo(MEAN.input, 12);
    expect(mean.output).toBeCloseTo(MEAN.output, 12);
    expect(catalog.price(m, usage, { tier: 'standard', date: new Date('2026-11-27T06:35:00Z') })).toEqual(mean);
    const night = catalog.price(m, usage, { tier: 'standard', date, time: Date.parse('2026-01-01T17:00:00Z') });
    expect([night.input, night.output]).toEqual([OFF.input, OFF.output]);
    const rates = catalog.rates(m, { tier: 'standard', date, inputTokens: 0 });
    expect(rates.input).toBeCloseTo(MEAN.input, 12);
    // A price without time-of-day windows is unchanged by a time.
    const mini = catalog.resolve('openai/gpt-4o-mini');
    expect(catalog.price(mini, usage, { tier: 'standard', date, time: Date.parse('2026-01-01T03:00:00Z') })).toEqual(
      catalog.price(mini, usage, { tier: 'standard', date }),
    );
  });
});
