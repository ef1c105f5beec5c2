/**
 * Model routing for agent features (issue 18): the feature's recorded runs replayed with the top
 * agent on a candidate model, paired run by run with the feature as priced. The replay is the
 * diff's own for an agent whose model changes (`replayVariantRuns`, src/diff/agent-pair.ts): each
 * call of the top agent is replayed on the candidate's side (recorded input + the change of the
 * agent's fixed part, output scaled by the tokenizer ratio when the family changes, cache reads
 * moved under the candidate's rule); sub-agents keep their models and their calls cost as recorded.
 *
 * The candidate's side shares the top agent's CallSite, so renders and counts of a candidate with
 * the feature's tokenizer come from the shared memo: nothing is counted twice.
 */
import { replayVariantRuns, type AgentVariant } from '../diff/index.js';
import { AicostError } from '../errors.js';
import {
  agentModelOf,
  agentRevision,
  replayRuns,
  runResult,
  runsOf,
  sideWith,
  unknownAgentSide,
  withOfferedTiers,
  type AgentRevision,
  type AgentSide,
  type EstimateContext,
  type FeatureEstimate,
  type FeatureInput,
  type FeatureWhere,
  type RunCalls,
  type SampleResult,
  type Trace,
} from '../estimate/index.js';
import type { ResolvedModel } from '../types.js';
import { emptyOutcome, pairedOutcome, type RoutingOutcome } from './routing.js';

/** An agent feature at the trusted revision, its runs replayed as priced, ready for candidates. */
export interface AgentRoutingFeature {
  id: string;
  input: FeatureInput;
  estimate: FeatureEstimate;
  rev: AgentRevision;
  traces: Trace[];
  baseRuns: RunCalls;
}

/** A call that takes the candidate: the top agent's, or one naming an agent the definition lacks (priced with the top agent's model). */
const moves = (rev: AgentRevision, agent: string | null) => agent === null || agent === rev.spec.root;

/**
 * The runs of an agent feature as its estimate priced them, or why they cannot be paired (a
 * string for the feature's notes). Null when the feature has no traffic.
 */
export function agentRoutingFeature(
  input: FeatureInput,
  estimate: FeatureEstimate,
  ctx: EstimateContext,
  date: Date,
  where: FeatureWhere,
): AgentRoutingFeature | string {
  const id = input.feature.id;
  const rev = agentRevision(input.agent!, input, ctx, date, where);
  const screened: FeatureInput = {
    ...input,
    traffic: withOfferedTiers(input.traffic, id, ctx.catalog, (s) => [agentModelOf(rev, s)]),
  };
  if (!screened.traffic) return 'No traffic samples: routing needs recorded runs to replay.';
  const { traces } = runsOf(screened);
  // In a diff the base was priced on the lines both revisions offer: pair only the same runs.
  if (traces.length !== estimate.results.length || traces.some((t, i) => estimate.results[i].unit !== t.id))
    return `The runs priced (${estimate.results.length}) are not the ${traces.length} the advisor would replay: skipped.`;
  const baseRuns = replayRuns(traces, rev.sides, rev.unknown, ctx.counter);
  return { id, input: screened, estimate, rev, traces, baseRuns };
}

/** Per-call means of the top agent's calls (weighted by run), to rank candidates by expected price. */
export function movedCallMeans(f: AgentRoutingFeature): { input: number; output: number } {
  let n = 0;
  let input = 0;
  let output = 0;
  f.traces.forEach((t, i) =>
    t.calls.forEach((c, j) => {
      const r = f.baseRuns[i][j];
      if (!r || !moves(f.rev, c.agent)) return;
      n += t.weight;
      input += t.weight * r.usage.inputTokens;
      output += t.weight * r.usage.outputTokens;
    }),
  );
  return n > 0 ? { input: input / n, output: output / n } : { input: 0, output: 0 };
}

