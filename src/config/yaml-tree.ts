/**
 * Turns YAML text into plain data plus the position of every key and value, with the limits a
 * file from a pull request needs: a size cap, an alias cap, a cap on what aliases expand into,
 * a nesting cap, aliases inside the node they name and duplicate keys refused. Maps become
 * prototype-less objects, so keys such as `__proto__` or `constructor` are ordinary data.
 *
 * This is the one YAML reader of aicost: `.aicost.yml` (ConfigError) and every prompt and agent
 * file or front matter (ArtifactError, through src/artifacts/yaml-source.ts) go through it.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { ConfigError } from '../errors.js';
import type { AicostError, SourceLocation } from '../errors.js';
import type { Position } from '../types.js';
import { clip } from './percent.js';
import { grouped } from '../text/index.js';

/** Larger config files are refused before parsing. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** More alias nodes than this are refused (yaml's own `maxAliasCount` default, made strict). */
export const MAX_ALIASES = 100;
/** Values produced by expanding aliases, summed over the file: a billion-laughs file hits this. */
export const MAX_ALIAS_EXPANSION = 10_000;
/** Maps and lists nested deeper than this are refused (the config needs 4 levels). */
export const MAX_DEPTH = 64;

let nodesConverted = 0;

/**
 * YAML nodes converted to data so far in this process, every alias expansion included. Tests
 * bound an alias bomb's work by this count instead of a clock.
 */
export function yamlNodesConverted(): number {
  return nodesConverted;
}

/** A path of keys and list indexes from the document root. */
export type KeyPath = readonly (string | number)[];

/** How a reader words its errors; the defaults are the config's. */
export interface YamlReadOptions {
  /** Builds the error thrown (default: ConfigError). */
  error?: (message: string, options: { location: SourceLocation; hint?: string }) => AicostError;
  /** Added to YAML lines to get file lines (front matter starts on line 2). */
  lineOffset?: number;
  /** What the file is, for the size message: `a config file`. */
  what?: string;
  /** Hint of the size error. */
  sizeHint?: string;
  /** Hint of a syntax error. */
  syntaxHint?: string;
  /** Said of a second `---`: `a config is one document`. */
  oneDocument?: string;
}

const CONFIG_TEXT = {
  what: 'a config file',
  sizeHint: 'Keep .aicost.yml to features, teams and policies; traffic samples belong in their own files (traffic:).',
  syntaxHint: 'Fix the YAML syntax at this position (a YAML linter or your editor can show it).',
  oneDocument: 'a config is one document',
};

/** Plain data of a YAML document with where each key and value sits. */
export interface YamlTree {
  /** The parsed document, for readers that look at nodes (key lines, block scalar styles). */
  doc: Document.Parsed;
  /** Offsets of `doc` → YAML lines and columns (without the line offset). */
  lineCounter: LineCounter;
  /** Plain data: null-prototype objects, arrays, strings, numbers, booleans and null. */
  value: unknown;
  /** Position of each map key (by {@link pathId}); list items map to the item's position. */
  keyPositions: Map<string, Position>;
  /** Position of each value (by {@link pathId}); empty values fall back to their key. */
  valuePositions: Map<string, Position>;
}

/** Unambiguous map key for a path (keys may contain dots). */
export function pathId(path: KeyPath): string {
  return JSON.stringify(path.map(String));
}

/**
 * Parses `text` as one YAML document (YAML 1.2 core schema) and converts it to plain data.
 * Throws (a ConfigError unless `options.error` says otherwise) naming `file:line:column` for
 * syntax errors, duplicate keys, aliases without an anchor, inside the node they name or beyond
 * the limits, nesting past {@link MAX_DEPTH}, non-text keys, and text over {@link MAX_CONFIG_BYTES}.
 */
