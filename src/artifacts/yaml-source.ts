/**
 * YAML reading shared by the artifact parsers: the config's reader (src/config/yaml-tree.ts, with
 * its size, alias, alias-expansion, cycle and depth limits) with its errors as ArtifactErrors
 * naming file:line:column; keys found with their lines; plain values read safely.
 */

import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { MAX_TOKENS } from '../bounds.js';
import { didYouMean, grouped } from '../text/index.js';
import { readYamlTree } from '../config/index.js';
import { ArtifactError } from '../errors.js';
import type { Position } from '../types.js';

/** A parsed YAML text with what is needed to report positions in the file it came from. */
export interface YamlSource {
  file: string;
  doc: Document;
  /**
   * The document as plain data: prototype-less maps, aliases expanded within the reader's limits,
   * never a cycle.
   */
  value: unknown;
  lines: LineCounter;
  /** Added to YAML lines to get file lines (front matter starts on line 2). */
  lineOffset: number;
}

const YAML_HINT =
  'Fix the YAML at that position: check the indentation, and quote values that contain ": " or start with {, [, *, & or !.';

/**
 * Parses YAML text with the limits of the config reader. Malformed YAML, duplicate keys, alias
 * bombs, aliases inside the node they name and nesting past 64 levels throw an ArtifactError at
 * the first problem's position.
 */
export function parseYaml(file: string, text: string, lineOffset = 0): YamlSource {
  const tree = readYamlTree(text, file, {
    error: (message, options) => new ArtifactError(message, options),
    lineOffset,
    what: 'a prompt or agent file',
    sizeHint: 'Keep prompt and agent files under 1 MiB; large data belongs in traffic files.',
    syntaxHint: YAML_HINT,
    oneDocument: 'a prompt or agent file is one document',
  });
  return { file, doc: tree.doc, value: tree.value, lines: tree.lineCounter, lineOffset };
}

/** 1-based file position of a node's start. */
export function positionOf(src: YamlSource, node: Node | null | undefined): Position {
  const offset = node?.range?.[0] ?? 0;
  const p = src.lines.linePos(offset);
  return { line: p.line + src.lineOffset, column: p.col };
}

/** The pair of `map` whose scalar key equals one of `keys` (first spelling found wins). */
export function findPair(
  map: unknown,
  keys: readonly string[],
): { key: string; pair: Pair<Node, Node | null> } | undefined {
  if (!isMap(map)) return undefined;
  for (const key of keys) {
    for (const pair of (map as YAMLMap<Node, Node | null>).items) {
      if (isScalar(pair.key) && String(pair.key.value) === key) return { key, pair };
    }
  }
  return undefined;
}

/** Line of a key in the file. */
export function keyLine(src: YamlSource, pair: Pair<Node, Node | null>): number {
  return positionOf(src, pair.key).line;
}

/** An own property of plain data, never one inherited from Object.prototype. */
export function own(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** True for a YAML/JSON mapping (not a list, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Line where a scalar's text starts: the line after the header for block scalars (`|`, `>`),
 * the value's own line otherwise. Used to turn template lines into file lines.
 */
export function textStartLine(src: YamlSource, node: Node | null | undefined): number {
  const line = positionOf(src, node).line;
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') ? line + 1 : line;
}

/** Copies plain data into prototype-less objects, so a `__proto__` key is just data. */
export function toPlainData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toPlainData);
  if (isRecord(v)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(v)) out[k] = toPlainData(v[k]);
    return out;
  }
  return v;
}

export { isMap, isScalar, isSeq };

/** Options for reading a numeric setting under one of several spellings. */
export interface NumberKeyRead {
  value?: number;
  /** The spelling found. */
  key?: string;
  line?: number;
}

/**
 * Reads the first of `keys` present in `map` as a number. `integer` settings (max tokens) must be
 * whole, ≥ 1 and ≤ {@link MAX_TOKENS}; a wrong type throws, since a silently ignored cap would misprice the feature.
 * Non-integer settings of the wrong type are skipped with a note.
 */
