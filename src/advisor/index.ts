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
