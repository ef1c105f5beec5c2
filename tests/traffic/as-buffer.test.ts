/**
 * The one chunk normalisation of the traffic readers (`asBuffer`, used by `forEachLine` and by
 * `tap`): text is UTF-8, a Uint8Array that is a view into a larger buffer keeps its own bytes only.
 */
import { describe, expect, it } from '@jest/globals';
import { asBuffer, forEachLine } from '../../src/traffic/lines.js';
import { tap } from '../../src/traffic/open-bytes.js';

/** A view of bytes 4..(4 + text length) of a larger buffer whose other bytes are 'x'. */
function view(text: string): Uint8Array {
  const backing = new Uint8Array(4 + Buffer.byteLength(text) + 4).fill(0x78);
  backing.set(Buffer.from(text), 4);
  return backing.subarray(4, 4 + Buffer.byteLength(text));
}

async function* chunks(): AsyncIterable<Buffer | string | Uint8Array> {
  yield 'é{"a":1}\n';
  yield view('{"b":2}\n');
  yield Buffer.from('{"c":3}');
  yield '';
}

describe('asBuffer', () => {
  it('reads a view as its own bytes without copying them', () => {
    const v = view('abc');
    const b = asBuffer(v);
    expect(b.toString('utf8')).toBe('abc');
    expect(b.buffer).toBe(v.buffer);
    expect(asBuffer('é').length).toBe(2);
  });

  it('gives forEachLine and tap the same bytes', async () => {
    const lines: string[] = [];
    const seenByLines: number[] = [];
    await forEachLine(
      chunks(),
      1024,
      (c) => seenByLines.push(c.length),
      (l) => lines.push(l.bytes!.toString('utf8')),
    );
    expect(lines).toEqual(['é{"a":1}', '{"b":2}', '{"c":3}']);
    const seenByTap: number[] = [];
    const passed: string[] = [];
    for await (const c of tap(chunks(), (c) => seenByTap.push(c.length))) passed.push(c.toString('utf8'));
    expect(passed.join('')).toBe('é{"a":1}\n{"b":2}\n{"c":3}');
    // The empty chunk is dropped by both; 'é' is two bytes.
    expect(seenByTap).toEqual([10, 8, 7]);
    expect(seenByLines).toEqual(seenByTap);
  });
});
