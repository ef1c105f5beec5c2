/**
 * Plain-data contracts shared by the pipeline modules. Every module takes and returns these;
 * nothing here touches the outside world.
 */

import type { Encoding, OpenAiEncoding } from './types/tokens.js';

/** Service tiers that change the price of a call. */
export type ServiceTier = 'standard' | 'batch' | 'flex' | 'priority';

/**
 * Traffic formats a feature may declare: `auto` (detected per file from its first record),
 * `aicost` (normalised JSONL) or a source an importer reads (src/traffic/import/types.ts `ImportFormat`).
 */
export type TrafficFormat =
  | 'auto'
  | 'aicost'
  | 'otel'
  | 'langfuse'
  | 'litellm'
  | 'openai-batch'
  | 'anthropic-batch'
  | 'openai-chat'
  | 'anthropic'
  | 'helicone'
  | 'langsmith'
  | 'braintrust'
  | 'phoenix'
  | 'bedrock'
  | 'gemini';

/** One traffic entry of a feature: a path or glob, read with a format, keeping the calls `where` selects. */
export interface TrafficEntry {
  path: string;
  /** The entry's own format; else the feature's `traffic_format`. */
  format?: TrafficFormat;
  /** Field → value or glob (`*`, `?`); a call is kept when every field matches. */
  where?: Record<string, string>;
}

