/** Feature rules: `max_cost_per_request`, `allowed_models`, `unbounded_increase`; and the globs. */
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicies } from '../../src/policy/evaluate.js';
import { compileGlob, disallowedModels, globSteps } from '../../src/policy/glob.js';
import { change, feature, inputs, side, staticSide } from './fixtures.js';

const config = (policies: string) => `version: 1
features: {}
teams:
  support: { owners: ["@acme/support-leads"] }
policies:
${policies}`;

const MODEL = 'model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price)';
const OWNERS = '; owners: @acme/support-leads';

describe('max_cost_per_request', () => {
  // 100,000 requests a month: $5,000 → $7,100 is $0.05 → $0.071 per request.
  const swap = feature({
    id: 'ticket-summary',
    base: side({ monthly: 5000 }),
    head: side({ monthly: 7100, models: ['openai/gpt-4o'] }),
    changes: [change({ monthly_effect: 2100 })],
  });

  it('mean: exact message, an error', () => {
    const r = evaluatePolicies(
      inputs(config('  max_cost_per_request: { usd: 0.05, stat: mean }\n'), { features: [swap] }),
    );
    expect(r.violations).toMatchObject([
      {
        rule: 'max_cost_per_request',
        severity: 'error',
        overridden: false,
        team: 'support',
        feature: 'ticket-summary',
        file: 'prompts/summarize.prompt.yml',
        line: 1,
        message: `mean cost per request over the limit: ticket-summary costs $0.0710 per request at head (was $0.0500) against a limit of $0.0500 (+$0.0210 over); largest change: ticket-summary, ${MODEL}, +$2,100/month (prompts/summarize.prompt.yml:1)${OWNERS}`,
      },
    ]);
    expect(r.breached).toBe(true);
  });

  it('p95 reads the p95, not the mean', () => {
    const f = feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000, per_request: { mean: 0.05, p50: 0.045, p95: 0.09 } }),
      head: side({ monthly: 5200, per_request: { mean: 0.052, p50: 0.047, p95: 0.12 } }),
      changes: [
        change({ kind: 'prompt', line: 6, summary: 'system message +80 tokens (400 → 480)', monthly_effect: 200 }),
      ],
    });
    const r = evaluatePolicies(inputs(config('  max_cost_per_request: { usd: 0.1, stat: p95 }\n'), { features: [f] }));
    expect(r.violations.map((v) => [v.severity, v.line, v.message.split(';')[0]])).toEqual([
      [
        'error',
        6,
        'p95 cost per request over the limit: ticket-summary costs $0.1200 per request at head (was $0.0900) against a limit of $0.1000 (+$0.0200 over)',
      ],
    ]);
    // The mean ($0.052) is under a $0.10 mean limit.
    expect(
      evaluatePolicies(inputs(config('  max_cost_per_request: { usd: 0.1, stat: mean }\n'), { features: [f] }))
        .violations,
    ).toEqual([]);
  });

  it('over at base and not raised: a warning; raised: an error', () => {
    const cheaper = feature({
      id: 'ticket-summary',
      base: side({ monthly: 8000 }),
      head: side({ monthly: 7100 }),
      changes: [
        change({ kind: 'prompt', line: 6, summary: 'system message -300 tokens (700 → 400)', monthly_effect: -900 }),
      ],
    });
    const r = evaluatePolicies(
      inputs(config('  max_cost_per_request: { usd: 0.05, stat: mean }\n'), { features: [cheaper] }),
    );
    expect(r.violations.map((v) => [v.severity, v.file, v.message])).toEqual([
      [
        'warning',
        null,
        `mean cost per request over the limit: ticket-summary costs $0.0710 per request at head (was $0.0800) against a limit of $0.0500 (+$0.0210 over)${OWNERS} — not failing: already over the limit at base ($0.0800 per request) and this PR does not raise it`,
      ],
    ]);
    const dearer = feature({
      id: 'ticket-summary',
      base: side({ monthly: 6000 }),
      head: side({ monthly: 7100 }),
      changes: [change({ monthly_effect: 1100 })],
    });
    expect(
      evaluatePolicies(inputs(config('  max_cost_per_request: { usd: 0.05, stat: mean }\n'), { features: [dearer] }))
        .violations[0].severity,
    ).toBe('error');
  });

  it('an added feature says "new feature"; static figures warn unless static_estimates: fail', () => {
    const added = feature({ id: 'faq-bot', base: null, head: staticSide({ monthly: 7000 }) });
    const r = evaluatePolicies(
      inputs(
        config('  max_cost_per_request: { usd: 0.05, stat: mean }\n'),
        { features: [added] },
        { artifacts: { 'faq-bot': 'prompts/faq.prompt.yml' } },
      ),
    );
    expect(r.violations.map((v) => [v.severity, v.file, v.message])).toEqual([
      [
        'warning',
        'prompts/faq.prompt.yml',
        `mean cost per request over the limit: faq-bot costs $0.0700 per request at head (new feature) against a limit of $0.0500 (+$0.0200 over); largest change: faq-bot (added), +$7,000/month (prompts/faq.prompt.yml)${OWNERS} — not failing: the head figure is a static estimate (static_estimates: warn)`,
      ],
    ]);
    const strict = evaluatePolicies(
      inputs(config('  max_cost_per_request: { usd: 0.05, stat: mean }\n  static_estimates: fail\n'), {
        features: [added],
      }),
    );
    expect(strict.violations.map((v) => v.severity)).toEqual(['error']);
  });

  it('a feature change under min_increase_usd warns; unchanged and removed features are not judged', () => {
    // 1,000 requests a month at $0.06: +$0.50/month from $0.0595.
    const tiny = feature({
      id: 'rare',
      base: side({ monthly: 59.5, requests_per_month: 1000 }),
      head: side({ monthly: 60, requests_per_month: 1000 }),
      changes: [change({ monthly_effect: 0.5 })],
    });
    const unchanged = feature({
      id: 'steady',
      status: 'unchanged',
      base: side({ monthly: 9000 }),
      head: side({ monthly: 9000 }),
    });
    const removed = feature({ id: 'gone', base: side({ monthly: 9000 }), head: null });
    const r = evaluatePolicies(
      inputs(config('  max_cost_per_request: { usd: 0.05, stat: mean }\n  min_increase_usd: 1\n'), {
        features: [tiny, unchanged, removed],
      }),
    );
    expect(r.violations.map((v) => [v.feature, v.severity])).toEqual([['rare', 'warning']]);
    expect(r.violations[0].message).toMatch(
      /costs \$0\.0600 per request at head \(was \$0\.0595\).* — not failing: the feature's change \(\+\$0\.5000\/month\) is under min_increase_usd \(\$1\.00\)$/,
    );
  });

  it('fail_on without it: a warning', () => {
    const r = evaluatePolicies(
      inputs(config('  max_cost_per_request: { usd: 0.05, stat: mean }\n  fail_on: [budget]\n'), { features: [swap] }),
    );
    expect(r.violations[0].severity).toBe('warning');
    expect(r.violations[0].message.endsWith(' — not failing: max_cost_per_request is not in policies.fail_on')).toBe(
      true,
    );
  });
});

