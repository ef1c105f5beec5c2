/**
 * The load stage: one revision (config, artifacts, agents, traffic from the repository or
 * traffic-dir, pricing date, notices) or two paired by trust for the diff, as plain data.
 */
import type { loadDiff as LoadDiff } from './pair.js';

export { configAt, loadSnapshot, pricingDate } from './revision.js';
export type { LoadedDiff } from './pair.js';
export { loadTraffic, TrafficDirFallback } from './traffic.js';
export { fallbackNotice, TrafficDir, TRAFFIC_DIR_PREFIX } from './traffic-dir.js';
export type { TrafficDirHit } from './traffic-dir.js';
export type { DiffFeatureInput, FeatureInput, RevisionSnapshot } from './types.js';
export { loadAgentPair } from './agent-pair.js';
export type { AgentPair } from './agent-pair.js';

/**
 * Two revisions paired by trust for the diff (./pair.ts), imported on first use: pairing reaches
 * the unpriced-change scanner, which a one-revision estimate never runs, so the bundles keep it in
 * a chunk that an estimate's start neither parses nor loads.
 */
export async function loadDiff(...args: Parameters<typeof LoadDiff>): ReturnType<typeof LoadDiff> {
  return (await import('./pair.js')).loadDiff(...args);
}
