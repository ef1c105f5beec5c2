/**
 * Team rules: `budget`, `budget_warn` and the team's `max_monthly_increase`. Only teams with a
 * changed, added or removed feature are evaluated: a PR answers for what it touches.
 */
import { pct, signedUsd, usd } from '../text/index.js';
import type { TeamJson } from '../report/index.js';
import {
  causeText,
  finding,
  moneyRange,
  ownersText,
  underMinimum,
  type Finding,
  type PolicyContext,
} from './context.js';

/** Budget, warn level and increase limit of every evaluated team, in report (team) order. */
export function teamRules(ctx: PolicyContext): { budget: Finding[]; budgetWarn: Finding[]; increase: Finding[] } {
  const out = { budget: [] as Finding[], budgetWarn: [] as Finding[], increase: [] as Finding[] };
  for (const t of ctx.inputs.report.teams) {
    const features = ctx.changedOfTeam(t.team);
    if (features.length === 0) continue;
    const cause = ctx.largestCause(features);
    const staticUp = ctx.staticIncrease(features);
    const b = budget(ctx, t, cause, staticUp);
    if (b) (b.rule === 'budget' ? out.budget : out.budgetWarn).push(b);
    const i = teamIncrease(ctx, t, cause, staticUp);
    if (i) out.increase.push(i);
  }
  return out;
}

/**
 * Spend here plus spend elsewhere against the budget. The wording follows the interval: "over"
 * when its lower end is over too, "likely over" when only the point estimate is.
 */
function budget(
  ctx: PolicyContext,
  t: TeamJson,
  cause: ReturnType<PolicyContext['largestCause']>,
  staticUp: number,
): Finding | null {
  if (t.budget === null) return null;
  const other = t.other_monthly_spend;
  const spend = t.head + other;
  const range = t.head_ci95 ? ([t.head_ci95[0] + other, t.head_ci95[1] + other] as const) : null;
  const rangeText = range ? ` (95%: ${moneyRange(range[0], range[1])})` : '';
  const outside = other > 0 ? `, incl. ${usd(other)} outside this repo` : '';
  const tail = `${causeText(cause)}${ownersText(t.owners)}`;
  const delta = t.head - t.base;

  if (spend > t.budget) {
    const adjective = range === null || range[0] > t.budget ? '' : 'likely ';
    const baseSpend = t.base + other;
    // A breach the PR causes: over at head, and not merely a base breach the PR leaves as it was.
    const caused = (head: number, d: number) => head > t.budget! && !(baseSpend > t.budget! && d <= 1e-9);
    const preExisting = !caused(spend, delta)
      ? `already over budget at base (${usd(baseSpend)}/month) and this PR does not raise the team's spend`
      : null;
    // Would the measured figures alone (static increases taken out) still make it one?
    const staticOnly =
      ctx.policies.staticEstimates !== 'fail' && staticUp > 0 && !caused(spend - staticUp, delta - staticUp)
        ? 'the breach rests on static estimates (static_estimates: warn)'
        : null;
    const message = `${adjective}over budget: ${t.team} would spend ${usd(spend)}/month${rangeText} against a budget of ${usd(t.budget)} (${signedUsd(spend - t.budget)} over${outside})${tail}`;
    return finding(
      'budget',
      { team: t.team },
      cause,
      message,
      [preExisting, underMinimum(delta, ctx.policies.minIncreaseUsd, "the team's change"), staticOnly],
      { unit: 'usd_month', limit: t.budget, value: spend, ci95: range ? [range[0], range[1]] : null },
    );
  }
  const warnAt = ctx.inputs.config.teams[t.team]?.warnAt ?? 0.8;
  if (spend > warnAt * t.budget) {
    const message = `near budget: ${t.team} would spend ${usd(spend)}/month${rangeText}, ${pct(spend / t.budget)} of a budget of ${usd(t.budget)} (warning above ${pct(warnAt)}${outside})${tail}`;
    return finding('budget_warn', { team: t.team }, cause, message, [], {
      unit: 'usd_month',
      limit: t.budget,
      value: spend,
      ci95: range ? [range[0], range[1]] : null,
    });
  }
  return null;
}

/** The team's own `max_monthly_increase`: head − base of its spend here. */
function teamIncrease(
  ctx: PolicyContext,
  t: TeamJson,
  cause: ReturnType<PolicyContext['largestCause']>,
  staticUp: number,
): Finding | null {
  const limit = ctx.inputs.config.teams[t.team]?.maxMonthlyIncrease;
  if (limit === undefined) return null;
  const delta = t.head - t.base;
  if (!(delta > limit)) return null;
  const staticOnly =
    ctx.policies.staticEstimates !== 'fail' && staticUp > 0 && delta - staticUp <= limit
      ? 'the increase rests on static estimates (static_estimates: warn)'
      : null;
  const message = `over the team's monthly increase limit: ${t.team}'s spend rises by ${signedUsd(delta)}/month (${usd(t.base)} → ${usd(t.head)}) against a limit of ${usd(limit)}/month (${signedUsd(delta - limit)} over)${causeText(cause)}${ownersText(t.owners)}`;
  return finding(
    'max_monthly_increase',
    { team: t.team },
    cause,
    message,
    [underMinimum(delta, ctx.policies.minIncreaseUsd, "the team's change"), staticOnly],
    { unit: 'usd_month', limit, value: delta, ci95: null },
  );
}
