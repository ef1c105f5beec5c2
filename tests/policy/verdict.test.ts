/** Severity settings (unpriced changes, base errors, fail_on), override, adoption notice, order. */
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicies, ruleMayFail } from '../../src/policy/evaluate.js';
import { loadConfig } from '../../src/config/index.js';
import type { UnpricedChangeJson } from '../../src/report/types.js';
import { change, feature, inputs, side } from './fixtures.js';

const config = (
  policies: string,
  teams = '  support: { monthly_budget: 8000, other_monthly_spend: 1200, owners: ["@acme/support-leads"] }\n',
) => `version: 1
features:
  ticket-summary: { team: support, prompt: prompts/summarize.prompt.yml, requests_per_month: 100000 }
teams:
${teams}policies:
${policies}`;

const swap = feature({
  id: 'ticket-summary',
  base: side({ monthly: 5000 }),
  head: side({ monthly: 7100 }),
  changes: [change({ monthly_effect: 2100 })],
});
const routePy: UnpricedChangeJson = {
  kind: 'code',
  file: 'app/route.py',
  line: 6,
  summary: 'model gpt-4o-mini → gpt-4o',
  price_ratio: 2.5 / 0.15,
  hint: 'features:\n  route: …',
};

describe('unpriced_change', () => {
  const run = (policies: string) => evaluatePolicies(inputs(config(policies), { features: [], unpriced: [routePy] }));

  it('warns by default; exact message at the change', () => {
    const r = run('  min_increase_usd: 0\n');
    expect(r.violations).toMatchObject([
      {
        rule: 'unpriced_change',
        severity: 'warning',
        overridden: false,
        team: null,
        feature: null,
        file: 'app/route.py',
        line: 6,
        message:
          'AI change outside every feature (code): model gpt-4o-mini → gpt-4o (×16.7 input price); map it to a feature in .aicost.yml to price it',
      },
    ]);
    expect(r.breached).toBe(false);
  });

  it('fails with unpriced_changes: fail, or when listed in fail_on; an explicit warn or a fail_on without it warns', () => {
    expect(run('  unpriced_changes: fail\n').violations[0].severity).toBe('error');
    expect(run('  fail_on: [unpriced_change]\n').violations[0].severity).toBe('error');
    const explicit = run('  unpriced_changes: warn\n  fail_on: [unpriced_change]\n').violations[0];
    expect([explicit.severity, explicit.message.split(' — ')[1]]).toEqual([
      'warning',
      'not failing: policies.unpriced_changes is warn',
    ]);
    const narrowed = run('  unpriced_changes: fail\n  fail_on: [budget]\n').violations[0];
    expect([narrowed.severity, narrowed.message.split(' — ')[1]]).toEqual([
      'warning',
      'not failing: unpriced_change is not in policies.fail_on',
    ]);
    expect(run('  unpriced_changes: fail\n').breached).toBe(true);
  });
});

describe('base_error', () => {
  const error = 'prompts/summarize.prompt.yml:1:8: unknown model "openai/gpt-9" at base';
  const unpriced = feature({ id: 'ticket-summary', status: 'unpriced', base: null, head: side({ monthly: 7100 }) });
  const run = (policies: string, errors: Record<string, string> = { 'ticket-summary': error }) =>
    evaluatePolicies(inputs(config(policies), { features: [unpriced] }, { baseErrors: errors }));

  it('warns by default so the PR that repairs the base can pass; exact message', () => {
    const r = run('  min_increase_usd: 0\n');
    expect(r.violations).toMatchObject([
      {
        rule: 'base_error',
        severity: 'warning',
        overridden: false,
        team: 'support',
        feature: 'ticket-summary',
        file: 'prompts/summarize.prompt.yml',
        line: null,
        message: `the base side of ticket-summary cannot be priced: ${error}; its change is not charged to this PR (a PR that repairs it can pass)`,
      },
    ]);
    // The unpriced feature does not put its team under evaluation: $7,100 + $1,200 is over $8,000.
    expect(r.breached).toBe(false);
  });

  it('fails with on_base_error: fail; fail_on narrows it', () => {
    expect(run('  on_base_error: fail\n').violations.map((v) => v.severity)).toEqual(['error']);
    expect(run('  on_base_error: fail\n').breached).toBe(true);
    expect(run('  on_base_error: fail\n  fail_on: [budget]\n').violations.map((v) => v.severity)).toEqual(['warning']);
    expect(run('  fail_on: [base_error]\n').violations.map((v) => v.severity)).toEqual(['error']);
  });

  it("'*' is the whole base", () => {
    const r = run('  min_increase_usd: 0\n', { '*': '.aicost.yml:3:5: teams.support.monthly_budget must be a number' });
    expect(r.violations.map((v) => [v.rule, v.team, v.feature, v.message])).toEqual([
      [
        'base_error',
        null,
        null,
        "the base cannot be priced: .aicost.yml:3:5: teams.support.monthly_budget must be a number; base figures are missing, so this PR's changes are not compared with base. Fix it on the default branch (a PR that repairs it can pass)",
      ],
    ]);
  });
});

