/**
 * Coverage of the percentile intervals (DESIGN "Statistics"): over 1,000 synthetic data sets whose
 * true monthly delta is known analytically, the 95 % interval must contain it 93–97 % of the time.
 * 1,000 data sets give a binomial standard error of ≈ 0.7 points around 95 %. Sizes are chosen for
 * time (≈ 300 M draws in all, ~12 s on the 2-core CI machine): scenario A runs the production
 * default of 2,000 resamples on 100 samples, scenario B 1,000 resamples on 200 traces.
 */
import { describe, it, expect } from '@jest/globals';
import { pairedBootstrap } from '../../src/stats/bootstrap.js';
import type { FeatureSeries, PairedUnit } from '../../src/stats/bootstrap.js';
import { Pcg32 } from '../../src/stats/pcg32.js';

const DATASETS = 1000;

/** Standard normal by Box–Muller from the test's own data generator. */
function normal(g: Pcg32): number {
  const u1 = 1 - g.nextFloat(); // (0, 1]: log is finite
  const u2 = g.nextFloat();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

// Per-call base cost ~ lognormal(MU, SIGMA): E = exp(MU + SIGMA²/2). Head = base × (1.2 + 0.1·z),
// z independent standard normal, so E[head] = 1.2·E[base] and the pairs are correlated but noisy.
const MU = Math.log(0.01);
const SIGMA = 0.5;
const MEAN_CALL = Math.exp(MU + (SIGMA * SIGMA) / 2);

function call(g: Pcg32): { base: number; head: number } {
  const base = Math.exp(MU + SIGMA * normal(g));
  return { base, head: base * (1.2 + 0.1 * normal(g)) };
}

/** Scenario A: 100 single-call samples, equal weights, same volume at base and head. */
const RPM_A = 1_000_000;
const TRUE_DELTA_A = RPM_A * (1.2 - 1) * MEAN_CALL;
function datasetA(seed: number): FeatureSeries {
  const g = Pcg32.fromString(`coverage-A-${seed}`);
  const units: PairedUnit[] = [];
  for (let i = 0; i < 100; i++) units.push({ weight: 1, ...call(g) });
  return { id: 'a', team: 't', units, requestsPerMonth: { base: RPM_A, head: RPM_A } };
}

/**
 * Scenario B: 200 traces of 1–3 calls (uniform), summed per request, weights 1–5 (uniform,
 * independent of the costs), and a volume change (50k → 60k requests a month).
 * E[trace base] = E[calls] × E[call] = 2·E[call]; the weighted mean is consistent for it because the
 * weights are independent of the costs. True delta = 2·E[call]·(1.2 × 60,000 − 50,000).
 */
const RPM_B = { base: 50_000, head: 60_000 };
const TRUE_DELTA_B = 2 * MEAN_CALL * (1.2 * RPM_B.head - RPM_B.base);
function datasetB(seed: number): FeatureSeries {
  const g = Pcg32.fromString(`coverage-B-${seed}`);
  const units: PairedUnit[] = [];
  for (let i = 0; i < 200; i++) {
    const calls = 1 + g.nextBelow(3);
    let base = 0;
    let head = 0;
    for (let c = 0; c < calls; c++) {
      const x = call(g);
      base += x.base;
      head += x.head;
    }
    units.push({ weight: 1 + g.nextBelow(5), base, head });
  }
  return { id: 'b', team: 't', units, requestsPerMonth: RPM_B };
}

function coverage(make: (seed: number) => FeatureSeries, trueDelta: number, resamples: number): number {
  let covered = 0;
  for (let seed = 0; seed < DATASETS; seed++) {
    const series = make(seed);
    const r = pairedBootstrap([series], { seed: `boot-${seed}`, resamples });
    const { lo, hi } = r.features[series.id]!.monthlyDelta;
    if (lo <= trueDelta && trueDelta <= hi) covered++;
  }
  return covered / DATASETS;
}

describe('bootstrap coverage over 1,000 data sets with a known true delta', () => {
  it('sanity: the true deltas are what the generating distributions imply', () => {
    // exp(ln 0.01 + 0.125) = 0.01 × e^0.125 = 0.011331484530668263
    expect(MEAN_CALL).toBeCloseTo(0.011331484530668263, 15);
    expect(TRUE_DELTA_A).toBeCloseTo(2266.2969061336525, 8);
    expect(TRUE_DELTA_B).toBeCloseTo(2 * 0.011331484530668263 * 22_000, 8);
  });

  it('scenario A (100 samples, equal weights), the default 2,000 resamples: coverage in [0.93, 0.97]', () => {
    const c = coverage(datasetA, TRUE_DELTA_A, 2000); // measured 0.949
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });

  it('scenario B (200 traces of 1–3 calls, weights 1–5, volume change), 1,000 resamples: coverage in [0.93, 0.97]', () => {
    const c = coverage(datasetB, TRUE_DELTA_B, 1000); // measured 0.950
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });
});
