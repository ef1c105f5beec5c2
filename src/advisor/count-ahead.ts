/**
 * Counting ahead of the routing replays. A candidate with another tokenizer than the feature's
 * (a Gemini model for a GPT feature) counts every text the feature sends again, in its own
 * encoding: on the main thread alone that was most of `suggest` on the benchmark. Here the texts
 * of the next feature are queued on the token counter's worker while the main thread replays the
 * current one, and the main thread joins in on what is left just before it needs them. Counts
 * are the same on either thread; a text already memoised (the feature's own encoding, counted by
 * the estimate) is not queued again.
 */
import { featureTexts, type DiffFeatureInput } from '../diff/index.js';
import type { EstimateContext, FeatureInput } from '../estimate/index.js';
import type { MergedFeature } from '../config/index.js';
import { PARALLEL_MIN_SAMPLES, tokenizerFor, type QueuedCounts } from '../tokenize/index.js';
import type { Encoding, Position, ResolvedModel } from '../types.js';

/** One feature to count ahead: its loaded input and the candidates its routing will replay. */
export interface CountPlan {
  input: FeatureInput;
  candidates: () => readonly ResolvedModel[];
}

/** Queues each feature's texts in its candidates' encodings one feature ahead of its routing. */
export class CandidateCountAhead {
  private readonly queued = new Map<number, QueuedCounts[]>();
  private readonly started: boolean;

  constructor(
    private readonly plans: readonly CountPlan[],
    private readonly ctx: EstimateContext,
    private readonly where: { date: Date; configFile: string; positions: Record<string, Position> },
    workers: number | undefined,
  ) {
    const samples = plans.reduce((n, p) => n + (p.input.traffic?.samples.length ?? 0), 0);
    this.started = workers !== 0 && samples >= PARALLEL_MIN_SAMPLES;
    if (this.started) ctx.counter.prepare({ workers });
  }

  /** Before routing feature `i`: the next one is queued, and `i`'s texts are counted (joined). */
  async before(i: number): Promise<void> {
    if (!this.started) return;
    this.queue(i);
    this.queue(i + 1);
    for (const q of this.queued.get(i) ?? []) await q.join();
    this.queued.delete(i);
  }

  private queue(i: number): void {
    const plan = this.plans[i];
    if (!plan || this.queued.has(i)) return;
    const { input } = plan;
    const encodings = new Set<Encoding>();
    for (const m of plan.candidates()) encodings.add(tokenizerFor(m.family, m.canonical, m.tokenizer).encoding);
    const texts = new Set<string>();
    if (input.traffic && encodings.size) {
      const as: DiffFeatureInput = {
        merged: { entry: input.feature } as MergedFeature,
        baseSite: input.agent ? null : input.site,
        headSite: null,
        traffic: input.traffic,
        ...(input.agent ? { baseAgent: input.agent } : {}),
      };
      const { date, configFile, positions } = this.where;
      for (const set of featureTexts(
        as,
        this.ctx,
        { base: date, head: date },
        { file: configFile, positions },
      ).values())
        for (const t of set) texts.add(t);
    }
    this.queued.set(
      i,
      [...encodings].map((e) => this.ctx.counter.queue(texts, e)),
    );
  }
}
