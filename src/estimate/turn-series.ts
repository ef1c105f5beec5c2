/**
 * A loop's turns summed in closed form. Turn j (from 0) of a loop sends `first + j × step` input
 * tokens (each earlier output stays in the history) with the same output; its price is affine in
 * the input between the catalog's long-context thresholds (Catalog.inputBreaks), so the turns of
 * one bracket sum to count × (first turn's price + last turn's price) / 2. The work is at most two
 * price evaluations per bracket, whatever the number of turns: a loop limit of 2^31 costs what 8
 * does (issue 12, reproduction 10).
 */

/** Σ_{j=0}^{n−1} f(first + j × step), for f affine between consecutive `breaks` (strict `>`). */
export function sumOverTurns(
  n: number,
  first: number,
  step: number,
  breaks: readonly number[],
  f: (input: number) => number,
): number {
  if (!(n >= 1)) return 0;
  const at = (j: number) => first + j * step;
  // Segment starts: turn 0, then the first turn strictly above each threshold the loop crosses.
  const starts = new Set([0]);
  if (step > 0) {
    for (const s of breaks) {
      if (s < first) continue;
      const j = Math.floor((s - first) / step) + 1;
      if (j < n) starts.add(j);
    }
  }
  const cuts = [...starts].sort((a, b) => a - b);
  cuts.push(n);
  let sum = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i];
    const count = cuts[i + 1] - lo;
    const p0 = f(at(lo));
    sum += count === 1 ? p0 : (count * (p0 + f(at(lo + count - 1)))) / 2;
  }
  return sum;
}

/** Σ_{j=0}^{n−1} (first + j × step): the input tokens of the loop. */
export function inputOverTurns(n: number, first: number, step: number): number {
  return n >= 1 ? n * first + (step * n * (n - 1)) / 2 : 0;
}
