/** The front door of src/diff/: what other folders may import from it. */
export { diffFeature } from './diff.js';
export type { ConfigWhere, DiffFeatureInput, FeatureDiff } from './diff.js';
export { CountAhead, featureTexts, releaseFeature } from './prefill.js';
export { seriesOf } from './series.js';
export { replayAll } from './pair.js';
export { replayVariantRuns } from './agent-pair.js';
export type { AgentVariant } from './agent-pair.js';
