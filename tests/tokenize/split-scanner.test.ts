/**
 * split-scanner.ts: each scanner splits text exactly as its regex does — o200k's as js-tiktoken
 * ships it (OpenAI's own), cl100k's as gpt-tokenizer has it, Llama 3's — piece for piece, declines
 * the texts it cannot read (numbers beyond the BMP, lone surrogates), and the encodings count with
 * them: the same counts as js-tiktoken's (o200k) and as the same encoding without its scanner.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import { countTokens as packageCount } from 'gpt-tokenizer/encoding/o200k_base';
import { getEncodingParams } from 'gpt-tokenizer/modelParams';
import {
  cl100kPieceEnd,
  llama3PieceEnd,
  o200kPieceEnd,
  splitText,
  type PieceEnd,
} from '../../src/tokenize/split-scanner.js';
import { buildEncoding, encodingPathOf, LLAMA3_SPLIT } from '../../src/tokenize/gpt-tokenizer-internals.js';
import { SPLIT_PROBE, SPLIT_PROBE_TOKENS } from '../../src/tokenize/probes.js';
import type { TiktokenEncoding } from '../../src/types.js';
import { packedRanks } from '../../src/tokenize/ranks.js';
import { countPlainText } from '../../src/tokenize/plain-text.js';
import { Pcg32 } from '../../src/stats/pcg32.js';
import { mixedCorpus } from '../helpers/text-corpus.js';

/** Each scanner and the regex it stands in for. */
const SCANNERS: { encoding: TiktokenEncoding; end: PieceEnd; regex: RegExp }[] = [
  { encoding: 'o200k_base', end: o200kPieceEnd, regex: new RegExp(o200kRanks.pat_str, 'gu') },
  {
    encoding: 'cl100k_base',
    end: cl100kPieceEnd,
    regex: new RegExp(getEncodingParams('cl100k_base', () => []).tokenSplitRegex.source, 'gu'),
  },
  { encoding: 'llama3', end: llama3PieceEnd, regex: new RegExp(LLAMA3_SPLIT.source, 'gu') },
];
const O200K_SPLIT = SCANNERS[0]!.regex;
const regexPieces = (text: string, regex = O200K_SPLIT): string[] => text.match(regex) ?? [];
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

/** Texts `end` splits otherwise than `regex`, or declines without a reason to. */
function wrongSplits(texts: Iterable<string>, end: PieceEnd, regex: RegExp): { wrong: string[]; taken: number } {
  const wrong: string[] = [];
  let taken = 0;
  for (const text of texts) {
    const got = splitText(text, end);
    if (got === null ? !declinable(text) : got.join('\u0001') !== regexPieces(text, regex).join('\u0001'))
      wrong.push(text);
    else if (got) taken++;
  }
  return { wrong, taken };
}

/** Each text with each neighbour before, after and around it (twice, before an `s`). */
function* besideNeighbours(units: Iterable<string>, neighbours: string[]): Iterable<string> {
  for (const u of units) for (const a of neighbours) yield* [u, a + u, u + a, `${a}${u}${u}${a}s`];
}

describe.each(SCANNERS)('the $encoding scanner splits as its regex does', ({ end, regex }) => {
  it('on 20,000 generated ASCII texts, piece for piece', () => {
    const { wrong, taken } = wrongSplits(generatedTexts(20_000, 'ascii-split', ASCII_ATOMS, 128), end, regex);
    expect(wrong).toEqual([]);
    expect(taken).toBe(20_000);
  });

  it('on 20,000 generated texts of letters, marks, numbers and spaces of any script, emoji, any BMP unit now and then', () => {
    const atoms = [...ASCII_ATOMS, ...WIDE_ATOMS, ...WIDE_ATOMS];
    const { wrong, taken } = wrongSplits(generatedTexts(20_000, 'bmp-split', atoms, 0x10000), end, regex);
    expect(wrong).toEqual([]);
    // Most are taken: a declined text is one with a number beyond the BMP or a lone surrogate.
    expect(taken).toBeGreaterThan(17_000);
  });

  it('on every unit of the BMP next to every class of unit', () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
    const neighbours = ['a', 'A', '1', ' ', '\n', '.', "'", '/', 'é', 'Ж', '東', '\u00a0', '\u0301', 'ʰ'];
    const { wrong, taken } = wrongSplits(besideNeighbours(units, neighbours), end, regex);
    expect(wrong).toEqual([]);
    // All but the surrogates are taken.
    expect(taken).toBeGreaterThan(0.95 * 0x10000 * neighbours.length * 4);
  });

  it('on code points beyond the BMP (every 251st) next to every class of unit', () => {
    const units: string[] = [];
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 251) units.push(String.fromCodePoint(cp));
    const neighbours = ['a', 'A', '1', ' ', '\n', '.', "'", '/', 'é', '東', '🙂', '\u0301', '𝔘'];
    const { wrong, taken } = wrongSplits(besideNeighbours(units, neighbours), end, regex);
    expect(wrong).toEqual([]);
    // All but the numbers are taken.
    expect(taken).toBeGreaterThan(0.9 * units.length * neighbours.length * 4);
  });

  it('on the repository’s own files (code, prose, YAML, JSON), the mixed corpus and scripts with marks', () => {
    const texts = [
      ...repositoryTexts(),
      ...mixedCorpus(500, 'split-scanner'),
      ...['e\u0301', 'नमस्ते दुनिया', 'ǅx', 'xʰ', 'ー', '❤️ ok', '❤️abc', 'a 𝔘𝔘 b', '!\u0301abc', '\u0301ABC'],
      ...['🙂hello 👍🏽👍🏽, 🇫🇷!', 'Tiếng Việt', 'ภาษาไทย', 'العَرَبِيَّة', "it's we'll 'sxyz DON'T", 'a\n \n ', 'x \n\n'],
    ];
    expect(texts.length).toBeGreaterThan(500);
    const { wrong, taken } = wrongSplits(texts, end, regex);
    expect(wrong).toEqual([]);
    expect(taken).toBeGreaterThan(400);
  });

  it('declines a text with a number beyond the BMP or a lone surrogate, wherever it is', () => {
    for (const text of ['x𝟙', '𝟙𝟚𝟛𝟜', '\ud800', 'ok\udc00', '\udc00🙂', 'a\ud83d b'])
      expect(splitText(text, end)).toBeNull();
  });
});

