/**
 * Validation against `schema/aicost.schema.json` (the file editors use) and the translation of
 * ajv's errors into one sentence per problem, at the line and column of the key or value.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schema/aicost.schema.json' with { type: 'json' };
import { validate as generatedValidate } from '../generated/config-validator.js';
import type { Position } from '../types.js';
import { closest, didYouMean, grouped } from '../text/index.js';
import { clip, describeValue } from './percent.js';
import type { KeyPath } from './yaml-tree.js';
import { dottedPath } from './yaml-tree.js';

/** One problem found in the config, before it is turned into the ConfigError. */
export interface Issue {
  position: Position;
  message: string;
  hint?: string;
}

/** Where the loader looks up positions; both fall back to the closest enclosing key. */
export interface PositionLookup {
  key(path: KeyPath): Position;
  value(path: KeyPath): Position;
}

/** The published schema as a plain object (for tests and for tools that want to embed it). */
export const configSchema: Record<string, unknown> = schema;

/**
 * Schema parts whose ajv errors are replaced by the loader's own checks, which say more:
 * percents ("did you mean 25%?"), pricing dates (real calendar dates), traffic lists, and the
 * feature rules editors see as oneOf/not/if (exactly one of prompt|agent, one volume key).
 */
type Tag = 'checked' | 'money';

let compiled: { validate: ValidateFunction; tags: WeakMap<object, Tag> } | undefined;

/**
 * The validator and the tags, once per process. The validator is ajv's code for this schema,
 * generated at build time (scripts/gen-validators.mjs; strict mode keeps the published schema
 * honest), so start-up compiles nothing; its error objects point into the imported schema, so
 * the tags below recognise schema nodes by identity.
 */
function compile(): { validate: ValidateFunction; tags: WeakMap<object, Tag> } {
  if (compiled) return compiled;
  const validate = generatedValidate as unknown as ValidateFunction;
  const tags = new WeakMap<object, Tag>();
  const definitions = schema.definitions as Record<string, unknown>;
  const tagTree = (node: unknown, tag: Tag): void => {
    if (node === null || typeof node !== 'object') return;
    tags.set(node, tag);
    for (const child of Object.values(node)) tagTree(child, tag);
  };
  tagTree(definitions.percent, 'checked');
  tagTree(definitions.pricingDate, 'checked');
  tagTree(definitions.traffic, 'checked');
  // An entry's shape (path or object, its keys) is checked by the loader with better messages;
  // the values inside the object (format, where) are the schema's to report.
  const entry = definitions.trafficEntry as { anyOf: object[] };
  tags.set(entry, 'checked');
  tags.set(entry.anyOf, 'checked');
  for (const branch of entry.anyOf) tags.set(branch, 'checked');
  tagTree(schema.definitions.feature.allOf, 'checked');
  // min_pass_rate is a percent or "not below current": the loader checks it with the percent rules.
  tagTree(schema.properties.advisor.properties.min_pass_rate, 'checked');
  tagTree(definitions.money, 'money');
  tagTree(definitions.pricePerMillion, 'money');
  compiled = { validate, tags };
  return compiled;
}

