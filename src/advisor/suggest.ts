/**
 * The savings advisor over one priced revision (issue 18): for each feature, routing on candidate
 * models (with the quality evidence the repository holds), and the other levers. Plain data in
 * (the revision's loaded features, its estimate, the catalog and counter), plain data out
 * ({@link FeatureSuggestions} per feature). Suggestions never feed a verdict.
 */
import { replaySiteFor, withOfferedTiers } from '../estimate/index.js';
import type { EstimateContext, FeatureEstimate, FeatureInput } from '../estimate/index.js';
import type { Position, ResolvedModel, ServiceTier, TokenizerChoice } from '../types.js';
import { startBootstrap, type BootstrapResult } from '../stats/index.js';
import { grouped, usd } from '../text/index.js';
import { agentRoutingFeature, movedCallMeans, routeAgentFeature } from './agent-routing.js';
import { candidatesFor, type CandidateList } from './candidates.js';
import { CandidateCountAhead } from './count-ahead.js';
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

/** One feature's routing replay, kept to fill the interval in. */
interface Routed {
  id: string;
  estimate: FeatureEstimate;
  /** The prompt (or agent definition) file the eval results are looked up by. */
  prompt: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The routing suggestion of one candidate (interval filled in after the bootstrap). */
function routingSuggestion(f: Routed, o: RoutingOutcome, opts: AdvisorOptions): Suggestion {
  const current = f.estimate.model.canonical;
  const base = f.estimate.monthly;
  const caveats: string[] = [];
  const a = o.agent;
  if (a && !o.problem) {
    const kept = a.kept.map((k) => `${k.name} (${k.model})`).join(', ');
    caveats.push(
      `Agent feature: only the calls of ${a.root} (${round2(a.movedCallsPerRun)} per run) move to ${o.candidate.canonical}${
        kept ? `; sub-agents keep their models: ${kept}` : ''
      }.`,
    );
  }
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
  const outputRatio = a
    ? a.movedOutput.candidate / Math.max(1e-9, a.movedOutput.current)
    : o.outputMean / Math.max(1e-9, f.estimate.outputTokens.mean);
  if (ratio)
    caveats.push(
      `Output tokens${a ? ` of ${a.root}` : ''} are the recorded ones × the tokenizer ratio ${round2(outputRatio)} (${tokenizerName(f.estimate.tokenizer)} → ${o.tokenizer ? tokenizerName(o.tokenizer) : 'unknown'}): an estimate; answers on another model differ in length.`,
    );
  if (o.window === null) caveats.push(`The catalog gives no context window for ${o.candidate.canonical}: not checked.`);
  const currentRate = opts.passRate(f.prompt, current);
  const candidateRate = opts.passRate(f.prompt, o.candidate.canonical);
  const evidence: SuggestionEvidence = {
    current: currentRate,
    candidate: candidateRate,
    command:
      candidateRate && currentRate
        ? null
        : opts.evidenceCommand(f.prompt, candidateRate ? current : o.candidate.canonical),
  };
  if (!candidateRate)
    caveats.push(`No eval results for ${o.candidate.canonical} on ${f.prompt}: quality not measured.`);
  let reason: string | null = null;
  if (o.overflow > 0)
    reason = a
      ? `${o.overflow} of ${o.results!.length} runs have calls over the ${grouped(o.window!)}-token context window of ${o.candidate.canonical} (${a.callsOverWindow} call${a.callsOverWindow === 1 ? '' : 's'})`
      : `${o.overflow} of ${o.results!.length} samples exceed the ${grouped(o.window!)}-token context window of ${o.candidate.canonical}`;
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
    details: a
      ? {
          runs: o.results!.length,
          agent: a.root,
          moved_calls_per_run: round2(a.movedCallsPerRun),
          input_tokens_mean: round2(o.inputMean),
          output_tokens_mean: round2(o.outputMean),
          current_output_tokens_mean: round2(f.estimate.outputTokens.mean),
          context_window: o.window,
          runs_over_window: o.overflow,
          calls_over_window: a.callsOverWindow,
        }
      : {
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

/**
 * The routing candidates of a feature (its notes added to `result`): `advisor.candidates` from
 * the trusted config, else the catalog's cheaper models of the current model's line, ranked at
 * the feature's mean tokens per call.
 */
function listFor(
  result: FeatureSuggestions,
  est: FeatureEstimate,
  ctx: EstimateContext,
  date: Date,
  tier: ServiceTier,
  means: { input: number; output: number },
  opts: AdvisorOptions,
): ResolvedModel[] {
  const list = candidateList(est, ctx, date, tier, means, opts);
  result.notes.push(...list.notes);
  if (list.models.length === 0)
    result.notes.push(
      `No cheaper model of the ${est.model.canonical} line in the catalog; set advisor.candidates to compare others.`,
    );
  return list.models;
}

/** A feature's routing candidates: `advisor.candidates`, else the cheaper models of its line. */
function candidateList(
  est: FeatureEstimate,
  ctx: EstimateContext,
  date: Date,
  tier: ServiceTier,
  means: { input: number; output: number },
  opts: AdvisorOptions,
): CandidateList {
  return candidatesFor({
    current: est.model,
    catalog: ctx.catalog,
    date,
    tier,
    meanInput: means.input,
    meanOutput: means.output,
    configured: opts.candidates,
  });
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
  const out: FeatureSuggestions[] = [];
  const seriesOwner = new Map<string, Suggestion>();
  const advised = features.filter(({ input }) => !opts.only || opts.only.has(input.feature.id));
  const ahead = new CandidateCountAhead(
    advised.map(({ input, estimate: est }) => ({
      input,
      // The routing's own list may differ a little (an agent's means are its moved calls'): a
      // missed encoding is counted on the main thread, an extra one only costs the worker time.
      candidates: () =>
        candidateList(
          est,
          ctx,
          date,
          input.feature.tier ?? 'standard',
          { input: est.inputTokens.mean, output: est.outputTokens.mean },
          opts,
        ).models,
    })),
    ctx,
    { date, configFile: rev.configFile, positions: rev.positions },
    opts.workers,
  );
  try {
    for (const [i, { input, estimate: est }] of advised.entries()) {
      const id = input.feature.id;
      await ahead.before(i);
      const result: FeatureSuggestions = {
        feature: id,
        team: est.team,
        model: est.model.canonical,
        monthly: est.monthly,
        suggestions: [],
        notes: [],
      };
      const levers: Suggestion[] = [];
      const prompt = input.feature.prompt ?? input.site.file;
      let outcomes: RoutingOutcome[] = [];
      if (input.agent && input.traffic) {
        const prepared = agentRoutingFeature(input, est, ctx, date, {
          configFile: rev.configFile,
          positions: rev.positions,
        });
        if (typeof prepared === 'string') result.notes.push(prepared);
        else {
          const means = movedCallMeans(prepared);
          outcomes = routeAgentFeature(
            prepared,
            listFor(result, est, ctx, date, input.feature.tier, means, opts),
            ctx,
            date,
          );
          result.notes.push(
            'Agent feature: prompt caching, batch and output-cap levers are not looked at per agent yet.',
          );
        }
      } else if (!input.traffic) result.notes.push('No traffic samples: routing needs recorded traffic to replay.');
      else {
        const site = replaySiteFor(input, ctx, date, rev.configFile, rev.positions);
        const traffic = withOfferedTiers(input.traffic, id, ctx.catalog, () => [site.model])!;
        const own = traffic.samples.filter((s) => s.feature === undefined || s.feature === id).length;
        if (own !== est.results.length) {
          // The estimate dropped lines this screen keeps (a tier the PR's model lacks): no pairing.
          result.notes.push(
            `The samples priced (${est.results.length}) are not the ${own} the advisor would replay: skipped.`,
          );
          out.push(result);
          continue;
        }
        const means = { input: est.inputTokens.mean, output: est.outputTokens.mean };
        const feature: RoutingFeature = { id, team: est.team, site, traffic, estimate: est };
        outcomes = routeFeature(feature, listFor(result, est, ctx, date, site.tier, means, opts), ctx, date);
        levers.push(
          cachingSuggestion(feature, ctx, date),
          batchSuggestion(feature, input.feature.latency),
          outputCapSuggestion(feature, ctx, date),
        );
      }
      const routed: Routed = { id, estimate: est, prompt };
      for (const o of outcomes) {
        const s = routingSuggestion(routed, o, opts);
        result.suggestions.push(s);
        if (o.series && s.monthly) {
          boot.add(o.series);
          seriesOwner.set(o.series.id, s);
        }
      }
      result.suggestions.push(...levers);
      out.push(result);
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
  return out.map((result) => ({ ...result, suggestions: ordered(result.suggestions) }));
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
