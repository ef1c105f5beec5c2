/**
 * The catalog parses a provider's models only when a lookup reaches that provider: a run that
 * prices gpt-4o-mini parses one of the 43 providers, not all of them (BENCHMARKS.md: building
 * them all was 77–83 ms of every start). Counted, never timed.
 */
import { describe, expect, it } from '@jest/globals';
import { parsedProviders, providerHeads } from '../../src/catalog/catalog-data.js';
import { createCatalog } from '../../src/catalog/index.js';
import { lookup } from '../../src/catalog/genai.js';

describe('catalog data on demand', () => {
  it('parses only the providers a lookup reaches', () => {
    expect(parsedProviders()).toBe(0);
    const catalog = createCatalog({ pricing: {}, discounts: {}, models: {} });
    expect(catalog.info.dataDate).toBe('2026-09-22'); // from the file's index, no provider parsed
    expect(parsedProviders()).toBe(0);
    expect(lookup('gpt-4o-mini', 'openai')?.model.id).toBe('gpt-4o-mini');
    expect(parsedProviders()).toBe(1);
    expect(lookup('claude-sonnet-4-5')?.providerId).toBe('anthropic'); // by the providers' model rules
    expect(parsedProviders()).toBe(2);
    expect(lookup('gpt-4o', 'openai')?.model.id).toBe('gpt-4o');
    expect(parsedProviders()).toBe(2);
    expect(providerHeads().length).toBe(43);
  });
});
