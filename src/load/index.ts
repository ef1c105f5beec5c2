/**
 * The load stage: one revision (config, artifacts, agents, traffic from the repository or
 * traffic-dir, pricing date, notices) or two paired by trust for the diff, as plain data.
 */
export { configAt, loadSnapshot, pricingDate } from './revision.js';
export { loadDiff } from './pair.js';
export type { LoadedDiff } from './pair.js';
export { loadTraffic, TrafficDirFallback } from './traffic.js';
export { fallbackNotice, TrafficDir, TRAFFIC_DIR_PREFIX } from './traffic-dir.js';
export type { TrafficDirHit } from './traffic-dir.js';
export type { DiffFeatureInput, FeatureInput, RevisionSnapshot } from './types.js';
export { loadAgentPair } from './agent-pair.js';
export type { AgentPair } from './agent-pair.js';