export function readNumberKey(
  src: YamlSource,
  map: unknown,
  keys: readonly string[],
  where: string,
  integer: boolean,
  notes: string[],
): NumberKeyRead {
  const found = findPair(map, keys);
  if (!found) return {};
  const line = keyLine(src, found.pair);
  const node = found.pair.value;
  const raw: unknown = isScalar(node) ? node.value : node ? node.toJSON() : null;
  let n: number | undefined;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw)) {
    n = Number(raw);
    notes.push(`${where}${found.key} at line ${line} is a quoted number ("${raw}"); read as ${n}`);
  }
  if (integer) {
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > MAX_TOKENS) {
      const pos = positionOf(src, node ?? found.pair.key);
      const range = n !== undefined && n > MAX_TOKENS ? `≤ ${grouped(MAX_TOKENS)}` : '≥ 1';
      throw new ArtifactError(
        `${where}${found.key} must be a whole number of tokens ${range}, got ${JSON.stringify(raw ?? null)}`,
        {
          location: { file: src.file, line: pos.line, column: pos.column },
          hint: `Write it as a number, e.g. ${found.key}: 400.`,
        },
      );
    }
  } else if (n === undefined || !Number.isFinite(n)) {
    notes.push(`${where}${found.key} at line ${line} is not a number; ignored`);
    return { key: found.key, line };
  }
  return { value: n, key: found.key, line };
}

/**
 * Refuses the keys of `map` that are neither in `known` nor in `priced` but are a likely
 * misspelling of a `priced` key (the config's did-you-mean rule): `maxToken:` would otherwise be
 * skipped and the output cap silently left out of the price. Other unknown keys stay allowed,
 * since prompt formats carry keys of their own tools. `where` names the map (` in modelParameters`).
 */
export function refuseMisspelledKeys(
  src: YamlSource,
  map: Node | null | undefined,
  where: string,
  priced: readonly string[],
  known: readonly string[],
): void {
  if (!isMap(map)) return;
  for (const pair of (map as YAMLMap<Node, Node | null>).items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (priced.includes(key) || known.includes(key)) continue;
    const suggestion = didYouMean(key, priced);
    if (!suggestion) continue;
    throw new ArtifactError(`unknown key "${key.length > 60 ? `${key.slice(0, 57)}...` : key}"${where}${suggestion}`, {
      location: { file: src.file, ...positionOf(src, pair.key) },
      hint: 'A misspelled key is not read, so its setting would be left out of the price without a word: spell it as suggested.',
    });
  }
}

/** Key names whose value is prompt text, a model or a limit in some prompt format or runtime. */
const TEXT_KEY =
  /prompt|system|instruction|template|content|message|context|persona|preamble|example|shot|model|token|limit|tool|function|schema|input|output/i;
/** Strings at most this many are looked at per key (a huge data list stops early). */
const MAX_STRINGS_LOOKED_AT = 200;

/** What an unread value would change if it were sent: text, a model or a limit, else null. */
function unreadWhat(key: string, value: unknown): 'text' | 'model' | 'limit' | null {
  if (value === null || value === undefined || value === '' || value === false) return null;
  if (/model/i.test(key)) return 'model';
  if (/token|limit/i.test(key)) return 'limit';
  if (TEXT_KEY.test(key)) return 'text';
  // Any key holding prose or a template is text someone may send, whatever it is called.
  let looked = 0;
  const prose = (v: unknown): boolean => {
    if (looked++ > MAX_STRINGS_LOOKED_AT) return false;
    if (typeof v === 'string') return v.includes('\n') || v.includes('{{') || (v.length >= 40 && v.includes(' '));
    if (Array.isArray(v)) return v.some(prose);
    if (isRecord(v)) return Object.keys(v).some((k) => prose(v[k]));
    return false;
  };
  return prose(value) ? 'text' : null;
}

/**
 * The no-silent-miss rule: adds a note for each key of `map` that the reader does not use
 * (`known` lists the keys it reads or knows to be price-neutral) whose value looks like prompt
 * text, a model or a limit, naming the key and its file line. A PR that edits such a key changes
 * nothing aicost prices, and the note says so instead of a silent "unchanged".
 */
export function noteUnreadKeys(
  src: YamlSource,
  map: Node | null | undefined,
  where: string,
  known: readonly string[],
  notes: string[],
): void {
  if (!isMap(map)) return;
  for (const pair of (map as YAMLMap<Node, Node | null>).items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (known.includes(key)) continue;
    const value: unknown = pair.value ? pair.value.toJSON() : null;
    const what = unreadWhat(key, value);
    if (!what) continue;
    const shown = key.length > 60 ? `${key.slice(0, 57)}...` : key;
    notes.push(
      `${where}${shown} at line ${keyLine(src, pair)} is not read by aicost, so the ${what} it holds is not priced`,
    );
  }
}
