/**
 * PCG32 (O'Neill's `pcg32_random_r`: 64-bit LCG state, XSH RR output), the generator behind the
 * bootstrap. The 64-bit state is kept as two unsigned 32-bit halves in an Int32Array so the hot loop
 * runs on small integers with `Math.imul`, never on BigInt (BigInt is only used once, when seeding).
 * The output sequence equals the C reference bit for bit (`pcg32_srandom_r(&rng, 42u, 54u)` →
 * 0xa15c02b7 0x7b47f409 …), so a seed means the same draws on every Node version.
 */

/** 2^32 as a double: the range of one output. */
const TWO_32 = 4294967296;
/** 2^-32, exact: multiplying by it is the same as dividing by 2^32, and faster. */
const INV_TWO_32 = 1 / TWO_32;
/** 2^21: below this bound `u32 × bound` stays under 2^53, so one double multiply is exact. */
const EXACT_PRODUCT_BOUND = 2097152;

// Multiplier 6364136223846793005 = 0x5851f42d_4c957f2d, as halves (and the low half as 16-bit
// halves again, for the exact high word of the 32×32-bit product).
const MUL_HI = 0x5851f42d;
const MUL_LO = 0x4c957f2d;
const MUL_LO_HI16 = MUL_LO >>> 16;
const MUL_LO_LO16 = MUL_LO & 0xffff;

const MASK_64 = (1n << 64n) - 1n;

// Module-level aliases: inside a vm context (jest runs tests in one) every read of the global
// `Math` goes through an interceptor and the loops below ran ~50× slower; a module binding does not.
const imul = Math.imul;
const floor = Math.floor;

/** A (state, stream) pair for {@link Pcg32.seed}: `initstate` and `initseq` of the C reference. */
export interface Pcg32Seed {
  state: bigint;
  stream: bigint;
}

/** A PCG32 generator. Not cryptographic: it decides which samples a bootstrap resample draws. */
export class Pcg32 {
  /** [state hi, state lo, inc hi, inc lo], each an unsigned 32-bit value stored as int32. */
  private readonly s = new Int32Array(4);

  /** A generator seeded like `pcg32_srandom_r(state, stream)`; defaults to the PCG demo seed. */
  constructor(state: bigint | number = 42n, stream: bigint | number = 54n) {
    this.seed(state, stream);
  }

  /** A generator seeded from a string (see {@link seedFromString}). */
  static fromString(text: string): Pcg32 {
    const { state, stream } = seedFromString(text);
    return new Pcg32(state, stream);
  }

  /**
   * Reseeds exactly like `pcg32_srandom_r(initstate, initseq)`: both are taken modulo 2^64; the
   * stream selects one of 2^63 sequences (its top bit is dropped by the reference too).
   */
  seed(state: bigint | number, stream: bigint | number): void {
    const st = BigInt.asUintN(64, BigInt(state));
    const inc = ((BigInt.asUintN(64, BigInt(stream)) << 1n) | 1n) & MASK_64;
    const s = this.s;
    s[0] = 0;
    s[1] = 0;
    s[2] = Number(inc >> 32n) | 0;
    s[3] = Number(inc & 0xffffffffn) | 0;
    this.nextU32();
    // state += initstate, with the carry between the halves.
    const lo = (s[1] >>> 0) + Number(st & 0xffffffffn);
    const carry = lo >= TWO_32 ? 1 : 0;
    s[1] = lo | 0;
    s[0] = (s[0] + Number(st >> 32n) + carry) | 0;
    this.nextU32();
  }

  /**
   * The live state [state hi, state lo, inc hi, inc lo] (int32 each), for code that steps the
   * same generator elsewhere and writes the state back (stats-wasm.ts).
   */
  rawState(): Int32Array {
    return this.s;
  }

