/**
 * Whole-PR rules: `max_monthly_increase` against the total delta and
 * `max_monthly_increase_percent` against its percentage. A zero base has no percentage and never
 * fails the percent rule.
 */
import { signedPct, signedUsd, usd } from '../text/index.js';
import { causeText, finding, underMinimum, type Finding, type PolicyContext } from './context.js';

/**
 * "" (plainly over) when the whole interval is over the limit, "likely " when only part of it is
 * (the point estimate is over, so more of it is), "" without an interval.
 */
export function likelihood(lo: number | null, limit: number): string {
  if (lo === null) return '';
  return lo > limit ? '' : 'likely ';
}

/** A limit as the config writes it: `25%`, `12.5%`. */
export function plainPct(p: number): string {
  return `${Number(p.toFixed(1))}%`;
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
    out.increase.push(
      finding('max_monthly_increase', {}, cause, message, [minimum, staticOnly], {
        unit: 'usd_month',
        limit,
        value: m.delta,
        ci95: m.delta_ci95,
      }),
    );
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
      const message = `${adjective}over the monthly increase limit in percent: this PR raises spend by ${signedPct(p)} (${signedUsd(m.delta)}/month, ${span}${ci}) against a limit of ${plainPct(limit)}${causeText(cause)}`;
      out.percent.push(
        finding('max_monthly_increase_percent', {}, cause, message, [minimum, staticOnly], {
          unit: 'percent',
          limit,
          value: p,
          ci95: m.delta_ci95 ? [toPct(m.delta_ci95[0]), toPct(m.delta_ci95[1])] : null,
        }),
      );
    }
  }
  return out;
}
