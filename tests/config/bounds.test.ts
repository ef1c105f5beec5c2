/**
 * Every number of `.aicost.yml` has a documented maximum (schema/aicost.schema.json): a value past
 * it is an error naming file:line:column, the bound and why, never an Infinity further on.
 */
import { describe, it, expect } from '@jest/globals';
import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

function errorFor(text: string): ConfigError {
  try {
    loadConfig(text, '.aicost.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const feature = (volume: string, extra = '') => `version: 1
teams:
  support: { monthly_budget: 1000 }
features:
  summary:
    team: support
    prompt: p.prompt.yml
    ${volume}
${extra}`;

describe('numeric bounds of the config', () => {
  it('requests_per_day: 1e308 is refused at its line with the bound (it was Infinity per month)', () => {
    const e = errorFor(feature('requests_per_day: 1e308'));
    expect(e.format().split('\n')[0]).toBe(
      '.aicost.yml:8:23: features.summary.requests_per_day: must be ≤ 30,000,000,000, got 1e+308',
    );
    expect(e.hint).toMatch(/10\^12 bound of requests_per_month/);
  });

  it('the largest requests_per_day allowed stays finite and under 10^12 a month', () => {
    const config = loadConfig(feature('requests_per_day: 30000000000'), '.aicost.yml');
    expect(config.features.summary.requestsPerMonth).toBe((30_000_000_000 * 730) / 24);
    expect(config.features.summary.requestsPerMonth!).toBeLessThanOrEqual(1e12);
  });

  it('requests_per_month, typical_output_tokens, typical_turns and max_samples each name their bound', () => {
    const text = `${feature('requests_per_month: 1000000000001', '    typical_output_tokens: 10000001\n    typical_turns: 10001\n')}replay:\n  max_samples: 1000001\n`;
    const message = errorFor(text).format();
    expect(message).toContain(
      '.aicost.yml:8:25: features.summary.requests_per_month: must be ≤ 1,000,000,000,000, got 1000000000001',
    );
    expect(message).toContain('features.summary.typical_output_tokens: must be ≤ 10,000,000, got 10000001');
    expect(message).toContain('features.summary.typical_turns: must be ≤ 10,000, got 10001');
    expect(message).toContain('replay.max_samples: must be ≤ 1,000,000, got 1000001');
  });

  it('prices are at most 1,000,000 USD per 1M tokens, budgets and spend at most 10^12 USD', () => {
    const text = `${feature('requests_per_month: 10')}pricing:\n  acme/m: { input: 1e308, output: 1 }\n`.replace(
      'monthly_budget: 1000',
      'monthly_budget: 1e13, other_monthly_spend: 2e12',
    );
    const e = errorFor(text);
    const message = e.format();
    expect(message).toContain(
      '.aicost.yml:3:30: teams.support.monthly_budget: must be ≤ 1,000,000,000,000, got 10000000000000',
    );
    expect(message).toContain('teams.support.other_monthly_spend: must be ≤ 1,000,000,000,000, got 2000000000000');
    expect(message).toContain('.aicost.yml:10:20: pricing.acme/m.input: must be ≤ 1,000,000, got 1e+308');
  });

  it('values at the bounds are accepted', () => {
    const text = `${feature('requests_per_month: 1000000000000', '    typical_turns: 10000\n')}pricing:\n  acme/m: { input: 1000000, output: 1000000 }\n`;
    const config = loadConfig(text, '.aicost.yml');
    expect(config.features.summary.requestsPerMonth).toBe(1e12);
    expect(config.pricing['acme/m'].input).toBe(1e6);
  });
});
