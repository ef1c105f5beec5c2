/**
 * One line of normalised traffic JSONL (version 1) → a `Sample`, or the reason it is unusable.
 * The format is in DESIGN.md "Traffic samples" and shared/reference/formats.md §8.
 *
 * Untrusted maps (`vars`, `params`, `var_tokens`) are copied into objects without a prototype,
 * and `__proto__` keys are dropped, so no later merge or lookup can reach Object.prototype.
 */

import { readMessages, readParams, readTs, readUsage, readVarTokens } from './line-fields.js';
import {
  bound,
  count,
  get,
  idText,
  isRecord,
  kindOf,
  LINE_BOUNDS,
  LineProblem,
  safeCopy,
  show,
  str,
  type Json,
} from './line-values.js';
import type { Sample, ServiceTier } from '../types.js';

export { LINE_BOUNDS, LineProblem } from './line-values.js';
export { readTs } from './line-fields.js';

/** A sample, or the reason the line is skipped. */
export type LineResult = { ok: true; sample: Sample } | { ok: false; reason: string };

const TIERS: ReadonlySet<string> = new Set<ServiceTier>(['standard', 'batch', 'flex', 'priority']);

/**
 * Parses and validates one line (already decoded, not blank). Unknown fields are ignored.
 * A missing `id` becomes `file:line`; a missing `feature` becomes `defaultFeature` when given.
 */
export function parseSampleLine(text: string, file: string, line: number, defaultFeature?: string): LineResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // V8 quotes part of the line in its message; traffic may hold customer text, so keep only the position.
    const at = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
    return {
      ok: false,
      reason: at ? `is not valid JSON (error at character ${Number(at[1]) + 1})` : 'is not valid JSON',
    };
  }
  return parseSampleObject(raw, file, line, defaultFeature);
}

/**
 * Validates one already-parsed record as a line of normalised traffic JSONL v1 (the same rules as
 * `parseSampleLine`): what an importer returns goes through here, so it cannot produce a sample
 * the JSONL reader would refuse. A missing `id` becomes `defaultId` (else `file:line`).
 */
export function parseSampleObject(
  raw: unknown,
  file: string,
  line: number,
  defaultFeature?: string,
  defaultId?: string,
): LineResult {
  if (!isRecord(raw)) return { ok: false, reason: `is not a JSON object (found ${kindOf(raw)})` };
  try {
    return { ok: true, sample: toSample(raw, file, line, defaultFeature, defaultId) };
  } catch (e) {
    if (e instanceof LineProblem) return { ok: false, reason: e.message };
    throw e;
  }
}

function toSample(o: Json, file: string, line: number, defaultFeature?: string, defaultId?: string): Sample {
  const version = get(o, 'v');
  if (version !== undefined && version !== 1)
    throw new LineProblem(`v is ${show(version)}: only version 1 of the traffic format is read`);

  const usage = readUsage(get(o, 'usage'));
  const vars = get(o, 'vars');
  const messages = get(o, 'messages');
  if (usage.inputTokens === undefined && vars === undefined && messages === undefined) {
    throw new LineProblem('needs usage.input_tokens, vars or messages (there is nothing to count)');
  }

  const sample: Sample = {
    id: idText(get(o, 'id'), 'id') ?? defaultId ?? `${file}:${line}`,
    file,
    line,
    usage,
    weight: 1,
  };
  const ts = readTs(get(o, 'ts'));
  if (ts !== undefined) sample.ts = ts;
  const feature = str(o, 'feature') ?? defaultFeature;
  if (feature !== undefined) sample.feature = feature;
  setStr(sample, 'promptRef', str(o, 'prompt_ref'));
  setStr(sample, 'model', str(o, 'model'));
  setStr(sample, 'responseModel', str(o, 'response_model'));
  setStr(sample, 'provider', str(o, 'provider'));
  setStr(sample, 'api', str(o, 'api'));
  if (vars !== undefined) {
    if (!isRecord(vars)) throw new LineProblem(`vars must be an object of template variables (found ${kindOf(vars)})`);
    sample.vars = safeCopy(vars, 'vars', 0) as Record<string, unknown>;
  }
  const varTokens = get(o, 'var_tokens');
  if (varTokens !== undefined) sample.varTokens = readVarTokens(varTokens);
  if (messages !== undefined) sample.messages = readMessages(messages);
  const params = get(o, 'params');
  if (params !== undefined) sample.params = readParams(params);
  setStr(sample, 'finishReason', str(o, 'finish_reason'));
  setStr(sample, 'traceId', idText(get(o, 'trace_id'), 'trace_id'));
  setStr(sample, 'parentId', idText(get(o, 'parent_id'), 'parent_id'));
  const step = get(o, 'step');
  if (step !== undefined) sample.step = count(step, 'step', LINE_BOUNDS.step);
  setStr(sample, 'agent', str(o, 'agent'));
  setStr(sample, 'status', str(o, 'status'));
  const tier = str(o, 'tier');
  if (tier !== undefined) {
    if (!TIERS.has(tier)) throw new LineProblem(`tier is "${tier}": use standard, batch, flex or priority`);
    sample.tier = tier as ServiceTier;
  }
  const weight = get(o, 'weight');
  if (weight !== undefined) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      throw new LineProblem(`weight must be a number above 0 (found ${show(weight)})`);
    }
    if (weight > LINE_BOUNDS.maxWeight || weight < LINE_BOUNDS.minWeight) {
      throw new LineProblem(
        `weight must be between ${bound(LINE_BOUNDS.minWeight)} and ${bound(LINE_BOUNDS.maxWeight)} (found ${show(weight)})`,
      );
    }
    sample.weight = weight;
  }
  const cost = get(o, 'cost_usd');
  if (cost !== undefined) {
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0)
      throw new LineProblem(`cost_usd must be a number ≥ 0 (found ${show(cost)})`);
    if (cost > LINE_BOUNDS.costUsd)
      throw new LineProblem(`cost_usd must be ≤ ${bound(LINE_BOUNDS.costUsd)} (found ${show(cost)})`);
    sample.costUsd = cost;
  }
  setStr(sample, 'source', str(o, 'source'));
  const user = get(o, 'user');
  if (user !== undefined && user !== null) {
    // Numeric ids (some exporters write them as numbers) are kept as their decimal text.
    const text = typeof user === 'number' && Number.isFinite(user) ? String(user) : user;
    if (typeof text !== 'string' || text === '' || text.length > 256)
      throw new LineProblem(`user must be a non-empty string of at most 256 characters (found ${show(user)})`);
    sample.user = text;
  }
  return sample;
}

function setStr<
  K extends
    | 'promptRef'
    | 'model'
    | 'responseModel'
    | 'provider'
    | 'api'
    | 'finishReason'
    | 'traceId'
    | 'parentId'
    | 'agent'
    | 'status'
    | 'source'
    | 'user',
>(sample: Sample, key: K, value: string | undefined): void {
  if (value !== undefined) sample[key] = value;
}
