/**
 * A gpt-tokenizer encoding built on a packed rank table (see ranks.ts for why): decoding and
 * indexing the table, the string → rank lookup, and the encoding around it. No table is imported
 * here, so the tokenizer worker (worker-entry.ts) can use this module with tables it is sent.
 *
 * The tokenizer is the package's own `GptEncoding`, so splitting, merging and counting are the
 * package's code; only its rank Map is replaced, by an object with the same `get`, and its byte
 * tokens' structures are filled in from the table. They are private fields of gpt-tokenizer 4.0.0
 * (pinned exactly in package.json): if a later version changes them, `buildEncoding` notices and
 * builds the encoding the package's way instead, and tests/tokenize/ranks.test.ts compares every
 * rank and the tokens of a mixed corpus with the package's encoding.
 *
 * Building the index is the first count's cost in a fresh process (o200k: ~70 ms before, 16–20 ms
 * now), so it is made for that: the table's text is never decoded into strings (the lookup
 * compares keys with the latin1 and UTF-16 units where they lie in the payload); the pass over the
 * tokens is a small WebAssembly loop (as JavaScript, run once in a fresh process, most of it runs
 * before V8 has optimised it: ~13 ms against ~6 ms for o200k); the tokens with a code unit above
 * 0xFF (61k of o200k's 200k; no latin1 text reaches them) are inflated and indexed only when a key
 * first has such a unit (~6 ms then); and as each fresh page of memory costs too (~2 µs, 0.5 ms a
 * MB), the index is small: a 4-byte slot per hash bucket and a 4-byte record per rank.
 */
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { inflateRawSync } from 'node:zlib';
import type { Encoding } from '../types.js';
import { sleb, uleb } from '../wasm/index.js';
import { useLinearMerge } from './linear-merge.js';

/** One rank: the token's text, or its bytes when they are not valid UTF-8 on their own. */
export type Rank = string | number[];

// Module-level alias: inside a vm context (jest) every read of the global `Math` is slow.
const imul = Math.imul;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * The hash of the index: FNV-1a over the UTF-16 code units taken two at a time (first | second
 * << 16; an odd last one alone), then the high half folded into the low one (FNV carries bits
 * only upwards, and the slot is chosen by the low bits).
 */
export function hashKey(key: string): number {
  const len = key.length;
  let h = FNV_OFFSET;
  let i = 0;
  for (; i + 1 < len; i += 2) h = imul(h ^ (key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16)), FNV_PRIME);
  if (i < len) h = imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h ^ (h >>> 16);
}

// A slot: 0 (empty), or the hash's bits above RANK_BITS | rank + 1 (most probes end on the tag,
// without reading a record). A record, per rank: length << 24 | wide << 23 | offset of the text in
// its part of the payload (bytes in the narrow text, units in the wide text); 0 for a byte token.
const RANK_BITS = 18;
const RANK_MASK = (1 << RANK_BITS) - 1;
const TAG_MASK = ~RANK_MASK;
const WIDE_FLAG = 1 << 23;
const OFFSET_MASK = WIDE_FLAG - 1;

/** The main part's header: eight u32 LE (scripts/generate.mjs `encodeRanks`). */
const HEADER_BYTES = 32;

// The index loop's state, i32s at the start of the buffer: tokens done, heads cursor, text
// cursor, last rank.
const ST_TOKENS = 0;
const ST_HEADS = 4;
const ST_TEXT = 8;
const ST_RANK = 12;
const STATE_BYTES = 16;

/**
 * Tokens per call of the index loop, and the size of its batch of [hash, rank + 1] (8 bytes
 * each). A WebAssembly function runs its first calls as quickly compiled baseline code and is
 * optimised in the background once it has run a while: in slices, most of the table is indexed by
 * the optimised code. In the batch, the slots' cache misses overlap instead of alternating with
 * the hashing.
 */
const SLICE = 4096;

