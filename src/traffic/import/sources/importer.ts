/**
 * Building an importer from a source's parts: the normalised line and its `where:` fields, the
 * inclusive rule every source shares (exclusive counts summed, with a note), batch request/result
 * pairing on `custom_id`, and the `importer()` wrapper that turns a thrown `BadField` into a reason.
 * The value readers these build on are in common.ts.
 */
import type { FieldValue, ImportedCall, Importer, MapResult, RecordAt } from '../types.js';
import { BadField, get, isRecord, kindOf, obj, parseJsonText, type Json } from './common.js';

/** Field names the normalised line gives to `where:`; a source field of the same name is shadowed. */
const LINE_FIELDS = [
  'id',
  'ts',
  'source',
  'provider',
  'model',
  'response_model',
  'api',
  'trace_id',
  'parent_id',
  'agent',
  'status',
  'tier',
  'finish_reason',
  'user',
] as const;

/** Bounds of what one record contributes to `where:`. */
const FIELD_LIMITS = { depth: 4, fields: 256, text: 256, list: 64 } as const;

/**
 * The `where:` fields of a record: every short scalar by its dotted path (`metadata.feature`,
 * `promptName`), lists of strings as lists (`request_tags`, `traceTags`), JSON text of objects
 * parsed first (LiteLLM `metadata`, CSV exports); keys in `skip` (bodies, messages) are left out.
 * Then the normalised names from the line. Prototype-free; bounded in depth, count and length.
 */
export function fieldsOf(
  record: unknown,
  line: Json,
  skip: ReadonlySet<string> = new Set(),
): Record<string, FieldValue> {
  const out = Object.create(null) as Record<string, FieldValue>;
  let n = 0;
  const walk = (o: Json, prefix: string, depth: number): void => {
    for (const key of Object.keys(o)) {
      if (n >= FIELD_LIMITS.fields) return;
      if (key === '__proto__' || skip.has(key)) continue;
      const name = prefix + key;
      let v = o[key];
      if (typeof v === 'string' && depth < FIELD_LIMITS.depth) v = parseJsonText(v) ?? v;
      if (typeof v === 'string') {
        if (v.length <= FIELD_LIMITS.text) {
          out[name] = v;
          n++;
        }
      } else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') {
        out[name] = v;
        n++;
      } else if (Array.isArray(v)) {
        if (v.length <= FIELD_LIMITS.list && v.every((x) => typeof x === 'string' && x.length <= FIELD_LIMITS.text)) {
          out[name] = Object.freeze([...(v as string[])]);
          n++;
        }
      } else if (isRecord(v) && depth < FIELD_LIMITS.depth) {
        walk(v, `${name}.`, depth + 1);
      }
    }
  };
  if (isRecord(record)) walk(record, '', 0);
  for (const key of LINE_FIELDS) {
    const v = line[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  return out;
}

/** Keys no record should contribute to `where:` (bodies and texts, which can be large and private). */
export const BODY_KEYS: ReadonlySet<string> = new Set([
  'input',
  'output',
  'inputs',
  'outputs',
  'messages',
  'response',
  'request',
  'body',
  'request_body',
  'response_body',
  'proxy_server_request',
  'content',
  'choices',
  'params',
  'result',
]);

/** The line of one call, with keys whose value is undefined left out. */
/**
 * `model` as requested (the name the code uses) and, when the response names another one (a dated
 * snapshot, a gateway's rewrite), that one as `response_model`: evidence, never the price.
 */
export function modelPair(
  requested: string | undefined,
  answered: string | undefined,
): { model?: string; response_model?: string } {
  const model = requested ?? answered;
  return answered !== undefined && answered !== model ? { model, response_model: answered } : { model };
}

export function lineOf(parts: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(parts)) if (parts[key] !== undefined) out[key] = parts[key];
  return out;
}

/** One call: the line and its `where:` fields. */
export function callOf(record: unknown, line: Json, skip: ReadonlySet<string> = BODY_KEYS): ImportedCall {
  return { line, fields: fieldsOf(record, line, skip) };
}

/** What a source's `map` returns: calls (with skipped calls and corrected counts), or why the record is unusable. */
export type Mapped =
  { calls: ImportedCall[]; skipped?: { reason: string; count: number }[]; notes?: string[] } | { reason: string };