/** Why `model` cannot take the top agent's calls (the feature's `tier:` or a line's `tier`), or null. */
function tierProblem(f: AgentRoutingFeature, model: ResolvedModel, ctx: EstimateContext): string | null {
  const problem = ctx.catalog.tierProblem(model, f.input.feature.tier);
  if (problem) return problem;
  for (const t of f.traces)
    for (const c of t.calls) {
      if (c.sample.tier === undefined || !moves(f.rev, c.agent)) continue;
      const p = ctx.catalog.tierProblem(model, c.sample.tier);
      if (p) return `${p} (calls of ${f.rev.spec.root} recorded on tier ${c.sample.tier})`;
    }
  return null;
}

/** The diff's variant of the feature with the top agent on `side`: sub-agents keep their base sides. */
function variantWith(rev: AgentRevision, side: AgentSide, ctx: EstimateContext): AgentVariant {
  const sides = new Map<string, AgentSide | null>(rev.sides);
  sides.set(rev.spec.root, side);
  // As in the diff, calls of agents the definition does not name follow the top agent's model.
  return { sides, unknown: unknownAgentSide(side, ctx) };
}

/** Weighted mean per run of the moved calls' output tokens. */
function movedOutput(f: AgentRoutingFeature, runs: RunCalls): number {
  let w = 0;
  let s = 0;
  f.traces.forEach((t, i) => {
    w += t.weight;
    t.calls.forEach((c, j) => {
      const r = runs[i][j];
      if (r && moves(f.rev, c.agent)) s += t.weight * r.usage.outputTokens;
    });
  });
  return w > 0 ? s / w : 0;
}

/** Replay an agent feature's runs with its top agent on each candidate. */
export function routeAgentFeature(
  f: AgentRoutingFeature,
  candidates: readonly ResolvedModel[],
  ctx: EstimateContext,
  date: Date,
): RoutingOutcome[] {
  const root = f.rev.spec.root;
  const kept = f.rev.spec.agents
    .filter((a) => a.name !== root)
    .map((a) => ({ name: a.name, model: f.rev.sides.get(a.name)!.rs.model.canonical }));
  const calls = f.traces.reduce((a, t) => a + t.weight * t.calls.filter((c) => moves(f.rev, c.agent)).length, 0);
  const runWeight = f.traces.reduce((a, t) => a + t.weight, 0);
  const currentOutput = movedOutput(f, f.baseRuns);
  return candidates.map((candidate) => {
    const empty = emptyOutcome(candidate);
    const window = empty.window;
    const problem = tierProblem(f, candidate, ctx);
    if (problem) return { ...empty, problem };
    let side: AgentSide;
    let runs: RunCalls;
    try {
      side = sideWith(f.rev.sides.get(root)!.def, candidate, ctx, date, f.input.feature);
      runs = replayVariantRuns(f.traces, f.rev, f.baseRuns, variantWith(f.rev, side, ctx), ctx.counter).runs;
    } catch (e) {
      if (!(e instanceof AicostError)) throw e;
      return { ...empty, problem: e.message };
    }
    const results: SampleResult[] = f.traces.map((t, i) => runResult(t, runs[i]));
    // A run is ineligible when any of its calls on the candidate overflows the candidate's window.
    let overflow = 0;
    let callsOverWindow = 0;
    if (window !== null)
      f.traces.forEach((t, i) => {
        let over = 0;
        t.calls.forEach((c, j) => {
          const r = runs[i][j];
          if (r && moves(f.rev, c.agent) && r.usage.inputTokens + r.usage.outputTokens > window) over++;
        });
        callsOverWindow += over;
        if (over > 0) overflow++;
      });
    return {
      ...empty,
      ...pairedOutcome(f.id, f.estimate, candidate, results),
      tokenizer: side.rs.tokenizer,
      overflow,
      agent: {
        root,
        kept,
        movedCallsPerRun: runWeight > 0 ? calls / runWeight : 0,
        callsOverWindow,
        movedOutput: { current: currentOutput, candidate: movedOutput(f, runs) },
      },
    };
  });
}
