/**
 * The only file that talks to `@pydantic/genai-prices`. Offline by construction: the embedded
 * data of the pinned package is used as shipped; `updatePrices`/`waitForUpdate` are never imported.
 */
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { ModelInfo, ModelPrice, Provider, TieredPrices, Usage } from '@pydantic/genai-prices';
import { compilePrices } from './fast-price.js';
import type { FastPricer } from './fast-price.js';
import { CATALOG_PROVIDER_IDS } from './ids.js';
import { dayWindows, pricePoints } from './time-of-day.js';
import type { DayWindow, PricePoint } from './time-of-day.js';

/** A catalog entry found for a model id. */
export interface CatalogHit {
  /** Provider the price is read from (`openai`, `aws`, `google`, …). */
  providerId: string;
  /** The catalog's model entry. */
  model: ModelInfo;
}

/** The unit prices of one entry at one date, USD per 1M tokens (tiers resolved). */
export interface EntryRates {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
}

/** The prices in force at a date only matter for pricing; matching needs one fixed date. */
const MATCH_DATE = new Date('2025-01-01T00:00:00Z');
const NO_USAGE: Usage = { input_tokens: 0, output_tokens: 0 };

/** Find the entry that prices `model` (under `providerId`, or the provider whose names match). */
export function lookup(model: string, providerId?: string): CatalogHit | undefined {
  const r = calcPrice(NO_USAGE, model, providerId ? { providerId, timestamp: MATCH_DATE } : { timestamp: MATCH_DATE });
  return r ? { providerId: r.provider.id, model: r.model } : undefined;
}

/** Token counts of one call in the catalog's usage keys. */
export interface TokenUsage {
  input: number;
  cacheRead: number;
  /** 5-minute (or unknown TTL) cache writes. */
  cacheWrite: number;
  cacheWrite1h: number;
  output: number;
}

/** Price keys aicost bills (text tokens and per-request fees); the others never get usage. */
const BILLED_KEYS: ReadonlySet<string> = new Set([
  'input_mtok',
  'output_mtok',
  'cache_read_mtok',
  'cache_write_mtok',
  'cache_write_1h_mtok',
  'requests_kcount',
]);

/** One resolved entry, ready to price without searching the provider's model list again. */
export interface PricedEntry {
  /** A one-model provider (the engine then skips matching across hundreds of models). */
  provider: Provider;
  /** The model id as looked up (it matches the entry's rule). */
  modelId: string;
  /** Compiled price sets by pricing date (ms); null where the set cannot be compiled. */
  compiled: Map<number, FastPricer | null>;
  /** Pieces of the UTC day with one price set each (one piece: no time-of-day prices). */
  windows: DayWindow[];
  /** Price points per version day (time-of-day.ts). */
  points: Map<number, PricePoint[]>;
}

/** Prepare a hit for repeated pricing: the engine's matching dominated the time per call. */
export function pricedEntry(hit: CatalogHit, modelId: string): PricedEntry {
  const slim = (p: ModelPrice): ModelPrice => Object.fromEntries(Object.entries(p).filter(([k]) => BILLED_KEYS.has(k)));
  const prices = Array.isArray(hit.model.prices)
    ? hit.model.prices.map((c) => ({ ...c, prices: slim(c.prices) }))
    : slim(hit.model.prices);
  const provider: Provider = {
    id: hit.providerId,
    name: hit.providerId,
    api_pattern: '',
    models: [{ ...hit.model, prices }],
  };
  return { provider, modelId, compiled: new Map(), windows: dayWindows(hit.model), points: new Map() };
}

/**
 * USD of one call at `date`, split like the engine splits it (`other` = per-request fees). Uses
 * the price set compiled once per date (fast-price.ts, bit-identical to the engine); the engine
 * itself only for price sets that cannot be compiled and usage it would reject (its error).
 */
export function priceCall(
  entry: PricedEntry,
  usage: TokenUsage,
  date: Date,
): { input: number; output: number; other: number } {
  const t = date.getTime();
  let fast = entry.compiled.get(t);
  if (fast === undefined) {
    fast = compilePrices(pricesAt(entry, date)) ?? null;
    entry.compiled.set(t, fast);
  }
  return (fast && fast(usage)) ?? priceCallEngine(entry, usage, date);
}

/**
 * USD of one call priced on the version day of `date`: at the call's own UTC time of day when
 * `time` (epoch ms) is given, else the day-weighted mean of the entry's time-of-day prices.
 */
export function priceCallOn(
  entry: PricedEntry,
  usage: TokenUsage,
  date: Date,
  time: number | undefined,
): { input: number; output: number; other: number } {
  const points = pricePoints(entry.windows, date, time, entry.points);
  if (points.length === 1) return priceCall(entry, usage, points[0].at);
  let input = 0;
  let output = 0;
  let other = 0;
  for (const p of points) {
    const r = priceCall(entry, usage, p.at);
    input += p.weight * r.input;
    output += p.weight * r.output;
    other += p.weight * r.other;
  }
  return { input, output, other };
}

