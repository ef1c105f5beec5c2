/** The front door of src/estimate/: what other folders may import from it. */
export {
  agentModelOf,
  agentRevision,
  estimateAgentStatic,
  runsOf,
  summarizeAgentRuns,
  unknownAgentNotices,
} from './agent-estimate.js';
export type { AgentRevision } from './agent-estimate.js';
export { agentSideJson } from './agent-json.js';
export type { AgentSideJson } from './agent-json.js';
export { replayRuns, runResult, sideOf } from './agent-replay.js';
export type { RunCalls } from './agent-replay.js';
export { agentSides, agentToolTokens, instructionsTokens, sideWith, unknownAgentSide } from './agent-site.js';
export type { AgentSide, FeatureWhere } from './agent-site.js';
export { staticLoopShape, staticRun } from './agent-static.js';
export { turnsOf } from './agent-traces.js';
export type { Trace } from './agent-traces.js';
export type { TurnCapIncrease } from './agent-types.js';
export {
  badLineNotices,
  estimateFeature,
  siteNotices,
  estimateRevision,
  replaySiteFor,
  summarizeFeature,
} from './estimate.js';
export type { EstimateContext } from './estimate.js';
export {
  countSample,
  leadingStaticMessages,
  releaseRenders,
  renderedMessages,
  staticPrefixTokens,
  staticSample,
} from './replay.js';
export type { ReplaySite } from './replay.js';
export { withOfferedTiers } from './tier-lines.js';
export { sumOverTurns } from './turn-series.js';
export type {
  FeatureEstimate,
  FeatureInput,
  FeaturePrice,
  RevisionEstimate,
  RevisionSnapshot,
  SampleResult,
} from './types.js';
export { atOutputCap, bandCosts } from './pricing.js';
export type { PriceCall } from './pricing.js';
