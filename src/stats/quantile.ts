/**
 * Percentile intervals from bootstrap resamples. One quantile definition everywhere: Hyndman & Fan
 * type 7 (the default of R's `quantile` and NumPy's `percentile`): for sorted x[0 … m−1] and
 * probability p, h = (m − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). It is a pure function of
 * the sorted values, so equal resamples give byte-identical bounds, and a constant sample gives
 * exactly that constant. A position h within 1e-9 (relative) of an integer is taken as that integer,
 * so the floating-point error in (1 − level) / 2 never interpolates between two order statistics.
 */

/** A closed interval [lo, hi]. */
export interface Interval {
  lo: number;
  hi: number;
}

/** Type-7 quantile of values already sorted ascending; p in [0, 1]. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const m = sorted.length;
  if (m === 0) throw new RangeError('quantileSorted: no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  let h = (m - 1) * p;
  // (1 − 0.95) / 2 is 0.025000000000000022 in binary: snap positions that are an integer up to
  // rounding, so 2.5 % of 1,001 values is exactly the 26th, not a hair above it.
  const nearest = Math.round(h);
  if (Math.abs(h - nearest) <= 1e-9 * Math.max(1, h)) h = nearest;
  const i = Math.floor(h);
  const x = sorted[i];
  if (i >= m - 1) return x;
  const frac = h - i;
  const y = sorted[i + 1];
  // Equal neighbours return x itself, so a constant sample yields exactly the constant.
  return frac === 0 || x === y ? x : x + frac * (y - x);
}

/**
 * The central `level` percentile interval of resampled values: the type-7 quantiles at
 * (1 − level)/2 and (1 + level)/2 (2.5 % and 97.5 % for level 0.95). The input is not modified.
 */
export function percentileInterval(values: Float64Array, level: number): Interval {
  if (!(level > 0 && level < 1)) throw new RangeError(`percentileInterval: level must be in (0, 1), got ${level}`);
  const sorted = values.slice().sort();
  const tail = (1 - level) / 2;
  return { lo: quantileSorted(sorted, tail), hi: quantileSorted(sorted, 1 - tail) };
}