export function readYamlTree(text: string, file: string, options: YamlReadOptions = {}): YamlTree {
  const words = { ...CONFIG_TEXT, ...options };
  const makeError =
    options.error ?? ((message: string, o: { location: SourceLocation; hint?: string }) => new ConfigError(message, o));
  const lineOffset = options.lineOffset ?? 0;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CONFIG_BYTES) {
    throw makeError(
      `the file is ${grouped(bytes)} bytes, over the 1 MiB (${grouped(MAX_CONFIG_BYTES)} bytes) limit for ${words.what}`,
      {
        location: { file },
        hint: words.sizeHint,
      },
    );
  }

  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  // Typed as a `never` function so that TypeScript narrows after a call.
  const fail: (message: string, position: Position, hint?: string) => never = (message, position, hint) => {
    throw makeError(message, { location: { file, ...position }, hint });
  };

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      // Only plain YAML 1.2 data: no !!binary, !!set or !!timestamp objects from explicit tags.
      resolveKnownTags: false,
    });
  } catch (error) {
    // The composer recurses per nesting level; a pathological file can exhaust the stack.
    if (error instanceof RangeError) fail('the YAML is nested too deeply to read', { line: 1 + lineOffset, column: 1 });
    throw error;
  }

  // Duplicate keys are reported below with their path; every other YAML error stops here.
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0]);
  if (syntax.length > 0) {
    const first = syntax[0];
    fail(syntaxMessage(first.code, first.message, words.oneDocument), at(first.pos[0]), words.syntaxHint);
  }

  // One pass in document order finds, for every alias, the last anchor of that name before it
  // (the YAML rule), and counts aliases before anything is expanded.
  const anchors = new Map<string, YamlNode>();
  const aliasTargets = new Map<YamlNode, YamlNode | undefined>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      aliasTargets.set(node, anchors.get(node.source));
      if (aliasTargets.size > MAX_ALIASES) {
        fail(
          `the file uses more than ${MAX_ALIASES} YAML aliases (*${clip(node.source, 40)} is number ${aliasTargets.size}); aicost refuses this to guard against alias bombs`,
          at(node.range?.[0] ?? 0),
          'Write the repeated values out, or use fewer anchors and aliases.',
        );
      }
      return;
    }
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) anchors.set(node.anchor, node);
  });

  const keyPositions = new Map<string, Position>();
  const valuePositions = new Map<string, Position>();
  const open = new Set<YamlNode>();
  const keysByOffset = new Map<number, string>();
  let expanded = 0;

  const remember = (positions: Map<string, Position>, path: KeyPath, position: Position): void => {
    const id = pathId(path);
    // Through an alias the same path can be reached twice; the first (outermost) place wins.
    if (!positions.has(id)) positions.set(id, position);
  };

  const nodeStart = (node: YamlNode | null | undefined): number | undefined => {
    const range = node?.range;
    // A missing value (`team:` with nothing after it) has an empty range at the line's end.
    return range && range[1] > range[0] ? range[0] : undefined;
  };

  const convert = (
    node: unknown,
    path: KeyPath,
    depth: number,
    alias: { name: string; position: Position } | null,
  ): unknown => {
    nodesConverted++;
    if (depth > MAX_DEPTH)
      fail(
        `the YAML is nested more than ${MAX_DEPTH} levels deep`,
        valuePositions.get(pathId(path)) ?? { line: 1 + lineOffset, column: 1 },
      );
    if (alias && ++expanded > MAX_ALIAS_EXPANSION) {
      fail(
        `YAML aliases expand into more than ${grouped(MAX_ALIAS_EXPANSION)} values (here at *${clip(alias.name, 40)}); aicost refuses this to guard against alias bombs`,
        alias.position,
        'Write the repeated values out, or use fewer anchors and aliases.',
      );
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const position = at(node.range?.[0] ?? 0);
      const target = aliasTargets.get(node);
      if (!target)
        return fail(`alias *${clip(node.source, 40)} has no anchor &${clip(node.source, 40)} before it`, position);
      if (open.has(target)) fail(`alias *${clip(node.source, 40)} refers to a map or list that contains it`, position);
      return convert(target, path, depth, alias ?? { name: node.source, position });
    }
    if (isScalar(node)) return scalarValue(node.value, node.source);
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      open.add(node);
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyStart = nodeStart(keyNode) ?? keyNode?.range?.[0] ?? node.range?.[0] ?? 0;
        const keyPosition = at(keyStart);
        const key = keyText(keyNode);
        if (key === undefined)
          return fail(`a key${where(path)} is empty or not plain text; keys must be plain strings`, keyPosition);
        keysByOffset.set(keyStart, key);
        const childPath = [...path, key];
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          const first = keyPositions.get(pathId(childPath));
          const firstLine = first ? ` (first set on line ${first.line})` : '';
          fail(
            `duplicate key "${clip(key, 60)}"${where(path)}${firstLine}`,
            keyPosition,
            'Keep one of the two entries.',
          );
        }
        remember(keyPositions, childPath, keyPosition);
        const valueStart = nodeStart(pair.value as YamlNode | null);
        remember(valuePositions, childPath, valueStart === undefined ? keyPosition : at(valueStart));
        out[key] = convert(pair.value, childPath, depth + 1, alias);
      }
      open.delete(node);
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      open.add(node);
      node.items.forEach((item, index) => {
        const childPath = [...path, index];
        const start = nodeStart(item as YamlNode | null) ?? node.range?.[0] ?? 0;
        remember(keyPositions, childPath, at(start));
        remember(valuePositions, childPath, at(start));
        out.push(convert(item, childPath, depth + 1, alias));
      });
      open.delete(node);
      return out;
    }
    return null;
  };

  const rootStart = nodeStart(doc.contents as YamlNode | null);
  valuePositions.set(pathId([]), rootStart === undefined ? { line: 1 + lineOffset, column: 1 } : at(rootStart));
  const value = convert(doc.contents, [], 0, null);
  // yaml compares keys by value, the conversion by text: `1.0:` and `1.00:` are one key to yaml.
  const duplicate = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (duplicate) {
    const key = keysByOffset.get(duplicate.pos[0]);
    fail(
      key === undefined ? 'duplicate key' : `duplicate key "${clip(key, 60)}"`,
      at(duplicate.pos[0]),
      'Keep one of the two entries.',
    );
  }
  return { doc, lineCounter, value, keyPositions, valuePositions };
}

