/**
 * What the reports say about the price data: package, version, how fresh the data is.
 */
import type { CatalogInfo } from '../types.js';
import { allProviders } from './genai.js';

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

let dataDate: string | undefined;

/**
 * Date of the newest price data: the newest `start_date` of a price change in the embedded data.
 * A change the data already knew to be in the future is left out: such a start date is marked by
 * a price comment of the same model naming the day before it (e.g. "Introductory rates apply
 * through 2026-12-31" before a 2027-01-01 price). For 0.1.8 this is 2026-09-22.
 */
export function catalogDataDate(): string {
  if (dataDate) return dataDate;
  let newest = '';
  for (const provider of allProviders()) {
    for (const model of provider.models) {
      if (!Array.isArray(model.prices)) continue;
      for (const p of model.prices) {
        const c = p.constraint;
        if (!c || c.type !== 'start_date') continue;
        const dayBefore = new Date(Date.parse(`${c.start_date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
        if (model.price_comments?.includes(dayBefore)) continue;
        if (c.start_date > newest) newest = c.start_date;
      }
    }
  }
  dataDate = newest;
  return newest;
}

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
