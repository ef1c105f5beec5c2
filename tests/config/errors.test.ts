import { describe, it, expect } from '@jest/globals';
import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

/** The ConfigError `loadConfig` throws for `lines` (joined with newlines). */
function errorFor(lines: string[]): ConfigError {
  try {
    loadConfig(lines.join('\n') + '\n', '.aicost.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** First line of the formatted error: `file:line:column: message`. */
function firstLine(lines: string[]): string {
  return errorFor(lines).format().split('\n')[0];
}

/** A valid team and the head of a valid feature, to which each case adds or removes a key. */
const TEAM = ['version: 1', 'teams:', '  support: {}', 'features:', '  ticket-summary:'];

describe('YAML syntax', () => {
  it('keeps yaml’s line and column for a syntax error', () => {
    const error = errorFor(['version: 1', 'teams:', '  support: monthly_budget: 5']);
    expect(error.location).toEqual({ file: '.aicost.yml', line: 3, column: 12 });
    expect(error.message).toBe('invalid YAML: Nested mappings are not allowed in compact mappings');
    expect(error.hint).toBe('Fix the YAML syntax at this position (a YAML linter or your editor can show it).');
  });

  it('reports tabs used as indentation', () => {
    expect(firstLine(['version: 1', 'teams:', '\tsupport: {}'])).toBe(
      '.aicost.yml:3:1: invalid YAML: Tabs are not allowed as indentation',
    );
  });

  it('refuses a second YAML document', () => {
    expect(firstLine(['version: 1', '---', 'version: 1'])).toBe(
      '.aicost.yml:2:1: invalid YAML: the file holds more than one YAML document (a second `---`); a config is one document',
    );
  });

  it('refuses duplicate keys with the path and the first occurrence', () => {
    const error = errorFor(['version: 1', 'teams:', '  s:', '    monthly_budget: 1', '    monthly_budget: 2']);
    expect(error.format()).toBe(
      '.aicost.yml:5:5: duplicate key "monthly_budget" in teams.s (first set on line 4)\n  Keep one of the two entries.',
    );
    expect(firstLine(['version: 1', 'version: 1'])).toBe(
      '.aicost.yml:2:1: duplicate key "version" at the top level (first set on line 1)',
    );
    // Equal as numbers, different as text: still one key.
    expect(firstLine(['version: 1', 'models:', '  1.0: a/b', '  1.00: c/d'])).toBe(
      '.aicost.yml:4:3: duplicate key "1.00"',
    );
  });

  it('refuses keys that are not plain text', () => {
    expect(firstLine(['version: 1', 'models:', '  ? [a, b]', '  : openai/gpt-4o'])).toBe(
      '.aicost.yml:3:5: a key in models is empty or not plain text; keys must be plain strings',
    );
  });
});

describe('file-level problems', () => {
  it('says an empty file needs at least version: 1', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n']) {
      let caught: unknown;
      try {
        loadConfig(text, '.aicost.yml');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).format()).toBe(
        '.aicost.yml:1:1: the file is empty; it needs at least `version: 1`\n  Start the file with `version: 1`, then declare teams: and features:.',
      );
    }
  });

  it('refuses a top level that is not a map', () => {
    expect(firstLine(['- version: 1'])).toBe(
      '.aicost.yml:1:1: the file must be a map of keys (version, features, teams, …), got a list',
    );
  });

  it('asks for version when it is missing', () => {
    expect(firstLine(['teams: {}'])).toBe(
      '.aicost.yml:1:1: missing required key "version"; add `version: 1` at the top of the file',
    );
  });

  it('refuses version 2 before looking at its keys', () => {
    const error = errorFor(['# aicost', 'version: 2', 'budgets: {}']);
    expect(error.format()).toBe(
      '.aicost.yml:2:10: version: 2 is not supported; this aicost reads version 1\n  Write version: 1 and the keys of version 1, or run an aicost release that reads version 2.',
    );
  });

  it('refuses a version written as text', () => {
    expect(firstLine(['version: "1"'])).toBe('.aicost.yml:1:10: version: must be the number 1, got the string "1"');
  });
});

