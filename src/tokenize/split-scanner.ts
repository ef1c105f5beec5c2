/**
 * The pre-tokenizers of o200k, cl100k and Llama 3 as scanners: where the package runs its split
 * regex through `matchAll` (a match array and a string per piece, then a Map-style lookup of that
 * string), these walk the text once and hand each piece on as a range of it.
 *
 * o200k's regex (gpt-tokenizer 4.0.0's `o200k_base` pattern, OpenAI's) reads, alternative by
 * alternative, leftmost first:
 *   1. `X?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+C?`
 *   2. `X?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*C?`
 *   3. `\p{N}{1,3}`   4. ` ?[^\s\p{L}\p{N}]+[\r\n/]*`   5. `\s*[\r\n]+`   6. `\s+(?!\S)`   7. `\s+`
 * where X is `[^\r\n\p{L}\p{N}]` and C the optional contraction `'s 'd 'm 't 'll 've 're` in
 * either case. cl100k's (gpt-tokenizer's, OpenAI's current one) and Llama 3's (its tokenizer.json)
 * read: `C|X?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|` then cl100k `\s+$|\s*[\r\n]|\s+(?!\S)|\s`,
 * Llama 3 o200k's whitespace alternatives 5–7. The scanners resolve the backtracking of each
 * alternative by hand (see the comments there). Code units are read by class (letters of the
 * first set only, of the second only, of both; marks, which are in both and an X too; numbers;
 * whitespace; everything else), a surrogate pair by its code point's. A text with a number beyond
 * the BMP (`\p{N}{1,3}` counts code points, not units) or a lone surrogate is declined: the caller
 * splits it the package's way. tests/tokenize/split-scanner.test.ts holds each scanner to its
 * regex, piece for piece, on generated and real texts and on every code unit of the BMP, and the
 * counts to the reference tokenizers'.
 */

// Classes of code units; 0 = not classified yet (the table is filled on first sight).
const UPPER = 1; // Lu, Lt: in the first letter set only
const LOWER = 2; // Ll: in the second letter set only
const BOTH = 4; // Lo, Lm: in both letter sets
const DIGIT = 8; // \p{N}
/** `\s` other than \r and \n: it may lead a word (alternatives 1 and 2). */
const BLANK = 16;
const NEWLINE = 32; // \r, \n
/** Neither letter, number nor `\s`: punctuation, symbols, control and format characters. */
const OTHER = 64;
/** \p{M}: in both letter sets like Lo, and also one of the units 1's prefix and 4's run take. */
const MARK = 128;
/**
 * A number beyond the BMP (`\p{N}{1,3}` counts code points), a lone surrogate: the text is
 * declined. Only pairClass gives it: it is never in the table.
 */
const DECLINE = 256;

/** In the table for every surrogate: its class is its pair's (see pairClass). */
const SURROGATE = 255;

const LETTER = UPPER | LOWER | BOTH;
const SPACE = BLANK | NEWLINE;

const CLASS = new Uint8Array(0x10000);

const IS = {
  upper: /^[\p{Lu}\p{Lt}]$/u,
  lower: /^\p{Ll}$/u,
  both: /^[\p{Lo}\p{Lm}]$/u,
  mark: /^\p{M}$/u,
  number: /^\p{N}$/u,
  space: /^\s$/u,
};

/** The class of an ASCII unit (its properties, without compiling the Unicode ones at start). */
function asciiClass(c: number): number {
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c === 10 || c === 13) return NEWLINE;
  return c === 9 || c === 11 || c === 12 || c === 32 ? BLANK : OTHER;
}
for (let c = 0; c < 128; c++) CLASS[c] = asciiClass(c);
CLASS.fill(SURROGATE, 0xd800, 0xe000);

/** The class of a code point above 0x7F (`ch`, one or two units), by the regex's own properties. */
function classOf(ch: string): number {
  if (IS.upper.test(ch)) return UPPER;
  if (IS.lower.test(ch)) return LOWER;
  if (IS.both.test(ch)) return BOTH;
  if (IS.mark.test(ch)) return MARK;
  if (IS.number.test(ch)) return ch.length > 1 ? DECLINE : DIGIT;
  return IS.space.test(ch) ? BLANK : OTHER;
}

/** The class of a unit above 0x7F (not a surrogate), classified now and kept. */
function classify(c: number): number {
  return (CLASS[c] = classOf(String.fromCharCode(c)));
}

/** Classes of code points above the BMP met so far. */
const ASTRAL = new Map<number, number>();

/**
 * The class of a surrogate at `at`: its pair's code point's (a number beyond the BMP declines); a
 * lone surrogate is DECLINE. Both halves of a pair have its class, so a run never ends between
 * them; where one code point counts alone (the prefix of 1 and 2), the caller steps over both.
 */
function pairClass(text: string, at: number, c: number): number {
  const high = c <= 0xdbff ? c : text.charCodeAt(at - 1);
  const low = c <= 0xdbff ? text.charCodeAt(at + 1) : c;
  if (!(high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff)) return DECLINE;
  const cp = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  let k = ASTRAL.get(cp);
  if (k === undefined) ASTRAL.set(cp, (k = classOf(String.fromCodePoint(cp))));
  return k;
}

