/**
 * A packed rank table (scripts/generate.mjs `encodeRanks`; see ranks.ts for why), decoded and
 * indexed: two deflated base64 parts — the main one (header, narrow heads and text, byte tokens)
 * and the wide text tokens (a code unit above 0xFF: 61k of o200k's 200k; no latin1 text reaches
 * them) — in one buffer with a record per rank and the hash slots. The table's text is never
 * decoded into strings; the wide part is inflated and indexed only when a key first has such a
 * unit (~6 ms then); and as each fresh page of memory costs too (~2 µs, 0.5 ms a MB), the index
 * is small: a 4-byte slot per hash bucket and a 4-byte record per rank.
 */
import { inflateRawSync } from 'node:zlib';
import { ST_HEADS, ST_RANK, ST_TOKENS, STATE_BYTES, SLICE, indexer, slotsFor, type IndexFn } from './index-builder.js';
import { OFFSET_MASK, RANK_MASK, WIDE_FLAG } from './rank-lookup.js';

/**
 * A table image's pieces (table-image.ts reads and writes the file): the main part's header, the
 * packed wide part, and `length` bytes of memory with the narrow tokens indexed, which `read`
 * writes into the buffer it is given.
 */
export interface TableImage {
  header: Uint8Array;
  wide: string;
  length: number;
  read(into: Uint8Array): void;
}

/** One rank: the token's text, or its bytes when they are not valid UTF-8 on their own. */
export type Rank = string | number[];

/** The main part's header: eight u32 LE (scripts/generate.mjs `encodeRanks`). */
const HEADER_BYTES = 32;

const corrupt = (what: string): Error => new Error(`tokenize: packed rank table is corrupt (${what})`); // a build bug, not input

/** Deflate-raw data in base64 → its bytes (one output chunk: no copying of 16 KB pieces). */
function inflateBase64(b64: string, bound: number): Buffer {
  return inflateRawSync(Buffer.from(b64, 'base64'), { chunkSize: Math.max(1 << 16, bound) });
}

/**
 * A packed table (scripts/generate.mjs `encodeRanks`), decoded and indexed: its parts in one
 * buffer with a record per rank and the hash slots. The wide tokens are indexed on first need.
 */
export class PackedTable {
  /** Number of ranks (text and byte tokens). */
  readonly count: number;
  /** The buffer as bytes (the narrow text is read here) and as 16-bit units (the wide text). */
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  /** Per rank, its record (see RANK_BITS). */
  readonly records: Int32Array;
  /** The narrow and the wide tokens' slots (0 or tag | rank + 1), and their numbers - 1. */
  readonly narrowSlots: Int32Array;
  readonly wideSlots: Int32Array;
  readonly narrowMask: number;
  readonly wideMask: number;
  /** Byte index of the narrow text, 16-bit index of the wide text in the buffer; their lengths. */
  readonly narrowAt: number;
  readonly wideAt: number;
  readonly narrowUnits: number;
  readonly wideUnits: number;
  /** Whether the index loop is the WebAssembly one. */
  readonly wasm: boolean;
  private readonly index: IndexFn;
  private readonly state: Int32Array;
  private readonly at: { batch: number; records: number; bytes: number; payloadEnd: number };
  private readonly tokens: { narrow: number; wide: number; bytes: number };
  private readonly wideHeadsBytes: number;
  private wide: string | null;
  private byteList: [number, Uint8Array][] | undefined;

  /** Whether the narrow tokens' index was read from a table image rather than built. */
  readonly fromImage: boolean;

