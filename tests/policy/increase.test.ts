/** Rules `max_monthly_increase` (whole PR and per team) and `max_monthly_increase_percent`. */
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicies } from '../../src/policy/evaluate.js';
import { change, feature, inputs, side, staticSide } from './fixtures.js';

const config = (policies: string, team = '') => `version: 1
features: {}
teams:
  support:
    owners: ["@acme/support-leads"]
${team}policies:
${policies}`;

const MODEL = 'model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price)';
/** $5,000 → $7,100 a month. */
const swap = feature({
  id: 'ticket-summary',
  base: side({ monthly: 5000 }),
  head: side({ monthly: 7100 }),
  changes: [change({ monthly_effect: 2100 })],
});
const CAUSE = `; largest change: ticket-summary, ${MODEL}, +$2,100/month (prompts/summarize.prompt.yml:1)`;

describe('max_monthly_increase', () => {
  it('whole PR: plainly "over" when the interval clears the limit; exact message', () => {
    const r = evaluatePolicies(
      inputs(config('  max_monthly_increase: 500\n'), { features: [swap], deltaCi: [1900, 2300] }),
    );
    expect(r.violations).toMatchObject([
      {
        rule: 'max_monthly_increase',
        severity: 'error',
        overridden: false,
        team: null,
        feature: null,
        file: 'prompts/summarize.prompt.yml',
        line: 1,
        message: `over the monthly increase limit: this PR raises spend by +$2,100/month ($5,000 → $7,100; 95%: +$1,900 to +$2,300) against a limit of $500/month for the whole PR (+$1,600 over)${CAUSE}`,
      },
    ]);
    expect(r.breached).toBe(true);
  });

  it('whole PR: carries the figures a plain sentence needs (limit, value, interval, cause)', () => {
    const r = evaluatePolicies(
      inputs(config('  max_monthly_increase: 500\n  max_monthly_increase_percent: 25%\n'), {
        features: [swap],
        deltaCi: [1900, 2300],
      }),
    );
    const cause = {
      feature: 'ticket-summary',
      summary: MODEL,
      monthly_effect: 2100,
      file: 'prompts/summarize.prompt.yml',
      line: 1,
    };
    expect(r.violations.map((v) => [v.rule, v.unit, v.limit, v.value, v.value_ci95, v.cause])).toEqual([
      ['max_monthly_increase', 'usd_month', 500, 2100, [1900, 2300], cause],
      // $2,100 of $5,000 is 42%; the interval in percent of the base: 38% to 46%.
      ['max_monthly_increase_percent', 'percent', 25, 42, [38, 46], cause],
    ]);
  });

  it('whole PR: "likely over" when the lower end is under the limit; plain without an interval', () => {
    const may = evaluatePolicies(
      inputs(config('  max_monthly_increase: 500\n'), { features: [swap], deltaCi: [400, 3800] }),
    );
    expect(may.violations[0].message).toBe(
      `likely over the monthly increase limit: this PR raises spend by +$2,100/month ($5,000 → $7,100; 95%: +$400 to +$3,800) against a limit of $500/month for the whole PR (+$1,600 over)${CAUSE}`,
    );
    const plain = evaluatePolicies(inputs(config('  max_monthly_increase: 500\n'), { features: [swap] }));
    expect(plain.violations[0].message).toBe(
      `over the monthly increase limit: this PR raises spend by +$2,100/month ($5,000 → $7,100) against a limit of $500/month for the whole PR (+$1,600 over)${CAUSE}`,
    );
  });

  it('per team: head − base of the team against its own limit; exact message with owners', () => {
    const r = evaluatePolicies(
      inputs(config('  min_increase_usd: 1\n', '    max_monthly_increase: 300\n'), { features: [swap] }),
    );
    expect(r.violations).toMatchObject([
      {
        rule: 'max_monthly_increase',
        severity: 'error',
        overridden: false,
        team: 'support',
        feature: null,
        file: 'prompts/summarize.prompt.yml',
        line: 1,
        message: `over the team's monthly increase limit: support's spend rises by +$2,100/month ($5,000 → $7,100) against a limit of $300/month (+$1,800 over)${CAUSE}; owners: @acme/support-leads`,
      },
    ]);
  });

  it('names the single change that added most, across features', () => {
    const ts = feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000 }),
      head: side({ monthly: 7100 }),
      changes: [
        change({ kind: 'prompt', line: 6, summary: 'system message +120 tokens (400 → 520)', monthly_effect: 300 }),
        change({ monthly_effect: 1800 }),
      ],
    });
    const kb = feature({
      id: 'kb-answer',
      base: side({ monthly: 1000 }),
      head: side({ monthly: 1400 }),
      changes: [
        change({
          kind: 'params',
          file: 'prompts/kb.prompt.yml',
          line: 3,
          summary: 'max output tokens 500 → 800',
          monthly_effect: 400,
        }),
      ],
    });
    const r = evaluatePolicies(inputs(config('  max_monthly_increase: 2000\n'), { features: [kb, ts] }));
    expect(r.violations.map((v) => [v.file, v.line])).toEqual([['prompts/summarize.prompt.yml', 1]]);
    expect(r.violations[0].message).toBe(
      `over the monthly increase limit: this PR raises spend by +$2,500/month ($6,000 → $8,500) against a limit of $2,000/month for the whole PR (+$500 over); largest change: ticket-summary, ${MODEL}, +$1,800/month (prompts/summarize.prompt.yml:1)`,
    );
  });

  it('an increase equal to the limit passes', () => {
    expect(
      evaluatePolicies(
        inputs(config('  max_monthly_increase: 2100\n', '    max_monthly_increase: 2100\n'), { features: [swap] }),
      ).violations,
    ).toEqual([]);
  });

  it('under min_increase_usd: a warning, whole PR and team', () => {
    // $4.00 → $5.50: +$1.50 against limits of $1, with min_increase_usd $2.
    const small = feature({
      id: 'ticket-summary',
      base: side({ monthly: 4 }),
      head: side({ monthly: 5.5 }),
      changes: [change({ monthly_effect: 1.5 })],
    });
    const r = evaluatePolicies(
      inputs(config('  max_monthly_increase: 1\n  min_increase_usd: 2\n', '    max_monthly_increase: 1\n'), {
        features: [small],
      }),
    );
    expect(r.violations.map((v) => [v.rule, v.team, v.severity])).toEqual([
      ['max_monthly_increase', null, 'warning'],
      ['max_monthly_increase', 'support', 'warning'],
    ]);
    expect(
      r.violations[0].message.endsWith(
        " — not failing: the PR's change (+$1.50/month) is under min_increase_usd ($2.00)",
      ),
    ).toBe(true);
    expect(
      r.violations[1].message.endsWith(
        " — not failing: the team's change (+$1.50/month) is under min_increase_usd ($2.00)",
      ),
    ).toBe(true);
    expect(r.breached).toBe(false);
  });

  it('static figures warn unless static_estimates: fail', () => {
    const added = feature({ id: 'faq-bot', base: null, head: staticSide({ monthly: 900 }) });
    const unchanged = feature({
      id: 'ticket-summary',
      status: 'unchanged',
      base: side({ monthly: 5000 }),
      head: side({ monthly: 5000 }),
    });
    const warn = evaluatePolicies(
      inputs(config('  max_monthly_increase: 500\n', '    max_monthly_increase: 500\n'), {
        features: [unchanged, added],
      }),
    );
    expect(warn.violations.map((v) => [v.rule, v.team, v.severity])).toEqual([
      ['max_monthly_increase', null, 'warning'],
      ['max_monthly_increase', 'support', 'warning'],
    ]);
    expect(warn.violations[0].message).toBe(
      'over the monthly increase limit: this PR raises spend by +$900/month ($5,000 → $5,900) against a limit of $500/month for the whole PR (+$400 over); largest change: faq-bot (added), +$900/month — not failing: the increase rests on static estimates (static_estimates: warn)',
    );
    const fail = evaluatePolicies(
      inputs(config('  max_monthly_increase: 500\n  static_estimates: fail\n', '    max_monthly_increase: 500\n'), {
        features: [unchanged, added],
      }),
    );
    expect(fail.violations.map((v) => v.severity)).toEqual(['error', 'error']);
    // Measured +$2,100 over a $500 limit fails whatever the static part adds.
    const mixed = evaluatePolicies(inputs(config('  max_monthly_increase: 500\n'), { features: [swap, added] }));
    expect(mixed.violations.map((v) => v.severity)).toEqual(['error']);
  });

  it('fail_on without the rule: warnings that say why', () => {
    const r = evaluatePolicies(
      inputs(config('  max_monthly_increase: 500\n  fail_on: [budget]\n', '    max_monthly_increase: 300\n'), {
        features: [swap],
      }),
    );
    expect(r.violations.map((v) => [v.team, v.severity])).toEqual([
      [null, 'warning'],
      ['support', 'warning'],
    ]);
    for (const v of r.violations)
      expect(v.message.endsWith(' — not failing: max_monthly_increase is not in policies.fail_on')).toBe(true);
    expect(r.breached).toBe(false);
  });
});

