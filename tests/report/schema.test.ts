import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import schema from '../../schema/report.schema.json' with { type: 'json' };
import { reportSchema, validateReport } from '../../src/report/schema.js';
import type {
  ChangeJson,
  DiffReport,
  FeatureJson,
  FeatureSideJson,
  TeamJson,
  UnpricedChangeJson,
  ViolationJson,
  ViolationRule,
  ChangeKind,
  FeatureStatus,
} from '../../src/report/types.js';

type Json = Record<string, unknown>;

const FIXTURE = new URL('./fixtures/report.json', import.meta.url);
const fixture = (): DiffReport => JSON.parse(readFileSync(FIXTURE, 'utf8')) as DiffReport;

/**
 * Lists of the TypeScript contract's keys and enum members. `satisfies` plus the Exclude checks
 * make the compiler fail when types.ts gains a key or member these lists (and so the schema
 * comparisons below) do not have.
 */
const exhaustive =
  <T>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never)) =>
    list;

const REPORT_KEYS = exhaustive<keyof DiffReport>()([
  'schema_version',
  'currency',
  'base',
  'head',
  'pricing_date',
  'catalog',
  'policy_source',
  'totals',
  'features',
  'teams',
  'violations',
  'unpriced_changes',
  'proposed_config',
  'notices',
  'breached',
  'policy',
]);
const FEATURE_KEYS = exhaustive<keyof FeatureJson>()([
  'id',
  'team',
  'status',
  'declared_in_pr',
  'base',
  'head',
  'delta',
  'changes',
  'notes',
  'renamed_from',
  'copied_from',
  'volume_declared_in_pr',
  'priced_by_pr',
  'artifact',
  'suggestions',
]);
/** Keys added to schema version 1 after its release: optional, so reports written before them still validate. */
const ADDED_OPTIONAL = [
  ...['renamed_from', 'copied_from', 'volume_declared_in_pr', 'priced_by_pr', 'artifact', 'suggestions'].map(
    (k) => `#/definitions/feature/${k}`,
  ),
  ...['unit', 'limit', 'value', 'value_ci95', 'cause'].map((k) => `#/definitions/violation/${k}`),
  '#/policy',
  '#/definitions/side/per_user',
  '#/definitions/side/prices',
];
const SIDE_KEYS = exhaustive<keyof FeatureSideJson>()([
  'models',
  'requests_per_month',
  'volume_source',
  'samples',
  'effective_samples',
  'traffic',
  'source',
  'tokenizer',
  'exact',
  'band',
  'per_request',
  'input_tokens',
  'output_tokens',
  'monthly',
  'monthly_band',
  'calibration',
  'reconciliation',
  'max_output_tokens',
  'output_cap_share',
  'upper_bound',
  'insufficient_samples',
  'agent',
  'prices',
  'per_user',
]);
const CHANGE_KEYS = exhaustive<keyof ChangeJson>()(['kind', 'file', 'line', 'summary', 'monthly_effect']);
const TEAM_KEYS = exhaustive<keyof TeamJson>()([
  'team',
  'budget',
  'base',
  'head',
  'other_monthly_spend',
  'head_ci95',
  'status',
  'owners',
]);
const VIOLATION_KEYS = exhaustive<keyof ViolationJson>()([
  'rule',
  'severity',
  'overridden',
  'team',
  'feature',
  'file',
  'line',
  'message',
  'unit',
  'limit',
  'value',
  'value_ci95',
  'cause',
]);
const UNPRICED_KEYS = exhaustive<keyof UnpricedChangeJson>()([
  'kind',
  'file',
  'line',
  'summary',
  'price_ratio',
  'hint',
]);
const STATUSES = exhaustive<FeatureStatus>()(['changed', 'unchanged', 'added', 'removed', 'unpriced']);
const KINDS = exhaustive<ChangeKind>()([
  'model',
  'prompt',
  'params',
  'tools',
  'agent',
  'traffic',
  'config',
  'reasoning',
]);
const RULES = exhaustive<ViolationRule>()([
  'budget',
  'budget_warn',
  'max_monthly_increase',
  'max_monthly_increase_percent',
  'max_cost_per_request',
  'allowed_models',
  'unpriced_change',
  'unbounded_increase',
  'base_error',
  'pr_declared_price',
  'require_cheaper_model_review',
]);

const defs = schema.definitions as Record<string, Json>;
const keysOf = (node: Json): string[] => Object.keys(node.properties as Json).sort();

/** Every sub-schema with its JSON pointer. */
function walk(node: unknown, pointer: string, visit: (node: Json, pointer: string) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, visit));
    return;
  }
  visit(node as Json, pointer);
  for (const [key, child] of Object.entries(node)) {
    if (key === 'enum' || key === 'const' || key === 'required') continue;
    walk(child, `${pointer}/${key}`, visit);
  }
}

