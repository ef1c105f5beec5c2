/**
 * The structured fields of a traffic line: usage (inclusive counts), the timestamp, recorded
 * messages (text parts only, redactions as null), params (with the max-tokens and reasoning-effort
 * spellings of each API) and per-variable token counts.
 */

import { utcMillis } from './datetime.js';
import { count, get, isRecord, kindOf, LINE_BOUNDS, LineProblem, safeCopy, show, type Json } from './line-values.js';
import type { Encoding, RecordedMessage, Sample, SampleUsage } from '../types.js';

const ENCODINGS: readonly Encoding[] = ['o200k_base', 'cl100k_base'];
/** Parts of OpenAI chat/responses and Anthropic messages that carry text. */
const TEXT_PARTS: ReadonlySet<string> = new Set(['text', 'input_text', 'output_text']);
/** What exporters write in place of text they must not keep. */
const REDACTED = '[redacted]';

/** Counts are integers ≥ 0; cache counts are subsets of input, reasoning of output (inclusive semantics). */
export function readUsage(u: unknown): SampleUsage {
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

export function readMessages(v: unknown): RecordedMessage[] {
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

export function readParams(v: unknown): NonNullable<Sample['params']> {
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

export function readVarTokens(v: unknown): Record<string, Partial<Record<Encoding, number>>> {
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