/** 1-based position of a YAML node or a line in a file. */
export interface Position {
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------
// Config (.aicost.yml, typed after validation). Percentages are fractions (25% → 0.25).
// ---------------------------------------------------------------------------------------------

export interface FeatureConfig {
  id: string;
  team: string;
  /** Exactly one of prompt | agent is set. Paths are relative to the repository root. */
  prompt?: string;
  agent?: string;
  /** Used only when the artifact names no model. */
  model?: string;
  /**
   * promptfoo configs: the label or id of the provider that prices the prompt (default: the only
   * one). Read at head like the artifact: a change of it is the PR's model change.
   */
  provider?: string;
  /** Paths or globs, relative to the repository root; empty when the feature has no traffic. */
  traffic: string[];
  /** The same entries with their format and `where` (the object form of `traffic:`), in order. */
  trafficEntries?: TrafficEntry[];
  trafficFormat: TrafficFormat;
  /** Normalised from requests_per_month or requests_per_day × 730 / 24. */
  requestsPerMonth?: number;
  /** Which key the volume came from, for messages. */
  volumeKey?: 'requests_per_month' | 'requests_per_day';
  typicalOutputTokens?: number;
  typicalTurns?: number;
  tier: ServiceTier;
  /** `latency: async`: nobody waits for the answer, so batch/flex tiers are suggested. Absent → interactive. */
  latency?: FeatureLatency;
}

/** Whether a user waits for a feature's answer (`interactive`, the default) or not (`async`). */
export type FeatureLatency = 'interactive' | 'async';

/** `advisor:` of `.aicost.yml`: what the savings advisor tries and the quality bar it applies. */
export interface AdvisorConfig {
  /** Candidate model ids or globs (`openai/gpt-4.1-*`); absent → the catalog's cheaper models of the same line. */
  candidates?: string[];
  /** Eval result files (paths or globs): promptfoo `--output` JSON and `gh models eval --json` outputs. */
  evals: string[];
  /** Fraction 0–1 a candidate's recorded pass rate must reach, or at least the current model's. Absent → no bar. */
  minPassRate?: number | 'not below current';
}

export interface TeamConfig {
  id: string;
  monthlyBudget?: number;
  /** Fraction; default 0.8. */
  warnAt: number;
  otherMonthlySpend: number;
  maxMonthlyIncrease?: number;
  owners: string[];
}

export type PolicyRule =
  | 'budget'
  | 'budget_warn'
  | 'max_monthly_increase'
  | 'max_monthly_increase_percent'
  | 'max_cost_per_request'
  | 'allowed_models'
  | 'unpriced_change'
  | 'unbounded_increase'
  | 'base_error'
  | 'pr_declared_price';

export interface PoliciesConfig {
  failOn?: PolicyRule[];
  maxMonthlyIncrease?: number;
  /** Fraction. */
  maxMonthlyIncreasePercent?: number;
  maxCostPerRequest?: { usd: number; stat: 'mean' | 'p95' };
  allowedModels?: string[];
  minIncreaseUsd: number;
  unpricedChanges: 'warn' | 'fail';
  staticEstimates: 'warn' | 'fail';
  onBaseError: 'warn' | 'fail';
  overrideLabel?: string;
  overrideApprovers: string[];
  /**
   * `require_cheaper_model_review`: USD per month. A switch to a dearer model while a cheaper
   * candidate with an equal-or-better recorded pass rate saves more than this is a warning.
   */
  requireCheaperModelReview?: number;
}

/** USD per 1M tokens. */
export interface PriceOverride {
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: number;
  cacheWrite1h?: number;
  tokenizer?: OpenAiEncoding;
}

export interface ReplayConfig {
  maxSamples: number;
  /** Fraction of lines that may be skipped before the run fails; default 0.01. */
  maxBadLines: number;
}

export interface Config {
  version: 1;
  /** Repository-relative path of the config file, for messages. */
  path: string;
  features: Record<string, FeatureConfig>;
  teams: Record<string, TeamConfig>;
  policies: PoliciesConfig;
  pricing: Record<string, PriceOverride>;
  /** Provider → fraction off. */
  discounts: Record<string, number>;
  /** Alias or deployment name → canonical id. */
  models: Record<string, string>;
  /** LiteLLM proxy configs (`models_from:`) whose `model_list` adds aliases and prices at load. */
  modelsFrom?: string[];
  /** `models.<name>` / `pricing.<name>` entries added from a `models_from:` file → its `file:line`. */
  sourcedFrom?: Record<string, string>;
  replay: ReplayConfig;
  /** `advisor:`; absent when the config has no such key. */
  advisor?: AdvisorConfig;
  /** `commit` or an ISO date (YYYY-MM-DD). */
  pricingDate: 'commit' | string;
  /** Dotted key path (`features.ticket-summary.team`) → position in the file. */
  positions: Record<string, Position>;
}

// ---------------------------------------------------------------------------------------------
// Catalog (src/types/catalog.ts), tokens (src/types/tokens.ts) and artifacts and agents
// (src/types/artifacts.ts)
// ---------------------------------------------------------------------------------------------

export type * from './types/catalog.js';
export type * from './types/tokens.js';
export type * from './types/artifacts.js';

// ---------------------------------------------------------------------------------------------
// Traffic
// ---------------------------------------------------------------------------------------------

/** A recorded message. `content` is null when it is redacted or not text: never tokenised. */
export interface RecordedMessage {
  role: string;
  content: string | null;
  name?: string;
}

export interface SampleUsage {
  inputTokens?: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheWrite1hTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

/** One normalised traffic line: one model call. Objects from the file have no prototype. */
export interface Sample {
  id: string;
  file: string;
  line: number;
  /** Epoch milliseconds. */
  ts?: number;
  feature?: string;
  promptRef?: string;
  model?: string;
  /**
   * The model the provider says answered (`response_model`, e.g. a dated snapshot) when the source
   * records one besides the requested `model`. Evidence only: the revision's model prices the call.
   */
  responseModel?: string;
  provider?: string;
  api?: string;
  vars?: Record<string, unknown>;
  /** Per-variable token counts by encoding, for exports that must not carry text. */
  varTokens?: Record<string, Partial<Record<Encoding, number>>>;
  messages?: RecordedMessage[];
  params?: { maxTokens?: number; reasoningEffort?: string; [k: string]: unknown };
  usage: SampleUsage;
  finishReason?: string;
  traceId?: string;
  parentId?: string;
  step?: number;
  agent?: string;
  status?: string;
  tier?: ServiceTier;
  weight: number;
  costUsd?: number;
  source?: string;
  /** The end user or tenant the request served (`user` in the JSONL), for cost per active user. */
  user?: string;
}

export interface BadLine {
  file: string;
  line: number;
  reason: string;
}

/** What reading a feature's traffic produced. */
export interface TrafficSet {
  paths: string[];
  samples: Sample[];
  /** Lines read (excluding blank lines), before sampling. */
  totalLines: number;
  /** Total weight of every good line read, before sampling. */
  totalWeight: number;
  badLines: BadLine[];
  /** sha256 over the bytes of every file, in path order. */
  sha256: string;
  /** Earliest and latest `ts` seen (epoch ms), when lines carry one. */
  firstTs?: number;
  lastTs?: number;
  /** True when more lines were read than `replay.max_samples` and a sample was kept. */
  sampled: boolean;
  /**
   * Lines read and bad lines per file, with the `max_bad_lines` fraction the set was read with:
   * lines found unusable once the models are known (a `tier` the model does not offer) count
   * against the same limit (src/traffic/screen.ts).
   */
  lineCounts?: {
    maxBadLines: number;
    /**
     * Per file: records read, bad ones (records and calls), and, when they differ from `lines`,
     * the units `bad` is a share of (an importer's calls plus its unreadable records).
     */
    files: Record<string, { lines: number; bad: number; units?: number }>;
  };
  /** The format each file was read as (after `auto` detection), by path. */
  formats?: Record<string, string>;
  /** What reading chose on its own (a detected format), for the report's notices. */
  notices?: string[];
  /** Records read but holding no priced call, by reason (agent spans, cache hits …), with counts. */
  skipped?: Record<string, number>;
}
