/**
 * An agent feature priced at base and head on the same recorded runs (or the same static run),
 * with its change list: instructions ±N tokens × calls per run, tools added or removed with their
 * tokens per call, output caps, max turns (truncation, or the share of runs at the old cap with a
 * bound), sub-agents added or removed and the model per agent. Monthly effects are attributed in
 * stages on the same runs — what every call sends (instructions, tools), output caps, loop limits,
 * removed sub-agents, then models — so they add up to the feature's delta.
 */

import type { FeatureChange } from './changes.js';
import type { DiffFeatureInput } from '../load/index.js';
import type { ConfigWhere, FeatureDiff } from './types.js';
import {
  sideWith,
  instructionsTokens,
  agentToolTokens,
  unknownAgentSide,
  type AgentSide,
  type FeatureWhere,
} from '../estimate/index.js';
import {
  agentModelOf,
  agentRevision,
  estimateAgentStatic,
  runsOf,
  summarizeAgentRuns,
  unknownAgentNotices,
  type AgentRevision,
} from '../estimate/index.js';
import { withOfferedTiers } from '../estimate/index.js';
import { replayRuns, type RunCalls } from '../estimate/index.js';
import { staticLoopShape, staticRun } from '../estimate/index.js';
import { turnsOf, type Trace } from '../estimate/index.js';
import type { TurnCapIncrease } from '../estimate/index.js';
import { badLineNotices, estimateFeature, type EstimateContext } from '../estimate/index.js';
import { weightedMean } from '../stats/index.js';
import type { FeatureEstimate, FeatureInput } from '../estimate/index.js';
import type { AgentDefinition, AgentSpec, CallSite } from '../types.js';
import { taskEdits } from './task-edits.js';
import { extensionCost, replayVariantRuns, type AgentVariant } from './agent-pair.js';

/** Which parts of an agent a variant takes from the head (false: from the base). */
interface Take {
  instructions: boolean;
  tools: boolean;
  maxTokens: boolean;
  maxTurns: boolean;
  model: boolean;
  /** The agent is gone at the variant (a sub-agent the head removes). */
  gone: boolean;
}

const NONE: Take = { instructions: false, tools: false, maxTokens: false, maxTurns: false, model: false, gone: false };

function signed(n: number): string {
  return n > 0 ? `+${n.toLocaleString('en-US')}` : n.toLocaleString('en-US');
}

