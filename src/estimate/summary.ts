/**
 * The summary of one feature at one revision: replayed samples aggregated into per-request and
 * monthly figures. Shared by prompt and agent features (estimate.ts and agent-estimate.ts), so
 * neither imports the other's module at run time.
 */
import { ConfigError } from '../errors.js';
import type { FeatureConfig, TrafficSet } from '../types.js';
import type { ReplaySite } from './replay.js';
import { featurePrice, priceNotices } from './price-sources.js';
import { usageWithin } from './pricing.js';
import { effectiveSampleSize, weightedMean, weightedQuantile } from '../stats/index.js';
import type { FeatureEstimate, FeatureInput, FigureSource, SampleResult } from './types.js';

/** Hours in the month every monthly figure uses (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;
/** Derived volumes use a window of at least a week, so one busy afternoon is not a month. */
export const MIN_WINDOW_DAYS = 7;
/** Below this many effective samples a figure is labelled "insufficient samples". */
export const MIN_EFFECTIVE_SAMPLES = 30;

const DAY_MS = 86_400_000;

/** Per-request volume: the config's figure, else derived from the samples' weight and window. */
function volume(
  feature: FeatureConfig,
  input: FeatureInput,
  configFile: string,
  positions: Record<string, { line: number; column: number }>,
): { rpm: number; source: 'config' | 'traffic'; windowDays: number | null } {
  const t = input.traffic;
  const windowDays =
    t && t.firstTs !== undefined && t.lastTs !== undefined
      ? Math.max(MIN_WINDOW_DAYS, (t.lastTs - t.firstTs) / DAY_MS)
      : null;
  if (feature.requestsPerMonth !== undefined) return { rpm: feature.requestsPerMonth, source: 'config', windowDays };
  if (t && windowDays !== null) {
    return { rpm: (t.totalWeight / windowDays) * (HOURS_PER_MONTH / 24), source: 'traffic', windowDays };
  }
  const pos = positions[`features.${feature.id}`];
  throw new ConfigError(`feature "${feature.id}": cannot derive a monthly volume: its samples carry no ts`, {
    location: { file: configFile, line: pos?.line, column: pos?.column },
    hint: `Add requests_per_month (or requests_per_day) to features.${feature.id}, or record ts on every traffic line.`,
  });
}

/** The notice naming a feature's skipped traffic lines (file, line and reason of the first three), if any. */
export function badLineNotices(featureId: string, traffic: TrafficSet | null): string[] {
  if (!traffic?.badLines.length) return [];
  const first = traffic.badLines
    .slice(0, 3)
    .map((b) => `${b.file}:${b.line} (${b.reason})`)
    .join('; ');
  return [`${featureId}: skipped ${traffic.badLines.length} bad traffic line(s) of ${traffic.totalLines}: ${first}`];
}

/** Where a summary is being made: pricing date, config file and positions, notices so far. */
export interface SummaryContext {
  date: Date;
  configFile: string;
  positions: Record<string, { line: number; column: number }>;
  notices: string[];
  upperBound: boolean;
}

/**
 * Aggregate replayed samples of one feature at one revision: weighted mean, p50 and p95 per
 * request, token means, volume and monthly, source shares, calibration and reconciliation.
 */
