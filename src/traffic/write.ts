/**
 * A `Sample` back to one line of normalised traffic JSONL v1 (what `aicost traffic convert`
 * writes): reading that line again gives the same sample.
 */
import type { Sample } from '../types.js';

/** The sample as a JSONL v1 object, keys in the order DESIGN.md lists them; `file`/`line` are not written. */
export function sampleToLine(s: Sample): Record<string, unknown> {
  const o: Record<string, unknown> = { id: s.id };
  if (s.ts !== undefined) o.ts = new Date(s.ts).toISOString();
  if (s.feature !== undefined) o.feature = s.feature;
  if (s.promptRef !== undefined) o.prompt_ref = s.promptRef;
  if (s.model !== undefined) o.model = s.model;
  if (s.responseModel !== undefined) o.response_model = s.responseModel;
  if (s.provider !== undefined) o.provider = s.provider;
  if (s.api !== undefined) o.api = s.api;
  if (s.vars !== undefined) o.vars = s.vars;
  if (s.varTokens !== undefined) o.var_tokens = s.varTokens;
  if (s.messages !== undefined) o.messages = s.messages;
  if (s.params !== undefined) {
    const { maxTokens, reasoningEffort, ...rest } = s.params;
    const params: Record<string, unknown> = { ...rest };
    if (maxTokens !== undefined) params.max_tokens = maxTokens;
    if (reasoningEffort !== undefined) params.reasoning_effort = reasoningEffort;
    o.params = params;
  }
  const u = s.usage;
  const usage: Record<string, number> = {};
  if (u.inputTokens !== undefined) usage.input_tokens = u.inputTokens;
  if (u.cacheReadTokens) usage.cache_read_tokens = u.cacheReadTokens;
  if (u.cacheWriteTokens) usage.cache_write_tokens = u.cacheWriteTokens;
  if (u.cacheWrite1hTokens) usage.cache_write_1h_tokens = u.cacheWrite1hTokens;
  usage.output_tokens = u.outputTokens;
  if (u.reasoningTokens) usage.reasoning_tokens = u.reasoningTokens;
  o.usage = usage;
  if (s.finishReason !== undefined) o.finish_reason = s.finishReason;
  if (s.traceId !== undefined) o.trace_id = s.traceId;
  if (s.parentId !== undefined) o.parent_id = s.parentId;
  if (s.step !== undefined) o.step = s.step;
  if (s.agent !== undefined) o.agent = s.agent;
  if (s.status !== undefined) o.status = s.status;
  if (s.tier !== undefined) o.tier = s.tier;
  if (s.weight !== 1) o.weight = s.weight;
  if (s.costUsd !== undefined) o.cost_usd = s.costUsd;
  if (s.source !== undefined) o.source = s.source;
  if (s.user !== undefined) o.user = s.user;
  return o;
}
