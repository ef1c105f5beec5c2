/**
 * Braintrust project logs: `POST /v1/project_logs/{id}/fetch` events (the framing hands over each
 * element of a page's list), BTQL results and UI downloads. Reference: traffic-sources.md §7a.
 *
 * Only `span_attributes.type == "llm"` spans are calls (task spans carry rolled-up metrics) and
 * scorer calls (`purpose: "scorer"`, the judge of an eval) are left out. `metrics.prompt_tokens`
 * is inclusive; metrics may be floats such as 3010.0; `metrics.start` is epoch seconds. A linked
 * prompt's `metadata.prompt.variables` become `vars`, so replay re-renders a changed prompt.
 */

import type { Importer } from '../types.js';
import {
  chatMessages,
  clean,
  count,
  first,
  get,
  has,
  isoTime,
  isRecord,
  pick,
  providerOf,
  requestParams,
  text,
  usageJson,
  usd,
  type Json,
} from './common.js';
import { BODY_KEYS, callOf, importer, lineOf, skip, type Mapped } from './importer.js';

function map(o: Json): Mapped {
  const type = text(pick(o, 'span_attributes.type'), 'span_attributes.type');
  if (type !== 'llm') return skip(`span type ${type ?? '(none)'} is not a model call`);
  if (pick(o, 'span_attributes.purpose') === 'scorer') return skip('scorer span (an eval judge, not the feature)');
  const m = (key: string): number | undefined => count(pick(o, `metrics.${key}`), `metrics.${key}`);
  const cacheRead = m('prompt_cached_tokens') ?? 0;
  const write1h = m('prompt_cache_creation_1h_tokens') ?? 0;
  const write5m =
    m('prompt_cache_creation_5m_tokens') ?? Math.max(0, (m('prompt_cache_creation_tokens') ?? 0) - write1h);
  const notes: string[] = [];
  const input = m('prompt_tokens');
  const output = m('completion_tokens') ?? (input !== undefined ? 0 : undefined);
  if (output === undefined) return { reason: 'metrics.completion_tokens is missing' };
  const model = text(pick(o, 'metadata.model'), 'metadata.model');
  const variables = pick(o, 'metadata.prompt.variables');
  const parents = get(o, 'span_parents');
  const line = lineOf({
    id: text(first(o, 'span_id', 'id'), 'span_id'),
    ts: isoTime(first(o, 'metrics.start', 'created'), 'metrics.start'),
    source: 'braintrust',
    provider: text(pick(o, 'metadata.provider'), 'metadata.provider') ?? providerOf(model),
    model,
    trace_id: text(get(o, 'root_span_id'), 'root_span_id'),
    parent_id: Array.isArray(parents) ? text(parents[0], 'span_parents[0]') : undefined,
    vars: isRecord(variables) ? clean(variables, 'metadata.prompt.variables') : undefined,
    messages: chatMessages(get(o, 'input'), 'input'),
    params: requestParams(get(o, 'metadata'), 'metadata'),
    usage: usageJson({
      input,
      cacheRead,
      cacheWrite: write5m,
      cacheWrite1h: write1h,
      output,
      reasoning: m('completion_reasoning_tokens') ?? 0,
    }),
    cost_usd: usd(pick(o, 'metrics.estimated_cost'), 'metrics.estimated_cost'),
    status: get(o, 'error') !== undefined ? 'error' : 'ok',
  });
  return { calls: [callOf(o, line, BODY_KEYS)], notes };
}

export const braintrust: Importer = importer({
  format: 'braintrust',
  label: 'Braintrust project logs',
  framing: 'json',
  detect: (o) => has(o, 'span_attributes') && has(o, 'root_span_id'),
  map,
});