describe('where the regexes differ, so do the scanners', () => {
  it('o200k: emoji and marks are one code point of prefix before a word; a case change splits', () => {
    expect(splitText('🙂hello 👍🏽👍🏽, 🇫🇷!')).toEqual(['🙂hello', ' 👍🏽👍🏽,', ' 🇫🇷!']);
    // The space and the heart are two code points: the prefix is one, so the symbols go alone.
    expect(splitText('HelloWORLD ❤️abc')).toEqual(['Hello', 'WORLD', ' ❤️', 'abc']);
    expect(splitText('❤️abc')).toEqual(['❤️abc']);
  });

  it('cl100k and Llama 3: one letter class, a contraction first, marks are symbols; cl100k keeps a final run of whitespace whole', () => {
    for (const end of [cl100kPieceEnd, llama3PieceEnd]) {
      expect(splitText("HelloWORLD 'sxyz e\u0301", end)).toEqual(['HelloWORLD', " '", 'sxyz', ' e', '\u0301']);
      expect(splitText("'sxyz", end)).toEqual(["'s", 'xyz']);
    }
    expect(splitText('a\n \n ', cl100kPieceEnd)).toEqual(['a', '\n \n ']);
    expect(splitText('a\n \n ', llama3PieceEnd)).toEqual(['a', '\n \n', ' ']);
  });
});

describe('the encodings count with their scanners', () => {
  const o200k = buildEncoding('o200k_base', packedRanks('o200k_base'));

  it('is the path in use, for cl100k and Llama 3 too', () => {
    expect(encodingPathOf(o200k)).toEqual({ packedTable: true, linearMerge: true, scanner: true });
    for (const enc of ['cl100k_base', 'llama3'] as const)
      expect(encodingPathOf(buildEncoding(enc, packedRanks(enc)))).toEqual({
        packedTable: true,
        linearMerge: true,
        scanner: true,
      });
  });

  it('the probe of its classes is what js-tiktoken makes of it', () => {
    expect(splitText(SPLIT_PROBE)).toEqual(regexPieces(SPLIT_PROBE));
    expect(reference.encode(SPLIT_PROBE, [], []).length).toBe(SPLIT_PROBE_TOKENS.o200k_base);
    expect(countPlainText(o200k, SPLIT_PROBE)).toBe(SPLIT_PROBE_TOKENS.o200k_base);
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

  it('cl100k and Llama 3 count as the same encodings without their scanner', () => {
    const texts = [
      ...generatedTexts(3_000, 'ascii-count', ASCII_ATOMS, 128),
      ...generatedTexts(3_000, 'bmp-count', [...ASCII_ATOMS, ...WIDE_ATOMS], 0x3000),
      ...mixedCorpus(200),
      `${'Zq9+'.repeat(300)}==`,
    ];
    for (const enc of ['cl100k_base', 'llama3'] as const) {
      const fast = buildEncoding(enc, packedRanks(enc));
      // A scanner that declines every text: the package's regex over the same table.
      const regexOnly = buildEncoding(enc, packedRanks(enc), undefined, () => -1);
      expect(encodingPathOf(regexOnly)!.scanner).toBe(false);
      const differing = texts.filter((t) => countPlainText(fast, t) !== countPlainText(regexOnly, t));
      expect({ enc, differing }).toEqual({ enc, differing: [] });
      expect(countPlainText(fast, SPLIT_PROBE)).toBe(SPLIT_PROBE_TOKENS[enc]);
    }
  });

  it('leaves options that treat special tokens specially to the package', () => {
    const allowed = { allowedSpecial: new Set(['<|endoftext|>']) };
    expect(o200k.countTokens('a <|endoftext|> b', allowed)).toBe(packageCount('a <|endoftext|> b', allowed));
    expect(() => o200k.countTokens('a <|endoftext|> b')).toThrow(/special token/i);
    expect(o200k.countTokens('a <|endoftext|> b', PLAIN)).toBe(reference.encode('a <|endoftext|> b', [], []).length);
  });
});
