import { describe, it, expect } from '@jest/globals';
import { Pcg32, seedFromString } from '../../src/stats/pcg32.js';

/** The C reference (pcg32_random_r / pcg32_srandom_r) written directly in BigInt, as a second implementation. */
class BigPcg32 {
  state = 0n;
  inc = 0n;
  constructor(initstate: bigint, initseq: bigint) {
    this.inc = BigInt.asUintN(64, (initseq << 1n) | 1n);
    this.next();
    this.state = BigInt.asUintN(64, this.state + initstate);
    this.next();
  }
  next(): number {
    const old = this.state;
    this.state = BigInt.asUintN(64, old * 6364136223846793005n + this.inc);
    const xorshifted = Number(BigInt.asUintN(32, ((old >> 18n) ^ old) >> 27n));
    const rot = Number(old >> 59n);
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  }
  /** Lemire's nearly-divisionless method on exact integers. */
  below(bound: number): number {
    const b = BigInt(bound);
    const threshold = (2n ** 32n - b) % b;
    for (;;) {
      const m = BigInt(this.next()) * b;
      if ((m & 0xffffffffn) >= threshold) return Number(m >> 32n);
    }
  }
}

describe('Pcg32', () => {
  it('reproduces the pcg32-demo output for seed 42, stream 54', () => {
    const rng = new Pcg32(42n, 54n);
    const got = Array.from({ length: 6 }, () => rng.nextU32());
    expect(got).toEqual([0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e]);
  });

  it('is the default seed and accepts plain numbers', () => {
    const a = new Pcg32();
    const b = new Pcg32(42, 54);
    expect(a.nextU32()).toBe(0xa15c02b7);
    expect(b.nextU32()).toBe(0xa15c02b7);
  });

  it('matches a BigInt implementation of the C reference on 5,000 outputs per seed', () => {
    const seeds: Array<[bigint, bigint]> = [
      [0n, 0n],
      [1n, 2n],
      [0xffffffffffffffffn, 0x7fffffffffffffffn],
      [0x853c49e6748fea9bn, 0xda3e39cb94b95bdbn],
      [seedFromString('aicost').state, seedFromString('aicost').stream],
    ];
    for (const [state, stream] of seeds) {
      const fast = new Pcg32(state, stream);
      const ref = new BigPcg32(BigInt.asUintN(64, state), BigInt.asUintN(64, stream));
      const got = Array.from({ length: 5000 }, () => fast.nextU32());
      const want = Array.from({ length: 5000 }, () => ref.next());
      expect(got).toEqual(want);
    }
  });

  it('reseeding restarts the sequence', () => {
    const rng = new Pcg32(42n, 54n);
    rng.nextU32();
    rng.nextU32();
    rng.seed(42n, 54n);
    expect(rng.nextU32()).toBe(0xa15c02b7);
  });

  it('nextFloat is one output divided by 2^32', () => {
    const rng = new Pcg32(42n, 54n);
    expect(rng.nextFloat()).toBe(0xa15c02b7 / 4294967296);
    const xs = Array.from({ length: 1000 }, () => rng.nextFloat());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('nextBelow is unbiased Lemire on exact products, for small and wide bounds', () => {
    for (const bound of [1, 2, 3, 7, 200, 20000, 2 ** 21, 2 ** 21 + 1, 3_000_000_019, 2 ** 32 - 1, 2 ** 32]) {
      const fast = new Pcg32(7n, 11n);
      const ref = new BigPcg32(7n, 11n);
      const got = Array.from({ length: 2000 }, () => fast.nextBelow(bound));
      expect(got).toEqual(Array.from({ length: 2000 }, () => ref.below(bound)));
      expect(got.every((x) => x >= 0 && x < bound)).toBe(true);
    }
  });

  it('nextBelow rejects the draws in the biased zone (bound 3·2^30: threshold 2^30)', () => {
    // For bound = 3·2^30, 2^32 mod bound = 2^30; outputs x with (x·bound mod 2^32) < 2^30 are redrawn,
    // i.e. x ≡ 0 (mod 4) since x·3·2^30 mod 2^32 = (3x mod 4)·2^30. So results come only from x ≢ 0 (mod 4).
    const bound = 3 * 2 ** 30;
    const raw = new Pcg32(5n, 6n);
    const rng = new Pcg32(5n, 6n);
    const expected: number[] = [];
    for (let i = 0; i < 200; i++) {
      let x = raw.nextU32();
      while (x % 4 === 0) x = raw.nextU32();
      expected.push(Math.floor((x * 3) / 4));
    }
    expect(Array.from({ length: 200 }, () => rng.nextBelow(bound))).toEqual(expected);
  });

  it('nextBelow is roughly uniform over a small range', () => {
    const rng = new Pcg32(1n, 1n);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50000; i++) counts[rng.nextBelow(5)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400); // ~4.5 standard deviations
  });

  it('fillBelow draws the same values as repeated nextBelow and leaves the generator in the same state', () => {
    for (const bound of [1, 3, 20000, 2 ** 21, 2 ** 22 + 3, 3 * 2 ** 30]) {
      const a = Pcg32.fromString('fill');
      const b = Pcg32.fromString('fill');
      const out = new Uint32Array(3000);
      a.fillBelow(out, bound, 2500);
      const expected = Array.from({ length: 2500 }, () => b.nextBelow(bound));
      expect(Array.from(out.subarray(0, 2500))).toEqual(expected);
      expect(out[2500]).toBe(0);
      expect(a.nextU32()).toBe(b.nextU32());
    }
  });

  it('fillBelowHalves: each output gives its high then its low 16 bits to Lemire with L = 16; a leftover half is dropped', () => {
    for (const bound of [1, 2, 3, 1000, 10_000, 20_000, 32_769, 65_535, 65_536]) {
      const fast = Pcg32.fromString('halves');
      const ref = new BigPcg32(seedFromString('halves').state, seedFromString('halves').stream);
      const threshold = 65536 % bound;
      const below16 = (half: number): number | null =>
        (half * bound) % 65536 >= threshold ? Math.floor((half * bound) / 65536) : null;
      const expected: number[] = [];
      for (const count of [7, 1, 2000]) {
        const out = new Uint32Array(count);
        fast.fillBelowHalves(out, bound, count);
        const want: number[] = [];
        while (want.length < count) {
          const x = ref.next();
          const a = below16(x >>> 16);
          if (a !== null) want.push(a);
          if (want.length === count) break;
          const b = below16(x & 0xffff);
          if (b !== null) want.push(b);
        }
        expect(Array.from(out)).toEqual(want);
        expected.push(...want);
      }
      expect(fast.nextU32()).toBe(ref.next());
      expect(expected.every((v) => v >= 0 && v < bound)).toBe(true);
    }
  });

  it('fillBelowHalves is uniform: 3 × 10^5 draws below 10 within 4.5 standard deviations per value; above 2^16 it is fillBelow', () => {
    const rng = Pcg32.fromString('uniform');
    const out = new Uint32Array(300_000);
    rng.fillBelowHalves(out, 10);
    const counts = new Array<number>(10).fill(0);
    for (const v of out) counts[v]!++;
    // sd = sqrt(n p (1 − p)) = sqrt(300,000 × 0.1 × 0.9) ≈ 164.
    for (const c of counts) expect(Math.abs(c - 30_000)).toBeLessThan(740);
    const a = Pcg32.fromString('wide');
    const b = Pcg32.fromString('wide');
    const x = new Uint32Array(100);
    const y = new Uint32Array(100);
    a.fillBelowHalves(x, 65_537);
    b.fillBelow(y, 65_537);
    expect(Array.from(x)).toEqual(Array.from(y));
  });

  it('rejects bounds and counts out of range', () => {
    const rng = new Pcg32();
    expect(() => rng.nextBelow(0)).toThrow(RangeError);
    expect(() => rng.nextBelow(1.5)).toThrow(RangeError);
    expect(() => rng.nextBelow(2 ** 32 + 1)).toThrow(RangeError);
    expect(() => rng.nextBelow(Number.NaN)).toThrow(RangeError);
    expect(() => rng.fillBelow(new Uint32Array(2), 5, 3)).toThrow(RangeError);
  });
});

describe('seedFromString', () => {
  it('state is FNV-1a 64 of the UTF-8 bytes (published test vectors)', () => {
    expect(seedFromString('').state).toBe(0xcbf29ce484222325n);
    expect(seedFromString('a').state).toBe(0xaf63dc4c8601ec8cn);
    expect(seedFromString('foobar').state).toBe(0x85944171f73967e8n);
  });

  it('stream continues the hash over the same bytes: for "a", one more FNV-1a step on 0x61', () => {
    // (0xaf63dc4c8601ec8c ^ 0x61) × 0x100000001b3 mod 2^64, worked out by hand in BigInt.
    const expected = BigInt.asUintN(64, (0xaf63dc4c8601ec8cn ^ 0x61n) * 0x100000001b3n);
    expect(seedFromString('a').stream).toBe(expected);
    expect(seedFromString('').stream).toBe(0xcbf29ce484222325n);
  });

  it('hashes UTF-8, not UTF-16: "é" is the bytes c3 a9', () => {
    let h = 0xcbf29ce484222325n;
    for (const b of [0xc3n, 0xa9n]) h = BigInt.asUintN(64, (h ^ b) * 0x100000001b3n);
    expect(seedFromString('é').state).toBe(h);
  });

  it('is deterministic and separates close strings', () => {
    expect(Pcg32.fromString('base..head').nextU32()).toBe(Pcg32.fromString('base..head').nextU32());
    expect(seedFromString('seed-1')).not.toEqual(seedFromString('seed-2'));
  });
});
