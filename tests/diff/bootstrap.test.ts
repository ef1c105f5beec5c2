import { describe, it, expect } from '@jest/globals';
import { pairedBootstrap, DEFAULT_RESAMPLES } from '../../src/stats/bootstrap.js';
import type { FeatureSeries, PairedUnit } from '../../src/stats/bootstrap.js';
import { Pcg32 } from '../../src/stats/pcg32.js';
import { quantileSorted, percentileInterval } from '../../src/stats/quantile.js';
import { bootstrapResamples, featureGenerator, resampleFeature } from '../../src/stats/resample.js';
import { effectiveSampleSize } from '../../src/stats/weighted.js';

const units = (list: Array<[number, number, number]>): PairedUnit[] =>
  list.map(([weight, base, head]) => ({ weight, base, head }));

/** n units with pseudo-random costs from a fixed generator (data only, not the bootstrap's generator). */
function noisyFeature(id: string, team: string, n: number, headFactor: number, dataSeed: string): FeatureSeries {
  const g = Pcg32.fromString(dataSeed);
  const list: PairedUnit[] = [];
  for (let i = 0; i < n; i++) {
    const base = 0.001 + g.nextFloat() * 0.01;
    list.push({ weight: 1 + g.nextBelow(3), base, head: base * headFactor + g.nextFloat() * 0.0005 });
  }
  return { id, team, units: list, requestsPerMonth: { base: 100_000, head: 100_000 } };
}

describe('quantiles (type 7)', () => {
  it('interpolates between order statistics', () => {
    const x = [1, 2, 3, 4, 5];
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(5);
    expect(quantileSorted(x, 0.25)).toBe(2); // h = 1
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.4, 12); // h = 0.4
    expect(quantileSorted([10, 20], 0.975)).toBeCloseTo(19.75, 12);
  });

  it('gives the 2.5 % and 97.5 % points of 0 … 1000 as 25 and 975, without touching the input', () => {
    const values = new Float64Array(1001);
    for (let i = 0; i <= 1000; i++) values[i] = 1000 - i; // descending on purpose
    expect(percentileInterval(values, 0.95)).toEqual({ lo: 25, hi: 975 });
    expect(percentileInterval(values, 0.9)).toEqual({ lo: 50, hi: 950 });
    expect(values[0]).toBe(1000);
  });

  it('returns a constant exactly, even where interpolation would round', () => {
    expect(percentileInterval(new Float64Array(7).fill(0.1), 0.95)).toEqual({ lo: 0.1, hi: 0.1 });
  });
});

describe('Kish effective size', () => {
  it('is (Σw)²/Σw²', () => {
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([1, 1, 2])).toBeCloseTo(16 / 6, 12);
    expect(effectiveSampleSize([10, ...new Array<number>(29).fill(1)])).toBeCloseTo(1521 / 129, 12);
  });
});

