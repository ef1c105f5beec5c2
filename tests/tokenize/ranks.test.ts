import { describe, it, expect } from '@jest/globals';
import o200k from 'gpt-tokenizer/bpeRanks/o200k_base';
import cl100k from 'gpt-tokenizer/bpeRanks/cl100k_base';
import { encode as packageEncodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encode as packageEncodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { encodingFor, packedRanks } from '../../src/tokenize/ranks.js';
import { unpackRanks, unpackTable } from '../../src/tokenize/packed-table.js';
import { RankLookup, hashKey } from '../../src/tokenize/rank-lookup.js';
import { setIndexWasmEnabled } from '../../src/tokenize/index-builder.js';
import { buildEncoding } from '../../src/tokenize/gpt-tokenizer-internals.js';
import { mixedCorpus } from '../helpers/text-corpus.js';

/** The generated data files (src/generated/*-ranks.txt), as the bundles read them. */
const O200K_RANKS = packedRanks('o200k_base');
const CL100K_RANKS = packedRanks('cl100k_base');

const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

describe('packed rank tables (src/generated/, scripts/generate.mjs)', () => {
  it('unpack to exactly the package tables: o200k_base 199,998 ranks, cl100k_base 100,256', () => {
    const a = unpackRanks(O200K_RANKS);
    expect(a.length).toBe(199_998);
    expect(a).toEqual(o200k);
    const b = unpackRanks(CL100K_RANKS);
    expect(b.length).toBe(100_256);
    expect(b).toEqual(cl100k);
    // Byte tokens stay byte arrays (rank 94 of o200k is the lone byte 0xA1), text stays text.
    expect(a.filter((r) => typeof r !== 'string').length).toBe(1571);
    expect(a[94]).toEqual([0xa1]);
    expect(a[15]).toBe('0');
  });

  it('are plain ASCII (two base64 parts), so the bundle stays a one-byte source', () => {
    expect(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/.test(O200K_RANKS)).toBe(true);
    expect(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/.test(CL100K_RANKS)).toBe(true);
  });

  it('the WebAssembly index loop builds exactly what its JavaScript twin builds (slots, records)', () => {
    for (const packed of [O200K_RANKS, CL100K_RANKS]) {
      const wasm = unpackTable(packed);
      setIndexWasmEnabled(false);
      let js;
      try {
        js = unpackTable(packed);
        js.indexWide();
      } finally {
        setIndexWasmEnabled(true);
      }
      expect([wasm.wasm, js.wasm]).toEqual([true, false]);
      wasm.indexWide();
      expect(
        Buffer.from(wasm.records.buffer, wasm.records.byteOffset, wasm.records.byteLength).equals(
          Buffer.from(js.records.buffer, js.records.byteOffset, js.records.byteLength),
        ),
      ).toBe(true);
      for (const key of ['narrowSlots', 'wideSlots'] as const) {
        const [a, b] = [wasm[key], js[key]];
        expect(a.length).toBe(b.length);
        expect(
          Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
        ).toBe(true);
      }
      // Every text token has a record, every byte token none; the slots hold each text token once.
      const filled = (a: Int32Array): number => a.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0);
      expect(filled(wasm.records)).toBe(wasm.size);
      expect(filled(wasm.narrowSlots) + filled(wasm.wideSlots)).toBe(wasm.size);
    }
  });

  it('indexes the wide tokens (a unit above 0xFF: 61,198 of o200k) only when a key first needs them', () => {
    const table = unpackTable(O200K_RANKS);
    const lookup = new RankLookup(table);
    expect(table.wideIndexed).toBe(false);
    // Narrow keys, hits and misses (ASCII and latin1), leave them alone.
    expect(lookup.get(' the')).toBe(o200k.indexOf(' the'));
    expect(lookup.get('é')).toBe(o200k.indexOf('é'));
    expect(lookup.get('zzqqxxjj')).toBeUndefined();
    expect(lookup.get('Grüße aus Köln, zzqq')).toBeUndefined();
    expect(table.wideIndexed).toBe(false);
    // The first key with a wide unit indexes them, and finds its token.
    expect(lookup.get(' мир')).toBe(o200k.indexOf(' мир'));
    expect(table.wideIndexed).toBe(true);
    expect(lookup.get('你好')).toBe(o200k.indexOf('你好'));
    expect(lookup.get('мирzzqq')).toBeUndefined();
  });

  it('hashKey is FNV-1a over pairs of UTF-16 units, folded', () => {
    // Worked by hand: 'a' alone, then 'ab' as one pair 0x00620061.
    const fnv = (h: number, w: number): number => Math.imul(h ^ w, 16777619);
    const fold = (h: number): number => h ^ (h >>> 16);
    expect(hashKey('a')).toBe(fold(fnv(0x811c9dc5 | 0, 0x61)));
    expect(hashKey('ab')).toBe(fold(fnv(0x811c9dc5 | 0, 0x00620061)));
    expect(hashKey('abc')).toBe(fold(fnv(fnv(0x811c9dc5 | 0, 0x00620061), 0x63)));
    expect(hashKey('\u0430\u4f60')).toBe(fold(fnv(0x811c9dc5 | 0, 0x4f600430)));
  });

  it('the lookup finds every text token at its own rank and nothing else', () => {
    for (const [packed, table] of [
      [O200K_RANKS, o200k],
      [CL100K_RANKS, cl100k],
    ] as const) {
      const lookup = new RankLookup(unpackTable(packed));
      expect(lookup.size).toBe(table.filter((v) => typeof v === 'string').length);
      let wrong = 0;
      let texts = 0;
      table.forEach((v, rank) => {
        if (typeof v !== 'string') return;
        texts++;
        if (lookup.get(v) !== rank) wrong++;
      });
      expect(wrong).toBe(0);
      expect(lookup.size).toBe(texts);
      for (const missing of ['', 'zzqqxxjj', 'not a token at all because it is long', '\ud800'])
        expect(lookup.get(missing)).toBeUndefined();
    }
  });
});

