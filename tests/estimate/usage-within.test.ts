/**
 * The reconciliation line prices recorded usage on the counted input: cache reads and writes must
 * fit inside it together (the catalog refuses usage whose cached tokens exceed the input).
 */
import { describe, expect, it } from '@jest/globals';
import { usageWithin } from '../../src/estimate/pricing.js';

describe('usageWithin', () => {
  it('fills reads, then 5-minute writes, then 1-hour writes within the input', () => {
    // An Anthropic batch result: 1,000 5m + 2,000 1h writes; the template counts 28 tokens.
    const u = {
      inputTokens: 3050,
      cacheReadTokens: 0,
      cacheWriteTokens: 1000,
      cacheWrite1hTokens: 2000,
      outputTokens: 512,
    };
    expect(usageWithin(u, 28)).toEqual({
      inputTokens: 28,
      cacheReadTokens: 0,
      cacheWriteTokens: 28,
      cacheWrite1hTokens: 0,
      outputTokens: 512,
    });
    expect(usageWithin({ ...u, cacheReadTokens: 20 }, 28)).toMatchObject({
      cacheReadTokens: 20,
      cacheWriteTokens: 8,
      cacheWrite1hTokens: 0,
    });
    // Room for everything: unchanged but for the input.
    expect(usageWithin(u, 5000)).toEqual({ ...u, inputTokens: 5000 });
  });
});
