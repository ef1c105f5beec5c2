import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/index.js';
import type { Config } from '../../src/types.js';

/** A realistic config using every key; line numbers are the array index + 1. */
const FULL = [
  'version: 1', // 1
  'features:', // 2
  '  ticket-summary:', // 3
  '    team: support', // 4
  '    prompt: prompts/summarize.prompt.yml', // 5
  '    model: openai/gpt-4o-mini', // 6
  '    traffic:', // 7
  '      - traffic/summarize-*.jsonl', // 8
  '      - traffic/archive/summarize.jsonl', // 9
  '    traffic_format: aicost', // 10
  '    tier: batch', // 11
  '  triage.agent:', // 12
  '    team: platform', // 13
  '    agent: agents/triage.yaml', // 14
  '    requests_per_day: 2400', // 15
  '    typical_output_tokens: 350', // 16
  '    typical_turns: 3', // 17
  '  classifier:', // 18
  '    team: support', // 19
  '    prompt: prompts/classify.prompty', // 20
  '    traffic: traffic/classify.jsonl', // 21
  '    requests_per_month: 90000', // 22
  'teams:', // 23
  '  support:', // 24
  '    monthly_budget: 8000', // 25
  '    warn_at: 75%', // 26
  '    other_monthly_spend: 1200.5', // 27
  '    max_monthly_increase: 300', // 28
  '    owners: ["@acme/support-leads", "@jane"]', // 29
  '  platform:', // 30
  '    monthly_budget: 2500', // 31
  'policies:', // 32
  '  fail_on: [budget, max_monthly_increase, allowed_models]', // 33
  '  max_monthly_increase: 500', // 34
  '  max_monthly_increase_percent: 0.25', // 35
  '  max_cost_per_request: { usd: 0.05, stat: p95 }', // 36
  '  allowed_models: ["openai/gpt-4o*", "anthropic/claude-sonnet-4*"]', // 37
  '  min_increase_usd: 1', // 38
  '  unpriced_changes: fail', // 39
  '  static_estimates: warn', // 40
  '  on_base_error: fail', // 41
  '  override_label: aicost-approved', // 42
  '  override_approvers: ["@acme/finops"]', // 43
  'pricing:', // 44
  '  acme/finetune-7b: { input: 0.2, output: 0.8, cached_input: 0.1, cache_write: 0.25, cache_write_1h: 0.4, tokenizer: cl100k_base }', // 45
  '  openai/gpt-4o: { input: 2.5, output: 10 }', // 46
  'discounts:', // 47
  '  openai: 15%', // 48
  '  anthropic: 0.1', // 49
  'models:', // 50
  '  sonnet: anthropic/claude-sonnet-4-5', // 51
  '  azure/prod-gpt4o: openai/gpt-4o', // 52
  'replay:', // 53
  '  max_samples: 5000', // 54
  '  max_bad_lines: 2.5%', // 55
  'pricing_date: 2026-11-01', // 56
  '',
].join('\n');

