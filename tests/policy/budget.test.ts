/** Rules `budget` and `budget_warn`: wording by interval, base breaches, minimum, static figures, fail_on. */
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicies } from '../../src/policy/evaluate.js';
import { change, feature, inputs, side, staticSide } from './fixtures.js';

const config = (policies = '', team = '') => `version: 1
features: {}
teams:
  support:
    monthly_budget: 8000
    other_monthly_spend: 1200
    owners: ["@acme/support-leads"]
${team}  growth: { monthly_budget: 50, owners: ["@acme/growth"] }
${policies ? `policies:\n${policies}` : ''}`;

/** The model swap: $5,000 → $7,100 a month here; with $1,200 elsewhere, $8,300 against $8,000. */
const swap = feature({
  id: 'ticket-summary',
  base: side({ monthly: 5000 }),
  head: side({ monthly: 7100, models: ['openai/gpt-4o'] }),
  changes: [change({ monthly_effect: 2100 })],
});
/** An unchanged feature of growth, over its $50 budget at both sides. */
const growthOver = feature({
  id: 'copy',
  team: 'growth',
  status: 'unchanged',
  base: side({ monthly: 80 }),
  head: side({ monthly: 80 }),
});
const CAUSE =
  '; largest change: ticket-summary, model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price), +$2,100/month (prompts/summarize.prompt.yml:1); owners: @acme/support-leads';

