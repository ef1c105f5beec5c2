/** Rule `require_cheaper_model_review`: a switch to a dearer model while a cheaper one passes the evals as well. */
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicies } from '../../src/policy/evaluate.js';
import type { CheaperModelInputs } from '../../src/policy/index.js';
import { feature, inputs, side } from './fixtures.js';

const config = (policies: string) => `version: 1
features:
  ticket-summary: { team: support, prompt: prompts/summary.txt, requests_per_month: 100000 }
teams:
  support: { monthly_budget: 100000 }
${policies ? `policies:\n${policies}` : ''}`;

/** gpt-4.1-mini ($400/month) → gpt-4.1 ($2,000/month). */
const toGpt41 = feature({
  id: 'ticket-summary',
  base: side({ monthly: 400, models: ['openai/gpt-4.1-mini'] }),
  head: side({ monthly: 2000, models: ['openai/gpt-4.1'] }),
});

/** Base's eval results: both models pass 18 of 20. */
const baseEvidence: CheaperModelInputs = {
  passRates: {
    'ticket-summary': {
      'openai/gpt-4.1-mini': { passes: 18, total: 20, passRate: 0.9, source: 'evals/summary.json' },
      'openai/gpt-4.1': { passes: 18, total: 20, passRate: 0.9, source: 'evals/summary.json' },
    },
  },
  candidates: [],
};

describe('require_cheaper_model_review', () => {
  it('warns (never fails) when the base model passes as often and saves more than the amount', () => {
    const r = evaluatePolicies(
      inputs(config('  require_cheaper_model_review: 500\n'), { features: [toGpt41] }, { cheaperModels: baseEvidence }),
    );
    // Saving: $2,000 − $400 = $1,600 a month, above $500.
    expect(r.violations).toEqual([
      {
        rule: 'require_cheaper_model_review',
        severity: 'warning',
        overridden: false,
        team: 'support',
        feature: 'ticket-summary',
        file: 'prompts/summary.txt',
        line: null,
        message:
          'ticket-summary switches openai/gpt-4.1-mini → openai/gpt-4.1 ($400 → $2,000/month), but openai/gpt-4.1-mini passes 18/20 (90%, evals/summary.json) of the recorded evals against 18/20 (90%, evals/summary.json) for openai/gpt-4.1 and would cost $1,600/month less (more than the $500 of policies.require_cheaper_model_review); review the switch',
        unit: 'usd_month',
        limit: 500,
        value: 2000 - 400,
        value_ci95: null,
      },
    ]);
    expect(r.breached).toBe(false);
  });

  it('names the routing candidate with the largest saving that passes at least as often', () => {
    const withRouting: CheaperModelInputs = {
      passRates: {
        'ticket-summary': {
          ...baseEvidence.passRates['ticket-summary'],
          'openai/gpt-4.1-nano': { passes: 17, total: 20, passRate: 0.85, source: 'evals/summary.json' },
          'google/gemini-2.5-flash': { passes: 19, total: 20, passRate: 0.95, source: 'evals/gemini.json' },
        },
      },
      candidates: [
        { feature: 'ticket-summary', model: 'openai/gpt-4.1-nano', monthly: 100, eligible: true },
        { feature: 'ticket-summary', model: 'google/gemini-2.5-flash', monthly: 250, eligible: true },
        { feature: 'ticket-summary', model: 'openai/gpt-4o-mini', monthly: 50, eligible: false },
      ],
    };
    const r = evaluatePolicies(
      inputs(config('  require_cheaper_model_review: 500\n'), { features: [toGpt41] }, { cheaperModels: withRouting }),
    );
    // nano is cheapest but passes less (85% < 90%); 4o-mini is ineligible; Gemini saves $2,000 − $250.
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0].message).toContain('but google/gemini-2.5-flash passes 19/20 (95%, evals/gemini.json)');
    expect(r.violations[0].value).toBe(2000 - 250);
  });

  it('says nothing when the saving is under the amount, the cheaper model passes less, or the new model has no evidence', () => {
    const quiet = (policies: string, cheaper: CheaperModelInputs) =>
      evaluatePolicies(inputs(config(policies), { features: [toGpt41] }, { cheaperModels: cheaper })).violations;
    expect(quiet('  require_cheaper_model_review: 1600\n', baseEvidence)).toEqual([]); // $1,600 is not more than $1,600
    const worse: CheaperModelInputs = {
      passRates: {
        'ticket-summary': {
          'openai/gpt-4.1-mini': { passes: 17, total: 20, passRate: 0.85, source: 'evals/summary.json' },
          'openai/gpt-4.1': { passes: 18, total: 20, passRate: 0.9, source: 'evals/summary.json' },
        },
      },
      candidates: [],
    };
    expect(quiet('  require_cheaper_model_review: 500\n', worse)).toEqual([]);
    const noHead: CheaperModelInputs = {
      passRates: {
        'ticket-summary': { 'openai/gpt-4.1-mini': baseEvidence.passRates['ticket-summary']['openai/gpt-4.1-mini'] },
      },
      candidates: [],
    };
    expect(quiet('  require_cheaper_model_review: 500\n', noHead)).toEqual([]);
    // Not opted in: nothing.
    expect(quiet('  max_monthly_increase: 100000\n', baseEvidence)).toEqual([]);
  });

  it('a switch to a cheaper model is not reviewed', () => {
    const down = feature({
      id: 'ticket-summary',
      base: side({ monthly: 2000, models: ['openai/gpt-4.1'] }),
      head: side({ monthly: 400, models: ['openai/gpt-4.1-mini'] }),
    });
    const r = evaluatePolicies(
      inputs(config('  require_cheaper_model_review: 10\n'), { features: [down] }, { cheaperModels: baseEvidence }),
    );
    expect(r.violations).toEqual([]);
  });

  it('with fail_on listing every rule it still only warns', () => {
    const r = evaluatePolicies(
      inputs(
        config('  require_cheaper_model_review: 500\n  fail_on: [budget, max_monthly_increase]\n'),
        { features: [toGpt41] },
        { cheaperModels: baseEvidence },
      ),
    );
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['require_cheaper_model_review', 'warning']]);
    expect(r.breached).toBe(false);
  });
});