describe('override', () => {
  const yaml = config(
    '  max_monthly_increase: 500\n  override_label: aicost-approved\n  override_approvers: ["@acme/finops"]\n  unpriced_changes: warn\n',
  );

  it('applied by an approver: every failing violation becomes an overridden warning, with a notice', () => {
    const before = evaluatePolicies(inputs(yaml, { features: [swap], unpriced: [routePy] }));
    expect(before.violations.map((v) => [v.rule, v.severity, v.overridden])).toEqual([
      ['budget', 'error', false],
      ['max_monthly_increase', 'error', false],
      ['unpriced_change', 'warning', false],
    ]);
    expect(before.breached).toBe(true);

    const r = evaluatePolicies(
      inputs(
        yaml,
        { features: [swap], unpriced: [routePy] },
        { override: { applied: true, by: '@acme/finops', at: '2026-11-27T12:00:00Z' } },
      ),
    );
    expect(r.violations.map((v) => [v.rule, v.severity, v.overridden])).toEqual([
      ['budget', 'warning', true],
      ['max_monthly_increase', 'warning', true],
      ['unpriced_change', 'warning', false],
    ]);
    expect(r.violations.map((v) => v.message)).toEqual(before.violations.map((v) => v.message));
    expect(r.breached).toBe(false);
    expect(r.notices).toEqual([
      'Override: the label "aicost-approved" was applied by @acme/finops at 2026-11-27T12:00:00Z; 2 failing violations are reported as warnings (overridden).',
    ]);
  });

  it('applied with nothing failing, or from the CLI with no label configured', () => {
    const quiet = feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000 }),
      head: side({ monthly: 5100 }),
      changes: [change({ monthly_effect: 100 })],
    });
    expect(
      evaluatePolicies(
        inputs(
          yaml,
          { features: [quiet] },
          { override: { applied: true, by: '@acme/finops', at: '2026-11-27T12:00:00Z' } },
        ),
      ).notices,
    ).toEqual([
      'Override: the label "aicost-approved" was applied by @acme/finops at 2026-11-27T12:00:00Z; nothing fails, so it changes nothing.',
    ]);
    const cli = evaluatePolicies(
      inputs(config('  max_monthly_increase: 500\n'), { features: [swap] }, { override: { applied: true } }),
    );
    expect(cli.notices).toEqual([
      'Override: the override was applied; 2 failing violations are reported as warnings (overridden).',
    ]);
    expect(cli.breached).toBe(false);
  });

  it('rejected: the label was applied by someone outside override_approvers; the check still fails', () => {
    const r = evaluatePolicies(
      inputs(yaml, { features: [swap] }, { override: { applied: false, rejectedBy: '@mallory' } }),
    );
    expect(r.violations.map((v) => [v.severity, v.overridden])).toEqual([
      ['error', false],
      ['error', false],
    ]);
    expect(r.breached).toBe(true);
    expect(r.notices).toEqual([
      'The label "aicost-approved" was applied by @mallory, who is not in policies.override_approvers (@acme/finops): it does not count, and failing violations still fail.',
    ]);
  });
});

