/**
 * `.aicost.yml` → typed {@link Config}. Every problem names `file:line:column` and the dotted
 * key path, and all problems of a file are reported together in document order, so one fix
 * round is enough.
 */
import { ConfigError, formatLocation } from '../errors.js';
import type {
  Config,
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
import { didYouMean } from '../text/index.js';
import { checkPercent, clip, describeValue } from './percent.js';
import type { Issue, PositionLookup } from './schema-check.js';
import { FEATURE_KEYS, hasTypoFor, schemaIssues } from './schema-check.js';
import type { KeyPath, YamlTree } from './yaml-tree.js';
import { dottedPath, pathId, readYamlTree } from './yaml-tree.js';

/** A month is 730 hours (8,760 / 12), the convention of cloud pricing. */
export const HOURS_PER_MONTH = 730;

/** Defaults of optional keys, as documented in DESIGN.md and the schema. */
export const CONFIG_DEFAULTS = {
  warnAt: 0.8,
  otherMonthlySpend: 0,
  minIncreaseUsd: 0,
  unpricedChanges: 'warn',
  staticEstimates: 'warn',
  onBaseError: 'warn',
  maxSamples: 5_000,
  maxBadLines: 0.01,
  pricingDate: 'commit',
  trafficFormat: 'auto',
  tier: 'standard',
  costStat: 'mean',
} as const;

/** At most this many problems are listed in one error; the rest are counted. */
const MAX_LISTED_ISSUES = 20;

type RawMap = Record<string, unknown>;

/**
 * Parses and validates the text of `.aicost.yml` (`file` is its repository-relative path, used
 * in messages and kept as `Config.path`). Returns the config with defaults filled in, percents
 * as fractions, `requests_per_day` converted to a monthly volume and the position of every key.
 * Throws one ConfigError listing every problem, the first one's position as its location.
 */
export function loadConfig(text: string, file: string): Config {
  const tree = readYamlTree(text, file);
  const lookup = positionLookup(tree);
  const data = tree.value;

  if (data === null) {
    throw new ConfigError('the file is empty; it needs at least `version: 1`', {
      location: { file, line: 1, column: 1 },
      hint: 'Start the file with `version: 1`, then declare teams: and features:.',
    });
  }
  if (!isMap(data)) {
    throw new ConfigError(`the file must be a map of keys (version, features, teams, …), got ${describeValue(data)}`, {
      location: { file, ...lookup.value([]) },
    });
  }
  checkVersion(data, file, lookup);

  const issues = [...schemaIssues(data, lookup), ...crossCheck(data, lookup)];
  if (issues.length > 0) throw combine(issues, file);
  return buildConfig(data, file, tree);
}

/** Version comes first: a file for another version would otherwise drown in unknown keys. */
function checkVersion(data: RawMap, file: string, lookup: PositionLookup): void {
  if (!Object.hasOwn(data, 'version')) {
    throw new ConfigError('missing required key "version"; add `version: 1` at the top of the file', {
      location: { file, line: 1, column: 1 },
    });
  }
  const version = data.version;
  if (version === 1) return;
  const location = { file, ...lookup.value(['version']) };
  if (typeof version === 'number') {
    throw new ConfigError(`version: ${version} is not supported; this aicost reads version 1`, {
      location,
      hint: `Write version: 1 and the keys of version 1, or run an aicost release that reads version ${version}.`,
    });
  }
  throw new ConfigError(`version: must be the number 1, got ${describeValue(version)}`, { location });
}

/** Rules the schema cannot say precisely enough, each with its own message and position. */
function crossCheck(data: RawMap, lookup: PositionLookup): Issue[] {
  const issues: Issue[] = [];
  const teams = isMap(data.teams) ? data.teams : undefined;

  if (isMap(data.features)) {
    for (const [id, feature] of Object.entries(data.features)) {
      if (!isMap(feature)) continue;
      const path = ['features', id];
      const has = (key: string): boolean => Object.hasOwn(feature, key);

      if (
        typeof feature.team === 'string' &&
        feature.team.length > 0 &&
        !(teams && Object.hasOwn(teams, feature.team))
      ) {
        const known = teams ? Object.keys(teams) : [];
        const tail =
          didYouMean(feature.team, known) ||
          (known.length
            ? `; the declared teams are ${known.map((t) => `"${clip(t)}"`).join(', ')}`
            : '; no teams are declared');
        issues.push({
          position: lookup.value([...path, 'team']),
          message: `${dottedPath([...path, 'team'])}: unknown team "${clip(feature.team)}"${tail}`,
          hint: `Declare the team under teams: (e.g. teams: { ${clip(feature.team, 30)}: { monthly_budget: 1000 } }).`,
        });
      }

      if (has('prompt') && has('agent')) {
        issues.push({
          position: later(lookup.key([...path, 'prompt']), lookup.key([...path, 'agent'])),
          message: `${dottedPath(path)}: has both prompt and agent; a feature has exactly one of them`,
          hint: 'Split it into two features, one for the prompt and one for the agent.',
        });
      } else if (!has('prompt') && !has('agent') && !hasTypoFor(feature, FEATURE_KEYS, ['prompt', 'agent'])) {
        issues.push({
          position: lookup.key(path),
          message: `${dottedPath(path)}: needs a prompt or an agent (exactly one of them)`,
          hint: 'Add prompt: path/to/file.prompt.yml or agent: path/to/agent.yaml.',
        });
      }
      for (const key of ['prompt', 'agent']) {
        if (typeof feature[key] === 'string')
          issues.push(...pathIssues([...path, key], feature[key] as string, lookup));
      }

      const trafficIssues = checkTraffic([...path, 'traffic'], feature.traffic, has('traffic'), lookup);
      issues.push(...trafficIssues);
      const hasTraffic =
        has('traffic') && feature.traffic !== null && !(Array.isArray(feature.traffic) && feature.traffic.length === 0);
      // A format with nothing to read is an error, not a notice: the key has no effect, so either
      // traffic: was removed or misspelled (the PR is then priced without samples) or the key is
      // stale; a notice in a long report is easy to miss, and `has both …` keys are errors too.
      if (
        has('traffic_format') &&
        !hasTraffic &&
        trafficIssues.length === 0 &&
        !hasTypoFor(feature, FEATURE_KEYS, ['traffic'])
      ) {
        issues.push({
          position: lookup.key([...path, 'traffic_format']),
          message: `${dottedPath([...path, 'traffic_format'])}: is set but the feature has no traffic; traffic_format says how traffic files are read`,
          hint: 'Add traffic: with the samples the format describes, or remove traffic_format.',
        });
      }
      if (has('requests_per_month') && has('requests_per_day')) {
        issues.push({
          position: later(lookup.key([...path, 'requests_per_month']), lookup.key([...path, 'requests_per_day'])),
          message: `${dottedPath(path)}: has both requests_per_month and requests_per_day; set only one`,
        });
      } else if (
        !hasTraffic &&
        !has('requests_per_month') &&
        !has('requests_per_day') &&
        !hasTypoFor(feature, FEATURE_KEYS, ['requests_per_month', 'requests_per_day', 'traffic'])
      ) {
        issues.push({
          position: lookup.key(path),
          message: `${dottedPath(path)}: requests_per_month is required when the feature has no traffic`,
          hint: 'Add requests_per_month (or requests_per_day), or point traffic: at recorded samples.',
        });
      }
    }
  }

  for (const path of percentPaths(data)) {
    const result = checkPercent(valueAt(data, path));
    if ('problem' in result) {
      issues.push({
        position: lookup.value(path),
        message: `${dottedPath(path)}: ${result.problem}`,
        hint: 'A percent is written 25% or as a fraction between 0 and 1 (0.25).',
      });
    }
  }

  if (Object.hasOwn(data, 'pricing_date')) {
    const problem = pricingDateProblem(data.pricing_date);
    if (problem) issues.push({ position: lookup.value(['pricing_date']), message: `pricing_date: ${problem}` });
  }
  return issues;
}

/** Traffic is a path or a list of paths; each must stay inside the repository. */
function checkTraffic(path: KeyPath, value: unknown, present: boolean, lookup: PositionLookup): Issue[] {
  if (!present) return [];
  if (!Array.isArray(value)) return checkTrafficEntry(path, value, lookup, 'a path or a list of paths');
  const issues: Issue[] = [];
  value.forEach((item, index) => issues.push(...checkTrafficEntry([...path, index], item, lookup, 'a path')));
  return issues;
}

const ENTRY_KEYS = ['path', 'format', 'where'];

/** One entry: a path or glob, or `{ path, format, where }` (the schema checked its keys and types). */
function checkTrafficEntry(path: KeyPath, value: unknown, lookup: PositionLookup, what: string): Issue[] {
  if (typeof value === 'string') {
    if (value.length === 0)
      return [{ position: lookup.value(path), message: `${dottedPath(path)}: must not be empty` }];
    return pathIssues(path, value, lookup);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const unknown = Object.keys(value).filter((k) => !ENTRY_KEYS.includes(k));
    if (unknown.length) {
      const key = unknown[0]!;
      const near = didYouMean(key, ENTRY_KEYS);
      return [
        {
          position: lookup.key([...path, key]),
          message: `${dottedPath([...path, key])}: unknown key; a traffic entry has path, format and where${near}`,
        },
      ];
    }
    const p = (value as RawMap).path;
    if (typeof p === 'string' && p.length > 0) return pathIssues([...path, 'path'], p, lookup);
    return [
      {
        position: lookup.value(path),
        message: `${dottedPath(path)}: needs path: (the file or glob to read)`,
      },
    ];
  }
  return [
    {
      position: lookup.value(path),
      message: `${dottedPath(path)}: must be ${what} or { path, format, where }, got ${describeValue(value)}`,
    },
  ];
}

/** Absolute paths and `..` would point outside the repository: refused with a position here. */
function pathIssues(path: KeyPath, value: string, lookup: PositionLookup): Issue[] {
  const segments = value.split(/[\\/]/);
  if (value.startsWith('/') || value.startsWith('\\') || /^[A-Za-z]:/.test(value) || segments.includes('..')) {
    return [
      {
        position: lookup.value(path),
        message: `${dottedPath(path)}: "${clip(value)}" is not a path inside the repository; write it relative to the repository root`,
      },
    ];
  }
  return [];
}

/** The percent-valued keys that are present, as paths. */
function percentPaths(data: RawMap): KeyPath[] {
  const paths: KeyPath[] = [];
  if (isMap(data.teams)) {
    for (const [id, team] of Object.entries(data.teams)) {
      if (isMap(team) && Object.hasOwn(team, 'warn_at')) paths.push(['teams', id, 'warn_at']);
    }
  }
  if (isMap(data.policies) && Object.hasOwn(data.policies, 'max_monthly_increase_percent')) {
    paths.push(['policies', 'max_monthly_increase_percent']);
  }
  if (isMap(data.discounts)) for (const provider of Object.keys(data.discounts)) paths.push(['discounts', provider]);
  if (isMap(data.replay) && Object.hasOwn(data.replay, 'max_bad_lines')) paths.push(['replay', 'max_bad_lines']);
  return paths;
}

/** `commit` or a real calendar date `YYYY-MM-DD`; otherwise why not. */
function pricingDateProblem(value: unknown): string | undefined {
  if (value === 'commit') return undefined;
  if (typeof value !== 'string') return `must be commit or a date YYYY-MM-DD, got ${describeValue(value)}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `"${clip(value)}" is not commit or a date YYYY-MM-DD${didYouMean(value, ['commit'])}`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `${value} is not a calendar date (YYYY-MM-DD)`;
  }
  return undefined;
}

/** All issues in document order as one ConfigError located at the first. */
function combine(issues: Issue[], file: string): ConfigError {
  const seen = new Set<string>();
  const unique = issues
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) =>
        a.issue.position.line - b.issue.position.line ||
        a.issue.position.column - b.issue.position.column ||
        a.order - b.order,
    )
    .map(({ issue }) => issue)
    .filter((issue) => {
      const id = `${issue.position.line}:${issue.position.column}:${issue.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  const [first, ...rest] = unique;
  let message = first.message;
  for (const issue of rest.slice(0, MAX_LISTED_ISSUES - 1)) {
    message += `\n${formatLocation({ file, ...issue.position })}: ${issue.message}`;
  }
  if (unique.length > MAX_LISTED_ISSUES) message += `\n… and ${unique.length - MAX_LISTED_ISSUES} more problems`;
  // A hint speaks about one problem; under a list of several it would point at the wrong one.
  return new ConfigError(message, {
    location: { file, ...first.position },
    hint: unique.length === 1 ? first.hint : undefined,
  });
}

/** Position lookups that fall back to the closest enclosing key, then to 1:1. */
function positionLookup(tree: YamlTree): PositionLookup {
  const key = (path: KeyPath): Position => {
    for (let n = path.length; n > 0; n--) {
      const found = tree.keyPositions.get(pathId(path.slice(0, n)));
      if (found) return found;
    }
    return { line: 1, column: 1 };
  };
  return {
    key,
    value: (path) => tree.valuePositions.get(pathId(path)) ?? key(path),
  };
}

/** The position that comes later in the file (where the second of two conflicting keys sits). */
function later(a: Position, b: Position): Position {
  return a.line > b.line || (a.line === b.line && a.column > b.column) ? a : b;
}

function isMap(value: unknown): value is RawMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let node = data;
  for (const segment of path)
    node = isMap(node) || Array.isArray(node) ? (node as RawMap)[segment as string] : undefined;
  return node;
}

/** A percent that validation already accepted. */
function fraction(value: unknown): number {
  const result = checkPercent(value);
  if ('fraction' in result) return result.fraction;
  throw new ConfigError(`internal: percent ${String(value)} passed validation`);
}

// ---------------------------------------------------------------------------------------------
// Building the typed config from validated data. Casts below rest on the schema and the cross
// checks having passed; user-keyed maps are prototype-less so `__proto__` stays plain data.
// ---------------------------------------------------------------------------------------------

function buildConfig(data: RawMap, file: string, tree: YamlTree): Config {
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

  return {
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
  if (raw.prompt !== undefined) feature.prompt = raw.prompt as string;
  if (raw.agent !== undefined) feature.agent = raw.agent as string;
  if (raw.model !== undefined) feature.model = raw.model as string;
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
