import { agentSideJson, type AgentSideJson } from '../estimate/index.js';
import type { FeatureEstimate, FeaturePrice, RevisionEstimate } from '../estimate/index.js';
import type { CatalogInfo, Config } from '../types.js';

/** One revision's side of a feature, in the JSON report's shape (snake_case, plain numbers). */
export interface FeatureSideJson {
  models: string[];
  requests_per_month: number;
  volume_source: 'config' | 'traffic';
  samples: number;
  effective_samples: number;
  traffic: {
    paths: string[];
    sha256: string;
    window_days: number | null;
    age_days: number | null;
    lines: number;
    bad_lines: number;
    sampled: boolean;
  } | null;
  source: { usage: number; replay: number; static: number };
  tokenizer: string;
  exact: boolean;
  band: [number, number] | null;
  per_request: { mean: number; p50: number; p95: number };
  input_tokens: { mean: number };
  output_tokens: { mean: number };
  monthly: number;
  monthly_band: [number, number] | null;
  calibration: { ratio: number; samples: number } | null;
  reconciliation: { samples: number; replayed: number | null; recorded: number; reported: number | null } | null;
  max_output_tokens: number | null;
  output_cap_share: number | null;
  upper_bound: boolean;
  insufficient_samples: boolean;
  /** Agent features: the run as a chain of calls; null for prompt features. */
  agent: AgentSideJson | null;
  /** Cost per active user per month, when the samples carry user ids (users seen in the samples). */
  per_user?: { users: number; mean: number; p95: number };
  /** Where each model's price comes from, in the order of `models` (optional in the schema: older reports lack it). */
  prices?: PriceSourceJson[];
}

/** The source of one model's price, in the report's naming. */
export interface PriceSourceJson {
  model: string;
  kind: 'catalog' | 'fallback' | 'pricing';
  source: string;
  version: string | null;
  entry: string;
  time_of_day: {
    basis: 'sample time' | 'day-weighted mean' | 'mixed';
    windows: { window: string; input: number; output: number }[];
    mean: { input: number; output: number };
  } | null;
}

/** A feature price line in the report's naming. */
export function priceSourceJson(p: FeaturePrice): PriceSourceJson {
  const tod = p.source.timeOfDay;
  return {
    model: p.model,
    kind: p.source.kind,
    source: p.source.name,
    version: p.source.version,
    entry: p.source.entry,
    time_of_day:
      tod && p.timeOfDay
        ? { basis: p.timeOfDay, windows: tod.windows.map((w) => ({ ...w })), mean: { ...tod.mean } }
        : null,
  };
}

/** The `estimate` command's JSON document. */
export interface EstimateReport {
  schema_version: 1;
  kind: 'estimate';
  currency: 'USD';
  rev: string | null;
  pricing_date: string;
  catalog: CatalogInfo & { data_date: string };
  totals: { monthly: number };
  features: (FeatureSideJson & { id: string; team: string; prompt: string })[];
  teams: {
    team: string;
    budget: number | null;
    other_monthly_spend: number;
    monthly: number;
    status: 'ok' | 'warn' | 'breach' | null;
  }[];
  notices: string[];
}

/** A feature's estimate in the report's shape. */
export function featureSideJson(f: FeatureEstimate): FeatureSideJson {
  return {
    models: f.models,
    requests_per_month: f.requestsPerMonth,
    volume_source: f.volumeSource,
    samples: f.samples,
    effective_samples: f.effectiveSamples,
    traffic: f.traffic
      ? {
          paths: f.traffic.paths,
          sha256: f.traffic.sha256,
          window_days: f.traffic.windowDays,
          age_days: f.traffic.ageDays,
          lines: f.traffic.totalLines,
          bad_lines: f.traffic.badLines,
          sampled: f.traffic.sampled,
        }
      : null,
    source: { ...f.source },
    tokenizer: f.tokenizer.label,
    exact: f.tokenizer.exact,
    band: f.tokenizer.band,
    per_request: { ...f.perRequest },
    input_tokens: { ...f.inputTokens },
    output_tokens: { ...f.outputTokens },
    monthly: f.monthly,
    monthly_band: f.monthlyBand,
    calibration: f.calibration,
    reconciliation: f.reconciliation,
    max_output_tokens: f.maxOutputTokens,
    output_cap_share: f.outputCapShare,
    upper_bound: f.upperBound,
    insufficient_samples: f.insufficientSamples,
    agent: agentSideJson(f.agent),
    ...(f.perUser ? { per_user: { ...f.perUser } } : {}),
    prices: f.prices.map(priceSourceJson),
  };
}

/** Build the JSON report of one revision. Team status compares spend (incl. other spend) with the budget. */
export function estimateReport(
  est: RevisionEstimate,
  config: Config,
  catalog: CatalogInfo,
  promptOf: (id: string) => string,
): EstimateReport {
  const teams = Object.values(config.teams).map((t) => {
    const monthly = est.features.filter((f) => f.team === t.id).reduce((a, f) => a + f.monthly, 0);
    const spend = monthly + t.otherMonthlySpend;
    let status: 'ok' | 'warn' | 'breach' | null = null;
    if (t.monthlyBudget !== undefined)
      status = spend > t.monthlyBudget ? 'breach' : spend > t.warnAt * t.monthlyBudget ? 'warn' : 'ok';
    return { team: t.id, budget: t.monthlyBudget ?? null, other_monthly_spend: t.otherMonthlySpend, monthly, status };
  });
  return {
    schema_version: 1,
    kind: 'estimate',
    currency: 'USD',
    rev: est.rev,
    pricing_date: est.pricingDate,
    catalog: { ...catalog, data_date: catalog.dataDate },
    totals: { monthly: est.monthly },
    features: est.features.map((f) => ({ id: f.id, team: f.team, prompt: promptOf(f.id), ...featureSideJson(f) })),
    teams,
    notices: est.notices,
  };
}