describe('loadConfig: a full config', () => {
  const config = loadConfig(FULL, 'config/.aicost.yml');

  it('loads every key into the typed config, percents as fractions, per-day volume per month', () => {
    const { positions: _positions, ...rest } = config;
    expect(rest).toEqual({
      version: 1,
      path: 'config/.aicost.yml',
      features: {
        'ticket-summary': {
          id: 'ticket-summary',
          team: 'support',
          prompt: 'prompts/summarize.prompt.yml',
          model: 'openai/gpt-4o-mini',
          traffic: ['traffic/summarize-*.jsonl', 'traffic/archive/summarize.jsonl'],
          trafficFormat: 'aicost',
          tier: 'batch',
        },
        'triage.agent': {
          id: 'triage.agent',
          team: 'platform',
          agent: 'agents/triage.yaml',
          traffic: [],
          trafficFormat: 'auto',
          // 2,400 a day × 730 hours / 24 hours = 73,000 a month.
          requestsPerMonth: 73000,
          volumeKey: 'requests_per_day',
          typicalOutputTokens: 350,
          typicalTurns: 3,
          tier: 'standard',
        },
        classifier: {
          id: 'classifier',
          team: 'support',
          prompt: 'prompts/classify.prompty',
          traffic: ['traffic/classify.jsonl'],
          trafficFormat: 'auto',
          requestsPerMonth: 90000,
          volumeKey: 'requests_per_month',
          tier: 'standard',
        },
      },
      teams: {
        support: {
          id: 'support',
          monthlyBudget: 8000,
          warnAt: 0.75,
          otherMonthlySpend: 1200.5,
          maxMonthlyIncrease: 300,
          owners: ['@acme/support-leads', '@jane'],
        },
        platform: { id: 'platform', monthlyBudget: 2500, warnAt: 0.8, otherMonthlySpend: 0, owners: [] },
      },
      policies: {
        failOn: ['budget', 'max_monthly_increase', 'allowed_models'],
        maxMonthlyIncrease: 500,
        maxMonthlyIncreasePercent: 0.25,
        maxCostPerRequest: { usd: 0.05, stat: 'p95' },
        allowedModels: ['openai/gpt-4o*', 'anthropic/claude-sonnet-4*'],
        minIncreaseUsd: 1,
        unpricedChanges: 'fail',
        staticEstimates: 'warn',
        onBaseError: 'fail',
        overrideLabel: 'aicost-approved',
        overrideApprovers: ['@acme/finops'],
      },
      pricing: {
        'acme/finetune-7b': {
          input: 0.2,
          output: 0.8,
          cachedInput: 0.1,
          cacheWrite: 0.25,
          cacheWrite1h: 0.4,
          tokenizer: 'cl100k_base',
        },
        'openai/gpt-4o': { input: 2.5, output: 10 },
      },
      discounts: { openai: 0.15, anthropic: 0.1 },
      models: { sonnet: 'anthropic/claude-sonnet-4-5', 'azure/prod-gpt4o': 'openai/gpt-4o' },
      replay: { maxSamples: 5000, maxBadLines: 0.025 },
      pricingDate: '2026-11-01',
    } satisfies Omit<Config, 'positions'>);
  });

  it('keeps no undefined optional fields', () => {
    expect(Object.keys(config.features['ticket-summary']).sort()).toEqual([
      'id',
      'model',
      'prompt',
      'team',
      'tier',
      'traffic',
      'trafficFormat',
    ]);
    expect(Object.keys(config.teams.platform).sort()).toEqual([
      'id',
      'monthlyBudget',
      'otherMonthlySpend',
      'owners',
      'warnAt',
    ]);
  });

  it('records the line and column of every key path', () => {
    expect(config.positions['version']).toEqual({ line: 1, column: 1 });
    expect(config.positions['features.ticket-summary']).toEqual({ line: 3, column: 3 });
    expect(config.positions['features.ticket-summary.team']).toEqual({ line: 4, column: 5 });
    expect(config.positions['features.ticket-summary.traffic.1']).toEqual({ line: 9, column: 9 });
    expect(config.positions['features.triage.agent.requests_per_day']).toEqual({ line: 15, column: 5 });
    expect(config.positions['teams.support.monthly_budget']).toEqual({ line: 25, column: 5 });
    expect(config.positions['teams.platform']).toEqual({ line: 30, column: 3 });
    expect(config.positions['policies.max_cost_per_request.stat']).toEqual({ line: 36, column: 38 });
    expect(config.positions['pricing.openai/gpt-4o']).toEqual({ line: 46, column: 3 });
    expect(config.positions['pricing.acme/finetune-7b.tokenizer']).toEqual({ line: 45, column: 107 });
    expect(config.positions['discounts.anthropic']).toEqual({ line: 49, column: 3 });
    expect(config.positions['models.azure/prod-gpt4o']).toEqual({ line: 52, column: 3 });
    expect(config.positions['pricing_date']).toEqual({ line: 56, column: 1 });
    // Every key is there: 54 block keys (lines 8 and 9 hold list items), 10 list items and
    // 10 keys inside flow maps.
    expect(Object.keys(config.positions)).toHaveLength(74);
  });
});