describe('unknown keys', () => {
  it('suggests the closest top-level key', () => {
    expect(firstLine(['version: 1', 'feature:', '  x: {}'])).toBe(
      '.aicost.yml:2:1: unknown top-level key "feature"; did you mean "features"?',
    );
  });

  it('lists the keys when nothing is close', () => {
    expect(firstLine(['version: 1', 'budgets: {}'])).toBe(
      '.aicost.yml:2:1: unknown top-level key "budgets"; the keys here are version, features, teams, policies, pricing, discounts, models, models_from, replay, pricing_date, advisor',
    );
  });

  it('names the feature and suggests the key for a typo inside a feature, and says it once', () => {
    const error = errorFor([
      ...TEAM,
      '    team: support',
      '    requets_per_month: 1200000',
      '    prompt: prompts/summarize.prompt.yml',
    ]);
    // Only one problem: the "requests_per_month is required" that the typo causes is not repeated.
    expect(error.format()).toBe(
      '.aicost.yml:7:5: unknown key "requets_per_month" in features.ticket-summary; did you mean "requests_per_month"?',
    );
  });

  it('does not also report a misspelled required key as missing', () => {
    expect(errorFor([...TEAM, '    teem: support', '    prompt: p.md', '    requests_per_month: 5']).message).toBe(
      'unknown key "teem" in features.ticket-summary; did you mean "team"?',
    );
  });

  it('lists the keys of a price when nothing is close', () => {
    expect(firstLine(['version: 1', 'pricing:', '  acme/m7: { input: 1, output: 2, read_cache: 0.5 }'])).toBe(
      '.aicost.yml:3:35: unknown key "read_cache" in pricing.acme/m7; the keys here are input, output, cached_input, cache_write, cache_write_1h, tokenizer',
    );
  });
});

