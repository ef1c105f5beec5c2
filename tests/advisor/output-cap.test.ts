import { describe, expect, it } from '@jest/globals';
import { outputCapAdvice } from '../../src/advisor/output-cap.js';

const BASE = { requestsPerMonth: 10_000, costPerRequest: 0.002, outputUsdPerToken: 8 / 1e6 };

describe('outputCapAdvice', () => {
  it('no answer near the cap: nothing to save, and says how far the largest is', () => {
    const advice = outputCapAdvice({ ...BASE, maxTokens: 500, outputs: [120, 200, 180, 90] });
    expect(advice.verdict).toBe('nothing-to-save');
    expect(advice.largestOutput).toBe(200);
    expect(advice.retryCostMonthly).toBe(0);
    expect(advice.notes[0]).toBe(
      'No recorded answer comes near max_tokens 500 (largest 200 tokens, 40%): the cap costs nothing and lowering it saves nothing.',
    );
  });

  it('answers cut at the cap: the retry cost per month and the most that raising the cap adds', () => {
    const advice = outputCapAdvice({
      ...BASE,
      maxTokens: 256,
      outputs: [256, 100, 250, 80, 120],
      finishReasons: ['length', 'stop', 'length', 'stop', 'stop'],
    });
    expect(advice.verdict).toBe('truncating');
    expect(advice.truncated).toBe(2); // 256 ≥ cap; 250 with finish_reason length
    expect(advice.share).toBe(2 / 5);
    // 10,000 requests × 2/5 cut × $0.002 a retry = $8.00 a month.
    expect(advice.retryCostMonthly).toBeCloseTo(10_000 * 0.4 * 0.002, 12);
    // Doubling the cap: at most 10,000 × 2/5 × 256 more output tokens × $8/M = $8.192.
    expect(advice.raiseCostMonthly).toBeCloseTo(10_000 * 0.4 * 256 * 8e-6, 12);
  });

  it('near the cap but not cut, and no cap at all', () => {
    expect(outputCapAdvice({ ...BASE, maxTokens: 100, outputs: [95, 50] }).verdict).toBe('near-cap');
    const none = outputCapAdvice({ ...BASE, maxTokens: undefined, outputs: [95, 50] });
    expect(none.verdict).toBe('no-cap');
    expect(none.largestOutput).toBe(95);
  });
});