/**
 * An importer from its parts: `map` may throw `BadField` (or anything: a bug must not stop the
 * reader) and the wrapper returns `{ ok: false, reason }`; `detect` never throws either.
 */
export function importer(def: {
  format: Importer['format'];
  label: string;
  framing: Importer['framing'];
  detect: (record: Json) => boolean;
  map: (record: Json, at: RecordAt) => Mapped;
  pairs?: Importer['pairs'];
  parquet?: boolean;
}): Importer {
  const imp: Importer = {
    format: def.format,
    label: def.label,
    framing: def.framing,
    detect(record) {
      try {
        return isRecord(record) && def.detect(record);
      } catch {
        return false;
      }
    },
    map(record, at): MapResult {
      if (!isRecord(record)) return { ok: false, reason: `is not a JSON object (found ${kindOf(record)})` };
      try {
        const r = def.map(record, at);
        if ('reason' in r) return { ok: false, reason: r.reason };
        const notes = r.notes ?? [];
        for (const call of r.calls) inclusive(call.line, def.format, notes);
        const out: MapResult = { ok: true, calls: r.calls };
        if (r.skipped?.length) out.skipped = r.skipped;
        if (notes.length) out.notes = countNotes(notes);
        return out;
      } catch (e) {
        if (e instanceof BadField) return { ok: false, reason: e.message };
        return { ok: false, reason: `could not be read as ${def.label} (${e instanceof Error ? e.name : 'error'})` };
      }
    },
  };
  return { ...imp, ...(def.pairs ? { pairs: def.pairs } : {}), ...(def.parquet ? { parquet: true } : {}) };
}

/**
 * The inclusive rule of every source (DESIGN "Traffic samples"): input includes its cache parts,
 * output its reasoning. A count smaller than its parts was written exclusive by the emitter (an
 * old instrumentor, a proxy bug, Vercel AI SDK v5 with Anthropic): the parts are added, with a
 * note the reader reports, never double-counted nor silently refused.
 */
export function inclusive(line: Json, source: string, notes: string[]): void {
  const u = line['usage'];
  if (!isRecord(u)) return;
  const n = (k: string): number => (typeof u[k] === 'number' ? (u[k] as number) : 0);
  const cached = n('cache_read_tokens') + n('cache_write_tokens') + n('cache_write_1h_tokens');
  const input = u['input_tokens'];
  if (typeof input === 'number' && input < cached) {
    u['input_tokens'] = input + cached;
    notes.push(
      `${source}: input smaller than its cache tokens (written exclusive of the cache): the cache tokens were added`,
    );
  }
  const output = n('output_tokens');
  const reasoning = n('reasoning_tokens');
  if (output < reasoning) {
    u['output_tokens'] = output + reasoning;
    notes.push(
      `${source}: output smaller than its reasoning tokens (written exclusive of them): the reasoning tokens were added`,
    );
  }
}

/** Notes as reasons with their counts, in first-seen order. */
export function countNotes(notes: readonly string[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const reason of notes) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}

/** The own key a merged request/result pair is marked with (no batch line has it). */
const PAIR = 'aicost.pair';

/**
 * The `pairs` hook of a batch source whose request and result lines share a `custom_id`: the
 * merged record is a prototype-free `{request, result}` that `unpair` takes apart.
 */
export function customIdPairs(
  isRequest: (o: Json) => boolean,
  isResult: (o: Json) => boolean,
): NonNullable<Importer['pairs']> {
  return {
    side(record) {
      if (!isRecord(record)) return undefined;
      if (isRequest(record)) return 'request';
      return isResult(record) ? 'result' : undefined;
    },
    key(record) {
      const id = get(record, 'custom_id');
      return typeof id === 'string' ? id : undefined;
    },
    merge(request, result) {
      const pair = Object.create(null) as Json;
      pair[PAIR] = true;
      pair['request'] = request;
      pair['result'] = result;
      return pair;
    },
  };
}

/** A record as `{request, result}`: a merged pair taken apart, or a lone result without its request. */
export function unpair(o: Json): { request?: Json; result: Json } {
  if (get(o, PAIR) !== true) return { result: o };
  const result = get(o, 'result');
  if (!isRecord(result)) throw new BadField('result must be an object');
  return { request: obj(get(o, 'request'), 'request'), result };
}

/** A skipped record, counted once with its reason. */
export function skip(reason: string): Mapped {
  return { calls: [], skipped: [{ reason, count: 1 }] };
}