/**
 * The index loop in JavaScript: what the WebAssembly function computes, step for step (used when
 * WebAssembly is not available, and by the test that compares the two). Continues from the state
 * at `state` up to token `until` (at most SLICE tokens) of one kind's heads: per token, its rank
 * (the last one + the head's gap), its record (at `records`), the hash of its text where it lies
 * (from byte `base`: latin1 bytes, or UTF-16 units if `wide`) and [hash, rank + 1] in the batch;
 * then puts the batch's tokens in the slots. Returns the number of tokens done.
 */
export function indexJs(mem: ArrayBuffer, state: number, until: number, slots: number, mask: number, batch: number, wide: number, records: number, base: number): number {
  const u8 = new Uint8Array(mem);
  const u16 = new Uint16Array(mem, 0, mem.byteLength >> 1);
  const i32 = new Int32Array(mem, 0, mem.byteLength >> 2);
  const st = state >> 2;
  let t = i32[st]!;
  let p = i32[st + 1]!;
  let c = i32[st + 2]!;
  let r = i32[st + 3]!;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = u8[p++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  let bp = batch >> 2;
  for (; t < until; t++) {
    const v = varint();
    let gap = (v & 7) + 1;
    if (gap === 8) gap += varint();
    r += gap;
    const len = v >>> 3;
    i32[(records >> 2) + r] = (len << 24) | (wide << 23) | ((c - base) >> wide);
    let h = FNV_OFFSET;
    if (wide) {
      const end = (c >> 1) + len;
      for (let u = c >> 1; u < end; u += 2) h = imul(h ^ (u16[u]! | (u + 1 < end ? u16[u + 1]! << 16 : 0)), FNV_PRIME);
      c += 2 * len;
    } else {
      const end = c + len;
      for (let u = c; u < end; u += 2) h = imul(h ^ (u8[u]! | (u + 1 < end ? u8[u + 1]! << 16 : 0)), FNV_PRIME);
      c = end;
    }
    i32[bp++] = h ^ (h >>> 16);
    i32[bp++] = r + 1;
  }
  const slot0 = slots >> 2;
  for (let q = batch >> 2; q < bp; q += 2) {
    const h = i32[q]!;
    let s = h & mask;
    while (i32[slot0 + s] !== 0) s = (s + 1) & mask;
    i32[slot0 + s] = (h & TAG_MASK) | i32[q + 1]!;
  }
  i32[st] = t;
  i32[st + 1] = p;
  i32[st + 2] = c;
  i32[st + 3] = r;
  return t;
}

// --- the same loop as a WebAssembly function (hand-assembled, like src/diff/stats-wasm.ts) ------

// The project's lib settings carry no WebAssembly types: the little used here, declared.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
};

// The code is nested arrays of bytes, flattened once. Locals and offsets here are all below 128,
// so each is its own one-byte LEB128; so are the constants below 64 written as `0x41, n`.
type Code = number | readonly Code[];
const flat = (code: Code[]): number[] => code.flat(Infinity as 1) as number[];

/** i32.const v. */
const i32 = (v: number): number[] => [0x41, ...sleb(v)];
const vec = (items: Code[]): Code[] => [uleb(items.length), items];
const section = (id: number, content: Code[]): Code[] => {
  const bytes = flat(content);
  return [id, uleb(bytes.length), bytes];
};
const name = (s: string): Code[] => [uleb(s.length), Array.from(s, (c) => c.charCodeAt(0))];

