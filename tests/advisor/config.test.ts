import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

const BASE = `version: 1
teams:
  support: { monthly_budget: 100 }
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 1000
`;

function load(extra: string, feature = ''): ReturnType<typeof loadConfig> {
  return loadConfig(BASE + feature + extra, '.aicost.yml');
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('advisor config keys', () => {
  it('reads advisor.candidates, evals and min_pass_rate as a percent, a fraction or "not below current"', () => {
    const config = load(`advisor:
  candidates: ["openai/gpt-4.1-mini", "google/gemini-2.5-*"]
  evals: [evals/*.json]
  min_pass_rate: 90%
`);
    expect(config.advisor).toEqual({
      candidates: ['openai/gpt-4.1-mini', 'google/gemini-2.5-*'],
      evals: ['evals/*.json'],
      minPassRate: 0.9,
    });
    expect(load('advisor: { min_pass_rate: 0.85 }\n').advisor).toEqual({ evals: [], minPassRate: 0.85 });
    expect(load('advisor: { min_pass_rate: not below current }\n').advisor).toEqual({
      evals: [],
      minPassRate: 'not below current',
    });
    expect(load('').advisor).toBeUndefined();
  });

  it('refuses a bare pass rate above 1 with the percent hint, and an unknown advisor key', () => {
    const high = errorOf(() => load('advisor: { min_pass_rate: 90 }\n'));
    expect(high.format()).toContain('advisor.min_pass_rate: 90 is not a fraction between 0 and 1; did you mean 90%?');
    expect(high.format()).toContain('"not below current"');
    const word = errorOf(() => load('advisor: { min_pass_rate: not worse }\n'));
    expect(word.format()).toContain('advisor.min_pass_rate');
    const unknown = errorOf(() => load('advisor: { candidate: [openai/gpt-4.1-mini] }\n'));
    expect(unknown.format()).toContain('candidate');
  });

  it('refuses an eval path outside the repository', () => {
    const outside = errorOf(() => load('advisor: { evals: [../other/results.json] }\n'));
    expect(outside.format()).toContain('advisor.evals');
  });

  it('reads latency: async per feature and require_cheaper_model_review under policies', () => {
    const config = load('policies: { require_cheaper_model_review: 50 }\n', '    latency: async\n');
    expect(config.features.summary.latency).toBe('async');
    expect(config.policies.requireCheaperModelReview).toBe(50);
    expect(load('').features.summary.latency).toBeUndefined();
    expect(errorOf(() => load('', '    latency: later\n')).format()).toContain('latency');
    expect(errorOf(() => load('policies: { require_cheaper_model_review: -5 }\n')).format()).toContain(
      'require_cheaper_model_review',
    );
  });
});
