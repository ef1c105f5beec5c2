import type { Catalog } from './types.js';

/**
 * Standard-tier input price of `to` over that of `from` on `date`: how a model swap moves a
 * prompt's cost (the unpriced-change scan states it). Null when either id has no price here, or
 * `from`'s input is free.
 */
export function inputPriceRatio(catalog: Catalog, date: Date, from: string, to: string): number | null {
  try {
    const a = catalog.rates(catalog.resolve(from), { tier: 'standard', date, inputTokens: 0 });
    const b = catalog.rates(catalog.resolve(to), { tier: 'standard', date, inputTokens: 0 });
    return a.input > 0 ? b.input / a.input : null;
  } catch {
    return null;
  }
}
