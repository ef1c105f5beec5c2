import { describe, it, expect } from '@jest/globals';
import { pairedBootstrap, pairedBootstrapParallel, startBootstrap } from '../../src/stats/bootstrap.js';
import type { FeatureSeries, PairedUnit } from '../../src/stats/bootstrap.js';
import { Pcg32 } from '../../src/stats/pcg32.js';

function feature(id: string, team: string, n: number, factor: number): FeatureSeries {
  const g = Pcg32.fromString(`data-${id}`);
  const units: PairedUnit[] = [];
  for (let i = 0; i < n; i++) {
    const base = 0.001 + g.nextFloat() * 0.01;
    units.push({ weight: 1 + g.nextBelow(3), base, head: base * factor + g.nextFloat() * 0.0005 });
  }
  return { id, team, units, requestsPerMonth: { base: 50_000, head: 60_000 } };
}

const features = [
  feature('checkout', 'payments', 3000, 1.2),
  feature('summary', 'support', 800, 0.9),
  feature('triage', 'support', 1500, 1.0),
  feature('a-one', 'x', 1, 2),
];

describe('bootstrap on a worker thread (src/generated/stats-worker.js)', () => {
  it('a session fed feature by feature gives byte-identical intervals to pairedBootstrap, with or without the worker', async () => {
    const want = JSON.stringify(pairedBootstrap(features, { seed: 'pr-7', resamples: 500 }));
    for (const workers of [1, 0]) {
      const s = startBootstrap({ seed: 'pr-7', resamples: 500, workers });
      for (const f of [features[2]!, features[0]!, features[3]!, features[1]!]) s.add(f);
      expect(JSON.stringify(await s.finish())).toBe(want);
    }
    expect(JSON.stringify(await pairedBootstrapParallel(features, { seed: 'pr-7', resamples: 500 }))).toBe(want);
  });

  it('refuses what pairedBootstrap refuses, at add', () => {
    const s = startBootstrap({ seed: 's', resamples: 10, workers: 0 });
    s.add(features[0]!);
    expect(() => s.add(features[0]!)).toThrow(/appears twice/);
    expect(() => s.add({ ...features[1]!, units: [] })).toThrow(RangeError);
    expect(() => startBootstrap({ seed: 's', resamples: 0 })).toThrow(RangeError);
  });
});
