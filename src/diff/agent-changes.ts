/**
 * An agent feature's change list with monthly effects attributed in stages on the same runs —
 * what every call sends (instructions, tools), output caps, loop limits, removed sub-agents, then
 * models — so the effects add up to the feature's delta.
 */

import type { FeatureChange } from './changes.js';
import {
  agentToolTokens,
  instructionsTokens,
  staticLoopShape,
  staticRun,
  turnsOf,
  type AgentSide,
  type EstimateContext,
  type FeatureEstimate,
  type FeatureInput,
  type FeatureWhere,
  type Trace,
} from '../estimate/index.js';
import type { AgentDefinition } from '../types.js';
import { num, pct, ratioText, signed, usd } from './agent-text.js';
import type { VariantPricer } from './agent-variant.js';
import { taskEdits } from './task-edits.js';
import { grouped } from '../text/index.js';

export interface ChangeContext {
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
export function agentChanges(
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
          summary: `${label(h.name)}instructions ${signed(ht - bt)} tokens (${grouped(bt)} → ${grouped(ht)}) ${perRun(b.name)}`,
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
