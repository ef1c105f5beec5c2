/**
 * Model routing (issue 18): a feature's recorded samples replayed on a candidate model, paired
 * with the feature as it is. The replay is the diff's own (`replayAll`, src/diff/pair.ts): input =
 * recorded + (candidate count − current count), output recorded and scaled by the tokenizer ratio
 * when the family changes, cache reads moved under the candidate provider's rule. The candidate's
 * monthly figure and its paired series (for the bootstrap's interval) come out; a candidate whose
 * context window some samples overflow is marked, with how many.
 *
 * Token counts are memoised per message text and encoding by the shared TokenCounter, and renders
 * per site and sample (src/estimate/replay.ts): a candidate keeps the feature's own CallSite, so
 * candidates of the same tokenizer re-count nothing.
 */
import type { Catalog } from '../catalog/index.js';
import { contextWindow } from '../catalog/index.js';
import { replayAll, seriesOf } from '../diff/index.js';
import { AicostError } from '../errors.js';
import type { EstimateContext, FeatureEstimate, ReplaySite, SampleResult } from '../estimate/index.js';
import type { FeatureSeries } from '../stats/index.js';
import { weightedMean } from '../stats/index.js';
import { tokenizerFor } from '../tokenize/index.js';
import type { ResolvedModel, TokenizerChoice, TrafficSet } from '../types.js';

/** One feature as priced at the trusted revision, ready to replay on other models. */
export interface RoutingFeature {
  id: string;
  team: string;
  /** The feature's replay site (its prompt at the revision, its current model). */
  site: ReplaySite;
  /** The traffic the estimate replayed (already screened for offered tiers, so results pair by index). */
  traffic: TrafficSet;
  estimate: FeatureEstimate;
}

/** A feature replayed on one candidate. */
export interface RoutingOutcome {
  candidate: ResolvedModel;
  /** Why the candidate could not be replayed at all (a tier it does not offer …); null when it was. */
  problem: string | null;
  /** Per-sample results in the order of the feature's results; null with a problem. */
  results: SampleResult[] | null;
  /** The candidate's monthly cost at the feature's volume. */
  monthly: number;
  /** Monthly at the ends of the tokenizer band, when a count is an estimate; else null. */
  monthlyBand: [number, number] | null;
  /** Weighted mean input and output tokens per request on the candidate. */
  inputMean: number;
  outputMean: number;
  /** The candidate's tokenizer; null with a problem. */
  tokenizer: TokenizerChoice | null;
  /** Context window of the candidate (catalog), null when unknown. */
  window: number | null;
  /** Samples whose input and output together exceed the window. */
  overflow: number;
  /** The paired series current → candidate, for the bootstrap (id `feature→candidate`). */
  series: FeatureSeries | null;
  /** Agent features: what moved to the candidate (the top agent's calls); `overflow` then counts runs. */
  agent?: AgentRouting;
}

/** How an agent feature's runs were replayed on a candidate for its top agent. */
export interface AgentRouting {
  /** The top agent, whose calls (and those of agents the definition does not name) take the candidate. */
  root: string;
  /** Sub-agents and the models they keep. */
  kept: { name: string; model: string }[];
  /** Weighted mean calls per run that moved to the candidate. */
  movedCallsPerRun: number;
  /** Calls whose input and output together exceed the candidate's window (their runs are `overflow`). */
  callsOverWindow: number;
  /** Weighted mean output tokens per run of the moved calls: as recorded, and on the candidate. */
  movedOutput: { current: number; candidate: number };
}

/** The replay site of `model` for the same prompt: same CallSite (renders are shared), its own tokenizer and prices. */
export function candidateSite(base: ReplaySite, model: ResolvedModel, ctx: EstimateContext, date: Date): ReplaySite {
  const tokenizer = tokenizerFor(model.family, model.canonical, model.tokenizer);
  let fixed = 0;
  if (base.site.tools.length) fixed += ctx.counter.countTools(base.site.tools, tokenizer);
  if (base.site.responseSchema) fixed += ctx.counter.countText(base.site.responseSchema, tokenizer);
  return {
    ...base,
    model,
    tokenizer,
    fixedTokens: fixed,
    priceSource: ctx.catalog.priceSource(model, date),
    price: (usage, tier, time) => ctx.catalog.price(model, usage, { tier, date, time }),
  };
}

