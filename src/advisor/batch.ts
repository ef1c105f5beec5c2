/**
 * Batch and flex tiers for features nobody waits for (`latency: async`): the same calls at the
 * tier's price. The multipliers are the catalog's tier table (src/catalog/tiers.ts), so the advice
 * and the estimate can never disagree on what a tier costs.
 *
 * `batchAdvice(input: BatchInput): BatchAdvice` — pure.
 * - Input: `latency` (the feature's key; absent = interactive), `tier` (the tier it is billed at
 *   now), `subject` (catalog `TierSubject`: seller, entry id, model name; `tierSubjectOf` builds it
 *   from a `ResolvedModel`), and `monthly` = the feature's monthly cost at its current tier split
 *   into `input` and `output` USD (cache reads count as input).
 * - Output: `eligible`, `reason` when not, and one option per cheaper tier the seller offers for the
 *   model (`batch`, `flex`), largest saving first, each with its multipliers, monthly cost and saving
 *   and `fraction` (saving ÷ current cost, to scale an interval of the current cost).
 */

import { tierMultiplier } from '../catalog/index.js';
import type { TierMultiplier, TierSubject } from '../catalog/index.js';
import type { FeatureLatency, ResolvedModel, ServiceTier } from '../types.js';

export interface BatchInput {
  latency: FeatureLatency | undefined;
  tier: ServiceTier;
  subject: TierSubject;
  /** Monthly USD at the current tier, by direction. */
  monthly: { input: number; output: number };
}

export interface TierOption {
  tier: 'batch' | 'flex';
  multiplier: TierMultiplier;
  /** Monthly USD on this tier. */
  monthly: number;
  /** Current monthly cost − monthly on this tier. */
  monthlySaving: number;
  /** monthlySaving ÷ current monthly cost (0 when the cost is 0). */
  fraction: number;
}

export interface BatchAdvice {
  eligible: boolean;
  /** Why no tier is suggested; null when eligible. */
  reason: string | null;
  /** Cheaper tiers offered for the model, largest saving first (empty when not eligible). */
  options: TierOption[];
}

const CHEAPER: readonly ('batch' | 'flex')[] = ['batch', 'flex'];

/** The catalog's tier subject for a resolved model. */
export function tierSubjectOf(model: ResolvedModel): TierSubject {
  const slash = model.canonical.indexOf('/');
  return {
    seller: model.provider,
    entryId: model.priceId,
    model: slash >= 0 ? model.canonical.slice(slash + 1) : model.canonical,
  };
}

/** Batch/flex savings for one feature (see the module comment). */
export function batchAdvice(input: BatchInput): BatchAdvice {
  if (input.latency !== 'async')
    return {
      eligible: false,
      reason:
        'interactive feature: batch and flex answer minutes to hours later; declare latency: async for a feature nobody waits for',
      options: [],
    };
  if (input.tier === 'batch' || input.tier === 'flex')
    return { eligible: false, reason: `already billed at the ${input.tier} tier`, options: [] };
  const current = tierMultiplier(input.subject, input.tier);
  const now = input.monthly.input + input.monthly.output;
  const options: TierOption[] = [];
  for (const tier of CHEAPER) {
    const m = tierMultiplier(input.subject, tier);
    if (!m || !current) continue;
    // The current cost is at the current tier's price: scale each direction to the new tier's.
    const monthly =
      (input.monthly.input * m.input) / current.input + (input.monthly.output * m.output) / current.output;
    const monthlySaving = now - monthly;
    if (monthlySaving <= 0) continue;
    options.push({ tier, multiplier: m, monthly, monthlySaving, fraction: now > 0 ? monthlySaving / now : 0 });
  }
  options.sort((a, b) => b.monthlySaving - a.monthlySaving);
  if (options.length === 0)
    return {
      eligible: false,
      reason: `${input.subject.seller} offers no batch or flex tier for ${input.subject.model}`,
      options,
    };
  return { eligible: true, reason: null, options };
}