describe('budget', () => {
  it('"over budget" when the lower end of the interval is over too; an error by default', () => {
    // head interval $6,900–$7,300 here + $1,200 elsewhere = $8,100–$8,500, all above $8,000.
    const r = evaluatePolicies(inputs(config(), { features: [swap, growthOver], headCi: { support: [6900, 7300] } }));
    expect(r.violations).toMatchObject([
      {
        rule: 'budget',
        severity: 'error',
        overridden: false,
        team: 'support',
        feature: null,
        file: 'prompts/summarize.prompt.yml',
        line: 1,
        message: `over budget: support would spend $8,300/month (95%: $8,100–$8,500) against a budget of $8,000 (+$300 over, incl. $1,200 outside this repo)${CAUSE}`,
      },
    ]);
    expect(r.breached).toBe(true);
    expect(r.notices).toEqual([]);
  });

  it('"likely over budget" when only the point estimate is over', () => {
    // $6,700–$7,500 + $1,200 = $7,900–$8,700: the lower end is under $8,000.
    const r = evaluatePolicies(inputs(config(), { features: [swap], headCi: { support: [6700, 7500] } }));
    expect(r.violations.map((v) => [v.severity, v.message])).toEqual([
      [
        'error',
        `likely over budget: support would spend $8,300/month (95%: $7,900–$8,700) against a budget of $8,000 (+$300 over, incl. $1,200 outside this repo)${CAUSE}`,
      ],
    ]);
  });

  it('without an interval the message says "over budget"; no other spend, no "outside this repo"', () => {
    const yaml = `version: 1\nfeatures: {}\nteams:\n  support: { monthly_budget: 7000 }\n`;
    const r = evaluatePolicies(inputs(yaml, { features: [swap] }));
    expect(r.violations[0].message).toBe(
      'over budget: support would spend $7,100/month against a budget of $7,000 (+$100 over); largest change: ticket-summary, model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price), +$2,100/month (prompts/summarize.prompt.yml:1)',
    );
    expect(r.violations[0].severity).toBe('error');
  });

  it('only teams with a changed feature are evaluated: growth is over budget but untouched', () => {
    const r = evaluatePolicies(
      inputs(config(), {
        features: [
          growthOver,
          feature({
            id: 'ticket-summary',
            status: 'unchanged',
            base: side({ monthly: 5000 }),
            head: side({ monthly: 5000 }),
          }),
        ],
      }),
    );
    expect(r.violations).toEqual([]);
    expect(r.breached).toBe(false);
  });

  it('a removed feature makes its team evaluated', () => {
    const removed = feature({ id: 'copy-old', team: 'growth', base: side({ monthly: 5 }), head: null });
    const r = evaluatePolicies(inputs(config(), { features: [growthOver, removed] }));
    // growth: base $85, head $80 against $50: over at base, lowered by the PR → a warning.
    expect(r.violations.map((v) => [v.rule, v.team, v.severity, v.message])).toEqual([
      [
        'budget',
        'growth',
        'warning',
        "over budget: growth would spend $80.00/month against a budget of $50.00 (+$30.00 over); owners: @acme/growth — not failing: already over budget at base ($85.00/month) and this PR does not raise the team's spend",
      ],
    ]);
    expect(r.breached).toBe(false);
  });

  it('already over budget at base and not raised: a warning; raised further: an error', () => {
    // Base $7,400 + $1,200 = $8,600 > $8,000; the PR lowers this repo's spend to $7,100.
    const lowered = feature({
      id: 'ticket-summary',
      base: side({ monthly: 7400 }),
      head: side({ monthly: 7100 }),
      changes: [
        change({ kind: 'prompt', line: 6, summary: 'system message -120 tokens (400 → 280)', monthly_effect: -300 }),
      ],
    });
    const r = evaluatePolicies(inputs(config(), { features: [lowered] }));
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({
      rule: 'budget',
      severity: 'warning',
      overridden: false,
      file: null,
      line: null,
    });
    expect(r.violations[0].message).toBe(
      "over budget: support would spend $8,300/month against a budget of $8,000 (+$300 over, incl. $1,200 outside this repo); owners: @acme/support-leads — not failing: already over budget at base ($8,600/month) and this PR does not raise the team's spend",
    );
    expect(r.breached).toBe(false);

    const raised = feature({
      id: 'ticket-summary',
      base: side({ monthly: 7400 }),
      head: side({ monthly: 7500 }),
      changes: [change({ monthly_effect: 100 })],
    });
    const r2 = evaluatePolicies(inputs(config(), { features: [raised] }));
    expect(r2.violations[0]).toMatchObject({ rule: 'budget', severity: 'error' });
    expect(r2.breached).toBe(true);
  });

  it('a breach caused by a change under min_increase_usd warns', () => {
    // $6,800.30 → $6,800.80 here: $8,000.80 in all, over $8,000 by $0.80, from a +$0.50 change.
    const tiny = feature({
      id: 'ticket-summary',
      base: side({ monthly: 6800.3 }),
      head: side({ monthly: 6800.8 }),
      changes: [
        change({ kind: 'prompt', line: 6, summary: 'system message +4 tokens (400 → 404)', monthly_effect: 0.5 }),
      ],
    });
    const r = evaluatePolicies(inputs(config('  min_increase_usd: 1\n'), { features: [tiny] }));
    expect(r.violations.map((v) => [v.rule, v.severity, v.line])).toEqual([['budget', 'warning', 6]]);
    expect(r.violations[0].message).toBe(
      "over budget: support would spend $8,001/month against a budget of $8,000 (+$0.8000 over, incl. $1,200 outside this repo); largest change: ticket-summary, system message +4 tokens (400 → 404), +$0.5000/month (prompts/summarize.prompt.yml:6); owners: @acme/support-leads — not failing: the team's change (+$0.5000/month) is under min_increase_usd ($1.00)",
    );
    // The same change with the default minimum ($0) fails.
    expect(evaluatePolicies(inputs(config(), { features: [tiny] })).violations[0].severity).toBe('error');
  });

  it('fail_on without budget narrows it to a warning', () => {
    const r = evaluatePolicies(inputs(config('  fail_on: [max_monthly_increase]\n'), { features: [swap] }));
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0].severity).toBe('warning');
    expect(r.violations[0].message.endsWith(' — not failing: budget is not in policies.fail_on')).toBe(true);
    expect(r.breached).toBe(false);
    expect(evaluatePolicies(inputs(config('  fail_on: [budget]\n'), { features: [swap] })).violations[0].severity).toBe(
      'error',
    );
  });

  describe('static estimates', () => {
    // An added feature priced from its artifact alone ($1,300/month) tips support over: $6,000 + $1,300 + $1,200.
    const measured = feature({
      id: 'ticket-summary',
      status: 'unchanged',
      base: side({ monthly: 6000 }),
      head: side({ monthly: 6000 }),
    });
    const added = feature({ id: 'faq-bot', base: null, head: staticSide({ monthly: 1300 }) });

    it('warn unless static_estimates: fail', () => {
      const r = evaluatePolicies(
        inputs(config(), { features: [measured, added] }, { artifacts: { 'faq-bot': 'prompts/faq.prompt.yml' } }),
      );
      expect(r.violations).toMatchObject([
        {
          rule: 'budget',
          severity: 'warning',
          overridden: false,
          team: 'support',
          feature: null,
          file: 'prompts/faq.prompt.yml',
          line: null,
          message:
            'over budget: support would spend $8,500/month against a budget of $8,000 (+$500 over, incl. $1,200 outside this repo); largest change: faq-bot (added), +$1,300/month (prompts/faq.prompt.yml); owners: @acme/support-leads — not failing: the breach rests on static estimates (static_estimates: warn)',
        },
      ]);
      const strict = evaluatePolicies(inputs(config('  static_estimates: fail\n'), { features: [measured, added] }));
      expect(strict.violations.map((v) => [v.rule, v.severity])).toEqual([['budget', 'error']]);
      expect(strict.breached).toBe(true);
    });

    it('an upper-bound head counts as static; measured figures that breach alone still fail', () => {
      const bound = feature({ id: 'faq-bot', base: null, head: side({ monthly: 1300, upper_bound: true }) });
      expect(evaluatePolicies(inputs(config(), { features: [measured, bound] })).violations[0].severity).toBe(
        'warning',
      );
      // $7,100 measured after the swap + $1,200 elsewhere = $8,300 > $8,000 even without the static $1,300.
      expect(evaluatePolicies(inputs(config(), { features: [swap, added] })).violations[0].severity).toBe('error');
    });

    it('over budget at base, and the PR adds only static spend: a warning', () => {
      // Base $7,000 + $1,200 = $8,200 is over already; the measured side does not move.
      const over = feature({
        id: 'ticket-summary',
        status: 'unchanged',
        base: side({ monthly: 7000 }),
        head: side({ monthly: 7000 }),
      });
      const r = evaluatePolicies(inputs(config(), { features: [over, added] }));
      expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['budget', 'warning']]);
      expect(r.violations[0].message).toMatch(
        /\$9,500\/month .* — not failing: the breach rests on static estimates \(static_estimates: warn\)$/,
      );
    });
  });
});

