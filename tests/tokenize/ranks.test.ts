import { describe, it, expect } from '@jest/globals';
import o200k from 'gpt-tokenizer/bpeRanks/o200k_base';
import cl100k from 'gpt-tokenizer/bpeRanks/cl100k_base';
import { encode as packageEncodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encode as packageEncodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { O200K_RANKS } from '../../src/generated/o200k-ranks.js';
import { CL100K_RANKS } from '../../src/generated/cl100k-ranks.js';
import { encodingFor } from '../../src/tokenize/ranks.js';
import { RankLookup, unpackRanks, unpackTable } from '../../src/tokenize/encoding.js';
import { Pcg32 } from '../../src/diff/pcg32.js';

const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/** A mixed corpus: prose in several scripts, code, JSON, emoji, whitespace runs, rare characters. */
function corpus(n: number): string[] {
  const g = Pcg32.fromString('ranks-corpus');
  const parts = [
    'The invoice was refunded.', 'Привет, мир!', '你好，世界。', 'Grüße aus Köln', 'مرحبا بالعالم', 'नमस्ते दुनिया', '🌍🚀✨', '👩‍👩‍👧‍👦',
    'const total = items.reduce((a, b) => a + b.amount, 0);', '{"id": 123, "sku": "SKU-42", "qty": 7}', '\n\n\t  ', ' '.repeat(37),
    '<|endoftext|>', '<|im_start|>user', "it's we'll they've I'M", '1234567890', '¡¿ÆØÅ€£¥', '\u0000\u0001\u007f', 'ＡＢＣ　全角', 'x'.repeat(300),
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const k = 1 + g.nextBelow(12);
    for (let j = 0; j < k; j++) s += parts[g.nextBelow(parts.length)] + (g.nextBelow(3) === 0 ? '\n' : ' ');
    // A random code point now and then (astral and BMP, never a lone surrogate).
    if (g.nextBelow(4) === 0) s += String.fromCodePoint(0x20 + g.nextBelow(0xd7ff - 0x20));
    if (g.nextBelow(8) === 0) s += String.fromCodePoint(0x10000 + g.nextBelow(0x1f000));
    out.push(s);
  }
  return out;
}

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

  it('are plain ASCII, so the bundle stays a one-byte source', () => {
    expect(/^[A-Za-z0-9+/=]+$/.test(O200K_RANKS)).toBe(true);
    expect(/^[A-Za-z0-9+/=]+$/.test(CL100K_RANKS)).toBe(true);
  });

  it('the lookup finds every text token at its own rank and nothing else', () => {
    for (const [packed, table] of [[O200K_RANKS, o200k], [CL100K_RANKS, cl100k]] as const) {
      const lookup = new RankLookup(unpackTable(packed));
      let wrong = 0;
      let texts = 0;
      table.forEach((v, rank) => {
        if (typeof v !== 'string') return;
        texts++;
        if (lookup.get(v) !== rank) wrong++;
      });
      expect(wrong).toBe(0);
      expect(lookup.size).toBe(texts);
      for (const missing of ['', 'zzqqxxjj', 'not a token at all because it is long', '\ud800']) expect(lookup.get(missing)).toBeUndefined();
    }
  });
});

describe('encodings built on the packed tables', () => {
  const texts = corpus(2500);

  it('o200k_base encodes 2,500 mixed texts to exactly the package module\'s tokens', () => {
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

  it('decodes and reports the vocabulary like the package (o200k: 199,998 ranks + 8 special tokens)', () => {
    const enc = encodingFor('o200k_base');
    expect(enc.vocabularySize).toBe(200_006);
    expect(enc.decode(enc.encode('Grüße 👩‍👩‍👧‍👦 ok', PLAIN))).toBe('Grüße 👩‍👩‍👧‍👦 ok');
  });
});