  /** The next uniformly distributed unsigned 32-bit integer (0 … 2^32 − 1). */
  nextU32(): number {
    const s = this.s;
    const hi = s[0];
    const lo = s[1];

    // state = state × MUL + inc (mod 2^64), in int32 arithmetic only. The low word of lo × MUL_LO
    // comes from imul; its high word from 16-bit pieces (each piece product < 2^31).
    const a0 = lo & 0xffff;
    const a1 = lo >>> 16;
    const p01 = imul(a0, MUL_LO_HI16);
    const p10 = imul(a1, MUL_LO_LO16);
    const mid = (imul(a0, MUL_LO_LO16) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const mulHi = imul(a1, MUL_LO_HI16) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
    const incLo = s[3];
    const newLo = (imul(lo, MUL_LO) + incLo) | 0;
    const carry = newLo >>> 0 < incLo >>> 0 ? 1 : 0; // unsigned wrap-around of the low word
    s[1] = newLo;
    s[0] = (mulHi + imul(lo, MUL_HI) + imul(hi, MUL_LO) + s[2] + carry) | 0;

    // XSH RR on the old state: xorshifted = ((old >>> 18) ^ old) >>> 27, rot = old >>> 59.
    const xhi = hi ^ (hi >>> 18);
    const xlo = lo ^ ((lo >>> 18) | (hi << 14));
    const xorshifted = (xlo >>> 27) | (xhi << 5);
    const rot = hi >>> 27;
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  }

  /** A uniform double in [0, 1) with 32 bits of resolution (one output ÷ 2^32). */
  nextFloat(): number {
    return this.nextU32() / TWO_32;
  }

  /**
   * A uniform integer in [0, bound), without modulo bias: Lemire's multiply-and-reject (the high
   * word of the 64-bit product `u32 × bound`, redrawing when the low word falls below
   * 2^32 mod bound). The product is computed exactly for every bound up to 2^32, so the mapping
   * from outputs to results is one function of the bound.
   */
  nextBelow(bound: number): number {
    // Fast path (every bootstrap draw): a small integer bound, product exact in one double. The
    // rare redraw lives in its own method so this one stays small enough to inline.
    if ((bound | 0) === bound && bound >= 1 && bound <= EXACT_PRODUCT_BOUND) {
      const m = this.nextU32() * bound;
      const high = floor(m * INV_TWO_32);
      return m - high * TWO_32 < bound ? this.redrawBelow(bound, m - high * TWO_32, high) : high;
    }
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_32) {
      throw new RangeError(`nextBelow: bound must be an integer in 1 … 2^32, got ${bound}`);
    }
    return this.nextBelowWide(bound);
  }

  /** Lemire's rejection step for a small bound: redraw while the low word is below 2^32 mod bound. */
  private redrawBelow(bound: number, low: number, high: number): number {
    const threshold = (TWO_32 - bound) % bound;
    while (low < threshold) {
      const m = this.nextU32() * bound;
      high = floor(m * INV_TWO_32);
      low = m - high * TWO_32;
    }
    return high;
  }

