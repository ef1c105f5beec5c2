/**
 * The second catalog (issue 15, point 4): models.dev (pinned snapshot f3fc692, 2026-07-02) prices
 * ids @pydantic/genai-prices 0.1.8 does not know; the primary keeps precedence; where both know an
 * id and differ by more than 1% the primary is used and the difference is named. Prices typed in
 * from the models.dev TOML files (providers/<dir>/models/<id>.toml, `[cost]`).
 */
import { describe, expect, it } from '@jest/globals';
import { createCatalog } from '../../src/catalog/index.js';
import { fallbackLookup } from '../../src/catalog/models-dev.js';
import { parseModelId } from '../../src/catalog/ids.js';

const catalog = createCatalog({ pricing: {}, discounts: {}, models: {} });
const date = new Date('2026-11-27T00:00:00Z');
const usage = (input: number, output: number) => ({
  inputTokens: input,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens: output,
});

describe('fallback catalog (models.dev)', () => {
  it.each([
    // id as written, entry, USD per 1M input / output (models.dev [cost])
    ['gemini-flash-latest', 'google:gemini-flash-latest', 0.3, 2.5],
    ['gemini/gemini-flash-latest', 'google:gemini-flash-latest', 0.3, 2.5],
    ['xai/grok-4.20-0309-reasoning', 'x-ai:grok-4.20-0309-reasoning', 1.25, 2.5],
    ['together_ai/openai/gpt-oss-120b', 'together:openai/gpt-oss-120b', 0.15, 0.6],
    ['together_ai/openai/gpt-oss-20b', 'together:openai/gpt-oss-20b', 0.05, 0.2],
  ])('prices %s, unknown to the primary, from the fallback', (id, entry, input, output) => {
    const m = catalog.resolve(id);
    const source = catalog.priceSource(m, date);
    expect(source).toMatchObject({ kind: 'fallback', name: 'models.dev', version: 'f3fc692 (2026-07-02)', entry });
    // 12,000 input and 3,000 output tokens, by hand.
    const cost = catalog.price(m, usage(12_000, 3_000), { tier: 'standard', date });
    expect(cost.total).toBeCloseTo((12_000 * input + 3_000 * output) / 1e6, 15);
    expect(cost.total).toBeGreaterThan(0);
  });

  it('applies a models.dev context tier to the whole request above its size (grok-4.20: $2.50/$5 above 200,000)', () => {
    const m = catalog.resolve('xai/grok-4.20-0309-reasoning');
    expect(catalog.price(m, usage(200_000, 1_000), { tier: 'standard', date }).total).toBeCloseTo(
      (200_000 * 1.25 + 1_000 * 2.5) / 1e6,
      12,
    );
    expect(catalog.price(m, usage(200_001, 1_000), { tier: 'standard', date }).total).toBeCloseTo(
      (200_001 * 2.5 + 1_000 * 5) / 1e6,
      12,
    );
    expect(catalog.inputBreaks(m, date)).toEqual([200_000]);
  });

  it('the primary keeps precedence on ids it knows, with no notice where the two agree', () => {
    const m = catalog.resolve('openai/gpt-4o');
    const s = catalog.priceSource(m, date);
    expect(s).toMatchObject({
      kind: 'catalog',
      name: '@pydantic/genai-prices',
      version: '0.1.8',
      entry: 'openai:gpt-4o',
    });
    expect(s.disagreement).toBeNull();
    // models.dev has openai/gpt-4o at $2.50 / $10 too.
    expect(fallbackLookup(parseModelId('openai/gpt-4o'))?.model.prices).toMatchObject({
      input_mtok: 2.5,
      output_mtok: 10,
    });
  });

  it('names a disagreement over 1% and prices with the primary (mistral-large-latest: $2/$6 vs $0.50/$1.50)', () => {
    const m = catalog.resolve('mistral/mistral-large-latest');
    const s = catalog.priceSource(m, date);
    expect(s.kind).toBe('catalog');
    expect(s.disagreement).toEqual({
      source: 'models.dev',
      version: 'f3fc692 (2026-07-02)',
      primary: { input: 2, output: 6 },
      other: { input: 0.5, output: 1.5 },
    });
    expect(catalog.price(m, usage(1_000_000, 1_000_000), { tier: 'standard', date }).total).toBeCloseTo(8, 12);
  });

  it('asks only the vendor for an id without a provider, never a reseller', () => {
    // gpt-oss-120b is sold by Together and others in models.dev, by no vendor directory.
    expect(fallbackLookup(parseModelId('openai/gpt-oss-120b'))).toBeUndefined();
    expect(fallbackLookup(parseModelId('gpt-oss-120b'))).toBeUndefined();
    expect(fallbackLookup(parseModelId('no-such-model-xyz'))).toBeUndefined();
  });

  it('a config price still wins over both catalogs', () => {
    const c = createCatalog({
      pricing: { 'together_ai/openai/gpt-oss-120b': { input: 1, output: 2 } },
      discounts: {},
      models: {},
    });
    const m = c.resolve('together_ai/openai/gpt-oss-120b');
    expect(c.priceSource(m, date)).toMatchObject({ kind: 'pricing', name: 'pricing: in .aicost.yml', version: null });
    expect(c.price(m, usage(1_000_000, 1_000_000), { tier: 'standard', date }).total).toBe(3);
  });
});