/** The class of `text[at]` (at < length). */
function classAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const k = CLASS[c]!;
  if (k === 0) return classify(c);
  return k === SURROGATE ? pairClass(text, at, c) : k;
}

/** The end of the contraction (`'s`, `'LL`, …) at `at`, or `at` when there is none. */
function contractionEnd(text: string, at: number, len: number): number {
  if (at + 1 >= len || text.charCodeAt(at) !== 39) return at;
  const a = text.charCodeAt(at + 1);
  if (a >= 128 || !(CLASS[a]! & LETTER)) return at;
  const first = a | 0x20;
  if (first === 115 || first === 100 || first === 109 || first === 116) return at + 2; // s d m t
  if (at + 2 >= len) return at;
  const b = text.charCodeAt(at + 2);
  if (b >= 128 || !(CLASS[b]! & LETTER)) return at;
  const second = b | 0x20;
  // ll ve re
  if ((first === 108 && second === 108) || (first === 118 && second === 101) || (first === 114 && second === 101))
    return at + 3;
  return at;
}

/** The end of the run from `j` of units of `classes`, or -1 when a unit that declines the text ends it. */
function runEnd(text: string, j: number, len: number, classes: number): number {
  for (; j < len; j++) {
    const k = classAt(text, j);
    if (!(k & classes)) return k & DECLINE ? -1 : j;
  }
  return j;
}

/**
 * Where alternative 1 (or 2, with `orTwo`) ends when its letters start at `j`, 0 when it does not
 * match there, -1 when the text is declined. Both take the run of the first letter set (Lu, Lt,
 * Lo, Lm, marks) greedily. 1 then needs the second set (Ll, Lo, Lm, marks) after it, giving back
 * units one at a time: with a Ll after the run it takes the whole run and the run of the second
 * set that follows; else it ends after the run's last unit that is in both sets (given back, it
 * is the one unit of the second set, and what follows it is Lu or Lt). With no such unit and no Ll
 * after it, 2 takes the run, when it is not empty. The contraction is not included.
 */
function wordEnd(text: string, j: number, len: number, orTwo: boolean): number {
  let a = j;
  let lastBoth = -1;
  for (; a < len; a++) {
    const ka = classAt(text, a);
    if (ka === UPPER) continue;
    if (ka === BOTH || ka === MARK) lastBoth = a;
    else if (ka & DECLINE) return -1;
    else break;
  }
  if (a < len && classAt(text, a) === LOWER) return runEnd(text, a + 1, len, LOWER | BOTH | MARK);
  if (lastBoth >= 0) return lastBoth + 1;
  return orTwo && a > j ? a : 0;
}

/**
 * The end of o200k's piece that starts at `i` (< `len`), or -1 when the text is declined (a unit
 * of class DECLINE met on the way).
 */
export function o200kPieceEnd(text: string, i: number, len: number): number {
  const k = classAt(text, i);
  // The code point at i: one unit, or two (the prefix of 1 and 2 is one code point).
  const width = CLASS[text.charCodeAt(i)] === SURROGATE ? 2 : 1;
  const next = i + width < len ? classAt(text, i + width) : 0;
  if ((k | next) & DECLINE) return -1;
  // 1 and 2 from a letter: they match, one or the other (its first unit is in one of the sets).
  if (k & LETTER) {
    const e = wordEnd(text, i, len, true);
    return e < 0 ? -1 : contractionEnd(text, e, len);
  }
  // A mark is both a prefix (X) and a letter of both sets: 1 takes it as the prefix when the
  // letters after it match, else as its one letter of the second set, alone (2 is never tried).
  if (k === MARK) {
    const e = wordEnd(text, i + width, len, false);
    return e < 0 ? -1 : contractionEnd(text, e > 0 ? e : i + width, len);
  }
  // 1 and 2 after a prefix: one unit that is not a letter, number or line break, before letters.
  if (k & (BLANK | OTHER) && next & (LETTER | MARK)) {
    const e = wordEnd(text, i + width, len, true);
    return e < 0 ? -1 : contractionEnd(text, e, len);
  }
  if (k & DIGIT) return digitsEnd(text, i, len);
  // 4: an optional space, a run of other units (marks too), then line breaks and slashes.
  if (k & (OTHER | MARK) || (text.charCodeAt(i) === 32 && next & OTHER)) return symbolsEnd(text, i, k, len, true);
  return spaceEnd(text, i, len, false);
}

/** 3: up to three numbers from `i`. */
function digitsEnd(text: string, i: number, len: number): number {
  let j = i + 1;
  while (j < len && j < i + 3 && classAt(text, j) === DIGIT) j++;
  return j;
}

/**
 * 4: an optional space (when `k`, the class at `i`, is not a symbol's), a run of symbols and
 * marks, then line breaks (and slashes, with `slash`: o200k's). -1 when the text is declined.
 */