describe('adoption and order', () => {
  it("adoption applies the PR's policy and says so", () => {
    const added = feature({ id: 'ticket-summary', base: null, head: side({ monthly: 7100 }) });
    const r = evaluatePolicies(
      inputs(config('  min_increase_usd: 0\n'), { features: [added], policySource: 'head (adoption)' }),
    );
    expect(r.notices).toEqual([
      "Policies come from this PR's .aicost.yml: the base has no config (this PR adopts aicost), so the PR's own budgets and rules decide this check.",
    ]);
    expect(r.violations.map((v) => [v.rule, v.severity, v.file])).toEqual([
      ['budget', 'error', 'prompts/summarize.prompt.yml'],
    ]);
    const broken = evaluatePolicies(
      inputs(
        config('  min_increase_usd: 0\n'),
        { features: [added], policySource: 'head (adoption)' },
        { baseErrors: { '*': 'bad YAML' } },
      ),
    );
    expect(broken.notices[0]).toBe(
      "Policies come from this PR's .aicost.yml: the base config could not be read, so the PR's own budgets and rules decide this check.",
    );
  });

  it('violations come in rule order, then team, then feature', () => {
    const teams =
      '  support: { monthly_budget: 100, max_monthly_increase: 10 }\n  growth: { monthly_budget: 100, max_monthly_increase: 10 }\n  ads: { monthly_budget: 1000 }\n';
    const policies =
      '  max_monthly_increase: 10\n  max_cost_per_request: { usd: 0.0001, stat: mean }\n  allowed_models: ["openai/*"]\n';
    const f = (id: string, team: string, head: number, models = ['openai/gpt-4o']) =>
      feature({
        id,
        team,
        base: side({ monthly: 50 }),
        head: side({ monthly: head, models }),
        changes: [change({ monthly_effect: head - 50 })],
      });
    const r = evaluatePolicies(
      inputs(config(policies, teams), {
        features: [
          f('zeta', 'support', 200, ['x/y']),
          f('alpha', 'support', 60),
          f('beta', 'growth', 300, ['x/y']),
          f('ad', 'ads', 900),
        ],
        unpriced: [routePy],
      }),
    );
    expect(r.violations.map((v) => [v.rule, v.team, v.feature])).toEqual([
      ['budget', 'growth', null],
      ['budget', 'support', null],
      ['budget_warn', 'ads', null],
      ['max_monthly_increase', null, null],
      ['max_monthly_increase', 'growth', null],
      ['max_monthly_increase', 'support', null],
      ['max_cost_per_request', 'ads', 'ad'],
      ['max_cost_per_request', 'growth', 'beta'],
      ['max_cost_per_request', 'support', 'alpha'],
      ['max_cost_per_request', 'support', 'zeta'],
      ['allowed_models', 'growth', 'beta'],
      ['allowed_models', 'support', 'zeta'],
      ['unpriced_change', null, null],
    ]);
    expect(r.breached).toBe(true);
  });
});

describe('ruleMayFail', () => {
  it('declared rules fail unless fail_on narrows them; budget_warn and unbounded_increase only warn by default', () => {
    const c = loadConfig('version: 1\nfeatures: {}\n', '.aicost.yml');
    expect(ruleMayFail('budget', c)).toEqual({ fails: true, reason: null });
    expect(ruleMayFail('budget_warn', c)).toEqual({ fails: false, reason: null });
    expect(ruleMayFail('unbounded_increase', c)).toEqual({ fails: false, reason: null });
    expect(ruleMayFail('unpriced_change', c)).toEqual({ fails: false, reason: null });
    const narrowed = loadConfig(
      'version: 1\nfeatures: {}\npolicies:\n  fail_on: [budget_warn, unbounded_increase]\n',
      '.aicost.yml',
    );
    expect(ruleMayFail('budget_warn', narrowed)).toEqual({ fails: false, reason: null });
    expect(ruleMayFail('unbounded_increase', narrowed)).toEqual({ fails: true, reason: null });
    expect(ruleMayFail('allowed_models', narrowed)).toEqual({
      fails: false,
      reason: 'allowed_models is not in policies.fail_on',
    });
  });
});