/** Unit prices on the version day of `date` at a total input: at `time`'s time of day, else the day-weighted mean. */
export function ratesOn(entry: PricedEntry, date: Date, time: number | undefined, inputTokens: number): EntryRates {
  const points = pricePoints(entry.windows, date, time, entry.points);
  if (points.length === 1) return ratesOf(pricesAt(entry, points[0].at), inputTokens);
  const mean: EntryRates = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 };
  for (const p of points) {
    const r = ratesOf(pricesAt(entry, p.at), inputTokens);
    for (const k of Object.keys(mean) as (keyof EntryRates)[]) mean[k] += p.weight * r[k];
  }
  return mean;
}

/** Input counts where long-context prices change on the version day of `date` (over every time-of-day piece). */
export function inputBreaksOn(entry: PricedEntry, date: Date): number[] {
  const starts = pricePoints(entry.windows, date, undefined, entry.points).flatMap((p) =>
    Object.values(pricesAt(entry, p.at)).flatMap((v) =>
      v !== undefined && typeof v !== 'number' ? v.tiers.map((t) => t.start) : [],
    ),
  );
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** {@link priceCall} through `calcPrice` itself: the reference the fast path is tested against. */
export function priceCallEngine(
  entry: PricedEntry,
  usage: TokenUsage,
  date: Date,
): { input: number; output: number; other: number } {
  // The engine's usage keys are a partition tree: cache_write_tokens is the parent of
  // cache_write_1h_tokens, so it gets both TTLs and the 1h share is priced at its own rate.
  const u: Usage = {
    input_tokens: usage.input,
    output_tokens: usage.output,
    cache_read_tokens: usage.cacheRead,
    cache_write_tokens: usage.cacheWrite + usage.cacheWrite1h,
    cache_write_1h_tokens: usage.cacheWrite1h,
  };
  const r = calcPrice(u, entry.modelId, { provider: entry.provider, timestamp: date });
  if (!r) throw new Error(`catalog lost ${entry.provider.id}:${entry.modelId}`); // resolve() found it: a bug, not input
  return { input: r.input_price, output: r.output_price, other: r.total_price - r.input_price - r.output_price };
}

/** The price set in force at `date` (start-date constraints and time-of-day windows as the engine picks them). */
export function pricesAt(entry: PricedEntry, date: Date): ModelPrice {
  const r = calcPrice(NO_USAGE, entry.modelId, { provider: entry.provider, timestamp: date });
  if (!r) throw new Error(`catalog lost ${entry.provider.id}:${entry.modelId}`);
  return r.model_price;
}

/** Unit prices at a given total input (long-context tiers are whole-request, strict `>`). */
export function ratesOf(prices: ModelPrice, inputTokens: number): EntryRates {
  const at = (key: string): number | undefined => {
    const p = prices[key];
    if (p === undefined) return undefined;
    if (typeof p === 'number') return p;
    return tierPrice(p, inputTokens);
  };
  const input = at('input_mtok') ?? 0;
  // Absent keys fall back the way the engine bills them: a missing leaf price is charged at its parent's.
  const cacheWrite = at('cache_write_mtok') ?? input;
  return {
    input,
    output: at('output_mtok') ?? 0,
    cacheRead: at('cache_read_mtok') ?? input,
    cacheWrite,
    cacheWrite1h: at('cache_write_1h_mtok') ?? cacheWrite,
  };
}

function tierPrice(p: TieredPrices, inputTokens: number): number {
  let price = p.base;
  for (const t of [...p.tiers].sort((a, b) => a.start - b.start)) if (inputTokens > t.start) price = t.price;
  return price;
}

const TOKEN_PRICE_KEYS = ['input_mtok', 'output_mtok'];

/**
 * Entries aicost prices text calls with: those with a per-token price, and explicit `:free`
 * variants. Entries without one (`prices: {}` "included in the subscription", OCR per page, audio
 * per hour) would price every call at $0, so they count as unpriced.
 */
export function isPriced(model: ModelInfo): boolean {
  if (model.id.endsWith(':free')) return true;
  const sets = Array.isArray(model.prices) ? model.prices.map((c) => c.prices) : [model.prices];
  return sets.some((s) => TOKEN_PRICE_KEYS.some((k) => s[k] !== undefined));
}

let providers: Provider[] | undefined;

/** Every provider of the embedded data, in the package's order. */
export function allProviders(): Provider[] {
  providers ??= CATALOG_PROVIDER_IDS.flatMap((id) => {
    const p = findProvider({ providerId: id });
    return p && p.id === id ? [p] : [];
  });
  return providers;
}
