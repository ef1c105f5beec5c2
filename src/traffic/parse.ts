/**
 * One line of normalised traffic JSONL (version 1) → a `Sample`, or the reason it is unusable.
 * The format is in DESIGN.md "Traffic samples" and shared/reference/formats.md §8.
 *
 * Untrusted maps (`vars`, `params`, `var_tokens`) are copied into objects without a prototype,
 * and `__proto__` keys are dropped, so no later merge or lookup can reach Object.prototype.
 */

import { MAX_TOKENS } from '../bounds.js';
import { utcMillis } from './datetime.js';
import type { Encoding, RecordedMessage, Sample, SampleUsage, ServiceTier } from '../types.js';

/** Why a line was skipped; the message is the `BadLine.reason`. */
export class LineProblem extends Error {}

/** A sample, or the reason the line is skipped. */
export type LineResult = { ok: true; sample: Sample } | { ok: false; reason: string };

/** Nesting deeper than this in `vars`/`params` is refused rather than copied recursively. */
const MAX_DEPTH = 64;

/**
 * Bounds of a line's numbers. A value past one makes the line a bad line (counted against
 * `replay.max_bad_lines`), so that no weighted sum of a feature can overflow to Infinity and then
 * print as $0 or null: with 10^6 samples at the largest weight, token count and price (10^6 USD per
 * 1M tokens, the config's bound) every sum stays below 10^40.
 */
export const LINE_BOUNDS = {
  /** Tokens of one call, any kind (src/bounds.ts). */
  tokens: MAX_TOKENS,
  /** Real calls one line stands for: 10^12, the bound of a feature's monthly volume. */
  maxWeight: 1e12,
  /** Below this a weight is rounding noise that would underflow weighted sums to 0. */
  minWeight: 1e-6,
  /** Source-reported cost of one line, USD: a billion dollars is no real call. */
  costUsd: 1e9,
  /** Agent step index within a trace. */
  step: 1_000_000,
  /** Last millisecond of year 9999: later timestamps are not dates JavaScript can print. */
  tsMs: 253_402_300_799_999,
} as const;

const TIERS: ReadonlySet<string> = new Set<ServiceTier>(['standard', 'batch', 'flex', 'priority']);
const ENCODINGS: readonly Encoding[] = ['o200k_base', 'cl100k_base'];
/** Parts of OpenAI chat/responses and Anthropic messages that carry text. */
const TEXT_PARTS: ReadonlySet<string> = new Set(['text', 'input_text', 'output_text']);
/** What exporters write in place of text they must not keep. */
const REDACTED = '[redacted]';

type Json = Record<string, unknown>;

/**
 * Parses and validates one line (already decoded, not blank). Unknown fields are ignored.
 * A missing `id` becomes `file:line`; a missing `feature` becomes `defaultFeature` when given.
 */
export function parseSampleLine(text: string, file: string, line: number, defaultFeature?: string): LineResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // V8 quotes part of the line in its message; traffic may hold customer text, so keep only the position.
    const at = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
    return {
      ok: false,
      reason: at ? `is not valid JSON (error at character ${Number(at[1]) + 1})` : 'is not valid JSON',
    };
  }
  return parseSampleObject(raw, file, line, defaultFeature);
}

/**
 * Validates one already-parsed record as a line of normalised traffic JSONL v1 (the same rules as
 * `parseSampleLine`): what an importer returns goes through here, so it cannot produce a sample
 * the JSONL reader would refuse. A missing `id` becomes `defaultId` (else `file:line`).
 */
export function parseSampleObject(
  raw: unknown,
  file: string,
  line: number,
  defaultFeature?: string,
  defaultId?: string,
): LineResult {
  if (!isRecord(raw)) return { ok: false, reason: `is not a JSON object (found ${kindOf(raw)})` };
  try {
    return { ok: true, sample: toSample(raw, file, line, defaultFeature, defaultId) };
  } catch (e) {
    if (e instanceof LineProblem) return { ok: false, reason: e.message };
    throw e;
  }
}

