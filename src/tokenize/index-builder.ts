/**
 * Builds the index of a packed table (rank-lookup.ts has its layout): one pass over the tokens'
 * heads that writes each rank's record and puts its hash in a slot.
 *
 * Building the index is the first count's cost in a fresh process (o200k: ~70 ms as a Map,
 * 16–20 ms here), so it is made for that: the pass is a small WebAssembly loop (as JavaScript,
 * run once in a fresh process, most of it runs before V8 has optimised it: ~13 ms against ~6 ms
 * for o200k), with its JavaScript twin `indexJs` where WebAssembly is not available (and for the
 * test that compares the two).
 */
import { sleb, uleb } from '../wasm/index.js';
import { FNV_OFFSET, FNV_PRIME, TAG_MASK } from './rank-lookup.js';

// Module-level alias: inside a vm context (jest) every read of the global `Math` is slow.
const imul = Math.imul;

// The index loop's state, i32s at the start of the buffer: tokens done, heads cursor, text
// cursor, last rank.
export const ST_TOKENS = 0;
export const ST_HEADS = 4;
export const ST_TEXT = 8;
export const ST_RANK = 12;
export const STATE_BYTES = 16;

/**
 * Tokens per call of the index loop, and the size of its batch of [hash, rank + 1] (8 bytes
 * each). A WebAssembly function runs its first calls as quickly compiled baseline code and is
 * optimised in the background once it has run a while: in slices, most of the table is indexed by
 * the optimised code. In the batch, the slots' cache misses overlap instead of alternating with
 * the hashing.
 */
export const SLICE = 4096;

/**
 * The index loop in JavaScript: what the WebAssembly function computes, step for step (used when
 * WebAssembly is not available, and by the test that compares the two). Continues from the state
 * at `state` up to token `until` (at most SLICE tokens) of one kind's heads: per token, its rank
 * (the last one + the head's gap), its record (at `records`), the hash of its text where it lies
 * (from byte `base`: latin1 bytes, or UTF-16 units if `wide`) and [hash, rank + 1] in the batch;
 * then puts the batch's tokens in the slots. Returns the number of tokens done.
 */
