/**
 * Counting ahead. As soon as a feature is loaded, the distinct message texts its samples send at
 * base and at head are queued on the token counter's worker thread, which counts them while the
 * main thread goes on reading the repository and replaying earlier features; before the feature
 * is replayed, the main thread joins in on whatever is left. So both cores stay busy from the
 * first feature read to the last one replayed. Counts are the same wherever they are made: the
 * replay reads the memo, or counts a text itself when it is not there.
 */

import { agentSides, type FeatureWhere } from '../estimate/index.js';
import { runsOf } from '../estimate/index.js';
import { replaySiteFor, type EstimateContext } from '../estimate/index.js';
import { releaseRenders, renderedMessages } from '../estimate/index.js';
import type { QueuedCounts } from '../tokenize/index.js';
import type { AgentSpec, CallSite, Encoding, Sample } from '../types.js';
import type { DiffFeatureInput } from '../load/index.js';
import type { ConfigWhere } from './types.js';

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
function promptSite(
  input: DiffFeatureInput,
  site: CallSite | null,
  ctx: EstimateContext,
  date: Date,
  where: ConfigWhere,
): CountingSite | null {
  if (!site) return null;
  try {
    const rs = replaySiteFor(
      { feature: input.merged.entry, site, traffic: input.traffic },
      ctx,
      date,
      where.file,
      where.positions,
    );
    return { site, encoding: rs.tokenizer.encoding };
  } catch {
    return null;
  }
}

/** An agent feature's agents at one revision, by name; empty when they cannot be resolved. */
function agentSitesOf(
  input: DiffFeatureInput,
  spec: AgentSpec | null | undefined,
  ctx: EstimateContext,
  date: Date,
  where: FeatureWhere,
): Map<string, CountingSite> {
  const out = new Map<string, CountingSite>();
  if (!spec) return out;
  try {
    for (const [name, side] of agentSides(spec, input.merged.entry, ctx, date, where))
      out.set(name, { site: side.rs.site, encoding: side.rs.tokenizer.encoding });
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
export function featureTexts(
  input: DiffFeatureInput,
  ctx: EstimateContext,
  dates: { base: Date; head: Date },
  where: ConfigWhere,
): TextsByEncoding {
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
    const sides = [
      agentSitesOf(input, input.baseAgent, ctx, dates.base, fw),
      agentSitesOf(input, input.headAgent, ctx, dates.head, fw),
    ];
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
  const sites = [
    promptSite(input, input.baseSite, ctx, dates.base, where),
    promptSite(input, input.headSite, ctx, dates.head, where),
  ].filter((s): s is CountingSite => s !== null);
  for (const sample of traffic.samples) {
    if (sample.feature !== undefined && sample.feature !== id) continue;
    for (const s of sites) addSample(out, s, sample);
  }
  return out;
}

/**
 * Queues a feature's texts for counting ahead of its replay (see the module comment): the worker
 * starts on them at once; `join` has the main thread count what is left and resolves when every
 * count is in the memo. Never rejects on a count (a worker that fails hands its share back to the
 * main thread).
 */
export function queueFeature(
  input: DiffFeatureInput,
  ctx: EstimateContext,
  dates: { base: Date; head: Date },
  where: ConfigWhere,
): QueuedCounts {
  const batches: QueuedCounts[] = [];
  for (const [encoding, texts] of featureTexts(input, ctx, dates, where))
    batches.push(ctx.counter.queue(texts, encoding));
  return {
    chars: batches.reduce((n, b) => n + b.chars, 0),
    join: async () => {
      for (const b of batches) await b.join();
    },
    taken: Promise.all(batches.map((b) => b.taken)).then(() => undefined),
  };
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

/**
 * Characters of queued texts the count may run ahead of the replay: half the counter's memo
 * budget (256 MiB of UTF-16), so that the memo never drops a queued count before its feature is
 * replayed (it drops the oldest entries, which are those of features already replayed).
 */
export const AHEAD_MAX_CHARS = 64 * 1024 * 1024;

/**
 * Counting ahead of the replay, in load order: features are added as they are loaded and queued
 * on the worker while their texts fit the budget ahead; the replay calls `before` (the main
 * thread joins in on the feature's count) and `after` (its budget frees up for the next ones).
 * Until `start`, features only wait: a run too small for the worker never starts one.
 */
export class CountAhead {
  private readonly waiting: DiffFeatureInput[] = [];
  private readonly queued = new Map<DiffFeatureInput, QueuedCounts>();
  private ahead = 0;
  private started = false;

  constructor(
    private readonly context: () => { ctx: EstimateContext; dates: { base: Date; head: Date }; where: ConfigWhere },
    private readonly maxChars = AHEAD_MAX_CHARS,
  ) {}

  /** A feature is loaded. */
  add(input: DiffFeatureInput): void {
    this.waiting.push(input);
    this.pump();
  }

  /** Queue features from now on (the caller has started the counter's worker). */
  start(): void {
    this.started = true;
    this.pump();
  }

  /** Before replaying `input`: its count is queued (now, if it was waiting) and joined. */
  async before(input: DiffFeatureInput): Promise<void> {
    if (!this.started) return;
    while (!this.queued.has(input) && this.waiting.length) this.queueNext();
    await this.queued.get(input)?.join();
  }

  /**
   * Settles when the worker has taken every text queued for `input` (at once when it was not
   * queued): a replay that waits for this first leaves the worker's share to the worker.
   */
  taken(input: DiffFeatureInput): Promise<void> {
    return this.queued.get(input)?.taken ?? Promise.resolve();
  }

  /** After replaying `input`: its texts no longer count against the budget. */
  after(input: DiffFeatureInput): void {
    const q = this.queued.get(input);
    if (q) this.ahead -= q.chars;
    this.queued.delete(input);
    this.pump();
  }

  private pump(): void {
    while (this.started && this.waiting.length && this.ahead < this.maxChars) this.queueNext();
  }

  private queueNext(): void {
    const input = this.waiting.shift()!;
    const { ctx, dates, where } = this.context();
    const q = queueFeature(input, ctx, dates, where);
    this.ahead += q.chars;
    this.queued.set(input, q);
  }
}
