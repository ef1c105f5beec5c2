/**
 * The savings advisor over one priced revision (issue 18): for each feature, routing on candidate
 * models (with the quality evidence the repository holds), and the other levers. Plain data in
 * (the revision's loaded features, its estimate, the catalog and counter), plain data out
 * ({@link FeatureSuggestions} per feature). Suggestions never feed a verdict.
 */
import { replaySiteFor, withOfferedTiers } from '../estimate/index.js';
import type { EstimateContext, FeatureEstimate, FeatureInput } from '../estimate/index.js';
import type { Position, TokenizerChoice } from '../types.js';
import { startBootstrap, type BootstrapResult } from '../stats/index.js';
import { usd } from '../text/index.js';
import { candidatesFor } from './candidates.js';
import { batchSuggestion, cachingSuggestion, outputCapSuggestion } from './levers.js';
import { routeFeature, type RoutingFeature, type RoutingOutcome } from './routing.js';
import type { FeatureSuggestions, PassRateJson, Suggestion, SuggestionEvidence } from './types.js';

/** Pass rates of a prompt on a model from eval results in the repository; null when none name it. */
export type PassRateLookup = (prompt: string, model: string) => PassRateJson | null;

/** How the advisor judges routing candidates (from the trusted config). */
export interface AdvisorOptions {
  /** `advisor.candidates`: ids and globs; empty → the catalog's cheaper models of the same line. */
  candidates: readonly string[];
  /** `advisor.min_pass_rate`: a fraction, or `not below current` (the default when the config has none). */
  minPassRate: number | 'not below current';
  /** Pass rates from the repository's eval results. */
  passRate: PassRateLookup;
  /** The command that would produce eval results for a prompt on a model. */
  evidenceCommand: (prompt: string, model: string) => string;
  /** Only these features (the action's changed features); all when undefined. */
  only?: ReadonlySet<string>;
  /** Bootstrap resamples (default the diff's 2,000) and helper threads (0 or 1). */
  resamples?: number;
  workers?: number;
  /** Seed text of the bootstrap (the revision and config path). */
  seed: string;
}

