/**
 * Estimate of an agent feature at one revision: recorded runs replayed call by call with each
 * call's agent (design step 5), or a static run without traces; aggregated per run (one run is
 * one request), with per-agent figures and loop caps.
 */

import { AicostError } from '../errors.js';
import type { AgentSpec, ResolvedModel, Sample } from '../types.js';
import type { AgentSide, FeatureWhere } from './agent-site.js';
import { agentSides, agentToolTokens, instructionsTokens, unknownAgentSide } from './agent-site.js';
import { staticRun } from './agent-static.js';
import { groupTraces, type Trace } from './agent-traces.js';
import { callsPerRun, replayRuns, runResult, sideOf, type RunCalls } from './agent-replay.js';
import type { AgentSummary, TurnCapIncrease } from './agent-types.js';
import { badLineNotices, summarizeFeature } from './summary.js';
import { featurePrice, priceNotices } from './price-sources.js';
import { usageWithin } from './pricing.js';
import { weightedMean } from '../stats/index.js';
import { withOfferedTiers } from './tier-lines.js';
import type { EstimateContext, FeatureEstimate, FeatureInput } from './types.js';

/** Everything needed to replay an agent feature's runs at one revision. */
export interface AgentRevision {
  spec: AgentSpec;
  sides: Map<string, AgentSide>;
  unknown: AgentSide;
}

/** Sides of every agent of `spec` at one revision, plus the side for calls of unknown agents. */
export function agentRevision(
  spec: AgentSpec,
  input: FeatureInput,
  ctx: EstimateContext,
  date: Date,
  where: FeatureWhere,
): AgentRevision {
  const sides = agentSides(spec, input.feature, ctx, date, where);
  return { spec, sides, unknown: unknownAgentSide(sides.get(spec.root)!, ctx) };
}

/** The model that prices a line at a revision: its agent's, the root's for lines naming no agent or an unknown one. */
export function agentModelOf(rev: AgentRevision, sample: Sample): ResolvedModel {
  return (rev.sides.get(sample.agent ?? rev.spec.root) ?? rev.unknown).rs.model;
}

/** Runs of an agent feature's traffic (empty without traffic). */
export function runsOf(input: FeatureInput): { traces: Trace[]; unknown: Map<string, number> } {
  const { traffic, agent, feature } = input;
  if (!traffic || !agent) return { traces: [], unknown: new Map() };
  const runs = groupTraces(traffic.samples, agent, feature.id);
  if (runs.traces.length === 0) {
    throw new AicostError(
      'traffic',
      `feature "${feature.id}": none of the ${traffic.totalLines} traffic lines belongs to it (their feature field names other features)`,
      {
        location: { file: traffic.paths[0] ?? '.aicost.yml' },
        hint: `Set feature: ${feature.id} on its lines, or remove the feature field.`,
      },
    );
  }
  return runs;
}

/** Replay an agent feature at one revision (the dispatch target of `estimateFeature`). */
export function estimateAgentFeature(
  input: FeatureInput,
  ctx: EstimateContext,
  date: Date,
  configFile: string,
  positions: FeatureWhere['positions'],
): FeatureEstimate {
  const where: FeatureWhere = { configFile, positions };
  const rev = agentRevision(input.agent!, input, ctx, date, where);
  input = {
    ...input,
    traffic: withOfferedTiers(input.traffic, input.feature.id, ctx.catalog, (s) => [agentModelOf(rev, s)]),
  };
  if (!input.traffic) {
    return estimateAgentStatic(input, rev, { date, where, ctx });
  }
  const { traces, unknown } = runsOf(input);
  const runs = replayRuns(traces, rev.sides, rev.unknown, ctx.counter);
  const notices = [
    ...badLineNotices(input.feature.id, input.traffic),
    ...unknownAgentNotices(input.feature.id, unknown, rev.spec),
  ];
  return summarizeAgentRuns(input, rev, traces, runs, {
    date,
    where,
    ctx,
    notices,
    truncatedShare: null,
    droppedCalls: 0,
    turnCapIncreases: [],
  });
}

/** Notices for lines that name agents the definition does not define. */
export function unknownAgentNotices(featureId: string, unknown: Map<string, number>, spec: AgentSpec): string[] {
  if (!unknown.size) return [];
  const list = [...unknown].map(([n, c]) => `${n} (${c} call${c === 1 ? '' : 's'})`).join(', ');
  return [
    `${featureId}: traffic names agents that ${spec.agents[0]?.file ?? 'the definition'} does not define: ${list}; their calls are priced as recorded with the root agent's model.`,
  ];
}

