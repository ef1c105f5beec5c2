/**
 * Langfuse observations: public API v2 (`/api/public/v2/observations`) and v1 pages (the framing
 * hands over each element of `data`), UI batch exports (JSON, JSONL, CSV) and blob-storage exports
 * (camelCase, or the v4 "events" export's snake_case columns). Reference: traffic-sources.md §2.
 *
 * Langfuse stores usage as exclusive buckets (`input` = uncached input, `input_cached_tokens` …),
 * so input is the sum of every `usageDetails` key containing "input", output the sum of those
 * containing "output" (Langfuse's own `inputUsage` rule). `providedUsageDetails` (what the app
 * sent) is the check: an OpenAI-shaped `prompt_tokens` there is the inclusive total itself; an
 * ingested `total` that equals input + output without the cache keys shows the app sent an
 * inclusive `input`, which the bucket sum would double-count. Both are corrected with a note.
 *
 * `model` is `providedModelName` (v2) or `model` (v1, exports): the name the app sent, which is
 * also what the provider billed (Langfuse's `internalModelId` is its own price row, not a model).
 */

import type { Importer } from '../types.js';
import {
  BadField,
  camelOrSnake,
  chatMessages,
  count,
  first,
  get,
  has,
  isoTime,
  obj,
  providerOf,
  requestParams,
  text,
  usageJson,
  usd,
  type Json,
  type Usage,
} from './common.js';
import { BODY_KEYS, callOf, importer, lineOf, skip, type Mapped } from './importer.js';

/** Observation types that are one model call. */
const CALL_TYPES: ReadonlySet<string> = new Set(['GENERATION', 'EMBEDDING']);
/** Keys only Langfuse observations carry (camelCase API/exports, snake_case v4 export). */
const MARKERS = [
  'usageDetails',
  'providedUsageDetails',
  'costDetails',
  'providedModelName',
  'calculatedTotalCost',
  'parentObservationId',
  'usage_details',
  'provided_usage_details',
  'provided_model_name',
  'parent_observation_id',
];

/** A field by its camelCase name or the v4 export's snake_case name. */
const lf = camelOrSnake;

function detect(o: Json): boolean {
  // startTime is absent from v2 pages fetched without the `time` field group.
  return (has(o, 'traceId') || has(o, 'trace_id')) && MARKERS.some((k) => has(o, k));
}

/** Sums the buckets whose key contains `part` ("input" or "output"), never `total`. */
function bucketSum(details: Json, part: string): number {
  let sum = 0;
  for (const key of Object.keys(details)) {
    if (key === 'total' || !key.includes(part)) continue;
    sum += count(get(details, key), `usageDetails.${key}`) ?? 0;
  }
  return sum;
}

function firstCount(details: Json, keys: string[]): number {
  for (const key of keys) {
    const v = count(get(details, key), `usageDetails.${key}`);
    if (v !== undefined) return v;
  }
  return 0;
}

