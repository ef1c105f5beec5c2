import { describe, it, expect } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import cl100kRanks from 'js-tiktoken/ranks/cl100k_base';
import { countPlain } from '../../src/tokenize/counter.js';
import { encodingFor } from '../../src/tokenize/ranks.js';
import {
  LINEAR_MERGE_MIN_BYTES,
  linearBytePairMerge,
  linearMergeStats,
  type RankSource,
} from '../../src/tokenize/linear-merge.js';
import { mulberry32 } from '../helpers/random.js';
import type { OpenAiEncoding } from '../../src/types.js';

/** The package's own (quadratic) merge, kept on the prototype: the reference for the heap merge. */
function packageMerge(enc: OpenAiEncoding): (piece: Uint8Array) => number[] {
  const core = (
    encodingFor(enc) as unknown as {
      bytePairEncodingCoreProcessor: RankSource & { bytePairMerge(p: Uint8Array): number[] };
    }
  ).bytePairEncodingCoreProcessor;
  const proto = Object.getPrototypeOf(core) as { bytePairMerge(p: Uint8Array): number[] };
  return (piece) => proto.bytePairMerge.call(core, piece);
}
function core(enc: OpenAiEncoding): RankSource {
  return (encodingFor(enc) as unknown as { bytePairEncodingCoreProcessor: RankSource }).bytePairEncodingCoreProcessor;
}

const rand = mulberry32(12);
const pick = (alphabet: string, n: number): string =>
  Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Long single pieces of every kind the split regex can yield, and bytes that are not valid UTF-8 alone. */
const PIECES: Record<string, string> = {
  oneLetter: 'x'.repeat(3000),
  twoLetters: 'ab'.repeat(1500),
  lowercase: pick('etaoinshrdlu', 4000),
  base64Lower: pick(B64.slice(26, 52), 3000),
  punctuation: pick('!#$%&*+-./:;<=>?@^_|~', 2000),
  spaces: ' '.repeat(2000),
  cjk: pick('人工智能的成本在拉取请求中就应该被看到而不是等', 1500),
  accents: pick('éèêëàâäôöûüçñ', 1500),
  emoji: pick('😀🎉🚀🔥✨', 800),
  equalRanks: 'aaaa'.repeat(900),
};

const encoder = new TextEncoder();

describe('heap byte-pair merge', () => {
  for (const enc of ['o200k_base', 'cl100k_base'] as const) {
    it(`gives the package's tokens for long pieces (${enc})`, () => {
      const reference = packageMerge(enc);
      for (const [name, text] of Object.entries(PIECES)) {
        const bytes = encoder.encode(text);
        // Counting first lets the encoding fill its byte tokens (they are loaded on the first non-ASCII piece).
        countPlain(text, enc);
        expect(bytes.length).toBeGreaterThanOrEqual(LINEAR_MERGE_MIN_BYTES);
        expect({ name, tokens: linearBytePairMerge(bytes, core(enc)) }).toEqual({ name, tokens: reference(bytes) });
      }
    });
  }

  it('counts a long text as js-tiktoken does', () => {
    const reference: Record<OpenAiEncoding, Tiktoken> = {
      o200k_base: new Tiktoken(o200kRanks),
      cl100k_base: new Tiktoken(cl100kRanks),
    };
    const text = `Intro line.\n${'y'.repeat(700)} then ${pick(B64, 900)} and ${'='.repeat(400)}\n${'\t'.repeat(300)}end`;
    for (const enc of ['o200k_base', 'cl100k_base'] as const)
      expect(countPlain(text, enc)).toBe(reference[enc].encode(text, [], []).length);
  });

  it('does work linear in the length of one huge piece (counted lookups, not time)', () => {
    const work = (n: number) => {
      const before = { ...linearMergeStats };
      const tokens = countPlain('q'.repeat(n), 'o200k_base');
      return {
        tokens,
        lookups: linearMergeStats.lookups - before.lookups,
        pops: linearMergeStats.heapPops - before.heapPops,
        pieces: linearMergeStats.pieces - before.pieces,
      };
    };
    const small = work(100_000);
    const large = work(400_000);
    expect(small.pieces).toBe(1);
    expect(large.pieces).toBe(1);
    // Each merge offers at most two new pairs: lookups ≤ 3 per byte, heap pops ≤ lookups.
    expect(large.lookups).toBeLessThanOrEqual(3 * 400_000);
    expect(large.pops).toBeLessThanOrEqual(large.lookups);
    expect(large.lookups / small.lookups).toBeGreaterThan(3.9);
    expect(large.lookups / small.lookups).toBeLessThan(4.1);
    expect(large.tokens).toBeGreaterThan(0);
    expect(large.tokens / small.tokens).toBeCloseTo(4, 1);
  });

  it('empties a full merge memo at once instead of walking it per insert (counted, not timed)', () => {
    const api = encodingFor('cl100k_base') as unknown as {
      setMergeCacheSize(n: number): void;
      bytePairEncodingCoreProcessor: { mergeCache: Map<string, number[]> };
    };
    api.setMergeCacheSize(1_000);
    try {
      const cache = api.bytePairEncodingCoreProcessor.mergeCache;
      const walks = { n: 0 };
      const keys = cache.keys.bind(cache);
      cache.keys = () => {
        walks.n++;
        return keys();
      };
      const before = linearMergeStats.cacheClears;
      // 6,000 distinct short pieces (mixed-case words the split regex keeps apart), no one in the memo.
      const letters = (i: number) => i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]);
      const text = Array.from({ length: 6_000 }, (_, i) => `Zq${letters(i)}xv`).join(' ');
      expect(countPlain(text, 'cl100k_base')).toBe(new Tiktoken(cl100kRanks).encode(text, [], []).length);
      expect(walks.n).toBe(0);
      expect(linearMergeStats.cacheClears - before).toBeGreaterThanOrEqual(5);
      expect(cache.size).toBeLessThanOrEqual(1_000);
    } finally {
      api.setMergeCacheSize(100_000);
    }
  });
});
