import { describe, expect, it } from '@jest/globals';
import { cacheableTokens, cacheRule, cachingAdvice } from '../../src/advisor/caching.js';
import type { CacheSample } from '../../src/advisor/caching.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

/** `n` distinct token ids starting at `from` (ids stand for tokens; only equality matters). */
function run(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

/** Samples sharing `system` then a user message of 40 tokens unique to each sample. */
function samples(system: number[], minutes: number[]): CacheSample[] {
  return minutes.map((m, i) => ({ messages: [system, run(1_000_000 * (i + 1), 40)], ts: T0 + m * MIN }));
}

const GPT41 = { input: 2, cacheRead: 0.5, cacheWrite: 0, cacheWrite1h: 0 };
const SONNET4 = { input: 3, cacheRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 };

describe('cache rules', () => {
  it('OpenAI caches from 1,024 tokens in 128-token steps; Anthropic Haiku needs 2,048; Gemini Pro 4,096', () => {
    const openai = cacheRule('openai', 'openai/gpt-4.1')!;
    expect(cacheableTokens(openai, 1023)).toBe(0);
    expect(cacheableTokens(openai, 1536)).toBe(1024 + 4 * 128);
    expect(cacheableTokens(openai, 1500)).toBe(1024 + 3 * 128);
    expect(cacheRule('anthropic', 'anthropic/claude-sonnet-4-20250514')!.minTokens).toBe(1024);
    expect(cacheRule('anthropic', 'anthropic/claude-3-5-haiku-20241022')!.minTokens).toBe(2048);
    expect(cacheRule('google', 'google/gemini-2.5-flash')!.minTokens).toBe(1024);
    expect(cacheRule('google', 'google/gemini-2.5-pro')!.minTokens).toBe(4096);
    expect(cacheRule('mistral', 'mistral/mistral-large')).toBeNull();
  });
});

describe('cachingAdvice', () => {
  it('gpt-4.1: 3 samples 2 min apart, 1,536 stable tokens, 100,000 requests a month', () => {
    const advice = cachingAdvice({
      model: 'openai/gpt-4.1',
      vendor: 'openai',
      rates: GPT41,
      requestsPerMonth: 100_000,
      samples: samples(run(1, 1536), [0, 2, 4]),
    });
    expect(advice.current.stablePrefixTokens).toBe(1536);
    expect(advice.current.cacheableTokens).toBe(1536); // 1,024 + 4 × 128
    // The first sample misses (no earlier one); the next two come 2 min after the previous (< 5 min TTL).
    expect(advice.current.hits).toBe(2);
    expect(advice.current.hitRate).toBeCloseTo(2 / 3, 12);
    // 100,000 × 2/3 × 1,536 tokens × ($2 − $0.50) per 1M = $153.60; no write fee at OpenAI.
    expect(advice.current.monthlySaving).toBeCloseTo((100_000 * (2 / 3) * 1536 * (2 - 0.5)) / 1e6, 9);
    expect(advice.current.monthlySaving).toBeCloseTo(153.6, 9);
    expect(advice.reorder).toBeNull();
    expect(advice.alreadyCached).toBe(false);
  });

  it('gaps longer than the TTL miss', () => {
    const advice = cachingAdvice({
      model: 'openai/gpt-4.1',
      vendor: 'openai',
      rates: GPT41,
      requestsPerMonth: 1000,
      samples: samples(run(1, 2048), [0, 6, 12, 14]),
    });
    // Gaps 6, 6, 2 min: only the last is within 5 min → 1 hit of 4.
    expect(advice.current.hits).toBe(1);
    expect(advice.current.monthlySaving).toBeCloseTo((1000 * (1 / 4) * 2048 * 1.5) / 1e6, 12);
  });

  it('Anthropic: writes cost more, and the 1 h TTL wins when gaps exceed 5 min', () => {
    const advice = cachingAdvice({
      model: 'anthropic/claude-sonnet-4-20250514',
      vendor: 'anthropic',
      rates: SONNET4,
      requestsPerMonth: 10_000,
      samples: samples(run(1, 2000), [0, 3, 20, 23]),
    });
    // 5 min: hits at 3 and 23 → 2/4; per request 2,000 × (0.5 × (3 − 0.3) − 0.5 × (3.75 − 3)) / 1M
    //   → 10,000 × 2,000 × (1.35 − 0.375) / 1M = $19.50.
    // 1 h: hits at 3, 20, 23 → 3/4; 2,000 × (0.75 × 2.7 − 0.25 × (6 − 3)) = 2,000 × 1.275
    //   → 10,000 × 2,000 × 1.275 / 1M = $25.50: chosen.
    expect(advice.current.ttlMinutes).toBe(60);
    expect(advice.current.hits).toBe(3);
    expect(advice.current.monthlySaving).toBeCloseTo((10_000 * 2000 * (0.75 * 2.7 - 0.25 * 3)) / 1e6, 9);
    expect(advice.current.monthlySaving).toBeCloseTo(25.5, 9);
  });

  it('Anthropic: a catalog without a 1 h write price is charged the published 2× of input, not the 5 min price', () => {
    const advice = cachingAdvice({
      model: 'anthropic/claude-sonnet-4-20250514',
      vendor: 'anthropic',
      rates: { ...SONNET4, cacheWrite1h: 3.75 },
      requestsPerMonth: 10_000,
      samples: samples(run(1, 2000), [0, 3, 20, 23]),
    });
    // Same figures as with the catalog's $6: 1 h at 2 × $3 = $6 a write still wins with $25.50.
    expect(advice.current.ttlMinutes).toBe(60);
    expect(advice.current.monthlySaving).toBeCloseTo((10_000 * 2000 * (0.75 * 2.7 - 0.25 * (6 - 3))) / 1e6, 9);
  });

  it('Anthropic: rare requests make caching cost more (a negative saving)', () => {
    const advice = cachingAdvice({
      model: 'anthropic/claude-sonnet-4-20250514',
      vendor: 'anthropic',
      rates: SONNET4,
      requestsPerMonth: 1000,
      samples: samples(run(1, 1024), [0, 120, 240]),
    });
    // No hits at either TTL; 5 min: every request writes at +$0.75/M → 1,000 × 1,024 × −0.75 / 1M.
    expect(advice.current.hits).toBe(0);
    expect(advice.current.ttlMinutes).toBe(5);
    expect(advice.current.monthlySaving).toBeCloseTo((1000 * 1024 * -(3.75 - 3)) / 1e6, 12);
  });

  it('Haiku and Gemini Pro: a stable prefix below the minimum caches nothing', () => {
    const haiku = cachingAdvice({
      model: 'anthropic/claude-3-5-haiku-20241022',
      vendor: 'anthropic',
      rates: { input: 0.8, cacheRead: 0.08, cacheWrite: 1, cacheWrite1h: 1.6 },
      requestsPerMonth: 1000,
      samples: samples(run(1, 1536), [0, 1, 2]),
    });
    expect(haiku.current.cacheableTokens).toBe(0);
    expect(haiku.current.monthlySaving).toBe(0);
    expect(haiku.notes.join(' ')).toContain('below the 2048-token minimum');

    const flashRates = { input: 0.3, cacheRead: 0.03, cacheWrite: 0, cacheWrite1h: 0 };
    const pro = cachingAdvice({
      model: 'google/gemini-2.5-pro',
      vendor: 'google',
      rates: { input: 1.25, cacheRead: 0.125, cacheWrite: 0, cacheWrite1h: 0 },
      requestsPerMonth: 1000,
      samples: samples(run(1, 3000), [0, 1]),
    });
    expect(pro.current.cacheableTokens).toBe(0);
    const flash = cachingAdvice({
      model: 'google/gemini-2.5-flash',
      vendor: 'google',
      rates: flashRates,
      requestsPerMonth: 1000,
      samples: samples(run(1, 3000), [0, 1]),
    });
    expect(flash.current.cacheableTokens).toBe(3000);
    // 1 hit of 2: 1,000 × 1/2 × 3,000 × ($0.30 − $0.03) / 1M = $0.405.
    expect(flash.current.monthlySaving).toBeCloseTo((1000 * 0.5 * 3000 * (0.3 - 0.03)) / 1e6, 12);
  });

  it('variables before the stable part: says how many tokens moving them would make cacheable', () => {
    // System message = 12 tokens naming the user (different per sample) + 1,200 identical instruction
    // tokens; then a 300-token identical few-shot message; then the user's question (different).
    const instructions = run(10_000, 1200);
    const shots = run(20_000, 300);
    const list: CacheSample[] = [0, 1, 2].map((i) => ({
      messages: [[...run(500_000 + i * 100, 12), ...instructions], shots, run(900_000 + i * 1000, 30)],
      ts: T0 + i * MIN,
    }));
    const advice = cachingAdvice({
      model: 'openai/gpt-4.1',
      vendor: 'openai',
      rates: GPT41,
      requestsPerMonth: 50_000,
      samples: list,
    });
    expect(advice.current.stablePrefixTokens).toBe(0);
    expect(advice.current.monthlySaving).toBe(0);
    expect(advice.reorder).not.toBeNull();
    expect(advice.reorder!.movableTokens).toBe(1200 + 300);
    // 1,500 stable tokens → 1,024 + 3 × 128 = 1,408 cacheable; 2 hits of 3.
    expect(advice.reorder!.cacheableTokens).toBe(1408);
    expect(advice.reorder!.monthlySaving).toBeCloseTo((50_000 * (2 / 3) * 1408 * 1.5) / 1e6, 9);
  });

  it('already-cached traffic: says so and saves 0', () => {
    const list = samples(run(1, 2048), [0, 1, 2]);
    list[1] = { ...list[1], cachedTokens: 1920 };
    const advice = cachingAdvice({
      model: 'openai/gpt-4.1',
      vendor: 'openai',
      rates: GPT41,
      requestsPerMonth: 100_000,
      samples: list,
    });
    expect(advice.alreadyCached).toBe(true);
    expect(advice.current.monthlySaving).toBe(0);
    expect(advice.notes[0]).toBe(
      '1 of 3 samples already record cache reads: caching is on, its saving is already in the recorded cost (0 more).',
    );
  });

  it('without two timed samples the hit rate and saving are unknown (null), never 0', () => {
    const list = samples(run(1, 2048), [0, 1]).map((s) => ({ messages: s.messages }));
    const advice = cachingAdvice({
      model: 'openai/gpt-4.1',
      vendor: 'openai',
      rates: GPT41,
      requestsPerMonth: 100_000,
      samples: list,
    });
    expect(advice.current.cacheableTokens).toBe(1024 + 8 * 128);
    expect(advice.current.hitRate).toBeNull();
    expect(advice.current.monthlySaving).toBeNull();
  });
});
