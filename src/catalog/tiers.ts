/**
 * Service-tier multipliers. `@pydantic/genai-prices` has no batch/flex/priority prices (only
 * notes in `price_comments`), so aicost keeps this table. A multiplier scales the standard
 * price of the call: cache reads and writes scale with input, reasoning with output.
 *
 * Sources (checked 2026-11):
 * - Batch, 50% off input and output: OpenAI Batch API (LiteLLM `*_batches` fields are exactly half
 *   for gpt-4o, 4o-mini, 4.1); Anthropic Message Batches ("50% discount on input and output");
 *   Google Gemini / Vertex batch ("Batch API offers 50% discount", genai-prices comment); Amazon
 *   Bedrock batch inference (50% of on-demand); Azure OpenAI global batch (50%).
 *   OpenRouter batch routes have catalog entries of their own (`…:batch` ids), not a multiplier.
 * - Flex, 50% off: OpenAI flex processing for o3, o4-mini (o3 $10/$40 → $5/$20 at launch; 2/8 → 1/4
 *   after 2025-06-10) and the gpt-5 family; Gemini 3.5+ Flash models whose catalog comment says
 *   "Batch and Flex tiers offer 50% discount".
 * - Priority: OpenAI's priority-processing price list (openai.com/api-priority-processing), per
 *   model as priority ÷ standard price; the same ratio holds for cached input. Unlisted OpenAI
 *   models get ×2, the highest published ratio, so they are not under-priced. Gemini 3.7/3.8
 *   Flash: "Priority tier is 1.8x" (catalog comment).
 */
import type { ServiceTier } from '../types.js';

/** Factor on the standard price, per direction. */
export interface TierMultiplier {
  input: number;
  output: number;
}

const SAME = (f: number): TierMultiplier => ({ input: f, output: f });
const STANDARD = SAME(1);
const HALF = SAME(0.5);

/** Who sells batch at half price (catalog provider ids, plus `azure` for deployments). */
const BATCH: Readonly<Record<string, TierMultiplier>> = {
  openai: HALF,
  anthropic: HALF,
  google: HALF,
  aws: HALF,
  azure: HALF,
};

/** OpenAI models with flex processing, by model name without a date suffix. */
const OPENAI_FLEX = /^(o3|o4-mini|gpt-5(\.\d+)?(-mini|-nano)?)$/;

/** Gemini models whose catalog comment offers the Flex tier. */
const GOOGLE_FLEX: ReadonlySet<string> = new Set([
  'gemini-3.5-flash',
  'gemini-3.5-flash-lite',
  'gemini-3.6-flash',
  'gemini-3.7-flash',
  'gemini-3.8-flash',
]);

/** OpenAI priority ÷ standard price per catalog entry (priority prices in the comments). */
const OPENAI_PRIORITY: Readonly<Record<string, TierMultiplier>> = {
  'gpt-4o': { input: 4.25 / 2.5, output: 17 / 10 },
  'gpt-4o-2024-05-13': { input: 8.75 / 5, output: 26.25 / 15 },
  'gpt-4o-mini': { input: 0.25 / 0.15, output: 1.0 / 0.6 },
  'gpt-4.1': { input: 3.5 / 2, output: 14 / 8 },
  'gpt-4.1-mini': { input: 0.7 / 0.4, output: 2.8 / 1.6 },
  'gpt-4.1-nano': { input: 0.2 / 0.1, output: 0.8 / 0.4 },
  o3: { input: 3.5 / 2, output: 14 / 8 },
  'o4-mini': { input: 2 / 1.1, output: 8 / 4.4 },
  'gpt-5': { input: 2.5 / 1.25, output: 20 / 10 },
  'gpt-5-mini': { input: 0.45 / 0.25, output: 3.6 / 2 },
  'gpt-5.1': { input: 2.5 / 1.25, output: 20 / 10 },
  'gpt-5.2': { input: 3.5 / 1.75, output: 28 / 14 },
  'gpt-5.4': { input: 5 / 2.5, output: 30 / 15 },
  'gpt-5.4-mini': { input: 1.5 / 0.75, output: 9 / 4.5 },
};
const OPENAI_PRIORITY_DEFAULT = SAME(2);

const GOOGLE_PRIORITY: Readonly<Record<string, TierMultiplier>> = {
  'gemini-3.7-flash': SAME(1.8),
  'gemini-3.8-flash': SAME(1.8),
};

/** What the tier table needs to know about a model. */
export interface TierSubject {
  /** Who bills the call: a catalog provider id, `azure`, or a private vendor prefix. */
  seller: string;
  /** Catalog entry id when known (`gpt-4o` for `gpt-4o-2024-08-06`). */
  entryId?: string;
  /** Model name as written, without gateway prefix. */
  model: string;
}

/**
 * Multiplier of `tier` for a model, or undefined when the seller does not offer the tier
 * for it (the caller turns that into an error naming tier and provider).
 */
export function tierMultiplier(subject: TierSubject, tier: ServiceTier): TierMultiplier | undefined {
  if (tier === 'standard') return STANDARD;
  if (tier === 'batch') return BATCH[subject.seller];
  const name = subject.model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  const entry = subject.entryId ?? name;
  if (tier === 'flex') {
    if (subject.seller === 'openai' && OPENAI_FLEX.test(name)) return HALF;
    if (subject.seller === 'google' && (GOOGLE_FLEX.has(entry) || GOOGLE_FLEX.has(name))) return HALF;
    return undefined;
  }
  // priority
  if (subject.seller === 'openai') return OPENAI_PRIORITY[entry] ?? OPENAI_PRIORITY[name] ?? OPENAI_PRIORITY_DEFAULT;
  if (subject.seller === 'google') return GOOGLE_PRIORITY[entry] ?? GOOGLE_PRIORITY[name];
  return undefined;
}

/** Tiers the seller offers for this model, for error messages. */
export function offeredTiers(subject: TierSubject): ServiceTier[] {
  return (['standard', 'batch', 'flex', 'priority'] as const).filter((t) => tierMultiplier(subject, t) !== undefined);
}

/** Where each non-standard tier exists, for hints. */
export const TIER_HINTS: Readonly<Record<Exclude<ServiceTier, 'standard'>, string>> = {
  batch:
    'batch is priced at 50% for openai, anthropic, google (Gemini/Vertex), aws (Bedrock) and Azure deployments; OpenRouter prices batch routes as separate `:batch` model ids (tier: standard) where it has them',
  flex: 'flex is priced at 50% for OpenAI o3, o4-mini and the gpt-5 family, and for Gemini 3.5+ Flash models',
  priority: 'priority is priced for OpenAI models (×1.7–×2 of standard) and Gemini 3.7/3.8 Flash (×1.8)',
};
