/**
 * o200k-split.ts: the scanner splits text exactly as o200k's regex does (the pattern as
 * js-tiktoken ships it, OpenAI's own), piece for piece, declines the texts it cannot read (numbers
 * beyond the BMP, lone surrogates), and the o200k encoding counts with it — the same counts as
 * js-tiktoken's.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import { countTokens as packageCount } from 'gpt-tokenizer/encoding/o200k_base';
import { splitText } from '../../src/tokenize/o200k-split.js';
import {
  buildEncoding,
  encodingPathOf,
  SPLIT_PROBE,
  SPLIT_PROBE_TOKENS,
} from '../../src/tokenize/gpt-tokenizer-internals.js';
import { packedRanks } from '../../src/tokenize/ranks.js';
import { countPlainText } from '../../src/tokenize/plain-text.js';
import { Pcg32 } from '../../src/stats/pcg32.js';
import { mixedCorpus } from '../helpers/text-corpus.js';

const O200K_SPLIT = new RegExp(o200kRanks.pat_str, 'gu');
const regexPieces = (text: string): string[] => text.match(O200K_SPLIT) ?? [];
const reference = new Tiktoken(o200kRanks);
const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/** Whether the scanner may decline `text`: it has a number beyond the BMP or a lone surrogate. */
const declinable = (text: string): boolean =>
  [...text].some((ch) => {
    const cp = ch.codePointAt(0)!;
    return (cp >= 0xd800 && cp <= 0xdfff) || (cp > 0xffff && /\p{N}/u.test(ch));
  });

// Where the alternatives meet: letter case runs, apostrophes before contraction letters, numbers,
// whitespace runs with and without line breaks, slashes after symbols, control characters.
const ASCII_ATOMS = [
  ...['a', 'Z', 'word', 'WORD', 'Word', 'wORD', "'", "'s", "'S", "'ll", "'LL", "'lL", "'ve", "'Re", "'d", "'x", "'l"],
  ...['1', '12', '1234', ' ', '  ', '   ', '\t', '\n', '\r\n', '\r', '\v', '\f', ' \n ', '\n\n', '/', '//', '.', ','],
  ...['!/', '?\n', '-', '_', '(', ')', '{"k":', '"', '#', '\u0000', '\u001b', '\u007f', '@', '`', '~', '[', ']'],
];
// Beyond ASCII: Lu, Ll and Lo letters beside each other and beside ASCII case runs, numbers of
// other scripts (Nd, No), spaces (NBSP, ideographic, line separator), quotes and dashes, emoji.
const WIDE_ATOMS = [
  ...['é', 'É', 'ß', 'Ü', 'ñ', 'Ж', 'жж', 'Ωω', 'ǅ', '東', '京都', 'で', 'ا', 'א', 'ก', '中A', 'A中', 'a中', '中a'],
  ...['١٢', '٣', '½', '²', 'Ⅳ', '\u00a0', '\u3000', '\u2028', '\u2029', '\ufeff', '—', '“', '”', '’', '€', '…'],
  ...['\u00ad', '\u200d', '\ue000', '\u0378', 'ｱ', 'Ａ', 'ａ', '〃'],
  // Marks (combining, enclosing, a variation selector), titlecase and modifier letters.
  ...['\u0301', '\u0301\u0302', 'e\u0301', '\u20e3', '\ufe0f', '❤️', 'ं', 'ि', 'ǅ', 'ʰ', 'ー', 'ا\u064e'],
  // Beyond the BMP: emoji (with skin tones, joiners, flags), letters of both cases, a mark, and
  // a number (which the scanner declines).
  ...[
    '🙂',
    '👍🏽',
    '👩\u200d👩\u200d👧',
    '🇫🇷',
    '🙂a',
    ' 🚀',
    '\u{1F600}\u{1F600}',
    '\u{E0061}',
    '𝔘',
    '𝔲',
    '𠀀',
    '\u{1D167}',
    '𝟙',
  ],
];

