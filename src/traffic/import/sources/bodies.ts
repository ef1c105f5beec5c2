/**
 * Provider request/response bodies → one normalised line. Shared by every source that logs the
 * provider's own JSON: OpenAI batch files and logged chat/Responses calls, Anthropic batch results
 * and logged Messages calls, Helicone and Bedrock bodies. Streaming is accepted as an array of
 * chunks/events or as the SSE text itself; usage is read from the last event that carries it
 * (OpenAI: the final chunk, only with `stream_options.include_usage`; Responses:
 * `response.completed`; Anthropic: `message_delta` usage is cumulative, never summed).
 *
 * `model` is the model the response names (the snapshot billed, e.g. `gpt-4.1-mini-2025-04-14`);
 * the request's model (the name the code uses, which may be an alias) is the `where:` field
 * `request_model`.
 */

import {
  anthropicUsage,
  BadField,
  clean,
  get,
  isoTime,
  isRecord,
  openaiUsage,
  pick,
  requestMessages,
  requestParams,
  text,
  usageJson,
  type Json,
  type Usage,
} from './common.js';
import { lineOf, modelPair } from './importer.js';

/** SSE text (`data: {…}` lines) → its JSON events; anything else → undefined. */
export function sseEvents(v: unknown): unknown[] | undefined {
  if (typeof v !== 'string' || !/^\s*(event|data):/m.test(v)) return undefined;
  const out: unknown[] = [];
  for (const raw of v.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trim();
    if (data === '' || data === '[DONE]') continue;
    try {
      out.push(JSON.parse(data) as unknown);
    } catch {
      throw new BadField('response holds an SSE data line that is not JSON');
    }
  }
  return out;
}

/** A logged response: an object, an array of stream chunks/events, or SSE text. */
function events(response: unknown): unknown[] | undefined {
  if (Array.isArray(response)) return response;
  return sseEvents(response);
}

/** Whether a value looks like an OpenAI response (object, chunks or SSE). */
export function isOpenaiResponse(v: unknown): boolean {
  if (isRecord(v)) {
    const o = get(v, 'object');
    return o === 'chat.completion' || o === 'response' || (o === 'list' && isRecord(get(v, 'usage')));
  }
  const evs = events(v);
  const head = evs?.[0];
  return (
    isRecord(head) &&
    (get(head, 'object') === 'chat.completion.chunk' || String(get(head, 'type') ?? '').startsWith('response.'))
  );
}

/** Whether a value looks like an Anthropic Messages response (object, events or SSE). */
export function isAnthropicResponse(v: unknown): boolean {
  if (isRecord(v)) return get(v, 'type') === 'message' && isRecord(get(v, 'usage'));
  const head = events(v)?.[0];
  return isRecord(head) && get(head, 'type') === 'message_start';
}

/**
 * An OpenAI response as one object: the chat completion, the Responses object, or — from a
 * stream — the chunk fields that matter (model, id, created, finish reason, usage of the last
 * chunk that has it; Responses: the `response` of `response.completed`/`response.incomplete`).
 */
function openaiBody(response: unknown): Json {
  if (isRecord(response)) return response;
  const evs = events(response);
  if (!evs) throw new BadField('response must be a response object, an array of stream chunks or SSE text');
  let final: Json | undefined;
  const merged: Json = {};
  for (const ev of evs) {
    if (!isRecord(ev)) continue;
    const inner = get(ev, 'response');
    if (isRecord(inner) && /^response\.(completed|incomplete|failed)$/.test(String(get(ev, 'type')))) final = inner;
    for (const key of ['id', 'model', 'created', 'service_tier'])
      if (get(ev, key) !== undefined) merged[key] = get(ev, key);
    const usage = get(ev, 'usage');
    if (isRecord(usage)) merged['usage'] = usage;
    const reason = get(firstChoice(ev), 'finish_reason');
    if (typeof reason === 'string') merged['choices'] = [{ finish_reason: reason }];
  }
  if (final) return final;
  if (!isRecord(merged['usage']))
    throw new BadField(
      'response is a stream without usage: the last chunk carries it only with stream_options: {"include_usage": true}',
    );
  merged['object'] = 'chat.completion';
  return merged;
}

/** `choices[0]` of a chat completion or chunk. */
function firstChoice(body: unknown): unknown {
  const choices = get(body, 'choices');
  return Array.isArray(choices) ? choices[0] : undefined;
}

/** Responses status → a finish reason as chat names them. */
function responsesFinish(body: Json): string | undefined {
  const status = get(body, 'status');
  if (status === 'completed') return 'stop';
  if (status === 'incomplete')
    return pick(body, 'incomplete_details.reason') === 'max_output_tokens' ? 'length' : 'incomplete';
  return typeof status === 'string' ? status : undefined;
}

