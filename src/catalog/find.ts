/**
 * A parsed model id looked up in the two catalogs: the primary (`@pydantic/genai-prices`) and the
 * fallback (models.dev) for ids the primary does not know.
 */
import type { CatalogHit, PricedEntry } from './genai.js';
import { isPriced, lookup, pricedEntry } from './genai.js';
import { canonicalId } from './ids.js';
import type { ParsedModelId } from './ids.js';
import { fallbackLookup } from './models-dev.js';

/** The primary catalog (`@pydantic/genai-prices`) or the fallback (models.dev). */
export type Origin = 'catalog' | 'fallback';

/** An id found in one of the catalogs: the entry, its canonical id and which catalog has it. */
export interface Found {
  hit: CatalogHit;
  canonical: string;
  origin: Origin;
}

/** Look a parsed id up in the primary catalog (no aliases, no overrides). */
export function catalogLookup(parsed: ParsedModelId): Found | undefined {
  if (parsed.deployment || !parsed.model) return undefined;
  const hit = lookup(parsed.model, parsed.providerId);
  return hit ? { hit, canonical: canonicalId(hit.providerId, parsed.model), origin: 'catalog' } : undefined;
}

/** Look a parsed id up in the fallback catalog (models.dev), for ids the primary does not know. */
export function fallbackFound(parsed: ParsedModelId): Found | undefined {
  const hit = fallbackLookup(parsed);
  return hit ? { hit, canonical: canonicalId(hit.providerId, parsed.model), origin: 'fallback' } : undefined;
}

/** The fallback's entry for an id the primary found under `providerId`, to cross-check their prices. */
export function altEntry(providerId: string, parsed: ParsedModelId): PricedEntry | undefined {
  const hit = fallbackLookup({ ...parsed, providerId });
  return hit && isPriced(hit.model) ? pricedEntry(hit, parsed.model) : undefined;
}