describe('allowed_models', () => {
  const allowed = '  allowed_models: ["openai/gpt-4o*", "anthropic/claude-sonnet-4*"]\n';
  const to = (model: string) =>
    feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000, models: ['openai/gpt-4o-mini'] }),
      head: side({ monthly: 6000, models: [model] }),
      changes: [change({ summary: `model openai/gpt-4o-mini → ${model}`, monthly_effect: 1000 })],
    });

  it('a head model outside every glob fails; exact message', () => {
    const r = evaluatePolicies(inputs(config(allowed), { features: [to('openai/gpt-4.1')] }));
    expect(r.violations).toMatchObject([
      {
        rule: 'allowed_models',
        severity: 'error',
        overridden: false,
        team: 'support',
        feature: 'ticket-summary',
        file: 'prompts/summarize.prompt.yml',
        line: 1,
        message: `model not allowed: ticket-summary uses openai/gpt-4.1 at head, which matches none of allowed_models: openai/gpt-4o*, anthropic/claude-sonnet-4*; changed at prompts/summarize.prompt.yml:1${OWNERS}`,
      },
    ]);
    expect(
      evaluatePolicies(inputs(config(allowed), { features: [to('openai/gpt-4o-2024-08-06')] })).violations,
    ).toEqual([]);
    expect(
      evaluatePolicies(inputs(config(allowed), { features: [to('anthropic/claude-sonnet-4-5')] })).violations,
    ).toEqual([]);
  });

  it('every model of the head side must match; an added feature is judged too', () => {
    const agent = feature({
      id: 'triage',
      base: null,
      head: side({ monthly: 300, models: ['openai/gpt-4o', 'google/gemini-2.5-pro', 'openai/o3'] }),
    });
    const r = evaluatePolicies(inputs(config(allowed), { features: [agent] }));
    expect(r.violations.map((v) => v.message)).toEqual([
      `model not allowed: triage uses google/gemini-2.5-pro, openai/o3 at head, which match none of allowed_models: openai/gpt-4o*, anthropic/claude-sonnet-4*${OWNERS}`,
    ]);
  });

  it('a disallowed model already used at base warns; a cheaper disallowed model still fails (no minimum)', () => {
    const kept = feature({
      id: 'legacy',
      base: side({ monthly: 100, models: ['openai/gpt-3.5-turbo'] }),
      head: side({ monthly: 130, models: ['openai/gpt-3.5-turbo'] }),
      changes: [change({ kind: 'prompt', line: 6, summary: 'system message +50 tokens', monthly_effect: 30 })],
    });
    const r = evaluatePolicies(inputs(config(allowed + '  min_increase_usd: 100\n'), { features: [kept] }));
    expect(r.violations.map((v) => [v.severity, v.line])).toEqual([['warning', 6]]);
    expect(r.violations[0].message.endsWith(' — not failing: the model was already used at base')).toBe(true);
    const cheaper = feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000, models: ['openai/gpt-4o'] }),
      head: side({ monthly: 300, models: ['openai/gpt-4.1-nano'] }),
      changes: [change({ summary: 'model openai/gpt-4o → openai/gpt-4.1-nano', monthly_effect: -4700 })],
    });
    expect(
      evaluatePolicies(inputs(config(allowed + '  min_increase_usd: 100\n'), { features: [cheaper] })).violations.map(
        (v) => v.severity,
      ),
    ).toEqual(['error']);
  });

  it('an empty list allows nothing; fail_on narrows it', () => {
    const r = evaluatePolicies(inputs(config('  allowed_models: []\n'), { features: [to('openai/gpt-4o')] }));
    expect(r.violations[0].message).toBe(
      `model not allowed: ticket-summary uses openai/gpt-4o at head, which is not allowed: allowed_models is empty; changed at prompts/summarize.prompt.yml:1${OWNERS}`,
    );
    expect(
      evaluatePolicies(inputs(config(allowed + '  fail_on: [budget]\n'), { features: [to('openai/gpt-4.1')] }))
        .violations[0].severity,
    ).toBe('warning');
  });
});