describe('values', () => {
  it('suggests the closest enum value', () => {
    expect(
      firstLine([...TEAM, '    team: support', '    prompt: p.md', '    requests_per_month: 1', '    tier: bach']),
    ).toBe(
      '.aicost.yml:9:11: features.ticket-summary.tier: "bach" is not one of standard, batch, flex, priority; did you mean "batch"?',
    );
    expect(
      firstLine([
        ...TEAM,
        '    team: support',
        '    prompt: p.md',
        '    traffic: t.jsonl',
        '    traffic_format: openai_chat',
      ]),
    ).toBe(
      '.aicost.yml:9:21: features.ticket-summary.traffic_format: "openai_chat" is not one of auto, aicost, otel, langfuse, litellm, openai-batch, anthropic-batch, openai-chat, anthropic, helicone, langsmith, braintrust, phoenix, bedrock, gemini; did you mean "openai-chat"?',
    );
    expect(firstLine(['version: 1', 'policies:', '  fail_on: [budget, unpriced_changes]'])).toBe(
      '.aicost.yml:3:21: policies.fail_on[1]: "unpriced_changes" is not one of budget, budget_warn, max_monthly_increase, max_monthly_increase_percent, max_cost_per_request, allowed_models, unpriced_change, unbounded_increase, base_error, pr_declared_price; did you mean "unpriced_change"?',
    );
  });

  it('names the expected and the actual type', () => {
    expect(firstLine(['version: 1', 'teams:', '  s:', '    owners: "@acme/leads"'])).toBe(
      '.aicost.yml:4:13: teams.s.owners: must be a list, got the string "@acme/leads"',
    );
    expect(firstLine([...TEAM, '    team: support', '    prompt: p.md', '    requests_per_month: "1,200,000"'])).toBe(
      '.aicost.yml:8:25: features.ticket-summary.requests_per_month: must be a number, got the string "1,200,000"',
    );
    expect(
      firstLine([
        ...TEAM,
        '    team: support',
        '    prompt: p.md',
        '    requests_per_month: 10',
        '    typical_turns: 2.5',
      ]),
    ).toBe('.aicost.yml:9:20: features.ticket-summary.typical_turns: must be a whole number, got the number 2.5');
    expect(firstLine(['version: 1', 'features: [a, b]'])).toBe('.aicost.yml:2:11: features: must be a map, got a list');
  });

  it('points an empty value at its key', () => {
    expect(firstLine([...TEAM, '    team:', '    prompt: p.md', '    requests_per_month: 1'])).toBe(
      '.aicost.yml:6:5: features.ticket-summary.team: must be a string, got an empty value',
    );
  });

  it('refuses negative money and money written as text', () => {
    expect(firstLine(['version: 1', 'teams:', '  s:', '    other_monthly_spend: -5'])).toBe(
      '.aicost.yml:4:26: teams.s.other_monthly_spend: must not be negative, got -5',
    );
    const error = errorFor(['version: 1', 'teams:', '  s:', '    monthly_budget: "$8,000"']);
    expect(error.format()).toBe(
      '.aicost.yml:4:21: teams.s.monthly_budget: must be a number of USD, got the string "$8,000"\n  Write a plain number of USD without "$" or thousands separators, e.g. monthly_budget: 8000.',
    );
    expect(firstLine(['version: 1', 'policies:', '  max_cost_per_request: { usd: -0.01 }'])).toBe(
      '.aicost.yml:3:32: policies.max_cost_per_request.usd: must not be negative, got -0.01',
    );
    expect(firstLine(['version: 1', 'pricing:', '  acme/m7: { input: .inf, output: 1 }'])).toBe(
      '.aicost.yml:3:21: pricing.acme/m7.input: must be a number of USD, got the number Infinity',
    );
  });

  it('asks for a percent sign on a bare number above 1', () => {
    const error = errorFor(['version: 1', 'teams:', '  s:', '    warn_at: 25']);
    expect(error.format()).toBe(
      '.aicost.yml:4:14: teams.s.warn_at: 25 is not a fraction between 0 and 1; did you mean 25%?\n  A percent is written 25% or as a fraction between 0 and 1 (0.25).',
    );
    expect(firstLine(['version: 1', 'discounts: { openai: 15 }'])).toBe(
      '.aicost.yml:2:22: discounts.openai: 15 is not a fraction between 0 and 1; did you mean 15%?',
    );
  });

  it('refuses a percent above 100%', () => {
    expect(firstLine(['version: 1', 'teams:', '  s:', '    warn_at: 150%'])).toBe(
      '.aicost.yml:4:14: teams.s.warn_at: 150% is above 100%',
    );
    expect(firstLine(['version: 1', 'replay:', '  max_bad_lines: 250'])).toBe(
      '.aicost.yml:3:18: replay.max_bad_lines: 250 is above 100%; a percent is written 25% or as a fraction 0.25',
    );
    expect(firstLine(['version: 1', 'policies:', '  max_monthly_increase_percent: "25 percent"'])).toBe(
      '.aicost.yml:3:33: policies.max_monthly_increase_percent: "25 percent" is not a percent; write it as 25% or as a fraction 0.25',
    );
  });

  it('refuses a pricing_date that is neither commit nor a real date', () => {
    expect(firstLine(['version: 1', 'pricing_date: 2026-02-30'])).toBe(
      '.aicost.yml:2:15: pricing_date: 2026-02-30 is not a calendar date (YYYY-MM-DD)',
    );
    expect(firstLine(['version: 1', 'pricing_date: comit'])).toBe(
      '.aicost.yml:2:15: pricing_date: "comit" is not commit or a date YYYY-MM-DD; did you mean "commit"?',
    );
    expect(firstLine(['version: 1', 'pricing_date: 26-1-1'])).toBe(
      '.aicost.yml:2:15: pricing_date: "26-1-1" is not commit or a date YYYY-MM-DD',
    );
    expect(firstLine(['version: 1', 'pricing_date: 20260101'])).toBe(
      '.aicost.yml:2:15: pricing_date: must be commit or a date YYYY-MM-DD, got the number 20260101',
    );
  });

  it('refuses a feature id outside [a-z0-9][a-z0-9._-]* and suggests one', () => {
    expect(
      firstLine([
        'version: 1',
        'teams: { s: {} }',
        'features:',
        '  Ticket_Summary:',
        '    team: s',
        '    prompt: p.md',
        '    requests_per_month: 1',
      ]),
    ).toBe(
      '.aicost.yml:4:3: features: "Ticket_Summary" is not a valid feature id: use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit; did you mean "ticket_summary"?',
    );
  });

  it('refuses paths outside the repository', () => {
    expect(
      firstLine([...TEAM, '    team: support', '    prompt: ../other-repo/p.md', '    requests_per_month: 1']),
    ).toBe(
      '.aicost.yml:7:13: features.ticket-summary.prompt: "../other-repo/p.md" is not a path inside the repository; write it relative to the repository root',
    );
    expect(
      firstLine([...TEAM, '    team: support', '    prompt: p.md', '    traffic: [ok.jsonl, /var/log/x.jsonl]']),
    ).toBe(
      '.aicost.yml:8:25: features.ticket-summary.traffic[1]: "/var/log/x.jsonl" is not a path inside the repository; write it relative to the repository root',
    );
  });

  it('refuses traffic that is not a path or a list of paths', () => {
    expect(firstLine([...TEAM, '    team: support', '    prompt: p.md', '    traffic: 5'])).toBe(
      '.aicost.yml:8:14: features.ticket-summary.traffic: must be a path or a list of paths or { path, format, where }, got the number 5',
    );
    expect(firstLine([...TEAM, '    team: support', '    prompt: p.md', '    traffic: [a.jsonl, 7]'])).toBe(
      '.aicost.yml:8:24: features.ticket-summary.traffic[1]: must be a path or { path, format, where }, got the number 7',
    );
    // The object form: its keys are checked with a suggestion, its format by the schema.
    expect(
      firstLine([...TEAM, '    team: support', '    prompt: p.md', '    traffic: {path: a.jsonl, wher: {model: x}}']),
    ).toBe(
      '.aicost.yml:8:30: features.ticket-summary.traffic.wher: unknown key; a traffic entry has path, format and where; did you mean "where"?',
    );
    expect(
      firstLine([...TEAM, '    team: support', '    prompt: p.md', '    traffic: {path: a.jsonl, format: otlp}']),
    ).toMatch(
      /^\.aicost\.yml:8:\d+: features\.ticket-summary\.traffic\.format: "otlp" is not one of auto, aicost, otel, .*did you mean "otel"\?$/,
    );
  });
});

