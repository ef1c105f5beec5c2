/**
 * OpenTelemetry traces → model calls. Reads OTLP/JSON (`TracesData` lines of the collector file
 * exporter, or one such document; also single OTLP span objects) and the Python SDK's
 * `ConsoleSpanExporter` output (pretty-printed spans with plain-dict attributes). Token counts
 * come from the current `gen_ai.*` names, else from the older and vendor names of the alias table
 * (OpenLLMetry, OpenInference `llm.token_count.*`, Vercel AI SDK `ai.usage.*`);
 * shared/reference/traffic-sources.md §1 and §7d have the field-level rules.
 *
 * Only inference spans become calls: agent, workflow, tool and SDK wrapper spans carry the sum of
 * their children's usage, so counting them would count every call twice.
 */
import type { FieldValue, ImportedCall, Importer, MapResult, RecordAt } from '../types.js';
import { countNotes, inclusive } from './importer.js';
import {
  empty,
  fieldValue,
  first,
  firstCount,
  has,
  hexId,
  isRecord,
  isoTime,
  kindOf,
  nanosToIso,
  otlpAttrs,
  plainAttrs,
  show,
  text,
  toCount,
  toNumber,
  type Attrs,
  type Json,
} from './otel-attrs.js';

/** `gen_ai.operation.name` values of a call to a model. */
const INFERENCE_OPS: ReadonlySet<string> = new Set(['chat', 'text_completion', 'generate_content', 'embeddings']);
/** Vercel AI SDK (v4–v6 and v7 legacy) call spans; the outer `ai.generateText` etc. hold sums. */
const VERCEL_CALL = /\.(doGenerate|doStream|doEmbed)$/;
/** OpenInference span kinds of a model call. */
const OPENINFERENCE_CALLS: ReadonlySet<string> = new Set(['LLM', 'EMBEDDING']);
/** OpenLLMetry `llm.request.type` values of a model call. */
const OPENLLMETRY_CALLS: ReadonlySet<string> = new Set(['chat', 'completion', 'embedding', 'rerank']);

/** Fallback order per normalised count: current name first (traffic-sources.md §1 alias table). */
const ALIASES = {
  input: [
    'gen_ai.usage.input_tokens',
    'gen_ai.usage.prompt_tokens',
    'llm.token_count.prompt',
    'ai.usage.inputTokens',
    'ai.usage.promptTokens',
  ],
  output: [
    'gen_ai.usage.output_tokens',
    'gen_ai.usage.completion_tokens',
    'llm.token_count.completion',
    'ai.usage.outputTokens',
    'ai.usage.completionTokens',
  ],
  cacheRead: [
    'gen_ai.usage.cache_read.input_tokens',
    'gen_ai.usage.cache_read_input_tokens',
    'gen_ai.usage.input_cached_tokens',
    'gen_ai.usage.cached_input_tokens',
    'llm.token_count.prompt_details.cache_read',
    'ai.usage.inputTokenDetails.cacheReadTokens',
    'ai.usage.cachedInputTokens',
  ],
  cacheWrite: [
    'gen_ai.usage.cache_creation.input_tokens',
    'gen_ai.usage.cache_creation_input_tokens',
    'llm.token_count.prompt_details.cache_write',
    'ai.usage.inputTokenDetails.cacheWriteTokens',
  ],
  reasoning: [
    'gen_ai.usage.reasoning.output_tokens',
    'gen_ai.usage.reasoning_tokens',
    'llm.token_count.completion_details.reasoning',
    'ai.usage.outputTokenDetails.reasoningTokens',
    'ai.usage.reasoningTokens',
  ],
} as const;

/** Deprecated `gen_ai.system` values renamed in `gen_ai.provider.name` (semconv 1.37). */
const SYSTEM_RENAMES: Readonly<Record<string, string>> = {
  'az.ai.openai': 'azure.ai.openai',
  vertex_ai: 'gcp.vertex_ai',
  gemini: 'gcp.gemini',
};

