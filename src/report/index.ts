/** The front door of src/report/: what other folders may import from it. */
export { assertFiniteReport, assertValidDiffReport, loadReportValidator } from './check.js';
export { buildDiffReport } from './diff-report.js';
export { estimateReport } from './estimate-report.js';
export { catalogJson } from './types.js';
export type { EstimateReport } from './estimate-report.js';
export type {
  ChangeJson,
  DiffReport,
  FeatureJson,
  TeamJson,
  ViolationCauseJson,
  ViolationJson,
  ViolationRule,
} from './types.js';
export type { FeatureSideJson } from './estimate-report.js';
