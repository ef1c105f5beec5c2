import type { DiffReport, ViolationJson } from '../report/index.js';
import type { Config } from '../types.js';

/** The override label as the action (or `--override`) found it. */
export interface OverrideState {
  /** The configured label is on the PR (and, with `override_approvers`, applied by one of them). */
  applied: boolean;
  /** Who applied the label and when, for the report (from the events). */
  by?: string;
  at?: string;
  /** The label is there but was applied by someone outside `override_approvers`. */
  rejectedBy?: string;
}

/** What the policy rules read: the priced report (violations not yet filled) and the trusted config. */
export interface PolicyInputs {
  report: Omit<DiffReport, 'violations' | 'breached'>;
  /** The trusted config (base's, or head's on adoption). */
  config: Config;
  /** Errors that made base-side figures unpriced (rule `base_error`), by feature id; '*' for the whole base. */
  baseErrors: Record<string, string>;
  override: OverrideState;
  /**
   * Optional: feature id → its artifact path at head, so violations of added features point at a
   * file (the trusted config lists only base's features). Without it, base's entry is used.
   */
  artifacts?: Record<string, string>;
  /**
   * Optional: feature id → USD per output token of its head model (tier and discount applied),
   * so `unbounded_increase` can state a dollar upper bound; without it the bound is in tokens.
   */
  outputUsdPerToken?: Record<string, number>;
  /**
   * Optional: pass rates (from eval results read at the base revision) and routing results for
   * `require_cheaper_model_review`; without them the rule finds nothing.
   */
  cheaperModels?: CheaperModelInputs;
}

/** The verdict: violations in a stable order and whether the check fails. */
export interface PolicyResult {
  violations: ViolationJson[];
  breached: boolean;
  /** Lines for `notices` (e.g. who applied the override). */
  notices: string[];
}

/** A model's recorded pass rate on a feature's prompt. */
export interface PassRateInput {
  passes: number;
  total: number;
  /** passes ÷ total, 0..1. */
  passRate: number;
  /** Repository path of the eval results file (at base). */
  source: string;
}

/** What the rule reads besides the report and the trusted config. */
export interface CheaperModelInputs {
  /** Feature id → catalog model id → pass rate, from eval results read at the base revision. */
  passRates: Record<string, Record<string, PassRateInput>>;
  /** Routing results: a candidate model's monthly cost for a feature (on the feature's samples). */
  candidates: readonly { feature: string; model: string; monthly: number; eligible: boolean }[];
}
