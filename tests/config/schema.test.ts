import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import schema from '../../schema/aicost.schema.json' with { type: 'json' };
import { CONFIG_DEFAULTS, configSchema, loadConfig, parsePercent } from '../../src/config/index.js';
import type { OpenAiEncoding, PolicyRule, ServiceTier, TrafficFormat } from '../../src/types.js';

type Json = Record<string, unknown>;

/** Every sub-schema of the published schema with its JSON pointer. */
function walk(node: unknown, pointer: string, visit: (node: Json, pointer: string) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, visit));
    return;
  }
  visit(node as Json, pointer);
  for (const [key, child] of Object.entries(node)) {
    if (key === 'enum' || key === 'default' || key === 'const' || key === 'required') continue;
    walk(child, `${pointer}/${key}`, visit);
  }
}

function validator() {
  return new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
}

describe('schema/aicost.schema.json', () => {
  it('is a valid draft-07 schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, strictRequired: false });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => validator()).not.toThrow();
    expect(configSchema).toBe(schema);
  });

  it('describes every key and forbids unknown keys in every fixed-key object', () => {
    const undescribed: string[] = [];
    const open: string[] = [];
    walk(schema, '#', (node, pointer) => {
      if (node.properties) {
        for (const [key, sub] of Object.entries(node.properties as Json)) {
          if (typeof (sub as Json).description !== 'string') undescribed.push(`${pointer}/properties/${key}`);
        }
        if (node.additionalProperties !== false) open.push(pointer);
      }
      if (node.type === 'object' && node.additionalProperties === undefined) open.push(pointer);
    });
    for (const [name, definition] of Object.entries(schema.definitions)) {
      if (typeof (definition as Json).description !== 'string') undescribed.push(`#/definitions/${name}`);
    }
    expect(undescribed).toEqual([]);
    expect(open).toEqual([]);
  });

  it('lists exactly the rule names, tiers, traffic formats and tokenizers of src/types.ts', () => {
    // Records keyed by the union types: the compiler fails here when a union gains a member.
    const rules: Record<PolicyRule, true> = {
      budget: true,
      budget_warn: true,
      max_monthly_increase: true,
      max_monthly_increase_percent: true,
      max_cost_per_request: true,
      allowed_models: true,
      unpriced_change: true,
      unbounded_increase: true,
      base_error: true,
      pr_declared_price: true,
    };
    const tiers: Record<ServiceTier, true> = { standard: true, batch: true, flex: true, priority: true };
    const formats: Record<TrafficFormat, true> = {
      auto: true,
      aicost: true,
      otel: true,
      langfuse: true,
      litellm: true,
      'openai-batch': true,
      'anthropic-batch': true,
      'openai-chat': true,
      anthropic: true,
      helicone: true,
      langsmith: true,
      braintrust: true,
      phoenix: true,
      bedrock: true,
      gemini: true,
    };
    const encodings: Record<OpenAiEncoding, true> = { o200k_base: true, cl100k_base: true };
    expect(schema.properties.policies.properties.fail_on.items.enum).toEqual(Object.keys(rules));
    expect(schema.definitions.feature.properties.tier.enum).toEqual(Object.keys(tiers));
    expect(schema.definitions.trafficFormat.enum).toEqual(Object.keys(formats));
    expect(schema.definitions.price.properties.tokenizer.enum).toEqual(Object.keys(encodings));
  });

  it('documents the same defaults the loader fills in', () => {
    const team = schema.definitions.team.properties;
    const feature = schema.definitions.feature.properties;
    const policies = schema.properties.policies.properties;
    expect(parsePercent(team.warn_at.default)).toBe(CONFIG_DEFAULTS.warnAt);
    expect(team.other_monthly_spend.default).toBe(CONFIG_DEFAULTS.otherMonthlySpend);
    expect(feature.tier.default).toBe(CONFIG_DEFAULTS.tier);
    expect(feature.traffic_format.default).toBe(CONFIG_DEFAULTS.trafficFormat);
    expect(policies.min_increase_usd.default).toBe(CONFIG_DEFAULTS.minIncreaseUsd);
    expect(policies.unpriced_changes.default).toBe(CONFIG_DEFAULTS.unpricedChanges);
    expect(policies.static_estimates.default).toBe(CONFIG_DEFAULTS.staticEstimates);
    expect(policies.on_base_error.default).toBe(CONFIG_DEFAULTS.onBaseError);
    expect(policies.max_cost_per_request.properties.stat.default).toBe(CONFIG_DEFAULTS.costStat);
    expect(schema.properties.replay.properties.max_samples.default).toBe(CONFIG_DEFAULTS.maxSamples);
    expect(parsePercent(schema.properties.replay.properties.max_bad_lines.default)).toBe(CONFIG_DEFAULTS.maxBadLines);
    expect(schema.properties.pricing_date.default).toBe(CONFIG_DEFAULTS.pricingDate);
  });

  it('accepts the example config of DESIGN.md as an editor would see it', () => {
    const text = readFileSync(new URL('./fixtures/design-example.aicost.yml', import.meta.url), 'utf8');
    const validate = validator();
    expect(validate(parse(text))).toBe(true);
  });

  it('flags in the editor what the loader refuses', () => {
    const feature = (extra: string[]): string[] => [
      'version: 1',
      'teams: { s: {} }',
      'features:',
      '  f:',
      '    team: s',
      ...extra,
    ];
    const bad: Record<string, string[]> = {
      'bare percent': ['version: 1', 'teams: { s: { warn_at: 25 } }'],
      'percent above 100%': ['version: 1', 'discounts: { openai: 150% }'],
      'unknown key': ['version: 1', 'teams: { s: { budget: 5 } }'],
      'negative money': ['version: 1', 'policies: { max_monthly_increase: -1 }'],
      'money as text': ['version: 1', 'teams: { s: { monthly_budget: "$8,000" } }'],
      'bad pricing_date': ['version: 1', 'pricing_date: last week'],
      'bad feature id': [
        'version: 1',
        'teams: { s: {} }',
        'features: { Bad_Id: { team: s, prompt: p.md, requests_per_month: 1 } }',
      ],
      'bad tier': feature(['    prompt: p.md', '    requests_per_month: 1', '    tier: cheap']),
      'prompt and agent': feature(['    prompt: p.md', '    agent: a.yaml', '    requests_per_month: 1']),
      'neither prompt nor agent': feature(['    requests_per_month: 1']),
      'both volumes': feature(['    prompt: p.md', '    requests_per_month: 1', '    requests_per_day: 1']),
      'no volume, no traffic': feature(['    prompt: p.md']),
      'missing team': ['version: 1', 'features: { f: { prompt: p.md, requests_per_month: 1 } }'],
      'price without output': ['version: 1', 'pricing: { acme/m: { input: 1 } }'],
      'version 2': ['version: 2'],
    };
    const validate = validator();
    const missedByLoader: string[] = [];
    const missedBySchema: string[] = [];
    for (const [name, lines] of Object.entries(bad)) {
      const text = lines.join('\n') + '\n';
      expect(() => parse(text)).not.toThrow();
      if (validate(parse(text))) missedBySchema.push(name);
      try {
        loadConfig(text, '.aicost.yml');
        missedByLoader.push(name);
      } catch {
        // refused, as it should be
      }
    }
    expect(missedBySchema).toEqual([]);
    expect(missedByLoader).toEqual([]);
  });
});
