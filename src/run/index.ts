/** The front door of src/run/: what other folders may import from it. */
export { runDiff } from './diff.js';
export { runEstimate } from './estimate.js';
export type { DiffRun } from './diff.js';
export type { EstimateRun } from './estimate.js';
export { DiffSchedule, PARALLEL_MIN_SAMPLES } from './schedule.js';
export { runSuggest, suggestWith } from './suggest.js';
export type { SuggestRun } from './suggest.js';