describe('model globs', () => {
  const allows = (glob: string, id: string) => compileGlob(glob).test(id);

  it('`*` spans any characters including `/`; everything else is literal and anchored', () => {
    expect(allows('openai/gpt-4o*', 'openai/gpt-4o-mini')).toBe(true);
    expect(allows('openai/gpt-4o*', 'openai/gpt-4o')).toBe(true);
    expect(allows('openai/gpt-4o*', 'azure/openai/gpt-4o')).toBe(false);
    expect(allows('*/gpt-4o', 'azure/openai/gpt-4o')).toBe(true);
    expect(allows('openai/gpt-4.1', 'openai/gpt-4x1')).toBe(false);
    expect(allows('openai/gpt-4.1', 'openai/gpt-4.1-mini')).toBe(false);
    expect(allows('openai/(gpt|o)[0-9]+', 'openai/gpt4')).toBe(false);
    expect(allows('openai/(gpt|o)[0-9]+', 'openai/(gpt|o)[0-9]+')).toBe(true);
    expect(allows('a*b*c', 'abc')).toBe(true);
    expect(allows('a*b*c', 'axxbyyc')).toBe(true);
    expect(allows('a*b*c', 'axxbyy')).toBe(false);
    expect(allows('*', '')).toBe(true);
    expect(allows('', 'x')).toBe(false);
    expect(allows('OpenAI/GPT-4o*', 'openai/gpt-4o-mini')).toBe(true);
  });

  it('a pathological glob takes at most pattern × text steps (no backtracking blow-up)', () => {
    const glob = compileGlob('*a'.repeat(40) + 'b');
    const text = 'a'.repeat(20000);
    const before = globSteps();
    expect(glob.test(text)).toBe(false);
    const steps = globSteps() - before;
    // Two steps per text character here (40,000): the stars are never revisited. The walk's
    // worst case is 81 pattern × 20,000 text characters; backtracking over 40 stars would be
    // astronomically more.
    expect(steps).toBeLessThanOrEqual(2 * 20_000);
  });

  it('disallowedModels keeps the order of the ids', () => {
    expect(disallowedModels(['x/a', 'openai/gpt-4o', 'y/b'], [compileGlob('openai/*')])).toEqual(['x/a', 'y/b']);
  });
});