/** Seeded texts of the atoms above, and now and then any unit below `maxUnit`. */
function generatedTexts(n: number, seed: string, atoms: string[], maxUnit: number): string[] {
  const g = Pcg32.fromString(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const k = g.nextBelow(14);
    for (let j = 0; j < k; j++)
      s += g.nextBelow(6) === 0 ? String.fromCharCode(g.nextBelow(maxUnit)) : atoms[g.nextBelow(atoms.length)];
    out.push(s);
  }
  return out;
}

/** This repository's own files: prose, code, YAML and JSON as they are written. */
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
      if (text.length < 2_000_000) texts.push(text);
    }
  }
  return texts;
}

/** The scanner's split, checked: the regex's pieces, or declined only where it may decline. */
function expectRegexSplit(text: string): boolean {
  const got = splitText(text);
  if (got === null) {
    expect({ text, declinable: declinable(text) }).toEqual({ text, declinable: true });
    return false;
  }
  expect(got).toEqual(regexPieces(text));
  return true;
}

describe('the scanner splits as the o200k regex does', () => {
  it('on 30,000 generated ASCII texts, piece for piece', () => {
    let pieces = 0;
    for (const text of generatedTexts(30_000, 'ascii-split', ASCII_ATOMS, 128)) {
      expect(expectRegexSplit(text)).toBe(true);
      pieces += splitText(text)!.length;
    }
    expect(pieces).toBeGreaterThan(100_000);
  });

  it('on 30,000 generated texts of letters, numbers and spaces beyond ASCII, and any BMP unit now and then', () => {
    let taken = 0;
    const texts = generatedTexts(30_000, 'bmp-split', [...ASCII_ATOMS, ...WIDE_ATOMS, ...WIDE_ATOMS], 0x10000);
    for (const text of texts) if (expectRegexSplit(text)) taken++;
    // Most are taken: a declined text is one with a number beyond the BMP or a lone surrogate.
    expect(taken).toBeGreaterThan(25_000);
  });

  it('on every unit of the BMP next to every class of unit', () => {
    const neighbours = ['a', 'A', '1', ' ', '\n', '.', "'", '/', 'é', 'Ж', '東', '\u00a0', '\u0301', 'ʰ'];
    const wrong: string[] = [];
    let taken = 0;
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const a of neighbours) {
        for (const text of [u, a + u, u + a, `${a}${u}${a}s`]) {
          const got = splitText(text);
          if (got === null ? !declinable(text) : got.join('\u0001') !== regexPieces(text).join('\u0001'))
            wrong.push(text);
          else if (got) taken++;
        }
      }
    }
    expect(wrong).toEqual([]);
    // All but the surrogates are taken.
    expect(taken).toBeGreaterThan(0.95 * 0x10000 * neighbours.length * 4);
  });

  it('on code points beyond the BMP (every 251st) next to every class of unit', () => {
    const neighbours = ['a', 'A', '1', ' ', '\n', '.', "'", '/', 'é', '東', '🙂', '\u0301', '𝔘'];
    const wrong: string[] = [];
    let taken = 0;
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 251) {
      const u = String.fromCodePoint(cp);
      for (const a of neighbours) {
        for (const text of [u, a + u, u + a, `${a}${u}${u}${a}`]) {
          const got = splitText(text);
          if (got === null ? !declinable(text) : got.join('\u0001') !== regexPieces(text).join('\u0001'))
            wrong.push(text);
          else if (got) taken++;
        }
      }
    }
    expect(wrong).toEqual([]);
    // All but the numbers are taken.
    expect(taken).toBeGreaterThan(0.9 * (0x100000 / 251) * neighbours.length * 4);
  });

  it('on the repository’s own files (code, prose, YAML, JSON) and the mixed corpus', () => {
    const texts = [...repositoryTexts(), ...mixedCorpus(500, 'o200k-split')];
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) expectRegexSplit(text);
  });

  it('declines a text with a number beyond the BMP or a lone surrogate, wherever it is', () => {
    for (const text of ['x𝟙', '𝟙𝟚𝟛𝟜', '\ud800', 'ok\udc00', '\udc00🙂', 'a\ud83d b'])
      expect(splitText(text)).toBeNull();
  });

  it('takes marks, titlecase and modifier letters, emoji and letters beyond the BMP as the regex does', () => {
    const texts = ['e\u0301', 'नमस्ते दुनिया', 'ǅx', 'xʰ', 'ー', '❤️ ok', '❤️abc', 'a 𝔘𝔘 b', '!\u0301abc', '\u0301ABC'];
    for (const text of [...texts, '🙂hello 👍🏽👍🏽, 🇫🇷!', 'Tiếng Việt', 'ภาษาไทย', 'العَرَبِيَّة'])
      expect({ text, pieces: splitText(text) }).toEqual({ text, pieces: regexPieces(text) });
    // Emoji are symbols: one code point is the prefix of a word.
    expect(splitText('🙂hello 👍🏽👍🏽, 🇫🇷!')).toEqual(['🙂hello', ' 👍🏽👍🏽,', ' 🇫🇷!']);
  });
});

