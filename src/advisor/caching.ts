/**
 * Prompt caching for one feature, from its replayed samples: how much of the rendered prompt is
 * the same in every sample (the stable prefix), what the provider's cache rule makes of it, how
 * often the recorded timestamps would hit a live cache, and what that saves per month.
 *
 * `cachingAdvice(input: CachingInput): CachingAdvice` — pure.
 * - Input: `model` (catalog id), `vendor` (`familyOf` of the model: `openai`, `anthropic`,
 *   `google`, …), `rates` (USD per 1M tokens after tier and discount: `input`, `cacheRead`,
 *   `cacheWrite` (5 min), `cacheWrite1h`), `requestsPerMonth`, and `samples[]`, each with the token
 *   ids of every message of its rendered prompt in the order sent (`messages: number[][]`), its
 *   time (`ts`, epoch ms) and the cache-read tokens its recorded usage shows (`cachedTokens`).
 * - Output: see {@link CachingAdvice}.
 *
 * Rules (reference/pricing-and-tokens.md §1.1):
 * - OpenAI: automatic, no write fee, prompts of ≥1,024 tokens, hits in 128-token steps, read at the
 *   catalog's cached-input price; entries are cleared after 5–10 min idle (5 min assumed).
 * - Anthropic: explicit `cache_control` breakpoint, minimum 1,024 tokens (Sonnet/Opus) or 2,048
 *   (Haiku); a write costs 1.25× input with a 5 min TTL or 2× with 1 h; a read 0.1× (catalog price).
 *   The TTL of the two that saves more is chosen.
 * - Gemini: implicit caching (2.5+), minimum 1,024 tokens (Flash) or 4,096 (Pro), read at the
 *   catalog's price, no write fee; the lifetime is not documented (5 min assumed).
 *
 * Hit model (an assumption, stated in every result): one cache per feature; a sample hits when the
 * feature's previous sample came within the TTL. Samples are often a subset of the traffic, so
 * real gaps are shorter and the hit rate is a lower bound.
 */

/** One replayed sample as the cache sees it. */
export interface CacheSample {
  /** Token ids of each message of the rendered prompt (tools and system first, as sent). */
  messages: readonly (readonly number[])[];
  /** When the request was made, epoch ms; undefined when the record has no time. */
  ts?: number;
  /** Cache-read input tokens in the recorded usage; undefined when the record has no usage. */
  cachedTokens?: number;
}

/** USD per 1M tokens, service tier and discount applied (catalog `ModelRates`). */
export interface CacheRates {
  input: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
}

export interface CachingInput {
  /** Catalog id, e.g. `openai/gpt-4.1`. */
  model: string;
  /** Whose cache rule applies: `openai`, `anthropic`, `google`; others have no known rule. */
  vendor: string;
  rates: CacheRates;
  requestsPerMonth: number;
  samples: readonly CacheSample[];
}

/** A provider's caching rule for one model. */
export interface CacheRule {
  vendor: 'openai' | 'anthropic' | 'google';
  activation: 'automatic' | 'explicit' | 'implicit';
  /** Fewest prefix tokens that can be cached. */
  minTokens: number;
  /** Cached lengths grow in steps of this many tokens above the minimum (1 = any length). */
  step: number;
  /** Lifetimes offered, minutes, with the write price multiple of each (0 = no write fee). */
  ttls: { minutes: number; writeMultiplier: number }[];
}

/** What caching the stable part of the prompt would save. */
export interface CachePlan {
  /** Tokens at the start of every sample's prompt that are the same. */
  stablePrefixTokens: number;
  /** The part the rule can cache (0 below the minimum). */
  cacheableTokens: number;
  /** The TTL the figures use (minutes). */
  ttlMinutes: number;
  /** Samples that would hit: the previous sample was within the TTL. */
  hits: number;
  /** hits ÷ timed samples; null without at least two timed samples. */
  hitRate: number | null;
  /** USD per request on average: hits save (input − read), misses pay (write − input) for writes. */
  savingPerRequest: number | null;
  /** × requestsPerMonth; null when the hit rate is unknown. */
  monthlySaving: number | null;
}

export interface CachingAdvice {
  model: string;
  /** Null when aicost knows no caching rule for the vendor. */
  rule: CacheRule | null;
  /** Samples compared and samples with a time. */
  samples: number;
  timedSamples: number;
  /** Some recorded usage already shows cache reads: the saving is already in the invoice (0). */
  alreadyCached: boolean;
  /** Caching the prompt as it is now. */
  current: CachePlan;
  /**
   * Variable content sits before stable content (the prefix breaks early): what moving the stable
   * parts (the same tail of the first differing message and every later message that is the same
   * in all samples) in front of the variables would make cacheable. Null when nothing would move.
   */
  reorder: (CachePlan & { movableTokens: number }) | null;
  /** Assumptions and reasons, one sentence each. */
  notes: string[];
}

