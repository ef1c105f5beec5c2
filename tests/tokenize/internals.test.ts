/**
 * gpt-tokenizer-internals.ts: the fast path (packed table + heap merge inside the package's
 * encoding) is the one in use, and every way it can fail — a constructor that throws when given no
 * ranks, a core of another shape, a merge that tokenizes differently, a count that throws — ends on
 * the package's own path with the same counts as the fast path and as js-tiktoken (the reference).
 */
import { describe, it, expect } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import cl100kRanks from 'js-tiktoken/ranks/cl100k_base';
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { getEncodingParams } from 'gpt-tokenizer/modelParams';
import { encode as packageEncode } from 'gpt-tokenizer/encoding/o200k_base';
import {
  buildEncoding,
  encodingPathOf,
  type SplitCount,
  type EncodingApiFactory,
} from '../../src/tokenize/gpt-tokenizer-internals.js';
import { PROBE, PROBE_EXPECTED } from '../../src/tokenize/probes.js';
import { countSplit } from '../../src/tokenize/split-scanner.js';
import { linearMergeStats } from '../../src/tokenize/linear-merge.js';
import { RankLookup } from '../../src/tokenize/rank-lookup.js';
import { encodingFor, packedRanks } from '../../src/tokenize/ranks.js';
import { countPlainText } from '../../src/tokenize/plain-text.js';
import { seededTexts } from '../helpers/text-corpus.js';
import type { OpenAiEncoding } from '../../src/types.js';

/** The generated data files (src/generated/*-ranks.txt), as the bundles read them. */
const O200K_RANKS = packedRanks('o200k_base');
const CL100K_RANKS = packedRanks('cl100k_base');

const reference: Record<OpenAiEncoding, Tiktoken> = {
  o200k_base: new Tiktoken(o200kRanks),
  cl100k_base: new Tiktoken(cl100kRanks),
};
const refTokens = (text: string, enc: OpenAiEncoding): number[] => reference[enc].encode(text, [], []);
const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
const PACKED: Record<OpenAiEncoding, string> = { o200k_base: O200K_RANKS, cl100k_base: CL100K_RANKS };

type Core = Record<string, unknown> & { bytePairMerge(piece: Uint8Array): number[] };
const coreOf = (api: GptEncoding): Core =>
  (api as unknown as { bytePairEncodingCoreProcessor: Core }).bytePairEncodingCoreProcessor;

/** 200 seeded texts: prose, code, JSON, CJK, Cyrillic, Arabic, emoji, byte-level oddities, long runs. */
function mixedCorpus(): string[] {
  const parts = [
    "The invoice was refunded, wasn't it?",
    'export const total = items.reduce((a, b) => a + b.amount, 0);',
    'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n',
    '{"model":"gpt-4o","usage":{"prompt_tokens":1234},"ok":true}',
    '人工智能的成本在拉取请求中就应该被看到。',
    'プルリクエストでAIのコストを確認',
    'Съешь же ещё этих мягких булок',
    'مرحبا بالعالم',
    '🙂👍🏽 👨‍👩‍👧‍👦 🇫🇷 ❤️‍🔥',
    'Grüße aus Köln ¡¿ÆØÅ€',
    '\u0000\u0001\u007f',
    '<|endoftext|>',
    '\n\n\t  \r\n',
    ' '.repeat(61),
    'q'.repeat(300),
    'ab'.repeat(150),
    'xY+/'.repeat(80),
    '='.repeat(200),
    '漢'.repeat(60),
  ];
  return seededTexts(200, 'internals-corpus', parts, { maxParts: 8, bmpOneIn: 3, astralOneIn: 5 });
}
const CORPUS = mixedCorpus();

/** The corpus counted by an encoding: its total, and how many texts differ from the fast path's or js-tiktoken's count. */
const refCounts: Partial<Record<OpenAiEncoding, number[]>> = {};
function countsAgree(api: GptEncoding, enc: OpenAiEncoding, fast: number[]): { total: number; differing: number } {
  const ref = (refCounts[enc] ??= CORPUS.map((t) => refTokens(t, enc).length));
  let total = 0;
  let differing = 0;
  CORPUS.forEach((text, i) => {
    const n = countPlainText(api, text);
    total += n;
    if (n !== fast[i] || n !== ref[i]) differing++;
  });
  return { total, differing };
}

const fastCounts: Partial<Record<OpenAiEncoding, number[]>> = {};
function fastOf(enc: OpenAiEncoding): number[] {
  return (fastCounts[enc] ??= CORPUS.map((t) => countPlainText(encodingFor(enc), t)));
}

/**
 * A future gpt-tokenizer whose o200k parameters carry `expectedVocabularySize`: its constructor
 * checks the ranks it is given plus the special tokens against it (the first check of 4.0.0's
 * constructor, before the encoding exists).
 */