export const otel: Importer = {
  format: 'otel',
  label: 'OpenTelemetry traces',
  framing: 'json',

  detect(record: unknown): boolean {
    if (!isRecord(record)) return false;
    if (Array.isArray(record['resourceSpans']) || Array.isArray(record['resource_spans'])) return true;
    // A bare OTLP span.
    if (typeof record['traceId'] === 'string' && typeof record['spanId'] === 'string' && 'name' in record) return true;
    // Python ConsoleSpanExporter: 0x-prefixed ids, "SpanKind.…" kinds (Phoenix's REST spans have neither).
    const ctx = record['context'];
    if (isRecord(ctx) && typeof ctx['trace_id'] === 'string' && typeof ctx['span_id'] === 'string') {
      const kind = record['kind'];
      return ctx['trace_id'].startsWith('0x') || (typeof kind === 'string' && kind.startsWith('SpanKind.'));
    }
    return false;
  },

  map(record: unknown, at: RecordAt): MapResult {
    if (!isRecord(record)) return { ok: false, reason: `is not a JSON object (found ${kindOf(record)})` };
    const spans: { span: Json; resource: Attrs; scope: string | undefined; where: string }[] = [];
    const resourceSpans = record['resourceSpans'] ?? record['resource_spans'];
    if (resourceSpans !== undefined) {
      if (!Array.isArray(resourceSpans)) return { ok: false, reason: 'resourceSpans must be an array' };
      for (const [r, rs] of resourceSpans.entries()) {
        if (!isRecord(rs)) return { ok: false, reason: `resourceSpans[${r}] must be an object` };
        const resource = isRecord(rs['resource']) ? otlpAttrs(rs['resource']['attributes']) : empty();
        const scopeSpans = rs['scopeSpans'] ?? rs['scope_spans'] ?? rs['instrumentationLibrarySpans'];
        if (scopeSpans === undefined) continue;
        if (!Array.isArray(scopeSpans)) return { ok: false, reason: `resourceSpans[${r}].scopeSpans must be an array` };
        for (const [s, ss] of scopeSpans.entries()) {
          if (!isRecord(ss)) return { ok: false, reason: `resourceSpans[${r}].scopeSpans[${s}] must be an object` };
          const scopeObj = ss['scope'] ?? ss['instrumentationLibrary'];
          const scope = isRecord(scopeObj) && typeof scopeObj['name'] === 'string' ? scopeObj['name'] : undefined;
          const list = ss['spans'];
          if (list === undefined) continue;
          if (!Array.isArray(list))
            return { ok: false, reason: `resourceSpans[${r}].scopeSpans[${s}].spans must be an array` };
          for (const [k, span] of list.entries()) {
            const where = `resourceSpans[${r}].scopeSpans[${s}].spans[${k}]`;
            if (!isRecord(span)) return { ok: false, reason: `${where} must be an object` };
            spans.push({ span, resource, scope, where });
          }
        }
      }
    } else {
      const resource = isRecord(record['resource']) ? plainAttrs(record['resource']['attributes']) : empty();
      spans.push({ span: record, resource, scope: undefined, where: 'the span' });
    }

    const calls: ImportedCall[] = [];
    const skipped = new Map<string, number>();
    const skip = (reason: string): void => void skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
    const notes: string[] = [];
    const bad: string[] = [];
    for (const { span, resource, scope, where } of spans) {
      const result = mapSpan(span, resource, scope);
      // One bad span is one bad call: the other spans of its line are still read.
      if ('reason' in result) bad.push(`${where}: ${result.reason}`);
      else if ('skip' in result) skip(result.skip);
      else {
        // The shared rule: an exclusive emitter's counts are summed, with a note (traffic-sources.md §1).
        inclusive(result.call.line, 'otel', notes);
        calls.push(result.call);
      }
    }
    void at;
    const out: MapResult = {
      ok: true,
      calls,
      skipped: [...skipped.entries()].map(([reason, count]) => ({ reason, count })),
    };
    if (notes.length) out.notes = countNotes(notes);
    if (bad.length) out.bad = bad;
    return out;
  },
};