/** One feature's routing replay, kept to price its other levers and to fill the interval in. */
interface Routed {
  feature: RoutingFeature;
  outcomes: RoutingOutcome[];
  prompt: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The routing suggestion of one candidate (interval filled in after the bootstrap). */
function routingSuggestion(r: Routed, o: RoutingOutcome, opts: AdvisorOptions): Suggestion {
  const f = r.feature;
  const current = f.estimate.model.canonical;
  const base = f.estimate.monthly;
  const caveats: string[] = [];
  if (o.problem) {
    return {
      kind: 'routing',
      feature: f.id,
      candidate: o.candidate.canonical,
      summary: `${current} → ${o.candidate.canonical}: cannot be replayed (${o.problem})`,
      monthly: null,
      eligible: false,
      ineligible_reason: o.problem,
      evidence: null,
      caveats,
      details: {},
    };
  }
  const saving = base - o.monthly;
  const ratio = o.candidate.family !== f.estimate.model.family;
  if (ratio)
    caveats.push(
      `Output tokens are the recorded ones × the tokenizer ratio ${round2(o.outputMean / Math.max(1e-9, f.estimate.outputTokens.mean))} (${tokenizerName(f.estimate.tokenizer)} → ${o.tokenizer ? tokenizerName(o.tokenizer) : 'unknown'}): an estimate; answers on another model differ in length.`,
    );
  if (o.window === null) caveats.push(`The catalog gives no context window for ${o.candidate.canonical}: not checked.`);
  const currentRate = opts.passRate(r.prompt, current);
  const candidateRate = opts.passRate(r.prompt, o.candidate.canonical);
  const evidence: SuggestionEvidence = {
    current: currentRate,
    candidate: candidateRate,
    command:
      candidateRate && currentRate
        ? null
        : opts.evidenceCommand(r.prompt, candidateRate ? current : o.candidate.canonical),
  };
  if (!candidateRate)
    caveats.push(`No eval results for ${o.candidate.canonical} on ${r.prompt}: quality not measured.`);
  let reason: string | null = null;
  if (o.overflow > 0)
    reason = `${o.overflow} of ${o.results!.length} samples exceed the ${o.window!.toLocaleString('en-US')}-token context window of ${o.candidate.canonical}`;
  else if (candidateRate) {
    const floor = opts.minPassRate === 'not below current' ? (currentRate?.pass_rate ?? null) : opts.minPassRate;
    if (floor !== null && candidateRate.pass_rate < floor)
      reason = `pass rate ${pct(candidateRate.pass_rate)} on ${candidateRate.source} is below ${
        opts.minPassRate === 'not below current'
          ? `the current model's ${pct(floor)}`
          : `advisor.min_pass_rate ${pct(floor)}`
      }`;
  }
  if (!reason && saving <= 0) reason = `costs ${usd(-saving)}/mo more than ${current}`;
  return {
    kind: 'routing',
    feature: f.id,
    candidate: o.candidate.canonical,
    summary: `${current} → ${o.candidate.canonical}: ${saving >= 0 ? `saves ${usd(saving)}/mo` : `costs ${usd(-saving)}/mo more`}`,
    monthly: {
      base,
      candidate: o.monthly,
      saving,
      ci95: null,
      band: o.monthlyBand ? [base - o.monthlyBand[1], base - o.monthlyBand[0]] : null,
    },
    eligible: reason === null,
    ineligible_reason: reason,
    evidence,
    caveats,
    details: {
      samples: o.results!.length,
      input_tokens_mean: round2(o.inputMean),
      output_tokens_mean: round2(o.outputMean),
      current_output_tokens_mean: round2(f.estimate.outputTokens.mean),
      context_window: o.window,
      samples_over_window: o.overflow,
    },
  };
}

/** `o200k_base`, or `o200k_base estimate` when the count stands in for the model's own tokenizer. */
function tokenizerName(t: TokenizerChoice): string {
  return t.exact ? t.encoding : `${t.encoding} estimate`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Eligible first by saving (largest first), then the rest in candidate order. */
function ordered(s: Suggestion[]): Suggestion[] {
  const saving = (x: Suggestion) => x.monthly?.saving ?? -Infinity;
  return [...s.filter((x) => x.eligible).sort((a, b) => saving(b) - saving(a)), ...s.filter((x) => !x.eligible)];
}

/** One feature as priced at the trusted revision: its loaded input and its estimate. */
export interface AdvisedFeature {
  input: FeatureInput;
  estimate: FeatureEstimate;
}

/** The config file and positions of the trusted revision, and its pricing date. */
export interface AdvisedRevision {
  configFile: string;
  positions: Record<string, Position>;
  date: Date;
}

/**
 * Suggestions for features priced at the trusted revision (the base in a PR: its prompt, model,
 * samples and config; DESIGN "Trust"). The advisor options come from the same revision.
 */
export async function suggestFeatures(
  features: readonly AdvisedFeature[],
  rev: AdvisedRevision,
  ctx: EstimateContext,
  opts: AdvisorOptions,
): Promise<FeatureSuggestions[]> {
  const date = rev.date;
  const boot = startBootstrap({ seed: opts.seed, resamples: opts.resamples, workers: opts.workers });
  const out: { result: FeatureSuggestions; routed: Routed | null }[] = [];
  const seriesOwner = new Map<string, Suggestion>();
  try {
    for (const { input, estimate: est } of features) {
      const id = input.feature.id;
      if (opts.only && !opts.only.has(id)) continue;
      const result: FeatureSuggestions = {
        feature: id,
        team: est.team,
        model: est.model.canonical,
        monthly: est.monthly,
        suggestions: [],
        notes: [],
      };
      let routed: Routed | null = null;
      if (input.agent) result.notes.push('Agent feature: routing per agent is not replayed yet.');
      else if (!input.traffic) result.notes.push('No traffic samples: routing needs recorded traffic to replay.');
      else {
        const site = replaySiteFor(input, ctx, date, rev.configFile, rev.positions);
        const traffic = withOfferedTiers(input.traffic, id, ctx.catalog, () => [site.model])!;
        const own = traffic.samples.filter((s) => s.feature === undefined || s.feature === id).length;
        if (own !== est.results.length) {
          // The estimate dropped lines this screen keeps (a tier the PR's model lacks): no pairing.
          result.notes.push(
            `The samples priced (${est.results.length}) are not the ${own} the advisor would replay: skipped.`,
          );
          out.push({ result, routed: null });
          continue;
        }
        const list = candidatesFor({
          current: est.model,
          catalog: ctx.catalog,
          date,
          tier: site.tier,
          meanInput: est.inputTokens.mean,
          meanOutput: est.outputTokens.mean,
          configured: opts.candidates,
        });
        result.notes.push(...list.notes);
        if (list.models.length === 0)
          result.notes.push(
            `No cheaper model of the ${est.model.canonical} line in the catalog; set advisor.candidates to compare others.`,
          );
        const feature: RoutingFeature = { id, team: est.team, site, traffic, estimate: est };
        const outcomes = routeFeature(feature, list.models, ctx, date);
        routed = { feature, outcomes, prompt: input.feature.prompt ?? input.site.file };
        for (const o of outcomes) {
          const s = routingSuggestion(routed, o, opts);
          result.suggestions.push(s);
          if (o.series && s.monthly) {
            boot.add(o.series);
            seriesOwner.set(o.series.id, s);
          }
        }
        result.suggestions.push(
          cachingSuggestion(feature, ctx, date),
          batchSuggestion(feature, input.feature.latency),
          outputCapSuggestion(feature, ctx, date),
        );
      }
      out.push({ result, routed });
    }
    const intervals: BootstrapResult = await boot.finish();
    for (const [sid, s] of seriesOwner) {
      const iv = intervals.features[sid];
      // Saving is current − candidate: the negated interval of the replay's delta.
      if (iv && !iv.insufficient && s.monthly) s.monthly.ci95 = [-iv.monthlyDelta.hi, -iv.monthlyDelta.lo];
      else if (iv?.insufficient) s.caveats.push(`Fewer than 30 effective samples: no interval.`);
    }
  } catch (e) {
    await boot.cancel();
    throw e;
  }
  return out.map(({ result }) => ({ ...result, suggestions: ordered(result.suggestions) }));
}

/** {@link suggestFeatures} over every feature of a loaded and priced revision. */
export function suggestRevision(
  snapshot: {
    features: readonly FeatureInput[];
    config: { path: string; positions: Record<string, Position> };
    pricingDate: Date;
  },
  estimate: { features: readonly FeatureEstimate[] },
  ctx: EstimateContext,
  opts: AdvisorOptions,
): Promise<FeatureSuggestions[]> {
  const features: AdvisedFeature[] = [];
  for (const input of snapshot.features) {
    const e = estimate.features.find((x) => x.id === input.feature.id);
    if (e) features.push({ input, estimate: e });
  }
  return suggestFeatures(
    features,
    { configFile: snapshot.config.path, positions: snapshot.config.positions, date: snapshot.pricingDate },
    ctx,
    opts,
  );
}