export function indexJs(
  mem: ArrayBuffer,
  state: number,
  until: number,
  slots: number,
  mask: number,
  batch: number,
  wide: number,
  records: number,
  base: number,
): number {
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

// --- the same loop as a WebAssembly function (hand-assembled, like src/stats/wasm.ts) ------

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
const [EQZ, EQ, LT_U, GE_U, ADD, SUB, MUL, AND, OR, XOR, SHL, SHR_U, SELECT] = [
  0x45, 0x46, 0x49, 0x4f, 0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x76, 0x1b,
];
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
const [T, P, C, R, V, SHIFT, B, LEN, H, ENDP, S, ADDR, BP, W, GAP, X] = [
  8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
];
const PARAMS = 8;
const LOCALS = 16;
const STATE_LOCALS: [number, number][] = [
  [T, ST_TOKENS],
  [P, ST_HEADS],
  [C, ST_TEXT],
  [R, ST_RANK],
];

/** Reads a varint at the heads cursor into local `dst`. */
const varintInto = (dst: number): Code[] => [
  0x41,
  0,
  SET,
  dst,
  0x41,
  0,
  SET,
  SHIFT,
  LOOP,
  GET,
  P,
  LOAD8,
  TEE,
  B,
  i32(0x7f),
  AND,
  GET,
  SHIFT,
  SHL,
  GET,
  dst,
  OR,
  SET,
  dst,
  inc(P, 1),
  inc(SHIFT, 7),
  GET,
  B,
  i32(0x80),
  AND,
  BR_IF,
  0,
  END,
];

/**
 * Hashes the token's `len` units at the text cursor (`width` bytes each) two at a time, as
 * {@link hashKey} does, and moves the cursor past them. `pair` reads two units at the cursor as
 * `first | second << 16`; past the end the second is masked off (select: no branch on parity).
 */
const hashUnits = (width: number, pair: Code[], single: Code[], prime: Code[]): Code[] => [
  GET,
  C,
  GET,
  LEN,
  width === 2 ? [ONE, SHL] : [],
  ADD,
  SET,
  ENDP,
  BLOCK,
  LOOP,
  GET,
  C,
  GET,
  ENDP,
  GE_U,
  BR_IF,
  1,
  pair,
  TEE,
  W,
  GET,
  W,
  single,
  AND,
  GET,
  C,
  0x41,
  width,
  ADD,
  GET,
  ENDP,
  LT_U,
  SELECT,
  GET,
  H,
  XOR,
  prime,
  MUL,
  SET,
  H,
  inc(C, 2 * width),
  BR,
  0,
  END,
  END,
  GET,
  ENDP,
  SET,
  C,
];

function indexBody(): Code[] {
  const prime = i32(FNV_PRIME);
  // Two latin1 bytes b0 | b1 << 8, spread to b0 | b1 << 16; two UTF-16 units as they are.
  const narrowPair = [GET, C, LOAD16, TEE, W, i32(0xff), AND, GET, W, i32(0xff00), AND, 0x41, 8, SHL, OR];
  const widePair = [GET, C, LOAD32];
  return [
    STATE_LOCALS.map(([local, off]) => [GET, STATE, LOAD, 2, off, SET, local]),
    GET,
    BATCH,
    SET,
    BP,
    BLOCK,
    LOOP, // one token
    GET,
    T,
    GET,
    UNTIL,
    GE_U,
    BR_IF,
    1,
    varintInto(V),
    // gap = (v & 7) + 1, or 8 + the next varint; the rank is the last one + gap.
    GET,
    V,
    0x41,
    7,
    AND,
    ONE,
    ADD,
    TEE,
    GAP,
    0x41,
    8,
    EQ,
    IF,
    varintInto(X),
    GET,
    GAP,
    GET,
    X,
    ADD,
    SET,
    GAP,
    END,
    GET,
    R,
    GET,
    GAP,
    ADD,
    SET,
    R,
    GET,
    V,
    0x41,
    3,
    SHR_U,
    SET,
    LEN,
    // records[r] = len << 24 | wide << 23 | (c - base) >> wide
    GET,
    RECORDS,
    GET,
    R,
    0x41,
    2,
    SHL,
    ADD,
    GET,
    LEN,
    0x41,
    24,
    SHL,
    GET,
    WIDE,
    0x41,
    23,
    SHL,
    OR,
    GET,
    C,
    GET,
    BASE,
    SUB,
    GET,
    WIDE,
    SHR_U,
    OR,
    STORE,
    2,
    0,
    i32(FNV_OFFSET),
    SET,
    H,
    GET,
    WIDE,
    IF,
    hashUnits(2, widePair, i32(0xffff), prime),
    ELSE,
    hashUnits(1, narrowPair, i32(0xff), prime),
    END,
    GET,
    BP,
    GET,
    H,
    GET,
    H,
    0x41,
    16,
    SHR_U,
    XOR,
    STORE,
    2,
    0,
    GET,
    BP,
    GET,
    R,
    ONE,
    ADD,
    STORE,
    2,
    4,
    inc(BP, 8),
    inc(T, 1),
    BR,
    0,
    END,
    END,
    // The batch into the slots: linear probing from h & mask to the first empty slot.
    GET,
    BP,
    SET,
    ENDP,
    GET,
    BATCH,
    SET,
    BP,
    BLOCK,
    LOOP,
    GET,
    BP,
    GET,
    ENDP,
    GE_U,
    BR_IF,
    1,
    GET,
    BP,
    LOAD,
    2,
    0,
    SET,
    H,
    GET,
    H,
    GET,
    MASK,
    AND,
    SET,
    S,
    BLOCK,
    LOOP,
    GET,
    SLOTS,
    GET,
    S,
    0x41,
    2,
    SHL,
    ADD,
    TEE,
    ADDR,
    LOAD,
    2,
    0,
    EQZ,
    BR_IF,
    1,
    GET,
    S,
    ONE,
    ADD,
    GET,
    MASK,
    AND,
    SET,
    S,
    BR,
    0,
    END,
    END,
    GET,
    ADDR,
    GET,
    H,
    i32(TAG_MASK),
    AND,
    GET,
    BP,
    LOAD,
    2,
    4,
    OR,
    STORE,
    2,
    0,
    inc(BP, 8),
    BR,
    0,
    END,
    END,
    STATE_LOCALS.map(([local, off]) => [GET, STATE, GET, local, STORE, 2, off]),
    GET,
    T,
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

export type IndexFn = (
  state: number,
  until: number,
  slots: number,
  mask: number,
  batch: number,
  wide: number,
  records: number,
  base: number,
) => number;

let wasmModule: object | null | undefined;
let wasmEnabled = true;

/** Tests switch the WebAssembly path off to compare it with the JavaScript one. */
export function setIndexWasmEnabled(on: boolean): void {
  wasmEnabled = on;
}

/** A zeroed buffer of at least `bytes` and the index loop over it: WebAssembly, else indexJs. */
export function indexer(bytes: number): { mem: ArrayBuffer; index: IndexFn; wasm: boolean } {
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
export function slotsFor(n: number): number {
  let size = 16;
  while (size * SLOT_LOAD < n) size <<= 1;
  return size;
}