const OPENAI_TIERS: ReadonlySet<string> = new Set(['flex', 'priority', 'batch']);

/** What a source adds to a provider body line. */
export interface BodyLineOptions {
  source: string;
  id?: string;
  ts?: string;
  tier?: string;
  /** The request line's endpoint (batch `url`): decides `api` when the body does not. */
  url?: string;
  status?: 'ok' | 'error';
  /** Where the response sits in the record, for messages. */
  field: string;
}

/**
 * One line from an OpenAI request body (may be absent: usage only) and response
 * (object, chunks or SSE). Undefined when the response has no usage.
 */
export function openaiLine(request: unknown, response: unknown, opt: BodyLineOptions): Json | undefined {
  const body = openaiBody(response);
  const object = get(body, 'object');
  const usage: Usage | undefined = openaiUsage(get(body, 'usage'), `${opt.field}.usage`);
  if (!usage) return undefined;
  const models = modelPair(
    text(get(request, 'model'), 'request.model'),
    text(get(body, 'model'), `${opt.field}.model`),
  );
  const api =
    object === 'response' || opt.url?.endsWith('/responses')
      ? 'responses'
      : object === 'list' || opt.url?.endsWith('/embeddings')
        ? 'embeddings'
        : 'chat';
  const tier = get(body, 'service_tier');
  // Responses reusable prompts carry their template variables: replay re-renders from them.
  const variables = pick(request, 'prompt.variables');
  return lineOf({
    id: opt.id ?? text(get(body, 'id'), `${opt.field}.id`),
    ts: opt.ts ?? isoTime(get(body, 'created') ?? get(body, 'created_at'), `${opt.field}.created`),
    source: opt.source,
    provider: 'openai',
    ...models,
    api,
    vars: isRecord(variables) ? clean(variables, 'request.prompt.variables') : undefined,
    messages: requestMessages(request, 'request'),
    params: requestParams(request, 'request'),
    usage: usageJson(usage),
    finish_reason:
      api === 'responses'
        ? responsesFinish(body)
        : text(get(firstChoice(body), 'finish_reason'), `${opt.field}.choices[0].finish_reason`),
    status: opt.status ?? 'ok',
    tier: opt.tier ?? (typeof tier === 'string' && OPENAI_TIERS.has(tier) ? tier : undefined),
  });
}

/**
 * An Anthropic Messages response as one object; from a stream: `message_start.message`, then the
 * usage keys and stop reason of each `message_delta` (cumulative: the last value wins).
 */
function anthropicMessage(response: unknown): Json {
  if (isRecord(response)) return response;
  const evs = events(response);
  if (!evs) throw new BadField('response must be a message, an array of stream events or SSE text');
  let message: Json | undefined;
  for (const ev of evs) {
    if (!isRecord(ev)) continue;
    const type = get(ev, 'type');
    if (type === 'message_start' && isRecord(get(ev, 'message'))) {
      const m = get(ev, 'message') as Json;
      message = { ...m, usage: { ...(isRecord(get(m, 'usage')) ? (get(m, 'usage') as Json) : {}) } };
    } else if (type === 'message_delta' && message) {
      const usage = get(ev, 'usage');
      if (isRecord(usage)) Object.assign(message['usage'] as Json, clean(usage, 'message_delta.usage'));
      const stop = pick(ev, 'delta.stop_reason');
      if (stop !== undefined) message['stop_reason'] = stop;
    }
  }
  if (!message) throw new BadField('response is a stream without a message_start event');
  return message;
}

/** One line from an Anthropic request (params; may be absent) and response. Undefined without usage. */
export function anthropicLine(request: unknown, response: unknown, opt: BodyLineOptions): Json | undefined {
  const message = anthropicMessage(response);
  const usage = anthropicUsage(get(message, 'usage'), `${opt.field}.usage`);
  if (!usage) return undefined;
  const tier = pick(message, 'usage.service_tier');
  return lineOf({
    id: opt.id ?? text(get(message, 'id'), `${opt.field}.id`),
    ts: opt.ts,
    source: opt.source,
    provider: 'anthropic',
    ...modelPair(text(get(request, 'model'), 'request.model'), text(get(message, 'model'), `${opt.field}.model`)),
    api: 'messages',
    messages: requestMessages(request, 'request'),
    params: requestParams(request, 'request'),
    usage: usageJson(usage),
    finish_reason: text(get(message, 'stop_reason'), `${opt.field}.stop_reason`),
    status: opt.status ?? 'ok',
    tier: opt.tier ?? (tier === 'batch' || tier === 'priority' ? tier : undefined),
  });
}
