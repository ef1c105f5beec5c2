/**
 * `.aicost.yml` → typed {@link Config}. Every problem names `file:line:column` and the dotted
 * key path, and all problems of a file are reported together in document order, so one fix
 * round is enough.
 */
import { ConfigError, formatLocation } from '../errors.js';
import type { Config, Position } from '../types.js';
import { buildConfig } from './build.js';
import { NOT_BELOW_CURRENT } from './defaults.js';
export { CONFIG_DEFAULTS, HOURS_PER_MONTH } from './defaults.js';
import { didYouMean } from '../text/index.js';
import { checkPercent, clip, describeValue } from './percent.js';
import type { Issue, PositionLookup } from './schema-check.js';
import { FEATURE_KEYS, hasTypoFor, schemaIssues } from './schema-check.js';
import type { KeyPath, YamlTree } from './yaml-tree.js';
import { dottedPath, pathId, readYamlTree } from './yaml-tree.js';

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

  if (Array.isArray(data.models_from)) {
    data.models_from.forEach((item, i) => {
      if (typeof item === 'string' && item.length > 0) issues.push(...pathIssues(['models_from', i], item, lookup));
    });
  }

  if (isMap(data.advisor) && Array.isArray(data.advisor.evals)) {
    data.advisor.evals.forEach((item, i) => {
      if (typeof item === 'string' && item.length > 0)
        issues.push(...pathIssues(['advisor', 'evals', i], item, lookup));
    });
  }

  for (const path of percentPaths(data)) {
    const result = checkPercent(valueAt(data, path));
    if ('problem' in result) {
      const passRate = path[0] === 'advisor';
      issues.push({
        position: lookup.value(path),
        message: `${dottedPath(path)}: ${result.problem}`,
        hint: passRate
          ? `advisor.min_pass_rate is a percent (90%), a fraction between 0 and 1 (0.9), or "${NOT_BELOW_CURRENT}".`
          : 'A percent is written 25% or as a fraction between 0 and 1 (0.25).',
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
  if (
    isMap(data.advisor) &&
    Object.hasOwn(data.advisor, 'min_pass_rate') &&
    data.advisor.min_pass_rate !== NOT_BELOW_CURRENT
  ) {
    paths.push(['advisor', 'min_pass_rate']);
  }
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
