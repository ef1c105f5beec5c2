import { describe, it, expect } from '@jest/globals';
import { loadConfig, MAX_ALIAS_EXPANSION, MAX_CONFIG_BYTES, yamlNodesConverted } from '../../src/config/index.js';
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

describe('alias bombs', () => {
  it('refuses a billion-laughs file after a bounded number of nodes, at the alias that crosses the limit', () => {
    // Nine levels of nine aliases: 81 aliases (under the alias cap) expanding to 9^9 strings.
    const lines = ['version: 1', 'models:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      lines.push(`  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const before = yamlNodesConverted();
    const error = errorFor(lines.join('\n') + '\n');
    // Work bounded by count, not by a clock: the cap's 10,000 expanded values plus the file's own
    // nodes before the failing alias (10,046 in all), never the 9^9 (387,420,489) values the file asks for.
    const converted = yamlNodesConverted() - before;
    expect(converted).toBeGreaterThan(MAX_ALIAS_EXPANSION);
    expect(converted).toBeLessThanOrEqual(MAX_ALIAS_EXPANSION + 100);
    // Lines b, c and d expand to 90 + 900 + 8,190 = 9,180 values; the first *d of line 7 adds
    // 8,200 more and crosses 10,000.
    expect(error.location).toEqual({ file: '.aicost.yml', line: 7, column: 10 });
    expect(error.message).toBe(
      'YAML aliases expand into more than 10,000 values (here at *d); aicost refuses this to guard against alias bombs',
    );
  });

  it('refuses more than 100 aliases and accepts 100', () => {
    const lines = ['version: 1', 'models:', '  base: &m openai/gpt-4o'];
    for (let i = 1; i <= 100; i++) lines.push(`  alias-${i}: *m`);
    const config = loadConfig(lines.join('\n') + '\n', '.aicost.yml');
    expect(Object.keys(config.models)).toHaveLength(101);
    expect(config.models['alias-100']).toBe('openai/gpt-4o');

    lines.push('  alias-101: *m'); // line 104
    const error = errorFor(lines.join('\n') + '\n');
    expect(error.location).toEqual({ file: '.aicost.yml', line: 104, column: 14 });
    expect(error.message).toBe(
      'the file uses more than 100 YAML aliases (*m is number 101); aicost refuses this to guard against alias bombs',
    );
  });

  it('refuses an alias inside the node it names, and an alias without an anchor', () => {
    expect(errorFor('version: 1\nmodels: &m { a: *m }\n').format()).toBe(
      '.aicost.yml:2:17: alias *m refers to a map or list that contains it',
    );
    expect(errorFor('version: 1\nmodels: { a: *nowhere }\n').format()).toBe(
      '.aicost.yml:2:14: alias *nowhere has no anchor &nowhere before it',
    );
  });
});

describe('size and depth', () => {
  it('refuses a file over 1 MiB, naming its size and the limit', () => {
    const text = 'version: 1\n' + '#'.repeat(MAX_CONFIG_BYTES) + '\n';
    const error = errorFor(text);
    expect(error.location).toEqual({ file: '.aicost.yml' });
    expect(error.format()).toBe(
      '.aicost.yml: the file is 1,048,588 bytes, over the 1 MiB (1,048,576 bytes) limit for a config file\n' +
        '  Keep .aicost.yml to features, teams and policies; traffic samples belong in their own files (traffic:).',
    );
  });

  it('counts bytes, not characters', () => {
    // 600,000 two-byte characters: 600,014 characters but 1,200,014 bytes.
    const text = 'version: 1\n# ' + 'é'.repeat(600_000) + '\n';
    expect(text.length).toBeLessThan(MAX_CONFIG_BYTES);
    expect(errorFor(text).message).toBe(
      'the file is 1,200,014 bytes, over the 1 MiB (1,048,576 bytes) limit for a config file',
    );
  });

  it('accepts a file of exactly 1 MiB', () => {
    const head = 'version: 1\n#';
    const text = head + ' '.repeat(MAX_CONFIG_BYTES - head.length - 1) + '\n';
    expect(Buffer.byteLength(text)).toBe(1_048_576);
    expect(loadConfig(text, '.aicost.yml').version).toBe(1);
  });

  it('refuses nesting deeper than 64 levels', () => {
    const error = errorFor('version: 1\nmodels: ' + '['.repeat(70) + ']'.repeat(70) + '\n');
    expect(error.message).toBe('the YAML is nested more than 64 levels deep');
    expect(error.location).toEqual({ file: '.aicost.yml', line: 2, column: 73 });
  });

  it('turns a parser stack overflow into a config error', () => {
    const error = errorFor('version: 1\nmodels: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
    expect(error.message).toBe('the YAML is nested too deeply to read');
    expect(error.location?.line).toBe(2);
  });
});

describe('prototype pollution', () => {
  it('keeps __proto__ and constructor as plain model aliases', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const config = loadConfig(
      'version: 1\nmodels:\n  __proto__: openai/gpt-4o\n  constructor: anthropic/claude-sonnet-4-5\n  toString: x/y\n',
      '.aicost.yml',
    );
    expect(Object.getPrototypeOf(config.models)).toBeNull();
    expect(Object.keys(config.models)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(config.models['__proto__']).toBe('openai/gpt-4o');
    expect(config.models['constructor']).toBe('anthropic/claude-sonnet-4-5');
    expect(config.positions['models.__proto__']).toEqual({ line: 3, column: 3 });
    // Nothing leaked into Object.prototype or into fresh objects.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>)['openai/gpt-4o']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    // Lookups of names that are not aliases find nothing, not Object.prototype members.
    expect(config.models['hasOwnProperty']).toBeUndefined();
    expect(config.features['valueOf']).toBeUndefined();
  });

  it('refuses __proto__ as a feature id with the id rule, without polluting anything', () => {
    const error = errorFor(
      'version: 1\nteams: { s: {} }\nfeatures:\n  __proto__:\n    team: s\n    prompt: p.md\n    requests_per_month: 1\n',
    );
    expect(error.format()).toBe(
      '.aicost.yml:4:3: features: "__proto__" is not a valid feature id: use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit; did you mean "proto__"?',
    );
    expect(({} as Record<string, unknown>).team).toBeUndefined();
  });

  it('accepts constructor as a feature id and __proto__ as a team', () => {
    const config = loadConfig(
      'version: 1\nteams:\n  __proto__: { monthly_budget: 5 }\nfeatures:\n  constructor:\n    team: __proto__\n    agent: a.yaml\n    requests_per_month: 10\n',
      '.aicost.yml',
    );
    expect(Object.keys(config.teams)).toEqual(['__proto__']);
    expect(config.teams['__proto__']).toEqual({
      id: '__proto__',
      monthlyBudget: 5,
      warnAt: 0.8,
      otherMonthlySpend: 0,
      owners: [],
    });
    expect(config.features['constructor'].team).toBe('__proto__');
    expect(({} as Record<string, unknown>).monthly_budget).toBeUndefined();
  });

  it('treats __proto__ inside a feature as an unknown key', () => {
    const error = errorFor(
      'version: 1\nteams: { s: {} }\nfeatures:\n  f:\n    team: s\n    prompt: p.md\n    requests_per_month: 1\n    __proto__: { tier: flex }\n',
    );
    expect(
      error
        .format()
        .startsWith('.aicost.yml:8:5: unknown key "__proto__" in features.f; the keys here are team, prompt,'),
    ).toBe(true);
    expect(({} as Record<string, unknown>).tier).toBeUndefined();
  });
});
