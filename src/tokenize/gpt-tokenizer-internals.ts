/**
 * The one module that touches gpt-tokenizer's internals: it builds an encoding on a packed rank
 * table (packed-table.ts) and merges long pieces with a heap (linear-merge.ts), inside the
 * package's own `GptEncoding`, so merging and counting stay the package's code; texts are split
 * by a scanner of the package's regex (split-scanner.ts) where it can. It also mends one
 * lookup of the package: tokens that begin with a byte order mark (`keepByteOrderMark`).
 *
 * What it relies on — gpt-tokenizer 4.0.0 (pinned exactly in package.json), private there:
 * - `GptEncoding.getEncodingApi(name, getRanks)` builds a `GptEncoding` whose
 *   `bytePairEncodingCoreProcessor` (a BytePairEncodingCore) has, when given an empty rank array:
 *   `bytePairRankDecoder` (that very array), `bytePairStringRankEncoder` (an empty Map: only its
 *   `get` is used), `bytePairNonUtfRankDecoder` (an empty Map rank → Uint8Array),
 *   `bytePairNonUtfSortedEncoder` (an empty array of [Uint8Array, rank], sorted by bytes) and
 *   `mergeableBytePairRankCount` (0); and the encoding's `vocabularySize` (ranks + specials).
 * - The core's methods `bytePairMerge(piece: Uint8Array): number[]`, `getBpeRankFromString`,
 *   `getBpeRankFromBytes` (which `getBpeRankFromBytesOrThrow` and the merges call as a method),
 *   `addToMergeCache(key, value)`, and its fields `mergeCache` (a Map, or undefined) and
 *   `mergeCacheSize` (a number).
 * - `countTokens` and `encode` are own (bound) properties of the encoding.
 * - For the scanners (split-scanner.ts splits most texts instead of the package's regex): the
 *   core's `bytePairEncode(piece: string): number[]`, the merge of one piece with the package's memo.
 *
 * Any failure — the constructor throwing when given no ranks (as it would if o200k's parameters
 * got an `expectedVocabularySize`), a field of another shape, the heap merge not installing, a
 * probe text (probes.ts) counted differently from js-tiktoken's count (checked at build; o200k's
 * probes touch nothing lazy), a count throwing later — and the encoding is the package's own public path
 * instead: `getEncodingApi` with the full rank array. Same tokens, slower: ~100 ms more to build,
 * and long pieces merged in quadratic time. A scanner that counts its probes differently is left
 * out alone: texts then go through the package's regex. {@link encodingPathOf} says which path a
 * built encoding took and why; tests/tokenize/internals.test.ts asserts the fast path is the one
 * in use, forces each fallback and compares counts with js-tiktoken.
 */
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import type { TiktokenEncoding as Encoding } from '../types.js';
import {
  linearBytePairMerge,
  linearMergeStats,
  LINEAR_MERGE_MIN_BYTES,
  outsideStats,
  type RankSource,
} from './linear-merge.js';
import { ranksOf, unpackTable, type PackedTable, type Rank } from './packed-table.js';
import { checkProbe, PROBE, PROBE_EXPECTED, SPLIT_PROBE, SPLIT_PROBE_TOKENS } from './probes.js';
import { RankLookup } from './rank-lookup.js';
import { cl100kPieceEnd, countSplit, llama3PieceEnd, o200kPieceEnd, type PieceEnd } from './split-scanner.js';

/** How an encoding was built. */
export interface EncodingPath {
  /** The rank lookup is the packed table's index (not the package's Map of every token). */
  packedTable: boolean;
  /** Long pieces are merged by the heap merge (not the package's quadratic one). */
  linearMerge: boolean;
  /** Texts are split by the encoding's scanner (split-scanner.ts, not the package's regex) where it can. */
  scanner: boolean;
  /** Why a fast part is not in use (the first failure), when one is not. */
  fallback?: string;
}

/** split-scanner.ts's `countSplit`: tests inject one that miscounts. */
export type SplitCount = typeof countSplit;

/** Each encoding's scanner (split-scanner.ts). */
const SCANNERS: Readonly<Record<Encoding, PieceEnd>> = {
  o200k_base: o200kPieceEnd,
  cl100k_base: cl100kPieceEnd,
  llama3: llama3PieceEnd,
};

/** `GptEncoding.getEncodingApi`'s signature: tests inject one that fails as a future version might. */
export type EncodingApiFactory = (encoding: Encoding, getRanks: () => Rank[]) => GptEncoding;

/**
 * Llama 3's pre-tokenizer (its tokenizer.json `Split` regex, as Meta's tiktoken-based tokenizer.py
 * has it): cl100k's in its original form. `(?i:'s|'t|…)` is written out as character classes
 * (gpt-tokenizer's own contraction pattern): Node 20's RegExp has no inline modifiers.
 */
