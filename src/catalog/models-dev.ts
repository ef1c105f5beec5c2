/**
 * The second price catalog: a pinned snapshot of models.dev (scripts/models-dev-snapshot.mjs,
 * committed as models-dev-data.ts), asked only for ids `@pydantic/genai-prices` does not know,
 * and to cross-check the ids both know. Offline by construction; the JSON is parsed on the first
 * lookup, so a run that never needs it pays nothing at start.
 *
 * Entries become catalog entries of the primary's shape (a one-model provider with `equals`
 * matching), so they are priced by the same engine and fast path. models.dev context tiers apply
 * "from a given context size upward"; they become whole-request tiers at that size with the
 * primary's strict `>` (the two catalogs agree on gemini-2.5-pro's 200,000).
 */
import type { ModelInfo, ModelPrice, TieredPrices } from '@pydantic/genai-prices';
import type { CatalogHit } from './genai.js';
import type { ParsedModelId } from './ids.js';
import { MODELS_DEV_COMMIT, MODELS_DEV_DATE, MODELS_DEV_JSON } from './models-dev-data.js';

/** The fallback catalog's name and pinned version, as reports print them. */
export const FALLBACK_SOURCE = 'models.dev';
export const FALLBACK_VERSION = `${MODELS_DEV_COMMIT.slice(0, 7)} (${MODELS_DEV_DATE})`;

/** [input, output, cache_read | null?, cache_write?] USD per 1M tokens. */
type Rates = (number | null)[];
/** Rates, optionally followed by the tiers: [size, ...rates][]. */
type Row = (number | null | (number | null)[][])[];

/** The primary's provider id → the models.dev directories that sell under it, in order. */
const DIRECTORIES: Readonly<Record<string, readonly string[]>> = {
  openai: ['openai'],
  anthropic: ['anthropic'],
  google: ['google', 'google-vertex'],
  aws: ['amazon-bedrock'],
  mistral: ['mistral'],
  groq: ['groq'],
  deepseek: ['deepseek'],
  'x-ai': ['xai'],
  together: ['togetherai'],
  fireworks: ['fireworks-ai'],
  moonshotai: ['moonshotai'],
  cerebras: ['cerebras'],
  cohere: ['cohere'],
  perplexity: ['perplexity'],
  openrouter: ['openrouter'],
  novita: ['novita-ai'],
  zai: ['zai'],
  minimax: ['minimax'],
  baseten: ['baseten'],
};

/** Ids written without a provider are looked up at the model's own vendor only, never at a reseller. */
const VENDORS: readonly string[] = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'x-ai',
  'deepseek',
  'moonshotai',
  'cohere',
];

let data: Record<string, Record<string, Row>> | undefined;

function providers(): Record<string, Record<string, Row>> {
  data ??= (JSON.parse(MODELS_DEV_JSON) as { providers: Record<string, Record<string, Row>> }).providers;
  return data;
}

/** Spellings of one model id a directory may file it under (Bedrock's cross-region prefixes dropped). */
function spellings(providerId: string, model: string): string[] {
  const out = [model];
  if (providerId === 'aws') {
    const bare = model.replace(/^(?:us|eu|apac|global|jp|au|ca|us-gov)\./, '');
    if (bare !== model) out.push(bare);
  }
  if (providerId === 'fireworks' && !model.startsWith('accounts/')) out.push(`accounts/fireworks/models/${model}`);
  return out;
}

/** The fallback entry for a parsed id (no aliases, no overrides), as a catalog hit under the primary's provider id. */
export function fallbackLookup(parsed: ParsedModelId): CatalogHit | undefined {
  if (parsed.deployment || !parsed.model) return undefined;
  const providerIds = parsed.providerId ? [parsed.providerId] : VENDORS;
  for (const providerId of providerIds) {
    for (const dir of DIRECTORIES[providerId] ?? []) {
      const table = providers()[dir];
      if (!table) continue;
      for (const id of spellings(providerId, parsed.model)) {
        const row = table[id];
        if (row) return { providerId, model: modelInfo(id, row, parsed.model) };
      }
    }
  }
  return undefined;
}

/** A catalog entry for a snapshot row, matching the id as it was asked (`asked`). */
function modelInfo(id: string, row: Row, asked: string): ModelInfo {
  const last = row[row.length - 1];
  const tiers = Array.isArray(last) ? (last as (number | null)[][]) : [];
  const rates = (tiers.length ? row.slice(0, -1) : row) as Rates;
  const prices: ModelPrice = {};
  const keys = ['input_mtok', 'output_mtok', 'cache_read_mtok', 'cache_write_mtok'];
  keys.forEach((key, i) => {
    const base = rates[i];
    if (base === null || base === undefined) return;
    const steps = tiers.flatMap((t) => {
      const p = t[i + 1];
      return typeof p === 'number' && typeof t[0] === 'number' ? [{ start: t[0], price: p }] : [];
    });
    prices[key] = steps.length ? ({ base, tiers: steps } satisfies TieredPrices) : base;
  });
  return { id, match: { equals: asked }, prices };
}