describe('schema/report.schema.json', () => {
  it('is a draft-07 schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(reportSchema).toBe(schema);
  });

  it('closes every object and requires every key it describes (but the later, optional additions)', () => {
    const open: string[] = [];
    const optional: string[] = [];
    walk(schema, '#', (node, pointer) => {
      if (pointer.includes('/if') || pointer.includes('/then') || pointer.includes('/else')) return;
      if (!node.properties) return;
      if (node.additionalProperties !== false) open.push(pointer);
      const required = new Set((node.required as string[] | undefined) ?? []);
      for (const key of Object.keys(node.properties as Json))
        if (!required.has(key)) optional.push(`${pointer}/${key}`);
    });
    expect(open).toEqual([]);
    expect(optional.sort()).toEqual([...ADDED_OPTIONAL].sort());
  });

  it('has exactly the keys and enum members of the TypeScript contract', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...REPORT_KEYS].sort());
    expect(keysOf(defs.feature)).toEqual([...FEATURE_KEYS].sort());
    expect(keysOf(defs.side)).toEqual([...SIDE_KEYS].sort());
    expect(keysOf(defs.change)).toEqual([...CHANGE_KEYS].sort());
    expect(keysOf(defs.team)).toEqual([...TEAM_KEYS].sort());
    expect(keysOf(defs.violation)).toEqual([...VIOLATION_KEYS].sort());
    expect(keysOf(defs.unpricedChange)).toEqual([...UNPRICED_KEYS].sort());
    const props = (name: string) => defs[name].properties as Record<string, Json>;
    expect(props('feature').status.enum).toEqual([...STATUSES]);
    expect(props('change').kind.enum).toEqual([...KINDS]);
    expect(props('violation').rule.enum).toEqual([...RULES]);
    expect(props('violation').severity.enum).toEqual(['error', 'warning']);
    expect(props('team').status.enum).toEqual(['ok', 'warn', 'breach']);
    expect(props('unpricedChange').kind.enum).toEqual(['prompt-file', 'agent-file', 'model-config', 'env', 'code']);
    expect(schema.properties.policy_source.enum).toEqual(['base', 'head (adoption)']);
  });
});

describe('validateReport', () => {
  it('accepts the hand-written fixture', () => {
    expect(validateReport(fixture())).toEqual({ ok: true });
  });

  it('accepts nulls where the contract has them', () => {
    const r = fixture();
    r.totals.monthly.delta_percent = null;
    r.totals.monthly.delta_ci95 = null;
    r.features[0].delta.monthly_ci95 = null;
    r.features[0].changes[0].line = null;
    r.teams[0].budget = null;
    r.features[1].base!.traffic!.window_days = null;
    r.proposed_config[0].base = null;
    r.proposed_config[0].head = { usd: 0.05, stat: 'mean' };
    expect(validateReport(r)).toEqual({ ok: true });
  });

  const broken: [string, (r: DiffReport & Json) => void, string][] = [
    ['a missing key', (r) => delete (r as Json).breached, "(root): must have required property 'breached'"],
    ['an unknown key', (r) => ((r.features[0] as unknown as Json).cost = 1), '/features/0: unknown key "cost"'],
    [
      'a status outside the enum',
      (r) => ((r.features[0] as unknown as Json).status = 'modified'),
      '/features/0/status: must be equal to one of the allowed values (changed, unchanged, added, removed, unpriced)',
    ],
    [
      'a percent written as a string',
      (r) => ((r.totals.monthly as Json).delta_percent = '23%'),
      '/totals/monthly/delta_percent: must be number,null',
    ],
    [
      'an interval of three numbers',
      (r) => ((r.features[0].delta as unknown as Json).monthly_ci95 = [1, 2, 3]),
      '/features/0/delta/monthly_ci95: must NOT have more than 2 items',
    ],
    ['a negative monthly cost', (r) => (r.features[0].head!.monthly = -5), '/features/0/head/monthly: must be >= 0'],
    [
      'breached false with an error violation',
      (r) => (r.breached = false),
      '/breached: must be equal to constant (true)',
    ],
    [
      'an added feature with a base side',
      (r) => (r.features[2].base = r.features[0].base),
      '/features/2/base: must be null',
    ],
    [
      'a rule outside the enum',
      (r) => ((r.violations[0] as unknown as Json).rule = 'vibes'),
      '/violations/0/rule: must be equal to one of the allowed values',
    ],
    [
      'a feature id that is not an id',
      (r) => (r.features[0].id = '<img src=x>'),
      '/features/0/id: must match pattern "^[a-z0-9][a-z0-9._-]*$"',
    ],
    ['schema version 2', (r) => ((r as Json).schema_version = 2), '/schema_version: must be equal to constant (1)'],
  ];
  it.each(broken)('refuses %s', (_name, mutate, message) => {
    const r = fixture() as DiffReport & Json;
    mutate(r);
    const result = validateReport(r);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.some((e) => e.startsWith(message))).toBe(true);
  });

  it('refuses what is not a report at all, and caps the error list', () => {
    const none = validateReport('report');
    expect(none).toEqual({ ok: false, errors: ['(root): must be object'] });
    const r = fixture() as DiffReport & Json;
    r.features = Array.from({ length: 50 }, () => ({ id: 'x' }) as unknown as FeatureJson);
    const many = validateReport(r);
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.errors).toHaveLength(21);
      expect(many.errors[20]).toBe('(more errors left out)');
    }
  });
});
