/**
 * Helicone requests: `npx @helicone/export --format jsonl --include-body` lines (one
 * `HeliconeRequest` each), `POST /v1/request/query-clickhouse` results, and the 12-column CSV
 * export (no cache columns: prefer JSONL). Reference: traffic-sources.md §3.
 *
 * Counts are provider-native, so the response body's `usage` is read with its provider's rule when
 * the export has bodies; otherwise the columns: `prompt_tokens` is exclusive of cache for
 * Anthropic (the cache columns are added) and inclusive for the others; `completion_tokens`
 * excludes `reasoning_tokens` (Helicone's `total_tokens` is their sum with prompt). A stream
 * logged without usage has -1: refused. A Helicone cache hit (`cache_reference_id` set) made no
 * provider call: priced at 0. `model` is the requested model (what the code names), and
 * `response_model` the response's (or the gateway's `model_override`) when it differs.
 */

import type { Importer } from '../types.js';
import { anthropicLine, openaiLine } from './bodies.js';
import {
  BadField,
  count,
  first,
  get,
  has,
  isoTime,
  isRecord,
  obj,
  providerOf,
  requestMessages,
  requestParams,
  text,
  usageJson,
  usd,
  type Json,
  type Usage,
} from './common.js';
import { BODY_KEYS, callOf, importer, lineOf, type Mapped, modelPair } from './importer.js';

const NO_CACHE_HIT = '00000000-0000-0000-0000-000000000000';

/** Helicone's upper-case provider enum → the normalised provider. */
function providerName(p: string | undefined, model: string | undefined): string | undefined {
  if (!p) return providerOf(model);
  const name = p.toLowerCase();
  return name === 'aws' ? 'bedrock' : name;
}

/** Usage from the columns, with the provider's input rule. */
function columnUsage(o: Json, anthropic: boolean): Usage {
  const prompt = count(get(o, 'prompt_tokens'), 'prompt_tokens');
  const cacheRead = count(get(o, 'prompt_cache_read_tokens'), 'prompt_cache_read_tokens') ?? 0;
  const cacheWrite = count(get(o, 'prompt_cache_write_tokens'), 'prompt_cache_write_tokens') ?? 0;
  const completion = count(get(o, 'completion_tokens'), 'completion_tokens');
  const reasoning = count(get(o, 'reasoning_tokens'), 'reasoning_tokens') ?? 0;
  if (completion === undefined) throw new BadField('completion_tokens is missing');
  return {
    input: prompt === undefined ? undefined : anthropic ? prompt + cacheRead + cacheWrite : prompt,
    cacheRead,
    cacheWrite,
    cacheWrite1h: 0,
    output: completion + reasoning,
    reasoning,
  };
}

function detect(o: Json): boolean {
  return (
    has(o, 'request_created_at') &&
    (has(o, 'request_id') || has(o, 'response_id')) &&
    (has(o, 'request_model') || has(o, 'request_properties') || has(o, 'provider'))
  );
}

function map(o: Json): Mapped {
  if (get(o, 'prompt_tokens') === -1 || get(o, 'completion_tokens') === -1)
    return { reason: 'prompt_tokens is -1: a stream logged without usage (stream_options.include_usage off)' };
  const requestModel = text(first(o, 'request_model', 'model'), 'request_model');
  const answered = text(first(o, 'response_model', 'model_override'), 'response_model');
  const provider = providerName(text(get(o, 'provider'), 'provider'), answered ?? requestModel);
  const request = obj(get(o, 'request_body'), 'request_body');
  const response = obj(get(o, 'response_body'), 'response_body');
  const props = obj(get(o, 'request_properties'), 'request_properties');
  const notes: string[] = [];
  const hitId = text(get(o, 'cache_reference_id'), 'cache_reference_id');
  const hit = hitId !== undefined && hitId !== NO_CACHE_HIT;

  // Prefer the provider's own usage object: its inclusive/exclusive rule is known.
  const opt = { source: 'helicone', field: 'response_body' };
  const fromBody = isRecord(get(response, 'usage'))
    ? provider === 'anthropic'
      ? anthropicLine(request, response, opt)
      : openaiLine(request, response, opt)
    : undefined;
  const usage = hit
    ? { output_tokens: 0, input_tokens: 0 }
    : ((fromBody?.['usage'] as Json | undefined) ?? usageJson(columnUsage(o, provider === 'anthropic')));
  if (hit) notes.push('helicone: response-cache hit (no provider call): priced at 0');
  if (get(o, 'helicone_calculated') === true)
    notes.push('helicone: counts estimated by Helicone (no usage in the response)');
  const status = count(get(o, 'response_status'), 'response_status');
  const line = lineOf({
    id: text(first(o, 'request_id', 'response_id'), 'request_id'),
    ts: isoTime(get(o, 'request_created_at'), 'request_created_at'),
    source: 'helicone',
    provider,
    ...modelPair(requestModel, answered),
    api: fromBody?.['api'],
    trace_id: text(get(props, 'Helicone-Session-Id'), 'request_properties.Helicone-Session-Id'),
    messages: hit ? undefined : requestMessages(request, 'request_body'),
    params: hit ? undefined : requestParams(request, 'request_body'),
    usage,
    cost_usd: hit ? 0 : usd(first(o, 'cost', 'costUSD'), 'cost'),
    finish_reason: fromBody?.['finish_reason'],
    status: status === undefined || (status >= 200 && status < 300) ? 'ok' : 'error',
    user: text(get(o, 'request_user_id'), 'request_user_id'),
  });
  return { calls: [callOf(o, line, BODY_KEYS)], notes };
}

/** `@helicone/export` JSON/JSONL and query-clickhouse results. */
export const helicone: Importer = importer({
  format: 'helicone',
  label: 'Helicone requests',
  framing: 'json',
  detect,
  map,
});

/** The 12-column `@helicone/export --format csv` (no cache columns). */
export const heliconeCsv: Importer = importer({
  format: 'helicone',
  label: 'Helicone requests (CSV)',
  framing: 'csv',
  detect,
  map,
});
