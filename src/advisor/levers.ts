/**
 * The advisor's levers other than routing, as {@link Suggestion}s: prompt caching
 * (caching.ts), the batch/flex tier (batch.ts) and the output cap (output-cap.ts), each fed from
 * the feature's replay at the trusted revision. Pure apart from the token encoder's memo.
 */
import { leadingStaticMessages, renderedMessages, type EstimateContext } from '../estimate/index.js';
import { encodeText } from '../tokenize/index.js';
import { batchAdvice, tierSubjectOf } from './batch.js';
import { cachingAdvice, type CacheSample } from './caching.js';
import { outputCapAdvice } from './output-cap.js';
import type { RoutingFeature } from './routing.js';
import type { Suggestion } from './types.js';
import { usd } from '../text/index.js';

/** Samples whose prompts are compared token by token for the stable prefix (the first ones, in sample order). */
export const CACHE_SAMPLES = 1000;

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The per-sample token ids of each rendered message, identical texts encoded once. A sample that
 * carries no text (usage only, e.g. an OpenTelemetry span without captured content) still sent the
 * template's leading static messages: those, then a token no other sample has for the rest.
 */
function cacheSamples(f: RoutingFeature): { samples: CacheSample[]; unrendered: number; lead: number } {
  const memo = new Map<string, number[]>();
  const enc = f.site.tokenizer.encoding;
  const ids = (text: string): number[] => {
    let t = memo.get(text);
    if (!t) memo.set(text, (t = encodeText(text, enc)));
    return t;
  };
  // Tools and the response schema are sent first and are the same in every request.
  const fixed: number[] = new Array<number>(f.site.fixedTokens).fill(-1);
  const samples: CacheSample[] = [];
  let unrendered = 0;
  let lead: number[][] | null = null;
  const own = f.traffic.samples.filter((s) => s.feature === undefined || s.feature === f.id);
  for (let i = 0; i < own.length && samples.length < CACHE_SAMPLES; i++) {
    const s = own[i];
    const m = renderedMessages(f.site.site, s);
    let messages: number[][];
    if (!m) {
      unrendered++;
      lead ??= leadingStaticMessages(f.site.site).map((x) => ids(`${x.role}\n${x.content ?? ''}`));
      messages = [...lead, [-2 - i]];
    } else {
      // A redacted message is never tokenised: a token no other sample has stands for it.
      messages = m.messages.map((x) => (x.content === null ? [-2 - i] : ids(`${x.role}\n${x.content}`)));
    }
    samples.push({
      messages: fixed.length ? [fixed, ...messages] : messages,
      ts: s.ts,
      cachedTokens: s.usage.cacheReadTokens,
    });
  }
  return { samples, unrendered, lead: lead?.length ?? 0 };
}

/** Prompt caching for a feature (its stable prefix, the provider's rule, the hit rate of the sample times). */
export function cachingSuggestion(f: RoutingFeature, ctx: EstimateContext, date: Date): Suggestion {
  const model = f.estimate.model;
  const { samples, unrendered, lead } = cacheSamples(f);
  const rates = ctx.catalog.rates(model, {
    tier: f.site.tier,
    date,
    inputTokens: Math.round(f.estimate.inputTokens.mean),
  });
  const advice = cachingAdvice({
    model: model.canonical,
    vendor: model.family,
    rates,
    requestsPerMonth: f.estimate.requestsPerMonth,
    samples,
  });
  const caveats = [...advice.notes];
  if (unrendered > 0)
    caveats.push(
      lead === 0
        ? `${unrendered} samples carry no text (usage only) and the template's first message depends on a variable: only the tools are known to be the same in them.`
        : `${unrendered} samples carry no text (usage only): each is taken to send what the template sends before its first variable (${lead} message${lead === 1 ? '' : 's'}), then content that differs.`,
    );
  if (f.traffic.samples.length > CACHE_SAMPLES)
    caveats.push(`The stable prefix and hit rate are measured on the first ${CACHE_SAMPLES} samples.`);
  if (f.site.tokenizer.encoding === 'gemma3') caveats.push('Token ids from o200k_base stand in for Gemma 3 ids.');
  if (!f.site.tokenizer.exact)
    caveats.push(`Tokens are ${f.site.tokenizer.encoding} counts, an estimate for ${model.canonical}.`);
  const plan =
    advice.reorder && (advice.reorder.monthlySaving ?? 0) > (advice.current.monthlySaving ?? 0)
      ? advice.reorder
      : advice.current;
  const saving = plan.monthlySaving;
  const base = f.estimate.monthly;
  let reason: string | null = null;
  if (!advice.rule) reason = `no known caching rule for ${model.canonical}`;
  else if (advice.alreadyCached) reason = 'caching is already on (recorded cache reads)';
  else if (saving === null) reason = 'the hit rate is unknown (samples carry no times)';
  else if (plan.cacheableTokens === 0)
    reason = `the stable prefix (${advice.current.stablePrefixTokens} tokens) is below the provider's minimum`;
  else if (saving <= 0) reason = 'cache writes would cost more than the hits save at this hit rate';
  const moved = plan === advice.reorder;
  return {
    kind: 'caching',
    feature: f.id,
    candidate: null,
    summary:
      saving !== null && saving > 0
        ? `${moved ? 'move the variable content after the stable part and ' : ''}cache ${plan.cacheableTokens} prompt tokens: saves ${usd(saving)}/mo`
        : `prompt caching: ${reason ?? 'nothing to save'}`,
    monthly: saving === null ? null : { base, candidate: base - saving, saving, ci95: null, band: null },
    eligible: reason === null,
    ineligible_reason: reason,
    evidence: null,
    caveats,
    details: {
      samples: advice.samples,
      stable_prefix_tokens: advice.current.stablePrefixTokens,
      cacheable_tokens: plan.cacheableTokens,
      movable_tokens: advice.reorder?.movableTokens ?? 0,
      min_tokens: advice.rule?.minTokens ?? null,
      step: advice.rule?.step ?? null,
      ttl_minutes: plan.ttlMinutes,
      hits: plan.hits,
      hit_rate: plan.hitRate === null ? null : round4(plan.hitRate),
      input_price: rates.input,
      cache_read_price: rates.cacheRead,
      cache_write_price: plan.ttlMinutes >= 60 ? rates.cacheWrite1h : rates.cacheWrite,
      requests_per_month: f.estimate.requestsPerMonth,
    },
  };
}

