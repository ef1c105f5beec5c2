/** Weighted statistics over per-sample figures. */

/** Weighted mean; 0 for an empty set. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sw = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    sw += weights[i];
    s += values[i] * weights[i];
  }
  return sw > 0 ? s / sw : 0;
}

/**
 * Weighted quantile: the smallest value whose cumulative weight reaches q of the total
 * (the inverse of the weighted empirical distribution, as for unweighted type-1 quantiles).
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = unitWeightsSorted(values, weights);
  if (sorted) {
    // With weights of 1 the cumulative weight after k values is exactly k, so the loop below
    // stops at the first k ≥ its threshold: the same value, found without a comparator sort.
    const n = sorted.length;
    const k = Math.min(n, Math.max(1, Math.ceil(q * n - 1e-9 * n)));
    return sorted[k - 1]!;
  }
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (const w of weights) total += w;
  const target = q * total;
  let cum = 0;
  for (const i of order) {
    cum += weights[i];
    // A tolerance keeps q = 0.5 of an even set on the lower middle despite float sums.
    if (cum >= target - 1e-9 * total) return values[i];
  }
  return values[order[order.length - 1]];
}

/**
 * The values sorted numerically when every weight is 1 and no value is NaN or −0 (where a typed
 * sort and the comparator's index order could disagree); else null. Summaries take quantiles of
 * 10,000-sample series several times per feature, and the typed sort is the cheap one.
 */
function unitWeightsSorted(values: readonly number[], weights: readonly number[]): Float64Array | null {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (weights[i] !== 1 || v !== v || (v === 0 && 1 / v < 0)) return null;
    out[i] = v;
  }
  return out.sort();
}

/**
 * Kish's effective sample size (Σw)² / Σw²: n for equal weights, less when a few weights dominate;
 * 0 for no weight. The one definition for the estimate's samples and the bootstrap's units.
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    s += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}
