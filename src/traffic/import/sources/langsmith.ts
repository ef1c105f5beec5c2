/**
 * LangSmith runs: `Client().list_runs(run_type="llm")` / `POST /api/v1/runs/query` results dumped
 * as JSON(L), and bulk-export rows with the Run columns. Reference: traffic-sources.md §7c.
 *
 * Only `llm` and `embedding` runs are calls: chain and agent runs carry the sum of their children.
 * `prompt_tokens` is LangChain's inclusive `usage_metadata.input_tokens`; costs are Decimals that
 * may be text. `model` is `extra.metadata.ls_model_name` (what LangChain sent), falling back to the
 * invocation params. Messages are converted from LangChain's serialised form.
 */

import type { Importer } from '../types.js';
import {
  clean,
  count,
  first,
  get,
  has,
  isoTime,
  isRecord,
  pick,
  requestParams,
  text,
  usageJson,
  usd,
  type Json,
} from './common.js';
import { BODY_KEYS, callOf, importer, lineOf, skip, type Mapped } from './importer.js';

const CALL_RUNS: ReadonlySet<string> = new Set(['llm', 'embedding']);
/** LangChain message types → chat roles. */
const ROLES: Readonly<Record<string, string>> = {
  human: 'user',
  user: 'user',
  ai: 'assistant',
  assistant: 'assistant',
  system: 'system',
  tool: 'tool',
  function: 'function',
};

/** LangChain messages (`[[…]]`, constructor form `{kwargs:{type,content}}`, or `{type|role, content}`) → chat messages. */
function langchainMessages(v: unknown): unknown[] | undefined {
  let list = v;
  if (Array.isArray(list) && list.length === 1 && Array.isArray(list[0])) list = list[0];
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const out: unknown[] = [];
  for (const m of list) {
    const body = isRecord(get(m, 'kwargs')) ? get(m, 'kwargs') : m;
    const idPath = get(m, 'id');
    const kind =
      get(body, 'role') ??
      get(body, 'type') ??
      (Array.isArray(idPath)
        ? String(idPath[idPath.length - 1])
            .replace(/Message(Chunk)?$/, '')
            .toLowerCase()
        : undefined);
    const role = typeof kind === 'string' ? ROLES[kind] : undefined;
    const content = get(body, 'content');
    if (!role || !(content === undefined || typeof content === 'string' || Array.isArray(content))) return undefined;
    out.push({ role, content: content ?? null });
  }
  return clean(out, 'inputs.messages') as unknown[];
}

function map(o: Json): Mapped {
  const runType = text(get(o, 'run_type'), 'run_type');
  if (!runType || !CALL_RUNS.has(runType)) return skip(`run_type ${runType ?? '(none)'} is not a model call`);
  const notes: string[] = [];
  const cacheRead = count(pick(o, 'prompt_token_details.cache_read'), 'prompt_token_details.cache_read') ?? 0;
  const cacheWrite = count(pick(o, 'prompt_token_details.cache_creation'), 'prompt_token_details.cache_creation') ?? 0;
  const input = count(get(o, 'prompt_tokens'), 'prompt_tokens');
  const output = count(get(o, 'completion_tokens'), 'completion_tokens') ?? (input !== undefined ? 0 : undefined);
  if (output === undefined) return { reason: 'completion_tokens is missing (no usage on this run)' };
  const model = text(
    first(o, 'extra.metadata.ls_model_name', 'extra.invocation_params.model', 'extra.invocation_params.model_name'),
    'extra.metadata.ls_model_name',
  );
  const invocation = pick(o, 'extra.invocation_params');
  const meta = pick(o, 'extra.metadata');
  const status = text(get(o, 'status'), 'status');
  const line = lineOf({
    id: text(get(o, 'id'), 'id'),
    ts: isoTime(get(o, 'start_time'), 'start_time'),
    source: 'langsmith',
    provider: text(pick(o, 'extra.metadata.ls_provider'), 'extra.metadata.ls_provider'),
    model,
    api: runType === 'embedding' ? 'embeddings' : undefined,
    trace_id: text(get(o, 'trace_id'), 'trace_id'),
    parent_id: text(get(o, 'parent_run_id'), 'parent_run_id'),
    messages: langchainMessages(pick(o, 'inputs.messages')),
    params:
      requestParams(invocation, 'extra.invocation_params') ??
      requestParams(
        isRecord(meta)
          ? { max_tokens: get(meta, 'ls_max_tokens'), temperature: get(meta, 'ls_temperature') }
          : undefined,
        'extra.metadata',
      ),
    usage: usageJson({
      input,
      cacheRead,
      cacheWrite,
      cacheWrite1h: 0,
      output,
      reasoning: count(pick(o, 'completion_token_details.reasoning'), 'completion_token_details.reasoning') ?? 0,
    }),
    cost_usd: usd(get(o, 'total_cost'), 'total_cost'),
    status: status === 'error' || get(o, 'error') !== undefined ? 'error' : 'ok',
  });
  return { calls: [callOf(o, line, BODY_KEYS)], notes };
}

export const langsmith: Importer = importer({
  format: 'langsmith',
  label: 'LangSmith runs',
  framing: 'json',
  detect: (o) =>
    has(o, 'run_type') &&
    has(o, 'start_time') &&
    (has(o, 'dotted_order') || has(o, 'parent_run_id') || has(o, 'trace_id')),
  map,
});
