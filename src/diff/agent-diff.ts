/**
 * An agent feature priced at base and head on the same recorded runs (or the same static run),
 * with its change list: instructions ±N tokens × calls per run, tools added or removed with their
 * tokens per call, output caps, max turns (truncation, or the share of runs at the old cap with a
 * bound), sub-agents added or removed and the model per agent. Monthly effects are attributed in
 * stages on the same runs — what every call sends (instructions, tools), output caps, loop limits,
 * removed sub-agents, then models — so they add up to the feature's delta.
 */

import type { DiffFeatureInput } from '../load/index.js';
import type { ConfigWhere, FeatureDiff } from './types.js';
import {
  agentModelOf,
  agentRevision,
  badLineNotices,
  estimateAgentStatic,
  estimateFeature,
  replayRuns,
  runsOf,
  summarizeAgentRuns,
  turnsOf,
  unknownAgentNotices,
  withOfferedTiers,
  type AgentRevision,
  type EstimateContext,
  type FeatureEstimate,
  type FeatureInput,
  type FeatureWhere,
  type RunCalls,
  type Trace,
  type TurnCapIncrease,
} from '../estimate/index.js';
import type { AgentSpec } from '../types.js';
import { extensionCost, replayVariantRuns } from './agent-pair.js';
import { agentChanges } from './agent-changes.js';
import { pct, usd } from './agent-text.js';
import { VariantPricer } from './agent-variant.js';

/** The feature's input at one revision with its agent definition. */
function inputFor(
  entry: DiffFeatureInput['merged']['entry'],
  spec: AgentSpec,
  traffic: DiffFeatureInput['traffic'],
): FeatureInput {
  return { feature: entry, site: spec.agents[0].site, traffic, agent: spec };
}

/** Price one agent feature at base and head (the dispatch target of `diffFeature` for agent features). */
export function diffAgentFeature(
  input: DiffFeatureInput,
  ctx: EstimateContext,
  dates: { base: Date; head: Date },
  where: ConfigWhere,
): FeatureDiff {
  const { merged, traffic } = input;
  const baseAgent = input.baseAgent ?? null;
  const headAgent = input.headAgent ?? null;
  const entry = merged.entry;
  const notes: string[] = [];
  if (merged.droppedFromConfig && headAgent)
    notes.push(
      `The PR drops features.${entry.id} from the config but ${merged.headPrompt} remains: it stays priced under the base entry (unmapped after merge).`,
    );
  const est = (spec: AgentSpec, date: Date) =>
    estimateFeature(inputFor(entry, spec, traffic), ctx, date, where.file, where.positions);
  const common = { id: merged.id, team: entry.team, declaredInPr: merged.declaredInPr };
  if (input.baseError) {
    const head = headAgent ? est(headAgent, dates.head) : null;
    return {
      ...common,
      status: 'unpriced',
      base: null,
      head,
      pairs: null,
      changes: [],
      notes: [...notes, `The base side cannot be priced: ${input.baseError}`],
      baseError: input.baseError,
    };
  }
  if (!baseAgent && headAgent)
    return {
      ...common,
      status: 'added',
      base: null,
      head: est(headAgent, dates.head),
      pairs: null,
      changes: [],
      notes,
    };
  if (baseAgent && !headAgent)
    return {
      ...common,
      status: 'removed',
      base: est(baseAgent, dates.base),
      head: null,
      pairs: null,
      changes: [],
      notes: [...notes, `${merged.basePrompt} is deleted by the PR.`],
    };

  const fw: FeatureWhere = { configFile: where.file, positions: where.positions };
  const baseRev = agentRevision(baseAgent!, inputFor(entry, baseAgent!, traffic), ctx, dates.base, fw);
  const headRev = agentRevision(headAgent!, inputFor(entry, headAgent!, traffic), ctx, dates.head, fw);
  // The same lines at both sides: a line whose tier its agent's model lacks at either is a bad line for both.
  const screened = withOfferedTiers(traffic, entry.id, ctx.catalog, (s) => [
    agentModelOf(baseRev, s),
    agentModelOf(headRev, s),
  ]);
  const baseIn = inputFor(entry, baseAgent!, screened);
  const headIn = inputFor(entry, headAgent!, screened);
  const pricer = new VariantPricer(baseRev, headRev, ctx, dates, baseIn);

  let base: FeatureEstimate;
  let head: FeatureEstimate;
  let pairs: FeatureDiff['pairs'] = null;
  let traces: Trace[] = [];
  let baseRuns: RunCalls = [];
  if (traffic) {
    const r = runsOf(baseIn);
    traces = r.traces;
    baseRuns = replayRuns(traces, baseRev.sides, baseRev.unknown, ctx.counter);
    base = summarizeAgentRuns(baseIn, baseRev, traces, baseRuns, {
      date: dates.base,
      where: fw,
      ctx,
      notices: [...badLineNotices(entry.id, screened), ...unknownAgentNotices(entry.id, r.unknown, baseAgent!)],
      truncatedShare: null,
      droppedCalls: 0,
      turnCapIncreases: [],
    });
    pricer.useTraces(traces, baseRuns, base.requestsPerMonth);
    const full = replayVariantRuns(traces, baseRev, baseRuns, pricer.headVariant(), ctx.counter);
    const caps = turnCapIncreases(traces, baseRev, full.runs, pricer);
    const headTraces = relabelRoot(traces, baseAgent!.root, headAgent!.root);
    head = summarizeAgentRuns(headIn, headRev, headTraces, full.runs, {
      date: dates.head,
      where: fw,
      ctx,
      notices: [],
      truncatedShare: full.truncatedShare,
      droppedCalls: full.dropped,
      turnCapIncreases: [],
    });
    for (const c of caps) {
      c.upperBoundPerRequest = c.upperBoundPerRequest === null ? null : head.perRequest.mean + c.upperBoundPerRequest;
      c.upperBoundMonthly = c.upperBoundPerRequest === null ? null : c.upperBoundPerRequest * head.requestsPerMonth;
    }
    head.agent!.turnCapIncreases = caps;
    for (const c of caps) {
      const bound =
        c.upperBoundMonthly !== null
          ? `; running them on to ${c.headMaxTurns} turns could cost up to ${usd(c.upperBoundMonthly)}/month (${usd(c.upperBoundMonthly - base.monthly)} over base)`
          : '; without a limit the increase has no upper bound';
      notes.push(
        `unbounded_increase: max turns of agent ${c.agent} raised ${c.baseMaxTurns} → ${c.headMaxTurns ?? 'unset'} while ${pct(c.capShare)} of recorded runs reached the old limit, so the replayed delta is a lower bound${bound}.`,
      );
    }
    // Calibration and reconciliation compare the record with the revision it was recorded at.
    head.calibration = null;
    head.reconciliation = null;
    pairs = base.results.map((b, i) => ({ base: b, head: head.results[i] }));
  } else {
    base = estimateAgentStatic(baseIn, baseRev, { date: dates.base, where: fw, ctx });
    head = estimateAgentStatic(headIn, headRev, { date: dates.head, where: fw, ctx });
    pricer.useStatic(base.requestsPerMonth, fw);
  }
  const changes = agentChanges(pricer, base, head, {
    basePath: merged.basePrompt!,
    headPath: merged.headPrompt,
    traces,
    ctx,
    entryTier: entry.tier,
    date: dates.head,
    fw,
  });
  const changed = changes.length > 0 || head.monthly !== base.monthly;
  return { ...common, status: changed ? 'changed' : 'unchanged', base, head, pairs, changes, notes };
}