describe('pairedBootstrap: hand-computed tiny inputs', () => {
  it('one unit gives the degenerate interval of the point delta', () => {
    const r = pairedBootstrap(
      [{ id: 'one', team: 't', units: units([[1, 0.25, 0.375]]), requestsPerMonth: { base: 1000, head: 2000 } }],
      { seed: 's' },
    );
    // base monthly 0.25 × 1000 = 250, head monthly 0.375 × 2000 = 750.
    expect(r.features.one).toEqual({
      monthlyDelta: { lo: 500, hi: 500 },
      perRequestDelta: { lo: 0.125, hi: 0.125 },
      headMonthly: { lo: 750, hi: 750 },
      effectiveUnits: 1,
      insufficient: true,
    });
    expect(r.teams.t).toEqual({ monthlyDelta: { lo: 500, hi: 500 }, headMonthly: { lo: 750, hi: 750 } });
    expect(r.total).toEqual(r.teams.t);
    expect(r.resamples).toBe(DEFAULT_RESAMPLES);
  });

  it('identical units with unequal weights give a zero-width interval at the exact value', () => {
    const list = units([
      [1, 0.1, 0.3],
      [2, 0.1, 0.3],
      [7, 0.1, 0.3],
    ]);
    const r = pairedBootstrap([{ id: 'same', team: 't', units: list, requestsPerMonth: { base: 1000, head: 1000 } }], {
      seed: 's',
    });
    const delta = 0.3 * 1000 - 0.1 * 1000; // the point value, not Σwb/Σw with its rounding
    expect(r.features.same!.monthlyDelta).toEqual({ lo: delta, hi: delta });
    expect(r.features.same!.perRequestDelta).toEqual({ lo: 0.3 - 0.1, hi: 0.3 - 0.1 });
    expect(r.features.same!.effectiveUnits).toBeCloseTo(100 / 54, 12);
  });

  it('two units (weights 1 and 3): resamples take the three hand-computed values with probabilities ¼, ½, ¼', () => {
    // Units A (w 1, base 1, head 1) and B (w 3, base 2, head 4); rpm 100 both.
    // AA: means 1 / 1 → delta 0. AB: base (1+6)/4 = 1.75, head (1+12)/4 = 3.25 → delta 1.5 per request.
    // BB: 2 / 4 → delta 2. Monthly deltas 0, 150, 200; head monthly 100, 325, 400.
    const f: FeatureSeries = {
      id: 'two',
      team: 't',
      units: units([
        [1, 1, 1],
        [3, 2, 4],
      ]),
      requestsPerMonth: { base: 100, head: 100 },
    };
    const raw = bootstrapResamples([f], 'two-units', 2000);
    const counts = new Map<number, number>();
    for (const v of raw.features[0]!.monthlyDelta) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([0, 150, 200]);
    expect(Math.abs(counts.get(0)! - 500)).toBeLessThan(100); // binomial sd ≈ 19
    expect(Math.abs(counts.get(150)! - 1000)).toBeLessThan(100); // sd ≈ 22
    expect(raw.features[0]!.point).toEqual({
      perRequestBase: 1.75,
      perRequestHead: 3.25,
      monthlyDelta: 150,
      perRequestDelta: 1.5,
      headMonthly: 325,
    });

    const r = pairedBootstrap([f], { seed: 'two-units' });
    expect(r.features.two!.monthlyDelta).toEqual({ lo: 0, hi: 200 });
    expect(r.features.two!.perRequestDelta).toEqual({ lo: 0, hi: 2 });
    expect(r.features.two!.headMonthly).toEqual({ lo: 100, hi: 400 });
    expect(r.features.two!.effectiveUnits).toBeCloseTo(16 / 10, 12);
  });

  it('an added feature (base 0, no base volume): the delta interval is the head monthly interval', () => {
    const f: FeatureSeries = {
      id: 'new',
      team: 't',
      units: units([
        [1, 0, 0.5],
        [1, 0, 1],
        [2, 0, 2],
      ]),
      requestsPerMonth: { base: 0, head: 400 },
    };
    const r = pairedBootstrap([f], { seed: 'added', resamples: 500 });
    const fi = r.features.new!;
    expect(fi.monthlyDelta).toEqual(fi.headMonthly);
    // Head monthly lies between the cheapest (all 0.5 → 200) and dearest (all 2 → 800) resample.
    expect(fi.headMonthly.lo).toBeGreaterThanOrEqual(200);
    expect(fi.headMonthly.hi).toBeLessThanOrEqual(800);
    expect(fi.headMonthly.lo).toBeLessThan(fi.headMonthly.hi);
  });

  it('a removed feature (head 0, no head volume): head monthly is [0, 0] and the delta is minus the base monthly', () => {
    const f: FeatureSeries = {
      id: 'gone',
      team: 't',
      units: units([
        [1, 1, 0],
        [1, 3, 0],
      ]),
      requestsPerMonth: { base: 10, head: 0 },
    };
    const r = pairedBootstrap([f], { seed: 'removed', resamples: 1000 });
    expect(r.features.gone!.headMonthly).toEqual({ lo: 0, hi: 0 });
    // Resampled base means 1, 2, 3 (prob ¼, ½, ¼) → monthly deltas −10, −20, −30.
    expect(r.features.gone!.monthlyDelta).toEqual({ lo: -30, hi: -10 });
    expect(r.features.gone!.perRequestDelta).toEqual({ lo: -3, hi: -1 });
  });

  it('flags fewer than 30 effective units as insufficient', () => {
    const flat = (n: number): FeatureSeries => ({
      id: `n${n}`,
      team: 't',
      units: Array.from({ length: n }, (_, i) => ({ weight: 1, base: 1 + (i % 3), head: 2 })),
      requestsPerMonth: { base: 1, head: 1 },
    });
    const r = pairedBootstrap([flat(29), flat(30)], { seed: 'kish', resamples: 10 });
    expect(r.features.n29).toMatchObject({ effectiveUnits: 29, insufficient: true });
    expect(r.features.n30).toMatchObject({ effectiveUnits: 30, insufficient: false });
  });
});