const withExpectedVocabularySize: EncodingApiFactory = (enc, getRanks) => {
  const params = getEncodingParams(enc as OpenAiEncoding, getRanks);
  const expectedVocabularySize = 199_998 + params.specialTokensEncoder.size;
  if (params.bytePairRankDecoder.length + params.specialTokensEncoder.size !== expectedVocabularySize) {
    throw new Error('The number of mergeable tokens and special tokens must be equal to expectedVocabularySize.');
  }
  return GptEncoding.getEncodingApi(enc as OpenAiEncoding, getRanks);
};

describe('gpt-tokenizer internals: the fast path and its fallback', () => {
  it('the probe constants are what js-tiktoken makes of the probe', () => {
    for (const enc of ['o200k_base', 'cl100k_base'] as const) {
      const tokens = refTokens(PROBE, enc);
      expect({ enc, tokens: tokens.length, weightedSum: tokens.reduce((s, t, i) => s + (i + 1) * t, 0) }).toEqual({
        enc,
        ...PROBE_EXPECTED[enc],
      });
    }
    // One piece of the probe is long enough for the heap merge.
    expect(PROBE).toContain('ab'.repeat(80));
  });

  it('uses the packed table and the heap merge normally (the pinned gpt-tokenizer 4.0.0)', () => {
    for (const enc of ['o200k_base', 'cl100k_base'] as const) {
      const api = encodingFor(enc);
      expect({ enc, path: encodingPathOf(api) }).toEqual({
        enc,
        path: { packedTable: true, linearMerge: true, scanner: true },
      });
      expect(coreOf(api).bytePairStringRankEncoder).toBeInstanceOf(RankLookup);
      const pieces = linearMergeStats.pieces;
      expect(countPlainText(api, 'z'.repeat(500))).toBe(refTokens('z'.repeat(500), enc).length);
      expect(linearMergeStats.pieces - pieces).toBe(1);
    }
  });

  it('the fast path counts the mixed corpus as js-tiktoken does', () => {
    for (const enc of ['o200k_base', 'cl100k_base'] as const) {
      const fast = fastOf(enc);
      const { total, differing } = countsAgree(encodingFor(enc), enc, fast);
      expect({ enc, differing }).toEqual({ enc, differing: 0 });
      expect(total).toBeGreaterThan(30_000);
    }
  });

  it('a constructor that throws when given no ranks (expectedVocabularySize) falls back to the package path, heap merge kept', () => {
    // The factory really is a stricter constructor: it rejects the empty rank array, accepts the full one.
    expect(() => withExpectedVocabularySize('o200k_base', () => [])).toThrow(/expectedVocabularySize/);
    const api = buildEncoding('o200k_base', O200K_RANKS, withExpectedVocabularySize);
    const path = encodingPathOf(api)!;
    expect({ packedTable: path.packedTable, linearMerge: path.linearMerge }).toEqual({
      packedTable: false,
      linearMerge: true,
    });
    expect(path.fallback).toMatch(/expectedVocabularySize/);
    expect(coreOf(api).bytePairStringRankEncoder).toBeInstanceOf(Map);
    const { differing } = countsAgree(api, 'o200k_base', fastOf('o200k_base'));
    expect(differing).toBe(0);
  });

  it('a core of another shape (the string encoder not a Map) falls back, with the same counts', () => {
    const objectEncoder: EncodingApiFactory = (enc, getRanks) => {
      const api = GptEncoding.getEncodingApi(enc as OpenAiEncoding, getRanks);
      const core = coreOf(api);
      const map = core.bytePairStringRankEncoder as Map<string, number>;
      core.bytePairStringRankEncoder = { get: (k: string) => map.get(k), size: map.size };
      return api;
    };
    const api = buildEncoding('cl100k_base', CL100K_RANKS, objectEncoder);
    expect(encodingPathOf(api)).toEqual({
      packedTable: false,
      linearMerge: true,
      scanner: false,
      fallback: 'packed table: BytePairEncodingCore is not the shape of gpt-tokenizer 4.0.0',
    });
    expect(countsAgree(api, 'cl100k_base', fastOf('cl100k_base')).differing).toBe(0);
  });

  it('a merge that tokenizes differently fails the probe: the package path without anything patched', () => {
    const reversing: EncodingApiFactory = (enc, getRanks) => {
      const api = GptEncoding.getEncodingApi(enc as OpenAiEncoding, getRanks);
      const core = coreOf(api);
      const merge = core.bytePairMerge;
      core.bytePairMerge = function (piece: Uint8Array): number[] {
        return merge.call(this, piece).reverse();
      };
      return api;
    };
    const api = buildEncoding('o200k_base', O200K_RANKS, reversing);
    const path = encodingPathOf(api)!;
    expect({ packedTable: path.packedTable, linearMerge: path.linearMerge }).toEqual({
      packedTable: false,
      linearMerge: false,
    });
    expect(path.fallback).toMatch(
      /^packed table: probe text: 242 tokens \(Σ \d+\), expected 242 \(Σ 174946854\); heap merge: probe text/,
    );
    expect(countsAgree(api, 'o200k_base', fastOf('o200k_base')).differing).toBe(0);
  });

  it('a count that throws on the fast path is recounted on the package path, and later counts stay there', () => {
    const api = buildEncoding('o200k_base', O200K_RANKS);
    expect(encodingPathOf(api)).toEqual({ packedTable: true, linearMerge: true, scanner: true });
    const lookup = coreOf(api).bytePairStringRankEncoder as RankLookup;
    lookup.get = lookup.rankOfRange = () => {
      throw new Error('a lookup that broke');
    };
    // A text the scanner takes (its lookup throws), then any text.
    const ascii = "The invoice was refunded, wasn't it?";
    expect(countPlainText(api, ascii)).toBe(refTokens(ascii, 'o200k_base').length);
    expect(countPlainText(api, CORPUS[0]!)).toBe(refTokens(CORPUS[0]!, 'o200k_base').length);
    expect(encodingPathOf(api)).toEqual({
      packedTable: false,
      linearMerge: true,
      scanner: false,
      fallback: 'a count threw',
    });
    expect(api.encode(PROBE)).toEqual(refTokens(PROBE, 'o200k_base'));
    expect(countsAgree(api, 'o200k_base', fastOf('o200k_base')).differing).toBe(0);
  });

  it('a scanner that miscounts the probes is not installed: the packed table without it, the same counts', () => {
    const offByOne: SplitCount = (text, end, ranks, merge) => {
      const n = countSplit(text, end, ranks, merge);
      return n < 0 ? n : n + 1;
    };
    const api = buildEncoding('o200k_base', O200K_RANKS, undefined, offByOne);
    expect(encodingPathOf(api)).toEqual({
      packedTable: true,
      linearMerge: true,
      scanner: false,
      fallback: 'scanner: probe texts: 243 and 26 tokens, expected 242 and 25',
    });
    expect(countsAgree(api, 'o200k_base', fastOf('o200k_base')).differing).toBe(0);
    expect(countPlainText(api, 'plain ASCII words')).toBe(refTokens('plain ASCII words', 'o200k_base').length);
  });

  it('a byte order mark (U+FEFF) counts as in tiktoken on the fast path and the package path (the package alone drops it)', () => {
    // The tokens that begin with EF BB BF: o200k's 5574 is the mark alone, cl100k's include "\uFEFFnamespace".
    const texts = [
      '\ufeff',
      'a\ufeff',
      '\ufeff#',
      '\ufeff//',
      '\ufeffnamespace',
      '\ufeff\n\n',
      `x${'\ufeff'.repeat(70)}`,
    ];
    for (const enc of ['o200k_base', 'cl100k_base'] as const) {
      const noEmptyRanks: EncodingApiFactory = (e, getRanks) => {
        const ranks = getRanks();
        if (ranks.length === 0) throw new Error('no ranks given');
        return GptEncoding.getEncodingApi(e as OpenAiEncoding, () => ranks);
      };
      const paths = [encodingFor(enc), buildEncoding(enc, PACKED[enc], noEmptyRanks)];
      for (const text of texts) {
        const want = refTokens(text, enc);
        for (const api of paths) {
          expect({ enc, text, got: api.encode(text, PLAIN) }).toEqual({ enc, text, got: want });
          expect({ enc, text, n: countPlainText(api, text) }).toEqual({ enc, text, n: want.length });
        }
      }
      expect(encodingPathOf(paths[1]!)).toMatchObject({ packedTable: false, linearMerge: true });
    }
    // gpt-tokenizer itself looks EF BB BF up as "" (its decoder drops the mark): two tokens.
    expect(packageEncode('\ufeff', PLAIN)).toEqual([5416, 123]);
    expect(refTokens('\ufeff', 'o200k_base')).toEqual([5574]);
  });

  it('keeps the packed tables the package path is built from: the same counts whichever way (cl100k, o200k)', () => {
    for (const enc of ['o200k_base', 'cl100k_base'] as const) {
      const plain = buildEncoding(enc, PACKED[enc], () => {
        throw new Error('no package here');
      });
      expect(encodingPathOf(plain)).toEqual({
        packedTable: false,
        linearMerge: false,
        scanner: false,
        fallback: 'packed table: no package here; heap merge: no package here',
      });
      expect(countPlainText(plain, CORPUS[1]!)).toBe(fastOf(enc)[1]);
    }
  });
});
