import { catalogAgeWarning } from '../catalog/index.js';
import type { Catalog } from '../catalog/index.js';
import { AicostError, ConfigError } from '../errors.js';
import { tokenizerFor } from '../tokenize/index.js';
import type { TokenCounter } from '../tokenize/index.js';
import type { FeatureConfig, ResolvedModel, TrafficSet } from '../types.js';
import { replaySample, staticPrefixTokens, staticSample, type ReplaySite } from './replay.js';
import { estimateAgentFeature } from './agent-estimate.js';
import { checkFeatureTier, withOfferedTiers } from './tier-lines.js';
import { effectiveSampleSize, weightedMean, weightedQuantile } from '../stats/index.js';
import type { FeatureEstimate, FeatureInput, FigureSource, RevisionEstimate, RevisionSnapshot, SampleResult } from './types.js';

/** Hours in the month every monthly figure uses (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;
/** Derived volumes use a window of at least a week, so one busy afternoon is not a month. */
export const MIN_WINDOW_DAYS = 7;
/** Below this many effective samples a figure is labelled "insufficient samples". */
export const MIN_EFFECTIVE_SAMPLES = 30;

const DAY_MS = 86_400_000;

/** Shared services for replaying a revision. */
export interface EstimateContext {
  catalog: Catalog;
  counter: TokenCounter;
}

/** Build the revision's call description for a feature: model, tokenizer, fixed tokens, price. */
export function replaySiteFor(input: FeatureInput, ctx: EstimateContext, date: Date, configFile: string, positions: Record<string, { line: number; column: number }>): ReplaySite {
  const { feature, site } = input;
  const modelId = site.model ?? feature.model;
  if (!modelId) {
    const pos = positions[`features.${feature.id}`];
    throw new ConfigError(`feature "${feature.id}": ${site.file} names no model and the feature sets no model:`, {
      location: { file: configFile, line: pos?.line, column: pos?.column },
      hint: `Add model: (e.g. model: openai/gpt-4o-mini) to features.${feature.id}, or a model: key to ${site.file}.`,
    });
  }
  const where = site.model ? { file: site.file, line: site.lines.model } : { file: configFile, line: positions[`features.${feature.id}.model`]?.line };
  const model: ResolvedModel = ctx.catalog.resolve(modelId, where);
  checkFeatureTier(feature, model, ctx, date, configFile, positions);
  const tokenizer = tokenizerFor(model.family, model.canonical, model.tokenizer);
  let fixed = 0;
  if (site.tools.length) fixed += ctx.counter.countTools(site.tools, tokenizer);
  if (site.responseSchema) fixed += ctx.counter.countText(site.responseSchema, tokenizer);
  return {
    site,
    model,
    tokenizer,
    fixedTokens: fixed,
    maxTokens: site.params.maxTokens,
    tier: feature.tier,
    price: (usage, tier) => ctx.catalog.price(model, usage, { tier, date }),
  };
}

/** Per-request volume: the config's figure, else derived from the samples' weight and window. */
function volume(feature: FeatureConfig, input: FeatureInput, configFile: string, positions: Record<string, { line: number; column: number }>): { rpm: number; source: 'config' | 'traffic'; windowDays: number | null } {
  const t = input.traffic;
  const windowDays = t && t.firstTs !== undefined && t.lastTs !== undefined ? Math.max(MIN_WINDOW_DAYS, (t.lastTs - t.firstTs) / DAY_MS) : null;
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
  const first = traffic.badLines.slice(0, 3).map((b) => `${b.file}:${b.line} (${b.reason})`).join('; ');
  return [`${featureId}: skipped ${traffic.badLines.length} bad traffic line(s) of ${traffic.totalLines}: ${first}`];
}