const I32 = 0x7f;
const [GET, SET, TEE] = [0x20, 0x21, 0x22];
// Memory accesses: opcode, alignment, offset. The text's units are read at any alignment.
const [LOAD, STORE] = [0x28, 0x36];
const LOAD8 = [0x2d, 0, 0];
const LOAD16 = [0x2f, 0, 0];
const LOAD32 = [0x28, 0, 0];
const [EQZ, EQ, LT_U, GE_U, ADD, SUB, MUL, AND, OR, XOR, SHL, SHR_U, SELECT] = [0x45, 0x46, 0x49, 0x4f, 0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x76, 0x1b];
const [BLOCK, LOOP, IF] = [
  [0x02, 0x40],
  [0x03, 0x40],
  [0x04, 0x40],
];
const [ELSE, END, BR, BR_IF] = [0x05, 0x0b, 0x0c, 0x0d];
const ONE = [0x41, 1];
/** local += by (0 ≤ by < 64: a one-byte signed LEB128). */
const inc = (local: number, by: number): Code[] => [GET, local, 0x41, by, ADD, SET, local];

// index(state, until, slots, mask, batch, wide, records, base) → tokens done: indexJs.
// Locals: 0 state, 1 until, 2 slots, 3 mask, 4 batch, 5 wide, 6 records, 7 base (params); 8 t,
// 9 p, 10 c, 11 r (the state); 12 v, 13 shift, 14 b, 15 len, 16 h, 17 end, 18 s, 19 addr, 20 bp,
// 21 w, 22 gap, 23 x.
const [STATE, UNTIL, SLOTS, MASK, BATCH, WIDE, RECORDS, BASE] = [0, 1, 2, 3, 4, 5, 6, 7];
const [T, P, C, R, V, SHIFT, B, LEN, H, ENDP, S, ADDR, BP, W, GAP, X] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
const PARAMS = 8;
const LOCALS = 16;
const STATE_LOCALS: [number, number][] = [[T, ST_TOKENS], [P, ST_HEADS], [C, ST_TEXT], [R, ST_RANK]];

/** Reads a varint at the heads cursor into local `dst`. */
const varintInto = (dst: number): Code[] => [
  0x41, 0, SET, dst, 0x41, 0, SET, SHIFT,
  LOOP,
  GET, P, LOAD8, TEE, B, i32(0x7f), AND, GET, SHIFT, SHL, GET, dst, OR, SET, dst,
  inc(P, 1), inc(SHIFT, 7),
  GET, B, i32(0x80), AND, BR_IF, 0,
  END,
];

/**
 * Hashes the token's `len` units at the text cursor (`width` bytes each) two at a time, as
 * {@link hashKey} does, and moves the cursor past them. `pair` reads two units at the cursor as
 * `first | second << 16`; past the end the second is masked off (select: no branch on parity).
 */
const hashUnits = (width: number, pair: Code[], single: Code[], prime: Code[]): Code[] => [
  GET, C, GET, LEN, width === 2 ? [ONE, SHL] : [], ADD, SET, ENDP,
  BLOCK, LOOP,
  GET, C, GET, ENDP, GE_U, BR_IF, 1,
  pair, TEE, W, GET, W, single, AND, GET, C, 0x41, width, ADD, GET, ENDP, LT_U, SELECT,
  GET, H, XOR, prime, MUL, SET, H,
  inc(C, 2 * width),
  BR, 0, END, END,
  GET, ENDP, SET, C,
];