/** Monthly USD of the feature as it is, by direction (cache reads count as input). */
function monthlySplit(f: RoutingFeature): { input: number; output: number } {
  let w = 0;
  let input = 0;
  let output = 0;
  for (const r of f.estimate.results) {
    const c = f.site.price(r.usage, f.site.tier, r.ts);
    input += c.input * r.weight;
    output += c.output * r.weight;
    w += r.weight;
  }
  const rpm = f.estimate.requestsPerMonth;
  return w > 0 ? { input: (input / w) * rpm, output: (output / w) * rpm } : { input: 0, output: 0 };
}

/** The batch/flex tier for a `latency: async` feature; an ineligible suggestion says why otherwise. */
export function batchSuggestion(f: RoutingFeature, latency: 'interactive' | 'async' | undefined): Suggestion {
  const advice = batchAdvice({
    latency,
    tier: f.site.tier,
    subject: tierSubjectOf(f.estimate.model),
    monthly: monthlySplit(f),
  });
  const best = advice.options[0];
  const base = f.estimate.monthly;
  return {
    kind: 'batch',
    feature: f.id,
    candidate: best?.tier ?? null,
    summary: best ? `${best.tier} tier: saves ${usd(best.monthlySaving)}/mo` : `batch/flex: ${advice.reason ?? ''}`,
    monthly: best ? { base, candidate: best.monthly, saving: best.monthlySaving, ci95: null, band: null } : null,
    eligible: advice.eligible,
    ineligible_reason: advice.reason,
    evidence: null,
    caveats: best ? ['Batch and flex answer minutes to hours later (flex may be refused under load).'] : [],
    details: Object.fromEntries(advice.options.map((o) => [`${o.tier}_monthly`, o.monthly])),
  };
}

/** The output cap: nothing to save when no answer nears it; the retry cost of truncation when many hit it. */
export function outputCapSuggestion(f: RoutingFeature, ctx: EstimateContext, date: Date): Suggestion {
  const own = f.traffic.samples.filter((s) => s.feature === undefined || s.feature === f.id);
  const rates = ctx.catalog.rates(f.estimate.model, {
    tier: f.site.tier,
    date,
    inputTokens: Math.round(f.estimate.inputTokens.mean),
  });
  const advice = outputCapAdvice({
    maxTokens: f.site.maxTokens,
    outputs: own.map((s) => s.usage.outputTokens),
    finishReasons: own.map((s) => s.finishReason),
    requestsPerMonth: f.estimate.requestsPerMonth,
    costPerRequest: f.estimate.perRequest.mean,
    outputUsdPerToken: rates.output / 1e6,
  });
  const base = f.estimate.monthly;
  const truncating = advice.verdict === 'truncating';
  return {
    kind: 'output-cap',
    feature: f.id,
    candidate: null,
    summary: truncating
      ? `max_tokens ${f.site.maxTokens}: ${advice.truncated} of ${advice.samples} answers cut; retries cost ${usd(advice.retryCostMonthly)}/mo, raising the cap at most ${usd(advice.raiseCostMonthly)}/mo`
      : `output cap: ${advice.notes[0] ?? 'nothing to save'}`,
    // Raising the cap trades the retry cost for the extra output: its saving is the difference.
    monthly: truncating
      ? {
          base,
          candidate: base - advice.retryCostMonthly + advice.raiseCostMonthly,
          saving: advice.retryCostMonthly - advice.raiseCostMonthly,
          ci95: null,
          band: null,
        }
      : null,
    eligible: truncating && advice.retryCostMonthly > advice.raiseCostMonthly,
    ineligible_reason: truncating
      ? advice.retryCostMonthly > advice.raiseCostMonthly
        ? null
        : 'raising the cap could cost more than the retries it avoids'
      : 'nothing to save',
    evidence: null,
    caveats: advice.notes,
    details: {
      max_tokens: f.site.maxTokens ?? null,
      samples: advice.samples,
      truncated: advice.truncated,
      near_cap: advice.near,
      largest_output: advice.largestOutput,
      retry_cost_monthly: advice.retryCostMonthly,
      raise_cost_monthly: advice.raiseCostMonthly,
    },
  };
}