/** How a run summary is being made. */
export interface AgentSummaryContext {
  date: Date;
  where: FeatureWhere;
  ctx: EstimateContext;
  notices: string[];
  truncatedShare: number | null;
  droppedCalls: number;
  turnCapIncreases: TurnCapIncrease[];
}

/** Aggregate replayed runs (per call results, null = dropped) into a FeatureEstimate. */
export function summarizeAgentRuns(
  input: FeatureInput,
  rev: AgentRevision,
  traces: readonly Trace[],
  runs: RunCalls,
  sc: AgentSummaryContext,
): FeatureEstimate {
  const root = rev.sides.get(rev.spec.root)!;
  const results = traces.map((t, i) => runResult(t, runs[i]));
  const runWeight = traces.reduce((a, t) => a + t.weight, 0);
  // A run is one request: a volume derived from traffic counts runs, by their root lines' weight.
  const runInput: FeatureInput = input.traffic
    ? { ...input, traffic: { ...input.traffic, totalWeight: runWeight } }
    : input;
  const notices = [...sc.notices];
  const est = summarizeFeature(runInput, root.rs, results, {
    date: sc.date,
    configFile: sc.where.configFile,
    positions: sc.where.positions,
    notices,
    upperBound: false,
  });

  // Reconciliation per call: each call priced with its own agent's model.
  const recorded = results.filter((r) => r.recordedCost !== undefined);
  if (recorded.length) {
    const replayable: { cost: number; weight: number }[] = [];
    traces.forEach((t, i) => {
      let sum = 0;
      for (const [j, c] of runs[i].entries()) {
        if (c === null) continue;
        if (c.counted === null) return;
        const side = sideOf(rev.sides, t.calls[j].agent, rev.unknown);
        const n = c.counted;
        sum += side.rs.price(
          usageWithin(c.usage, n),
          t.calls[j].sample.tier ?? input.feature.tier,
          t.calls[j].sample.ts,
        ).total;
      }
      if (results[i].recordedCost !== undefined) replayable.push({ cost: sum, weight: t.weight });
    });
    est.reconciliation = {
      samples: recorded.length,
      recorded: weightedMean(
        recorded.map((r) => r.recordedCost!),
        recorded.map((r) => r.weight),
      ),
      replayed: replayable.length
        ? weightedMean(
            replayable.map((r) => r.cost),
            replayable.map((r) => r.weight),
          )
        : null,
      reported: recorded.every((r) => r.reportedCost !== undefined)
        ? weightedMean(
            recorded.map((r) => r.reportedCost!),
            recorded.map((r) => r.weight),
          )
        : null,
    };
  }
  finishAgentEstimate(est, input, rev, notices);
  const agents = agentSummaries(
    rev,
    sc.ctx,
    (name) => callsPerRun(traces, runs, name),
    (side) => capShare(traces, runs, side),
  );
  est.agent = {
    root: rev.spec.root,
    calls: runs.reduce((a, r) => a + r.filter((c) => c !== null).length, 0),
    callsPerRun: callsPerRun(traces, runs),
    agents,
    truncatedShare: sc.truncatedShare,
    droppedCalls: sc.droppedCalls,
    turnCapIncreases: sc.turnCapIncreases,
    staticTurns: null,
  };
  return est;
}

/** Share of runs (by weight) whose kept turns of the side's agent reached its max turns. */
function capShare(traces: readonly Trace[], runs: RunCalls, side: AgentSide): number | null {
  if (side.maxTurns === undefined || traces.length === 0) return null;
  let w = 0;
  let hit = 0;
  traces.forEach((t, i) => {
    w += t.weight;
    let turns = 0;
    t.calls.forEach((c, j) => {
      if (runs[i][j] !== null && c.label === side.def.name && c.turn > turns) turns = c.turn;
    });
    if (turns >= side.maxTurns!) hit += t.weight;
  });
  return w > 0 ? hit / w : null;
}

/** Per-agent figures at one revision. */
export function agentSummaries(
  rev: AgentRevision,
  ctx: EstimateContext,
  calls: (name: string) => number,
  cap: (side: AgentSide) => number | null,
): AgentSummary[] {
  return rev.spec.agents.map((def) => {
    const side = rev.sides.get(def.name)!;
    const tools = agentToolTokens(def, side.rs, ctx.counter);
    return {
      name: def.name,
      root: def.name === rev.spec.root,
      model: side.rs.model.canonical,
      inheritsModel: def.inheritsModel,
      maxTurns: def.maxTurns ?? null,
      instructionsTokens: instructionsTokens(def, side.rs, ctx.counter),
      toolTokens: tools.schema,
      estimatedToolTokens: tools.estimated,
      toolsWithoutSchema: def.opaqueTools.slice(),
      callsPerRun: calls(def.name),
      turnCapShare: cap(side),
    };
  });
}