  /**
   * Fills `out[0 … count)` with `nextBelow(bound)` draws: the same values, in the same order, as
   * `count` calls of {@link nextBelow}, but with the state in local variables for the whole batch.
   * This is the bootstrap's hot loop (tens of millions of draws per run).
   */
  fillBelow(out: Uint32Array, bound: number, count: number = out.length): void {
    if (!(Number.isInteger(count) && count >= 0 && count <= out.length)) {
      throw new RangeError(`fillBelow: count must be an integer in 0 … ${out.length}, got ${count}`);
    }
    if (!((bound | 0) === bound && bound >= 1 && bound <= EXACT_PRODUCT_BOUND)) {
      for (let k = 0; k < count; k++) out[k] = this.nextBelow(bound);
      return;
    }
    const s = this.s;
    let hi = s[0];
    let lo = s[1];
    const incHi = s[2];
    const incLo = s[3];
    // 2^32 mod bound, compared on every draw: the same test as Lemire's two-step one (the threshold
    // is below the bound), but with no rarely-taken branch that would deoptimise the loop when hit.
    const threshold = (TWO_32 - bound) % bound;
    for (let k = 0; k < count;) {
      // One LCG step and XSH RR output, exactly as in nextU32.
      const a0 = lo & 0xffff;
      const a1 = lo >>> 16;
      const p01 = imul(a0, MUL_LO_HI16);
      const p10 = imul(a1, MUL_LO_LO16);
      const mid = (imul(a0, MUL_LO_LO16) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
      const mulHi = imul(a1, MUL_LO_HI16) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
      const newLo = (imul(lo, MUL_LO) + incLo) | 0;
      const newHi = (mulHi + imul(lo, MUL_HI) + imul(hi, MUL_LO) + incHi + (newLo >>> 0 < incLo >>> 0 ? 1 : 0)) | 0;
      const xhi = hi ^ (hi >>> 18);
      const xlo = lo ^ ((lo >>> 18) | (hi << 14));
      const xorshifted = (xlo >>> 27) | (xhi << 5);
      const rot = hi >>> 27;
      const x = ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
      hi = newHi;
      lo = newLo;
      // Saved on every step rather than after the loop: code after a hot loop has no type feedback
      // when the first call is compiled on stack, and every later call then deoptimised there.
      s[0] = hi;
      s[1] = lo;
      // Lemire's mapping; a rejected draw is simply followed by the next one, as in nextBelow.
      const m = x * bound;
      const high = floor(m * INV_TWO_32);
      const low = m - high * TWO_32;
      if (low < threshold) continue;
      out[k++] = high;
    }
  }

  /**
   * Fills `out[0 … count)` with uniform integers in [0, bound), two per output when the bound fits
   * in 16 bits: each output is split into its high and then its low half, and each half goes
   * through Lemire's method with L = 16 (the high 16 bits of `half × bound`, redrawn when the low
   * 16 bits fall below 2^16 mod bound), which is exactly uniform like the 32-bit method. A half
   * left over when `count` is reached is discarded, so every call starts on a fresh output. Bounds
   * above 2^16 take one output per draw, exactly as {@link fillBelow}. Half the generator steps of
   * fillBelow for every bootstrap up to 65,536 units (the generator step is most of a draw's cost).
   */
  fillBelowHalves(out: Uint32Array, bound: number, count: number = out.length): void {
    if (!(Number.isInteger(count) && count >= 0 && count <= out.length)) {
      throw new RangeError(`fillBelowHalves: count must be an integer in 0 … ${out.length}, got ${count}`);
    }
    if (!((bound | 0) === bound && bound >= 1 && bound <= 65536)) {
      this.fillBelow(out, bound, count);
      return;
    }
    const s = this.s;
    let hi = s[0];
    let lo = s[1];
    const incHi = s[2];
    const incLo = s[3];
    const threshold = 65536 % bound;
    for (let k = 0; k < count;) {
      const a0 = lo & 0xffff;
      const a1 = lo >>> 16;
      const p01 = imul(a0, MUL_LO_HI16);
      const p10 = imul(a1, MUL_LO_LO16);
      const mid = (imul(a0, MUL_LO_LO16) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
      const mulHi = imul(a1, MUL_LO_HI16) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
      const newLo = (imul(lo, MUL_LO) + incLo) | 0;
      const newHi = (mulHi + imul(lo, MUL_HI) + imul(hi, MUL_LO) + incHi + (newLo >>> 0 < incLo >>> 0 ? 1 : 0)) | 0;
      const xhi = hi ^ (hi >>> 18);
      const xlo = lo ^ ((lo >>> 18) | (hi << 14));
      const xorshifted = (xlo >>> 27) | (xhi << 5);
      const rot = hi >>> 27;
      const x = (xorshifted >>> rot) | (xorshifted << (-rot & 31));
      hi = newHi;
      lo = newLo;
      s[0] = hi;
      s[1] = lo;
      // Both products are below 2^32 (16-bit half × bound ≤ 2^16): exact in int32 arithmetic.
      const m1 = (x >>> 16) * bound;
      if ((m1 & 0xffff) >= threshold) out[k++] = m1 >>> 16;
      if (k === count) break;
      const m2 = (x & 0xffff) * bound;
      if ((m2 & 0xffff) >= threshold) out[k++] = m2 >>> 16;
    }
  }

  /** {@link nextBelow} for bounds above 2^21: the 64-bit product assembled from 16-bit pieces. */
  private nextBelowWide(bound: number): number {
    const bHi = floor(bound / 65536);
    const bLo = bound - bHi * 65536;
    const threshold = (TWO_32 - bound) % bound;
    for (;;) {
      const x = this.nextU32();
      const a = x * bLo; // < 2^48
      const aHi = floor(a / 65536);
      const t = x * bHi + aHi; // < 2^49
      const high = floor(t / 65536);
      const low = (t - high * 65536) * 65536 + (a - aHi * 65536);
      if (low >= threshold) return high;
    }
  }
}

/**
 * FNV-1a 64 over bytes, from a given offset basis. BigInt is fine here: it runs once per seed.
 */
function fnv1a64(bytes: Uint8Array, basis: bigint): bigint {
  let h = basis;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & MASK_64;
  }
  return h;
}

const FNV_OFFSET_BASIS = 0xcbf29ce484222325n;

/**
 * Derives a PCG32 (state, stream) from a string: state = FNV-1a 64 of its UTF-8 bytes; stream =
 * FNV-1a 64 of the same bytes continued from that hash (a second, different 64-bit value). Only
 * UTF-8 encoding and integer arithmetic are involved, so it is identical on every Node version.
 */
export function seedFromString(text: string): Pcg32Seed {
  const bytes = new TextEncoder().encode(text);
  const state = fnv1a64(bytes, FNV_OFFSET_BASIS);
  const stream = fnv1a64(bytes, state);
  return { state, stream };
}