describe('budget_warn', () => {
  it('warns above warn_at × budget and never fails, even when listed in fail_on', () => {
    // $5,000 → $5,600 here + $1,200 = $6,800: 85% of $8,000, above the 80% line ($6,400).
    const up = feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000 }),
      head: side({ monthly: 5600 }),
      changes: [change({ monthly_effect: 600 })],
    });
    for (const policies of ['', '  fail_on: [budget_warn, budget]\n']) {
      const r = evaluatePolicies(inputs(config(policies), { features: [up], headCi: { support: [5500, 5700] } }));
      expect(r.violations).toMatchObject([
        {
          rule: 'budget_warn',
          severity: 'warning',
          overridden: false,
          team: 'support',
          feature: null,
          file: 'prompts/summarize.prompt.yml',
          line: 1,
          message:
            'near budget: support would spend $6,800/month (95%: $6,700–$6,900), 85% of a budget of $8,000 (warning above 80%, incl. $1,200 outside this repo); largest change: ticket-summary, model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price), +$600/month (prompts/summarize.prompt.yml:1); owners: @acme/support-leads',
        },
      ]);
      expect(r.breached).toBe(false);
    }
  });

  it('follows the warn_at of the team; at or under it nothing is said', () => {
    const up = feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000 }),
      head: side({ monthly: 5600 }),
      changes: [change({ monthly_effect: 600 })],
    });
    const yaml = `version: 1\nfeatures: {}\nteams:\n  support: { monthly_budget: 8000, other_monthly_spend: 1200, warn_at: 85% }\n`;
    // $6,800 is exactly 85%: not above.
    expect(evaluatePolicies(inputs(yaml, { features: [up] })).violations).toEqual([]);
  });
});