describe('cross checks', () => {
  it('requires a team', () => {
    expect(firstLine([...TEAM, '    prompt: p.md', '    requests_per_month: 1'])).toBe(
      '.aicost.yml:5:3: features.ticket-summary: missing required key "team"',
    );
  });

  it('requires the team to be declared, with a suggestion', () => {
    const error = errorFor([...TEAM, '    team: suport', '    prompt: p.md', '    requests_per_month: 1']);
    expect(error.format()).toBe(
      '.aicost.yml:6:11: features.ticket-summary.team: unknown team "suport"; did you mean "support"?\n  Declare the team under teams: (e.g. teams: { suport: { monthly_budget: 1000 } }).',
    );
    expect(errorFor([...TEAM, '    team: finance', '    prompt: p.md', '    requests_per_month: 1']).message).toBe(
      'features.ticket-summary.team: unknown team "finance"; the declared teams are "support"',
    );
    expect(
      errorFor([
        'version: 1',
        'features:',
        '  f:',
        '    team: finance',
        '    prompt: p.md',
        '    requests_per_month: 1',
      ]).message,
    ).toBe('features.f.team: unknown team "finance"; no teams are declared');
  });

  it('refuses prompt and agent together, at the second of the two', () => {
    expect(
      firstLine([
        ...TEAM,
        '    team: support',
        '    prompt: p.md',
        '    agent: agents/a.yaml',
        '    requests_per_month: 1',
      ]),
    ).toBe('.aicost.yml:8:5: features.ticket-summary: has both prompt and agent; a feature has exactly one of them');
  });

  it('requires a prompt or an agent', () => {
    expect(firstLine([...TEAM, '    team: support', '    requests_per_month: 1'])).toBe(
      '.aicost.yml:5:3: features.ticket-summary: needs a prompt or an agent (exactly one of them)',
    );
  });

  it('refuses traffic_format without traffic, at the key; with traffic it loads', () => {
    const error = errorFor([
      ...TEAM,
      '    team: support',
      '    prompt: p.md',
      '    requests_per_month: 3000',
      '    traffic_format: aicost',
    ]);
    expect(error.format().split('\n')[0]).toBe(
      '.aicost.yml:9:5: features.ticket-summary.traffic_format: is set but the feature has no traffic; traffic_format says how traffic files are read',
    );
    expect(error.hint).toBe('Add traffic: with the samples the format describes, or remove traffic_format.');
    // An empty list is no traffic either.
    expect(
      firstLine([
        ...TEAM,
        '    team: support',
        '    prompt: p.md',
        '    requests_per_month: 3000',
        '    traffic: []',
        '    traffic_format: auto',
      ]),
    ).toMatch(/^\.aicost\.yml:10:5: features\.ticket-summary\.traffic_format: is set but/);
    const ok = loadConfig(
      [...TEAM, '    team: support', '    prompt: p.md', '    traffic: t.jsonl', '    traffic_format: aicost'].join(
        '\n',
      ) + '\n',
      '.aicost.yml',
    );
    expect(ok.features['ticket-summary'].trafficFormat).toBe('aicost');
  });

  it('refuses requests_per_month together with requests_per_day', () => {
    expect(
      firstLine([
        ...TEAM,
        '    team: support',
        '    prompt: p.md',
        '    requests_per_day: 100',
        '    requests_per_month: 3000',
      ]),
    ).toBe('.aicost.yml:9:5: features.ticket-summary: has both requests_per_month and requests_per_day; set only one');
  });

  it('requires a volume when the feature has no traffic', () => {
    const error = errorFor([...TEAM, '    team: support', '    prompt: p.md']);
    expect(error.format()).toBe(
      '.aicost.yml:5:3: features.ticket-summary: requests_per_month is required when the feature has no traffic\n  Add requests_per_month (or requests_per_day), or point traffic: at recorded samples.',
    );
    expect(errorFor([...TEAM, '    team: support', '    prompt: p.md', '    traffic: []']).message).toBe(
      'features.ticket-summary: requests_per_month is required when the feature has no traffic',
    );
  });
});

