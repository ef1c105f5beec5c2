/**
 * `max_bad_lines` counts like with like: one OTel line (a TracesData holding many spans) with
 * several bad spans is a share of the calls read, never more than 100% of the lines.
 */
import { describe, expect, it } from '@jest/globals';
import { TrafficError } from '../../src/errors.js';
import { readTraffic, type TrafficSource } from '../../src/traffic/read.js';

const kv = (key: string, v: string | number) => ({
  key,
  value: typeof v === 'string' ? { stringValue: v } : { intValue: String(v) },
});
const span = (k: number, input: number) => ({
  traceId: 'ab'.repeat(16),
  spanId: k.toString(16).padStart(16, '0'),
  name: 'chat gpt-4o-mini',
  startTimeUnixNano: '1784102400000000000',
  attributes: [
    kv('gen_ai.operation.name', 'chat'),
    kv('gen_ai.request.model', 'gpt-4o-mini'),
    kv('gen_ai.usage.input_tokens', Math.abs(input)),
    // A negative input here stands for a bad call: a user id longer than the 256 characters a line may hold.
    ...(input < 0 ? [kv('user.id', 'u'.repeat(300))] : []),
    kv('gen_ai.usage.output_tokens', 10),
  ],
});
const line = (inputs: number[]) =>
  JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: inputs.map((n, k) => span(k + 1, n)) }] }] });

const source = (text: string): TrafficSource => ({
  path: 'traffic/otel.jsonl',
  format: 'otel',
  open: async function* () {
    yield Buffer.from(text);
  },
});

describe('max_bad_lines share of an importer', () => {
  // One line, four spans: three bad calls (a user id too long), one good.
  const one = line([-5, -6, -7, 100]) + '\n';

  it('three bad spans of four calls in one line are 75%, not 300% of one line', async () => {
    const set = await readTraffic([source(one)], { maxBadLines: 0.8, maxSamples: 100 });
    expect(set.samples.map((s) => s.usage.inputTokens)).toEqual([100]);
    expect(set.badLines).toHaveLength(3);
    expect(set.lineCounts!.files['traffic/otel.jsonl']).toEqual({ lines: 1, bad: 3, units: 4 });
  });

  it('over the bound, the message gives the share of calls and records', async () => {
    const err = await readTraffic([source(one)], { maxBadLines: 0.5, maxSamples: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrafficError);
    expect((err as Error).message).toMatch(
      /^3 of 4 calls and records \(75%\) cannot be used, more than replay\.max_bad_lines \(50%\)/,
    );
  });

  it('an unreadable line counts as one unit beside the calls of the others', async () => {
    // 2 lines of 4 good calls each, one line that is not JSON: 1 bad of 9 = 11.11%.
    const text = [line([1, 2, 3, 4]), '{oops', line([5, 6, 7, 8])].join('\n') + '\n';
    const err = await readTraffic([source(text)], { maxBadLines: 0.1, maxSamples: 100 }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^1 of 9 calls and records \(11\.11%\)/);
    const set = await readTraffic([source(text)], { maxBadLines: 0.12, maxSamples: 100 });
    expect(set.samples).toHaveLength(8);
  });

  it('a span the importer cannot read is one bad call: the other spans of its line are kept', async () => {
    // A logger that missed usage wrote output -1 for the first span (the collector line holds three).
    const text =
      line([100, 200, 300]).replace(
        '{"key":"gen_ai.usage.output_tokens","value":{"intValue":"10"}}]},{"traceId"',
        '{"key":"gen_ai.usage.output_tokens","value":{"intValue":"-1"}}]},{"traceId"',
      ) + '\n';
    expect(text).toContain('"intValue":"-1"');
    const set = await readTraffic([source(text)], { maxBadLines: 0.5, maxSamples: 100 });
    expect(set.samples.map((s) => s.usage.inputTokens)).toEqual([200, 300]);
    expect(set.badLines).toEqual([
      {
        file: 'traffic/otel.jsonl',
        line: 1,
        reason: 'resourceSpans[0].scopeSpans[0].spans[0]: gen_ai.usage.output_tokens is not a whole number (found -1)',
      },
    ]);
    expect(set.lineCounts!.files['traffic/otel.jsonl']).toEqual({ lines: 1, bad: 1, units: 3 });
  });
});
