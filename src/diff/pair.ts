import { renderEmpty } from '../artifacts/index.js';
import type { EstimateContext } from '../estimate/index.js';
import { countSample, staticPrefixTokens, type ReplaySite } from '../estimate/index.js';
import type { SampleResult } from '../estimate/index.js';
import type { TokenCounter } from '../tokenize/index.js';
import { atTrafficLine } from '../traffic/index.js';
import type { CallUsage, Sample, TrafficSet } from '../types.js';
import { atOutputCap, bandCosts } from '../estimate/index.js';

/**
 * Tokens of a revision's template rendered with empty variables, plus tools and schema: what a
 * usage-only sample (nothing to render) sends of the template. The difference between two
 * revisions is exact for static text, which is what such edits usually change.
 */
export function staticTemplateTokens(rs: ReplaySite, counter: TokenCounter): number {
  return counter.countChat(renderEmpty(rs.site).messages, rs.tokenizer).tokens + rs.fixedTokens;
}

/**
 * OpenAI caches exact prefixes of 1,024 tokens or more, in 128-token steps; Anthropic caches up to
 * explicit breakpoints with a 1,024-token minimum (2,048 for Haiku). Other providers: as counted.
 */
export function roundCached(family: string, canonical: string, tokens: number): number {
  if (tokens <= 0) return 0;
  if (family === 'openai') return tokens < 1024 ? 0 : 1024 + Math.floor((tokens - 1024) / 128) * 128;
  if (family === 'anthropic') return tokens < (/haiku/.test(canonical) ? 2048 : 1024) ? 0 : Math.floor(tokens);
  return Math.floor(tokens);
}

/** Per-sample cache of what the base side counted, so variants reuse it. */
export interface BaseCounts {
  counted: number | null;
  staticTokens: number;
  prefix: number;
}

/**
 * Replay a sample at a variant of the revision (the head, or a hybrid used to attribute the delta
 * to single changes), relative to the base replay of the same sample (design steps 2–4):
 * recorded input + (variant count − base count); output scaled by the tokenizer ratio when the
 * family changes and clamped at the variant's cap; cache reads moved with the cacheable prefix.
 */
export function replayVariant(
  base: ReplaySite,
  variant: ReplaySite,
  sample: Sample,
  baseResult: SampleResult,
  baseCounts: BaseCounts,
  variantStatic: number,
  variantPrefix: number,
  counter: TokenCounter,
): SampleResult {
  try {
    return replayVariantLine(base, variant, sample, baseResult, baseCounts, variantStatic, variantPrefix, counter);
  } catch (e) {
    throw atTrafficLine(e, sample);
  }
}

function replayVariantLine(
  base: ReplaySite,
  variant: ReplaySite,
  sample: Sample,
  baseResult: SampleResult,
  baseCounts: BaseCounts,
  variantStatic: number,
  variantPrefix: number,
  counter: TokenCounter,
): SampleResult {
  const ratio = variant.tokenizer.scale / base.tokenizer.scale;
  const vCounted = countSample(variant, sample, counter).tokens;
  let input: number;
  if (baseResult.source === 'usage') {
    const rec = baseResult.recordedInput!;
    if (vCounted !== null && baseCounts.counted !== null) input = rec + (vCounted - baseCounts.counted);
    else input = Math.round(rec * ratio) + (variantStatic - Math.round(baseCounts.staticTokens * ratio));
  } else {
    input = vCounted ?? baseResult.usage.inputTokens;
  }
  input = Math.max(0, input);

  const recordedOut = sample.usage.outputTokens;
  const scaledOut = ratio === 1 ? recordedOut : Math.round(recordedOut * ratio);
  const output = variant.maxTokens !== undefined ? Math.min(scaledOut, variant.maxTokens) : scaledOut;

  // Cache: same prefix and same provider rule → the recorded figures stand.
  const u = baseResult.usage;
  let cacheRead = u.cacheReadTokens;
  let cacheWrite = u.cacheWriteTokens;
  let cacheWrite1h = u.cacheWrite1hTokens;
  const sameRule = variant.model.family === base.model.family;
  if (!sameRule || variantPrefix !== baseCounts.prefix) {
    const move = (recorded: number): number => {
      if (recorded <= 0) return 0;
      // Reads that cover the whole static prefix (and maybe history) move with the prefix;
      // partial reads keep their share h of it.
      const moved =
        recorded >= baseCounts.prefix && baseCounts.prefix > 0
          ? recorded + (variantPrefix - baseCounts.prefix)
          : baseCounts.prefix > 0
            ? (recorded / baseCounts.prefix) * variantPrefix
            : recorded;
      return roundCached(variant.model.family, variant.model.canonical, Math.round(moved * (sameRule ? 1 : ratio)));
    };
    cacheRead = move(cacheRead);
    cacheWrite = move(cacheWrite);
    cacheWrite1h = move(cacheWrite1h);
  }
  cacheRead = Math.min(cacheRead, input);
  cacheWrite = Math.min(cacheWrite, input - cacheRead);
  cacheWrite1h = Math.min(cacheWrite1h, input - cacheRead - cacheWrite);

  const tier = sample.tier ?? variant.tier;
  const usage: CallUsage = {
    inputTokens: input,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    cacheWrite1hTokens: cacheWrite1h,
    outputTokens: output,
  };
  const cost = variant.price(usage, tier, sample.ts).total;
  const [costLow, costHigh] = bandCosts(
    variant.price,
    usage,
    tier,
    baseResult.source === 'replay' ? variant.tokenizer.band : null,
    cost,
    sample.ts,
  );
  const atCap = atOutputCap(sample.finishReason, scaledOut, variant.maxTokens);
  return { ...baseResult, counted: vCounted, cacheablePrefix: variantPrefix, usage, cost, costLow, costHigh, atCap };
}

/** Replay a head variant of every sample against the base replay. */
export function replayAll(
  baseRs: ReplaySite,
  variant: ReplaySite,
  traffic: TrafficSet,
  baseResults: SampleResult[],
  featureId: string,
  ctx: EstimateContext,
): SampleResult[] {
  const staticBase = staticTemplateTokens(baseRs, ctx.counter);
  const prefixBase = staticPrefixTokens(baseRs, ctx.counter);
  const staticVariant = staticTemplateTokens(variant, ctx.counter);
  const prefixVariant = staticPrefixTokens(variant, ctx.counter);
  const samples = traffic.samples.filter((s) => s.feature === undefined || s.feature === featureId);
  return samples.map((s, i) => {
    const b = baseResults[i];
    const counts: BaseCounts = { counted: b.counted, staticTokens: staticBase, prefix: prefixBase };
    return replayVariant(baseRs, variant, s, b, counts, staticVariant, prefixVariant, ctx.counter);
  });
}