function toSample(o: Json, file: string, line: number, defaultFeature?: string, defaultId?: string): Sample {
  const version = get(o, 'v');
  if (version !== undefined && version !== 1)
    throw new LineProblem(`v is ${show(version)}: only version 1 of the traffic format is read`);

  const usage = readUsage(get(o, 'usage'));
  const vars = get(o, 'vars');
  const messages = get(o, 'messages');
  if (usage.inputTokens === undefined && vars === undefined && messages === undefined) {
    throw new LineProblem('needs usage.input_tokens, vars or messages (there is nothing to count)');
  }

  const sample: Sample = {
    id: idText(get(o, 'id'), 'id') ?? defaultId ?? `${file}:${line}`,
    file,
    line,
    usage,
    weight: 1,
  };
  const ts = readTs(get(o, 'ts'));
  if (ts !== undefined) sample.ts = ts;
  const feature = str(o, 'feature') ?? defaultFeature;
  if (feature !== undefined) sample.feature = feature;
  setStr(sample, 'promptRef', str(o, 'prompt_ref'));
  setStr(sample, 'model', str(o, 'model'));
  setStr(sample, 'responseModel', str(o, 'response_model'));
  setStr(sample, 'provider', str(o, 'provider'));
  setStr(sample, 'api', str(o, 'api'));
  if (vars !== undefined) {
    if (!isRecord(vars)) throw new LineProblem(`vars must be an object of template variables (found ${kindOf(vars)})`);
    sample.vars = safeCopy(vars, 'vars', 0) as Record<string, unknown>;
  }
  const varTokens = get(o, 'var_tokens');
  if (varTokens !== undefined) sample.varTokens = readVarTokens(varTokens);
  if (messages !== undefined) sample.messages = readMessages(messages);
  const params = get(o, 'params');
  if (params !== undefined) sample.params = readParams(params);
  setStr(sample, 'finishReason', str(o, 'finish_reason'));
  setStr(sample, 'traceId', idText(get(o, 'trace_id'), 'trace_id'));
  setStr(sample, 'parentId', idText(get(o, 'parent_id'), 'parent_id'));
  const step = get(o, 'step');
  if (step !== undefined) sample.step = count(step, 'step', LINE_BOUNDS.step);
  setStr(sample, 'agent', str(o, 'agent'));
  setStr(sample, 'status', str(o, 'status'));
  const tier = str(o, 'tier');
  if (tier !== undefined) {
    if (!TIERS.has(tier)) throw new LineProblem(`tier is "${tier}": use standard, batch, flex or priority`);
    sample.tier = tier as ServiceTier;
  }
  const weight = get(o, 'weight');
  if (weight !== undefined) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      throw new LineProblem(`weight must be a number above 0 (found ${show(weight)})`);
    }
    if (weight > LINE_BOUNDS.maxWeight || weight < LINE_BOUNDS.minWeight) {
      throw new LineProblem(
        `weight must be between ${bound(LINE_BOUNDS.minWeight)} and ${bound(LINE_BOUNDS.maxWeight)} (found ${show(weight)})`,
      );
    }
    sample.weight = weight;
  }
  const cost = get(o, 'cost_usd');
  if (cost !== undefined) {
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0)
      throw new LineProblem(`cost_usd must be a number ≥ 0 (found ${show(cost)})`);
    if (cost > LINE_BOUNDS.costUsd)
      throw new LineProblem(`cost_usd must be ≤ ${bound(LINE_BOUNDS.costUsd)} (found ${show(cost)})`);
    sample.costUsd = cost;
  }
  setStr(sample, 'source', str(o, 'source'));
  const user = get(o, 'user');
  if (user !== undefined && user !== null) {
    // Numeric ids (some exporters write them as numbers) are kept as their decimal text.
    const text = typeof user === 'number' && Number.isFinite(user) ? String(user) : user;
    if (typeof text !== 'string' || text === '' || text.length > 256)
      throw new LineProblem(`user must be a non-empty string of at most 256 characters (found ${show(user)})`);
    sample.user = text;
  }
  return sample;
}