/** Replay one feature at one revision and aggregate its per-request and monthly cost. */
export function estimateFeature(input: FeatureInput, ctx: EstimateContext, date: Date, configFile: string, positions: Record<string, { line: number; column: number }>): FeatureEstimate {
  // Agent features replay whole runs, each call with its agent (src/estimate/agent-estimate.ts).
  if (input.agent) return estimateAgentFeature(input, ctx, date, configFile, positions);
  const rs = replaySiteFor(input, ctx, date, configFile, positions);
  input = { ...input, traffic: withOfferedTiers(input.traffic, input.feature.id, ctx.catalog, () => [rs.model]) };
  const { feature, site, traffic } = input;
  const notices: string[] = [];
  const results: SampleResult[] = [];
  let upperBound = false;

  if (traffic) {
    const seen = new Map<string, number>();
    for (const s of traffic.samples) {
      if (s.feature !== undefined && s.feature !== feature.id) continue;
      const unit = s.traceId ?? s.id;
      results.push(replaySample(rs, s, ctx.counter, unit));
      if (s.model) {
        try {
          const m = ctx.catalog.resolve(s.model);
          // Dated snapshots of the same catalog entry (gpt-4o-mini-2024-07-18) are the same model.
          if (m.provider !== rs.model.provider || m.priceId !== rs.model.priceId) seen.set(m.canonical, (seen.get(m.canonical) ?? 0) + 1);
        } catch (e) {
          if (!(e instanceof AicostError)) throw e;
          seen.set(s.model, (seen.get(s.model) ?? 0) + 1);
        }
      }
    }
    for (const [m, n] of seen) {
      notices.push(`${feature.id}: ${n} sample(s) were recorded on ${m}; they are priced as ${rs.model.canonical}, the model ${site.file} names.`);
    }
    notices.push(...badLineNotices(feature.id, traffic));
    if (results.length === 0) {
      throw new AicostError('traffic', `feature "${feature.id}": none of the ${traffic.totalLines} traffic lines belongs to it (their feature field names other features)`, {
        location: { file: traffic.paths[0] ?? configFile },
        hint: `Set feature: ${feature.id} on its lines, or remove the feature field.`,
      });
    }
  } else {
    const out = feature.typicalOutputTokens ?? site.params.maxTokens;
    if (out === undefined) {
      const pos = positions[`features.${feature.id}`];
      throw new ConfigError(`feature "${feature.id}" has no traffic, no typical_output_tokens and ${site.file} sets no max tokens`, {
        location: { file: configFile, line: pos?.line, column: pos?.column },
        hint: `Add typical_output_tokens: to features.${feature.id} (or traffic samples) so output can be priced.`,
      });
    }
    upperBound = feature.typicalOutputTokens === undefined;
    const rows = site.testData.length ? site.testData : [Object.create(null) as Record<string, unknown>];
    rows.forEach((row, i) => results.push(staticSample(rs, row, out, ctx.counter, `${site.file}#testData[${i}]`)));
    if (!site.testData.length && site.variables.length) {
      notices.push(`${feature.id}: static estimate with empty variables (${site.variables.join(', ')}): add testData to ${site.file} or traffic samples for a truer figure.`);
    }
    if (upperBound) notices.push(`${feature.id}: output priced at max tokens (${out}), an upper bound; set typical_output_tokens for a typical figure.`);
  }
  if (site.unsupported.length) {
    notices.push(`${feature.id}: ${site.file} uses template constructs aicost does not evaluate (counted as static text): ${site.unsupported.slice(0, 3).join('; ')}`);
  }
  return summarizeFeature(input, rs, results, { date, configFile, positions, notices, upperBound });
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
export function summarizeFeature(input: FeatureInput, rs: ReplaySite, results: SampleResult[], sc: SummaryContext): FeatureEstimate {
  const { feature, traffic } = input;
  const { date, configFile, positions, notices, upperBound } = sc;
  const w = results.map((r) => r.weight);
  const costs = results.map((r) => r.cost);
  const mean = weightedMean(costs, w);
  const vol = volume(feature, input, configFile, positions);
  const meanLow = weightedMean(results.map((r) => r.costLow), w);
  const meanHigh = weightedMean(results.map((r) => r.costHigh), w);
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
      recorded: weightedMean(recorded.map((r) => r.recordedCost!), rw),
      replayed: replayable.length
        ? weightedMean(
            replayable.map((r) => rs.price({ ...r.usage, inputTokens: r.counted!, cacheReadTokens: Math.min(r.usage.cacheReadTokens, r.counted!), cacheWriteTokens: Math.min(r.usage.cacheWriteTokens, r.counted!), cacheWrite1hTokens: Math.min(r.usage.cacheWrite1hTokens, r.counted!) }, feature.tier).total),
            replayable.map((r) => r.weight),
          )
        : null,
      reported: withReported.length ? weightedMean(withReported.map((r) => r.reportedCost!), withReported.map((r) => r.weight)) : null,
    };
  }

  const cap = rs.maxTokens ?? null;
  const outputCapShare = traffic && cap !== null ? results.reduce((a, r) => a + (r.atCap ? r.weight : 0), 0) / totalW : null;
  const effective = effectiveSampleSize(w);
  const insufficient = traffic !== null && effective < MIN_EFFECTIVE_SAMPLES;
  if (insufficient) notices.push(`${feature.id}: insufficient samples (${effective.toFixed(1)} effective; ${MIN_EFFECTIVE_SAMPLES} or more make a stable figure).`);
  if (!rs.tokenizer.exact) notices.push(`${feature.id}: ${rs.model.canonical} has no exact offline tokenizer; counted figures are estimates (${rs.tokenizer.label}).`);

  const lastTs = traffic?.lastTs;
  return {
    id: feature.id,
    team: feature.team,
    model: rs.model,
    models: [rs.model.canonical],
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
    inputTokens: { mean: weightedMean(results.map((r) => r.usage.inputTokens), w) },
    outputTokens: { mean: weightedMean(results.map((r) => r.usage.outputTokens), w) },
    monthly: mean * vol.rpm,
    monthlyBand: hasBand ? [meanLow * vol.rpm, meanHigh * vol.rpm] : null,
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

/** Replay every feature of a loaded revision. */
export function estimateRevision(snapshot: RevisionSnapshot, ctx: EstimateContext): RevisionEstimate {
  const { config } = snapshot;
  const features = snapshot.features.map((f) => estimateFeature(f, ctx, snapshot.pricingDate, config.path, config.positions));
  for (const f of features) {
    // Kept for the diff; the static prefix is what a provider cache can reuse across requests.
    const input = snapshot.features.find((x) => x.feature.id === f.id)!;
    if (input.agent) continue; // each call already carries its own agent's prefix
    const prefix = staticPrefixTokens(replaySiteFor(input, ctx, snapshot.pricingDate, config.path, config.positions), ctx.counter);
    for (const r of f.results) r.cacheablePrefix = prefix;
  }
  const notices = [...snapshot.notices];
  const age = catalogAgeWarning(ctx.catalog.info, snapshot.pricingDate);
  if (age) notices.push(age);
  for (const f of features) notices.push(...f.notices);
  return {
    rev: snapshot.rev,
    label: snapshot.label,
    pricingDate: snapshot.pricingDate.toISOString().slice(0, 10),
    features,
    monthly: features.reduce((a, f) => a + f.monthly, 0),
    notices,
  };
}