/** yaml's error text, except where it speaks to programmers rather than to the file's author. */
function syntaxMessage(code: string, message: string, oneDocument: string): string {
  if (code === 'MULTIPLE_DOCS')
    return `invalid YAML: the file holds more than one YAML document (a second \`---\`); ${oneDocument}`;
  // The composer recurses per nesting level and reports a stack overflow as a plain error.
  if (/call stack/i.test(message)) return 'the YAML is nested too deeply to read';
  return `invalid YAML: ${message}`;
}

/** ` in features.ticket-summary`, or ` at the top level`, for messages. */
function where(path: KeyPath): string {
  return path.length === 0 ? ' at the top level' : ` in ${dottedPath(path)}`;
}

/** `features.ticket-summary.traffic[0]`: the path as people read it in messages. */
export function dottedPath(path: KeyPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** The text of a plain key; undefined for empty, null or collection keys. */
function keyText(node: YamlNode | null): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const { value } = node;
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (value === null || value === undefined) return undefined;
  // `1.10: x` stays "1.10", not "1.1": use the key as written when it is not a string.
  return typeof node.source === 'string' && node.source.length > 0 ? node.source : String(value);
}

/** Scalar values as plain data; timestamps and binaries (YAML 1.1 documents) become text. */
function scalarValue(value: unknown, source: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'bigint') return Number(value);
  return typeof source === 'string' ? source : String(value);
}
