/**
 * The index loop (index-loop.ts, `indexJs`) as a WebAssembly function, hand-assembled like
 * src/stats/wasm.ts: the same steps, in a form V8 runs at full speed from its first calls.
 */
import { sleb, uleb } from '../wasm/index.js';
import { ST_HEADS, ST_RANK, ST_TEXT, ST_TOKENS } from './index-loop.js';
import { FNV_OFFSET, FNV_PRIME, TAG_MASK } from './rank-lookup.js';

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