/** Why `model` cannot take these samples' tiers (the feature's `tier:` or a line's `tier`), or null. */
function tierProblem(catalog: Catalog, model: ResolvedModel, f: RoutingFeature): string | null {
  const problem = catalog.tierProblem(model, f.site.tier);
  if (problem) return problem;
  for (const s of f.traffic.samples) {
    if (s.tier === undefined || (s.feature !== undefined && s.feature !== f.id)) continue;
    const p = catalog.tierProblem(model, s.tier);
    if (p) return `${p} (samples recorded on tier ${s.tier})`;
  }
  return null;
}

/** A candidate's outcome before its replay: no figures yet, its context window looked up. */
export function emptyOutcome(candidate: ResolvedModel): RoutingOutcome {
  return {
    candidate,
    problem: null,
    results: null,
    monthly: 0,
    monthlyBand: null,
    inputMean: 0,
    outputMean: 0,
    tokenizer: null,
    window: contextWindow(candidate),
    overflow: 0,
    series: null,
  };
}

/** Replay a feature's samples on each candidate. */
export function routeFeature(
  f: RoutingFeature,
  candidates: readonly ResolvedModel[],
  ctx: EstimateContext,
  date: Date,
): RoutingOutcome[] {
  return candidates.map((candidate) => {
    const empty = emptyOutcome(candidate);
    const window = empty.window;
    const problem = tierProblem(ctx.catalog, candidate, f);
    if (problem) return { ...empty, problem };
    let results: SampleResult[];
    let site: ReplaySite;
    try {
      site = candidateSite(f.site, candidate, ctx, date);
      results = replayAll(f.site, site, f.traffic, f.estimate.results, f.id, ctx);
    } catch (e) {
      if (!(e instanceof AicostError)) throw e;
      return { ...empty, problem: e.message };
    }
    let overflow = 0;
    if (window !== null) for (const r of results) if (r.usage.inputTokens + r.usage.outputTokens > window) overflow++;
    return { ...empty, ...pairedOutcome(f.id, f.estimate, candidate, results), tokenizer: site.tokenizer, overflow };
  });
}

/**
 * The figures of a candidate's replay paired with the feature as priced: its monthly cost (and
 * band), mean tokens and the paired series for the bootstrap (id `feature→candidate`). `results`
 * are in the order of `estimate.results` (one per sample, or per run for an agent feature).
 */
export function pairedOutcome(
  id: string,
  estimate: FeatureEstimate,
  candidate: ResolvedModel,
  results: SampleResult[],
): Pick<RoutingOutcome, 'results' | 'monthly' | 'monthlyBand' | 'inputMean' | 'outputMean' | 'series'> {
  const rpm = estimate.requestsPerMonth;
  const weights = estimate.results.map((r) => r.weight);
  const mean = weightedMean(
    results.map((r) => r.cost),
    weights,
  );
  const banded = results.some((r) => r.costLow !== r.cost || r.costHigh !== r.cost);
  const monthlyBand: [number, number] | null = banded
    ? [
        weightedMean(
          results.map((r) => r.costLow),
          weights,
        ) * rpm,
        weightedMean(
          results.map((r) => r.costHigh),
          weights,
        ) * rpm,
      ]
    : null;
  const series = seriesOf({
    id: `${id}→${candidate.canonical}`,
    team: id,
    status: 'changed',
    declaredInPr: false,
    base: estimate,
    head: { ...estimate, requestsPerMonth: rpm },
    pairs: estimate.results.map((b, i) => ({ base: b, head: results[i] })),
    changes: [],
    notes: [],
  });
  return {
    results,
    monthly: mean * rpm,
    monthlyBand,
    inputMean: weightedMean(
      results.map((r) => r.usage.inputTokens),
      weights,
    ),
    outputMean: weightedMean(
      results.map((r) => r.usage.outputTokens),
      weights,
    ),
    series,
  };
}