/** Models, tokenizer label and notices every agent estimate shares (traced or static). */
function finishAgentEstimate(est: FeatureEstimate, input: FeatureInput, rev: AgentRevision, notices: string[]): void {
  const id = input.feature.id;
  const models: string[] = [];
  for (const side of rev.sides.values()) {
    const m = side.rs.model.canonical;
    if (models.includes(m)) continue;
    models.push(m);
    // The root's price line (and its notices) came with the summary.
    if (m === est.prices[0]?.model) continue;
    const price = featurePrice(m, side.rs.priceSource, input);
    est.prices.push(price);
    notices.push(...priceNotices(id, price, input));
  }
  est.models = models;
  est.prices = models.map((m) => est.prices.find((p) => p.model === m)!);
  const root = rev.sides.get(rev.spec.root)!;
  const inexact = [...rev.sides.values()].find((s) => !s.rs.tokenizer.exact);
  if (inexact && root.rs.tokenizer.exact) {
    est.tokenizer = inexact.rs.tokenizer;
    notices.push(
      `${id}: ${inexact.rs.model.canonical} (agent ${inexact.def.name}) has no exact offline tokenizer; counted figures of its calls are estimates (${inexact.rs.tokenizer.label}).`,
    );
  }
  for (const side of rev.sides.values()) {
    const def = side.def;
    if (def.opaqueTools.length) {
      const per = def.opaqueToolTokens;
      notices.push(
        `${id}: agent ${def.name} names ${def.opaqueTools.length} tool(s) without a schema in the repository (${def.opaqueTools.join(', ')}): counted as an estimate of ${per} tokens each per call.`,
      );
    }
    if (def.site.unsupported.length) {
      notices.push(
        `${id}: the instructions of agent ${def.name} use template constructs aicost does not evaluate (counted as static text): ${def.site.unsupported.slice(0, 3).join('; ')}`,
      );
    }
    if (def.maxTurnsIsDefault)
      notices.push(`${id}: agent ${def.name} sets no max_iter; CrewAI's default of ${def.maxTurns} applies.`);
  }
  for (const n of rev.spec.notes) notices.push(`${id}: ${n}`);
  est.notices = notices;
}

/** A static run as a FeatureEstimate, labelled (typical turns, or max turns as an upper bound). */
export function estimateAgentStatic(
  input: FeatureInput,
  rev: AgentRevision,
  o: { date: Date; where: FeatureWhere; ctx: EstimateContext },
): FeatureEstimate {
  const run = staticRun(rev.spec, rev.sides, input.feature, o.where, o.ctx.counter);
  const root = rev.sides.get(rev.spec.root)!;
  const notices: string[] = [];
  const { shape } = run;
  const upperBound = shape.turnsFrom === 'max_turns' || shape.outputFrom === 'max_tokens';
  const id = input.feature.id;
  notices.push(
    `${id}: static agent estimate: ${shape.turns} turn(s) per loop (${shape.turnsFrom === 'typical_turns' ? 'typical_turns' : 'max turns, an upper bound'}), ${shape.outputTokens} output tokens per turn (${shape.outputFrom === 'typical_output_tokens' ? 'typical_output_tokens' : 'max tokens, an upper bound'}); turn k sends the instructions and tools plus the k − 1 earlier outputs. Sub-agents and tool results are not counted without traces.`,
  );
  const est = summarizeFeature(input, root.rs, [run.result], {
    date: o.date,
    configFile: o.where.configFile,
    positions: o.where.positions,
    notices,
    upperBound,
  });
  finishAgentEstimate(est, input, rev, notices);
  const agents = agentSummaries(
    rev,
    o.ctx,
    (name) => run.turnsByAgent.get(name) ?? 0,
    () => null,
  );
  est.agent = {
    root: rev.spec.root,
    calls: [...run.turnsByAgent.values()].reduce((a, b) => a + b, 0),
    callsPerRun: [...run.turnsByAgent.values()].reduce((a, b) => a + b, 0),
    agents,
    truncatedShare: null,
    droppedCalls: 0,
    turnCapIncreases: [],
    staticTurns: shape,
  };
  return est;
}
