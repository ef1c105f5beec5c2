/**
 * Variants of an agent between base and head: which parts a variant takes from the head, the
 * definition that mixes them, and the monthly cost of a variant on the same recorded runs (or the
 * same static run). Staged change attribution walks these variants from base to head.
 */

import type { AgentDefinition, AgentSpec, CallSite } from '../types.js';
import {
  sideWith,
  staticRun,
  unknownAgentSide,
  type AgentRevision,
  type AgentSide,
  type EstimateContext,
  type FeatureInput,
  type FeatureWhere,
  type RunCalls,
  type Trace,
} from '../estimate/index.js';
import { weightedMean } from '../stats/index.js';
import { replayVariantRuns, type AgentVariant } from './agent-pair.js';

/** Which parts of an agent a variant takes from the head (false: from the base). */
export interface Take {
  instructions: boolean;
  tools: boolean;
  maxTokens: boolean;
  maxTurns: boolean;
  model: boolean;
  /** The agent is gone at the variant (a sub-agent the head removes). */
  gone: boolean;
}

export const NONE: Take = {
  instructions: false,
  tools: false,
  maxTokens: false,
  maxTurns: false,
  model: false,
  gone: false,
};

/** A definition with some parts from the base and some from the head. */
export function hybridDef(b: AgentDefinition, h: AgentDefinition, t: Take): AgentDefinition {
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

/** Prices variants between base and head on the same runs (or the same static run). */
export class VariantPricer {
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
