/**
 * The guardrail: every policy rule over the priced report and the trusted config, each finding's
 * severity (declared rules fail; `fail_on` narrows; breaches the PR did not cause, changes under
 * `min_increase_usd` and static figures only warn), then the override label.
 */
import type { Config, PolicyRule } from '../types.js';
import type { ViolationJson, ViolationRule } from '../report/index.js';
import { baseErrors, prDeclaredPrices, unpricedChanges } from './change-rules.js';
import { cheaperModelReview } from './cheaper-model.js';
import { PolicyContext, type Finding } from './context.js';
import { allowedModels, costPerRequest, unboundedIncrease } from './feature-rules.js';
import { prRules } from './pr-rules.js';
import { teamRules } from './team-rules.js';
import type { PolicyInputs, PolicyResult } from './types.js';

/** The order violations are listed in (then team, then feature). */
export const RULE_ORDER: readonly ViolationRule[] = [
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
];

/** A rule's setting written explicitly as `warn` (not the default) keeps it a warning even in `fail_on`. */
function explicitlyWarn(config: Config, key: string, value: 'warn' | 'fail'): boolean {
  return value === 'warn' && Object.hasOwn(config.positions, `policies.${key}`);
}

/**
 * Whether a rule may fail the check under this config, and why not when it may not.
 * - Without `fail_on`: the declared rules fail. `unpriced_change` and `base_error` are declared
 *   by `unpriced_changes: fail` / `on_base_error: fail`; `unbounded_increase` has no key of its
 *   own and only warns; `budget_warn` never fails.
 * - With `fail_on`: only listed rules fail; listing `unpriced_change` or `base_error` is enough
 *   unless its setting is written as `warn`.
 */
export function ruleMayFail(rule: ViolationRule, config: Config): { fails: boolean; reason: string | null } {
  const p = config.policies;
  if (rule === 'budget_warn' || rule === 'require_cheaper_model_review') return { fails: false, reason: null };
  // A PR-declared price changes the figures every other rule reads; a base `fail_on` written
  // before this rule existed must not let a PR's own $0 price pass the check.
  if (rule === 'pr_declared_price') return { fails: true, reason: null };
  const setting =
    rule === 'unpriced_change'
      ? (['unpriced_changes', p.unpricedChanges] as const)
      : rule === 'base_error'
        ? (['on_base_error', p.onBaseError] as const)
        : null;
  if (p.failOn === undefined) {
    if (setting) return { fails: setting[1] === 'fail', reason: null };
    return { fails: rule !== 'unbounded_increase', reason: null };
  }
  if (!p.failOn.includes(rule as PolicyRule)) {
    const declared = setting ? setting[1] === 'fail' : rule !== 'unbounded_increase';
    return { fails: false, reason: declared ? `${rule} is not in policies.fail_on` : null };
  }
  if (setting && explicitlyWarn(config, setting[0], setting[1]))
    return { fails: false, reason: `policies.${setting[0]} is warn` };
  return { fails: true, reason: null };
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function label(config: Config): string {
  return config.policies.overrideLabel ? `label "${config.policies.overrideLabel}"` : 'override';
}

/**
 * Evaluate every rule. Pure: the inputs are the priced report (violations not filled in), the
 * trusted config, base-side errors and the override state; the result is the violations in a
 * stable order, the verdict (`breached` exactly when a violation is an error) and notices.
 */
export function evaluatePolicies(inputs: PolicyInputs): PolicyResult {
  const ctx = new PolicyContext(inputs);
  const team = teamRules(ctx);
  const pr = prRules(ctx);
  const findings: Finding[] = [
    ...team.budget,
    ...team.budgetWarn,
    ...pr.increase,
    ...team.increase,
    ...pr.percent,
    ...costPerRequest(ctx),
    ...allowedModels(ctx),
    ...unpricedChanges(ctx),
    ...unboundedIncrease(ctx),
    ...baseErrors(ctx),
    ...prDeclaredPrices(ctx),
    ...cheaperModelReview(ctx),
  ];
  const order = (f: Finding) => RULE_ORDER.indexOf(f.rule);
  findings.sort(
    (a, b) => order(a) - order(b) || compareNullable(a.team, b.team) || compareNullable(a.feature, b.feature),
  );

  const notices: string[] = [];
  if (inputs.report.policy_source === 'head (adoption)') {
    const why =
      '*' in inputs.baseErrors ? 'the base config could not be read' : 'the base has no config (this PR adopts aicost)';
    notices.push(
      `Policies come from this PR's ${inputs.config.path}: ${why}, so the PR's own budgets and rules decide this check.`,
    );
  }

  let overridden = 0;
  const violations: ViolationJson[] = findings.map((f) => {
    const may = ruleMayFail(f.rule, inputs.config);
    const reasons = [...f.notFailing, ...(may.reason ? [may.reason] : [])];
    let severity: ViolationJson['severity'] = may.fails && f.notFailing.length === 0 ? 'error' : 'warning';
    const message =
      reasons.length && f.rule !== 'budget_warn' ? `${f.message} — not failing: ${reasons[0]}` : f.message;
    let isOverridden = false;
    if (severity === 'error' && inputs.override.applied) {
      severity = 'warning';
      isOverridden = true;
      overridden++;
    }
    return {
      rule: f.rule,
      severity,
      overridden: isOverridden,
      team: f.team,
      feature: f.feature,
      file: f.file,
      line: f.line,
      message,
      ...(f.figures
        ? { unit: f.figures.unit, limit: f.figures.limit, value: f.figures.value, value_ci95: f.figures.ci95 }
        : {}),
      ...(f.cause !== undefined
        ? {
            cause: f.cause && {
              feature: f.cause.feature,
              summary: f.cause.summary,
              monthly_effect: f.cause.effect,
              file: f.cause.file,
              line: f.cause.line,
            },
          }
        : {}),
    };
  });

  const o = inputs.override;
  if (o.applied) {
    const who = `${o.by ? ` by ${o.by}` : ''}${o.at ? ` at ${o.at}` : ''}`;
    const effect =
      overridden === 0
        ? 'nothing fails, so it changes nothing'
        : `${overridden} failing violation${overridden === 1 ? ' is' : 's are'} reported as ${overridden === 1 ? 'a warning' : 'warnings'} (overridden)`;
    notices.push(`Override: the ${label(inputs.config)} was applied${who}; ${effect}.`);
  }
  if (o.rejectedBy) {
    const approvers = inputs.config.policies.overrideApprovers;
    const list = approvers.length ? ` (${approvers.join(', ')})` : '';
    notices.push(
      `The ${label(inputs.config)} was applied by ${o.rejectedBy}, who is not in policies.override_approvers${list}: it does not count, and failing violations still fail.`,
    );
  }
  return { violations, breached: violations.some((v) => v.severity === 'error'), notices };
}