const OPENAI_TTL_MINUTES = 5;
const GEMINI_TTL_MINUTES = 5;
const PER_MILLION = 1_000_000;

/** The caching rule of `model` sold by `vendor`, or null when none is known. */
export function cacheRule(vendor: string, model: string): CacheRule | null {
  const name = model.toLowerCase();
  if (vendor === 'openai')
    return {
      vendor,
      activation: 'automatic',
      minTokens: 1024,
      step: 128,
      ttls: [{ minutes: OPENAI_TTL_MINUTES, writeMultiplier: 0 }],
    };
  if (vendor === 'anthropic')
    return {
      vendor,
      activation: 'explicit',
      minTokens: /haiku/.test(name) ? 2048 : 1024,
      step: 1,
      ttls: [
        { minutes: 5, writeMultiplier: 1.25 },
        { minutes: 60, writeMultiplier: 2 },
      ],
    };
  if (vendor === 'google')
    return {
      vendor,
      activation: 'implicit',
      minTokens: /pro/.test(name) ? 4096 : 1024,
      step: 1,
      ttls: [{ minutes: GEMINI_TTL_MINUTES, writeMultiplier: 0 }],
    };
  return null;
}

/** Tokens of a stable prefix the rule can cache: 0 below the minimum, then whole steps above it. */
export function cacheableTokens(rule: CacheRule, stable: number): number {
  if (stable < rule.minTokens) return 0;
  return rule.minTokens + Math.floor((stable - rule.minTokens) / rule.step) * rule.step;
}

/** The caching advice for one feature's samples (see the module comment). */
export function cachingAdvice(input: CachingInput): CachingAdvice {
  const { samples } = input;
  const rule = cacheRule(input.vendor, input.model);
  const times = samples
    .map((s) => s.ts)
    .filter((t): t is number => t !== undefined && Number.isFinite(t))
    .sort((a, b) => a - b);
  const notes: string[] = [];
  const alreadyCached = samples.some((s) => (s.cachedTokens ?? 0) > 0);
  const stable = samples.length >= 2 ? commonPrefix(samples) : 0;
  const empty = (ttl: number): CachePlan => ({
    stablePrefixTokens: stable,
    cacheableTokens: 0,
    ttlMinutes: ttl,
    hits: 0,
    hitRate: null,
    savingPerRequest: 0,
    monthlySaving: 0,
  });
  const advice: CachingAdvice = {
    model: input.model,
    rule,
    samples: samples.length,
    timedSamples: times.length,
    alreadyCached,
    current: empty(rule?.ttls[0].minutes ?? 0),
    reorder: null,
    notes,
  };
  if (!rule) {
    notes.push(`aicost knows no prompt-caching rule for ${input.model}; nothing is estimated.`);
    return advice;
  }
  if (samples.length < 2) {
    notes.push('A stable prefix needs at least two samples to compare; nothing is estimated.');
    return advice;
  }
  if (alreadyCached) {
    const cached = samples.filter((s) => (s.cachedTokens ?? 0) > 0).length;
    notes.push(
      `${cached} of ${samples.length} samples already record cache reads: caching is on, its saving is already in the recorded cost (0 more).`,
    );
    return advice;
  }
  if (input.rates.cacheRead >= input.rates.input) {
    notes.push(
      `The catalog has no cached-input price below the input price for ${input.model}: caching saves nothing.`,
    );
    return advice;
  }
  notes.push(
    'Hit model: one cache per feature; a sample hits when the previous sample came within the TTL. Samples are a subset of the traffic when sampled, so the real hit rate is at least this.',
  );
  if (times.length < 2) notes.push('Fewer than two samples have a time: the hit rate, and so the saving, is unknown.');
  if (rule.activation === 'automatic')
    notes.push(`${input.model} caches automatically: this saving needs no code change, only a stable prefix.`);
  if (rule.activation === 'explicit')
    notes.push('Anthropic caches only up to a cache_control breakpoint: put one at the end of the stable part.');
  if (rule.activation === 'implicit')
    notes.push(
      'Gemini implicit caching is on by default for 2.5+ models but not guaranteed: the saving is an upper bound.',
    );

  advice.current = bestPlan(rule, stable, times, input);
  if (advice.current.cacheableTokens === 0)
    notes.push(`The stable prefix (${stable} tokens) is below the ${rule.minTokens}-token minimum of ${input.model}.`);

  const movable = movableTokens(samples, stable);
  if (movable > 0) {
    const plan = bestPlan(rule, stable + movable, times, input);
    if (plan.cacheableTokens > advice.current.cacheableTokens) {
      advice.reorder = { ...plan, movableTokens: movable };
      notes.push(
        `${movable} tokens that are the same in every sample come after variable content; moved in front of it, ${plan.cacheableTokens} tokens would be cacheable.`,
      );
    }
  }
  return advice;
}

