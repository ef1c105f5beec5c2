/**
 * The catalog's contracts: what it is built from, what pricing a call takes, and what it answers.
 */
import type { SourceLocation } from '../errors.js';
import type {
  CallCost,
  CallUsage,
  CatalogInfo,
  Position,
  PriceOverride,
  PriceSource,
  ResolvedModel,
  ServiceTier,
} from '../types.js';

/** What the catalog is built from: the config's `pricing:`, `discounts:` and `models:`. */
export interface CatalogOptions {
  /** Model id → USD per 1M tokens; wins over the catalog. */
  pricing: Record<string, PriceOverride>;
  /** Provider or vendor name (`openai`, `anthropic`, `aws`, `vertex_ai`, `azure`, …) → fraction off. */
  discounts: Record<string, number>;
  /** Alias or deployment name → model id (resolution continues from the target). */
  models: Record<string, string>;
  /** Repository-relative config path, for error locations. */
  configFile?: string;
  /** Dotted key path (`models.sonnet`) → position in the config file. */
  positions?: Record<string, Position>;
}

/** Tier and date of a priced call; `where` locates errors (e.g. the feature's `tier:` key). */
export interface PriceOptions {
  tier: ServiceTier;
  /** The pricing date: its UTC day picks the price version, never the time of day. */
  date: Date;
  /**
   * When the call was made (epoch ms, a sample's `ts`): its UTC time of day picks a time-of-day
   * price. Without it such prices are the day-weighted mean.
   */
  time?: number;
  where?: SourceLocation;
}

/** As PriceOptions, plus the request's total input (it selects long-context tiers). */
export interface RateOptions extends PriceOptions {
  inputTokens: number;
}

/** USD per 1M tokens after service tier and discount. */
export interface ModelRates {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
}

/** Prices model calls. Build one per config with `createCatalog`. */
export interface Catalog {
  /** Resolve a model id as written; throws UnknownModelError (never prices an unknown id at $0). */
  resolve(modelId: string, where?: SourceLocation): ResolvedModel;
  /** USD of one call (inclusive usage) at the tier and date. */
  price(model: ResolvedModel, usage: CallUsage, opts: PriceOptions): CallCost;
  /** Unit prices at the tier, date and request size, for reports and change lists. */
  rates(model: ResolvedModel, opts: RateOptions): ModelRates;
  /** Why `tier` cannot price calls of `model` (its seller does not offer it), or null when it can. */
  tierProblem(model: ResolvedModel, tier: ServiceTier): string | null;
  /**
   * Input-token counts where the model's long-context prices change at `date` (a call is in the
   * higher bracket when its input is strictly above one), ascending; empty for flat prices. Between
   * two of them a call's price is affine in its input, which lets a loop's turns be summed in
   * closed form.
   */
  inputBreaks(model: ResolvedModel, date: Date): number[];
  /** Where the model's prices come from, and their time-of-day windows on the version day of `date`. */
  priceSource(model: ResolvedModel, date: Date): PriceSource;
  info: CatalogInfo;
}
