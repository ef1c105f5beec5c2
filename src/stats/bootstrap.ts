/**
 * The paired bootstrap of a pull request (DESIGN "Statistics"): one seeded PCG32 bootstrap over the
 * paired per-sample costs of every feature, resampling whole units (traces) by weight; each
 * feature's resample i is summed into its team's and the PR's resample i, so features, teams and
 * the total all get percentile intervals. Same inputs and seed → byte-identical result, whatever
 * the order of the features or of their units.
 */
import { availableParallelism } from 'node:os';
import { SharedQueue, WorkerClient } from '../workers/index.js';
import { percentileInterval } from './quantile.js';
import type { Interval } from './quantile.js';
import {
  bootstrapResamples,
  checkResamples,
  checkSeries,
  featureGenerator,
  orderFeatures,
  resampleFeature,
  ResampleScratch,
  sumResamples,
} from './resample.js';
import type { BootstrapResamples, FeatureResamples, FeatureSeries } from './resample.js';
import type { ResampleRequest } from './worker.js';

export type { Interval } from './quantile.js';
export type { PairedUnit, FeatureSeries } from './resample.js';

/** Resamples per run when the caller does not say (DESIGN: 2,000). */
export const DEFAULT_RESAMPLES = 2000;
/** Central interval level when the caller does not say. */
export const DEFAULT_LEVEL = 0.95;
/** Below this many Kish effective units a feature is flagged "insufficient samples". */
export const MIN_EFFECTIVE_UNITS = 30;

/** Intervals of one feature. */
export interface FeatureInterval {
  /** Head monthly − base monthly. */
  monthlyDelta: Interval;
  /** Head mean per request − base mean per request. */
  perRequestDelta: Interval;
  headMonthly: Interval;
  /** Kish effective number of units, (Σw)² / Σw². */
  effectiveUnits: number;
  /** Fewer than {@link MIN_EFFECTIVE_UNITS} effective units: the interval is not to be trusted. */
  insufficient: boolean;
}

/** Intervals of a team or of the whole PR, from the summed resamples. */
export interface SummedInterval {
  monthlyDelta: Interval;
  headMonthly: Interval;
}

/** Percentile intervals for every feature (keyed by id), team (keyed by team id) and the total. */
export interface BootstrapResult {
  features: Record<string, FeatureInterval>;
  teams: Record<string, SummedInterval>;
  total: SummedInterval;
  resamples: number;
}

/** Options of {@link pairedBootstrap}. */
export interface BootstrapOptions {
  /** Seed text, typically a hash of the inputs (see `seedFromString`). */
  seed: string;
  /** Default {@link DEFAULT_RESAMPLES}. */
  resamples?: number;
  /** Central interval level in (0, 1); default 0.95 (the 2.5 % and 97.5 % percentiles). */
  level?: number;
}

/**
 * Runs the paired bootstrap and returns percentile intervals (type-7 quantiles, see
 * `stats-quantile.ts`). Features with one unit, or whose units all share one base and one head
 * cost, get the degenerate interval [x, x] of their point value. Throws RangeError on a caller
 * bug: no units, weights ≤ 0 or non-finite, non-finite costs, negative volume, duplicate ids.
 */
export function pairedBootstrap(series: readonly FeatureSeries[], options: BootstrapOptions): BootstrapResult {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = checkLevel(options.level);
  return summarize(bootstrapResamples(series, options.seed, resamples), level);
}

function checkLevel(level = DEFAULT_LEVEL): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: level must be in (0, 1), got ${level}`);
  return level;
}

/** Percentile intervals of raw resamples. */
function summarize(raw: BootstrapResamples, level: number): BootstrapResult {
  const features: Record<string, FeatureInterval> = {};
  for (const f of raw.features) {
    features[f.id] = {
      monthlyDelta: percentileInterval(f.monthlyDelta, level),
      perRequestDelta: percentileInterval(f.perRequestDelta, level),
      headMonthly: percentileInterval(f.headMonthly, level),
      effectiveUnits: f.effectiveUnits,
      insufficient: f.effectiveUnits < MIN_EFFECTIVE_UNITS,
    };
  }
  const teams: Record<string, SummedInterval> = {};
  for (const [id, t] of raw.teams) {
    teams[id] = {
      monthlyDelta: percentileInterval(t.monthlyDelta, level),
      headMonthly: percentileInterval(t.headMonthly, level),
    };
  }
  const total: SummedInterval = {
    monthlyDelta: percentileInterval(raw.total.monthlyDelta, level),
    headMonthly: percentileInterval(raw.total.headMonthly, level),
  };
  return { features, teams, total, resamples: raw.resamples };
}

/** Options of {@link startBootstrap}. */
export interface BootstrapSessionOptions extends BootstrapOptions {
  /** Helper threads: 0 or 1. Default 1 when the machine has 2 or more cores. */
  workers?: number;
}

/**
 * A bootstrap fed one feature at a time, so it runs beside the replay instead of after it: each
 * feature added goes to a worker thread at once (while the main thread replays the next
 * feature), and `finish` has the main thread resample whatever the worker has not taken. The
 * result is byte-identical to {@link pairedBootstrap} on the same features: every feature has its
 * own generator, and features are summed in id order at the end.
 */
export interface BootstrapSession {
  /** Adds a feature (validated now: throws RangeError like pairedBootstrap). */
  add(series: FeatureSeries): void;
  /** Intervals of every feature added, their teams and the total; stops the worker. */
  finish(): Promise<BootstrapResult>;
  /** Stops the worker without a result (the run failed before every feature was added). */
  cancel(): Promise<void>;
}

/** Starts a {@link BootstrapSession}; the worker (if any) loads while the caller goes on. */
export function startBootstrap(options: BootstrapSessionOptions): BootstrapSession {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  checkResamples(resamples);
  const level = checkLevel(options.level);
  const seed = options.seed;
  const workers = options.workers ?? (availableParallelism() > 1 ? 1 : 0);
  const client =
    workers > 0
      ? new WorkerClient<ResampleRequest, FeatureResamples>(
          new URL('../generated/stats-worker.js', import.meta.url),
          null,
        )
      : null;
  const scratch = new ResampleScratch();
  const done = new Map<string, FeatureResamples>();
  const added: FeatureSeries[] = [];
  const ids = new Set<string>();
  const queue = new SharedQueue<FeatureSeries, FeatureResamples>(
    client ? (s) => client.request({ series: s, seed, resamples }) : null,
    (s) => resampleFeature(s, featureGenerator(seed, s.id), resamples, scratch),
    (s, r) => done.set(s.id, r),
  );
  return {
    add(series) {
      checkSeries(series);
      if (ids.has(series.id)) throw new RangeError(`bootstrap: feature id "${series.id}" appears twice`);
      ids.add(series.id);
      added.push(series);
      queue.push(series);
    },
    async finish() {
      try {
        const ordered = orderFeatures(added);
        await queue.drain();
        return summarize(
          sumResamples(
            ordered.map((s) => done.get(s.id)!),
            resamples,
          ),
          level,
        );
      } finally {
        await client?.close();
      }
    },
    async cancel() {
      queue.clear();
      await client?.close();
    },
  };
}

/** {@link pairedBootstrap} on the main thread and a worker thread together (same result). */
export async function pairedBootstrapParallel(
  series: readonly FeatureSeries[],
  options: BootstrapSessionOptions,
): Promise<BootstrapResult> {
  const session = startBootstrap(options);
  // Largest first, so the two threads end together.
  for (const s of orderFeatures(series).sort((a, b) => b.units.length - a.units.length)) session.add(s);
  return session.finish();
}