export const LLAMA3_SPLIT =
  /'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu;

/**
 * gpt-tokenizer's own encodings by name; Llama 3 (not one of them) as a GptEncoding of its regex
 * and ranks, no special tokens (aicost counts special-token text as plain text anyway).
 */
const packageFactory: EncodingApiFactory = (encoding, getRanks) =>
  encoding === 'llama3'
    ? new (GptEncoding as unknown as new (params: object) => GptEncoding)({
        tokenSplitRegex: LLAMA3_SPLIT,
        bytePairRankDecoder: getRanks(),
        specialTokensEncoder: new Map(),
      })
    : GptEncoding.getEncodingApi(encoding, getRanks);

const paths = new WeakMap<GptEncoding, EncodingPath>();

/** The path an encoding built by {@link buildEncoding} took (undefined for any other). */
export function encodingPathOf(api: GptEncoding): EncodingPath | undefined {
  const path = paths.get(api);
  return path && { ...path };
}

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The encoding of a packed table (or of one already unpacked, from a table image): the fast path
 * (the table's index and the heap merge inside the package's encoding) when gpt-tokenizer is the
 * shape described above, else the package's own (see the module comment). `factory` and
 * `splitCount` are for tests.
 */
export function buildEncoding(
  encoding: Encoding,
  packed: string | PackedTable,
  factory: EncodingApiFactory = packageFactory,
  splitCount: SplitCount = countSplit,
): GptEncoding {
  const table = typeof packed === 'string' ? unpackTable(packed) : packed;
  let api: GptEncoding;
  try {
    api = fastEncoding(encoding, table, factory);
    checkProbe(api, encoding);
  } catch (err) {
    return packageEncoding(encoding, table, factory, `packed table: ${reason(err)}`);
  }
  let scanner: string | true;
  try {
    useScanner(api, encoding, splitCount);
    scanner = true;
  } catch (err) {
    scanner = reason(err);
  }
  paths.set(
    api,
    scanner === true
      ? { packedTable: true, linearMerge: true, scanner: true }
      : { packedTable: true, linearMerge: true, scanner: false, fallback: `scanner: ${scanner}` },
  );
  fallBackOnThrow(api, () => packageEncoding(encoding, table, factory, 'a count threw'));
  return api;
}

/** The package's own path over the full rank array, with the heap merge if that still installs. */
function packageEncoding(
  encoding: Encoding,
  table: PackedTable,
  factory: EncodingApiFactory,
  why: string,
): GptEncoding {
  const ranks = ranksOf(table);
  try {
    const api = factory(encoding, () => ranks);
    useLinearMerge(api);
    checkProbe(api, encoding);
    paths.set(api, { packedTable: false, linearMerge: true, scanner: false, fallback: why });
    return api;
  } catch (err) {
    const api = packageFactory(encoding, () => ranks);
    paths.set(api, {
      packedTable: false,
      linearMerge: false,
      scanner: false,
      fallback: `${why}; heap merge: ${reason(err)}`,
    });
    return api;
  }
}

/**
 * Makes a failure thrown while counting or encoding switch the encoding to the package's path
 * for that call and every later one (a shape that passed the checks but breaks on some text).
 */
function fallBackOnThrow(api: GptEncoding, fallback: () => GptEncoding): void {
  let replacement: GptEncoding | undefined;
  const replace = (): GptEncoding => {
    if (!replacement) {
      replacement = fallback();
      paths.set(api, paths.get(replacement)!);
    }
    return replacement;
  };
  const { countTokens, encode } = api;
  api.countTokens = (...args) => {
    if (replacement) return replacement.countTokens(...args);
    try {
      return countTokens(...args);
    } catch {
      return replace().countTokens(...args);
    }
  };
  api.encode = (...args) => {
    if (replacement) return replacement.encode(...args);
    try {
      return encode(...args);
    } catch {
      return replace().encode(...args);
    }
  };
}

/** The parts of gpt-tokenizer 4.0.0's BytePairEncodingCore replaced here (private there). */
interface CoreInternals {
  bytePairStringRankEncoder: unknown;
  bytePairRankDecoder: unknown;
  bytePairNonUtfRankDecoder: unknown;
  bytePairNonUtfSortedEncoder: unknown;
  mergeableBytePairRankCount: number;
}

const coreOf = (api: GptEncoding): unknown =>
  (api as unknown as { bytePairEncodingCoreProcessor?: unknown }).bytePairEncodingCoreProcessor;

