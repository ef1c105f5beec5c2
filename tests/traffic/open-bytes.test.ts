/**
 * A reader that stops early (auto-detection's first pass, an error at a record) ends the source:
 * a `git cat-file` pipe left open blocked the next read of the same blob, and the demo's two
 * features sharing one OTel export hung in `diff`.
 */
import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { openBytes } from '../../src/traffic/open-bytes.js';

/** A source of `chunks` chunks that records whether it was ended and how many chunks were read. */
function source(text: string, chunks: number) {
  const state = { ended: false, read: 0 };
  async function* gen(): AsyncIterable<Buffer> {
    try {
      for (let i = 0; i < chunks; i++) {
        state.read++;
        yield Buffer.from(text);
      }
    } finally {
      state.ended = true;
    }
  }
  return { state, chunks: gen() };
}

describe('openBytes ends its source', () => {
  it('when the caller closes without reading on (plain and gzip)', async () => {
    const plain = source('{"a":1}\n'.repeat(2000), 1000);
    const bytes = await openBytes(plain.chunks, 't.jsonl', 1e9);
    expect(bytes.startsJson).toBe(true);
    await bytes.close();
    expect(plain.state.ended).toBe(true);
    // Only what the sniff needed was read: 1 chunk of 16,000 bytes, not 1,000.
    expect(plain.state.read).toBe(1);

    const gz = source(gzipSync(Buffer.from('{"a":1}\n'.repeat(50_000))).toString('latin1'), 1);
    const raw = {
      state: gz.state,
      chunks: (async function* () {
        for await (const c of gz.chunks) yield Buffer.from(c.toString(), 'latin1');
      })(),
    };
    const inflated = await openBytes(raw.chunks, 't.jsonl.gz', 1e9);
    await inflated.close();
    expect(gz.state.ended).toBe(true);
  });

  it('when the caller stops iterating early, and when the file is refused', async () => {
    const s = source('x'.repeat(10_000), 50);
    const bytes = await openBytes(s.chunks, 't.jsonl', 1e9);
    for await (const chunk of bytes.stream) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(s.state.ended).toBe(true);
    expect(s.state.read).toBeLessThan(50);

    const binary = source('\0binary', 50);
    await expect(openBytes(binary.chunks, 't.jsonl', 1e9)).rejects.toThrow(/binary/);
    expect(binary.state.ended).toBe(true);
  });
});