function indexBody(): Code[] {
  const prime = i32(FNV_PRIME);
  // Two latin1 bytes b0 | b1 << 8, spread to b0 | b1 << 16; two UTF-16 units as they are.
  const narrowPair = [GET, C, LOAD16, TEE, W, i32(0xff), AND, GET, W, i32(0xff00), AND, 0x41, 8, SHL, OR];
  const widePair = [GET, C, LOAD32];
  return [
    STATE_LOCALS.map(([local, off]) => [GET, STATE, LOAD, 2, off, SET, local]),
    GET, BATCH, SET, BP,
    BLOCK, LOOP, // one token
    GET, T, GET, UNTIL, GE_U, BR_IF, 1,
    varintInto(V),
    // gap = (v & 7) + 1, or 8 + the next varint; the rank is the last one + gap.
    GET, V, 0x41, 7, AND, ONE, ADD, TEE, GAP, 0x41, 8, EQ,
    IF, varintInto(X), GET, GAP, GET, X, ADD, SET, GAP, END,
    GET, R, GET, GAP, ADD, SET, R,
    GET, V, 0x41, 3, SHR_U, SET, LEN,
    // records[r] = len << 24 | wide << 23 | (c - base) >> wide
    GET, RECORDS, GET, R, 0x41, 2, SHL, ADD,
    GET, LEN, 0x41, 24, SHL, GET, WIDE, 0x41, 23, SHL, OR, GET, C, GET, BASE, SUB, GET, WIDE, SHR_U, OR,
    STORE, 2, 0,
    i32(FNV_OFFSET), SET, H,
    GET, WIDE, IF, hashUnits(2, widePair, i32(0xffff), prime), ELSE, hashUnits(1, narrowPair, i32(0xff), prime), END,
    GET, BP, GET, H, GET, H, 0x41, 16, SHR_U, XOR, STORE, 2, 0,
    GET, BP, GET, R, ONE, ADD, STORE, 2, 4,
    inc(BP, 8), inc(T, 1),
    BR, 0, END, END,
    // The batch into the slots: linear probing from h & mask to the first empty slot.
    GET, BP, SET, ENDP, GET, BATCH, SET, BP,
    BLOCK, LOOP,
    GET, BP, GET, ENDP, GE_U, BR_IF, 1,
    GET, BP, LOAD, 2, 0, SET, H,
    GET, H, GET, MASK, AND, SET, S,
    BLOCK, LOOP,
    GET, SLOTS, GET, S, 0x41, 2, SHL, ADD, TEE, ADDR, LOAD, 2, 0, EQZ, BR_IF, 1,
    GET, S, ONE, ADD, GET, MASK, AND, SET, S,
    BR, 0, END, END,
    GET, ADDR, GET, H, i32(TAG_MASK), AND, GET, BP, LOAD, 2, 4, OR, STORE, 2, 0,
    inc(BP, 8),
    BR, 0, END, END,
    STATE_LOCALS.map(([local, off]) => [GET, STATE, GET, local, STORE, 2, off]),
    GET, T,
    END,
  ];
}