/** The package's encoding with the table's lookup and byte tokens put in; throws on any other shape. */
function fastEncoding(encoding: Encoding, table: PackedTable, factory: EncodingApiFactory): GptEncoding {
  // The package's constructor indexes the ranks it is given: give it none and put in afterwards
  // the lookup for text tokens and, for byte tokens, what it would have built.
  const none: Rank[] = [];
  const api = factory(encoding, () => none);
  const core = coreOf(api) as CoreInternals | undefined;
  const isEmptyMap = (m: unknown): boolean => m instanceof Map && m.size === 0;
  if (
    !core ||
    core.bytePairRankDecoder !== none ||
    core.mergeableBytePairRankCount !== 0 ||
    !isEmptyMap(core.bytePairStringRankEncoder) ||
    !isEmptyMap(core.bytePairNonUtfRankDecoder) ||
    !Array.isArray(core.bytePairNonUtfSortedEncoder) ||
    core.bytePairNonUtfSortedEncoder.length !== 0 ||
    typeof api.vocabularySize !== 'number'
  ) {
    throw new Error('BytePairEncodingCore is not the shape of gpt-tokenizer 4.0.0');
  }
  // The byte tokens go into the (empty) structures the package made, in place: replacing its
  // properties, with accessors above all, would turn `core` into a dictionary-mode object, and
  // every property read in the package's loops slower (~6% of counting time). They are filled
  // when first needed: the package looks each piece up as a string before merging its bytes, and
  // only a piece with a non-ASCII unit has byte pairs that may not be valid UTF-8 on their own
  // (the ones looked up among the byte tokens). Decoding fills them too.
  let filled = false;
  const fillByteTokens = (): void => {
    if (filled) return;
    filled = true;
    const byRank = core.bytePairNonUtfRankDecoder as Map<number, Uint8Array>;
    const sorted = core.bytePairNonUtfSortedEncoder as [Uint8Array, number][];
    for (const [rank, bytes] of table.bytes) {
      byRank.set(rank, bytes);
      sorted.push([bytes, rank]);
    }
  };
  core.bytePairStringRankEncoder = new RankLookup(table, fillByteTokens);
  // Only decoding reads the full array (aicost never decodes): materialised on first read.
  let full: Rank[] | undefined;
  const decoder = (): Rank[] => {
    fillByteTokens();
    return (full ??= ranksOf(table));
  };
  core.bytePairRankDecoder = new Proxy([], { get: (_target, key) => Reflect.get(decoder(), key) });
  const specials = api.vocabularySize - core.mergeableBytePairRankCount;
  core.mergeableBytePairRankCount = table.count;
  (api as unknown as { vocabularySize: number }).vocabularySize = table.count + specials;
  useLinearMerge(api, () => {
    fillByteTokens();
    return core.bytePairNonUtfSortedEncoder as [Uint8Array, number][];
  });
  return api;
}

const empty = (s: unknown): boolean => s instanceof Set && s.size === 0;

/** Options that count special-token text as plain text (what aicost passes): no set, or empty ones. */
function plainText(options?: { allowedSpecial?: unknown; disallowedSpecial?: unknown }): boolean {
  return (
    !!options &&
    (options.allowedSpecial === undefined || empty(options.allowedSpecial)) &&
    empty(options.disallowedSpecial)
  );
}

/**
 * Makes an encoding on the packed table count with its scanner (split-scanner.ts): its pieces
 * looked up as ranges of the text, and those that are no token merged by the core's own
 * `bytePairEncode` (with its memo). A text the scanner declines, or options that treat special
 * tokens specially, go the package's way. Throws (and changes nothing) when the core has no
 * `bytePairEncode(piece: string): number[]`, or the scanner counts a probe differently.
 */
function useScanner(api: GptEncoding, encoding: Encoding, count: SplitCount): void {
  const core = coreOf(api) as { bytePairEncode?: (piece: string) => number[]; bytePairStringRankEncoder?: unknown };
  const lookup = core.bytePairStringRankEncoder;
  if (typeof core.bytePairEncode !== 'function' || !(lookup instanceof RankLookup))
    throw new Error('BytePairEncodingCore has no bytePairEncode of gpt-tokenizer 4.0.0');
  const encode = core.bytePairEncode;
  const merge = (piece: string): number => encode.call(core, piece).length;
  const end = SCANNERS[encoding];
  const probes = outsideStats(() => [count(PROBE, end, lookup, merge), count(SPLIT_PROBE, end, lookup, merge)]);
  const want = [PROBE_EXPECTED[encoding].tokens, SPLIT_PROBE_TOKENS[encoding]];
  if (probes[0] !== want[0] || probes[1] !== want[1])
    throw new Error(`probe texts: ${probes.join(' and ')} tokens, expected ${want.join(' and ')}`);
  const { countTokens } = api;
  api.countTokens = (text, options) => {
    if (typeof text === 'string' && plainText(options)) {
      const tokens = count(text, end, lookup, merge);
      if (tokens >= 0) return tokens;
    }
    return countTokens(text, options);
  };
}