/** Counts are integers ≥ 0; cache counts are subsets of input, reasoning of output (inclusive semantics). */
function readUsage(u: unknown): SampleUsage {
  if (u === undefined) throw new LineProblem('usage.output_tokens is missing');
  if (!isRecord(u)) throw new LineProblem(`usage must be an object (found ${kindOf(u)})`);
  const output = get(u, 'output_tokens');
  if (output === undefined) throw new LineProblem('usage.output_tokens is missing');
  const usage: SampleUsage = {
    cacheReadTokens: optCount(u, 'cache_read_tokens'),
    cacheWriteTokens: optCount(u, 'cache_write_tokens'),
    cacheWrite1hTokens: optCount(u, 'cache_write_1h_tokens'),
    outputTokens: count(output, 'usage.output_tokens'),
    reasoningTokens: optCount(u, 'reasoning_tokens'),
  };
  const input = get(u, 'input_tokens');
  if (input !== undefined) {
    usage.inputTokens = count(input, 'usage.input_tokens');
    const cached = usage.cacheReadTokens + usage.cacheWriteTokens + usage.cacheWrite1hTokens;
    if (cached > usage.inputTokens) {
      throw new LineProblem(
        `usage cache tokens (read ${usage.cacheReadTokens} + write ${usage.cacheWriteTokens} + write_1h ${usage.cacheWrite1hTokens} = ${cached}) exceed usage.input_tokens ${usage.inputTokens}: input_tokens must include cached tokens; the source wrote exclusive counts (input without the cache), which aicost does not guess at (formats §9 shows how each source converts)`,
      );
    }
  }
  if (usage.reasoningTokens > usage.outputTokens) {
    throw new LineProblem(
      `usage.reasoning_tokens ${usage.reasoningTokens} exceeds usage.output_tokens ${usage.outputTokens}: output_tokens must include reasoning tokens`,
    );
  }
  return usage;
}

function optCount(u: Json, key: string): number {
  const v = get(u, key);
  return v === undefined ? 0 : count(v, `usage.${key}`);
}

/** A whole number ≥ 0 and ≤ `max` (by default the token bound). */
function count(v: unknown, what: string, max: number = LINE_BOUNDS.tokens): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new LineProblem(`${what} must be a whole number ≥ 0 (found ${show(v)})`);
  }
  if (v > max) throw new LineProblem(`${what} must be ≤ ${bound(max)} (found ${show(v)})`);
  return v;
}

/** 100000000 → `100,000,000`; 1e-6 → `0.000001`. */
function bound(n: number): string {
  return n < 1 ? n.toFixed(6).replace(/0+$/, '') : n.toLocaleString('en-US');
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 date-time (offset required) or epoch milliseconds → epoch milliseconds. */
export function readTs(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0)
      throw new LineProblem(`ts must be an RFC 3339 date-time or epoch milliseconds (found ${v})`);
    if (v > LINE_BOUNDS.tsMs)
      throw new LineProblem(`ts ${v} is after the year 9999: write epoch milliseconds or an RFC 3339 date-time`);
    // 1e11 ms is March 1973; smaller values are almost surely seconds.
    if (v < 1e11)
      throw new LineProblem(`ts ${v} looks like epoch seconds: write epoch milliseconds or an RFC 3339 date-time`);
    return v;
  }
  const m = typeof v === 'string' ? RFC3339.exec(v) : null;
  if (!m)
    throw new LineProblem(
      `ts must be an RFC 3339 date-time such as 2025-06-02T09:14:03Z, or epoch milliseconds (found ${show(v)})`,
    );
  const ms = utcMillis(m);
  if (ms === undefined) throw new LineProblem(`ts ${show(v)} is not a valid date-time`);
  return ms;
}

function readMessages(v: unknown): RecordedMessage[] {
  if (!Array.isArray(v)) throw new LineProblem(`messages must be an array (found ${kindOf(v)})`);
  return v.map((m, i) => {
    const where = `messages[${i}]`;
    if (!isRecord(m)) throw new LineProblem(`${where} must be an object with role and content (found ${kindOf(m)})`);
    const role = get(m, 'role');
    if (typeof role !== 'string' || role === '') throw new LineProblem(`${where}.role must be a non-empty string`);
    const msg: RecordedMessage = { role, content: messageText(get(m, 'content'), where) };
    const name = get(m, 'name');
    if (name !== undefined) {
      if (typeof name !== 'string') throw new LineProblem(`${where}.name must be a string`);
      msg.name = name;
    }
    return msg;
  });
}

/**
 * A message's text: a string as is; `"[redacted]"`, null or absent → null (never tokenised);
 * an array of parts → its text parts joined with "\n", or null when no part is text
 * (images, audio, tool calls and results are priced from recorded usage, never as text).
 */