/** The module: imports its memory (`m.mem`), exports `index`. */
export function indexModuleBytes(): Uint8Array {
  const code = flat([vec([[uleb(LOCALS), I32]]), indexBody()]);
  return new Uint8Array(
    flat([
      [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      section(1, vec([[0x60, vec(Array.from({ length: PARAMS }, () => I32)), vec([I32])]])),
      section(2, vec([[name('m'), name('mem'), 0x02, 0x00, 0x00]])),
      section(3, vec([uleb(0)])),
      section(7, vec([[name('index'), 0x00, 0]])),
      section(10, vec([[uleb(code.length), code]])),
    ]),
  );
}

type IndexFn = (state: number, until: number, slots: number, mask: number, batch: number, wide: number, records: number, base: number) => number;

let wasmModule: object | null | undefined;
let wasmEnabled = true;

/** Tests switch the WebAssembly path off to compare it with the JavaScript one. */
export function setIndexWasmEnabled(on: boolean): void {
  wasmEnabled = on;
}

/** A zeroed buffer of at least `bytes` and the index loop over it: WebAssembly, else indexJs. */
function indexer(bytes: number): { mem: ArrayBuffer; index: IndexFn; wasm: boolean } {
  if (wasmEnabled && wasmModule !== null) {
    try {
      wasmModule ??= new WebAssembly.Module(indexModuleBytes());
      const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
      const { index } = new WebAssembly.Instance(wasmModule, { m: { mem: memory } }).exports as { index: IndexFn };
      return { mem: memory.buffer, index, wasm: true };
    } catch {
      wasmModule = null; // no WebAssembly here: the JavaScript loop does the same work
    }
  }
  const mem = new ArrayBuffer((bytes + 7) & ~7);
  return { mem, index: (...args) => indexJs(mem, ...args), wasm: false };
}

/**
 * Slots for n tokens: a power of two, at most about half full (a miss probes ~2–3 slots; all
 * of them usually in one cache line).
 */
const SLOT_LOAD = 0.55;
function slotsFor(n: number): number {
  let size = 16;
  while (size * SLOT_LOAD < n) size <<= 1;
  return size;
}

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

  /** Inflates the main part and indexes the narrow text tokens. */
  constructor(packed: string) {
    const dot = packed.indexOf('.');
    if (dot < 0) throw corrupt('no wide part');
    this.wide = packed.slice(dot + 1);
    const main = packed.slice(0, dot);
    const raw = inflateBase64(main, 2 * main.length);
    if (raw.length < HEADER_BYTES) throw corrupt('header');
    const field = (i: number): number => raw.readUInt32LE(4 * i);
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
    const payloadEnd = payload + raw.length;
    const wideSlotsAt = (payloadEnd + 7) & ~7;
    const wide = wideSlotsAt + 4 * wideSlots;
    // (+8: the hashing reads a pair of units at a time, up to two bytes past the text.)
    const end = wide + 2 * this.wideUnits + this.wideHeadsBytes + 8;
    const { narrow: n, wide: w, bytes: b } = this.tokens;
    if (this.count >= RANK_MASK || n + w + b !== this.count || bytes > payloadEnd || this.narrowUnits > OFFSET_MASK || this.wideUnits > OFFSET_MASK) throw corrupt('sizes');
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
    this.u8.set(raw, payload);
    this.indexKind(0, n, heads, narrow, slots, this.narrowMask);
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
    for (let from = 0; from < n; from += SLICE) this.index(0, Math.min(from + SLICE, n), slots, mask, this.at.batch, wide, this.at.records, text);
    // The heads end where the text starts (the narrow ones) or the part ends (the wide ones).
    const headsEnd = wide ? text + 2 * this.wideUnits + this.wideHeadsBytes : text;
    if (state[ST_TOKENS >> 2] !== n || state[ST_HEADS >> 2] !== headsEnd || state[ST_RANK >> 2]! >= this.count) throw corrupt('heads');
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
    ranks[r] = rec & WIDE_FLAG ? buf.toString('utf16le', 2 * (wideAt + at), 2 * (wideAt + at + len)) : narrow.slice(at, at + len);
  }
  for (const [r, bytes] of table.bytes) ranks[r] = Array.from(bytes);
  return ranks;
}

/** {@link unpackTable} then {@link ranksOf}. */
export function unpackRanks(packed: string): Rank[] {
  return ranksOf(unpackTable(packed));
}

/** Text token → rank, with the `get` of the Map it stands in for (over the table's index). */
export class RankLookup {
  private readonly u8: Uint8Array;
  private readonly u16: Uint16Array;
  private readonly records: Int32Array;
  private readonly narrowSlots: Int32Array;
  private readonly wideSlots: Int32Array;
  private readonly narrowMask: number;
  private readonly wideMask: number;
  private readonly narrowAt: number;
  private readonly wideAt: number;
  private wideIndexed: boolean;

  /**
   * `nonAsciiMiss`, if given, is called (once) before the first miss of a key with a unit above
   * 0x7F returns (see buildEncoding).
   */
  constructor(
    private readonly table: PackedTable,
    private nonAsciiMiss?: () => void,
  ) {
    this.u8 = table.u8;
    this.u16 = table.u16;
    this.records = table.records;
    this.narrowSlots = table.narrowSlots;
    this.wideSlots = table.wideSlots;
    this.narrowMask = table.narrowMask;
    this.wideMask = table.wideMask;
    this.narrowAt = table.narrowAt;
    this.wideAt = table.wideAt;
    this.wideIndexed = table.wideIndexed;
  }