export function summarizeFeature(
  input: FeatureInput,
  rs: ReplaySite,
  results: SampleResult[],
  sc: SummaryContext,
): FeatureEstimate {
  const { feature, traffic } = input;
  const { date, configFile, positions, notices, upperBound } = sc;
  const w = results.map((r) => r.weight);
  const costs = results.map((r) => r.cost);
  const mean = weightedMean(costs, w);
  const vol = volume(feature, input, configFile, positions);
  const meanLow = weightedMean(
    results.map((r) => r.costLow),
    w,
  );
  const meanHigh = weightedMean(
    results.map((r) => r.costHigh),
    w,
  );
  const hasBand = meanLow !== mean || meanHigh !== mean;
  const totalW = w.reduce((a, b) => a + b, 0);
  const source: Record<FigureSource, number> = { usage: 0, replay: 0, static: 0 };
  for (const r of results) source[r.source] += r.weight;
  for (const k of Object.keys(source) as FigureSource[]) source[k] /= totalW;

  let calibration: FeatureEstimate['calibration'] = null;
  const both = results.filter((r) => r.recordedInput !== undefined && r.counted !== null);
  if (both.length) {
    let rec = 0;
    let cnt = 0;
    for (const r of both) {
      rec += r.weight * r.recordedInput!;
      cnt += r.weight * r.counted!;
    }
    if (cnt > 0) calibration = { ratio: rec / cnt, samples: both.length };
  }

  let reconciliation: FeatureEstimate['reconciliation'] = null;
  const recorded = results.filter((r) => r.recordedCost !== undefined);
  if (recorded.length) {
    const rw = recorded.map((r) => r.weight);
    const replayable = recorded.filter((r) => r.counted !== null);
    const withReported = recorded.filter((r) => r.reportedCost !== undefined);
    reconciliation = {
      samples: recorded.length,
      recorded: weightedMean(
        recorded.map((r) => r.recordedCost!),
        rw,
      ),
      replayed: replayable.length
        ? weightedMean(
            replayable.map((r) => rs.price(usageWithin(r.usage, r.counted!), feature.tier, r.ts).total),
            replayable.map((r) => r.weight),
          )
        : null,
      reported: withReported.length
        ? weightedMean(
            withReported.map((r) => r.reportedCost!),
            withReported.map((r) => r.weight),
          )
        : null,
    };
  }

  const cap = rs.maxTokens ?? null;
  const outputCapShare =
    traffic && cap !== null ? results.reduce((a, r) => a + (r.atCap ? r.weight : 0), 0) / totalW : null;
  const effective = effectiveSampleSize(w);
  const insufficient = traffic !== null && effective < MIN_EFFECTIVE_SAMPLES;
  if (insufficient)
    notices.push(
      `${feature.id}: insufficient samples (${effective.toFixed(1)} effective; ${MIN_EFFECTIVE_SAMPLES} or more make a stable figure).`,
    );
  if (!rs.tokenizer.exact)
    notices.push(
      `${feature.id}: ${rs.model.canonical} has no exact offline tokenizer; counted figures are estimates (${rs.tokenizer.label}).`,
    );

  const price = featurePrice(rs.model.canonical, rs.priceSource, input);
  notices.push(...priceNotices(feature.id, price, input));

  const lastTs = traffic?.lastTs;
  return {
    id: feature.id,
    team: feature.team,
    model: rs.model,
    models: [rs.model.canonical],
    prices: [price],
    tokenizer: rs.tokenizer,
    requestsPerMonth: vol.rpm,
    volumeSource: vol.source,
    samples: results.length,
    effectiveSamples: effective,
    traffic: traffic
      ? {
          paths: traffic.paths,
          sha256: traffic.sha256,
          windowDays: vol.windowDays,
          ageDays: lastTs !== undefined ? Math.max(0, (date.getTime() - lastTs) / DAY_MS) : null,
          totalLines: traffic.totalLines,
          badLines: traffic.badLines.length,
          sampled: traffic.sampled,
        }
      : null,
    source,
    perRequest: { mean, p50: weightedQuantile(costs, w, 0.5), p95: weightedQuantile(costs, w, 0.95) },
    perRequestBand: hasBand ? [meanLow, meanHigh] : null,
    inputTokens: {
      mean: weightedMean(
        results.map((r) => r.usage.inputTokens),
        w,
      ),
    },
    outputTokens: {
      mean: weightedMean(
        results.map((r) => r.usage.outputTokens),
        w,
      ),
    },
    monthly: mean * vol.rpm,
    monthlyBand: hasBand ? [meanLow * vol.rpm, meanHigh * vol.rpm] : null,
    perUser: perUserCost(results, mean * vol.rpm),
    calibration,
    reconciliation,
    outputCapShare,
    maxOutputTokens: cap,
    upperBound,
    insufficientSamples: insufficient,
    notices,
    results,
  };
}

/**
 * Cost per active user per month: each user's share of the monthly cost (their weighted cost ÷
 * the weighted cost of all samples × monthly), then the mean and p95 across users. Null when no
 * sample names a user. Samples without a user count in the total, not as a user.
 */
export function perUserCost(
  results: readonly SampleResult[],
  monthly: number,
): { users: number; mean: number; p95: number } | null {
  const byUser = new Map<string, number>();
  let total = 0;
  for (const r of results) {
    const c = r.weight * r.cost;
    total += c;
    if (r.user !== undefined) byUser.set(r.user, (byUser.get(r.user) ?? 0) + c);
  }
  if (byUser.size === 0) return null;
  const per = [...byUser.values()].map((c) => (total > 0 ? (c / total) * monthly : 0));
  return {
    users: per.length,
    mean: per.reduce((a, b) => a + b, 0) / per.length,
    p95: weightedQuantile(
      per,
      per.map(() => 1),
      0.95,
    ),
  };
}