describe('max_monthly_increase_percent', () => {
  it('compares percentage points with the configured fraction; exact message with the interval', () => {
    // +$2,100 on $5,000 = +42%; limit 25%; interval +$1,900…+$2,300 = +38%…+46%.
    const r = evaluatePolicies(
      inputs(config('  max_monthly_increase_percent: 25%\n'), { features: [swap], deltaCi: [1900, 2300] }),
    );
    expect(r.violations).toMatchObject([
      {
        rule: 'max_monthly_increase_percent',
        severity: 'error',
        overridden: false,
        team: null,
        feature: null,
        file: 'prompts/summarize.prompt.yml',
        line: 1,
        message: `over the monthly increase limit in percent: this PR raises spend by +42.0% (+$2,100/month, $5,000 → $7,100; 95%: +38.0% to +46.0%) against a limit of 25%${CAUSE}`,
      },
    ]);
    // 0.45 as a fraction: 42% is under 45%.
    expect(
      evaluatePolicies(inputs(config('  max_monthly_increase_percent: 0.45\n'), { features: [swap] })).violations,
    ).toEqual([]);
    // "may be" when the lower end (+$1,000 = +20%) is under 25%.
    expect(
      evaluatePolicies(
        inputs(config('  max_monthly_increase_percent: 25%\n'), { features: [swap], deltaCi: [1000, 3200] }),
      ).violations[0].message,
    ).toMatch(/^likely over .*95%: \+20\.0% to \+64\.0%/);
  });

  it('a zero base has no percentage and never fails this rule', () => {
    const added = feature({ id: 'faq-bot', base: null, head: side({ monthly: 900 }) });
    const r = evaluatePolicies(
      inputs(config('  max_monthly_increase_percent: 1%\n'), { features: [added], policySource: 'head (adoption)' }),
    );
    expect(r.violations).toEqual([]);
    expect(r.breached).toBe(false);
  });

  it('min_increase_usd, static figures and fail_on make it a warning', () => {
    const small = feature({
      id: 'ticket-summary',
      base: side({ monthly: 4 }),
      head: side({ monthly: 5.5 }),
      changes: [change({ monthly_effect: 1.5 })],
    });
    const min = evaluatePolicies(
      inputs(config('  max_monthly_increase_percent: 25%\n  min_increase_usd: 2\n'), { features: [small] }),
    );
    // +$1.50 on $4 = +37.5%.
    expect(min.violations.map((v) => [v.rule, v.severity])).toEqual([['max_monthly_increase_percent', 'warning']]);
    expect(min.violations[0].message).toMatch(
      /raises spend by \+37\.5% .* — not failing: the PR's change \(\+\$1\.50\/month\) is under min_increase_usd \(\$2\.00\)$/,
    );

    const unchanged = feature({
      id: 'ticket-summary',
      status: 'unchanged',
      base: side({ monthly: 5000 }),
      head: side({ monthly: 5000 }),
    });
    const added = feature({ id: 'faq-bot', base: null, head: staticSide({ monthly: 1500 }) });
    expect(
      evaluatePolicies(inputs(config('  max_monthly_increase_percent: 25%\n'), { features: [unchanged, added] }))
        .violations[0].severity,
    ).toBe('warning');
    expect(
      evaluatePolicies(
        inputs(config('  max_monthly_increase_percent: 25%\n  static_estimates: fail\n'), {
          features: [unchanged, added],
        }),
      ).violations[0].severity,
    ).toBe('error');
    expect(
      evaluatePolicies(
        inputs(config('  max_monthly_increase_percent: 25%\n  fail_on: [max_monthly_increase_percent]\n'), {
          features: [swap],
        }),
      ).violations[0].severity,
    ).toBe('error');
    expect(
      evaluatePolicies(
        inputs(config('  max_monthly_increase_percent: 25%\n  fail_on: [max_monthly_increase]\n'), {
          features: [swap],
        }),
      ).violations[0].severity,
    ).toBe('warning');
  });
});
