/**
 * Validated `.aicost.yml` data → typed {@link Config}. The casts rest on the schema and the cross
 * checks of load.ts having passed; user-keyed maps are prototype-less so `__proto__` stays plain data.
 */
import { ConfigError } from '../errors.js';
import type {
  AdvisorConfig,
  Config,
  FeatureLatency,
  OpenAiEncoding,
  FeatureConfig,
  PoliciesConfig,
  PolicyRule,
  Position,
  PriceOverride,
  ServiceTier,
  TeamConfig,
  TrafficEntry,
  TrafficFormat,
} from '../types.js';
import { CONFIG_DEFAULTS, HOURS_PER_MONTH, NOT_BELOW_CURRENT } from './defaults.js';
import { checkPercent } from './percent.js';
import type { YamlTree } from './yaml-tree.js';

type RawMap = Record<string, unknown>;

/** A percent that validation already accepted. */
function fraction(value: unknown): number {
  const result = checkPercent(value);
  if ('fraction' in result) return result.fraction;
  throw new ConfigError(`internal: percent ${String(value)} passed validation`);
}

/** The typed config of validated data `data` (`tree` gives the key positions). */
export function buildConfig(data: RawMap, file: string, tree: YamlTree): Config {
  const features: Record<string, FeatureConfig> = Object.create(null);
  for (const [id, raw] of Object.entries(mapOrEmpty(data.features))) features[id] = buildFeature(id, raw as RawMap);

  const teams: Record<string, TeamConfig> = Object.create(null);
  for (const [id, raw] of Object.entries(mapOrEmpty(data.teams))) teams[id] = buildTeam(id, raw as RawMap);

  const pricing: Record<string, PriceOverride> = Object.create(null);
  for (const [id, raw] of Object.entries(mapOrEmpty(data.pricing))) pricing[id] = buildPrice(raw as RawMap);

  const discounts: Record<string, number> = Object.create(null);
  for (const [provider, raw] of Object.entries(mapOrEmpty(data.discounts))) discounts[provider] = fraction(raw);

  const models: Record<string, string> = Object.create(null);
  for (const [alias, id] of Object.entries(mapOrEmpty(data.models))) models[alias] = id as string;

  const replay = mapOrEmpty(data.replay);
  const positions: Record<string, Position> = Object.create(null);
  for (const [id, position] of tree.keyPositions) {
    const dotted = (JSON.parse(id) as string[]).join('.');
    if (!Object.hasOwn(positions, dotted)) positions[dotted] = position;
  }

  const config: Config = {
    version: 1,
    path: file,
    features,
    teams,
    policies: buildPolicies(mapOrEmpty(data.policies)),
    pricing,
    discounts,
    models,
    replay: {
      maxSamples: (replay.max_samples as number | undefined) ?? CONFIG_DEFAULTS.maxSamples,
      maxBadLines: replay.max_bad_lines === undefined ? CONFIG_DEFAULTS.maxBadLines : fraction(replay.max_bad_lines),
    },
    pricingDate: (data.pricing_date as string | undefined) ?? CONFIG_DEFAULTS.pricingDate,
    positions,
  };
  if (Array.isArray(data.models_from)) config.modelsFrom = [...(data.models_from as string[])];
  if (data.advisor !== undefined && data.advisor !== null) config.advisor = buildAdvisor(data.advisor as RawMap);
  return config;
}

function buildAdvisor(raw: RawMap): AdvisorConfig {
  const advisor: AdvisorConfig = { evals: [...((raw.evals as string[] | undefined) ?? [])] };
  if (raw.candidates !== undefined) advisor.candidates = [...(raw.candidates as string[])];
  if (raw.min_pass_rate === NOT_BELOW_CURRENT) advisor.minPassRate = NOT_BELOW_CURRENT;
  else if (raw.min_pass_rate !== undefined) advisor.minPassRate = fraction(raw.min_pass_rate);
  return advisor;
}

