/**
 * The catalog's data: `@pydantic/genai-prices`' providers as the build wrote them
 * (scripts/generate.mjs `generateCatalog`) into src/generated/genai-catalog.txt, one provider a
 * line, each parsed when a lookup first reaches it. Importing the package built all 43 providers
 * and 1,694 models at every start: 77–83 ms and 20 MB of memory in a bare Node, while a run prices
 * one to three providers (BENCHMARKS.md, 2026-12-05 night). The file is read in one piece (0.5 MB);
 * the bundles carry it as an asset beside themselves, like the rank tables.
 */
import { readFileSync } from 'node:fs';
import type { MatchLogic, Provider } from '@pydantic/genai-prices';

const FILE = new URL('../generated/genai-catalog.txt', import.meta.url);

/** What matching needs of a provider, without its models. */
export interface ProviderHead {
  id: string;
  provider_match?: MatchLogic;
  model_match?: MatchLogic;
  api_pattern: string;
  fallback_model_providers?: string[];
}

interface CatalogFile {
  /** The file's lines: header, index, then one provider each. */
  lines: string[];
  dataDate: string;
  heads: ProviderHead[];
}

let file: CatalogFile | undefined;
const parsed = new Map<number, Provider>();

function catalogFile(): CatalogFile {
  if (file) return file;
  // ASCII (scripts/generate.mjs escapes the rest): latin1 reads it as a plain copy.
  const lines = readFileSync(FILE, 'latin1').split('\n');
  const index = JSON.parse(lines[1] ?? 'null') as { dataDate: string; providers: ProviderHead[] } | null;
  // One line per provider and a final newline; anything else is a build bug, not input.
  if (!index || lines.length !== index.providers.length + 3)
    throw new Error('catalog: src/generated/genai-catalog.txt is corrupt');
  return (file = { lines, dataDate: index.dataDate, heads: index.providers });
}

/** Every provider's head, in the package's order. */
export function providerHeads(): readonly ProviderHead[] {
  return catalogFile().heads;
}

/** The provider at `index` of {@link providerHeads}, parsed on first use. */
export function providerAt(index: number): Provider {
  let p = parsed.get(index);
  if (!p) {
    p = JSON.parse(catalogFile().lines[index + 2]) as Provider;
    parsed.set(index, p);
  }
  return p;
}

/** The index in {@link providerHeads} of the provider with exactly this id, −1 when none. */
export function providerIndex(id: string): number {
  return providerHeads().findIndex((h) => h.id === id);
}

/** The provider with exactly this id, if any. */
export function providerWithId(id: string): Provider | undefined {
  const i = providerIndex(id);
  return i < 0 ? undefined : providerAt(i);
}

/** Every provider of the data, in the package's order (parses them all: `info`, `suggest`). */
export function allProviders(): Provider[] {
  return providerHeads().map((_, i) => providerAt(i));
}

/** How many providers have been parsed in this process (for tests that bound the work). */
export function parsedProviders(): number {
  return parsed.size;
}

/** Date of the newest price data, worked out by the build (scripts/generate.mjs `catalogDataDate`). */
export function catalogDataDate(): string {
  return catalogFile().dataDate;
}
