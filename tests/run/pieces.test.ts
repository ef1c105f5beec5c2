/**
 * The pieces runDiff hands off, without git: bootstrap units of a feature (seriesOf), the worker
 * schedule's thresholds, and the policy inputs.
 */
import { describe, expect, it } from '@jest/globals';
import { seriesOf, type FeatureDiff } from '../../src/diff/index.js';
import type { FeatureEstimate, SampleResult } from '../../src/estimate/index.js';
import type { DiffFeatureInput, LoadedDiff } from '../../src/load/index.js';
import { policyInputsOf } from '../../src/policy/index.js';
import { DiffSchedule } from '../../src/run/schedule.js';
import { PARALLEL_MIN_SAMPLES } from '../../src/tokenize/index.js';
import { FeatureStream, type StreamedFeature } from '../../src/run/feature-stream.js';
import { startBootstrap, type FeatureSeries } from '../../src/stats/index.js';
import type { TokenCounter } from '../../src/tokenize/index.js';

const result = (unit: string, weight: number, cost: number): SampleResult =>
  ({ id: `${unit}-${cost}`, unit, weight, cost }) as SampleResult;
const side = (results: SampleResult[], rpm: number, traffic = true): FeatureEstimate =>
  ({
    requestsPerMonth: rpm,
    traffic: traffic ? {} : null,
    results,
    perRequest: { mean: 0.5 },
  }) as unknown as FeatureEstimate;

describe('seriesOf', () => {
  it('sums the calls of one trace into one unit, weighted by its first line', () => {
    const b = [result('t1', 2, 0.1), result('t1', 2, 0.2), result('t2', 1, 0.4)];
    const h = [result('t1', 2, 0.3), result('t1', 2, 0.5), result('t2', 1, 0.1)];
    const f = {
      id: 'f',
      team: 't',
      status: 'changed',
      base: side(b, 100),
      head: side(h, 120),
      pairs: b.map((x, i) => ({ base: x, head: h[i] })),
    } as unknown as FeatureDiff;
    const s = seriesOf(f)!;
    expect(s.requestsPerMonth).toEqual({ base: 100, head: 120 });
    expect(s.units).toHaveLength(2);
    expect(s.units[0].weight).toBe(2);
    expect(s.units[0].base).toBeCloseTo(0.3, 12);
    expect(s.units[0].head).toBeCloseTo(0.8, 12);
    expect(s.units[1]).toEqual({ weight: 1, base: 0.4, head: 0.1 });
  });

  it('gives a static feature one unit at its mean, an added one zero at base, an unpriced one none', () => {
    const stat = {
      id: 's',
      team: 't',
      status: 'changed',
      base: side([], 10, false),
      head: side([], 10, false),
      pairs: null,
    } as unknown as FeatureDiff;
    expect(seriesOf(stat)!.units).toEqual([{ weight: 1, base: 0.5, head: 0.5 }]);
    const added = {
      id: 'a',
      team: 't',
      status: 'added',
      base: null,
      head: side([result('u', 3, 0.2)], 5),
      pairs: null,
    } as unknown as FeatureDiff;
    expect(seriesOf(added)!.units).toEqual([{ weight: 3, base: 0, head: 0.2 }]);
    expect(seriesOf({ ...added, status: 'unpriced' })).toBeNull();
  });
});

describe('DiffSchedule', () => {
  const merged = {
    config: { pricing: {}, discounts: {}, models: {}, path: '.aicost.yml', positions: {} },
  } as unknown as LoadedDiff['merged'];
  const dates = { base: new Date('2026-01-01'), head: new Date('2026-01-01') };
  const input = (n: number) =>
    ({ traffic: { samples: new Array(n).fill({}) }, merged: { entry: { id: 'x' } } }) as unknown as DiffFeatureInput;
  const fakeCounter = () => {
    const prepared: unknown[] = [];
    return { prepared, counter: { prepare: (o: unknown) => prepared.push(o) } as unknown as TokenCounter };
  };

  it('starts the helper thread when the loaded samples reach PARALLEL_MIN_SAMPLES, once', () => {
    const { prepared, counter } = fakeCounter();
    const s = new DiffSchedule(counter, undefined);
    s.loaded(input(PARALLEL_MIN_SAMPLES - 1), { merged, dates });
    expect(prepared).toHaveLength(0);
    expect(s.bootstrapWorkers()).toBe(0);
    s.loaded(input(1), { merged, dates });
    s.loaded(input(5000), { merged, dates });
    expect(prepared).toEqual([{ encodings: ['o200k_base'], workers: undefined }]);
    expect(s.bootstrapWorkers()).toBeUndefined();
  });

  it('workers: 1 starts at once, workers: 0 never', () => {
    const one = fakeCounter();
    expect(new DiffSchedule(one.counter, 1).bootstrapWorkers()).toBe(1);
    expect(one.prepared).toHaveLength(1);
    const none = fakeCounter();
    const s = new DiffSchedule(none.counter, 0);
    s.loaded(input(10 * PARALLEL_MIN_SAMPLES), { merged, dates });
    expect(none.prepared).toHaveLength(0);
    expect(s.bootstrapWorkers()).toBe(0);
  });
});

