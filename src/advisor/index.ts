/** The front door of src/advisor/: what other folders may import from it. */
export { candidatesFor, familyLine, MAX_CANDIDATES } from './candidates.js';
export type { CandidateList, CandidateQuery } from './candidates.js';
export { candidateSite, routeFeature } from './routing.js';
export type { RoutingFeature, RoutingOutcome } from './routing.js';
export { suggestFeatures, suggestRevision } from './suggest.js';
export type { AdvisedFeature, AdvisedRevision, AdvisorOptions, PassRateLookup } from './suggest.js';
export type {
  FeatureSuggestions,
  PassRateJson,
  Suggestion,
  SuggestionEvidence,
  SuggestionKind,
  SuggestionMonthly,
  SuggestReport,
} from './types.js';
export { evidenceCommand, findEvidence, readEvalEvidence } from './evidence.js';
export type { EvalEvidence, EvalFile } from './evidence.js';
export { cacheableTokens, cacheRule, cachingAdvice } from './caching.js';
export type { CacheRule, CachingAdvice, CachingInput, CachePlan, CacheSample } from './caching.js';
export { batchAdvice, tierSubjectOf } from './batch.js';
export type { BatchAdvice, BatchInput, TierOption } from './batch.js';
export { outputCapAdvice } from './output-cap.js';
export type { OutputCapAdvice, OutputCapInput } from './output-cap.js';
export { batchSuggestion, cachingSuggestion, outputCapSuggestion, CACHE_SAMPLES } from './levers.js';
