/**
 * The catalog without its package: the data the build writes (src/catalog/catalog-data.ts) is the
 * package's, provider for provider, and the lookup and the dated price choice
 * (src/catalog/catalog-match.ts) are the package's `calcPrice`, for every model of every provider
 * in several spellings, and for every dated or time-of-day price at every hour around its changes.
 */
import { describe, expect, it } from '@jest/globals';
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { ModelInfo, Provider } from '@pydantic/genai-prices';
import { allProviders, catalogDataDate, providerHeads } from '../../src/catalog/catalog-data.js';
import { findEntry, priceSetAt } from '../../src/catalog/catalog-match.js';
import { CATALOG_PROVIDER_IDS } from '../../src/catalog/ids.js';

const NO_USAGE = { input_tokens: 0, output_tokens: 0 };
const MATCH_DATE = new Date('2025-01-01T00:00:00Z');

/** What the package resolves: provider id and model, or undefined (also when it throws). */
function reference(model: string, providerId?: string): { providerId: string; model: ModelInfo } | undefined {
  const r = calcPrice(NO_USAGE, model, providerId ? { providerId, timestamp: MATCH_DATE } : { timestamp: MATCH_DATE });
  return r ? { providerId: r.provider.id, model: r.model } : undefined;
}

const providers: Provider[] = CATALOG_PROVIDER_IDS.map((id) => findProvider({ providerId: id })!);

describe('the catalog data is the package data', () => {
  it('has every provider of the id list, each equal to the package own, in its order', () => {
    expect(providers.every((p, i) => p?.id === CATALOG_PROVIDER_IDS[i])).toBe(true);
    expect(providerHeads().map((h) => h.id)).toEqual(CATALOG_PROVIDER_IDS);
    expect(allProviders()).toEqual(providers);
    expect(providers.reduce((n, p) => n + p.models.length, 0)).toBe(1694);
  });

  it('dates the data by the newest price change that had started (2026-09-22 for 0.1.8)', () => {
    // The rule, written out here as the reference: scheduled changes (a comment names the day before) do not count.
    let newest = '';
    for (const p of providers)
      for (const m of p.models)
        for (const c of Array.isArray(m.prices) ? m.prices : []) {
          const k = c.constraint;
          if (k?.type !== 'start_date') continue;
          const before = new Date(Date.parse(`${k.start_date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
          if (!m.price_comments?.includes(before) && k.start_date > newest) newest = k.start_date;
        }
    expect(catalogDataDate()).toBe(newest);
    expect(newest).toBe('2026-09-22');
  });
});

describe('lookup as calcPrice finds entries', () => {
  it('for every model of every provider, in five spellings, under its provider, none and an upper-cased one', () => {
    let compared = 0;
    let found = 0;
    for (const p of providers)
      for (const m of p.models) {
        const spellings = [
          m.id,
          m.id.toUpperCase(),
          `  ${m.id}\t`,
          `${m.id}-20250514`,
          m.id.replace(/-(20\d{2})-(\d{2})-(\d{2})/, '-$1$2$3'),
        ];
        for (const s of spellings)
          for (const pid of [p.id, undefined, p.id.toUpperCase()]) {
            const want = reference(s, pid);
            expect({ s, pid, got: findEntry(s, pid) }).toEqual({ s, pid, got: want });
            compared++;
            if (want) found++;
          }
        // A LiteLLM-style id: the provider prefix names the provider.
        expect(findEntry(`${p.id}/${m.id}`, 'litellm')).toEqual(reference(`${p.id}/${m.id}`, 'litellm'));
      }
    expect(compared).toBe(1694 * 15);
    expect(found).toBeGreaterThan(15_000);
  });

  it('for gateway spellings, unknown ids and empty ones', () => {
    const ids = [
      'openai/gpt-4o',
      'gpt-4o-mini',
      'claude-3-5-haiku-20241022',
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'gemini-2.5-pro',
      'models/gemini-2.0-flash',
      'meta-llama/llama-3.3-70b-instruct',
      'deepseek-chat',
      'gpt-9-ultra',
      'not a model',
      '',
      '   ',
    ];
    const pids = [
      undefined,
      'openai',
      'aws',
      'google',
      'openrouter',
      'azure',
      'litellm',
      'no-such-provider',
      'OpenAI ',
    ];
    for (const id of ids)
      for (const pid of pids)
        expect({ id, pid, got: findEntry(id, pid) }).toEqual({ id, pid, got: reference(id, pid) });
  });
});

describe('the price set in force, as calcPrice picks it', () => {
  it('for every model with dated or time-of-day prices, at every hour of the days around each change', () => {
    let checked = 0;
    for (const p of providers)
      for (const m of p.models) {
        if (!Array.isArray(m.prices)) continue;
        const days = new Set(['2024-01-01', '2026-12-05']);
        for (const c of m.prices)
          if (c.constraint?.type === 'start_date') {
            const t = Date.parse(`${c.constraint.start_date}T00:00:00Z`);
            for (const d of [-1, 0, 1]) days.add(new Date(t + d * 86_400_000).toISOString().slice(0, 10));
          }
        const one: Provider = { ...p, models: [m] };
        for (const day of days)
          for (let h = 0; h < 24; h++)
            for (const tail of [':00:00.000', ':29:59.999', ':30:00.000', ':59:59.999']) {
              const at = new Date(`${day}T${String(h).padStart(2, '0')}${tail}Z`);
              const want = calcPrice(NO_USAGE, m.id, { provider: one, timestamp: at });
              if (!want) continue; // an id its own rule does not match: the runtime never asks for it
              expect(priceSetAt(m, at)).toBe(want.model_price);
              checked++;
            }
      }
    expect(checked).toBeGreaterThan(5_000);
  });

  it('a model with one price set has it at any date', () => {
    const m = providers.find((p) => p.id === 'openai')!.models.find((x) => !Array.isArray(x.prices))!;
    expect(priceSetAt(m, new Date('2020-01-01T00:00:00Z'))).toBe(m.prices);
  });
});
