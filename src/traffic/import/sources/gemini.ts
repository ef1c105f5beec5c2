/**
 * Gemini API / Vertex AI responses: `GenerateContentResponse` bodies you logged (bare, or as
 * `{request, response}` with the response as an object or an array of stream chunks), Gemini
 * Batch Mode results (`{key, response}`), Vertex batch prediction output (`{request, response,
 * status}`), and snake_case SDK dumps. Reference: traffic-sources.md §8a.
 *
 * `promptTokenCount` already includes cached tokens (never added again); tool-use prompt tokens
 * are added. `thoughtsTokenCount` is **not** in `candidatesTokenCount`: output is their sum. When
 * `totalTokenCount` shows an emitter that already put thoughts inside candidates, they are not
 * added twice (with a note). Every stream chunk carries `usageMetadata`: the last one counts.
 * `model` is `modelVersion` (billed), the request's model a `where:` field.
 */

import type { Importer } from '../types.js';
import {
  camelOrSnake,
  clean,
  count,
  first,
  get,
  has,
  isoTime,
  isRecord,
  requestParams,
  text,
  usageJson,
  type Json,
} from './common.js';
import { BODY_KEYS, callOf, importer, lineOf, type Mapped, modelPair } from './importer.js';

const cs = camelOrSnake;

/** The response object: itself, `response`, or the last stream chunk that has usage metadata. */
function responseOf(o: Json): Json | undefined {
  const candidates = [o, get(o, 'response')];
  for (const c of candidates) {
    if (isRecord(c) && isRecord(cs(c, 'usageMetadata'))) return c;
    if (Array.isArray(c)) {
      for (let i = c.length - 1; i >= 0; i--)
        if (isRecord(c[i]) && isRecord(cs(c[i], 'usageMetadata'))) return c[i] as Json;
    }
  }
  return undefined;
}

/** Gemini `contents` (+ `systemInstruction`) → chat messages; `model` turns are the assistant's. */
function contentsMessages(request: unknown): unknown[] | undefined {
  const contents = cs(request, 'contents');
  if (!Array.isArray(contents)) return undefined;
  const out: unknown[] = [];
  const system = cs(request, 'systemInstruction');
  const parts = (v: unknown): unknown[] =>
    (Array.isArray(get(v, 'parts')) ? (get(v, 'parts') as unknown[]) : []).map((p) =>
      isRecord(p) && typeof get(p, 'text') === 'string' ? { type: 'text', text: get(p, 'text') } : { type: 'other' },
    );
  if (isRecord(system)) out.push({ role: 'system', content: parts(system) });
  for (const c of contents) {
    const role = get(c, 'role');
    out.push({ role: role === 'model' ? 'assistant' : typeof role === 'string' ? role : 'user', content: parts(c) });
  }
  return out.length ? (clean(out, 'request.contents') as unknown[]) : undefined;
}

function detect(o: Json): boolean {
  const r = responseOf(o);
  const meta = r ? cs(r, 'usageMetadata') : undefined;
  return has(meta, 'promptTokenCount') || has(meta, 'prompt_token_count') || has(meta, 'candidatesTokenCount');
}

function map(o: Json): Mapped {
  const response = responseOf(o);
  if (!response) return { reason: 'usageMetadata is missing' };
  const meta = cs(response, 'usageMetadata') as Json;
  const n = (camel: string): number | undefined => count(cs(meta, camel), `usageMetadata.${camel}`);
  const prompt = n('promptTokenCount');
  const toolPrompt = n('toolUsePromptTokenCount') ?? 0;
  const candidates = n('candidatesTokenCount') ?? 0;
  const thoughts = n('thoughtsTokenCount') ?? 0;
  const total = n('totalTokenCount');
  const notes: string[] = [];
  // Thoughts are outside candidates per the API; an emitter whose total leaves them out put them inside.
  const inside = thoughts > 0 && total !== undefined && total === (prompt ?? 0) + toolPrompt + candidates;
  if (inside)
    notes.push(`gemini: thoughtsTokenCount ${thoughts} already inside candidatesTokenCount (totalTokenCount ${total})`);
  const request = get(o, 'request');
  const generation = cs(request, 'generationConfig');
  const status = get(o, 'status');
  const line = lineOf({
    id: text(first(response, 'responseId', 'response_id') ?? get(o, 'key'), 'responseId'),
    ts: isoTime(first(response, 'createTime', 'create_time') ?? first(o, 'ts', 'timestamp'), 'createTime'),
    source: 'gemini',
    provider: 'google',
    ...modelPair(
      text(get(request, 'model'), 'request.model'),
      text(first(response, 'modelVersion', 'model_version'), 'modelVersion'),
    ),
    messages: contentsMessages(request),
    params: isRecord(generation)
      ? requestParams(
          {
            max_output_tokens: cs(generation, 'maxOutputTokens'),
            temperature: get(generation, 'temperature'),
            top_p: cs(generation, 'topP'),
          },
          'request.generationConfig',
        )
      : undefined,
    usage: usageJson({
      input: prompt === undefined ? undefined : prompt + toolPrompt,
      cacheRead: n('cachedContentTokenCount') ?? 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      output: inside ? candidates : candidates + thoughts,
      reasoning: thoughts,
    }),
    // Vertex batch output: status is "" on success, the error text otherwise.
    status: typeof status === 'string' && status !== '' ? 'error' : 'ok',
  });
  const call = callOf(o, line, BODY_KEYS);
  const requestModel = text(get(request, 'model'), 'request.model');
  if (requestModel !== undefined) call.fields['request_model'] = requestModel;
  return { calls: [call], notes };
}

export const gemini: Importer = importer({
  format: 'gemini',
  label: 'Gemini / Vertex AI responses',
  framing: 'json',
  detect,
  map,
});
