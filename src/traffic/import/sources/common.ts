/**
 * Shared rules of the source importers: reading untrusted values (own properties only, counts that
 * may be numeric strings, JSON that may arrive as a string), the provider usage conventions
 * (OpenAI inclusive, Anthropic exclusive of cache), times and messages. Building an importer from
 * these (the normalised line, its `where:` fields, batch pairs) is in importer.ts.
 *
 * Everything here is pure. A bad value throws `BadField` naming the field; `importer()` turns it
 * into `{ ok: false, reason }`, so no importer throws to the reader.
 */

import { utcMillis } from '../../datetime.js';
import { kindOf, show } from '../../line-values.js';

// Records may hold customer text: messages show short scalars as written, anything else by kind.
export { kindOf, show };

export type Json = Record<string, unknown>;

/** A record's field is unusable; the message names it. Caught in `importer()`. */
export class BadField extends Error {}

/** Objects nested deeper than this are not copied (vars, params, messages) nor flattened. */
const MAX_DEPTH = 32;

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property; JSON null counts as absent (exporters write null for "no value"). */
export function get(o: unknown, key: string): unknown {
  if (!isRecord(o) || !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = o[key];
  return v === null ? undefined : v;
}

/** Whether a record has the own key (even when its value is null). */
export function has(o: unknown, key: string): boolean {
  return isRecord(o) && Object.prototype.hasOwnProperty.call(o, key);
}

/**
 * A value by dotted path through own properties, each step also tried as a flat key (CSV and
 * DataFrame exports write `context.span_id` as one column; Phoenix writes `llm.token_count.prompt`
 * as one attribute key). Objects that arrive as JSON text are parsed on the way.
 */
export function pick(o: unknown, path: string): unknown {
  if (!isRecord(o)) return undefined;
  const direct = get(o, path);
  if (direct !== undefined) return direct;
  // Each prefix before a dot as one key, then the rest of the path inside it.
  for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
    const head = get(o, path.slice(0, dot));
    if (head === undefined) continue;
    const inner = typeof head === 'string' ? parseJsonText(head) : head;
    const v = pick(inner, path.slice(dot + 1));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The first path that has a value. */
export function first(o: unknown, ...paths: string[]): unknown {
  for (const p of paths) {
    const v = pick(o, p);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A field by its camelCase name or its snake_case spelling (Langfuse v4 export, Python SDK dumps). */
export function camelOrSnake(o: unknown, camel: string): unknown {
  let snake = SNAKE.get(camel);
  if (snake === undefined) {
    snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    SNAKE.set(camel, snake);
  }
  return first(o, camel, snake);
}

/** camelCase → snake_case, for the few field names the importers spell (a bounded set). */
const SNAKE = new Map<string, string>();

/** The last JSON text parsed: one record's `metadata` text is read by several paths in a row. */
let lastText: string | undefined;
let lastValue: unknown;

/** JSON text of an object or array → the value; anything else → undefined. */
export function parseJsonText(s: string): unknown {
  const t = s.trimStart();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  if (s === lastText) return lastValue;
  let value: unknown;
  try {
    value = JSON.parse(s) as unknown;
  } catch {
    value = undefined;
  }
  lastText = s;
  lastValue = value;
  return value;
}

/** An object (or JSON text of one, as CSV exports and some loggers write it), else undefined. */
export function obj(v: unknown, field: string): Json | undefined {
  if (v === undefined || v === '') return undefined;
  const parsed = typeof v === 'string' ? parseJsonText(v) : v;
  if (isRecord(parsed)) return parsed;
  throw new BadField(`${field} must be an object (found ${kindOf(v)})`);
}

/** An array (or JSON text of one), else undefined. */
export function arr(v: unknown, field: string): unknown[] | undefined {
  if (v === undefined || v === '') return undefined;
  const parsed = typeof v === 'string' ? parseJsonText(v) : v;
  if (Array.isArray(parsed)) return parsed;
  throw new BadField(`${field} must be an array (found ${kindOf(v)})`);
}

/** A token count: a whole number ≥ 0, also written as `3010.0` or as a numeric string (CSV, Decimals). */
export function count(v: unknown, field: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'string' && /^\s*\d+(\.0*)?\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    throw new BadField(`${field} must be a whole number ≥ 0 (found ${show(v)})`);
  return n;
}

/** A cost in USD: a number ≥ 0 or a decimal string (LangSmith Decimals, CSV). */
export function usd(v: unknown, field: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'string' && /^\s*\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
    throw new BadField(`${field} must be a cost in USD ≥ 0 (found ${show(v)})`);
  return n;
}

/** A text value; numbers are accepted as ids are often numeric. */
export function text(v: unknown, field: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new BadField(`${field} must be a string (found ${kindOf(v)})`);
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})|(?:\+00)?)$/;

/**
 * A time → RFC 3339 UTC with milliseconds. ISO 8601 text without a zone is UTC (LiteLLM,
 * LangSmith write it so); numbers are epoch seconds (LiteLLM payloads, Braintrust, OpenAI
 * `created`) unless they are large enough to be milliseconds.
 */
export function isoTime(v: unknown, field: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  let ms: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) throw new BadField(`${field} must be a time (found ${show(v)})`);
    ms = v < 1e11 ? Math.round(v * 1000) : Math.round(v);
  } else if (typeof v === 'string') {
    const m = ISO.exec(v.trim());
    if (!m) throw new BadField(`${field} must be an ISO 8601 time such as 2026-07-14T09:12:03Z (found ${show(v)})`);
    const at = utcMillis(m);
    if (at === undefined) throw new BadField(`${field} ${show(v)} is not a valid date-time`);
    ms = at;
  } else {
    throw new BadField(`${field} must be a time (found ${kindOf(v)})`);
  }
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || ms > 253_402_300_799_999)
    throw new BadField(`${field} must be a time (found ${show(v)})`);
  return d.toISOString();
}

