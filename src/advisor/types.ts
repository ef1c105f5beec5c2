/**
 * The savings advisor's output (issue 18): what `aicost suggest` prints, what the JSON report's
 * `suggestions` block per feature holds (schema/report.schema.json `#/definitions/suggestion`) and
 * what the Savings section renders. JSON-ready: snake_case, plain USD numbers per month.
 *
 * A suggestion never changes a verdict: the policy `require_cheaper_model_review` (opt-in) only
 * warns, and reads routing results computed from the base revision's config (DESIGN "Trust").
 */

/** The four levers the advisor looks at. */
export type SuggestionKind = 'routing' | 'caching' | 'batch' | 'output-cap';

/** Monthly figures of a suggestion, USD per month. */
export interface SuggestionMonthly {
  /** The feature as it is (the revision the advisor read): monthly cost. */
  base: number;
  /** The feature with the suggestion applied: monthly cost. */
  candidate: number;
  /** base − candidate; negative when the suggestion costs more (output-cap: the cost of raising it). */
  saving: number;
  /** 95% interval of `saving` from the paired bootstrap over the feature's samples; null without samples. */
  ci95: [number, number] | null;
  /** Low and high ends of `saving` from the tokenizer band (a count that is an estimate); null when exact. */
  band: [number, number] | null;
}

/** A pass rate read from eval results in the repository (never invented). */
export interface PassRateJson {
  /** Catalog id as aicost writes it, e.g. `openai/gpt-4.1-mini`. */
  model: string;
  passes: number;
  total: number;
  /** passes ÷ total, 0..1. */
  pass_rate: number;
  /** Repository path of the eval results file. */
  source: string;
}

/** The quality evidence of a routing suggestion. */
export interface SuggestionEvidence {
  /** The feature's current model's pass rate; null when no results name it. */
  current: PassRateJson | null;
  /** The candidate's pass rate; null when no results name it ("no eval results for this model"). */
  candidate: PassRateJson | null;
  /** The command that produces the missing results for this prompt file; null when both rates are known. */
  command: string | null;
}

/** One suggestion for one feature. */
export interface Suggestion {
  kind: SuggestionKind;
  feature: string;
  /** Routing: the candidate model (catalog id); batch: the tier (`batch`, `flex`); else null. */
  candidate: string | null;
  /** One line for people, e.g. `openai/gpt-4o → openai/gpt-4o-mini saves $1,234/mo`. */
  summary: string;
  /** Null when there is nothing to price (e.g. an output cap that no sample comes near). */
  monthly: SuggestionMonthly | null;
  /**
   * False when the suggestion cannot apply or is filtered out: the candidate's context window is
   * smaller than some samples' input, or its recorded pass rate is below the threshold.
   */
  eligible: boolean;
  /** Why it is not eligible; null when eligible. */
  ineligible_reason: string | null;
  /** Routing only: the quality evidence; null for the other kinds. */
  evidence: SuggestionEvidence | null;
  /** What the figure assumes or leaves out (tokenizer change, recorded output reused, cache TTL …). */
  caveats: string[];
  /**
   * Figures behind the saving for the reader who checks it: tokens of the stable prefix, hit
   * rate, samples over the context window, output tokens scaled by the tokenizer ratio, etc.
   * Keys are snake_case; values numbers, strings or null.
   */
  details: Record<string, number | string | null>;
}

/** The advisor's result for one feature. */
export interface FeatureSuggestions {
  feature: string;
  team: string;
  /** The model the feature uses now (canonical id). */
  model: string;
  /** The feature's monthly cost as it is. */
  monthly: number;
  /** Eligible suggestions first (largest saving first), then the ineligible ones with their reason. */
  suggestions: Suggestion[];
  /** Why a lever was not looked at (agent feature, no traffic, …). */
  notes: string[];
}

/** What `aicost suggest --format json` writes. */
export interface SuggestReport {
  schema_version: 1;
  currency: 'USD';
  /** The revision read (a SHA), or null for the working tree. */
  rev: string | null;
  pricing_date: string;
  catalog: { source: string; version: string; data_date: string; overrides: number };
  features: FeatureSuggestions[];
  notices: string[];
}
