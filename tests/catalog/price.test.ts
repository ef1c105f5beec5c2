import { describe, expect, it, jest } from '@jest/globals';
import { findProvider } from '@pydantic/genai-prices';
import { ConfigError, TrafficError } from '../../src/errors.js';
import { createCatalog, tierMultiplier } from '../../src/catalog/index.js';
import type { CallUsage, ServiceTier } from '../../src/types.js';

// Expected numbers are typed from the vendor price pages quoted in
// reference/pricing-and-tokens.md, never read through the catalog.
const DATE = new Date('2026-11-28T00:00:00Z');
const plain = createCatalog({ pricing: {}, discounts: {}, models: {} });

function usage(u: Partial<CallUsage>): CallUsage {
  return { inputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, outputTokens: 0, ...u };
}
function price(id: string, u: Partial<CallUsage>, tier: ServiceTier = 'standard', date = DATE, c = plain) {
  return c.price(c.resolve(id), usage(u), { tier, date });
}

describe('price: catalog models', () => {
  it('gpt-4o cached input: 600,000 × $2.50 + 400,000 × $1.25 + 100,000 × $10 per 1M = $3.00', () => {
    const p = price('openai/gpt-4o', { inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 });
    expect(p.input).toBeCloseTo(1.5 + 0.5, 10);
    expect(p.output).toBeCloseTo(1.0, 10);
    expect(p.total).toBeCloseTo(3.0, 10);
  });

  it('Anthropic cache writes: 5-minute at 1.25× input, 1-hour at 2×, reads at 0.1×', () => {
    // Sonnet 4: $3 in / $3.75 5m write / $6 1h write / $0.30 hit / $15 out.
    // 100,000 in = 20,000 plain + 20,000 5m writes + 10,000 1h writes + 50,000 reads; 2,000 out.
    const p = price('anthropic/claude-sonnet-4-20250514', {
      inputTokens: 100_000,
      cacheWriteTokens: 20_000,
      cacheWrite1hTokens: 10_000,
      cacheReadTokens: 50_000,
      outputTokens: 2_000,
    });
    const expected = (20_000 * 3 + 20_000 * 3 * 1.25 + 10_000 * 3 * 2 + 50_000 * 3 * 0.1) / 1e6;
    expect(expected).toBeCloseTo(0.21, 12);
    expect(p.input).toBeCloseTo(0.21, 12);
    expect(p.output).toBeCloseTo(0.03, 12);
  });

  it('Haiku 3.5 1-hour writes at $1.60 (2 × $0.80)', () => {
    const p = price('claude-3-5-haiku-20241022', { inputTokens: 1_000_000, cacheWrite1hTokens: 1_000_000 });
    expect(p.input).toBeCloseTo(1.6, 12);
  });

  it('gemini-2.5-pro long context switches at more than 200,000 input tokens, for input and output', () => {
    const at = price('google/gemini-2.5-pro', { inputTokens: 200_000, outputTokens: 1_000 });
    expect(at.input).toBeCloseTo((200_000 * 1.25) / 1e6, 12);
    expect(at.output).toBeCloseTo((1_000 * 10) / 1e6, 12);
    const over = price('google/gemini-2.5-pro', { inputTokens: 200_001, outputTokens: 1_000 });
    expect(over.input).toBeCloseTo((200_001 * 2.5) / 1e6, 12);
    expect(over.output).toBeCloseTo((1_000 * 15) / 1e6, 12);
    expect(over.total).toBeCloseTo(0.5150025, 12);
  });

  it('Claude Sonnet 4.5 above 200k input bills every token at $6 / $22.50', () => {
    const p = price('anthropic/claude-sonnet-4-5', { inputTokens: 1_000_000, outputTokens: 10_000 });
    expect(p.input).toBeCloseTo(6, 10);
    expect(p.output).toBeCloseTo(0.225, 10);
  });

  it('o3 is priced at the pricing date: $10/$40 before 2025-06-10, $2/$8 from then', () => {
    const u = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    expect(price('o3', u, 'standard', new Date('2025-05-01T00:00:00Z')).total).toBeCloseTo(50, 10);
    expect(price('o3', u, 'standard', new Date('2025-06-09T23:59:59Z')).total).toBeCloseTo(50, 10);
    expect(price('o3', u, 'standard', new Date('2025-06-10T00:00:00Z')).total).toBeCloseTo(10, 10);
    expect(price('o3', u, 'standard', new Date('2025-07-01T00:00:00Z')).total).toBeCloseTo(10, 10);
  });

  it('never writes to the console (the engine warns on unknown usage keys)', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    price('anthropic/claude-sonnet-4-5', {
      inputTokens: 5_000,
      cacheReadTokens: 1_000,
      cacheWriteTokens: 500,
      cacheWrite1hTokens: 500,
      outputTokens: 10,
    });
    price('openrouter/openai/gpt-4o', { inputTokens: 5_000, outputTokens: 10 });
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });

  it('rejects usage whose cache counts exceed the (inclusive) input', () => {
    expect(() => price('openai/gpt-4o', { inputTokens: 100, cacheReadTokens: 200 })).toThrow(TrafficError);
    expect(() => price('openai/gpt-4o', { inputTokens: -1 })).toThrow(TrafficError);
  });
});