/** Inclusive usage from `usageDetails` (or the deprecated `usage` / `promptTokens`), with notes on corrections. */
function readUsage(o: Json, notes: string[]): Usage | undefined {
  const details = obj(lf(o, 'usageDetails'), 'usageDetails');
  if (!details || Object.keys(details).length === 0) {
    // Deprecated shapes: usage {input, output, total, unit} and promptTokens/completionTokens.
    const usage = obj(get(o, 'usage'), 'usage');
    const unit = usage ? get(usage, 'unit') : undefined;
    if (unit !== undefined && unit !== 'TOKENS')
      throw new BadField(`usage.unit is ${JSON.stringify(unit)}: only token counts can be priced`);
    const input = count(usage ? get(usage, 'input') : get(o, 'promptTokens'), usage ? 'usage.input' : 'promptTokens');
    const output = count(
      usage ? get(usage, 'output') : get(o, 'completionTokens'),
      usage ? 'usage.output' : 'completionTokens',
    );
    if (output === undefined) return undefined;
    return { input, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, output, reasoning: 0 };
  }
  const cacheRead = firstCount(details, ['input_cached_tokens', 'cache_read_input_tokens', 'input_cache_read']);
  const cacheWrite1h = firstCount(details, ['input_cache_creation_1h']);
  const cacheWrite =
    firstCount(details, ['input_cache_creation']) + firstCount(details, ['input_cache_creation_5m']) ||
    firstCount(details, ['cache_creation_input_tokens', 'input_cache_write', 'input_cache_write_tokens']);
  let input = bucketSum(details, 'input');
  const output = bucketSum(details, 'output');
  const cached = cacheRead + cacheWrite + cacheWrite1h;

  const provided = obj(lf(o, 'providedUsageDetails'), 'providedUsageDetails');
  if (provided) {
    // OpenAI-shaped usage as sent: prompt_tokens (chat) or input_tokens with details (Responses) is inclusive.
    const openaiIn =
      count(get(provided, 'prompt_tokens'), 'providedUsageDetails.prompt_tokens') ??
      (has(provided, 'input_tokens_details')
        ? count(get(provided, 'input_tokens'), 'providedUsageDetails.input_tokens')
        : undefined);
    const plainIn = count(get(provided, 'input'), 'providedUsageDetails.input');
    const plainOut = count(get(provided, 'output'), 'providedUsageDetails.output');
    const total = count(get(provided, 'total'), 'providedUsageDetails.total');
    if (openaiIn !== undefined && openaiIn !== input && openaiIn >= cached) {
      notes.push(
        `langfuse: usageDetails input buckets sum to ${input}, the provided prompt_tokens is ${openaiIn}: used ${openaiIn}`,
      );
      input = openaiIn;
    } else if (
      cached > 0 &&
      plainIn !== undefined &&
      plainIn === get(details, 'input') &&
      plainIn >= cached &&
      total !== undefined &&
      total !== input + output &&
      total === plainIn + (plainOut ?? output)
    ) {
      notes.push(
        `langfuse: the provided input ${plainIn} already included its ${cached} cache tokens (provided total ${total}): not added again`,
      );
      input = plainIn;
    }
  }
  const reasoning = firstCount(details, ['output_reasoning_tokens', 'output_reasoning']);
  if (!has(details, 'output') && output === 0 && input === 0) return undefined;
  return { input, cacheRead, cacheWrite, cacheWrite1h, output, reasoning };
}

function map(o: Json): Mapped {
  const type = text(get(o, 'type'), 'type');
  if (type !== undefined && !CALL_TYPES.has(type.toUpperCase()))
    return skip(`observation type ${type} is not a model call`);
  const notes: string[] = [];
  const usage = readUsage(o, notes);
  if (!usage) return { reason: 'usageDetails has no token counts (usageDetails.input / usageDetails.output)' };
  const model = text(first(o, 'providedModelName', 'provided_model_name', 'model'), 'providedModelName');
  const level = text(get(o, 'level'), 'level');
  const params = obj(lf(o, 'modelParameters'), 'modelParameters');
  const line = lineOf({
    id: text(get(o, 'id'), 'id'),
    ts: isoTime(lf(o, 'startTime'), 'startTime'),
    source: 'langfuse',
    provider: providerOf(model),
    model,
    api: type?.toUpperCase() === 'EMBEDDING' ? 'embeddings' : undefined,
    trace_id: text(lf(o, 'traceId'), 'traceId'),
    parent_id: text(lf(o, 'parentObservationId'), 'parentObservationId'),
    messages: chatMessages(get(o, 'input'), 'input'),
    params: requestParams(params, 'modelParameters'),
    usage: usageJson(usage),
    cost_usd: usd(
      first(o, 'totalCost', 'total_cost', 'costDetails.total', 'cost_details.total', 'calculatedTotalCost'),
      'totalCost',
    ),
    status: level === 'ERROR' ? 'error' : 'ok',
    user: text(lf(o, 'userId'), 'userId'),
  });
  // The where: fields also name the prompt as Langfuse links it: promptName, promptVersion.
  return { calls: [callOf(o, line, BODY_KEYS)], notes };
}

/** JSON and JSONL: API pages (each element of `data`), batch and blob exports. */
export const langfuse: Importer = importer({
  format: 'langfuse',
  label: 'Langfuse observations',
  framing: 'json',
  // Blob-storage exports default to Parquet.
  parquet: true,
  detect,
  map,
});

/** CSV batch and blob exports: the same columns, nested objects as JSON text. */
export const langfuseCsv: Importer = importer({
  format: 'langfuse',
  label: 'Langfuse observations (CSV)',
  framing: 'csv',
  detect,
  map,
});