describe('unbounded_increase', () => {
  // Recorded outputs: 20% stopped at the old cap of 500; the PR raises it to 1,000. The replay keeps
  // recorded outputs, so the delta is $0 and only a bound can say what the cap may cost.
  const raised = (headCap: number | null, share = 0.2) =>
    feature({
      id: 'ticket-summary',
      base: side({ monthly: 5000, max_output_tokens: 500, output_cap_share: share }),
      head: side({ monthly: 5000, max_output_tokens: headCap, output_cap_share: 0 }),
      changes: [
        change({
          kind: 'params',
          line: 3,
          summary: `max output tokens 500 → ${headCap ?? 'unset'}; 20.0% of recorded outputs hit the old cap, so the increase may be larger`,
          monthly_effect: 0,
        }),
      ],
    });

  it('warns by default, with the bound in tokens; exact message', () => {
    const r = evaluatePolicies(inputs(config('  max_monthly_increase: 100\n'), { features: [raised(1000)] }));
    expect(r.violations).toMatchObject([
      {
        rule: 'unbounded_increase',
        severity: 'warning',
        overridden: false,
        team: 'support',
        feature: 'ticket-summary',
        file: 'prompts/summarize.prompt.yml',
        line: 3,
        message: `output cap raised while outputs hit the old one: ticket-summary raises max output tokens 500 → 1,000 and 20.0% of samples reached the old cap, so the replayed change ($0/month) is a lower bound; at the new cap outputs could grow by up to 100 tokens per request on average${OWNERS}`,
      },
    ]);
    expect(r.breached).toBe(false);
  });

  it('with the output price: the bound in dollars; fails when listed in fail_on, unless under min_increase_usd', () => {
    // 100 extra tokens × $10/1M = $0.001 per request: $0.05 → $0.051; × 100,000 = +$100/month.
    const price = { outputUsdPerToken: { 'ticket-summary': 10 / 1e6 } };
    const r = evaluatePolicies(
      inputs(config('  fail_on: [unbounded_increase]\n'), { features: [raised(1000)] }, price),
    );
    expect(r.violations.map((v) => [v.severity, v.message])).toEqual([
      [
        'error',
        `output cap raised while outputs hit the old one: ticket-summary raises max output tokens 500 → 1,000 and 20.0% of samples reached the old cap, so the replayed change ($0/month) is a lower bound; at the new cap it could cost up to $0.0510 per request ($5,100/month, +$100/month against base)${OWNERS}`,
      ],
    ]);
    expect(r.breached).toBe(true);
    const small = evaluatePolicies(
      inputs(config('  fail_on: [unbounded_increase]\n  min_increase_usd: 200\n'), { features: [raised(1000)] }, price),
    );
    expect(small.violations[0].severity).toBe('warning');
    expect(
      small.violations[0].message.endsWith(
        ' — not failing: the increase at the new cap (+$100/month) is under min_increase_usd ($200)',
      ),
    ).toBe(true);
  });

  it('an unset cap has no bound; a lowered cap or outputs that never hit it say nothing', () => {
    const r = evaluatePolicies(inputs(config('  fail_on: [budget]\n'), { features: [raised(null)] }));
    expect(r.violations.map((v) => v.message.split('; ').slice(0, 2).join('; '))).toEqual([
      'output cap raised while outputs hit the old one: ticket-summary raises max output tokens 500 → unset and 20.0% of samples reached the old cap, so the replayed change ($0/month) is a lower bound; with no cap the increase has no upper bound',
    ]);
    expect(evaluatePolicies(inputs(config('  fail_on: [budget]\n'), { features: [raised(400)] })).violations).toEqual(
      [],
    );
    expect(
      evaluatePolicies(inputs(config('  fail_on: [budget]\n'), { features: [raised(1000, 0)] })).violations,
    ).toEqual([]);
  });
});