function buildFeature(id: string, raw: RawMap): FeatureConfig {
  const items: unknown[] =
    raw.traffic === undefined || raw.traffic === null ? [] : Array.isArray(raw.traffic) ? raw.traffic : [raw.traffic];
  const entries: TrafficEntry[] = items.map((item) => {
    if (typeof item === 'string') return { path: item };
    const o = item as RawMap;
    const entry: TrafficEntry = { path: o.path as string };
    if (o.format !== undefined) entry.format = o.format as TrafficFormat;
    if (o.where !== undefined) {
      const where = Object.create(null) as Record<string, string>;
      for (const [k, v] of Object.entries(o.where as RawMap)) where[k] = String(v);
      entry.where = where;
    }
    return entry;
  });
  const feature: FeatureConfig = {
    id,
    team: raw.team as string,
    traffic: entries.map((e) => e.path),
    trafficFormat: (raw.traffic_format as TrafficFormat | undefined) ?? CONFIG_DEFAULTS.trafficFormat,
    tier: (raw.tier as ServiceTier | undefined) ?? CONFIG_DEFAULTS.tier,
  };
  // Only the object form adds anything to the paths; plain paths keep the entry out of the config.
  if (entries.some((e) => e.format !== undefined || e.where !== undefined)) feature.trafficEntries = entries;
  if (raw.latency !== undefined) feature.latency = raw.latency as FeatureLatency;
  if (raw.prompt !== undefined) feature.prompt = raw.prompt as string;
  if (raw.agent !== undefined) feature.agent = raw.agent as string;
  if (raw.model !== undefined) feature.model = raw.model as string;
  if (raw.provider !== undefined) feature.provider = raw.provider as string;
  if (raw.requests_per_month !== undefined) {
    feature.requestsPerMonth = raw.requests_per_month as number;
    feature.volumeKey = 'requests_per_month';
  } else if (raw.requests_per_day !== undefined) {
    feature.requestsPerMonth = ((raw.requests_per_day as number) * HOURS_PER_MONTH) / 24;
    feature.volumeKey = 'requests_per_day';
  }
  if (raw.typical_output_tokens !== undefined) feature.typicalOutputTokens = raw.typical_output_tokens as number;
  if (raw.typical_turns !== undefined) feature.typicalTurns = raw.typical_turns as number;
  return feature;
}

function buildTeam(id: string, raw: RawMap): TeamConfig {
  const team: TeamConfig = {
    id,
    warnAt: raw.warn_at === undefined ? CONFIG_DEFAULTS.warnAt : fraction(raw.warn_at),
    otherMonthlySpend: (raw.other_monthly_spend as number | undefined) ?? CONFIG_DEFAULTS.otherMonthlySpend,
    owners: [...((raw.owners as string[] | undefined) ?? [])],
  };
  if (raw.monthly_budget !== undefined) team.monthlyBudget = raw.monthly_budget as number;
  if (raw.max_monthly_increase !== undefined) team.maxMonthlyIncrease = raw.max_monthly_increase as number;
  return team;
}

function buildPolicies(raw: RawMap): PoliciesConfig {
  const policies: PoliciesConfig = {
    minIncreaseUsd: (raw.min_increase_usd as number | undefined) ?? CONFIG_DEFAULTS.minIncreaseUsd,
    unpricedChanges: (raw.unpriced_changes as 'warn' | 'fail' | undefined) ?? CONFIG_DEFAULTS.unpricedChanges,
    staticEstimates: (raw.static_estimates as 'warn' | 'fail' | undefined) ?? CONFIG_DEFAULTS.staticEstimates,
    onBaseError: (raw.on_base_error as 'warn' | 'fail' | undefined) ?? CONFIG_DEFAULTS.onBaseError,
    overrideApprovers: [...((raw.override_approvers as string[] | undefined) ?? [])],
  };
  if (raw.fail_on !== undefined) policies.failOn = [...(raw.fail_on as PolicyRule[])];
  if (raw.max_monthly_increase !== undefined) policies.maxMonthlyIncrease = raw.max_monthly_increase as number;
  if (raw.max_monthly_increase_percent !== undefined)
    policies.maxMonthlyIncreasePercent = fraction(raw.max_monthly_increase_percent);
  if (raw.max_cost_per_request !== undefined) {
    const limit = raw.max_cost_per_request as RawMap;
    policies.maxCostPerRequest = {
      usd: limit.usd as number,
      stat: (limit.stat as 'mean' | 'p95' | undefined) ?? CONFIG_DEFAULTS.costStat,
    };
  }
  if (raw.allowed_models !== undefined) policies.allowedModels = [...(raw.allowed_models as string[])];
  if (raw.override_label !== undefined) policies.overrideLabel = raw.override_label as string;
  if (raw.require_cheaper_model_review !== undefined)
    policies.requireCheaperModelReview = raw.require_cheaper_model_review as number;
  return policies;
}

function buildPrice(raw: RawMap): PriceOverride {
  const price: PriceOverride = { input: raw.input as number, output: raw.output as number };
  if (raw.cached_input !== undefined) price.cachedInput = raw.cached_input as number;
  if (raw.cache_write !== undefined) price.cacheWrite = raw.cache_write as number;
  if (raw.cache_write_1h !== undefined) price.cacheWrite1h = raw.cache_write_1h as number;
  if (raw.tokenizer !== undefined) price.tokenizer = raw.tokenizer as OpenAiEncoding;
  return price;
}

function mapOrEmpty(value: unknown): RawMap {
  return isMap(value) ? value : Object.create(null);
}

function isMap(value: unknown): value is RawMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
