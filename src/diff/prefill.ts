/**
 * Counting ahead. Before a feature is replayed, the distinct message texts its samples send at
 * base and at head are handed to the token counter's prefill, which counts them on a worker
 * thread and the main thread together and memoises the counts. The pipeline starts the next
 * feature's prefill and then replays the current one (whose counts are in), so both cores stay
 * busy. Counts are the same wherever they are made: the replay reads the memo, or counts a text
 * itself when its prefill has not come back yet.
 */

import { agentSides, type FeatureWhere } from '../estimate/agent-site.js';
import { runsOf } from '../estimate/agent-estimate.js';
import { replaySiteFor, type EstimateContext } from '../estimate/estimate.js';
import { releaseRenders, renderedMessages } from '../estimate/replay.js';
import type { AgentSpec, CallSite, Encoding, Sample } from '../types.js';
import type { ConfigWhere, DiffFeatureInput } from './diff.js';

/** Distinct texts to count, per encoding. */
export type TextsByEncoding = Map<Encoding, Set<string>>;

/** One revision's call description as far as counting goes: which template, which encoding. */
interface CountingSite {
  site: CallSite;
  encoding: Encoding;
}

/** Adds the texts one sample sends through one site. */
function addSample(out: TextsByEncoding, s: CountingSite, sample: Sample): void {
  const m = renderedMessages(s.site, sample);
  if (!m) return;
  let set = out.get(s.encoding);
  if (!set) out.set(s.encoding, (set = new Set()));
  for (const msg of m.messages) {
    if (msg.content) set.add(msg.content);
    if (msg.name) set.add(msg.name);
  }
}

/** A prompt feature's site at one revision; null when it cannot be resolved (the replay reports why). */
function promptSite(input: DiffFeatureInput, site: CallSite | null, ctx: EstimateContext, date: Date, where: ConfigWhere): CountingSite | null {
  if (!site) return null;
  try {
    const rs = replaySiteFor({ feature: input.merged.entry, site, traffic: input.traffic }, ctx, date, where.file, where.positions);
    return { site, encoding: rs.tokenizer.encoding };
  } catch {
    return null;
  }
}

/** An agent feature's agents at one revision, by name; empty when they cannot be resolved. */
function agentSitesOf(input: DiffFeatureInput, spec: AgentSpec | null | undefined, ctx: EstimateContext, date: Date, where: FeatureWhere): Map<string, CountingSite> {
  const out = new Map<string, CountingSite>();
  if (!spec) return out;
  try {
    for (const [name, side] of agentSides(spec, input.merged.entry, ctx, date, where)) out.set(name, { site: side.rs.site, encoding: side.rs.tokenizer.encoding });
  } catch {
    out.clear();
  }
  return out;
}

/**
 * The distinct texts a feature's samples send at base and at head (message contents and names),
 * by encoding. Sites that cannot be resolved (unknown model, missing artifact) contribute
 * nothing: the replay itself raises or reports those.
 */
export function featureTexts(input: DiffFeatureInput, ctx: EstimateContext, dates: { base: Date; head: Date }, where: ConfigWhere): TextsByEncoding {
  const out: TextsByEncoding = new Map();
  const traffic = input.traffic;
  if (!traffic || traffic.samples.length === 0) return out;
  const id = input.merged.entry.id;
  if (input.baseAgent !== undefined || input.headAgent !== undefined) {
    const fw: FeatureWhere = { configFile: where.file, positions: where.positions };
    const spec = input.headAgent ?? input.baseAgent;
    if (!spec) return out;
    let traces;
    try {
      traces = runsOf({ feature: input.merged.entry, site: spec.agents[0].site, traffic, agent: spec }).traces;
    } catch {
      return out;
    }
    const sides = [agentSitesOf(input, input.baseAgent, ctx, dates.base, fw), agentSitesOf(input, input.headAgent, ctx, dates.head, fw)];
    for (const t of traces)
      for (const c of t.calls) {
        if (c.agent === null) continue;
        for (const s of sides) {
          const site = s.get(c.agent);
          if (site) addSample(out, site, c.sample);
        }
      }
    return out;
  }
  const sites = [promptSite(input, input.baseSite, ctx, dates.base, where), promptSite(input, input.headSite, ctx, dates.head, where)].filter((s): s is CountingSite => s !== null);
  for (const sample of traffic.samples) {
    if (sample.feature !== undefined && sample.feature !== id) continue;
    for (const s of sites) addSample(out, s, sample);
  }
  return out;
}

/**
 * Starts counting a feature's texts ahead of its replay (see the module comment). Resolves when
 * every count is in the memo; never rejects on a count (a worker that fails hands its share back
 * to the main thread).
 */
export function prefillFeature(input: DiffFeatureInput, ctx: EstimateContext, dates: { base: Date; head: Date }, where: ConfigWhere): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const [encoding, texts] of featureTexts(input, ctx, dates, where)) jobs.push(ctx.counter.prefill(texts, encoding));
  return Promise.all(jobs).then(() => undefined);
}

/** Every call site a feature's replay renders at: its artifact at both revisions, or its agents'. */
function sitesOf(input: DiffFeatureInput): CallSite[] {
  const out: CallSite[] = [];
  if (input.baseSite) out.push(input.baseSite);
  if (input.headSite) out.push(input.headSite);
  for (const spec of [input.baseAgent, input.headAgent]) for (const a of spec?.agents ?? []) out.push(a.site);
  return out;
}

/** Lets go of the renders kept for a feature's sites, once the feature is priced. */
export function releaseFeature(input: DiffFeatureInput): void {
  for (const site of sitesOf(input)) releaseRenders(site);
}
