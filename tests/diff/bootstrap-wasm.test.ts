import { describe, it, expect, afterAll } from '@jest/globals';
import { Pcg32 } from '../../src/stats/pcg32.js';
import { featureGenerator, resampleFeature } from '../../src/stats/resample.js';
import type { FeatureSeries } from '../../src/stats/resample.js';
import { setWasmEnabled, wasmModuleBytes, wasmResampleSums, wasmResamplesServed } from '../../src/stats/wasm.js';

afterAll(() => setWasmEnabled(true));

function series(n: number, seed: string): FeatureSeries {
  const g = Pcg32.fromString(seed);
  const units = Array.from({ length: n }, () => {
    const base = g.nextFloat() * 0.02;
    return { weight: 0.5 + g.nextBelow(4), base, head: base * (0.8 + g.nextFloat() * 0.5) };
  });
  return { id: seed, team: 't', units, requestsPerMonth: { base: 12_345, head: 23_456 } };
}

describe('the WebAssembly draw-and-sum loop (stats-wasm.ts)', () => {
  it('is a valid module of a few hundred bytes', () => {
    const bytes = wasmModuleBytes();
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect(bytes.length).toBeLessThan(600);
  });

  it.each([1, 2, 3, 7, 1000, 9_999, 32_769, 65_536])(
    'gives byte-identical resamples to the JavaScript loop for %i units, and leaves the generator in the same state',
    (n) => {
      const s = series(n, `wasm-${n}`);
      const resamples = n > 10_000 ? 20 : 300;
      setWasmEnabled(false);
      const beforeJs = wasmResamplesServed();
      const rJs = featureGenerator('seed', s.id);
      const js = resampleFeature(s, rJs, resamples);
      setWasmEnabled(true);
      const beforeWasm = wasmResamplesServed();
      const rWasm = featureGenerator('seed', s.id);
      const wasm = resampleFeature(s, rWasm, resamples);
      // Both sides really took their own path: if the module failed to compile, both would be
      // JavaScript and equal by construction. One unit is a constant feature: nothing is drawn.
      expect([beforeWasm - beforeJs, wasmResamplesServed() - beforeWasm]).toEqual([0, n === 1 ? 0 : resamples]);
      expect(Buffer.from(wasm.monthlyDelta.buffer).equals(Buffer.from(js.monthlyDelta.buffer))).toBe(true);
      expect(Buffer.from(wasm.perRequestDelta.buffer).equals(Buffer.from(js.perRequestDelta.buffer))).toBe(true);
      expect(Buffer.from(wasm.headMonthly.buffer).equals(Buffer.from(js.headMonthly.buffer))).toBe(true);
      expect(rWasm.nextU32()).toBe(rJs.nextU32());
      // Not trivially equal: a real spread.
      if (n >= 1000) expect(js.headMonthly[0]).not.toBe(js.headMonthly[1]);
    },
  );

  it('compiles and runs here (the comparisons above would be JavaScript against itself otherwise)', () => {
    const before = wasmResamplesServed();
    const sums = wasmResampleSums(new Pcg32(), new Float64Array([1, 0.5, 0.25]), 1, 3);
    expect(sums === null ? null : Array.from(sums)).toEqual([1, 0.5, 0.25, 1, 0.5, 0.25, 1, 0.5, 0.25]);
    expect(wasmResamplesServed() - before).toBe(3);
  });

  it('declines above 65,536 units (the JavaScript loop takes one 32-bit output per draw there)', () => {
    expect(wasmResampleSums(new Pcg32(), new Float64Array(3 * 65_537), 65_537, 5)).toBeNull();
  });
});
