/**
 * Anthropic Message Batches: the results JSONL at the batch's `results_url`
 * (`{custom_id, result: {type, message | error}}`), joined on `custom_id` with the requests you
 * submitted (`{custom_id, params}` lines, as in the create call's `requests` array). A result
 * without its request still yields usage. Reference: traffic-sources.md §6.
 *
 * `input_tokens` is exclusive: the cache reads and writes are added; writes split into 5-minute
 * and 1-hour from `cache_creation`. `id` is `custom_id`, `tier` is `batch`; results carry no time.
 * `model` is the message's model (the snapshot billed), `request_model` the params' model.
 * Errored, canceled and expired results were not billed: skipped with their type.
 */

import type { Importer } from '../types.js';
import { anthropicLine } from './bodies.js';
import { get, has, isRecord, text, type Json } from './common.js';
import { BODY_KEYS, callOf, customIdPairs, importer, skip, unpair, type Mapped } from './importer.js';

function isRequest(o: Json): boolean {
  return has(o, 'custom_id') && isRecord(get(o, 'params')) && !has(o, 'result');
}

function isResult(o: Json): boolean {
  return has(o, 'custom_id') && typeof get(get(o, 'result'), 'type') === 'string';
}

function map(o: Json): Mapped {
  const { request, result } = unpair(o);
  if (!request && isRequest(o)) return { calls: [] }; // A request line: its result carries the usage.
  const type = text(get(get(result, 'result'), 'type'), 'result.type');
  if (type !== 'succeeded') return skip(`batch result ${type ?? 'without a type'}: not billed`);
  const params = request ? get(request, 'params') : undefined;
  const line = anthropicLine(params, get(get(result, 'result'), 'message'), {
    source: 'anthropic-batch',
    id: text(get(result, 'custom_id'), 'custom_id'),
    tier: 'batch',
    field: 'result.message',
  });
  if (!line) return { reason: 'result.message.usage.output_tokens is missing' };
  const fields = callOf(result, line, BODY_KEYS).fields;
  const requestModel = text(get(params, 'model'), 'params.model');
  if (requestModel !== undefined) fields['request_model'] = requestModel;
  const userId = get(get(params, 'metadata'), 'user_id');
  if (typeof userId === 'string') {
    line['user'] = userId;
    fields['user'] = userId;
  }
  return { calls: [{ line, fields }] };
}

/** Results JSONL of an Anthropic message batch, joined on `custom_id` with the submitted requests. */
export const anthropicBatch: Importer = importer({
  format: 'anthropic-batch',
  label: 'Anthropic Message Batches results',
  framing: 'json',
  detect: (o) => isRequest(o) || isResult(o),
  map,
  pairs: customIdPairs(isRequest, isResult),
});
