/**
 * Errors raised while handling one traffic line name its file and line (issue 12, point 5), and
 * lines found unusable after reading are bad lines counted against max_bad_lines.
 */
import { describe, expect, it } from '@jest/globals';
import { parseArtifact } from '../../src/artifacts/index.js';
import { createCatalog } from '../../src/catalog/index.js';
import { loadConfig } from '../../src/config/index.js';
import { replayVariant } from '../../src/diff/pair.js';
import { AicostError, ArtifactError, TrafficError } from '../../src/errors.js';
import { replaySiteFor } from '../../src/estimate/estimate.js';
import { replaySample } from '../../src/estimate/replay.js';
import { atTrafficLine } from '../../src/traffic/line-error.js';
import { readTraffic } from '../../src/traffic/index.js';
import { screenSamples } from '../../src/traffic/screen.js';
import { TokenCounter } from '../../src/tokenize/index.js';
import type { Sample, TrafficSet } from '../../src/types.js';

const CONFIG = `version: 1
features:
  faq:
    team: web
    prompt: prompts/faq.prompt.yml
    traffic: traffic/faq.jsonl
    requests_per_month: 1000
teams:
  web: {}
`;
const PROMPT = `model: openai/gpt-4o-mini
messages:
  - role: user
    content: "{{q}}"
`;

function site() {
  const config = loadConfig(CONFIG, '.aicost.yml');
  const ctx = { catalog: createCatalog({ pricing: {}, discounts: {}, models: {} }), counter: new TokenCounter() };
  const input = { feature: config.features.faq, site: parseArtifact('prompts/faq.prompt.yml', PROMPT), traffic: null };
  return { ctx, rs: replaySiteFor(input, ctx, new Date('2026-11-27T00:00:00Z'), config.path, config.positions) };
}

const sample = (line: number, extra: Partial<Sample> = {}): Sample => ({
  id: `s${line}`,
  file: 'traffic/faq.jsonl',
  line,
  weight: 1,
  usage: {
    inputTokens: 100,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: 20,
    reasoningTokens: 0,
  },
  ...extra,
});

describe('an error while replaying a line names the line', () => {
  it('replaySample and replayVariant: the catalog error carries traffic/faq.jsonl:<line>', () => {
    const { ctx, rs } = site();
    const flex = sample(7, { tier: 'flex' });
    let error: unknown;
    try {
      replaySample(rs, flex, ctx.counter, 'u');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AicostError);
    expect((error as AicostError).format()).toMatch(
      /^traffic\/faq\.jsonl:7: service tier "flex" is not offered by openai for openai\/gpt-4o-mini/,
    );
    // The same through the diff's paired replay (the base replayed at standard, the head at the line's tier).
    const base = replaySample(rs, sample(9), ctx.counter, 'u');
    let paired: unknown;
    try {
      replayVariant(
        rs,
        rs,
        sample(9, { tier: 'flex' }),
        base,
        { counted: base.counted, staticTokens: 0, prefix: 0 },
        0,
        0,
        ctx.counter,
      );
    } catch (e) {
      paired = e;
    }
    expect((paired as AicostError).format()).toMatch(/^traffic\/faq\.jsonl:9: service tier "flex"/);
    // An ordinary line prices: (100 × 0.15 + 20 × 0.60) / 1e6 USD on gpt-4o-mini.
    expect(base.cost).toBeCloseTo(27e-6, 15);
  });

  it('an error that already points elsewhere keeps its place and names the line; bugs pass through', () => {
    const inner = new ArtifactError('template fails', {
      location: { file: 'prompts/faq.prompt.yml', line: 4 },
      hint: 'Fix it.',
    });
    const e = atTrafficLine(inner, { file: 'traffic/faq.jsonl', line: 12 }) as AicostError;
    expect(e.format()).toBe(
      'prompts/faq.prompt.yml:4: template fails (while replaying traffic line traffic/faq.jsonl:12)\n  Fix it.',
    );
    expect(e.kind).toBe('artifact');
    const bug = new RangeError('x');
    expect(atTrafficLine(bug, { file: 'a', line: 1 })).toBe(bug);
  });
});

