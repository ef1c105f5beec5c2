import type { FeatureEstimate, SampleResult } from '../estimate/index.js';
import type { Position } from '../types.js';
import type { FeatureChange } from './changes.js';

/** One feature, priced at both revisions on the same samples. */
export interface FeatureDiff {
  id: string;
  team: string;
  status: 'changed' | 'unchanged' | 'added' | 'removed' | 'unpriced';
  declaredInPr: boolean;
  base: FeatureEstimate | null;
  head: FeatureEstimate | null;
  /** Paired per-sample results (same order) when both sides replay the same samples. */
  pairs: { base: SampleResult; head: SampleResult }[] | null;
  changes: FeatureChange[];
  notes: string[];
  /** Why the base side could not be priced (status `unpriced`). */
  baseError?: string;
}

/** Config file and its positions, for messages that point at `.aicost.yml`. */
export interface ConfigWhere {
  file: string;
  positions: Record<string, Position>;
}
