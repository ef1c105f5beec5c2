/** Traffic samples: the normalised JSONL reader with deterministic sampling. */
export { readTraffic, MAX_BAD_LINES_LISTED } from './read.js';
export type { ReadTrafficOptions, TrafficSource, TrafficStream } from './read.js';
export { parseSampleLine } from './parse.js';
export type { LineResult } from './parse.js';
export { BottomKSampler, unitKey } from './sampler.js';
export { fnv1a64, hashKey } from './hash.js';
export { checkTrafficFormat, triedFormat } from './format.js';
export { atTrafficLine } from './line-error.js';
export { screenSamples } from './screen.js';
export { sampleToLine } from './write.js';
export { formatLabel, formatNames } from './import/registry.js';
