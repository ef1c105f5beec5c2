/**
 * Whole-PR rules: `max_monthly_increase` against the total delta and
 * `max_monthly_increase_percent` against its percentage. A zero base has no percentage and never
 * fails the percent rule.
 */
import { signedPct, signedUsd, usd } from '../text/index.js';
import { causeText, finding, underMinimum, type Finding, type PolicyContext } from './context.js';

/** "likely " / "may be " / "" from where the interval's lower end falls. */
function likelihood(lo: number | null, limit: number): string {
  if (lo === null) return '';
  return lo > limit ? 'likely ' : 'may be ';
}

/** The PR's `max_monthly_increase` (USD) and `max_monthly_increase_percent` (a fraction in config). */
export function prRules(ctx: PolicyContext): { increase: Finding[]; percent: Finding[] } {
  const m = ctx.inputs.report.totals.monthly;
  const pol = ctx.policies;
  const cause = ctx.largestCause(ctx.changed);
  const staticUp = ctx.staticIncrease(ctx.changed);
  const minimum = underMinimum(m.delta, pol.minIncreaseUsd, "the PR's change");
  const out = { increase: [] as Finding[], percent: [] as Finding[] };
  const span = `${usd(m.base)} → ${usd(m.head)}`;

  if (pol.maxMonthlyIncrease !== undefined && m.delta > pol.maxMonthlyIncrease) {
    const limit = pol.maxMonthlyIncrease;
    const ci = m.delta_ci95 ? `; 95%: ${signedUsd(m.delta_ci95[0])} to ${signedUsd(m.delta_ci95[1])}` : '';
    const staticOnly =
      pol.staticEstimates !== 'fail' && staticUp > 0 && m.delta - staticUp <= limit
        ? 'the increase rests on static estimates (static_estimates: warn)'
        : null;
    const message = `${likelihood(m.delta_ci95?.[0] ?? null, limit)}over the monthly increase limit: this PR raises spend by ${signedUsd(m.delta)}/month (${span}${ci}) against a limit of ${usd(limit)}/month for the whole PR (${signedUsd(m.delta - limit)} over)${causeText(cause)}`;
    out.increase.push(finding('max_monthly_increase', {}, cause, message, [minimum, staticOnly]));
  }

  const p = m.delta_percent;
  if (pol.maxMonthlyIncreasePercent !== undefined && p !== null && m.base > 0) {
    const limit = pol.maxMonthlyIncreasePercent * 100;
    if (p > limit) {
      const toPct = (usdDelta: number) => (usdDelta / m.base) * 100;
      const ci = m.delta_ci95
        ? `; 95%: ${signedPct(toPct(m.delta_ci95[0]))} to ${signedPct(toPct(m.delta_ci95[1]))}`
        : '';
      const staticOnly =
        pol.staticEstimates !== 'fail' && staticUp > 0 && toPct(m.delta - staticUp) <= limit
          ? 'the increase rests on static estimates (static_estimates: warn)'
          : null;
      const adjective = likelihood(m.delta_ci95 ? toPct(m.delta_ci95[0]) : null, limit);
      const message = `${adjective}over the monthly increase limit in percent: this PR raises spend by ${signedPct(p)} (${signedUsd(m.delta)}/month, ${span}${ci}) against a limit of ${signedPct(limit)} (${(p - limit).toFixed(1)} points over)${causeText(cause)}`;
      out.percent.push(finding('max_monthly_increase_percent', {}, cause, message, [minimum, staticOnly]));
    }
  }
  return out;
}
