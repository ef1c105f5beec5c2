/**
 * A traffic line whose numbers are past a documented bound is a bad line with the field and the
 * bound, so no weighted sum of a feature can overflow (weight 1e308 used to make a monthly $0).
 */
import { describe, it, expect } from '@jest/globals';
import { LINE_BOUNDS, parseSampleLine } from '../../src/traffic/parse.js';

const reason = (row: object): string => {
  const r = parseSampleLine(JSON.stringify(row), 'traffic/a.jsonl', 3);
  if (r.ok) throw new Error('expected a bad line');
  return r.reason;
};
const weightOf = (row: object): number => {
  const r = parseSampleLine(JSON.stringify(row), 'traffic/a.jsonl', 3);
  if (!r.ok) throw new Error(r.reason);
  return r.sample.weight;
};
const usage = { input_tokens: 10, output_tokens: 5 };

describe('bounds of traffic line numbers', () => {
  it('weight past 10^12 or below 10^-6 is a bad line naming the bound', () => {
    expect(reason({ usage, weight: 1e308 })).toBe(
      'weight must be between 0.000001 and 1,000,000,000,000 (found 1e+308)',
    );
    expect(reason({ usage, weight: 1e-300 })).toBe(
      'weight must be between 0.000001 and 1,000,000,000,000 (found 1e-300)',
    );
    expect(weightOf({ usage, weight: 1e12 })).toBe(1e12);
    expect(weightOf({ usage, weight: 1e-6 })).toBe(1e-6);
  });

  it('token counts are at most 10^8 in usage, var_tokens and params', () => {
    expect(reason({ usage: { input_tokens: 100_000_001, output_tokens: 1 } })).toBe(
      'usage.input_tokens must be ≤ 100,000,000 (found 100000001)',
    );
    expect(reason({ usage: { input_tokens: 1, output_tokens: 9007199254740991 } })).toBe(
      'usage.output_tokens must be ≤ 100,000,000 (found 9007199254740991)',
    );
    expect(reason({ usage, var_tokens: { x: { o200k_base: 1e9 } } })).toBe(
      'var_tokens.x.o200k_base must be ≤ 100,000,000 (found 1000000000)',
    );
    expect(reason({ usage, params: { max_tokens: 2e8 } })).toBe(
      'params.max_tokens must be ≤ 100,000,000 (found 200000000)',
    );
    expect(LINE_BOUNDS.tokens).toBe(100_000_000);
  });

  it('cost_usd, step and ts have bounds too', () => {
    expect(reason({ usage, cost_usd: 1e10 })).toBe('cost_usd must be ≤ 1,000,000,000 (found 10000000000)');
    expect(reason({ usage, step: 2e6 })).toBe('step must be ≤ 1,000,000 (found 2000000)');
    expect(reason({ usage, ts: 1e300 })).toBe(
      'ts 1e+300 is after the year 9999: write epoch milliseconds or an RFC 3339 date-time',
    );
  });
});