function messageText(content: unknown, where: string): string | null {
  if (content === undefined || content === null) return null;
  if (typeof content === 'string') return content === REDACTED ? null : content;
  if (!Array.isArray(content))
    throw new LineProblem(`${where}.content must be a string, null or an array of parts (found ${kindOf(content)})`);
  const texts: string[] = [];
  for (const part of content) {
    if (typeof part === 'string') {
      if (part !== REDACTED) texts.push(part);
    } else if (isRecord(part)) {
      const type = get(part, 'type');
      const text = get(part, 'text');
      if (typeof type === 'string' && TEXT_PARTS.has(type) && typeof text === 'string' && text !== REDACTED)
        texts.push(text);
    }
  }
  return texts.length ? texts.join('\n') : null;
}

function readParams(v: unknown): NonNullable<Sample['params']> {
  if (!isRecord(v)) throw new LineProblem(`params must be an object (found ${kindOf(v)})`);
  const params = safeCopy(v, 'params', 0) as NonNullable<Sample['params']>;
  // The camelCase keys are ours; a line cannot set them directly.
  delete params.maxTokens;
  delete params.reasoningEffort;
  // Chat says max_tokens (newer: max_completion_tokens), Responses says max_output_tokens.
  for (const key of ['max_tokens', 'max_completion_tokens', 'max_output_tokens']) {
    const max = params[key];
    delete params[key];
    if (max === undefined || max === null || params.maxTokens !== undefined) continue;
    params.maxTokens = count(max, `params.${key}`);
  }
  const effort = params['reasoning_effort'];
  delete params['reasoning_effort'];
  const reasoning = params['reasoning'];
  const nested = isRecord(reasoning) ? reasoning['effort'] : undefined;
  const chosen = effort ?? nested;
  if (chosen !== undefined && chosen !== null) {
    if (typeof chosen !== 'string') throw new LineProblem('params.reasoning_effort must be a string');
    params.reasoningEffort = chosen;
  }
  return params;
}

function readVarTokens(v: unknown): Record<string, Partial<Record<Encoding, number>>> {
  if (!isRecord(v))
    throw new LineProblem(
      `var_tokens must be an object {variable: {o200k_base: n, cl100k_base: n}} (found ${kindOf(v)})`,
    );
  const out = Object.create(null) as Record<string, Partial<Record<Encoding, number>>>;
  for (const name of Object.keys(v)) {
    if (name === '__proto__') continue;
    const counts = v[name];
    if (!isRecord(counts))
      throw new LineProblem(`var_tokens.${name} must be an object {o200k_base: n, cl100k_base: n}`);
    const entry = Object.create(null) as Partial<Record<Encoding, number>>;
    // Other encodings are ignored: aicost counts only with these two.
    for (const enc of ENCODINGS) {
      const n = get(counts, enc);
      if (n !== undefined) entry[enc] = count(n, `var_tokens.${name}.${enc}`);
    }
    out[name] = entry;
  }
  return out;
}

/** A deep copy whose objects have no prototype and no `__proto__` key. */
function safeCopy(v: unknown, where: string, depth: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) throw new LineProblem(`${where} nests deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(v)) return v.map((x) => safeCopy(x, where, depth + 1));
  const out = Object.create(null) as Json;
  for (const key of Object.keys(v)) {
    if (key === '__proto__') continue;
    out[key] = safeCopy((v as Json)[key], where, depth + 1);
  }
  return out;
}

/** An own property; JSON null counts as absent (exporters write null for "no value"). */
function get(o: Json, key: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = o[key];
  return v === null ? undefined : v;
}

function str(o: Json, key: string): string | undefined {
  const v = get(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new LineProblem(`${key} must be a string (found ${kindOf(v)})`);
  return v;
}

/** Ids may be written as numbers by some exporters; they are compared as text. */
function idText(v: unknown, key: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new LineProblem(`${key} must be a string (found ${kindOf(v)})`);
}

function setStr<
  K extends
    | 'promptRef'
    | 'model'
    | 'responseModel'
    | 'provider'
    | 'api'
    | 'finishReason'
    | 'traceId'
    | 'parentId'
    | 'agent'
    | 'status'
    | 'source'
    | 'user',
>(sample: Sample, key: K, value: string | undefined): void {
  if (value !== undefined) sample[key] = value;
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value for a message: short scalars as written, anything else by kind (lines may hold customer text). */
function show(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string' && v.length <= 40) return JSON.stringify(v);
  return kindOf(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `${typeof v} ${String(v)}`;
}
