/**
 * Deterministic ranks for sampling: the same key always gets the same rank, on every run, machine
 * and Node version. FNV-1a 64-bit over the UTF-8 bytes, in plain 32-bit arithmetic (no BigInt: it
 * runs once per traffic line), then an avalanche step: FNV's high bits barely depend on the last
 * bytes (`id:s123` and `id:s124` would rank side by side, so sequential ids would be sampled in
 * runs), and the rank must depend on every bit of the key.
 */

const TWO_32 = 4294967296;

/** FNV-1a 64 of `text` as [high 32 bits, low 32 bits], both unsigned. */
export function fnv1a64(text: string): [number, number] {
  const bytes = Buffer.from(text, 'utf8');
  // Offset basis 0xcbf29ce484222325.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    // × prime 0x100000001b3 = × 0x1b3 + (× 2^40); every partial product stays below 2^53.
    const loMul = lo * 0x1b3;
    const hiMul = hi * 0x1b3;
    const carry = Math.floor(loMul / TWO_32);
    hi = (hiMul + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = loMul >>> 0;
  }
  return [hi, lo];
}

/** MurmurHash3's 32-bit finaliser: every input bit flips each output bit with probability ~½. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed 53-bit rank of `text` (a non-negative integer), for ordering sample units. */
export function hashKey(text: string): number {
  const [hi, lo] = fnv1a64(text);
  const a = fmix32((lo ^ fmix32(hi)) >>> 0);
  const b = fmix32((hi ^ a ^ 0x9e3779b9) >>> 0);
  return a * 2097152 + (b >>> 11);
}
