/**
 * What the reports say about the price data: package, version, how fresh the data is.
 */
import type { CatalogInfo } from '../types.js';
import { catalogDataDate } from './catalog-data.js';

/** The catalog package. */
export const CATALOG_SOURCE = '@pydantic/genai-prices';

/**
 * The pinned version. The package's `exports` map does not expose `package.json`, so it cannot be
 * imported; a test compares this constant with `node_modules/@pydantic/genai-prices/package.json`.
 */
export const CATALOG_VERSION = '0.1.8';

/** Pricing dates further than this after the data date get a warning. */
export const MAX_CATALOG_AGE_DAYS = 90;

const DAY_MS = 86_400_000;

/**
 * Date of the newest price data: the newest `start_date` of a price change, a change the data
 * already knew to be in the future left out (scripts/generate.mjs `catalogDataDate` works it out
 * when it writes the data). For 0.1.8 this is 2026-09-22.
 */
export { catalogDataDate } from './catalog-data.js';

/** Source, version and data date of the catalog, with the number of `pricing:` overrides. */
export function catalogInfo(overrides: number): CatalogInfo {
  return { source: CATALOG_SOURCE, version: CATALOG_VERSION, dataDate: catalogDataDate(), overrides };
}

/**
 * A warning when the catalog's data is more than 90 days older than the pricing date, else null:
 * prices that changed since then are not in it.
 */
export function catalogAgeWarning(info: CatalogInfo, pricingDate: Date): string | null {
  const data = Date.parse(`${info.dataDate}T00:00:00Z`);
  if (Number.isNaN(data) || Number.isNaN(pricingDate.getTime())) return null;
  const days = Math.floor((pricingDate.getTime() - data) / DAY_MS);
  if (days <= MAX_CATALOG_AGE_DAYS) return null;
  const on = pricingDate.toISOString().slice(0, 10);
  return (
    `price catalog ${info.source} ${info.version} has data up to ${info.dataDate}, ${days} days before the pricing date ${on}: ` +
    `prices changed since then are missing. Update aicost, or put current prices of the models you use under pricing:.`
  );
}
