/**
 * "Did you mean …?" suggestions for unknown keys, enum values, team names and model ids.
 * Exported so the catalog can suggest close model ids with the same rule.
 */

/** Words longer than this are not compared: a suggestion for them is noise and costs time. */
const MAX_WORD_LENGTH = 256;

/**
 * How far a candidate may be from `word` and still be suggested: 2 edits, or a third of the
 * word's length for long words (model ids), but always fewer edits than the word has characters
 * so that a two-letter typo does not "match" every other two-letter word.
 */
export function maxDistanceFor(word: string): number {
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return Math.max(0, Math.min(allowed, word.length - 1));
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so `requets` →
 * `requests` is 1 and `baet` → `beat` is 1). Returns `limit + 1` as soon as the distance is
 * known to exceed `limit`, which keeps comparisons against a whole catalog cheap.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  // Three rolling rows: the transposition step looks two rows back.
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return Math.min(prev[n], limit + 1);
}

/**
 * The candidates closest to `word`, best first (fewest edits, then the order of `candidates`),
 * compared case-insensitively. Only candidates within {@link maxDistanceFor} edits are returned;
 * `max` caps how many (default 3). An exact match is never suggested.
 */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  return rank(word, candidates)
    .slice(0, Math.max(0, max))
    .map((hit) => hit.candidate);
}

/**
 * `; did you mean "x"?` (or `"x" or "y"` when two are equally close), or an empty string when
 * nothing is close. Only the closest candidates are named: `teem` suggests `team`, not `tier`.
 */
export function didYouMean(word: string, candidates: Iterable<string>, max = 2): string {
  const hits = rank(word, candidates);
  if (hits.length === 0) return '';
  const best = hits.filter((hit) => hit.distance === hits[0].distance).slice(0, Math.max(1, max));
  return `; did you mean ${best.map((hit) => `"${hit.candidate}"`).join(' or ')}?`;
}

/** Candidates within reach of `word`, sorted by distance, then by their order. */
function rank(word: string, candidates: Iterable<string>): { candidate: string; distance: number }[] {
  if (word.length === 0 || word.length > MAX_WORD_LENGTH) return [];
  const needle = word.toLowerCase();
  const limit = maxDistanceFor(needle);
  const hits: { candidate: string; distance: number; order: number }[] = [];
  const seen = new Set<string>();
  let order = 0;
  for (const candidate of candidates) {
    order++;
    if (candidate === word || seen.has(candidate) || candidate.length > MAX_WORD_LENGTH) continue;
    seen.add(candidate);
    const distance = editDistance(needle, candidate.toLowerCase(), limit);
    if (distance <= limit) hits.push({ candidate, distance, order });
  }
  hits.sort((x, y) => x.distance - y.distance || x.order - y.order);
  return hits;
}
