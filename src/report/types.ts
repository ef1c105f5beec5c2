/**
 * The JSON report of `diff` (DESIGN "JSON report"), published as `schema/report.schema.json`.
 * Money is plain USD; percentages are percentage points (25 = 25%), null when the base is 0.
 */
import type { Suggestion } from '../advisor/index.js';
import type { CatalogInfo, PolicyRule } from '../types.js';
import type { FeatureSideJson } from './estimate-report.js';

export type { FeatureSideJson } from './estimate-report.js';

export type FeatureStatus = 'changed' | 'unchanged' | 'added' | 'removed' | 'unpriced';

export type ChangeKind = 'model' | 'prompt' | 'params' | 'tools' | 'agent' | 'traffic' | 'config' | 'reasoning';

/** One semantic change of a feature, with where it is and its share of the monthly delta. */
export interface ChangeJson {
  kind: ChangeKind;
  file: string;
  line: number | null;
  /** One line for people, e.g. `model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price)`. */
  summary: string;
  /** USD per month attributed to this change (the changes of a feature add up to its delta). */
  monthly_effect: number;
}

export interface FeatureDeltaJson {
  per_request: { mean: number; p95: number };
  monthly: number;
  monthly_percent: number | null;
  monthly_ci95: [number, number] | null;
}

export interface FeatureJson {
  id: string;
  team: string;
  status: FeatureStatus;
  /** The feature's entry comes from the PR's config (added by the PR, or adoption). */
  declared_in_pr: boolean;
  base: FeatureSideJson | null;
  head: FeatureSideJson | null;
  delta: FeatureDeltaJson;
  changes: ChangeJson[];
  /** Why a feature is unpriced, or other feature-level remarks. */
  notes: string[];
  /** The base feature this one continues under a new id (its artifact moved): priced with the base entry. */
  renamed_from?: string;
  /** The base feature whose artifact this added one copies: priced with that base entry's team, volume and traffic. */
  copied_from?: string;
  /** Added by the PR with a volume (requests per month, or the samples it is derived from) the PR declares. */
  volume_declared_in_pr?: boolean;
  /** Models of a side that only a price or alias declared in the PR can price ("priced by this PR"). */
  priced_by_pr?: PrPricedJson[];
  /** An added feature's prompt or agent file at head, so the new feature is listed with the changes. */
  artifact?: string;
  /** The savings advisor's suggestions (from the base revision; never part of the verdict), when it ran. */
  suggestions?: Suggestion[];
}

/** A side's model priced only through the PR's own `pricing:` or `models:` entries. */
export interface PrPricedJson {
  side: 'base' | 'head';
  /** The model id as written. */
  model: string;
  file: string | null;
  line: number | null;
  /** The PR's entries the figure rests on (`pricing.<id>`, `models.<alias>`) and their values. */
  declared: { key: string; value: unknown }[];
}

export interface TeamJson {
  team: string;
  budget: number | null;
  /** This repository's monthly spend of the team, at base and head (other spend excluded). */
  base: number;
  head: number;
  other_monthly_spend: number;
  head_ci95: [number, number] | null;
  status: 'ok' | 'warn' | 'breach';
  owners: string[];
}

/** The policy rules a violation can name (the same list `fail_on` takes). */
/** `require_cheaper_model_review` only ever warns, so `fail_on` does not take it. */
export type ViolationRule = PolicyRule | 'require_cheaper_model_review';

export interface ViolationJson {
  rule: ViolationRule;
  severity: 'error' | 'warning';
  overridden: boolean;
  team: string | null;
  feature: string | null;
  file: string | null;
  line: number | null;
  message: string;
  /** The rule's limit and this PR's value in `unit` (rules with a figure: budgets, increases, cost per request). */
  unit?: 'usd_month' | 'percent' | 'usd_request';
  limit?: number;
  value?: number;
  /** The value's 95% interval, when there is one. */
  value_ci95?: [number, number] | null;
  /** The change that caused most of it; `summary` is `added`/`removed` for a whole feature. */
  cause?: ViolationCauseJson | null;
}

/** The change behind a violation. */
export interface ViolationCauseJson {
  feature: string;
  summary: string;
  monthly_effect: number;
  file: string | null;
  line: number | null;
}

export interface ProposedConfigJson {
  path: string;
  base: unknown;
  head: unknown;
  effect: string;
}

/** An AI change outside every feature (rule `unpriced_change`). */
export interface UnpricedChangeJson {
  kind: 'prompt-file' | 'agent-file' | 'model-config' | 'env' | 'code';
  file: string;
  line: number | null;
  summary: string;
  /** Old → new price ratio of a model swap (input price), when both ids are priced. */
  price_ratio: number | null;
  /** The `.aicost.yml` entry that would cover it. */
  hint: string;
}

export interface DiffReport {
  schema_version: 1;
  currency: 'USD';
  base: { rev: string };
  head: { rev: string };
  pricing_date: string;
  catalog: { source: string; version: string; data_date: string; overrides: number };
  policy_source: 'base' | 'head (adoption)';
  totals: {
    monthly: {
      base: number;
      head: number;
      delta: number;
      delta_percent: number | null;
      delta_ci95: [number, number] | null;
    };
  };
  features: FeatureJson[];
  teams: TeamJson[];
  violations: ViolationJson[];
  unpriced_changes: UnpricedChangeJson[];
  proposed_config: ProposedConfigJson[];
  notices: string[];
  breached: boolean;
  /** How a failing check can be overridden, from the trusted config (absent in older reports). */
  policy?: { override_label: string | null; override_approvers: string[] };
}

/** Catalog info in the report's naming. */
export function catalogJson(info: CatalogInfo): DiffReport['catalog'] {
  return { source: info.source, version: info.version, data_date: info.dataDate, overrides: info.overrides };
}
