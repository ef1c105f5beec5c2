/**
 * ascii-split.ts: the scanner splits ASCII text exactly as o200k's regex does (the pattern as
 * js-tiktoken ships it, OpenAI's own), piece for piece, and the o200k encoding counts with it —
 * the same counts as js-tiktoken's, with non-ASCII text left to the package's regex.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import { countTokens as packageCount } from 'gpt-tokenizer/encoding/o200k_base';
import { splitAscii } from '../../src/tokenize/ascii-split.js';
import { buildEncoding, encodingPathOf } from '../../src/tokenize/gpt-tokenizer-internals.js';
import { packedRanks } from '../../src/tokenize/ranks.js';
import { countPlainText } from '../../src/tokenize/plain-text.js';
import { Pcg32 } from '../../src/stats/pcg32.js';
import { mixedCorpus } from '../helpers/text-corpus.js';

const O200K_SPLIT = new RegExp(o200kRanks.pat_str, 'gu');
const regexPieces = (text: string): string[] => text.match(O200K_SPLIT) ?? [];
const reference = new Tiktoken(o200kRanks);
const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/**
 * Seeded ASCII texts biased to the places the alternatives meet: letter case runs, apostrophes
 * before contraction letters, digits, whitespace runs with and without line breaks, slashes after
 * symbols, control characters, and now and then any of the 128 units.
 */
function asciiTexts(n: number, seed: string): string[] {
  const g = Pcg32.fromString(seed);
  const atoms = [
    'a',
    'Z',
    'word',
    'WORD',
    'Word',
    'wORD',
    "'",
    "'s",
    "'S",
    "'ll",
    "'LL",
    "'lL",
    "'ve",
    "'Re",
    "'d",
    "'x",
    "'l",
    '1',
    '12',
    '1234',
    ' ',
    '  ',
    '   ',
    '\t',
    '\n',
    '\r\n',
    '\r',
    '\v',
    '\f',
    ' \n ',
    '\n\n',
    '/',
    '//',
    '.',
    ',',
    '!/',
    '?\n',
    '-',
    '_',
    '(',
    ')',
    '{"k":',
    '"',
    '#',
    '\u0000',
    '\u001b',
    '\u007f',
    '@',
    '`',
    '~',
    '[',
    ']',
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const k = g.nextBelow(14);
    for (let j = 0; j < k; j++)
      s += g.nextBelow(6) === 0 ? String.fromCharCode(g.nextBelow(128)) : atoms[g.nextBelow(atoms.length)];
    out.push(s);
  }
  return out;
}

/** ASCII files of this repository: prose, code, YAML and JSON as they are written. */
function repositoryTexts(): string[] {
  const root = process.cwd();
  const texts: string[] = [];
  for (const dir of ['src/tokenize', 'src/run', 'src/report', 'docs', 'examples', '.']) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/\.(ts|md|ya?ml|json)$/.test(name)) continue;
      const text = readFileSync(join(root, dir, name), 'utf8');
      if (text.length < 2_000_000 && /^[\x00-\x7f]*$/.test(text)) texts.push(text);
    }
  }
  return texts;
}

describe('the ASCII scanner splits as the o200k regex does', () => {
  it('on 60,000 generated texts, piece for piece', () => {
    let pieces = 0;
    for (const text of asciiTexts(60_000, 'ascii-split')) {
      const got = splitAscii(text);
      expect(got).toEqual(regexPieces(text));
      pieces += got!.length;
    }
    expect(pieces).toBeGreaterThan(200_000);
  });

  it('on every ASCII unit next to every class of unit', () => {
    const neighbours = ['a', 'A', '1', ' ', '\n', '\r', '\t', '.', "'", '/', '\u0000'];
    for (let c = 0; c < 128; c++) {
      const u = String.fromCharCode(c);
      for (const a of neighbours)
        for (const b of neighbours)
          for (const text of [u, a + u, u + b, a + u + b, a + a + u + b + b, `${u}s`, `x${u}ll`])
            expect(splitAscii(text)).toEqual(regexPieces(text));
    }
  });

  it('on the repository’s own ASCII files (code, prose, YAML, JSON)', () => {
    const texts = repositoryTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(splitAscii(text)).toEqual(regexPieces(text));
  });

  it('declines any text with a unit above 0x7F, wherever it is', () => {
    for (const text of ['é', 'café', 'naïve x', 'x \u00a0 y', 'it\u2019s', '1\u0661', 'a\n\u2028', '🙂', 'A\u0301'])
      expect(splitAscii(text)).toBeNull();
  });
});

describe('o200k counts ASCII text with the scanner', () => {
  const o200k = buildEncoding('o200k_base', packedRanks('o200k_base'));

  it('is the path in use, and cl100k (another regex) does not take it', () => {
    expect(encodingPathOf(o200k)).toEqual({ packedTable: true, linearMerge: true, asciiSplit: true });
    expect(encodingPathOf(buildEncoding('cl100k_base', packedRanks('cl100k_base')))!.asciiSplit).toBe(false);
  });

  it('counts as js-tiktoken does, ASCII or not', () => {
    const texts = [
      ...asciiTexts(5_000, 'ascii-count'),
      ...repositoryTexts(),
      ...mixedCorpus(300),
      'x'.repeat(5_000),
      `${'Zq9+'.repeat(2_000)}==`,
      "<|endoftext|> it's <|im_start|>",
    ];
    let ascii = 0;
    for (const text of texts) {
      const want = reference.encode(text, [], []).length;
      expect(countPlainText(o200k, text)).toBe(want);
      if (splitAscii(text)) ascii++;
    }
    // Both paths were taken: most texts by the scanner, the non-ASCII ones by the regex.
    expect(ascii).toBeGreaterThan(5_000);
    expect(texts.length - ascii).toBeGreaterThan(200);
  });

  it('leaves options that treat special tokens specially to the package', () => {
    const allowed = { allowedSpecial: new Set(['<|endoftext|>']) };
    expect(o200k.countTokens('a <|endoftext|> b', allowed)).toBe(packageCount('a <|endoftext|> b', allowed));
    expect(() => o200k.countTokens('a <|endoftext|> b')).toThrow(/special token/i);
    expect(o200k.countTokens('a <|endoftext|> b', PLAIN)).toBe(reference.encode('a <|endoftext|> b', [], []).length);
  });
});
