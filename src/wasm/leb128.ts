/**
 * LEB128, the integer encoding of WebAssembly binaries: what the hand-assembled modules of this
 * repository (src/stats/wasm.ts, src/tokenize/index-builder.ts) write counts, sizes, indices and
 * constants in.
 */

/** Unsigned LEB128 (counts, sizes, indices, offsets). */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (i32.const / i64.const operands). */
export function sleb(value: bigint | number): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
