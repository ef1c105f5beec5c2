/**
 * Pricing one call with the tokenizer's band, and whether it stopped at its output cap: the one
 * definition for a replayed sample, a static render and a head variant of the diff.
 */
import type { CallCost, CallUsage, ServiceTier } from '../types.js';

/** How one revision prices a call (a ReplaySite's `price`); `time` is the call's epoch ms (a sample's `ts`). */
export type PriceCall = (usage: CallUsage, tier: ServiceTier, time?: number) => CallCost;

/**
 * A call's cost with its input scaled to the ends of the tokenizer's relative band (rounded to a
 * token; cache reads never above the scaled-down input): [cost, cost] when the count is exact.
 */
export function bandCosts(
  price: PriceCall,
  usage: CallUsage,
  tier: ServiceTier,
  band: readonly [number, number] | null,
  cost: number,
  time?: number,
): [number, number] {
  if (!band) return [cost, cost];
  const low = Math.round(usage.inputTokens * band[0]);
  const costLow = price(
    { ...usage, inputTokens: low, cacheReadTokens: Math.min(usage.cacheReadTokens, low) },
    tier,
    time,
  ).total;
  const costHigh = price({ ...usage, inputTokens: Math.round(usage.inputTokens * band[1]) }, tier, time).total;
  return [costLow, costHigh];
}

/**
 * Whether a call stopped at its output cap: the provider says it stopped for length, or its output
 * reached `maxTokens`. (Only read where the feature has a cap: the share is null without one.)
 */
export function atOutputCap(
  finishReason: string | undefined,
  outputTokens: number,
  maxTokens: number | undefined,
): boolean {
  return finishReason === 'length' || (maxTokens !== undefined && outputTokens >= maxTokens);
}

/**
 * `usage` priced on `input` tokens instead of the recorded ones: cache reads, then 5-minute writes,
 * then 1-hour writes, each within what the ones before left of `input`. Clamping each on its own
 * would let reads and writes together exceed the input (which the catalog refuses).
 */
export function usageWithin(usage: CallUsage, input: number): CallUsage {
  const cacheReadTokens = Math.min(usage.cacheReadTokens, input);
  const cacheWriteTokens = Math.min(usage.cacheWriteTokens, input - cacheReadTokens);
  const cacheWrite1hTokens = Math.min(usage.cacheWrite1hTokens, input - cacheReadTokens - cacheWriteTokens);
  return { ...usage, inputTokens: input, cacheReadTokens, cacheWriteTokens, cacheWrite1hTokens };
}