function num(n: number): string {
  return n >= 10 ? n.toFixed(0) : n.toFixed(1).replace(/\.0$/, '');
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** Dollars: cents from $1 up, two significant digits below (a run can cost $0.0029). */
function usd(x: number): string {
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1 || a === 0)
    return `${sign}$${a.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `${sign}$${Number(a.toPrecision(2))}`;
}

function ratioText(r: number): string {
  return `×${r >= 10 ? r.toFixed(1) : r >= 1 ? r.toFixed(2).replace(/0$/, '') : r.toFixed(3).replace(/0$/, '')}`;
}

/** The feature's input at one revision with its agent definition. */
function inputFor(
  entry: DiffFeatureInput['merged']['entry'],
  spec: AgentSpec,
  traffic: DiffFeatureInput['traffic'],
): FeatureInput {
  return { feature: entry, site: spec.agents[0].site, traffic, agent: spec };
}

/** A definition with some parts from the base and some from the head. */
function hybridDef(b: AgentDefinition, h: AgentDefinition, t: Take): AgentDefinition {
  const ins = t.instructions ? h : b;
  const tl = t.tools ? h : b;
  const mt = t.maxTokens ? h : b;
  const turns = t.maxTurns ? h : b;
  const params = { ...b.site.params };
  if (mt.site.params.maxTokens !== undefined) params.maxTokens = mt.site.params.maxTokens;
  else delete params.maxTokens;
  const site: CallSite = {
    ...b.site,
    messages: ins.site.messages,
    variables: ins.site.variables,
    unsupported: ins.site.unsupported,
    tools: tl.site.tools,
    params,
  };
  const def: AgentDefinition = { ...b, site, opaqueTools: tl.opaqueTools, opaqueToolTokens: tl.opaqueToolTokens };
  if (turns.maxTurns !== undefined) def.maxTurns = turns.maxTurns;
  else delete def.maxTurns;
  return def;
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

/** Prices variants between base and head on the same runs (or the same static run). */
class VariantPricer {
  readonly takes = new Map<string, Take>();
  private traces: Trace[] | null = null;
  private baseRuns: RunCalls = [];
  private rpm = 0;
  private fw: FeatureWhere | null = null;

  constructor(
    readonly base: AgentRevision,
    readonly head: AgentRevision,
    readonly ctx: EstimateContext,
    readonly dates: { base: Date; head: Date },
    readonly baseIn: FeatureInput,
  ) {
    for (const def of base.spec.agents) this.takes.set(def.name, { ...NONE });
  }

  useTraces(traces: Trace[], baseRuns: RunCalls, rpm: number): void {
    this.traces = traces;
    this.baseRuns = baseRuns;
    this.rpm = rpm;
  }

  useStatic(rpm: number, fw: FeatureWhere): void {
    this.rpm = rpm;
    this.fw = fw;
  }

  /** The head definition that matches a base agent: root to root, sub-agents by name. */
  headDef(baseName: string): AgentDefinition | undefined {
    const name = baseName === this.base.spec.root ? this.head.spec.root : baseName;
    return this.head.spec.agents.find((a) => a.name === name);
  }

  headSide(baseName: string): AgentSide | undefined {
    const name = baseName === this.base.spec.root ? this.head.spec.root : baseName;
    return this.head.sides.get(name);
  }

  /** The variant every head part is in: the head itself. */
  headVariant(): AgentVariant {
    const sides = new Map<string, AgentSide | null>();
    for (const def of this.base.spec.agents) sides.set(def.name, this.headSide(def.name) ?? null);
    return { sides, unknown: this.head.unknown };
  }

  /** The variant the current takes describe. */
  variant(): AgentVariant {
    const sides = new Map<string, AgentSide | null>();
    let rootSide: AgentSide | undefined;
    for (const def of this.base.spec.agents) {
      const t = this.takes.get(def.name)!;
      const baseSide = this.base.sides.get(def.name)!;
      const h = this.headDef(def.name);
      let side: AgentSide | null;
      if (!h) side = t.gone ? null : baseSide;
      else if (!t.instructions && !t.tools && !t.maxTokens && !t.maxTurns && !t.model) side = baseSide;
      else {
        const model = t.model ? this.headSide(def.name)!.rs.model : baseSide.rs.model;
        side = sideWith(
          hybridDef(def, h, t),
          model,
          this.ctx,
          t.model ? this.dates.head : this.dates.base,
          this.baseIn.feature,
        );
      }
      sides.set(def.name, side);
      if (def.name === this.base.spec.root && side) rootSide = side;
    }
    const unknown =
      rootSide && rootSide !== this.base.sides.get(this.base.spec.root)
        ? unknownAgentSide(rootSide, this.ctx)
        : this.base.unknown;
    return { sides, unknown };
  }

  /** Monthly cost of the current variant. */
  monthly(): number {
    const v = this.variant();
    if (this.traces) {
      const r = replayVariantRuns(this.traces, this.base, this.baseRuns, v, this.ctx.counter);
      const costs = r.runs.map((run) => run.reduce((a, c) => a + (c?.cost ?? 0), 0));
      return (
        weightedMean(
          costs,
          this.traces.map((t) => t.weight),
        ) * this.rpm
      );
    }
    const sides = new Map<string, AgentSide>();
    for (const [n, s] of v.sides) if (s) sides.set(n, s);
    const spec: AgentSpec = {
      ...this.base.spec,
      staticLoops: this.base.spec.staticLoops.filter((l) => sides.has(l.agent)),
    };
    if (!spec.staticLoops.length) return 0;
    return staticRun(spec, sides, this.baseIn.feature, this.fw!, this.ctx.counter).result.cost * this.rpm;
  }
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

interface ChangeContext {
  basePath: string;
  headPath: string;
  traces: Trace[];
  ctx: EstimateContext;
  entryTier: FeatureInput['feature']['tier'];
  date: Date;
  fw: FeatureWhere;
}

/** One staged change: applying it moves the variant one step from base to head. */
interface Stage {
  change: FeatureChange;
  apply: () => void;
  /** Monthly effect if none of the added tokens were read from a cache (tokens × calls × input price). */
  uncached?: number;
}

/** The change list with monthly effects attributed in stages (they add up to the delta). */
function agentChanges(
  p: VariantPricer,
  base: FeatureEstimate,
  head: FeatureEstimate,
  cc: ChangeContext,
): FeatureChange[] {
  const { ctx } = cc;
  const baseSpec = p.base.spec;
  const headSpec = p.head.spec;
  // The root agent's changes read as the feature's; a sub-agent's are prefixed with its name.
  const label = (name: string) => (name === baseSpec.root || name === headSpec.root ? '' : `${name}: `);
  const callsOf = (name: string) => base.agent!.agents.find((a) => a.name === name)?.callsPerRun ?? 0;
  const perRun = (name: string) => `× ${num(callsOf(name))} call${callsOf(name) === 1 ? '' : 's'} per run`;
  const loc = (def: AgentDefinition, key: string) => ({
    file: def.where[key]?.file ?? def.file,
    line: def.where[key]?.line ?? null,
  });
  const uncached = (tokens: number, name: string, side: AgentSide): number =>
    (tokens *
      callsOf(name) *
      ctx.catalog.rates(side.rs.model, { tier: cc.entryTier, date: cc.date, inputTokens: 0 }).input *
      base.requestsPerMonth) /
    1e6;
  const out: FeatureChange[] = [];
  const instr: Stage[] = [];
  const tools: Stage[] = [];
  const caps: Stage[] = [];
  const turns: Stage[] = [];
  const removed: Stage[] = [];
  const models: Stage[] = [];
  const free: FeatureChange[] = [];

  if (cc.basePath !== cc.headPath)
    out.push({
      kind: 'config',
      file: cc.headPath,
      line: null,
      summary: `agent definition ${cc.basePath} → ${cc.headPath}`,
      monthlyEffect: 0,
    });

  for (const b of baseSpec.agents) {
    const h = p.headDef(b.name);
    const take = p.takes.get(b.name)!;
    const bSide = p.base.sides.get(b.name)!;
    if (!h) {
      const parent = baseSpec.agents.find((a) => a.subAgents.includes(b.name));
      const at = parent ? (p.headDef(parent.name) ?? parent) : headSpec.agents[0];
      removed.push({
        change: {
          kind: 'agent',
          ...loc(at, 'sub_agents'),
          summary: `sub-agent ${b.name} removed: its ${num(callsOf(b.name))} call(s) per run are dropped (work it did may move to other agents, not priced)`,
          monthlyEffect: 0,
        },
        apply: () => (take.gone = true),
      });
      continue;
    }
    if (
      JSON.stringify(b.site.messages.map((m) => m.template)) !== JSON.stringify(h.site.messages.map((m) => m.template))
    ) {
      const bt = instructionsTokens(b, bSide.rs, ctx.counter);
      const ht = instructionsTokens(h, bSide.rs, ctx.counter);
      instr.push({
        change: {
          kind: 'agent',
          ...loc(h, 'instructions'),
          summary: `${label(h.name)}instructions ${signed(ht - bt)} tokens (${bt.toLocaleString('en-US')} → ${ht.toLocaleString('en-US')}) ${perRun(b.name)}`,
          monthlyEffect: 0,
        },
        apply: () => (take.instructions = true),
        uncached: uncached(ht - bt, b.name, bSide),
      });
    }
    if (
      JSON.stringify([b.site.tools, b.opaqueTools, b.opaqueToolTokens]) !==
      JSON.stringify([h.site.tools, h.opaqueTools, h.opaqueToolTokens])
    ) {
      const bn = new Set([...b.site.tools.map((t) => t.name), ...b.opaqueTools]);
      const hn = new Set([...h.site.tools.map((t) => t.name), ...h.opaqueTools]);
      const added = [...hn].filter((n) => !bn.has(n));
      const gone = [...bn].filter((n) => !hn.has(n));
      const bt = agentToolTokens(b, bSide.rs, ctx.counter);
      const ht = agentToolTokens(h, bSide.rs, ctx.counter);
      const parts: string[] = [];
      if (added.length) parts.push(`added ${added.join(', ')}`);
      if (gone.length) parts.push(`removed ${gone.join(', ')}`);
      if (!parts.length) parts.push('definitions edited');
      const est = bt.estimated !== ht.estimated ? ' (tools without a schema estimated)' : '';
      tools.push({
        change: {
          kind: 'tools',
          ...loc(h, 'tools'),
          summary: `${label(h.name)}tools ${parts.join('; ')}: ${signed(ht.schema + ht.estimated - bt.schema - bt.estimated)} tokens per call${est} ${perRun(b.name)}`,
          monthlyEffect: 0,
        },
        apply: () => (take.tools = true),
        uncached: uncached(ht.schema + ht.estimated - bt.schema - bt.estimated, b.name, bSide),
      });
    }
    if (b.site.params.maxTokens !== h.site.params.maxTokens) {
      caps.push({
        change: {
          kind: 'params',
          ...loc(h, 'max_tokens'),
          summary: `${label(h.name)}max output tokens ${b.site.params.maxTokens ?? 'unset'} → ${h.site.params.maxTokens ?? 'unset'}`,
          monthlyEffect: 0,
        },
        apply: () => (take.maxTokens = true),
      });
    }
    if (b.maxTurns !== h.maxTurns) {
      let what = `${label(h.name)}max turns ${b.maxTurns ?? 'unset'} → ${h.maxTurns ?? 'unset'}`;
      const lowered = h.maxTurns !== undefined && (b.maxTurns === undefined || h.maxTurns < b.maxTurns);
      if (cc.traces.length && lowered) {
        const w = cc.traces.reduce((a, t) => a + t.weight, 0);
        const cut = cc.traces.reduce((a, t) => a + (turnsOf(t, b.name) > h.maxTurns! ? t.weight : 0), 0);
        what += `: truncates ${pct(cut / w)} of recorded runs`;
      } else if (cc.traces.length) {
        const cap = head.agent!.turnCapIncreases.find((c) => c.agent === b.name);
        if (cap) {
          const bound =
            cap.upperBoundMonthly !== null
              ? `; up to ${usd(cap.upperBoundMonthly)}/month if they run to the new limit`
              : '; with no limit the increase has no upper bound';
          what += `: ${pct(cap.capShare)} of recorded runs reached the old limit, so the increase may be larger${bound}`;
        }
      } else if (base.agent?.staticTurns?.turnsFrom === 'max_turns') {
        what += ' (the static estimate runs every loop to max turns: an upper bound)';
      }
      turns.push({
        change: { kind: 'agent', ...loc(h, 'max_turns'), summary: what, monthlyEffect: 0 },
        apply: () => (take.maxTurns = true),
      });
    }
    const hSide = p.headSide(b.name)!;
    if (bSide.rs.model.canonical !== hSide.rs.model.canonical) {
      const br = ctx.catalog.rates(bSide.rs.model, { tier: cc.entryTier, date: cc.date, inputTokens: 0 });
      const hr = ctx.catalog.rates(hSide.rs.model, { tier: cc.entryTier, date: cc.date, inputTokens: 0 });
      const ri = hr.input / br.input;
      const ro = hr.output / br.output;
      const price =
        Math.abs(ri - ro) < 0.005 ? `${ratioText(ri)} price` : `${ratioText(ri)} input, ${ratioText(ro)} output price`;
      const family =
        bSide.rs.model.family !== hSide.rs.model.family ? `; ${hSide.rs.model.family} tokenizer and cache rule` : '';
      const inherited = h.inheritsModel ? ', inherited' : '';
      models.push({
        change: {
          kind: 'model',
          ...loc(h.inheritsModel ? (headSpec.agents.find((a) => a.subAgents.includes(h.name)) ?? h) : h, 'model'),
          summary: `${label(h.name)}model ${bSide.rs.model.canonical} → ${hSide.rs.model.canonical} (${price}${family}${inherited})`,
          monthlyEffect: 0,
        },
        apply: () => (take.model = true),
      });
    }
    for (const key of new Set([...Object.keys(b.settings), ...Object.keys(h.settings)])) {
      if (b.settings[key] === h.settings[key]) continue;
      free.push({
        kind: 'agent',
        ...loc(h, key),
        summary: `${label(h.name)}${key} ${b.settings[key] ?? 'unset'} → ${h.settings[key] ?? 'unset'} (not replayable from the definition: recorded calls are kept as they are)`,
        monthlyEffect: 0,
      });
    }
  }
  for (const h of headSpec.agents) {
    const baseName = h.name === headSpec.root ? baseSpec.root : h.name;
    if (baseSpec.agents.some((a) => a.name === baseName)) continue;
    const parent = headSpec.agents.find((a) => a.subAgents.includes(h.name));
    const side = p.head.sides.get(h.name)!;
    let cost = '';
    try {
      const shape = staticLoopShape(side, p.baseIn.feature, cc.fw);
      const run = staticRun(
        { ...headSpec, staticLoops: [{ agent: h.name }] },
        p.head.sides,
        p.baseIn.feature,
        cc.fw,
        ctx.counter,
      );
      cost = `; one invocation of ${shape.turns} turn(s) would cost ${usd(run.result.cost)}`;
    } catch {
      // No turns or output figure to build a static loop from: the note says it is not priced.
    }
    free.push({
      kind: 'agent',
      ...loc(parent ?? h, 'sub_agents'),
      summary: `sub-agent ${h.name} added (${side.rs.model.canonical}): no recorded calls yet, so it is not priced until traffic records it${cost}`,
      monthlyEffect: 0,
    });
  }

  let prev = base.monthly;
  const staged = [...instr, ...tools, ...caps, ...turns, ...removed, ...models];
  for (const s of staged) {
    s.apply();
    const m = p.monthly();
    s.change.monthlyEffect = m - prev;
    // Tokens that land in a cached prefix cost the cached rate: say so when that is visible.
    const u = s.uncached;
    if (
      u !== undefined &&
      u !== 0 &&
      Math.sign(s.change.monthlyEffect) === Math.sign(u) &&
      Math.abs(s.change.monthlyEffect) < Math.abs(u) * 0.99
    ) {
      s.change.summary += ', partly cached';
    }
    prev = m;
    out.push(s.change);
  }
  // Pricing dates and rounding between stages land on the last priced change.
  const residual = head.monthly - prev;
  const tasks = taskEdits(baseSpec, headSpec);
  if (tasks) {
    // Task texts (CrewAI tasks.yaml) are no stage of their own: what the stages leave is theirs.
    out.push({ kind: 'agent', ...tasks, monthlyEffect: residual });
  } else if (Math.abs(residual) > 1e-9) {
    if (staged.length) staged[staged.length - 1].change.monthlyEffect += residual;
    else
      out.push({
        kind: 'agent',
        file: headSpec.agents[0].file,
        line: null,
        summary: 'other edits of the agent definition',
        monthlyEffect: residual,
      });
  }
  out.push(...free);
  return out;
}
