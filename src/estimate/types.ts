import type { Catalog } from '../catalog/index.js';
import type { TokenCounter } from '../tokenize/index.js';
import type { CallUsage, PriceSource, ResolvedModel, TokenizerChoice } from '../types.js';
import type { AgentEstimate } from './agent-types.js';

export type { FeatureInput, RevisionSnapshot } from '../load/index.js';

/** Where a sample's input figure came from. */
export type FigureSource = 'usage' | 'replay' | 'static';

/** One sample replayed at one revision. */
export interface SampleResult {
  id: string;
  /** Key of the unit resampled together (trace id, else sample id). */
  unit: string;
  weight: number;
  /** The sample's `ts` (epoch ms): the time of day a time-of-day price is read at. */
  ts?: number;
  /** Tokens counted from the revision's render (messages, tools, schema), or null if nothing could be rendered. */
  counted: number | null;
  /** Counted tokens of the static prefix that a provider cache can hold. */
  cacheablePrefix: number;
  /** Recorded `usage.input_tokens`, when the sample has it. */
  recordedInput?: number;
  /** The usage that was priced. */
  usage: CallUsage;
  /** Cost of the call in USD. */
  cost: number;
  /** Cost at the low and high ends of the tokenizer band (equal to cost when exact or recorded). */
  costLow: number;
  costHigh: number;
  /** Cost priced from the recorded usage alone (reconciliation), when the sample records input. */
  recordedCost?: number;
  /** Source-reported cost, when the sample carries `cost_usd`. */
  reportedCost?: number;
  source: FigureSource;
  /** Recorded output hit the revision's max output tokens (finish_reason length or output = cap). */
  atCap: boolean;
  /** The end user the request (or run) served, when the traffic says. */
  user?: string;
}

/** Where the price of one of a feature's models comes from, and how a time-of-day price was applied. */
export interface FeaturePrice {
  /** Canonical model id. */
  model: string;
  source: PriceSource;
  /**
   * How a time-of-day price met the samples: each at its own `ts`, all at the day-weighted mean
   * (no sample time, or a static estimate), or both; null when the price is the same all day.
   */
  timeOfDay: 'sample time' | 'day-weighted mean' | 'mixed' | null;
}

/** Weighted statistics of a feature's per-request cost at one revision. */
export interface FeatureEstimate {
  id: string;
  team: string;
  model: ResolvedModel;
  models: string[];
  /** Price source of each model, in the order of `models`. */
  prices: FeaturePrice[];
  tokenizer: TokenizerChoice;
  /** Requests per month and where the figure came from. */
  requestsPerMonth: number;
  volumeSource: 'config' | 'traffic';
  samples: number;
  effectiveSamples: number;
  traffic: {
    paths: string[];
    sha256: string;
    windowDays: number | null;
    ageDays: number | null;
    totalLines: number;
    badLines: number;
    sampled: boolean;
  } | null;
  source: Record<FigureSource, number>;
  perRequest: { mean: number; p50: number; p95: number };
  /** Per-request mean at the ends of the tokenizer band; null when every figure is exact. */
  perRequestBand: [number, number] | null;
  inputTokens: { mean: number };
  outputTokens: { mean: number };
  monthly: number;
  monthlyBand: [number, number] | null;
  /** Recorded ÷ counted input tokens over samples that have both. */
  calibration: { ratio: number; samples: number } | null;
  /** Replayed vs recorded vs source-reported cost per request, over samples that record usage. */
  reconciliation: { samples: number; replayed: number | null; recorded: number; reported: number | null } | null;
  /** Share (by weight) of samples whose output hit the max output tokens. */
  outputCapShare: number | null;
  maxOutputTokens: number | null;
  /** Output figure is an upper bound (max output tokens used as the typical output). */
  upperBound: boolean;
  insufficientSamples: boolean;
  notices: string[];
  /** One result per sample; for agent features one per run (trace), its calls summed. */
  results: SampleResult[];
  /**
   * Cost per active user per month, over the users the samples name: each user's share of the
   * monthly cost (their weighted cost ÷ all samples' weighted cost × monthly); null without user ids.
   */
  perUser?: { users: number; mean: number; p95: number } | null;
  /** Agent features: per-agent figures, calls per run, loop caps (src/estimate/agent-types.ts). */
  agent?: AgentEstimate;
}

/** Output of replaying one revision. */
export interface RevisionEstimate {
  rev: string | null;
  label: string;
  pricingDate: string;
  features: FeatureEstimate[];
  monthly: number;
  notices: string[];
}

/** Shared services for replaying a revision. */
export interface EstimateContext {
  catalog: Catalog;
  counter: TokenCounter;
}
