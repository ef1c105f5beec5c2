/**
 * LiteLLM proxy spend logs: rows of `GET /spend/logs/v2` (the framing hands over each element of
 * `data`) and of the legacy `GET /spend/logs` array, `LiteLLM_SpendLogs` rows dumped as JSON, and
 * the StandardLoggingPayload objects of the S3/GCS logging callbacks. Reference:
 * traffic-sources.md §4.
 *
 * `model` is LiteLLM's `model` (the deployment sent upstream and billed, e.g.
 * `anthropic/claude-haiku-4-5`); `model_group`, the alias the application code asked for, is a
 * `where:` field (route a feature by it). `prompt_tokens` is inclusive; cache and reasoning counts
 * exist only in `metadata.usage_object` (JSON that may arrive as text). A response-cache hit
 * (`cache_hit` "True") made no provider call: it becomes a request that costs 0 (usage 0, no
 * messages to re-render), so volumes derived from the samples still count it.
 */

import type { Importer } from '../types.js';
import {
  chatMessages,
  count,
  first,
  get,
  has,
  isoTime,
  obj,
  pick,
  requestParams,
  text,
  usageJson,
  usd,
  type Json,
} from './common.js';
import { BODY_KEYS, callOf, importer, lineOf, type Mapped } from './importer.js';

/** LiteLLM `call_type` → the normalised `api`. */
const API: Readonly<Record<string, string>> = {
  completion: 'chat',
  acompletion: 'chat',
  text_completion: 'chat',
  atext_completion: 'chat',
  responses: 'responses',
  aresponses: 'responses',
  anthropic_messages: 'messages',
  embedding: 'embeddings',
  aembedding: 'embeddings',
};

function detect(o: Json): boolean {
  return (
    has(o, 'call_type') &&
    (has(o, 'spend') || has(o, 'response_cost')) &&
    (has(o, 'model_group') || has(o, 'request_id'))
  );
}

function map(o: Json): Mapped {
  const callType = text(get(o, 'call_type'), 'call_type');
  const cost = usd(first(o, 'spend', 'response_cost'), has(o, 'spend') ? 'spend' : 'response_cost');
  const hit = String(get(o, 'cache_hit') ?? '').toLowerCase() === 'true';
  const notes: string[] = [];
  const u = 'metadata.usage_object';
  const cacheRead =
    count(
      first(o, `${u}.cache_read_input_tokens`, `${u}.prompt_tokens_details.cached_tokens`),
      `${u}.cache_read_input_tokens`,
    ) ?? 0;
  const cacheWrite =
    count(
      first(o, `${u}.cache_creation_input_tokens`, `${u}.prompt_tokens_details.cache_creation_tokens`),
      `${u}.cache_creation_input_tokens`,
    ) ?? 0;
  const prompt = count(get(o, 'prompt_tokens'), 'prompt_tokens');
  const output = count(get(o, 'completion_tokens'), 'completion_tokens') ?? (prompt !== undefined ? 0 : undefined);
  if (output === undefined) return { reason: 'completion_tokens is missing' };
  const usage = hit
    ? { input: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, output: 0, reasoning: 0 }
    : {
        input: prompt,
        cacheRead,
        cacheWrite,
        cacheWrite1h: 0,
        output,
        reasoning:
          count(
            pick(o, `${u}.completion_tokens_details.reasoning_tokens`),
            `${u}.completion_tokens_details.reasoning_tokens`,
          ) ?? 0,
      };
  if (hit) notes.push('litellm: response-cache hit (no provider call): priced at 0');
  const request = obj(get(o, 'proxy_server_request'), 'proxy_server_request');
  const status = text(get(o, 'status'), 'status');
  const line = lineOf({
    id: text(first(o, 'request_id', 'id'), 'request_id'),
    ts: isoTime(get(o, 'startTime'), 'startTime'),
    source: 'litellm',
    provider: text(get(o, 'custom_llm_provider'), 'custom_llm_provider'),
    model: text(get(o, 'model'), 'model'),
    api: callType ? API[callType] : undefined,
    trace_id: text(first(o, 'session_id', 'metadata.session_id'), 'session_id'),
    // A cache hit has nothing to re-render: a changed prompt would not reach a provider either.
    messages: hit ? undefined : chatMessages(get(o, 'messages') ?? get(request ?? {}, 'messages'), 'messages'),
    params: hit
      ? undefined
      : requestParams(request ?? obj(get(o, 'model_parameters'), 'model_parameters'), 'proxy_server_request'),
    usage: usageJson(usage),
    cost_usd: hit ? 0 : cost,
    status: status === undefined ? undefined : status === 'failure' ? 'error' : 'ok',
    user: text(first(o, 'end_user', 'user', 'metadata.user_api_key_user_id'), 'end_user'),
  });
  return { calls: [callOf(o, line, BODY_KEYS)], notes };
}

/** `/spend/logs` and `/spend/logs/v2` rows, `LiteLLM_SpendLogs` dumps, StandardLoggingPayload objects. */
export const litellm: Importer = importer({
  format: 'litellm',
  label: 'LiteLLM spend logs',
  framing: 'json',
  detect,
  map,
});