/** Validates `data` against the schema and returns one issue per problem, in no set order. */
export function schemaIssues(data: unknown, positions: PositionLookup): Issue[] {
  const { validate, tags } = compile();
  if (validate(data)) return [];
  const issues: Issue[] = [];
  const moneyDone = new Set<string>();
  for (const error of validate.errors ?? []) {
    const tag = error.parentSchema ? tags.get(error.parentSchema) : undefined;
    if (tag === 'checked') continue;
    // propertyNames reports the failing inner keyword too; the propertyNames error says it all.
    if (error.propertyName !== undefined) continue;
    const path = decodePointer(error.instancePath, data);
    if (tag === 'money') {
      if (moneyDone.has(error.instancePath)) continue;
      moneyDone.add(error.instancePath);
      issues.push(moneyIssue(path, error, positions));
      continue;
    }
    const issue = describeError(error, path, positions);
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * Money: a plain number of USD between 0 and the definition's bound. `"$8,000"` gets a hint
 * instead of a guess; a value past the bound names the bound and why it exists.
 */
function moneyIssue(path: KeyPath, error: ErrorObject, positions: PositionLookup): Issue {
  const where = dottedPath(path);
  const position = positions.value(path);
  const value: unknown = error.data;
  if (error.keyword === 'maximum') return boundIssue(where, position, error);
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { position, message: `${where}: must not be negative, got ${value}` };
  }
  const hint =
    typeof value === 'string'
      ? `Write a plain number of USD without "$" or thousands separators, e.g. ${String(path[path.length - 1])}: 8000.`
      : undefined;
  return { position, message: `${where}: must be a number of USD, got ${describeValue(value)}`, hint };
}

/** One ajv error as a sentence naming the key path. */
function describeError(error: ErrorObject, path: KeyPath, positions: PositionLookup): Issue | undefined {
  const where = dottedPath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = didYouMean(key, allowed);
      const tail = suggestion || (allowed.length ? `; the keys here are ${allowed.join(', ')}` : '');
      const scope = path.length === 0 ? 'unknown top-level key' : 'unknown key';
      const inPath = path.length === 0 ? '' : ` in ${where}`;
      return { position: positions.key([...path, key]), message: `${scope} "${clip(key)}"${inPath}${tail}` };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      // `teem: support` already reads "unknown key "teem"; did you mean "team"?": say it once.
      if (hasTypoFor(error.data, allowed, [missing])) return undefined;
      const message =
        path.length === 0 ? `missing required key "${missing}"` : `${where}: missing required key "${missing}"`;
      return { position: positions.key(path), message };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const position = positions.key([...path, name]);
      if (path.length === 1 && path[0] === 'features') {
        const fixed = name
          .toLowerCase()
          .replace(/[^a-z0-9._-]+/g, '-')
          .replace(/^[^a-z0-9]+/, '');
        const suggestion = fixed && fixed !== name ? `; did you mean "${clip(fixed)}"?` : '';
        return {
          position,
          message: `features: "${clip(name)}" is not a valid feature id: use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit${suggestion}`,
        };
      }
      return { position, message: `${where}: "${clip(name)}" is not a valid key here` };
    }
    case 'enum': {
      const allowed = ((params.allowedValues as unknown[]) ?? []).map(String);
      const value = error.data;
      const position = positions.value(path);
      if (typeof value === 'string') {
        return {
          position,
          message: `${where}: "${clip(value)}" is not one of ${allowed.join(', ')}${didYouMean(value, allowed)}`,
        };
      }
      return { position, message: `${where}: must be one of ${allowed.join(', ')}, got ${describeValue(value)}` };
    }
    case 'const':
      return {
        position: positions.value(path),
        message: `${where}: must be ${JSON.stringify(params.allowedValue)}, got ${describeValue(error.data)}`,
      };
    case 'type':
      return {
        position: positions.value(path),
        message: `${where}: must be ${typeWords(params.type)}, got ${describeValue(error.data)}`,
      };
    case 'maximum':
      return boundIssue(where, positions.value(path), error);
    case 'minimum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        position: positions.value(path),
        message: `${where}: must be ${String(params.comparison).replace('>=', '≥').replace('<=', '≤')} ${String(params.limit)}, got ${String(error.data)}`,
      };
    case 'minLength':
      return { position: positions.value(path), message: `${where}: must not be empty` };
    case 'maxLength':
      return {
        position: positions.value(path),
        message: `${where}: is longer than ${String(params.limit)} characters`,
      };
    case 'maxItems':
      return { position: positions.value(path), message: `${where}: has more than ${String(params.limit)} entries` };
    default:
      return { position: positions.value(path), message: `${where || 'the file'}: ${error.message ?? 'is not valid'}` };
  }
}

/**
 * A number past a documented maximum: the bound in full (`≤ 30,000,000,000`) and, as the hint,
 * the schema's description, which says why the bound is there.
 */
function boundIssue(where: string, position: Position, error: ErrorObject): Issue {
  const limit = Number((error.params as Record<string, unknown>).limit);
  const description = error.parentSchema?.description;
  return {
    position,
    message: `${where}: must be ≤ ${grouped(limit)}, got ${String(error.data)}`,
    hint: typeof description === 'string' ? description : undefined,
  };
}

/** Keys a feature may have, from the schema. */
export const FEATURE_KEYS: readonly string[] = Object.keys(schema.definitions.feature.properties);

/**
 * True when `object` has a key outside `allowed` that is a likely misspelling of one of
 * `wanted`: the "missing key" error would then repeat the "unknown key" one.
 */
export function hasTypoFor(object: unknown, allowed: readonly string[], wanted: readonly string[]): boolean {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return false;
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  return unknown.some((key) => closest(key, wanted, 1).length > 0);
}

/** ajv's `type` param in words: `object` → "a map". */
function typeWords(type: unknown): string {
  const words: Record<string, string> = {
    object: 'a map',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'empty',
  };
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => words[String(t)] ?? String(t)).join(' or ');
}

/**
 * `/features/ticket-summary/traffic/0` → `['features', 'ticket-summary', 'traffic', 0]`: list
 * indexes become numbers by looking at the data, so messages can print `traffic[0]`.
 */
function decodePointer(pointer: string, data: unknown): KeyPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
