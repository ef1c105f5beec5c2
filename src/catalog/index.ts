/**
 * Price catalog: model id → priced entry (on the pinned, offline `@pydantic/genai-prices`),
 * with aicost's gateway-prefix mapping, aliases, overrides, service tiers and discounts.
 */
export { createCatalog } from './catalog.js';
export type { Catalog, CatalogOptions, ModelRates, PriceOptions, RateOptions } from './catalog.js';
export { catalogAgeWarning, catalogDataDate, CATALOG_SOURCE, CATALOG_VERSION, MAX_CATALOG_AGE_DAYS } from './info.js';
export { canonicalId, familyOf, parseModelId } from './ids.js';
export type { ParsedModelId } from './ids.js';
export { tierMultiplier } from './tiers.js';
export type { TierMultiplier, TierSubject } from './tiers.js';
export { inputPriceRatio } from './price-ratio.js';
export { catalogModels, contextWindow } from './models.js';
export type { KnownId } from './models.js';