describe('price: service tiers', () => {
  const oneM = { inputTokens: 1_000_000, outputTokens: 100_000 };

  it('batch halves input and output (gpt-4o batch $1.25/$5)', () => {
    expect(price('openai/gpt-4o', oneM, 'batch').total).toBeCloseTo(1.25 + 0.5, 10);
    // Sonnet 4.5 batch: $1.50 / $7.50.
    expect(
      price('anthropic/claude-sonnet-4-5', { inputTokens: 100_000, outputTokens: 10_000 }, 'batch').total,
    ).toBeCloseTo(0.15 + 0.075, 10);
    expect(price('gemini/gemini-2.5-flash', oneM, 'batch').total).toBeCloseTo(0.15 + 0.125, 10);
    expect(price('bedrock/anthropic.claude-sonnet-4-20250514-v1:0', oneM, 'batch').total).toBeCloseTo(1.5 + 0.75, 10);
  });

  it('batch stacks with cache prices (gpt-4o, 400k cached: $3.00 standard → $1.50)', () => {
    expect(
      price('openai/gpt-4o', { inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 }, 'batch')
        .total,
    ).toBeCloseTo(1.5, 10);
  });

  it('flex halves OpenAI o3 ($1/$4) and the gpt-5 family', () => {
    expect(price('o3', { inputTokens: 1_000_000, outputTokens: 1_000_000 }, 'flex').total).toBeCloseTo(1 + 4, 10);
    // o3 flex cached input $0.25.
    const r = plain.rates(plain.resolve('o3'), { tier: 'flex', date: DATE, inputTokens: 1000 });
    expect(r.cacheRead).toBeCloseTo(0.25, 12);
    expect(price('openai/gpt-5-2025-08-07', { inputTokens: 1_000_000 }, 'flex').total).toBeCloseTo(1.25 / 2, 10);
  });

  it('priority uses OpenAI’s per-model priority prices (gpt-4o $4.25/$17, cached $2.125; gpt-5 ×2)', () => {
    expect(price('openai/gpt-4o', { inputTokens: 1_000_000, outputTokens: 100_000 }, 'priority').total).toBeCloseTo(
      4.25 + 1.7,
      10,
    );
    const r = plain.rates(plain.resolve('gpt-4o'), { tier: 'priority', date: DATE, inputTokens: 1000 });
    expect(r).toMatchObject({
      input: expect.closeTo(4.25, 10),
      output: expect.closeTo(17, 10),
      cacheRead: expect.closeTo(2.125, 10),
    });
    expect(price('gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 1_000_000 }, 'priority').total).toBeCloseTo(
      0.25 + 1.0,
      10,
    );
    expect(price('o4-mini', { inputTokens: 1_000_000, outputTokens: 1_000_000 }, 'priority').total).toBeCloseTo(
      2 + 8,
      10,
    );
    expect(price('gpt-5', { inputTokens: 1_000_000, outputTokens: 1_000_000 }, 'priority').total).toBeCloseTo(
      2.5 + 20,
      10,
    );
  });

  it('a tier the provider does not offer is an error naming tier and provider, with a hint', () => {
    const where = { file: '.aicost.yml', line: 9, column: 11 };
    const m = plain.resolve('anthropic/claude-sonnet-4-5');
    let e: ConfigError | undefined;
    try {
      plain.price(m, usage({ inputTokens: 10 }), { tier: 'flex', date: DATE, where });
    } catch (x) {
      e = x as ConfigError;
    }
    expect(e).toBeInstanceOf(ConfigError);
    expect(e?.message).toBe(
      'service tier "flex" is not offered by anthropic for anthropic/claude-sonnet-4-5 (offered: standard, batch)',
    );
    expect(e?.hint).toContain('flex is priced at 50% for OpenAI o3, o4-mini and the gpt-5 family');
    expect(e?.location).toEqual(where);
    expect(() => price('anthropic/claude-sonnet-4-5', { inputTokens: 10 }, 'priority')).toThrow(
      /"priority" is not offered by anthropic/,
    );
    expect(() => price('gpt-4o', { inputTokens: 10 }, 'flex')).toThrow(/"flex" is not offered by openai/);
    expect(() => price('openrouter/openai/gpt-4o', { inputTokens: 10 }, 'batch')).toThrow(
      /"batch" is not offered by openrouter/,
    );
  });

  it('the Gemini tiers follow the catalog’s own price comments', () => {
    const google = findProvider({ providerId: 'google' });
    const comment = google?.models.find((m) => m.id === 'gemini-3.7-flash')?.price_comments ?? '';
    expect(comment).toContain('Batch and Flex tiers offer 50% discount, Priority tier is 1.8x');
    const subject = { seller: 'google', entryId: 'gemini-3.7-flash', model: 'gemini-3.7-flash' };
    expect(tierMultiplier(subject, 'flex')).toEqual({ input: 0.5, output: 0.5 });
    expect(tierMultiplier(subject, 'priority')).toEqual({ input: 1.8, output: 1.8 });
    expect(
      tierMultiplier({ seller: 'google', entryId: 'gemini-2.5-pro', model: 'gemini-2.5-pro' }, 'flex'),
    ).toBeUndefined();
  });
});

describe('price: discounts', () => {
  it('a provider discount takes its fraction off (gpt-4o 15% off: $3.50 → $2.975)', () => {
    const c = createCatalog({ pricing: {}, discounts: { openai: 0.15 }, models: {} });
    expect(
      price('openai/gpt-4o', { inputTokens: 1_000_000, outputTokens: 100_000 }, 'standard', DATE, c).total,
    ).toBeCloseTo(2.975, 10);
    // Stacks after the tier: batch $1.75 × 0.85.
    expect(
      price('openai/gpt-4o', { inputTokens: 1_000_000, outputTokens: 100_000 }, 'batch', DATE, c).total,
    ).toBeCloseTo(1.4875, 10);
    // Not for other sellers.
    expect(price('anthropic/claude-sonnet-4-5', { inputTokens: 100_000 }, 'standard', DATE, c).total).toBeCloseTo(
      0.3,
      10,
    );
  });

  it('is keyed by whoever bills the call: a gateway prefix or catalog id names the same provider', () => {
    const c = createCatalog({ pricing: {}, discounts: { vertex_ai: 0.1, aws: 0.2, anthropic: 0.5 }, models: {} });
    expect(price('google/gemini-2.5-pro', { inputTokens: 100_000 }, 'standard', DATE, c).total).toBeCloseTo(0.1125, 10);
    // Claude on Bedrock is billed by AWS: the anthropic discount does not apply.
    expect(
      price('bedrock/anthropic.claude-sonnet-4-20250514-v1:0', { inputTokens: 1_000_000 }, 'standard', DATE, c).total,
    ).toBeCloseTo(2.4, 10);
    expect(
      price('anthropic/claude-sonnet-4-20250514', { inputTokens: 1_000_000 }, 'standard', DATE, c).total,
    ).toBeCloseTo(1.5, 10);
  });

  it('an Azure deployment mapped under models: is billed by Azure', () => {
    const c = createCatalog({
      pricing: {},
      discounts: { azure: 0.1, openai: 0.5 },
      models: { 'azure/prod-gpt4o': 'openai/gpt-4o' },
    });
    expect(price('azure/prod-gpt4o', { inputTokens: 1_000_000 }, 'standard', DATE, c).total).toBeCloseTo(2.25, 10);
    expect(price('azure/prod-gpt4o', { inputTokens: 1_000_000 }, 'batch', DATE, c).total).toBeCloseTo(1.125, 10);
    expect(() => price('azure/prod-gpt4o', { inputTokens: 1 }, 'flex', DATE, c)).toThrow(/not offered by azure/);
  });
});

describe('price: pricing: overrides', () => {
  it('an override wins and is priced from its own numbers', () => {
    const c = createCatalog({
      pricing: { 'openai/gpt-4o': { input: 2, output: 8, cachedInput: 1 } },
      discounts: {},
      models: {},
    });
    // 600,000 × $2 + 400,000 × $1 + 100,000 × $8 per 1M.
    const p = price(
      'gpt-4o',
      { inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 },
      'standard',
      DATE,
      c,
    );
    expect(p.input).toBeCloseTo(1.6, 12);
    expect(p.output).toBeCloseTo(0.8, 12);
    // The override keeps the vendor's tiers: batch halves it.
    expect(price('gpt-4o', { inputTokens: 1_000_000 }, 'batch', DATE, c).total).toBeCloseTo(1.0, 12);
  });

  it('a private model: cached input at its own price, writes default to input, 1h writes to the write price', () => {
    const c = createCatalog({
      pricing: {
        'acme/finetune-7b': { input: 0.2, output: 0.8, cachedInput: 0.1 },
        'acme/writer': { input: 1, output: 2, cacheWrite: 1.5 },
      },
      discounts: { acme: 0.1 },
      models: {},
    });
    // 500,000 × $0.20 + 500,000 × $0.10 + 200,000 × $0.80, then 10% off.
    const p = price(
      'acme/finetune-7b',
      { inputTokens: 1_000_000, cacheReadTokens: 500_000, outputTokens: 200_000 },
      'standard',
      DATE,
      c,
    );
    expect(p.total).toBeCloseTo((0.1 + 0.05 + 0.16) * 0.9, 12);
    const w = c.rates(c.resolve('acme/writer'), { tier: 'standard', date: DATE, inputTokens: 10 });
    expect(w.input).toBeCloseTo(0.9, 12);
    expect(w.output).toBeCloseTo(1.8, 12);
    expect(w.cacheRead).toBeCloseTo(0.9, 12);
    expect(w.cacheWrite).toBeCloseTo(1.35, 12);
    expect(w.cacheWrite1h).toBeCloseTo(1.35, 12);
    expect(() => price('acme/finetune-7b', { inputTokens: 1 }, 'batch', DATE, c)).toThrow(
      /"batch" is not offered by acme/,
    );
  });
});

describe('rates', () => {
  it('Sonnet 4.5 unit prices below and above the 200k tier', () => {
    const m = plain.resolve('anthropic/claude-sonnet-4-5');
    const at = plain.rates(m, { tier: 'standard', date: DATE, inputTokens: 200_000 });
    expect(at).toEqual({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 });
    const over = plain.rates(m, { tier: 'standard', date: DATE, inputTokens: 200_001 });
    expect(over).toEqual({ input: 6, output: 22.5, cacheRead: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 });
  });

  it('gpt-4o has no cache-write price: writes cost plain input', () => {
    const r = plain.rates(plain.resolve('openai/gpt-4o'), { tier: 'batch', date: DATE, inputTokens: 1000 });
    expect(r).toEqual({ input: 1.25, output: 5, cacheRead: 0.625, cacheWrite: 1.25, cacheWrite1h: 1.25 });
  });

  it('o3 rates follow the date', () => {
    const m = plain.resolve('o3');
    expect(plain.rates(m, { tier: 'standard', date: new Date('2025-05-01T00:00:00Z'), inputTokens: 1 })).toMatchObject({
      input: 10,
      output: 40,
    });
    expect(plain.rates(m, { tier: 'standard', date: DATE, inputTokens: 1 })).toMatchObject({
      input: 2,
      output: 8,
      cacheRead: 0.5,
    });
  });
});