describe('pairedBootstrap: teams and the total', () => {
  const up = noisyFeature('a-up', 'search', 300, 1.5, 'data-up');
  const down = noisyFeature('b-down', 'search', 300, 0.6, 'data-down');
  const other = noisyFeature('c-other', 'billing', 100, 1.1, 'data-other');

  it("team resample i is the sum of its features' resample i; the total sums all features", () => {
    const raw = bootstrapResamples([other, down, up], 'teams', 300);
    expect(raw.features.map((f) => f.id)).toEqual(['a-up', 'b-down', 'c-other']);
    expect([...raw.teams.keys()]).toEqual(['billing', 'search']);
    const [a, b, c] = raw.features;
    const search = raw.teams.get('search')!;
    const billing = raw.teams.get('billing')!;
    const sum = (...arrays: Float64Array[]): number[] =>
      Array.from({ length: 300 }, (_, i) => arrays.reduce((acc, x) => acc + x[i]!, 0));
    expect(Array.from(search.monthlyDelta)).toEqual(sum(a!.monthlyDelta, b!.monthlyDelta));
    expect(Array.from(search.headMonthly)).toEqual(sum(a!.headMonthly, b!.headMonthly));
    expect(Array.from(billing.monthlyDelta)).toEqual(sum(c!.monthlyDelta));
    expect(Array.from(raw.total.monthlyDelta)).toEqual(sum(a!.monthlyDelta, b!.monthlyDelta, c!.monthlyDelta));
    expect(Array.from(raw.total.headMonthly)).toEqual(sum(a!.headMonthly, b!.headMonthly, c!.headMonthly));
    // Not trivially equal: the features really differ per resample.
    expect(a!.monthlyDelta[0]).not.toBe(a!.monthlyDelta[1]);
  });

  it('features moving in opposite directions: the team interval is narrower than the sum of feature widths', () => {
    const r = pairedBootstrap([up, down, other], { seed: 'teams', resamples: 1000 });
    const width = (i: { lo: number; hi: number }): number => i.hi - i.lo;
    const fa = r.features['a-up']!.monthlyDelta;
    const fb = r.features['b-down']!.monthlyDelta;
    expect(fa.lo).toBeGreaterThan(0);
    expect(fb.hi).toBeLessThan(0);
    const team = r.teams.search!.monthlyDelta;
    expect(width(team)).toBeLessThan(width(fa) + width(fb));
    // Independent features: widths add roughly in quadrature, well below the plain sum.
    expect(width(team)).toBeLessThan(0.85 * (width(fa) + width(fb)));
    // A team of one feature has exactly that feature's interval.
    expect(r.teams.billing).toEqual({
      monthlyDelta: r.features['c-other']!.monthlyDelta,
      headMonthly: r.features['c-other']!.headMonthly,
    });
  });

  it('each feature draws from its own generator, seeded from the run seed and its id; constant features take no draws', () => {
    const constant: FeatureSeries = {
      id: 'a-flat',
      team: 'x',
      units: units([
        [1, 2, 2],
        [1, 2, 2],
      ]),
      requestsPerMonth: { base: 1, head: 1 },
    };
    const raw = bootstrapResamples([down, constant, up], 'order', 50);
    const a = resampleFeature(up, featureGenerator('order', 'a-up'), 50);
    const b = resampleFeature(down, featureGenerator('order', 'b-down'), 50);
    expect(raw.features.map((f) => f.id)).toEqual(['a-flat', 'a-up', 'b-down']);
    expect(Array.from(raw.features[1]!.monthlyDelta)).toEqual(Array.from(a.monthlyDelta));
    expect(Array.from(raw.features[2]!.monthlyDelta)).toEqual(Array.from(b.monthlyDelta));
    expect(Array.from(raw.features[0]!.monthlyDelta)).toEqual(new Array<number>(50).fill(0));
    // A feature's resamples do not depend on which other features run with it.
    const alone = bootstrapResamples([up], 'order', 50);
    expect(Array.from(alone.features[0]!.headMonthly)).toEqual(Array.from(raw.features[1]!.headMonthly));
  });
});

