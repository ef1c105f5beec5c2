/**
 * The catalog package's own engine, the reference the runtime is held to: aicost prices with
 * compiled price sets (src/catalog/fast-price.ts) over the data the build writes from the package
 * (src/catalog/catalog-data.ts), and never loads the package itself.
 */
import { calcPrice } from '@pydantic/genai-prices';
import type { Provider, Usage } from '@pydantic/genai-prices';
import type { PricedEntry, TokenUsage } from '../../src/catalog/genai.js';

/** A call priced by `calcPrice` on the entry's one-model provider, split like aicost splits it. */
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
  // A one-model provider: the engine then prices this entry without matching across a catalog.
  const provider: Provider = { id: entry.providerId, name: entry.providerId, api_pattern: '', models: [entry.model] };
  const r = calcPrice(u, entry.modelId, { provider, timestamp: date });
  if (!r) throw new Error(`the engine lost ${entry.providerId}:${entry.modelId}`);
  return { input: r.input_price, output: r.output_price, other: r.total_price - r.input_price - r.output_price };
}
