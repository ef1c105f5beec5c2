/**
 * OpenAI Batch API files: the input file you uploaded (`{custom_id, method, url, body}` lines) and
 * the output and error files you download (`{id, custom_id, response: {status_code, body}, error}`).
 * Output order differs from input order, so the reader joins them on `custom_id` through `pairs`;
 * an output line without its request still yields usage. Chat, Responses and embeddings bodies.
 * Reference: traffic-sources.md §5.
 *
 * `id` is `custom_id`, `tier` is `batch` (half price), `model` the response's snapshot (billed),
 * `request_model` the request body's model. Failed requests (error file, non-200 without usage)
 * were not billed: skipped with their error code.
 */

import type { Importer } from '../types.js';
import { isOpenaiResponse, openaiLine } from './bodies.js';
import { get, has, isRecord, obj, text, type Json } from './common.js';
import { BODY_KEYS, callOf, customIdPairs, importer, skip, unpair, type Mapped } from './importer.js';

function isRequest(o: Json): boolean {
  return has(o, 'custom_id') && has(o, 'url') && isRecord(get(o, 'body'));
}

function isResult(o: Json): boolean {
  const response = get(o, 'response');
  return (
    has(o, 'custom_id') &&
    has(o, 'error') &&
    has(o, 'response') &&
    (response === undefined || (isRecord(response) && has(response, 'status_code')))
  );
}

function map(o: Json): Mapped {
  const { request, result } = unpair(o);
  if (!request && isRequest(o)) return { calls: [] }; // A request line: its result carries the usage.
  const customId = text(get(result, 'custom_id'), 'custom_id');
  const response = obj(get(result, 'response'), 'response');
  const error = get(result, 'error');
  if (!response) {
    const code = text(get(error, 'code'), 'error.code') ?? 'an error';
    return skip(`batch request failed with ${code} (error file): not billed`);
  }
  const statusCode = get(response, 'status_code');
  const body = get(response, 'body');
  if (!isOpenaiResponse(body) && !(isRecord(body) && isRecord(get(body, 'usage')))) {
    if (statusCode !== 200)
      return skip(`batch request failed with HTTP ${String(statusCode)} and no usage: not billed`);
    return { reason: 'response.body has no usage (response.body.usage)' };
  }
  const line = openaiLine(request ? get(request, 'body') : undefined, body, {
    source: 'openai-batch',
    id: customId,
    tier: 'batch',
    url: text(get(request, 'url'), 'url'),
    status: statusCode === 200 && error === undefined ? 'ok' : 'error',
    field: 'response.body',
  });
  if (!line) return { reason: 'response.body.usage has no token counts' };
  const fields = callOf(result, line, BODY_KEYS).fields;
  // The code's model and the request's own fields (metadata of the request body) are selectable too.
  const requestModel = text(get(get(request, 'body'), 'model'), 'body.model');
  if (requestModel !== undefined) fields['request_model'] = requestModel;
  const metadata = get(get(request, 'body'), 'metadata');
  if (isRecord(metadata))
    for (const key of Object.keys(metadata)) {
      const v = metadata[key];
      if (key !== '__proto__' && typeof v === 'string') fields[`metadata.${key}`] = v;
    }
  return { calls: [{ line, fields }] };
}

/** Input, output and error files of an OpenAI batch, joined on `custom_id`. */
export const openaiBatch: Importer = importer({
  format: 'openai-batch',
  label: 'OpenAI Batch input/output files',
  framing: 'json',
  detect: (o) => isRequest(o) || isResult(o),
  map,
  pairs: customIdPairs(isRequest, isResult),
});