/** Trace labels of the base root renamed to the head root's name, for the head's per-agent figures. */
function relabelRoot(traces: Trace[], from: string, to: string): Trace[] {
  if (from === to) return traces;
  return traces.map((t) => ({
    ...t,
    calls: t.calls.map((c) => (c.label === from ? { ...c, label: to, agent: to } : c)),
  }));
}

/** Raised max turns over runs that reached the base limit: share at the cap and the cost of running on to the new one. */
function turnCapIncreases(
  traces: Trace[],
  baseRev: AgentRevision,
  headRuns: RunCalls,
  pricer: VariantPricer,
): TurnCapIncrease[] {
  const out: TurnCapIncrease[] = [];
  for (const def of baseRev.spec.agents) {
    const b = def.maxTurns;
    const hSide = pricer.headSide(def.name);
    if (b === undefined || !hSide) continue;
    const h = hSide.maxTurns;
    if (h !== undefined && h <= b) continue;
    let w = 0;
    let capped = 0;
    let extraCalls = 0;
    let extraCost = 0;
    traces.forEach((t, i) => {
      w += t.weight;
      const turns = turnsOf(t, def.name);
      if (turns < b) return;
      capped += t.weight;
      if (h === undefined) return;
      extraCalls += t.weight * Math.max(0, h - turns);
      extraCost += t.weight * extensionCost(t, headRuns[i], def.name, turns, h, hSide);
    });
    if (!(capped > 0) || w === 0) continue;
    out.push({
      agent: def.name,
      baseMaxTurns: b,
      headMaxTurns: h ?? null,
      capShare: capped / w,
      extraCallsPerRun: h === undefined ? null : extraCalls / w,
      // The head's mean is added by the caller once it is known; here the extension per request.
      upperBoundPerRequest: h === undefined ? null : extraCost / w,
      upperBoundMonthly: null,
    });
  }
  return out;
}