  /**
   * Inflates the main part and indexes the narrow text tokens; or, from a table image
   * (table-image.ts), reads that index as the build left it.
   */
  constructor(source: string | TableImage) {
    let raw: Buffer | null = null;
    let header: Buffer;
    if (typeof source === 'string') {
      const dot = source.indexOf('.');
      if (dot < 0) throw corrupt('no wide part');
      this.wide = source.slice(dot + 1);
      const main = source.slice(0, dot);
      header = raw = inflateBase64(main, 2 * main.length);
    } else {
      this.wide = source.wide;
      header = Buffer.from(source.header.buffer, source.header.byteOffset, source.header.byteLength);
    }
    this.fromImage = raw === null;
    if (header.length < HEADER_BYTES) throw corrupt('header');
    const field = (i: number): number => header.readUInt32LE(4 * i);
    this.count = field(0);
    this.tokens = { narrow: field(1), wide: field(2), bytes: field(3) };
    const narrowHeadsBytes = field(4);
    this.wideHeadsBytes = field(5);
    this.narrowUnits = field(6);
    this.wideUnits = field(7);
    const narrowSlots = slotsFor(this.tokens.narrow);
    const wideSlots = slotsFor(this.tokens.wide);
    this.narrowMask = narrowSlots - 1;
    this.wideMask = wideSlots - 1;
    // Layout: state, batch, narrow slots, records, main part (header, narrow heads, narrow text,
    // byte tokens), wide slots, wide part (wide text, wide heads). The last two are written when
    // first needed; until then their pages are not even touched.
    const batch = STATE_BYTES;
    const slots = batch + 8 * SLICE;
    const records = slots + 4 * narrowSlots;
    const payload = records + 4 * this.count;
    const heads = payload + HEADER_BYTES;
    const narrow = heads + narrowHeadsBytes;
    const bytes = narrow + this.narrowUnits;
    const payloadEnd = raw ? payload + raw.length : (source as TableImage).length;
    const wideSlotsAt = (payloadEnd + 7) & ~7;
    const wide = wideSlotsAt + 4 * wideSlots;
    // (+8: the hashing reads a pair of units at a time, up to two bytes past the text.)
    const end = wide + 2 * this.wideUnits + this.wideHeadsBytes + 8;
    const { narrow: n, wide: w, bytes: b } = this.tokens;
    if (
      this.count >= RANK_MASK ||
      n + w + b !== this.count ||
      bytes > payloadEnd ||
      this.narrowUnits > OFFSET_MASK ||
      this.wideUnits > OFFSET_MASK
    )
      throw corrupt('sizes');
    const { mem, index, wasm } = indexer(end);
    this.index = index;
    this.wasm = wasm;
    this.u8 = new Uint8Array(mem);
    this.u16 = new Uint16Array(mem, 0, mem.byteLength >> 1);
    this.state = new Int32Array(mem, 0, STATE_BYTES >> 2);
    this.records = new Int32Array(mem, records, this.count);
    this.narrowSlots = new Int32Array(mem, slots, narrowSlots);
    this.wideSlots = new Int32Array(mem, wideSlotsAt, wideSlots);
    this.narrowAt = narrow;
    this.wideAt = wide >> 1;
    this.at = { batch, records, bytes, payloadEnd };
    if (raw) {
      this.u8.set(raw, payload);
      this.indexKind(0, n, heads, narrow, slots, this.narrowMask);
      return;
    }
    (source as TableImage).read(this.u8.subarray(0, payloadEnd));
    // The image is this layout: its copy of the header sits where the main part starts, and the
    // index state is the one indexKind leaves (checked the same way).
    if (Buffer.compare(header.subarray(0, HEADER_BYTES), Buffer.from(this.u8.buffer, payload, HEADER_BYTES)) !== 0)
      throw corrupt('image layout');
    if (
      this.state[ST_TOKENS >> 2] !== n ||
      this.state[ST_HEADS >> 2] !== narrow ||
      this.state[ST_RANK >> 2]! >= this.count
    )
      throw corrupt('image index');
  }

  /**
   * The bytes a table image holds (table-image.ts): the memory up to the end of the main part,
   * with the narrow tokens indexed. Only before the wide tokens are indexed (that moves the state).
   */
  imageBytes(): Uint8Array {
    if (this.wide === null) throw new Error('tokenize: a table image is taken before the wide tokens are indexed');
    return this.u8.subarray(0, this.at.payloadEnd);
  }

  /** The main part's header, as the packed table and an image carry it. */
  headerBytes(): Uint8Array {
    const at = this.at.records + 4 * this.count; // the main part starts after the records
    return this.u8.slice(at, at + HEADER_BYTES);
  }

