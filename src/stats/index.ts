/** The front door of src/stats/: what other folders may import from it. */
export { startBootstrap } from './bootstrap.js';
export type { BootstrapResult, FeatureSeries } from './bootstrap.js';
export { effectiveSampleSize, weightedMean, weightedQuantile } from './weighted.js';
export type { BootstrapSession } from './bootstrap.js';