/** The plan of the TTL that saves the most (ties: the first, shorter TTL). */
function bestPlan(rule: CacheRule, stable: number, times: readonly number[], input: CachingInput): CachePlan {
  let best: CachePlan | undefined;
  for (const ttl of rule.ttls) {
    const plan = planFor(rule, ttl, stable, times, input);
    if (!best || (plan.monthlySaving ?? -Infinity) > (best.monthlySaving ?? -Infinity)) best = plan;
  }
  return best as CachePlan;
}

function planFor(
  rule: CacheRule,
  ttl: { minutes: number; writeMultiplier: number },
  stable: number,
  times: readonly number[],
  input: CachingInput,
): CachePlan {
  const cacheable = cacheableTokens(rule, stable);
  let hits = 0;
  for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] <= ttl.minutes * 60_000) hits++;
  const hitRate = times.length >= 2 ? hits / times.length : null;
  const { input: inPrice, cacheRead } = input.rates;
  // The catalog's write price, but never below the published multiple of input: a catalog without
  // a 1 h price falls back to the 5 min one (1.25×), which would under-state a 2× write.
  const catalogWrite = ttl.minutes >= 60 ? input.rates.cacheWrite1h : input.rates.cacheWrite;
  const write = ttl.writeMultiplier === 0 ? inPrice : Math.max(catalogWrite, inPrice * ttl.writeMultiplier);
  let savingPerRequest: number | null = null;
  if (hitRate !== null)
    savingPerRequest =
      cacheable === 0
        ? 0
        : (cacheable * (hitRate * (inPrice - cacheRead) - (1 - hitRate) * (write - inPrice))) / PER_MILLION;
  return {
    stablePrefixTokens: stable,
    cacheableTokens: cacheable,
    ttlMinutes: ttl.minutes,
    hits,
    hitRate,
    savingPerRequest,
    monthlySaving: savingPerRequest === null ? null : savingPerRequest * input.requestsPerMonth,
  };
}

/** Longest run of tokens at the start of every sample's prompt (messages concatenated). */
function commonPrefix(samples: readonly CacheSample[]): number {
  const first = flatten(samples[0].messages);
  let lcp = first.length;
  for (let s = 1; s < samples.length && lcp > 0; s++) {
    let i = 0;
    outer: for (const message of samples[s].messages) {
      for (const token of message) {
        if (i >= lcp || token !== first[i]) break outer;
        i++;
      }
    }
    lcp = Math.min(lcp, i);
  }
  return lcp;
}

/**
 * Tokens that are the same in every sample but sit after the prefix breaks: the common tail of the
 * message where it breaks, plus every later message that is identical in all samples. Needs the
 * same number of messages in every sample (else 0: the positions do not line up).
 */
function movableTokens(samples: readonly CacheSample[], stable: number): number {
  const count = samples[0].messages.length;
  if (samples.some((s) => s.messages.length !== count)) return 0;
  // The message where the prefix breaks, and the offset of the break inside it.
  let d = 0;
  let before = 0;
  while (d < count && before + samples[0].messages[d].length <= stable) before += samples[0].messages[d++].length;
  if (d >= count) return 0;
  const offset = stable - before;
  let tail = Infinity;
  for (const s of samples) {
    const first = samples[0].messages[d];
    const m = s.messages[d];
    let k = 0;
    const limit = Math.min(first.length, m.length) - offset;
    while (k < limit && first[first.length - 1 - k] === m[m.length - 1 - k]) k++;
    tail = Math.min(tail, k);
  }
  let moved = Number.isFinite(tail) ? tail : 0;
  for (let k = d + 1; k < count; k++) {
    const ref = samples[0].messages[k];
    if (samples.every((s) => sameTokens(s.messages[k], ref))) moved += ref.length;
  }
  return moved;
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function flatten(messages: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const m of messages) for (const t of m) out.push(t);
  return out;
}