  /** The wide part as packed (deflated, base64), while it is not indexed. */
  widePart(): string {
    if (this.wide === null) throw new Error('tokenize: the wide part is indexed already');
    return this.wide;
  }

  /** Whether the wide text tokens are indexed yet. */
  get wideIndexed(): boolean {
    return this.wide === null;
  }

  /** Inflates and indexes the wide text tokens (once). */
  indexWide(): void {
    if (this.wide === null) return;
    const raw = inflateBase64(this.wide, 2 * this.wide.length);
    this.wide = null;
    if (raw.length !== 2 * this.wideUnits + this.wideHeadsBytes) throw corrupt('wide part');
    const text = 2 * this.wideAt;
    this.u8.set(raw, text);
    this.indexKind(1, this.tokens.wide, text + 2 * this.wideUnits, text, this.wideSlots.byteOffset, this.wideMask);
  }

  /**
   * Indexes the n text tokens of one kind (`wide` 0 or 1): their heads from byte `heads`, their
   * text from byte `text`, into the slots at byte `slots`.
   */
  private indexKind(wide: number, n: number, heads: number, text: number, slots: number, mask: number): void {
    const state = this.state;
    state.set([0, heads, text, -1]);
    for (let from = 0; from < n; from += SLICE)
      this.index(0, Math.min(from + SLICE, n), slots, mask, this.at.batch, wide, this.at.records, text);
    // The heads end where the text starts (the narrow ones) or the part ends (the wide ones).
    const headsEnd = wide ? text + 2 * this.wideUnits + this.wideHeadsBytes : text;
    if (state[ST_TOKENS >> 2] !== n || state[ST_HEADS >> 2] !== headsEnd || state[ST_RANK >> 2]! >= this.count)
      throw corrupt('heads');
  }

  /**
   * [rank, bytes] of the tokens that are not valid UTF-8 on their own, in the package's order (by
   * their bytes; the table lists them so: varint rank, varint length, bytes). Read when first
   * asked for: only text that is not valid UTF-8 piece by piece, or decoding, needs them.
   */
  get bytes(): [number, Uint8Array][] {
    if (this.byteList) return this.byteList;
    const u8 = this.u8;
    const out: [number, Uint8Array][] = [];
    let pos = this.at.bytes;
    const varint = (): number => {
      let n = 0;
      for (let shift = 0; ; shift += 7) {
        const b = u8[pos++]!;
        n |= (b & 0x7f) << shift;
        if (b < 0x80) return n;
      }
    };
    for (let i = 0; i < this.tokens.bytes; i++) {
      const rank = varint();
      const n = varint();
      out.push([rank, u8.subarray(pos, (pos += n))]);
    }
    if (pos !== this.at.payloadEnd) throw corrupt('byte tokens');
    return (this.byteList = out);
  }

  /** Number of text tokens. */
  get size(): number {
    return this.tokens.narrow + this.tokens.wide;
  }
}

/** Decodes and indexes a table written by scripts/generate.mjs `encodeRanks`. */
export function unpackTable(packed: string): PackedTable {
  return new PackedTable(packed);
}

/** The table as the package's array: index = rank, value = text or bytes. */
export function ranksOf(table: PackedTable): Rank[] {
  table.indexWide();
  const { u8, records, narrowAt, wideAt } = table;
  const buf = Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
  const narrow = buf.toString('latin1', narrowAt, narrowAt + table.narrowUnits);
  const ranks = new Array<Rank>(table.count);
  for (let r = 0; r < records.length; r++) {
    const rec = records[r]!;
    if (rec === 0) continue;
    const len = rec >>> 24;
    const at = rec & OFFSET_MASK;
    ranks[r] =
      rec & WIDE_FLAG
        ? buf.toString('utf16le', 2 * (wideAt + at), 2 * (wideAt + at + len))
        : narrow.slice(at, at + len);
  }
  for (const [r, bytes] of table.bytes) ranks[r] = Array.from(bytes);
  return ranks;
}

/** {@link unpackTable} then {@link ranksOf}. */
export function unpackRanks(packed: string): Rank[] {
  return ranksOf(unpackTable(packed));
}