describe('pairedBootstrap: determinism', () => {
  const f1 = noisyFeature('checkout', 'payments', 120, 1.3, 'd1');
  const f2 = noisyFeature('summary', 'support', 80, 0.9, 'd2');
  const f3 = noisyFeature('triage', 'support', 60, 1.0, 'd3');

  it('same inputs → byte-identical output; feature order and unit order do not matter', () => {
    const one = JSON.stringify(pairedBootstrap([f1, f2, f3], { seed: 'pr-42', resamples: 400 }));
    expect(JSON.stringify(pairedBootstrap([f1, f2, f3], { seed: 'pr-42', resamples: 400 }))).toBe(one);
    expect(JSON.stringify(pairedBootstrap([f3, f1, f2], { seed: 'pr-42', resamples: 400 }))).toBe(one);
    const shuffled = { ...f2, units: f2.units.slice().reverse() };
    expect(JSON.stringify(pairedBootstrap([f1, shuffled, f3], { seed: 'pr-42', resamples: 400 }))).toBe(one);
    expect(JSON.stringify(pairedBootstrap([f1, f2, f3], { seed: 'pr-43', resamples: 400 }))).not.toBe(one);
  });

  it("reproduces a 9-resample run worked out by hand from the generator's draws", () => {
    // Canonical unit order (weight, base, head): u0 = (1, 1, 2), u1 = (1, 5, 9), u2 = (2, 3, 3).
    // The feature's own generator, three draws per resample (two per output, 16-bit halves).
    const rng = featureGenerator('pin', 'pin');
    const out = new Uint32Array(3);
    const draws = Array.from({ length: 9 }, () => {
      rng.fillBelowHalves(out, 3, 3);
      return Array.from(out).join('');
    });
    expect(draws).toEqual(['002', '220', '000', '021', '121', '010', '020', '200', '220']);
    // Per-request deltas (head mean − base mean): 002: w 4, base 8/4, head 10/4 → 0.5; 220: 14/5 − 13/5 = 0.2;
    // 000: 2 − 1 = 1; 021: 17/4 − 12/4 = 1.25; 121: 24/4 − 16/4 = 2; 010: 13/3 − 7/3 = 2.
    // Sorted: 0.2 0.2 0.5 0.5 0.5 1 1.25 2 2. Type 7, m = 9: h = 0.2 → 0.2; h = 7.8 → 2 + 0.8·0 = 2.
    // Head means sorted: 2 2.5 2.5 2.5 2.8 2.8 4.25 13/3 6 → lo 2 + 0.2·0.5 = 2.1, hi 13/3 + 0.8·(6 − 13/3) = 17/3.
    const r = pairedBootstrap(
      [
        {
          id: 'pin',
          team: 't',
          units: units([
            [1, 1, 2],
            [2, 3, 3],
            [1, 5, 9],
          ]),
          requestsPerMonth: { base: 1, head: 1 },
        },
      ],
      { seed: 'pin', resamples: 9 },
    );
    const f = r.features.pin!;
    expect(f.perRequestDelta.lo).toBeCloseTo(0.2, 12);
    expect(f.perRequestDelta.hi).toBeCloseTo(2, 12);
    expect(f.headMonthly.lo).toBeCloseTo(2.1, 12);
    expect(f.headMonthly.hi).toBeCloseTo(17 / 3, 12);
    expect(f.effectiveUnits).toBeCloseTo(16 / 6, 12);
  });
});

describe('pairedBootstrap: caller errors', () => {
  const ok: FeatureSeries = { id: 'f', team: 't', units: units([[1, 1, 1]]), requestsPerMonth: { base: 1, head: 1 } };
  it.each([
    ['no units', { ...ok, units: [] }],
    ['zero weight', { ...ok, units: units([[0, 1, 1]]) }],
    ['NaN cost', { ...ok, units: units([[1, Number.NaN, 1]]) }],
    ['negative volume', { ...ok, requestsPerMonth: { base: -1, head: 1 } }],
  ])('rejects %s', (_name, bad) => {
    expect(() => pairedBootstrap([bad], { seed: 's' })).toThrow(RangeError);
  });
  it('rejects duplicate ids, zero resamples and a level outside (0, 1)', () => {
    expect(() => pairedBootstrap([ok, ok], { seed: 's' })).toThrow(/appears twice/);
    expect(() => pairedBootstrap([ok], { seed: 's', resamples: 0 })).toThrow(RangeError);
    expect(() => pairedBootstrap([ok], { seed: 's', level: 1 })).toThrow(RangeError);
  });
});
