/**
 * Agent loops summed in closed form (issue 12, reproduction 10): the sum equals the turn-by-turn
 * sum with real catalog prices, across a long-context price threshold, and the number of price
 * evaluations does not grow with the number of turns.
 */
import { describe, expect, it } from '@jest/globals';
import { createCatalog } from '../../src/catalog/index.js';
import { inputOverTurns, sumOverTurns } from '../../src/estimate/turn-series.js';

const DATE = new Date('2026-11-01T00:00:00Z');
const catalog = createCatalog({ pricing: {}, discounts: {}, models: {} });

function pricer(model: string, out: number, cacheRead = 0) {
  const m = catalog.resolve(model);
  let calls = 0;
  const f = (input: number) => {
    calls++;
    return catalog.price(
      m,
      { inputTokens: input, cacheReadTokens: cacheRead, cacheWriteTokens: 0, cacheWrite1hTokens: 0, outputTokens: out },
      { tier: 'standard', date: DATE },
    ).total;
  };
  return { f, breaks: catalog.inputBreaks(m, DATE), calls: () => calls };
}

const loop = (n: number, first: number, step: number, f: (x: number) => number) => {
  let s = 0;
  for (let j = 0; j < n; j++) s += f(first + j * step);
  return s;
};

describe('closed-form loop sums', () => {
  it('knows where long-context prices change: gemini-2.5-pro above 200,000 input tokens, none for gpt-4o-mini', () => {
    expect(pricer('google/gemini-2.5-pro', 1).breaks).toEqual([200_000]);
    expect(pricer('openai/gpt-4o-mini', 1).breaks).toEqual([]);
  });

  it('equals the turn-by-turn sum across the 200k threshold, at it and away from it', () => {
    // gemini-2.5-pro: $1.25/$10 per 1M up to 200,000 input tokens, $2.50/$15 above.
    const cases: [number, number, number][] = [
      [60, 150_000, 1_000], // crosses at turn 51
      [60, 140_000, 1_000], // turn 61 would be the first above: lands exactly on 199,000 then stays below
      [30, 200_000, 500], // starts exactly at the threshold (not above it)
      [10, 250_000, 800], // entirely above
      [1, 199_999, 3], // one turn
      [5, 100, 0], // no growth
    ];
    for (const [n, first, step] of cases) {
      const p = pricer('google/gemini-2.5-pro', 300);
      const expected = loop(n, first, step, p.f);
      expect(sumOverTurns(n, first, step, p.breaks, p.f)).toBeCloseTo(expected, 12);
    }
    // A hand check of the crossing case: turns 1–51 at the lower rates, 52–60 at the higher.
    const low = Array.from({ length: 51 }, (_, j) => ((150_000 + j * 1_000) * 1.25 + 300 * 10) / 1e6).reduce(
      (a, b) => a + b,
      0,
    );
    const high = Array.from({ length: 9 }, (_, j) => ((201_000 + j * 1_000) * 2.5 + 300 * 15) / 1e6).reduce(
      (a, b) => a + b,
      0,
    );
    expect(sumOverTurns(60, 150_000, 1_000, [200_000], pricer('google/gemini-2.5-pro', 300).f)).toBeCloseTo(
      low + high,
      12,
    );
  });

  it('prices 2^31 turns with a handful of price evaluations', () => {
    const n = 2 ** 31;
    for (const model of ['google/gemini-2.5-pro', 'openai/gpt-4o-mini']) {
      const p = pricer(model, 100, 0);
      const sum = sumOverTurns(n, 1_000, 100, p.breaks, p.f);
      expect(Number.isFinite(sum)).toBe(true);
      expect(p.calls()).toBeLessThanOrEqual(2 * (p.breaks.length + 1));
    }
    // gpt-4o-mini has flat prices: n × (first + last) / 2 exactly.
    const mini = (x: number) => (x * 0.15 + 100 * 0.6) / 1e6;
    expect(sumOverTurns(n, 1_000, 100, [], mini)).toBeCloseTo((n * (mini(1_000) + mini(1_000 + (n - 1) * 100))) / 2, 0);
    expect(inputOverTurns(n, 1_000, 100)).toBe(n * 1_000 + (100 * n * (n - 1)) / 2);
  });
});
