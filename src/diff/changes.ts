import type { EstimateContext } from '../estimate/index.js';
import { staticSample, type ReplaySite } from '../estimate/index.js';
import type { FeatureEstimate } from '../estimate/index.js';
import { weightedMean } from '../stats/index.js';
import { grouped } from '../text/index.js';
import type { CallSite, FeatureConfig, TrafficSet } from '../types.js';
import { replayAll } from './pair.js';
import { ratioText, signed } from './agent-text.js';

/** One semantic change of a feature with its share of the monthly delta. */
export interface FeatureChange {
  kind: 'model' | 'prompt' | 'params' | 'tools' | 'agent' | 'traffic' | 'config' | 'reasoning';
  file: string;
  line: number | null;
  summary: string;
  monthlyEffect: number;
}

export interface ChangeInputs {
  entry: FeatureConfig;
  baseSite: CallSite;
  headSite: CallSite;
  baseRs: ReplaySite;
  headRs: ReplaySite;
  base: FeatureEstimate;
  head: FeatureEstimate;
  traffic: TrafficSet | null;
  ctx: EstimateContext;
  basePrompt: string;
  headPrompt: string;
  /** The head's pricing date: the price ratio of a model swap is read at it, like the head's cost. */
  date: Date;
}

/** Tokens of a template's own text (variables left as written), counted with the revision's tokenizer. */
function templateTokens(text: string, rs: ReplaySite, ctx: EstimateContext): number {
  return ctx.counter.countText(text, rs.tokenizer);
}

/** A hybrid revision: `inputs` from one site (messages, tools, schema), model and caps from another. */
function hybrid(
  inputsFrom: ReplaySite,
  modelFrom: ReplaySite,
  maxTokens: number | undefined,
  ctx: EstimateContext,
): ReplaySite {
  const site = inputsFrom.site;
  let fixed = 0;
  if (site.tools.length) fixed += ctx.counter.countTools(site.tools, modelFrom.tokenizer);
  if (site.responseSchema) fixed += ctx.counter.countText(site.responseSchema, modelFrom.tokenizer);
  return { ...modelFrom, site, fixedTokens: fixed, maxTokens };
}

/** Monthly cost of a variant of the revision, replayed against base on the same samples. */
function monthlyOf(variant: ReplaySite, inp: ChangeInputs): number {
  const { base, traffic, ctx, entry } = inp;
  if (traffic) {
    const results = replayAll(inp.baseRs, variant, traffic, base.results, entry.id, ctx);
    return (
      weightedMean(
        results.map((r) => r.cost),
        results.map((r) => r.weight),
      ) * base.requestsPerMonth
    );
  }
  const out = entry.typicalOutputTokens ?? variant.maxTokens ?? 0;
  const rows = variant.site.testData.length ? variant.site.testData : [Object.create(null) as Record<string, unknown>];
  const costs = rows.map((row, i) => staticSample(variant, row, out, ctx.counter, String(i)).cost);
  return (costs.reduce((a, b) => a + b, 0) / costs.length) * base.requestsPerMonth;
}

/**
 * The semantic change list of a feature: model swap with its price ratio, prompt messages ±N
 * tokens, tools, response schema, max output tokens, reasoning settings and a moved prompt file.
 * Monthly effects are attributed in stages on the same samples — first what the PR sends
 * (messages, tools, schema) on the base model, then the output cap, then the model — so they add
 * up to the feature's delta; within the first stage in proportion to each change's token delta.
 */