  /**
   * The rank of a text token, undefined for any other string. (Small enough for V8 to inline it
   * into the package's loops: the rare paths are other methods.)
   */
  get(key: string): number | undefined {
    const len = key.length;
    const h = hashKey(key);
    const { narrowSlots: slots, narrowMask: mask, records, u8 } = this;
    const tag = h & TAG_MASK;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0) return this.notNarrow(key, h);
      if ((e & TAG_MASK) !== tag) continue;
      const rank = (e & RANK_MASK) - 1;
      const rec = records[rank]!;
      if (rec >>> 24 !== len) continue;
      const at = this.narrowAt + (rec & OFFSET_MASK);
      let i = 0;
      while (i < len && u8[at + i] === key.charCodeAt(i)) i++;
      if (i === len) return rank;
    }
  }

  /** Not a narrow token: a wide one if the key has a unit above 0xFF (`h`: its hash). */
  private notNarrow(key: string, h: number): number | undefined {
    let units = 0;
    for (let i = 0; i < key.length; i++) units |= key.charCodeAt(i);
    if (units < 0x80) return undefined;
    if (this.nonAsciiMiss) {
      this.nonAsciiMiss();
      this.nonAsciiMiss = undefined;
    }
    if (units <= 0xff) return undefined;
    if (!this.wideIndexed) {
      this.table.indexWide();
      this.wideIndexed = true;
    }
    const len = key.length;
    const { wideSlots: slots, wideMask: mask, records, u16 } = this;
    const tag = h & TAG_MASK;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0) return undefined;
      if ((e & TAG_MASK) !== tag) continue;
      const rank = (e & RANK_MASK) - 1;
      const rec = records[rank]!;
      if (rec >>> 24 !== len) continue;
      const at = this.wideAt + (rec & OFFSET_MASK);
      let j = 0;
      while (j < len && u16[at + j] === key.charCodeAt(j)) j++;
      if (j === len) return rank;
    }
  }

  /** Number of text tokens. */
  get size(): number {
    return this.table.size;
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
  bytePairNonUtfRankDecoder: unknown;
  bytePairNonUtfSortedEncoder: unknown;
  mergeableBytePairRankCount: number;
}

/** Builds an encoding around a packed table (see the module comment), or the package's way. */
export function buildEncoding(encoding: Encoding, packed: string): GptEncoding {
  const table = unpackTable(packed);
  // The package's constructor indexes the ranks it is given: give it none and put in afterwards
  // the lookup for text tokens and, for byte tokens, what it would have built.
  const none: Rank[] = [];
  const api = GptEncoding.getEncodingApi(encoding, () => none);
  const core = (api as unknown as { bytePairEncodingCoreProcessor?: CoreInternals }).bytePairEncodingCoreProcessor;
  const isEmptyMap = (m: unknown): boolean => m instanceof Map && m.size === 0;
  if (
    !core ||
    core.bytePairRankDecoder !== none ||
    core.mergeableBytePairRankCount !== 0 ||
    !isEmptyMap(core.bytePairStringRankEncoder) ||
    !isEmptyMap(core.bytePairNonUtfRankDecoder) ||
    !Array.isArray(core.bytePairNonUtfSortedEncoder) ||
    core.bytePairNonUtfSortedEncoder.length !== 0
  ) {
    return withLinearMerge(GptEncoding.getEncodingApi(encoding, () => ranksOf(table)));
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
  return withLinearMerge(api);
}

/**
 * Long pieces merged in O(n log n) with the package's result (linear-merge.ts): the package's own
 * merge is quadratic in a piece's length. A core without the expected merge fails loudly here
 * rather than letting one long line hold a run for minutes.
 */
function withLinearMerge(api: GptEncoding): GptEncoding {
  const core = (api as unknown as { bytePairEncodingCoreProcessor?: unknown }).bytePairEncodingCoreProcessor;
  if (!useLinearMerge(core)) throw new Error('gpt-tokenizer changed its BytePairEncodingCore: update src/tokenize/linear-merge.ts');
  return api;
}