describe('several problems', () => {
  it('lists every problem in document order, located at the first', () => {
    const error = errorFor([
      'version: 1', // 1
      'pricing_date: tomorrow', // 2
      'teams:', // 3
      '  support:', // 4
      '    warn_at: 80', // 5
      'features:', // 6
      '  f:', // 7
      '    team: sales', // 8
      '    prompt: p.md', // 9
      '    tier: cheap', // 10
    ]);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.kind).toBe('config');
    expect(error.location).toEqual({ file: '.aicost.yml', line: 2, column: 15 });
    expect(error.hint).toBeUndefined();
    expect(error.format()).toBe(
      [
        '.aicost.yml:2:15: pricing_date: "tomorrow" is not commit or a date YYYY-MM-DD',
        '.aicost.yml:5:14: teams.support.warn_at: 80 is not a fraction between 0 and 1; did you mean 80%?',
        '.aicost.yml:7:3: features.f: requests_per_month is required when the feature has no traffic',
        '.aicost.yml:8:11: features.f.team: unknown team "sales"; the declared teams are "support"',
        '.aicost.yml:10:11: features.f.tier: "cheap" is not one of standard, batch, flex, priority',
      ].join('\n'),
    );
  });

  it('lists at most 20 problems and counts the rest', () => {
    const lines = ['version: 1'];
    for (let i = 0; i < 25; i++) lines.push(`unknown_${i}: 1`);
    const message = errorFor(lines).message.split('\n');
    expect(message).toHaveLength(21);
    expect(message[0]).toBe(
      'unknown top-level key "unknown_0"; the keys here are version, features, teams, policies, pricing, discounts, models, models_from, replay, pricing_date, advisor',
    );
    expect(message[19]).toBe(
      '.aicost.yml:21:1: unknown top-level key "unknown_19"; the keys here are version, features, teams, policies, pricing, discounts, models, models_from, replay, pricing_date, advisor',
    );
    expect(message[20]).toBe('… and 5 more problems');
  });
});