/** One span: a call, a span that is no call (and why), or what is wrong with it. */
function mapSpan(
  span: Json,
  resource: Attrs,
  scope: string | undefined,
): { call: ImportedCall } | { skip: string } | { reason: string } {
  const console = !('traceId' in span) && isRecord(span['context']);
  let attrs: Attrs;
  try {
    attrs = console ? plainAttrs(span['attributes']) : otlpAttrs(span['attributes']);
  } catch (e) {
    return { reason: e instanceof Error ? e.message : String(e) };
  }

  const kind = inferenceKind(attrs);
  if (kind !== 'call') return { skip: kind };

  const usage: Json = Object.create(null) as Json;
  const read = (names: readonly string[], key: string): string | undefined => {
    for (const name of names) {
      if (!has(attrs, name)) continue;
      const n = toCount(attrs[name]);
      if (n === undefined) return `${name} is not a whole number (found ${show(attrs[name])})`;
      usage[key] = n;
      return undefined;
    }
    return undefined;
  };
  for (const [names, key] of [
    [ALIASES.input, 'input_tokens'],
    [ALIASES.output, 'output_tokens'],
    [ALIASES.cacheRead, 'cache_read_tokens'],
    [ALIASES.cacheWrite, 'cache_write_tokens'],
    [ALIASES.reasoning, 'reasoning_tokens'],
  ] as const) {
    const problem = read(names, key);
    if (problem) return { reason: problem };
  }
  if (usage['output_tokens'] === undefined && usage['input_tokens'] === undefined)
    return { skip: 'inference spans without token usage (the call failed, or usage was not recorded)' };
  // Embeddings have no output: 0, not missing.
  if (usage['output_tokens'] === undefined && text(attrs['gen_ai.operation.name']) === 'embeddings')
    usage['output_tokens'] = 0;

  const ctx = isRecord(span['context']) ? span['context'] : undefined;
  const spanId = hexId(console ? ctx?.['span_id'] : span['spanId'], 16);
  const traceId = hexId(console ? ctx?.['trace_id'] : span['traceId'], 32);
  const parentId = hexId(console ? span['parent_id'] : span['parentSpanId'], 16);
  if (spanId === null)
    return { reason: `span id ${show(console ? ctx?.['span_id'] : span['spanId'])} is not hex or base64` };
  if (traceId === null)
    return { reason: `trace id ${show(console ? ctx?.['trace_id'] : span['traceId'])} is not hex or base64` };
  if (parentId === null) return { reason: `parent span id is not hex or base64` };

  const line: Json = Object.create(null) as Json;
  if (spanId) line['id'] = spanId;
  const ts = console ? isoTime(span['start_time']) : nanosToIso(span['startTimeUnixNano']);
  if (ts === null)
    return { reason: `start time ${show(console ? span['start_time'] : span['startTimeUnixNano'])} is not a time` };
  if (ts) line['ts'] = ts;
  if (traceId) line['trace_id'] = traceId;
  if (parentId) line['parent_id'] = parentId;

  const model = first(attrs, ['gen_ai.request.model', 'llm.request.model_name', 'llm.model_name', 'ai.model.id']);
  const responseModel = first(attrs, ['gen_ai.response.model', 'ai.response.model']);
  if (model ?? responseModel) line['model'] = model ?? responseModel;
  if (responseModel && model && responseModel !== model) line['response_model'] = responseModel;
  const provider = providerOf(attrs);
  if (provider) line['provider'] = provider;
  line['usage'] = usage;

  const params: Json = Object.create(null) as Json;
  const maxTokens = firstCount(attrs, [
    'gen_ai.request.max_tokens',
    'ai.settings.maxOutputTokens',
    'ai.settings.maxTokens',
  ]);
  if (maxTokens !== undefined) params['max_tokens'] = maxTokens;
  for (const [name, key] of [
    ['gen_ai.request.temperature', 'temperature'],
    ['gen_ai.request.top_p', 'top_p'],
  ] as const) {
    const v = toNumber(attrs[name]);
    if (v !== undefined) params[key] = v;
  }
  const n = toCount(attrs['gen_ai.request.choice.count']);
  if (n !== undefined) params['n'] = n;
  if (typeof attrs['gen_ai.request.stream'] === 'boolean') params['stream'] = attrs['gen_ai.request.stream'];
  if (Object.keys(params).length) line['params'] = params;

  const finish = attrs['gen_ai.response.finish_reasons'];
  const reason = Array.isArray(finish) ? text(finish[0]) : (text(finish) ?? text(attrs['ai.response.finishReason']));
  if (reason) line['finish_reason'] = reason;
  const agent = text(attrs['gen_ai.agent.name']);
  if (agent) line['agent'] = agent;
  if (isError(span, console)) line['status'] = 'error';
  const user = first(attrs, ['user.id', 'enduser.id', 'langfuse.user.id', 'ai.telemetry.metadata.userId']);
  if (user) line['user'] = user;
  const cost = toNumber(attrs['gen_ai.usage.cost'] ?? attrs['llm.cost.total']);
  if (cost !== undefined) line['cost_usd'] = cost;
  const messages = messagesOf(attrs);
  if (messages) line['messages'] = messages;
  line['source'] = 'otel';

  const fields = Object.create(null) as Record<string, FieldValue>;
  for (const [k, v] of Object.entries(resource)) {
    const f = fieldValue(v);
    if (f !== undefined) fields[k] = f;
  }
  for (const [k, v] of Object.entries(attrs)) {
    const f = fieldValue(v);
    if (f !== undefined) fields[k] = f;
  }
  if (typeof span['name'] === 'string') fields['span.name'] = span['name'];
  if (scope) fields['scope.name'] = scope;
  return { call: { line, fields } };
}