describe('loadConfig: defaults', () => {
  it('fills every default of a minimal config', () => {
    const config = loadConfig(
      [
        'version: 1',
        'teams:',
        '  web: {}',
        'features:',
        '  search:',
        '    team: web',
        '    prompt: p.md',
        '    requests_per_day: 1000',
        '',
      ].join('\n'),
      '.aicost.yml',
    );
    expect(config.features.search).toEqual({
      id: 'search',
      team: 'web',
      prompt: 'p.md',
      traffic: [],
      trafficFormat: 'auto',
      tier: 'standard',
      volumeKey: 'requests_per_day',
      requestsPerMonth: 30416.666666666668, // 1,000 × 730 / 24
    });
    expect(config.teams.web).toEqual({ id: 'web', warnAt: 0.8, otherMonthlySpend: 0, owners: [] });
    expect(config.policies).toEqual({
      minIncreaseUsd: 0,
      unpricedChanges: 'warn',
      staticEstimates: 'warn',
      onBaseError: 'warn',
      overrideApprovers: [],
    });
    // 5,000: BENCHMARKS.md "replay.max_samples" (time vs interval width).
    expect(config.replay).toEqual({ maxSamples: 5000, maxBadLines: 0.01 });
    expect(config.pricingDate).toBe('commit');
    expect(config.pricing).toEqual({});
    expect(config.discounts).toEqual({});
    expect(config.models).toEqual({});
  });

  it('loads `version: 1` alone into an empty config', () => {
    const config = loadConfig('version: 1\n', '.aicost.yml');
    expect(config.features).toEqual({});
    expect(config.teams).toEqual({});
    expect(config.positions).toEqual({ version: { line: 1, column: 1 } });
  });

  it('keeps max_cost_per_request.stat at mean when left out, and an empty fail_on as "nothing fails"', () => {
    const config = loadConfig(
      'version: 1\npolicies:\n  fail_on: []\n  max_cost_per_request: { usd: 0.5 }\n',
      '.aicost.yml',
    );
    expect(config.policies.maxCostPerRequest).toEqual({ usd: 0.5, stat: 'mean' });
    expect(config.policies.failOn).toEqual([]);
  });

  it('accepts both percent notations and both bounds', () => {
    const config = loadConfig(
      'version: 1\ndiscounts: { a: 0, b: 1, c: "100%", d: 0%, e: 12.5%, f: " 30 %" }\nreplay: { max_bad_lines: 0 }\n',
      '.aicost.yml',
    );
    expect(config.discounts).toEqual({ a: 0, b: 1, c: 1, d: 0, e: 0.125, f: 0.3 });
    expect(config.replay.maxBadLines).toBe(0);
  });

  it('reads a YAML 1.1 document: an unquoted date stays the text YYYY-MM-DD', () => {
    const config = loadConfig('%YAML 1.1\n---\nversion: 1\npricing_date: 2026-01-15\n', '.aicost.yml');
    expect(config.pricingDate).toBe('2026-01-15');
  });

  it('expands small anchors and aliases', () => {
    const config = loadConfig(
      'version: 1\nteams:\n  a: &defaults { monthly_budget: 100, warn_at: 50% }\n  b: *defaults\n',
      '.aicost.yml',
    );
    expect(config.teams.b).toEqual({ id: 'b', monthlyBudget: 100, warnAt: 0.5, otherMonthlySpend: 0, owners: [] });
    // The alias's keys point at the anchor's text, the alias itself at where it is used.
    expect(config.positions['teams.b']).toEqual({ line: 4, column: 3 });
    expect(config.positions['teams.b.monthly_budget']).toEqual({ line: 3, column: 18 });
  });
});

describe('loadConfig: the example of DESIGN.md', () => {
  it('loads the example config of the design verbatim', () => {
    const text = readFileSync(new URL('./fixtures/design-example.aicost.yml', import.meta.url), 'utf8');
    const config = loadConfig(text, '.aicost.yml');
    expect(config.features['ticket-summary']).toEqual({
      id: 'ticket-summary',
      team: 'support',
      prompt: 'prompts/summarize.prompt.yml',
      model: 'openai/gpt-4o-mini',
      traffic: ['traffic/summarize.jsonl'],
      trafficFormat: 'auto',
      requestsPerMonth: 1200000,
      volumeKey: 'requests_per_month',
      typicalOutputTokens: 220,
      typicalTurns: 4,
      tier: 'standard',
    });
    expect(config.teams.support).toEqual({
      id: 'support',
      monthlyBudget: 8000,
      warnAt: 0.8,
      otherMonthlySpend: 1200,
      maxMonthlyIncrease: 300,
      owners: ['@acme/support-leads'],
    });
    expect(config.policies.maxMonthlyIncreasePercent).toBe(0.25);
    expect(config.policies.maxCostPerRequest).toEqual({ usd: 0.05, stat: 'mean' });
    expect(config.pricing['acme/finetune-7b']).toEqual({
      input: 0.2,
      output: 0.8,
      cachedInput: 0.1,
      tokenizer: 'cl100k_base',
    });
    expect(config.discounts).toEqual({ openai: 0.15 });
    expect(config.models['azure/prod-gpt4o']).toBe('openai/gpt-4o');
    expect(config.replay).toEqual({ maxSamples: 20000, maxBadLines: 0.01 });
    expect(config.pricingDate).toBe('commit');
    expect(config.positions['features.ticket-summary.model']).toEqual({ line: 7, column: 5 });
    expect(config.positions['discounts.openai']).toEqual({ line: 36, column: 14 });
  });
});