describe('lines found bad after reading', () => {
  const lines = (n: number, flagged: number[]) =>
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        id: `s${i}`,
        ...(flagged.includes(i) ? { tier: 'flex' } : {}),
        weight: 2,
        usage: { input_tokens: 100, output_tokens: 20 },
      }),
    ).join('\n') + '\n';
  const read = (text: string, maxSamples = 5000): Promise<TrafficSet> =>
    readTraffic(
      [
        {
          path: 't.jsonl',
          open: () =>
            (async function* () {
              yield text;
            })(),
        },
      ],
      { maxBadLines: 0.01, maxSamples, defaultFeature: 'faq' },
    );
  const flexIsBad = (s: Sample) => (s.tier === 'flex' ? 'tier: no flex here' : null);

  it('one bad line of 100 is within 1%: listed in line order, its weight gone', async () => {
    const text = lines(100, [40]).split('\n');
    text[3] = 'not json';
    const set = await read(text.join('\n'));
    // Line 4 is a bad line of the reader; line 41 (flex) is found bad after reading.
    expect(set.badLines.map((b) => b.line)).toEqual([4]);
    expect(screenSamples(set, () => null)).toBe(set);
    const loose = { ...set, lineCounts: { ...set.lineCounts!, maxBadLines: 0.02 } };
    const out = screenSamples(loose, flexIsBad);
    expect(set.samples).toHaveLength(99);
    expect(out.samples).toHaveLength(98);
    expect(out.totalWeight).toBe(196);
    expect(out.badLines).toEqual([set.badLines[0], { file: 't.jsonl', line: 41, reason: 'tier: no flex here' }]);
    expect(out.lineCounts!.files['t.jsonl']).toEqual({ lines: 100, bad: 2 });
  });

  it('two of 100 is over 1%: a TrafficError at the first bad line', async () => {
    const set = await read(lines(100, [40, 70]));
    let error: unknown;
    try {
      screenSamples(set, flexIsBad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrafficError);
    expect((error as TrafficError).format()).toMatch(
      /^t\.jsonl:41: 2 of 100 lines \(2%\) cannot be used, more than replay\.max_bad_lines \(1%\)\. They are: line 41: tier: no flex here; line 71: tier: no flex here/,
    );
  });

  it('every line bad: no usable samples, at the first line', async () => {
    const set = await read(lines(3, [0, 1, 2]));
    const all = { ...set, lineCounts: { ...set.lineCounts!, maxBadLines: 1 } };
    expect(() => screenSamples(all, flexIsBad)).toThrow(/no usable samples/);
  });

  it('a sampled set: the file bad share is estimated from the kept samples', async () => {
    const flagged = Array.from({ length: 10 }, (_, i) => i * 100 + 7);
    const set = await read(lines(1000, flagged), 200);
    expect(set.sampled).toBe(true);
    const kept = set.samples.filter((s) => s.tier === 'flex');
    expect(kept.length).toBeGreaterThan(0);
    // 1% of 1,000 lines may be bad: kept/200 of the 1,000 good lines is the estimate.
    const estimate = (1000 * kept.length) / 200;
    const loose = { ...set, lineCounts: { ...set.lineCounts!, maxBadLines: 1 } };
    const out = screenSamples(loose, flexIsBad);
    expect(out.samples).toHaveLength(200 - kept.length);
    expect(out.totalWeight).toBeCloseTo(set.totalWeight - kept.reduce((a, s) => a + s.weight, 0), 9);
    if (estimate / 1000 > 0.01) expect(() => screenSamples(set, flexIsBad)).toThrow(TrafficError);
    else expect(screenSamples(set, flexIsBad).samples).toHaveLength(200 - kept.length);
  });
});