describe('o200k counts with the scanner', () => {
  const o200k = buildEncoding('o200k_base', packedRanks('o200k_base'));

  it('is the path in use, and cl100k (another regex) does not take it', () => {
    expect(encodingPathOf(o200k)).toEqual({ packedTable: true, linearMerge: true, scanner: true });
    expect(encodingPathOf(buildEncoding('cl100k_base', packedRanks('cl100k_base')))!.scanner).toBe(false);
  });

  it('the probe of its classes is what js-tiktoken makes of it', () => {
    expect(splitText(SPLIT_PROBE)).toEqual(regexPieces(SPLIT_PROBE));
    expect(reference.encode(SPLIT_PROBE, [], []).length).toBe(SPLIT_PROBE_TOKENS);
    expect(countPlainText(o200k, SPLIT_PROBE)).toBe(SPLIT_PROBE_TOKENS);
  });

  it('counts as js-tiktoken does, whether the scanner takes a text or declines it', () => {
    const texts = [
      ...generatedTexts(5_000, 'ascii-count', ASCII_ATOMS, 128),
      ...generatedTexts(5_000, 'bmp-count', [...ASCII_ATOMS, ...WIDE_ATOMS], 0x3000),
      ...mixedCorpus(300),
      readFileSync(join(process.cwd(), 'README.md'), 'utf8'),
      // Long pieces (the heap merge's), kept short enough for js-tiktoken's quadratic merge.
      'x'.repeat(1_000),
      'é'.repeat(600),
      '東'.repeat(600),
      `${'Zq9+'.repeat(300)}==`,
      "<|endoftext|> it's <|im_start|>",
    ];
    let taken = 0;
    for (const text of texts) {
      expect(countPlainText(o200k, text)).toBe(reference.encode(text, [], []).length);
      if (splitText(text)) taken++;
    }
    // Both paths were taken: most texts by the scanner, the declined ones by the regex.
    expect(taken).toBeGreaterThan(9_000);
    expect(texts.length - taken).toBeGreaterThan(20);
  });

  it('leaves options that treat special tokens specially to the package', () => {
    const allowed = { allowedSpecial: new Set(['<|endoftext|>']) };
    expect(o200k.countTokens('a <|endoftext|> b', allowed)).toBe(packageCount('a <|endoftext|> b', allowed));
    expect(() => o200k.countTokens('a <|endoftext|> b')).toThrow(/special token/i);
    expect(o200k.countTokens('a <|endoftext|> b', PLAIN)).toBe(reference.encode('a <|endoftext|> b', [], []).length);
  });
});
