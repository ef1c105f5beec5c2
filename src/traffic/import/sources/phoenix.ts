/**
 * Arize Phoenix / OpenInference spans: REST `GET /v1/projects/{p}/spans` items (flat dotted
 * attributes), and `get_spans_dataframe()` rows written as JSON or CSV (`context.span_id`,
 * `attributes.llm.token_count.prompt` columns). OTLP-shaped Phoenix exports go to the OTel
 * importer. Reference: traffic-sources.md §7b.
 *
 * Only LLM and EMBEDDING spans are calls. `llm.token_count.prompt` is inclusive (the Anthropic
 * instrumentor wrote it exclusive before 2025-03: the `input < cache` check adds the cache back,
 * with a note). `llm.invocation_parameters` and `llm.prompt_template.variables` are JSON text;
 * the variables become `vars`. `model` is `llm.response.model_name` ∥ `llm.model_name` (what was
 * billed); `llm.request.model_name` stays a `where:` field. Attributes are `where:` fields by
 * their own names (`session.id`, `llm.prompt_template.version`).
 */

import type { FieldValue, Importer } from '../types.js';
import {
  clean,
  count,
  first,
  get,
  has,
  isoTime,
  isRecord,
  obj,
  requestParams,
  text,
  usageJson,
  usd,
  type Json,
} from './common.js';
import { BODY_KEYS, callOf, fieldsOf, importer, lineOf, skip, type Mapped } from './importer.js';

const CALL_KINDS: ReadonlySet<string> = new Set(['LLM', 'EMBEDDING']);

/** An OpenInference attribute, whether the record nests it under `attributes` or flattens it. */
function attr(o: Json, name: string): unknown {
  return first(o, `attributes.${name}`, name);
}

/** `llm.input_messages.<i>.message.{role,content}` (flattened with numeric indices) → chat messages. */
function inputMessages(o: Json): unknown[] | undefined {
  const out: unknown[] = [];
  for (let i = 0; i < 10_000; i++) {
    const role = attr(o, `llm.input_messages.${i}.message.role`);
    if (typeof role !== 'string') break;
    const content = attr(o, `llm.input_messages.${i}.message.content`);
    out.push({ role, content: typeof content === 'string' ? content : null });
  }
  return out.length ? out : undefined;
}

function map(o: Json): Mapped {
  const kind = text(
    first(o, 'span_kind', 'attributes.openinference.span.kind', 'openinference.span.kind'),
    'span_kind',
  );
  if (!kind || !CALL_KINDS.has(kind.toUpperCase())) return skip(`span kind ${kind ?? '(none)'} is not a model call`);
  const n = (name: string): number | undefined => count(attr(o, name), name);
  const cacheRead = n('llm.token_count.prompt_details.cache_read') ?? 0;
  const cacheWrite = n('llm.token_count.prompt_details.cache_write') ?? 0;
  const notes: string[] = [];
  const input = n('llm.token_count.prompt');
  const output = n('llm.token_count.completion') ?? (input !== undefined ? 0 : undefined);
  if (output === undefined) return { reason: 'llm.token_count.completion is missing' };
  const model = text(
    first(
      o,
      ...['llm.response.model_name', 'llm.model_name', 'llm.request.model_name'].map((k) => `attributes.${k}`),
      'llm.model_name',
    ),
    'llm.model_name',
  );
  const variables = obj(attr(o, 'llm.prompt_template.variables'), 'llm.prompt_template.variables');
  const status = text(first(o, 'status_code', 'status.status_code'), 'status_code');
  const line = lineOf({
    id: text(first(o, 'context.span_id', 'span_id'), 'context.span_id'),
    ts: isoTime(get(o, 'start_time'), 'start_time'),
    source: 'phoenix',
    provider: text(
      first(o, 'attributes.llm.provider', 'attributes.llm.system', 'llm.provider', 'llm.system'),
      'llm.provider',
    ),
    model,
    api: kind.toUpperCase() === 'EMBEDDING' ? 'embeddings' : undefined,
    trace_id: text(first(o, 'context.trace_id', 'trace_id'), 'context.trace_id'),
    parent_id: text(get(o, 'parent_id'), 'parent_id'),
    vars: variables ? clean(variables, 'llm.prompt_template.variables') : undefined,
    messages: inputMessages(o),
    params: requestParams(
      obj(attr(o, 'llm.invocation_parameters'), 'llm.invocation_parameters'),
      'llm.invocation_parameters',
    ),
    usage: usageJson({
      input,
      cacheRead,
      cacheWrite,
      cacheWrite1h: 0,
      output,
      reasoning: n('llm.token_count.completion_details.reasoning') ?? 0,
    }),
    cost_usd: usd(attr(o, 'llm.cost.total'), 'llm.cost.total'),
    status: status === 'ERROR' ? 'error' : 'ok',
    user: text(attr(o, 'user.id'), 'user.id'),
  });
  const call = callOf(o, line, BODY_KEYS);
  // The attributes by their own OpenInference names, as where: spells them (message texts left out).
  const attrs = get(o, 'attributes');
  if (isRecord(attrs)) {
    const own: Record<string, FieldValue> = fieldsOf(attrs, {});
    for (const key of Object.keys(own))
      if (!key.startsWith('llm.input_messages') && !key.startsWith('llm.output_messages') && !(key in call.fields))
        call.fields[key] = own[key]!;
  }
  return { calls: [call], notes };
}

export const phoenix: Importer = importer({
  format: 'phoenix',
  label: 'Phoenix / OpenInference spans',
  framing: 'json',
  detect: (o) =>
    (isRecord(get(o, 'context')) && has(o, 'span_kind')) ||
    (has(o, 'context.span_id') && (has(o, 'span_kind') || has(o, 'attributes.openinference.span.kind'))),
  map,
});