/** 'call', or why the span is not one (agent, tool and wrapper spans hold their children's sums). */
function inferenceKind(attrs: Attrs): string {
  const op = text(attrs['gen_ai.operation.name']);
  if (op !== undefined) {
    if (INFERENCE_OPS.has(op)) return 'call';
    return `${op} spans (not a model call: their usage is the sum of the calls inside)`;
  }
  const vercel = text(attrs['ai.operationId']);
  if (vercel !== undefined) {
    if (VERCEL_CALL.test(vercel)) return 'call';
    return `${vercel} spans (Vercel AI SDK wrappers: their usage is the sum of the calls inside)`;
  }
  const oi = text(attrs['openinference.span.kind']);
  if (oi !== undefined) {
    if (OPENINFERENCE_CALLS.has(oi.toUpperCase())) return 'call';
    return `OpenInference ${oi} spans (not a model call)`;
  }
  const traceloop = text(attrs['traceloop.span.kind']);
  if (traceloop !== undefined) return `OpenLLMetry ${traceloop} spans (not a model call)`;
  const reqType = text(attrs['llm.request.type']);
  if (reqType !== undefined) return OPENLLMETRY_CALLS.has(reqType) ? 'call' : `llm.request.type ${reqType} spans`;
  // No marker: a span with token usage is taken as the call that reported it.
  if ([...ALIASES.input, ...ALIASES.output].some((name) => has(attrs, name))) return 'call';
  return 'spans without model usage';
}

function providerOf(attrs: Attrs): string | undefined {
  const p = text(attrs['gen_ai.provider.name']);
  if (p) return p;
  const system = text(attrs['gen_ai.system']) ?? text(attrs['llm.provider']) ?? text(attrs['llm.system']);
  if (system) return SYSTEM_RENAMES[system] ?? system;
  // Vercel writes provider plus API: "openai.chat", "anthropic.messages".
  const vercel = text(attrs['ai.model.provider']);
  return vercel ? vercel.split('.')[0] : undefined;
}

/**
 * `gen_ai.input.messages` (+ `gen_ai.system_instructions`), a JSON string or a structured value,
 * `[{role, parts: [{type: "text", content}]}]` → `[{role, content: [{type: "text", text}]}]`.
 * Anything else (older event-based capture) is left out: the call is priced from its usage.
 */
function messagesOf(attrs: Attrs): Json[] | undefined {
  const input = parseMaybeJson(attrs['gen_ai.input.messages']);
  if (!Array.isArray(input)) return undefined;
  const out: Json[] = [];
  const system = parseMaybeJson(attrs['gen_ai.system_instructions']);
  if (Array.isArray(system)) {
    const parts = textParts(system);
    if (parts.length) out.push({ role: 'system', content: parts });
  }
  for (const m of input) {
    if (!isRecord(m) || typeof m['role'] !== 'string') return undefined;
    out.push({ role: m['role'], content: textParts(Array.isArray(m['parts']) ? m['parts'] : []) });
  }
  return out;
}

function textParts(parts: unknown[]): Json[] {
  const out: Json[] = [];
  for (const p of parts) {
    if (isRecord(p) && p['type'] === 'text' && typeof p['content'] === 'string')
      out.push({ type: 'text', text: p['content'] });
  }
  return out;
}

function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

function isError(span: Json, console: boolean): boolean {
  const status = span['status'];
  if (!isRecord(status)) return false;
  const code = console ? status['status_code'] : status['code'];
  return code === 2 || code === 'STATUS_CODE_ERROR' || code === 'ERROR';
}