describe('FeatureStream', () => {
  const item = (id: string) => ({ input: { merged: { entry: { id } } } }) as unknown as StreamedFeature;
  const ids = (xs: StreamedFeature[]) => xs.map((x) => x.input.merged.entry.id);

  it('yields features pushed before and while it is read, in order, and ends when loading ends', async () => {
    const s = new FeatureStream();
    s.push(item('a'));
    const seen: StreamedFeature[] = [];
    const reading = (async () => {
      for await (const f of s) seen.push(f);
    })();
    await Promise.resolve();
    s.push(item('b'));
    setTimeout(() => {
      s.push(item('c'));
      s.end();
    }, 5);
    await reading;
    expect(ids(seen)).toEqual(['a', 'b', 'c']);
    await expect(s.over).resolves.toBeUndefined();
  });

  it("a load error is thrown after the features loaded before it, and settles 'over'", async () => {
    const s = new FeatureStream();
    s.push(item('a'));
    s.fail(new Error('b.jsonl: line 3 is not valid JSON'));
    const seen: StreamedFeature[] = [];
    await expect(
      (async () => {
        for await (const f of s) seen.push(f);
      })(),
    ).rejects.toThrow('line 3');
    expect(ids(seen)).toEqual(['a']);
    await expect(s.over).resolves.toBeUndefined();
  });
});

describe('DiffSchedule.bootstrap', () => {
  const merged = {
    config: { pricing: {}, discounts: {}, models: {}, path: '.aicost.yml', positions: {} },
  } as unknown as LoadedDiff['merged'];
  const dates = { base: new Date('2026-01-01'), head: new Date('2026-01-01') };
  const counter = { prepare: () => undefined } as unknown as TokenCounter;
  const series = (id: string, n: number): FeatureSeries => ({
    id,
    team: 't',
    requestsPerMonth: { base: 1000, head: 1200 },
    units: Array.from({ length: n }, (_, i) => ({
      weight: 1,
      base: 0.01 * ((i * 7) % 13),
      head: 0.012 * ((i * 5) % 11),
    })),
  });

  it('holds the series priced before the run is sized, then gives the same intervals as a session started up front', async () => {
    const s = new DiffSchedule(counter, undefined);
    const boot = s.bootstrap('seed');
    boot.add(series('a', 40));
    boot.add(series('b', 25));
    // 30 samples loaded in all: below PARALLEL_MIN_SAMPLES, so no worker; sized when loading ends.
    s.loaded({ traffic: { samples: new Array(30).fill({}) }, merged: { entry: { id: 'a' } } } as never, {
      merged,
      dates,
    });
    s.loadedAll();
    boot.add(series('c', 10));
    const got = await boot.finish();
    const direct = startBootstrap({ seed: 'seed', workers: 0 });
    for (const x of [series('a', 40), series('b', 25), series('c', 10)]) direct.add(x);
    expect(got).toEqual(await direct.finish());
    expect(Object.keys(got.features)).toEqual(['a', 'b', 'c']);
    expect(got.total.monthlyDelta.lo).toBeLessThan(got.total.monthlyDelta.hi);
  });
});

describe('policyInputsOf', () => {
  it("lists base errors (the whole base as '*'), head artifacts and output prices of priced heads", () => {
    const m = {
      baseError: 'bad base config',
      features: [
        { id: 'a', headPrompt: 'a.prompt.yml', entry: { tier: 'standard' } },
        { id: 'b', headPrompt: 'b.md', entry: { tier: 'batch' } },
      ],
    };
    const features = [
      { id: 'a', baseError: 'unknown model', head: null },
      { id: 'b', head: { model: 'M' } },
    ] as unknown as FeatureDiff[];
    const asked: unknown[] = [];
    const catalog = { rates: (model: unknown, o: unknown) => (asked.push([model, o]), { output: 4 }) } as never;
    const date = new Date('2026-02-03');
    const r = policyInputsOf(m as never, features, catalog, date);
    expect(r.baseErrors).toEqual({ '*': 'bad base config', a: 'unknown model' });
    expect(r.artifacts).toEqual({ a: 'a.prompt.yml', b: 'b.md' });
    expect(r.outputUsdPerToken).toEqual({ b: 4 / 1e6 });
    expect(asked).toEqual([['M', { tier: 'batch', date, inputTokens: 0 }]]);
  });
});
