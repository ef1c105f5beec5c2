/**
 * The catalog: `@pydantic/genai-prices`' data, read through catalog-data.ts (written from the
 * pinned package at build time) and looked up the way the package's `calcPrice` does
 * (catalog-match.ts); calls are priced by the compiled price sets of fast-price.ts, bit-identical
 * to the engine. The package itself is not loaded at run time: it is the data's source, and the
 * reference the tests hold all three to. Offline by construction.
 */
import type { ModelInfo, ModelPrice, TieredPrices } from '@pydantic/genai-prices';
import { findEntry, priceSetAt } from './catalog-match.js';
import { compilePrices } from './fast-price.js';
import type { FastPricer } from './fast-price.js';
import { dayWindows, pricePoints } from './time-of-day.js';
import type { DayWindow, PricePoint } from './time-of-day.js';

export { allProviders } from './catalog-data.js';

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

/** Find the entry that prices `model` (under `providerId`, or the provider whose names match). */
export function lookup(model: string, providerId?: string): CatalogHit | undefined {
  return findEntry(model, providerId);
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
  /** Provider the price is read from. */
  providerId: string;
  /** The catalog entry with only the price keys aicost bills. */
  model: ModelInfo;
  /** The model id as looked up (it matches the entry's rule). */
  modelId: string;
  /** Compiled price sets by pricing date (ms). */
  compiled: Map<number, FastPricer>;
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
  return {
    providerId: hit.providerId,
    model: { ...hit.model, prices },
    modelId,
    compiled: new Map(),
    windows: dayWindows(hit.model),
    points: new Map(),
  };
}

/**
 * USD of one call at `date`, split like the engine splits it (`other` = per-request fees), by the
 * price set compiled once per date (fast-price.ts, bit-identical to the engine).
 */
export function priceCall(
  entry: PricedEntry,
  usage: TokenUsage,
  date: Date,
): { input: number; output: number; other: number } {
  const t = date.getTime();
  let fast = entry.compiled.get(t);
  if (!fast) {
    fast = compilePrices(pricesAt(entry, date));
    // pricedEntry keeps only the billed keys, which all compile: a set that does not is a bug.
    if (!fast) throw new Error(`catalog: the prices of ${entry.providerId}:${entry.modelId} did not compile`);
    entry.compiled.set(t, fast);
  }
  const cost = fast(usage);
  // The engine's refusal too: the replay never sends more cache tokens than input.
  if (!cost) throw new Error(`Invalid usage data: cache tokens exceed the input (${JSON.stringify(usage)})`);
  return cost;
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

/** The price set in force at `date` (start-date constraints and time-of-day windows as the engine picks them). */
export function pricesAt(entry: PricedEntry, date: Date): ModelPrice {
  return priceSetAt(entry.model, date);
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