export function listChanges(inp: ChangeInputs): FeatureChange[] {
  const { baseSite: b, headSite: h, baseRs, headRs, ctx } = inp;
  const file = h.file;
  const inputChanges: { change: FeatureChange; tokens: number }[] = [];

  const n = Math.max(b.messages.length, h.messages.length);
  for (let i = 0; i < n; i++) {
    const bm = b.messages[i];
    const hm = h.messages[i];
    if (bm && hm && bm.template === hm.template && bm.role === hm.role) continue;
    const bt = bm ? templateTokens(bm.template, baseRs, ctx) : 0;
    const ht = hm ? templateTokens(hm.template, baseRs, ctx) : 0;
    const role = (hm ?? bm).role;
    const what = !bm
      ? `new ${role} message (${grouped(ht)} tokens)`
      : !hm
        ? `${role} message removed (${signed(-bt)} tokens)`
        : `${role} message ${signed(ht - bt)} tokens (${grouped(bt)} → ${grouped(ht)})`;
    inputChanges.push({
      change: {
        kind: 'prompt',
        file: hm ? file : b.file,
        line: hm?.line ?? bm?.line ?? null,
        summary: what,
        monthlyEffect: 0,
      },
      tokens: ht - bt + (!bm ? 3 : !hm ? -3 : 0),
    });
  }

  const bTools = new Map(b.tools.map((t) => [t.name, t]));
  const hTools = new Map(h.tools.map((t) => [t.name, t]));
  const added = [...hTools.keys()].filter((k) => !bTools.has(k));
  const removed = [...bTools.keys()].filter((k) => !hTools.has(k));
  if (added.length || removed.length || JSON.stringify(b.tools) !== JSON.stringify(h.tools)) {
    const bt = b.tools.length ? ctx.counter.countTools(b.tools, baseRs.tokenizer) : 0;
    const ht = h.tools.length ? ctx.counter.countTools(h.tools, baseRs.tokenizer) : 0;
    const parts: string[] = [];
    if (added.length) parts.push(`added ${added.join(', ')}`);
    if (removed.length) parts.push(`removed ${removed.join(', ')}`);
    if (!parts.length) parts.push('definitions edited');
    inputChanges.push({
      change: {
        kind: 'tools',
        file,
        line: h.lines.tools ?? null,
        summary: `tools ${parts.join('; ')}: ${signed(ht - bt)} tokens per call`,
        monthlyEffect: 0,
      },
      tokens: ht - bt,
    });
  }

  if ((b.responseSchema ?? '') !== (h.responseSchema ?? '') || b.params.responseFormat !== h.params.responseFormat) {
    const bt = b.responseSchema ? ctx.counter.countText(b.responseSchema, baseRs.tokenizer) : 0;
    const ht = h.responseSchema ? ctx.counter.countText(h.responseSchema, baseRs.tokenizer) : 0;
    const fmt =
      b.params.responseFormat !== h.params.responseFormat
        ? `response format ${b.params.responseFormat ?? 'text'} → ${h.params.responseFormat ?? 'text'}; `
        : '';
    inputChanges.push({
      change: {
        kind: 'params',
        file,
        line: h.lines.jsonSchema ?? h.lines.responseFormat ?? null,
        summary: `${fmt}response schema ${signed(ht - bt)} tokens`,
        monthlyEffect: 0,
      },
      tokens: ht - bt,
    });
  }

  const out: FeatureChange[] = [];
  if (inp.basePrompt !== inp.headPrompt) {
    out.push({
      kind: 'config',
      file: inp.headPrompt,
      line: null,
      summary: `prompt file ${inp.basePrompt} → ${inp.headPrompt}`,
      monthlyEffect: 0,
    });
  }

  // Stage 0 → 1: what the PR sends, on the base model and cap.
  const m0 = inp.base.monthly;
  const s1 = hybrid(headRs, baseRs, baseRs.maxTokens, ctx);
  const m1 = inputChanges.length ? monthlyOf(s1, inp) : m0;
  const sumTokens = inputChanges.reduce((a, c) => a + c.tokens, 0);
  inputChanges.forEach((c, i) => {
    c.change.monthlyEffect = sumTokens !== 0 ? ((m1 - m0) * c.tokens) / sumTokens : i === 0 ? m1 - m0 : 0;
    out.push(c.change);
  });

  // Stage 1 → 2: the output cap.
  let m2 = m1;
  if (baseRs.maxTokens !== headRs.maxTokens) {
    const s2 = hybrid(headRs, baseRs, headRs.maxTokens, ctx);
    m2 = monthlyOf(s2, inp);
    const share = inp.base.outputCapShare;
    const capNote =
      headRs.maxTokens !== undefined && baseRs.maxTokens !== undefined && headRs.maxTokens > baseRs.maxTokens && share
        ? `; ${(share * 100).toFixed(1)}% of recorded outputs hit the old cap, so the increase may be larger`
        : '';
    out.push({
      kind: 'params',
      file,
      line: h.lines.maxTokens ?? null,
      summary: `max output tokens ${baseRs.maxTokens ?? 'unset'} → ${headRs.maxTokens ?? 'unset'}${capNote}`,
      monthlyEffect: m2 - m1,
    });
  }

  // Stage 2 → 3: the model (and with it tokenizer, prices and cache rule).
  if (baseRs.model.canonical !== headRs.model.canonical) {
    const date = inp.date;
    const br = ctx.catalog.rates(baseRs.model, { tier: inp.entry.tier, date, inputTokens: 0 });
    const hr = ctx.catalog.rates(headRs.model, { tier: inp.entry.tier, date, inputTokens: 0 });
    const ri = hr.input / br.input;
    const ro = hr.output / br.output;
    const price =
      Math.abs(ri - ro) < 0.005 ? `${ratioText(ri)} price` : `${ratioText(ri)} input, ${ratioText(ro)} output price`;
    const family =
      baseRs.model.family !== headRs.model.family ? `; ${headRs.model.family} tokenizer and cache rule` : '';
    out.push({
      kind: 'model',
      file,
      line: h.lines.model ?? null,
      summary: `model ${baseRs.model.canonical} → ${headRs.model.canonical} (${price}${family})`,
      monthlyEffect: inp.head.monthly - m2,
    });
  } else if (Math.abs(inp.head.monthly - m2) > 1e-9 && out.length) {
    // Rounding between stages (cache steps) lands on the last change.
    out[out.length - 1].monthlyEffect += inp.head.monthly - m2;
  }
  if (baseRs.model.canonical === headRs.model.canonical && baseRs.model.requested !== headRs.model.requested) {
    // A new name for the same priced model (an alias or a deployment name): shown as written.
    out.push({
      kind: 'model',
      file,
      line: h.lines.model ?? null,
      summary: `model id ${baseRs.model.requested} → ${headRs.model.requested} (both priced as ${headRs.model.canonical})`,
      monthlyEffect: 0,
    });
  }

  if (b.params.reasoningEffort !== h.params.reasoningEffort) {
    out.push({
      kind: 'reasoning',
      file,
      line: h.lines.reasoningEffort ?? null,
      summary: `reasoning effort ${b.params.reasoningEffort ?? 'default'} → ${h.params.reasoningEffort ?? 'default'} (not replayable from text: reasoning tokens are taken as recorded)`,
      monthlyEffect: 0,
    });
  }
  return out;
}
