/**
 * The index loop of a packed table (rank-lookup.ts has its layout), as the contract both of its
 * implementations keep: the state it continues from, the slice it does per call, its signature,
 * and `indexJs`, the JavaScript one (index-wasm.ts assembles the same loop as WebAssembly).
 */
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
