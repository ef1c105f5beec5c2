/**
 * The config's price tables as the catalog uses them: `pricing:` overrides (checked, with the
 * documented cache defaults), `discounts:` by provider, and case-insensitive `models:`/`pricing:` keys.
 */
import type { SourceLocation } from '../errors.js';
import { ConfigError } from '../errors.js';
import type { PriceOverride } from '../types.js';
import type { EntryRates } from './genai.js';
import { isDeploymentPrefix, providerForPrefix } from './ids.js';

/** `acme` of `acme/finetune-7b` or `acme:finetune-7b`. */
export function vendorPrefix(id: string): string | undefined {
  return /^([a-z0-9._-]+)[/:]/i.exec(id)?.[1]?.toLowerCase();
}

/** Override prices with the documented defaults: cache read and write at input, 1h write at the write price. */
export function overrideRates(o: PriceOverride): EntryRates {
  const cacheWrite = o.cacheWrite ?? o.input;
  return {
    input: o.input,
    output: o.output,
    cacheRead: o.cachedInput ?? o.input,
    cacheWrite,
    cacheWrite1h: o.cacheWrite1h ?? cacheWrite,
  };
}

/** Exact-key map with a case-insensitive fallback. */
export function caseInsensitive(record: Record<string, string>): {
  get(k: string): string | undefined;
  keyOf(k: string): string | undefined;
} {
  const exact = new Map(Object.entries(record));
  const lower = new Map<string, string>();
  for (const k of Object.keys(record)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), k);
  const keyOf = (k: string): string | undefined => (exact.has(k) ? k : lower.get(k.toLowerCase()));
  return {
    keyOf,
    get(k) {
      const key = keyOf(k);
      return key === undefined ? undefined : exact.get(key);
    },
  };
}

export function checkPricing(
  pricing: Record<string, PriceOverride>,
  at: (key: string) => SourceLocation | undefined,
): Record<string, PriceOverride> {
  for (const [key, p] of Object.entries(pricing)) {
    for (const field of ['input', 'output', 'cachedInput', 'cacheWrite', 'cacheWrite1h'] as const) {
      const v = p[field];
      if (v === undefined && field !== 'input' && field !== 'output') continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new ConfigError(`pricing: "${key}" needs a non-negative ${field} price (USD per 1M tokens)`, {
          location: at(`pricing.${key}`),
          hint: `e.g. pricing: { "${key}": { input: 2.5, output: 10 } }`,
        });
      }
    }
  }
  return pricing;
}

/** `discounts:` keyed by provider: accepts catalog ids and the prefixes that map to them. */
export function discountTable(
  discounts: Record<string, number>,
  at: (key: string) => SourceLocation | undefined,
): { of(seller: string): number } {
  const byProvider = new Map<string, { key: string; value: number }>();
  for (const [key, value] of Object.entries(discounts)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new ConfigError(`discounts: "${key}" must be a fraction between 0 and 1 (got ${String(value)})`, {
        location: at(`discounts.${key}`),
        hint: 'Write a discount as a percent or a fraction, e.g. discounts: { openai: 15% } or 0.15.',
      });
    }
    const provider = isDeploymentPrefix(key) ? 'azure' : (providerForPrefix(key) ?? key.toLowerCase());
    const prev = byProvider.get(provider);
    if (prev && prev.value !== value) {
      throw new ConfigError(
        `discounts: "${prev.key}" and "${key}" both name provider ${provider} with different values`,
        {
          location: at(`discounts.${key}`),
          hint: `Keep one discount for ${provider}.`,
        },
      );
    }
    byProvider.set(provider, { key, value });
  }
  return { of: (seller) => byProvider.get(seller)?.value ?? 0 };
}

/**
 * `models:` lookups: exact names (case-insensitive) first, then prefix routes ending in `*` (from
 * LiteLLM wildcard routes: `team/*` → `anthropic/*` maps `team/x` to `anthropic/x`), longest first.
 */
export function aliasTable(record: Record<string, string>): {
  get(k: string): string | undefined;
  keyOf(k: string): string | undefined;
  size: number;
} {
  const exact = caseInsensitive(record);
  const routes = Object.keys(record)
    .filter((k) => k.length > 1 && k.indexOf('*') === k.length - 1)
    .sort((a, b) => b.length - a.length);
  const route = (k: string): string | undefined =>
    routes.find((r) => k.length >= r.length && k.toLowerCase().startsWith(r.slice(0, -1).toLowerCase()));
  return {
    size: Object.keys(record).length,
    keyOf: (k) => exact.keyOf(k) ?? route(k),
    get(k) {
      const found = exact.get(k);
      if (found !== undefined) return found;
      const r = route(k);
      if (r === undefined) return undefined;
      const target = record[r];
      return target.includes('*') ? target.replace('*', k.slice(r.length - 1)) : target;
    },
  };
}
