import type { FeatureSeries } from '../stats/index.js';
import type { FeatureDiff } from './types.js';

/**
 * A feature's paired results as bootstrap units: whole traces (calls of one unit summed), weighted
 * by the root line. Static figures carry no sampling error: one unit at the point estimate. Null
 * for an unpriced feature.
 */
export function seriesOf(f: FeatureDiff): FeatureSeries | null {
  if (f.status === 'unpriced') return null;
  const rpm = { base: f.base?.requestsPerMonth ?? 0, head: f.head?.requestsPerMonth ?? 0 };
  const fromResults = (pairs: { unit: string; weight: number; base: number; head: number }[]) => {
    const units = new Map<string, { weight: number; base: number; head: number }>();
    for (const p of pairs) {
      const u = units.get(p.unit);
      if (u) {
        u.base += p.base;
        u.head += p.head;
      } else units.set(p.unit, { weight: p.weight, base: p.base, head: p.head });
    }
    return [...units.values()];
  };
  const static_ = (f.base && !f.base.traffic) || (f.head && !f.head.traffic);
  if (static_ || (!f.pairs && f.base && f.head)) {
    return {
      id: f.id,
      team: f.team,
      units: [{ weight: 1, base: f.base?.perRequest.mean ?? 0, head: f.head?.perRequest.mean ?? 0 }],
      requestsPerMonth: rpm,
    };
  }
  if (f.pairs)
    return {
      id: f.id,
      team: f.team,
      units: fromResults(
        f.pairs.map((p) => ({ unit: p.base.unit, weight: p.base.weight, base: p.base.cost, head: p.head.cost })),
      ),
      requestsPerMonth: rpm,
    };
  const side = (f.head ?? f.base)!;
  const isHead = f.head !== null;
  return {
    id: f.id,
    team: f.team,
    units: fromResults(
      side.results.map((r) => ({
        unit: r.unit,
        weight: r.weight,
        base: isHead ? 0 : r.cost,
        head: isHead ? r.cost : 0,
      })),
    ),
    requestsPerMonth: rpm,
  };
}
