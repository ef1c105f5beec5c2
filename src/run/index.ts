/**
 * The front door of src/run/: what other folders may import from it.
 *
 * `runDiff` and `runSuggest` import their module on the first call: a diff reaches the paired
 * diff, the bootstrap, the unpriced scanner, the policies and the advisor, which an `estimate`
 * never runs, so the bundles keep them in separate chunks that an estimate's start neither parses
 * nor loads (tests/e2e/cold-start.test.ts counts what it loads).
 */
import type { runDiff as RunDiff } from './diff.js';
import type { runSuggest as RunSuggest } from './suggest.js';

export { runEstimate } from './estimate.js';
export type { DiffRun } from './diff.js';
export type { EstimateRun } from './estimate.js';
export type { SuggestRun } from './suggest.js';

/** The whole `diff` job (./diff.ts), loaded on first use. */
export async function runDiff(...args: Parameters<typeof RunDiff>): ReturnType<typeof RunDiff> {
  return (await import('./diff.js')).runDiff(...args);
}

/** The whole `suggest` job (./suggest.ts), loaded on first use. */
export async function runSuggest(...args: Parameters<typeof RunSuggest>): ReturnType<typeof RunSuggest> {
  return (await import('./suggest.js')).runSuggest(...args);
}
