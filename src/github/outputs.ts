/**
 * The action's outputs as strings, from a report. Every output is always set (empty when it does
 * not apply) so that later steps can test them without `|| ''`.
 */
import type { EstimateReport } from '../report/index.js';
import type { DiffReport } from '../report/index.js';

/** Output names as written in action.yml. */
export const OUTPUT_NAMES = [
  'monthly-base',
  'monthly-head',
  'monthly-delta',
  'monthly-delta-percent',
  'per-request-delta',
  'breached',
  'violations',
  'report',
  'comment-url',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];
export type Outputs = Record<OutputName, string>;

/** USD with cents; `-0.00` is written `0.00`. */
function cents(x: number): string {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/** Per-request amounts are fractions of a cent: eight decimals. */
function micro(x: number): string {
  const s = x.toFixed(8);
  return /^-0\.0+$/.test(s) ? s.slice(1) : s;
}

/** Every output empty (before a run, or after an error). */
export function emptyOutputs(): Outputs {
  return Object.fromEntries(OUTPUT_NAMES.map((n) => [n, ''])) as Outputs;
}

/**
 * The change of the mean cost of one request across all priced features (monthly cost ÷
 * monthly requests, head minus base): for a single feature, its per-request change.
 */
export function perRequestDelta(r: DiffReport): number {
  let baseCost = 0;
  let baseRequests = 0;
  let headCost = 0;
  let headRequests = 0;
  for (const f of r.features) {
    if (f.status === 'unpriced') continue;
    if (f.base) {
      baseCost += f.base.monthly;
      baseRequests += f.base.requests_per_month;
    }
    if (f.head) {
      headCost += f.head.monthly;
      headRequests += f.head.requests_per_month;
    }
  }
  const mean = (cost: number, n: number) => (n > 0 ? cost / n : 0);
  return mean(headCost, headRequests) - mean(baseCost, baseRequests);
}

/** Outputs of a diff run. */
export function diffOutputs(r: DiffReport, reportPath: string, commentUrl: string): Outputs {
  const m = r.totals.monthly;
  return {
    'monthly-base': cents(m.base),
    'monthly-head': cents(m.head),
    'monthly-delta': cents(m.delta),
    'monthly-delta-percent': m.delta_percent === null ? '' : m.delta_percent.toFixed(2),
    'per-request-delta': micro(perRequestDelta(r)),
    breached: String(r.breached),
    violations: String(r.violations.length),
    report: reportPath,
    'comment-url': commentUrl,
  };
}

/** Outputs of an estimate (push, workflow_dispatch): one revision, no change and no verdict. */
export function estimateOutputs(r: EstimateReport, reportPath: string): Outputs {
  return {
    ...emptyOutputs(),
    'monthly-head': cents(r.totals.monthly),
    breached: 'false',
    violations: '0',
    report: reportPath,
  };
}
