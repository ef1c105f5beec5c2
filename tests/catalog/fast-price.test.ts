import { describe, expect, it } from '@jest/globals';
import { calcPrice } from '@pydantic/genai-prices';
import { createCatalog } from '../../src/catalog/index.js';
import { compilePrices, UNITS } from '../../src/catalog/fast-price.js';
import { lookup, priceCall, pricedEntry, pricesAt } from '../../src/catalog/genai.js';
import type { TokenUsage } from '../../src/catalog/genai.js';
import { Pcg32 } from '../../src/stats/pcg32.js';
import { priceCallEngine } from '../helpers/catalog-engine.js';

// The fast path must be bit-identical to calcPrice, not merely close: reports print these sums and
// the base/head delta of an unchanged feature must be exactly 0 either way.

const BEFORE_O3_CUT = new Date('2025-05-01T00:00:00Z');
const AFTER_O3_CUT = new Date('2025-07-01T00:00:00Z');
const NOW = new Date('2026-11-28T00:00:00Z');

const CASES: [string, string, Date][] = [
  ['openai', 'gpt-4o', NOW],
  ['anthropic', 'claude-sonnet-4-5', NOW],
  ['google', 'gemini-2.5-pro', NOW],
  ['openai', 'o3', BEFORE_O3_CUT],
  ['openai', 'o3', AFTER_O3_CUT],
  ['anthropic', 'claude-3-5-haiku-20241022', NOW],
];

function entryFor(provider: string, model: string) {
  const hit = lookup(model, provider);
  if (!hit) throw new Error(`test setup: ${provider}:${model} not in the catalog`);
  return pricedEntry(hit, model);
}

/** Random usages: all cache kinds, sizes on both sides of the 200k long-context start, some fractional. */
function randomUsages(seed: string, n: number): TokenUsage[] {
  const g = Pcg32.fromString(seed);
  const out: TokenUsage[] = [];
  for (let i = 0; i < n; i++) {
    const scale = [1_000, 50_000, 199_990, 200_000, 200_001, 400_000, 2_000_000][g.nextBelow(7)];
    let input = scale === 200_000 || scale === 200_001 ? scale : Math.floor(g.nextFloat() * scale);
    if (g.nextBelow(10) === 0) input += 0.5; // a scaled, not yet rounded count
    const share = (): number => (g.nextBelow(3) === 0 ? 0 : g.nextFloat());
    const cacheRead = Math.floor(input * share() * 0.6);
    const cacheWrite = Math.floor((input - cacheRead) * share() * 0.5);
    const cacheWrite1h = Math.floor((input - cacheRead - cacheWrite) * share() * 0.5);
    const output = g.nextBelow(5) === 0 ? 0 : Math.floor(g.nextFloat() * 20_000) + (g.nextBelow(10) === 0 ? 0.25 : 0);
    out.push({ input, cacheRead, cacheWrite, cacheWrite1h, output });
  }
  return out;
}

describe('fast price path equals calcPrice exactly', () => {
  it.each(CASES)(
    '%s:%s at %s on 3,000 random usages (cache reads, 5m and 1h writes, tier crossings)',
    (provider, model, date) => {
      const entry = entryFor(provider, model);
      let crossed = 0;
      for (const u of randomUsages(`${provider}:${model}:${date.toISOString()}`, 3000)) {
        const fast = priceCall(entry, u, date);
        const ref = priceCallEngine(entry, u, date);
        expect(
          Object.is(fast.input, ref.input) && Object.is(fast.output, ref.output) && Object.is(fast.other, ref.other),
        ).toBe(true);
        if (u.input > 200_000) crossed++;
      }
      expect(crossed).toBeGreaterThan(500);
    },
  );

  it('matches calcPrice on the unslimmed provider data too (input and output prices)', () => {
    for (const [provider, model, date] of CASES) {
      for (const u of randomUsages(`raw:${model}`, 500)) {
        const raw = calcPrice(
          {
            input_tokens: u.input,
            output_tokens: u.output,
            cache_read_tokens: u.cacheRead,
            cache_write_tokens: u.cacheWrite + u.cacheWrite1h,
            cache_write_1h_tokens: u.cacheWrite1h,
          },
          model,
          { providerId: provider, timestamp: date },
        )!;
        const fast = priceCall(entryFor(provider, model), u, date);
        expect([fast.input, fast.output]).toEqual([raw.input_price, raw.output_price]);
      }
    }
  });

  it('prices by hand: o3 $10/$40 before 2025-06-10, $2/$8 after; gemini-2.5-pro $2.50/$15 above 200k', () => {
    const o3 = entryFor('openai', 'o3');
    const u = { input: 1_000_000, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, output: 1_000_000 };
    expect(priceCall(o3, u, BEFORE_O3_CUT)).toEqual({ input: 10, output: 40, other: 0 });
    expect(priceCall(o3, u, AFTER_O3_CUT)).toEqual({ input: 2, output: 8, other: 0 });
    const pro = entryFor('google', 'gemini-2.5-pro');
    const big = priceCall(pro, { input: 400_000, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, output: 1_000 }, NOW);
    expect(big.input).toBeCloseTo(1.0, 12); // 400,000 × $2.50 / 1M
    expect(big.output).toBeCloseTo(0.015, 12); // 1,000 × $15 / 1M
  });

  it('a usage the engine rejects is refused as the engine refuses it (inconsistent cache split)', () => {
    const entry = entryFor('anthropic', 'claude-sonnet-4-5');
    const bad = { input: 10, cacheRead: 8, cacheWrite: 8, cacheWrite1h: 0, output: 0 };
    expect(compilePrices(pricesAt(entry, NOW))!(bad)).toBeUndefined();
    expect(() => priceCall(entry, bad, NOW)).toThrow(/Invalid usage data/);
  });

  it("orders usage keys as the engine's localeCompare does (code-point order, without starting ICU)", () => {
    const keys = Object.values(UNITS).map((u) => u.usageKey);
    expect(keys.length).toBe(6);
    const byCodePoint = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect([...keys].sort((a, b) => a.localeCompare(b))).toEqual(byCodePoint);
  });

  it('does not compile price sets with keys it does not know (pricedEntry keeps only billed keys)', () => {
    expect(compilePrices({ input_mtok: 1, output_mtok: 2, input_audio_mtok: 3 })).toBeUndefined();
  });

  it('catalog.price with tiers and discounts keeps the multiplier arithmetic (batch ×0.5, 15% off)', () => {
    const c = createCatalog({ pricing: {}, discounts: { openai: 0.15 }, models: {} });
    const m = c.resolve('openai/gpt-4o');
    const p = c.price(
      m,
      {
        inputTokens: 1_000_000,
        cacheReadTokens: 400_000,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens: 100_000,
      },
      { tier: 'batch', date: NOW },
    );
    // (600,000 × 2.50 + 400,000 × 1.25) / 1M = 2.00 input, 1.00 output; × 0.5 × 0.85.
    expect(p.input).toBeCloseTo(0.85, 12);
    expect(p.output).toBeCloseTo(0.425, 12);
    expect(p.total).toBeCloseTo(1.275, 12);
  });
});
