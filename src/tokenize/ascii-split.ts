/**
 * o200k's pre-tokenizer on ASCII text, as a scanner: where the package runs its split regex
 * through `matchAll` (a match array and a string per piece, then a Map-style lookup of that
 * string), this walks the text once and hands each piece on as a range of it.
 *
 * On ASCII the regex (gpt-tokenizer 4.0.0's `o200k_base` pattern, OpenAI's) reads, alternative by
 * alternative, leftmost first:
 *   1. `[^\r\nA-Za-z0-9]?[A-Z]*[a-z]+'?…`   2. `[^\r\nA-Za-z0-9]?[A-Z]+[a-z]*'?…`
 *   3. `[0-9]{1,3}`   4. ` ?[^\sA-Za-z0-9]+[\r\n/]*`   5. `\s*[\r\n]+`   6. `\s+(?!\S)`   7. `\s+`
 * where `'?…` is the optional contraction `'s 'd 'm 't 'll 've 're` in either case and `\s` is
 * tab, line feed, vertical tab, form feed, carriage return and space. {@link asciiPieceEnd}
 * resolves the backtracking of each alternative by hand (see the comments there).
 * tests/tokenize/ascii-split.test.ts holds it to the regex itself, piece for piece, on generated
 * and real texts, and the counts to js-tiktoken's.
 */

// Classes of the code units below 128; NON_ASCII for every other unit.
const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
/** `\s` other than \r and \n: it may lead a word (alternatives 1 and 2). */
const BLANK = 8;
const NEWLINE = 16;
/** Neither letter, digit nor `\s`: punctuation, symbols, control characters. */
const OTHER = 32;
const NON_ASCII = 64;

const LETTER = UPPER | LOWER;
const SPACE = BLANK | NEWLINE;

const CLASS = new Uint8Array(0x10000).fill(NON_ASCII);
for (let c = 0; c < 128; c++) {
  CLASS[c] =
    c >= 65 && c <= 90
      ? UPPER
      : c >= 97 && c <= 122
        ? LOWER
        : c >= 48 && c <= 57
          ? DIGIT
          : c === 10 || c === 13
            ? NEWLINE
            : c === 9 || c === 11 || c === 12 || c === 32
              ? BLANK
              : OTHER;
}

/** The end of the contraction (`'s`, `'LL`, …) at `at`, or `at` when there is none. */
function contractionEnd(text: string, at: number, len: number): number {
  if (at + 1 >= len || text.charCodeAt(at) !== 39) return at;
  const a = text.charCodeAt(at + 1);
  if (!(CLASS[a]! & LETTER)) return at;
  const first = a | 0x20;
  if (first === 115 || first === 100 || first === 109 || first === 116) return at + 2; // s d m t
  if (at + 2 >= len) return at;
  const b = text.charCodeAt(at + 2);
  if (!(CLASS[b]! & LETTER)) return at;
  const second = b | 0x20;
  // ll ve re
  if ((first === 108 && second === 108) || (first === 118 && second === 101) || (first === 114 && second === 101))
    return at + 3;
  return at;
}

/**
 * The end of the piece that starts at `i` (< `len`), or -1 when the piece would involve a unit
 * above 0x7F (the caller then splits the whole text the package's way).
 */
export function asciiPieceEnd(text: string, i: number, len: number): number {
  const k = CLASS[text.charCodeAt(i)]!;
  const next = i + 1 < len ? CLASS[text.charCodeAt(i + 1)]! : 0;
  if (k & NON_ASCII || next & NON_ASCII) return -1;
  // 1 and 2: a letter, or one unit that is not a letter, digit or line break before letters. Both
  // take the uppercase run; 1 then needs lowercase after it (which it takes), 2 needs the uppercase
  // run non-empty. Giving back uppercase letters never helps 1 (an uppercase letter is not
  // lowercase), so with letters at `j` one of them matches, up to the end of the lowercase run.
  if (k & LETTER || (k & (BLANK | OTHER) && next & LETTER)) {
    let j = k & LETTER ? i : i + 1;
    while (j < len && CLASS[text.charCodeAt(j)] === UPPER) j++;
    while (j < len && CLASS[text.charCodeAt(j)] === LOWER) j++;
    if (j < len && CLASS[text.charCodeAt(j)]! & NON_ASCII) return -1;
    return contractionEnd(text, j, len);
  }
  // 3: up to three digits.
  if (k & DIGIT) {
    let j = i + 1;
    while (j < len && j < i + 3 && CLASS[text.charCodeAt(j)] === DIGIT) j++;
    return j;
  }
  // 4: an optional space, a run of other units, then line breaks and slashes.
  if (k & OTHER || (text.charCodeAt(i) === 32 && next & OTHER)) {
    let j = k & OTHER ? i + 1 : i + 2;
    while (j < len && CLASS[text.charCodeAt(j)] === OTHER) j++;
    for (let c = text.charCodeAt(j); j < len && (c === 10 || c === 13 || c === 47); c = text.charCodeAt(++j));
    if (j < len && CLASS[text.charCodeAt(j)]! & NON_ASCII) return -1;
    return j;
  }
  // Whitespace: the run [i, w), and its last line break.
  let w = i;
  let lastBreak = -1;
  for (; w < len; w++) {
    const c = CLASS[text.charCodeAt(w)]!;
    if (!(c & SPACE)) {
      if (c & NON_ASCII) return -1;
      break;
    }
    if (c === NEWLINE) lastBreak = w;
  }
  // 5: `\s*` gives back units until `[\r\n]+` matches: the piece ends after the run's last line
  // break (the units after it are not line breaks).
  if (lastBreak >= 0) return lastBreak + 1;
  // 6: at the end of the text the whole run; before a non-space unit the run less its last unit
  // (the lookahead `(?!\S)` holds only there), when that leaves one.
  if (w === len) return w;
  if (w - i >= 2) return w - 1;
  // 7: one unit of whitespace before a non-space.
  return w;
}

/** The pieces of an ASCII text as the regex splits it, or null when it has a unit above 0x7F (tests). */
export function splitAscii(text: string): string[] | null {
  const pieces: string[] = [];
  for (let i = 0; i < text.length;) {
    const end = asciiPieceEnd(text, i, text.length);
    if (end < 0) return null;
    pieces.push(text.slice(i, end));
    i = end;
  }
  return pieces;
}

/** The rank lookup counting needs (rank-lookup.ts's RankLookup). */
export interface RangeRanks {
  rankOfRange(text: string, start: number, end: number): number;
}

/**
 * Tokens of an ASCII text under o200k, or -1 when it has a unit above 0x7F: each piece is a token
 * of the table (every single unit is one), or `merge` gives its tokens (the package's byte-pair
 * merge with its memo).
 */
export function countAscii(text: string, ranks: RangeRanks, merge: (piece: string) => number): number {
  const len = text.length;
  let tokens = 0;
  for (let i = 0; i < len;) {
    const end = asciiPieceEnd(text, i, len);
    if (end < 0) return -1;
    tokens += end - i === 1 || ranks.rankOfRange(text, i, end) >= 0 ? 1 : merge(text.slice(i, end));
    i = end;
  }
  return tokens;
}
