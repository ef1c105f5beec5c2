import { describe, expect, it } from '@jest/globals';
import { batchAdvice, tierSubjectOf } from '../../src/advisor/batch.js';
import { createCatalog } from '../../src/catalog/index.js';

const GPT41 = { seller: 'openai', entryId: 'gpt-4.1', model: 'gpt-4.1' };

describe('batchAdvice', () => {
  it('async gpt-4.1 on standard: batch at 50% saves half; OpenAI offers no flex for gpt-4.1', () => {
    const advice = batchAdvice({
      latency: 'async',
      tier: 'standard',
      subject: GPT41,
      monthly: { input: 300, output: 200 },
    });
    expect(advice.eligible).toBe(true);
    expect(advice.options).toEqual([
      {
        tier: 'batch',
        multiplier: { input: 0.5, output: 0.5 },
        monthly: 300 * 0.5 + 200 * 0.5,
        monthlySaving: 500 - 250,
        fraction: 0.5,
      },
    ]);
  });

  it('o3 has both batch and flex at 50%', () => {
    const advice = batchAdvice({
      latency: 'async',
      tier: 'standard',
      subject: { seller: 'openai', entryId: 'o3', model: 'o3' },
      monthly: { input: 40, output: 60 },
    });
    expect(advice.options.map((o) => [o.tier, o.monthlySaving])).toEqual([
      ['batch', 50],
      ['flex', 50],
    ]);
  });

  it('from the priority tier the saving is measured against the priority price', () => {
    // gpt-4.1 priority is 1.75× standard both ways ($3.50/$14 vs $2/$8); batch is 0.5×.
    const advice = batchAdvice({
      latency: 'async',
      tier: 'priority',
      subject: GPT41,
      monthly: { input: 175, output: 175 },
    });
    expect(advice.options[0].monthly).toBeCloseTo((175 * 0.5) / 1.75 + (175 * 0.5) / 1.75, 9);
    expect(advice.options[0].monthlySaving).toBeCloseTo(350 - 100, 9);
  });

  it('interactive features, features already on batch and sellers without batch get nothing, with the reason', () => {
    const interactive = batchAdvice({
      latency: undefined,
      tier: 'standard',
      subject: GPT41,
      monthly: { input: 1, output: 1 },
    });
    expect(interactive).toEqual({
      eligible: false,
      reason: expect.stringContaining('declare latency: async'),
      options: [],
    });
    expect(
      batchAdvice({ latency: 'interactive', tier: 'standard', subject: GPT41, monthly: { input: 1, output: 1 } })
        .eligible,
    ).toBe(false);
    expect(
      batchAdvice({ latency: 'async', tier: 'batch', subject: GPT41, monthly: { input: 1, output: 1 } }).reason,
    ).toBe('already billed at the batch tier');
    const openrouter = batchAdvice({
      latency: 'async',
      tier: 'standard',
      subject: { seller: 'openrouter', model: 'openai/gpt-4.1' },
      monthly: { input: 1, output: 1 },
    });
    expect(openrouter.reason).toBe('openrouter offers no batch or flex tier for openai/gpt-4.1');
  });

  it('tierSubjectOf reads a resolved model as the catalog does', () => {
    const catalog = createCatalog({ pricing: {}, discounts: {}, models: {} });
    const subject = tierSubjectOf(catalog.resolve('anthropic/claude-sonnet-4-20250514'));
    expect(subject.seller).toBe('anthropic');
    expect(
      batchAdvice({ latency: 'async', tier: 'standard', subject, monthly: { input: 10, output: 30 } }).options,
    ).toEqual([
      { tier: 'batch', multiplier: { input: 0.5, output: 0.5 }, monthly: 20, monthlySaving: 20, fraction: 0.5 },
    ]);
  });
});
