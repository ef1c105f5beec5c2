/**
 * Contracts of the catalog: how a model id resolves to a price, where the price comes from, and a call's
 * usage and cost. Re-exported from src/types.ts.
 */

import type { OpenAiEncoding } from './tokens.js';

/** How a model id was resolved to a price. */
export interface ResolvedModel {
  /** The id as written in the artifact or the traffic. */
  requested: string;
  /** `vendor/model` as shown to people, e.g. `openai/gpt-4o`, `anthropic/claude-sonnet-4-5`. */
  canonical: string;
  /** The catalog's provider id (`openai`, `anthropic`, `google`, `aws`, …) or `override`. */
  provider: string;
  /** The catalog's model id the price comes from (or the `pricing:` key). */
  priceId: string;
  /** Vendor whose tokenizer and cache rule apply (`openai`, `anthropic`, `google`, `meta`, …). */
  family: string;
  /** Where the price comes from. */
  source: 'catalog' | 'pricing';
  /** `pricing:` may pin a tokenizer for private models. */
  tokenizer?: OpenAiEncoding;
}

/** Where a resolved model's prices come from: the report names it for every priced feature. */
export interface PriceSource {
  /**
   * `catalog`: the primary catalog; `fallback`: the second catalog, for an id the first does not
   * know; `pricing`: the config's `pricing:`.
   */
  kind: 'catalog' | 'fallback' | 'pricing';
  /** Catalog package, or `pricing:` with the config file. */
  name: string;
  /** Catalog version (with its data date where it has one); null for `pricing:`. */
  version: string | null;
  /** The entry priced: `provider:model` in a catalog, the `pricing:` key. */
  entry: string;
  /**
   * The primary catalog prices the id and the fallback catalog knows it too, at standard input or
   * output prices more than 1% apart: the primary's price is used, this names the other. Else null.
   */
  disagreement: {
    source: string;
    version: string;
    primary: { input: number; output: number };
    other: { input: number; output: number };
  } | null;
  /**
   * The pieces of the UTC day with their standard input and output prices (USD per 1M tokens),
   * and the day-weighted mean; null when the price does not depend on the time of day.
   */
  timeOfDay: {
    windows: { window: string; input: number; output: number }[];
    mean: { input: number; output: number };
  } | null;
}

/** Token usage of one call, inclusive semantics: input includes cache reads and writes. */
export interface CallUsage {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheWrite1hTokens: number;
  outputTokens: number;
}

/** USD cost of one call, split for reporting. */
export interface CallCost {
  input: number;
  output: number;
  total: number;
}

export interface CatalogInfo {
  source: string;
  version: string;
  /** Date of the newest price data in the catalog (YYYY-MM-DD). */
  dataDate: string;
  /** Number of `pricing:` entries in force. */
  overrides: number;
}