describe('encodings built on the packed tables', () => {
  const texts = mixedCorpus(2500);

  it("o200k_base encodes 2,500 mixed texts to exactly the package module's tokens", () => {
    const enc = encodingFor('o200k_base');
    let tokens = 0;
    for (const t of texts) {
      const want = packageEncodeO200k(t, PLAIN);
      expect(enc.encode(t, PLAIN)).toEqual(want);
      expect(enc.countTokens(t, PLAIN)).toBe(want.length);
      tokens += want.length;
    }
    expect(tokens).toBeGreaterThan(50_000);
  });

  it('cl100k_base likewise', () => {
    const enc = encodingFor('cl100k_base');
    for (const t of texts.slice(0, 1000)) expect(enc.encode(t, PLAIN)).toEqual(packageEncodeCl100k(t, PLAIN));
  });

  it("fills the package's byte-token structures in place, as it builds them, keeping its fast properties", () => {
    const enc = buildEncoding('o200k_base', O200K_RANKS);
    type Core = {
      bytePairNonUtfSortedEncoder: [Uint8Array, number][];
      bytePairNonUtfRankDecoder: Map<number, Uint8Array>;
    };
    const core = (enc as unknown as { bytePairEncodingCoreProcessor: Core }).bytePairEncodingCoreProcessor;
    // Not needed for ASCII text; the first piece with a non-ASCII unit that is not a token fills them.
    expect(enc.countTokens('plain ASCII text, nothing else', PLAIN)).toBe(6);
    expect(core.bytePairNonUtfSortedEncoder.length).toBe(0);
    expect(enc.countTokens('Grüße 👩‍👩‍👧‍👦', PLAIN)).toBe(packageEncodeO200k('Grüße 👩‍👩‍👧‍👦', PLAIN).length);
    const pkg = GptEncoding.getEncodingApi('o200k_base', () => o200k);
    const pkgCore = (pkg as unknown as { bytePairEncodingCoreProcessor: Core }).bytePairEncodingCoreProcessor;
    expect(core.bytePairNonUtfSortedEncoder.length).toBe(1571);
    expect(core.bytePairNonUtfSortedEncoder.map(([b, r]) => [Array.from(b), r])).toEqual(
      pkgCore.bytePairNonUtfSortedEncoder.map(([b, r]) => [Array.from(b), r]),
    );
    const byRank = (m: Map<number, Uint8Array>): [number, number[]][] =>
      [...m].map(([r, bytes]): [number, number[]] => [r, Array.from(bytes)]).sort((x, y) => x[0] - y[0]);
    expect(byRank(core.bytePairNonUtfRankDecoder)).toEqual(byRank(pkgCore.bytePairNonUtfRankDecoder));
    // No property became an accessor: V8 would turn the object into a slow (dictionary) one.
    expect(Object.values(Object.getOwnPropertyDescriptors(core)).every((d) => 'value' in d)).toBe(true);
  });

  it('decodes and reports the vocabulary like the package (o200k: 199,998 ranks + 8 special tokens)', () => {
    const enc = encodingFor('o200k_base');
    expect(enc.vocabularySize).toBe(200_006);
    expect(enc.decode(enc.encode('Grüße 👩‍👩‍👧‍👦 ok', PLAIN))).toBe('Grüße 👩‍👩‍👧‍👦 ok');
  });
});