/** The package's merge, which {@link useLinearMerge} keeps for short pieces. */
type Merge = (piece: Uint8Array) => number[];

/** The package's memo of merged pieces (a Map in insertion order, capped at `mergeCacheSize`). */
interface MergeCache {
  mergeCache?: Map<string, number[]>;
  mergeCacheSize: number;
  addToMergeCache(key: string, value: number[]): void;
}

/**
 * The package evicts its merge memo's oldest entry on every insert once it is full, with
 * `keys().next()` and `delete`: a Map keeps deleted entries as holes until it is rehashed, and
 * each `keys().next()` walks over the holes from the start, so a text of more distinct pieces than
 * the memo holds (a base64 blob: 170,000 pieces a quarter MB) cost time quadratic in its length.
 * Here a full memo is emptied at once instead: no walk, the same tokens.
 */
function clearWhenFull(this: MergeCache, key: string, value: number[]): void {
  const cache = this.mergeCache;
  if (!cache) return;
  if (cache.size >= this.mergeCacheSize) {
    linearMergeStats.cacheClears++;
    cache.clear();
  }
  cache.set(key, value);
}

/** The package's byte tokens: [bytes, rank], sorted by bytes (`bytePairNonUtfSortedEncoder`). */
type ByteTokens = () => readonly (readonly [Uint8Array, number])[];

const startsWithBom = (b: Uint8Array): boolean => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * gpt-tokenizer 4.0.0 looks up a byte sequence that is valid UTF-8 by its text, decoded by a
 * TextDecoder that drops a leading byte order mark: EF BB BF (o200k's token 5574, U+FEFF) is
 * looked up as "" and never found, so U+FEFF counts two tokens instead of tiktoken's one, and
 * EF BB BF 23 is looked up as "#", another token's text. The tokens that begin with those bytes
 * (nine of o200k's, eight of cl100k's; the package keeps them among its byte tokens) are looked up
 * here by their bytes instead.
 */
function keepByteOrderMark(core: RankSource, byteTokens: ByteTokens): void {
  const own = core.getBpeRankFromBytes;
  let bom: Map<string, number> | undefined;
  const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
  core.getBpeRankFromBytes = function (this: RankSource, bytes: Uint8Array): number | undefined {
    if (!startsWithBom(bytes)) return own.call(this, bytes);
    bom ??= new Map(byteTokens().flatMap(([b, rank]) => (startsWithBom(b) ? [[latin1(b), rank] as const] : [])));
    return bom.get(latin1(bytes));
  };
}

/**
 * Makes an encoding's core merge pieces of {@link LINEAR_MERGE_MIN_BYTES} or more with the heap
 * merge, empty its merge memo when full instead of evicting one by one, and find the tokens that
 * begin with a byte order mark ({@link keepByteOrderMark}). Throws (and changes nothing) when the
 * core does not have the package's merge, lookups and memo. `byteTokens` defaults to the core's.
 */
function useLinearMerge(api: GptEncoding, byteTokens?: ByteTokens): void {
  const c = coreOf(api) as (Partial<RankSource> & { bytePairMerge?: Merge } & Partial<MergeCache>) | undefined;
  if (
    typeof c?.bytePairMerge !== 'function' ||
    typeof c.getBpeRankFromString !== 'function' ||
    typeof c.getBpeRankFromBytes !== 'function' ||
    typeof c.getBpeRankFromBytesOrThrow !== 'function'
  ) {
    throw new Error('BytePairEncodingCore has no bytePairMerge and rank lookups of gpt-tokenizer 4.0.0');
  }
  if (typeof c.addToMergeCache !== 'function' || typeof c.mergeCacheSize !== 'number')
    throw new Error('BytePairEncodingCore has no merge memo of gpt-tokenizer 4.0.0');
  const sorted = (c as { bytePairNonUtfSortedEncoder?: unknown }).bytePairNonUtfSortedEncoder;
  if (!byteTokens && !Array.isArray(sorted))
    throw new Error('BytePairEncodingCore has no byte tokens of gpt-tokenizer 4.0.0');
  c.addToMergeCache = clearWhenFull;
  const own = c.bytePairMerge;
  const ranks = c as RankSource;
  keepByteOrderMark(ranks, byteTokens ?? (() => sorted as [Uint8Array, number][]));
  c.bytePairMerge = function (piece: Uint8Array): number[] {
    return piece.length >= LINEAR_MERGE_MIN_BYTES ? linearBytePairMerge(piece, ranks) : own.call(this, piece);
  };
}