/** A deep copy without prototypes or `__proto__` keys, for values copied into a line (vars, params, messages). */
export function clean(v: unknown, field: string, depth = 0): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) throw new BadField(`${field} nests deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(v)) return v.map((x) => clean(x, field, depth + 1));
  const out = Object.create(null) as Json;
  for (const key of Object.keys(v)) {
    if (key === '__proto__') continue;
    out[key] = clean((v as Json)[key], field, depth + 1);
  }
  return out;
}

/** Inclusive usage, as the normalised line counts it. */
export interface Usage {
  /** Includes cache reads and writes; undefined when the source has no input count. */
  input?: number;
  cacheRead: number;
  /** 5-minute or unknown TTL. */
  cacheWrite: number;
  cacheWrite1h: number;
  /** Includes reasoning. */
  output: number;
  reasoning: number;
}

/** The `usage` object of a line; zero sub-counts are left out. */
export function usageJson(u: Usage): Json {
  const out: Json = {};
  if (u.input !== undefined) out['input_tokens'] = u.input;
  if (u.cacheRead) out['cache_read_tokens'] = u.cacheRead;
  if (u.cacheWrite) out['cache_write_tokens'] = u.cacheWrite;
  if (u.cacheWrite1h) out['cache_write_1h_tokens'] = u.cacheWrite1h;
  out['output_tokens'] = u.output;
  if (u.reasoning) out['reasoning_tokens'] = u.reasoning;
  return out;
}

/**
 * OpenAI Chat Completions or Responses `usage` (inclusive input and output). Chat:
 * `prompt_tokens`, `prompt_tokens_details.{cached_tokens,cache_write_tokens}`, `completion_tokens`,
 * `completion_tokens_details.reasoning_tokens`; Responses: `input_tokens`, `input_tokens_details.*`,
 * `output_tokens`, `output_tokens_details.reasoning_tokens`. Undefined when there is no output count.
 */
export function openaiUsage(u: unknown, field: string): Usage | undefined {
  if (!isRecord(u)) return undefined;
  const chat = has(u, 'prompt_tokens') || has(u, 'completion_tokens');
  const inKey = chat ? 'prompt_tokens' : 'input_tokens';
  const outKey = chat ? 'completion_tokens' : 'output_tokens';
  const inDetails = chat ? 'prompt_tokens_details' : 'input_tokens_details';
  const outDetails = chat ? 'completion_tokens_details' : 'output_tokens_details';
  const input = count(get(u, inKey), `${field}.${inKey}`);
  // Embeddings report prompt_tokens and total_tokens only: no output.
  const output = count(get(u, outKey), `${field}.${outKey}`) ?? (input !== undefined ? 0 : undefined);
  if (output === undefined) return undefined;
  return {
    input,
    cacheRead: count(pick(u, `${inDetails}.cached_tokens`), `${field}.${inDetails}.cached_tokens`) ?? 0,
    cacheWrite: count(pick(u, `${inDetails}.cache_write_tokens`), `${field}.${inDetails}.cache_write_tokens`) ?? 0,
    cacheWrite1h: 0,
    output,
    reasoning: count(pick(u, `${outDetails}.reasoning_tokens`), `${field}.${outDetails}.reasoning_tokens`) ?? 0,
  };
}

/**
 * Anthropic Messages `usage`: `input_tokens` excludes cache reads and writes, so they are added.
 * Writes split by TTL from `cache_creation.ephemeral_{5m,1h}_input_tokens`; without the split,
 * all of `cache_creation_input_tokens` counts as 5-minute writes. Thinking tokens are in output.
 */
export function anthropicUsage(u: unknown, field: string): Usage | undefined {
  if (!isRecord(u)) return undefined;
  const output = count(get(u, 'output_tokens'), `${field}.output_tokens`);
  if (output === undefined) return undefined;
  const uncached = count(get(u, 'input_tokens'), `${field}.input_tokens`);
  const read = count(get(u, 'cache_read_input_tokens'), `${field}.cache_read_input_tokens`) ?? 0;
  const creation = count(get(u, 'cache_creation_input_tokens'), `${field}.cache_creation_input_tokens`) ?? 0;
  const w5 = count(
    pick(u, 'cache_creation.ephemeral_5m_input_tokens'),
    `${field}.cache_creation.ephemeral_5m_input_tokens`,
  );
  const w1h = count(
    pick(u, 'cache_creation.ephemeral_1h_input_tokens'),
    `${field}.cache_creation.ephemeral_1h_input_tokens`,
  );
  const split = w5 !== undefined || w1h !== undefined;
  if (split && creation !== 0 && (w5 ?? 0) + (w1h ?? 0) !== creation)
    throw new BadField(
      `${field}.cache_creation splits ${(w5 ?? 0) + (w1h ?? 0)} tokens but cache_creation_input_tokens is ${creation}`,
    );
  const write5 = split ? (w5 ?? 0) : creation;
  const write1h = split ? (w1h ?? 0) : 0;
  return {
    input: uncached === undefined ? undefined : uncached + read + write5 + write1h,
    cacheRead: read,
    cacheWrite: write5,
    cacheWrite1h: write1h,
    output,
    reasoning:
      count(pick(u, 'output_tokens_details.thinking_tokens'), `${field}.output_tokens_details.thinking_tokens`) ?? 0,
  };
}

/** Request parameters that replay reads, with numeric strings (Langfuse `modelParameters`) made numbers. */
export function requestParams(body: unknown, field: string): Json | undefined {
  if (!isRecord(body)) return undefined;
  const out: Json = {};
  for (const key of ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'n', 'seed']) {
    const v = count(get(body, key), `${field}.${key}`);
    if (v !== undefined) out[key] = v;
  }
  for (const key of ['temperature', 'top_p']) {
    const v = get(body, key);
    if (v === undefined) continue;
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw new BadField(`${field}.${key} must be a number (found ${show(v)})`);
    out[key] = n;
  }
  const effort = get(body, 'reasoning_effort') ?? pick(body, 'reasoning.effort');
  if (typeof effort === 'string') out['reasoning_effort'] = effort;
  const tools = get(body, 'tools');
  if (Array.isArray(tools) && tools.length > 0) out['tools_count'] = tools.length;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Request messages in the normalised shape (`[{role, content}]`): OpenAI chat `messages` as
 * they are; Anthropic `system` (text or blocks) in front of `messages`; Responses `instructions`
 * plus `input` (text or items). Undefined when the request carries none.
 */
export function requestMessages(body: unknown, field: string): unknown[] | undefined {
  if (!isRecord(body)) return undefined;
  const out: unknown[] = [];
  const system = get(body, 'system') ?? get(body, 'instructions');
  if (typeof system === 'string' || Array.isArray(system)) out.push({ role: 'system', content: system });
  const messages = get(body, 'messages');
  const input = get(body, 'input');
  if (Array.isArray(messages)) out.push(...messages);
  else if (typeof input === 'string') out.push({ role: 'user', content: input });
  else if (Array.isArray(input)) out.push(...input.filter((m) => isRecord(m) && typeof get(m, 'role') === 'string'));
  if (out.length === 0) return undefined;
  return clean(out, `${field}.messages`) as unknown[];
}

/**
 * A logged message list (an array, an object with `messages`, or JSON text of either) when every
 * item is a plain chat message `{role, content: text | parts | null}`; anything else (tool
 * payloads, custom objects) is not replayable text and gives undefined rather than a bad line.
 */
export function chatMessages(v: unknown, field: string): unknown[] | undefined {
  let list = typeof v === 'string' ? parseJsonText(v) : v;
  if (isRecord(list)) list = get(list, 'messages');
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const plain = list.every((m) => {
    const c = get(m, 'content');
    return typeof get(m, 'role') === 'string' && (c === undefined || typeof c === 'string' || Array.isArray(c));
  });
  return plain ? (clean(list, field) as unknown[]) : undefined;
}

/** Which provider a model string belongs to, when the source does not say. */
export function providerOf(model: string | undefined): string | undefined {
  if (!model) return undefined;
  const m = model.toLowerCase();
  if (/(^|[/.])claude/.test(m) || m.startsWith('anthropic')) return 'anthropic';
  if (/(^|\/)(gpt|o\d|chatgpt|text-embedding|davinci)/.test(m)) return 'openai';
  if (/(^|\/)gemini/.test(m)) return 'google';
  return undefined;
}