function symbolsEnd(text: string, i: number, k: number, len: number, slash: boolean): number {
  let j = runEnd(text, k & (OTHER | MARK) ? i + 1 : i + 2, len, OTHER | MARK);
  if (j < 0) return -1;
  for (let c = text.charCodeAt(j); j < len && (c === 10 || c === 13 || (slash && c === 47)); c = text.charCodeAt(++j));
  return j;
}

/**
 * The whitespace alternatives from `i`, over the run [i, w) and its last line break. `endRunWhole`
 * is cl100k's `\s+$` first: a run to the end of the text is one piece.
 */
function spaceEnd(text: string, i: number, len: number, endRunWhole: boolean): number {
  let w = i;
  let lastBreak = -1;
  for (; w < len; w++) {
    const kw = classAt(text, w);
    if (!(kw & SPACE)) {
      if (kw & DECLINE) return -1;
      break;
    }
    if (kw === NEWLINE) lastBreak = w;
  }
  if (endRunWhole && w === len) return w;
  // `\s*` gives back units until `[\r\n]` matches: the piece ends after the run's last line break
  // (the units after it are not line breaks).
  if (lastBreak >= 0) return lastBreak + 1;
  // `\s+(?!\S)`: at the end of the text the whole run; before a non-space unit the run less its
  // last unit (the lookahead holds only there), when that leaves one.
  if (w === len) return w;
  if (w - i >= 2) return w - 1;
  // `\s`, `\s+`: one unit of whitespace before a non-space.
  return w;
}

/**
 * The end of cl100k's or Llama 3's piece that starts at `i` (< `len`), -1 when the text is
 * declined: one letter class (marks are not letters there, so they are X and symbols only).
 */
function wordsFirstEnd(text: string, i: number, len: number, endRunWhole: boolean): number {
  // 1: a contraction, wherever it is (before anything else: "'sxyz" is "'s", "xyz").
  if (text.charCodeAt(i) === 39) {
    const e = contractionEnd(text, i, len);
    if (e > i) return e;
  }
  const k = classAt(text, i);
  const width = CLASS[text.charCodeAt(i)] === SURROGATE ? 2 : 1;
  const next = i + width < len ? classAt(text, i + width) : 0;
  if ((k | next) & DECLINE) return -1;
  // 2: letters, after at most one code point that is not a letter, number or line break.
  if (k & LETTER || (k & (BLANK | OTHER | MARK) && next & LETTER))
    return runEnd(text, k & LETTER ? i : i + width, len, LETTER);
  if (k & DIGIT) return digitsEnd(text, i, len);
  if (k & (OTHER | MARK) || (text.charCodeAt(i) === 32 && next & (OTHER | MARK)))
    return symbolsEnd(text, i, k, len, false);
  return spaceEnd(text, i, len, endRunWhole);
}

/** A scanner: the end of the piece that starts at `i` (< `len`), -1 when the text is declined. */
export type PieceEnd = (text: string, i: number, len: number) => number;

/** cl100k's scanner (gpt-tokenizer's pattern: a whitespace run to the end of the text is one piece). */
export const cl100kPieceEnd: PieceEnd = (text, i, len) => wordsFirstEnd(text, i, len, true);

/** Llama 3's scanner (its tokenizer.json's `Split` pattern). */
export const llama3PieceEnd: PieceEnd = (text, i, len) => wordsFirstEnd(text, i, len, false);

/** The pieces of a text as `end`'s regex splits it, or null when the scanner declines it (tests). */
export function splitText(text: string, end: PieceEnd = o200kPieceEnd): string[] | null {
  const pieces: string[] = [];
  for (let i = 0; i < text.length;) {
    const e = end(text, i, text.length);
    if (e < 0) return null;
    pieces.push(text.slice(i, e));
    i = e;
  }
  return pieces;
}

/** The rank lookups counting needs (rank-lookup.ts's RankLookup). */
export interface PieceRanks {
  /** The rank of a latin1 range of the text, -1 when it is no token or not latin1. */
  rankOfRange(text: string, start: number, end: number): number;
  /** The rank of any piece. */
  get(piece: string): number | undefined;
}

/**
 * Tokens of a text split by `end`, or -1 when the scanner declines it: each piece is a token of
 * the table (every ASCII unit is one), or `merge` gives its tokens (the package's byte-pair merge
 * with its memo). A piece the range lookup misses is looked up again as a string: the range
 * lookup sees only the latin1 tokens.
 */
export function countSplit(text: string, end: PieceEnd, ranks: PieceRanks, merge: (piece: string) => number): number {
  const len = text.length;
  let tokens = 0;
  for (let i = 0; i < len;) {
    const e = end(text, i, len);
    if (e < 0) return -1;
    if ((e - i === 1 && text.charCodeAt(i) < 128) || ranks.rankOfRange(text, i, e) >= 0) tokens++;
    else {
      const piece = text.slice(i, e);
      tokens += ranks.get(piece) !== undefined ? 1 : merge(piece);
    }
    i = e;
  }
  return tokens;
}
