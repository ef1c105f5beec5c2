/**
 * Batch pairing reads a results file once: the first pass (which collects requests to join) stops
 * at a results file's first record, so only the request file is read twice. Bytes counted at the
 * source, not time.
 */
import { describe, expect, it } from '@jest/globals';
import { readTraffic, type TrafficSource } from '../../src/traffic/index.js';

const N = 2000;
const INPUT =
  Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      custom_id: `r${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4.1-mini', metadata: { feature: 'faq' }, messages: [{ role: 'user', content: `Q${i}` }] },
    }),
  ).join('\n') + '\n';
const OUTPUT =
  Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      id: `b_${i}`,
      custom_id: `r${N - 1 - i}`,
      response: {
        status_code: 200,
        body: {
          id: `c_${i}`,
          object: 'chat.completion',
          created: 1784019600 + i,
          model: 'gpt-4.1-mini-2025-04-14',
          choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 100 + i, completion_tokens: 10, total_tokens: 110 + i },
        },
      },
      error: null,
    }),
  ).join('\n') + '\n';

const CHUNK = 4096;

/** A source in 4 KiB chunks that counts the bytes it handed on. */
function counted(path: string, text: string, read: Map<string, number>): TrafficSource {
  const bytes = Buffer.from(text);
  return {
    path,
    format: 'auto',
    where: { 'metadata.feature': 'faq' },
    open: () =>
      (async function* () {
        for (let i = 0; i < bytes.length; i += CHUNK) {
          const chunk = bytes.subarray(i, i + CHUNK);
          read.set(path, (read.get(path) ?? 0) + chunk.length);
          yield chunk;
        }
      })(),
  };
}

describe('batch pairing', () => {
  it('reads the results file once and the request file twice, in either file order', async () => {
    for (const order of [
      ['batch-input.jsonl', 'batch-output.jsonl'],
      ['batch-output.jsonl', 'batch-input.jsonl'],
    ]) {
      const read = new Map<string, number>();
      const files: Record<string, string> = { 'batch-input.jsonl': INPUT, 'batch-output.jsonl': OUTPUT };
      const set = await readTraffic(
        order.map((f) => counted(f, files[f]!, read)),
        { maxBadLines: 0, maxSamples: 10_000 },
      );
      // Every result joined with its request (metadata.feature is only in the input file).
      expect(set.samples).toHaveLength(N);
      expect(Buffer.byteLength(OUTPUT)).toBeGreaterThan(500_000);
      // The results file: read whole once, plus what the first pass took to see its first record
      // (the 8,000-byte sniff rounded up to whole chunks).
      const extra = read.get('batch-output.jsonl')! - Buffer.byteLength(OUTPUT);
      expect(extra).toBeGreaterThan(0);
      expect(extra).toBeLessThanOrEqual(3 * CHUNK);
      // The request file is read by both passes.
      expect(read.get('batch-input.jsonl')).toBe(2 * Buffer.byteLength(INPUT));
    }
  });
});
