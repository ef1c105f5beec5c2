/**
 * A gpt-tokenizer encoding built on a packed rank table (see ranks.ts for why): decoding the table,
 * the string → rank lookup, and the encoding around it. No table is imported here, so the
 * tokenizer worker (worker-entry.ts) can use this module with tables it is sent.
 *
 * The tokenizer is the package's own `GptEncoding`, so splitting, merging and counting are the
 * package's code; only its rank Map is replaced, by an object with the same `get`. That Map is a
 * private field of gpt-tokenizer 4.0.0 (pinned exactly in package.json): if a later version
 * changes the field, `buildEncoding` notices and builds the encoding the package's way instead,
 * and tests/tokenize/ranks.test.ts compares every rank and the tokens of a mixed corpus with the
 * package's encoding.
 */
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { inflateRawSync } from 'node:zlib';
import type { Encoding } from '../types.js';

/** One rank: the token's text, or its bytes when they are not valid UTF-8 on their own. */
export type Rank = string | number[];

// Module-level alias: inside a vm context (jest) every read of the global `Math` is slow.
const imul = Math.imul;

/** A decoded table: text tokens as ranges of one string, byte tokens as arrays. */
export interface PackedTable {
  /** Number of ranks (text and byte tokens). */
  count: number;
  /** Every text token, concatenated in rank order. */
  text: string;
  /** Per text token: its rank, start in `text` and length (UTF-16 code units). */
  rank: Int32Array;
  start: Int32Array;
  length: Int32Array;
  /** [rank, bytes] of the tokens that are not valid UTF-8 on their own. */
  bytes: [number, number[]][];
}

/**
 * Decodes a table written by scripts/generate.mjs `encodeRanks` (deflate-raw, base64): entry
 * count, per entry `length << 1 | isBytes` (varints), the UTF-8 of the text tokens, then the byte
 * tokens.
 */
export function unpackTable(packed: string): PackedTable {
  const buf = inflateRawSync(Buffer.from(packed, 'base64'));
  let pos = 0;
  const varint = (): number => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  };
  const count = varint();
  const heads = new Uint32Array(count);
  let textTokens = 0;
  let byteCount = 0;
  for (let i = 0; i < count; i++) {
    const h = varint();
    heads[i] = h;
    if (h & 1) byteCount += h >>> 1;
    else textTokens++;
  }
  const bytesStart = buf.length - byteCount;
  const text = buf.toString('utf8', pos, bytesStart);
  const rank = new Int32Array(textTokens);
  const start = new Int32Array(textTokens);
  const length = new Int32Array(textTokens);
  const bytes: [number, number[]][] = [];
  let t = 0;
  let at = 0;
  let b = bytesStart;
  for (let i = 0; i < count; i++) {
    const n = heads[i]! >>> 1;
    if (heads[i]! & 1) {
      bytes.push([i, Array.from(buf.subarray(b, b + n))]);
      b += n;
    } else {
      rank[t] = i;
      start[t] = at;
      length[t] = n;
      at += n;
      t++;
    }
  }
  if (at !== text.length) throw new Error('tokenize: packed rank table is corrupt (text length)'); // a build bug, not input
  return { count, text, rank, start, length, bytes };
}

/** The table as the package's array: index = rank, value = text or bytes. */
export function ranksOf(table: PackedTable): Rank[] {
  const ranks = new Array<Rank>(table.count);
  for (let i = 0; i < table.rank.length; i++) ranks[table.rank[i]!] = table.text.slice(table.start[i]!, table.start[i]! + table.length[i]!);
  for (const [r, bytes] of table.bytes) ranks[r] = bytes;
  return ranks;
}

/** {@link unpackTable} then {@link ranksOf}. */
export function unpackRanks(packed: string): Rank[] {
  return ranksOf(unpackTable(packed));
}

/** FNV-1a over UTF-16 code units of s[from, to). */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/**
 * Text token → rank, with the `get` of the Map it stands in for. Linear probing over a table of
 * twice the next power of two (load ≤ 0.5); a slot holds a text-token index. The same string
 * twice would keep the later rank, as Map.set does.
 */
export class RankLookup {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Int32Array;

  constructor(private readonly table: PackedTable) {
    const n = table.rank.length;
    let size = 1;
    while (size < n) size <<= 1;
    size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(n);
    const { text, start, length } = table;
    for (let i = 0; i < n; i++) {
      const h = hashRange(text, start[i]!, start[i]! + length[i]!);
      this.hashes[i] = h;
      let s = h & this.mask;
      for (;;) {
        const e = this.slots[s]!;
        if (e === -1) break;
        if (this.hashes[e] === h && length[e] === length[i] && text.startsWith(text.slice(start[i]!, start[i]! + length[i]!), start[e]!)) break;
        s = (s + 1) & this.mask;
      }
      this.slots[s] = i;
    }
  }

  /** The rank of a text token, undefined for any other string. */
  get(key: string): number | undefined {
    const len = key.length;
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < len; i++) h = imul(h ^ key.charCodeAt(i), 16777619);
    const { slots, hashes, mask } = this;
    const { text, start, length, rank } = this.table;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === -1) return undefined;
      if (hashes[e] === h && length[e] === len && text.startsWith(key, start[e])) return rank[e];
    }
  }

  /** Number of text tokens. */
  get size(): number {
    return this.table.rank.length;
  }
}

/**
 * Special-token text (`<|endoftext|>`, `<|im_start|>`) in prompts or recorded messages is counted
 * as the plain text it is: nothing is allowed as a special token, nothing is rejected.
 */
const PLAIN_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/** Tokens of `text` as plain text (the one counting rule, on the main thread and in the worker). */
export function countPlainText(encoding: GptEncoding, text: string): number {
  return encoding.countTokens(text, PLAIN_TEXT);
}

/** The parts of gpt-tokenizer 4.0.0's BytePairEncodingCore this module replaces (private there). */
interface CoreInternals {
  bytePairStringRankEncoder: unknown;
  bytePairRankDecoder: unknown;
  mergeableBytePairRankCount: number;
}

/** Builds an encoding around a packed table (see the module comment), or the package's way. */
export function buildEncoding(encoding: Encoding, packed: string): GptEncoding {
  const table = unpackTable(packed);
  // The package's constructor indexes what it is given: give it only the byte tokens (a sparse
  // array, so that is cheap) and put the text tokens in afterwards.
  const byteTokens = new Array<Rank>(table.count);
  for (const [r, bytes] of table.bytes) byteTokens[r] = bytes;
  const api = GptEncoding.getEncodingApi(encoding, () => byteTokens);
  const core = (api as unknown as { bytePairEncodingCoreProcessor?: CoreInternals }).bytePairEncodingCoreProcessor;
  if (!core || !(core.bytePairStringRankEncoder instanceof Map) || core.bytePairStringRankEncoder.size !== 0 || core.bytePairRankDecoder !== byteTokens) {
    return GptEncoding.getEncodingApi(encoding, () => ranksOf(table));
  }
  core.bytePairStringRankEncoder = new RankLookup(table);
  // Only decoding reads the full array (aicost never decodes): materialise it on demand.
  let full: Rank[] | undefined;
  Object.defineProperty(core, 'bytePairRankDecoder', { get: () => (full ??= ranksOf(table)), configurable: true });
  const specials = api.vocabularySize - core.mergeableBytePairRankCount;
  core.mergeableBytePairRankCount = table.count;
  (api as unknown as { vocabularySize: number }).vocabularySize = table.count + specials;
  return api;
}
