/**
 * Replaying agent runs at one revision: every call with its agent's side (recorded usage as the
 * level; what the revision's instructions and tools add on top in the diff), then a run's calls
 * summed into one result. A run is one request: `requests_per_month` counts runs.
 */

import type { TokenCounter } from '../tokenize/index.js';
import type { CallUsage } from '../types.js';
import type { AgentSide } from './agent-site.js';
import type { Trace } from './agent-traces.js';
import { replaySample } from './replay.js';
import type { SampleResult } from './types.js';

/** Per run, per call: the call's result, or null when the revision drops it (lowered max turns). */
export type RunCalls = (SampleResult | null)[][];

/** The side of a call's agent; calls naming an agent the definition lacks use `unknown`. */
export function sideOf(sides: Map<string, AgentSide>, agent: string | null, unknown: AgentSide): AgentSide {
  return (agent !== null ? sides.get(agent) : undefined) ?? unknown;
}

/**
 * Replay every call of every run at one revision as recorded (design steps 1–4 per call): the
 * revision's level, no truncation (recorded calls happened). Each result carries its run's id as
 * `unit` and its run's weight, so whole runs are resampled together.
 */
export function replayRuns(
  traces: readonly Trace[],
  sides: Map<string, AgentSide>,
  unknown: AgentSide,
  counter: TokenCounter,
): RunCalls {
  return traces.map((t) =>
    t.calls.map((c) => {
      const side = sideOf(sides, c.agent, unknown);
      const r = replaySample(side.rs, c.sample, counter, t.id);
      r.weight = t.weight;
      r.cacheablePrefix = side.prefix;
      return r;
    }),
  );
}

/** A run's calls summed into one result (dropped calls cost nothing). */
export function runResult(trace: Trace, calls: readonly (SampleResult | null)[]): SampleResult {
  const kept = calls.filter((c): c is SampleResult => c !== null);
  const usage: CallUsage = {
    inputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: 0,
  };
  let cost = 0;
  let costLow = 0;
  let costHigh = 0;
  let counted: number | null = 0;
  let recordedInput: number | undefined = 0;
  let recordedCost: number | undefined = 0;
  let reportedCost: number | undefined = 0;
  let atCap = false;
  let allUsage = true;
  for (const c of kept) {
    usage.inputTokens += c.usage.inputTokens;
    usage.cacheReadTokens += c.usage.cacheReadTokens;
    usage.cacheWriteTokens += c.usage.cacheWriteTokens;
    usage.cacheWrite1hTokens += c.usage.cacheWrite1hTokens;
    usage.outputTokens += c.usage.outputTokens;
    cost += c.cost;
    costLow += c.costLow;
    costHigh += c.costHigh;
    counted = counted !== null && c.counted !== null ? counted + c.counted : null;
    recordedInput =
      recordedInput !== undefined && c.recordedInput !== undefined ? recordedInput + c.recordedInput : undefined;
    recordedCost =
      recordedCost !== undefined && c.recordedCost !== undefined ? recordedCost + c.recordedCost : undefined;
    reportedCost =
      reportedCost !== undefined && c.reportedCost !== undefined ? reportedCost + c.reportedCost : undefined;
    atCap ||= c.atCap;
    allUsage &&= c.source === 'usage';
  }
  const user = trace.calls.find((c) => c.sample.user !== undefined)?.sample.user;
  const r: SampleResult = {
    id: trace.id,
    unit: trace.id,
    weight: trace.weight,
    ...(user !== undefined ? { user } : {}),
    counted: kept.length ? counted : null,
    cacheablePrefix: kept[0]?.cacheablePrefix ?? 0,
    usage,
    cost,
    costLow,
    costHigh,
    source: kept.length && allUsage ? 'usage' : 'replay',
    atCap,
  };
  if (kept.length && recordedInput !== undefined) r.recordedInput = recordedInput;
  if (kept.length && recordedCost !== undefined) r.recordedCost = recordedCost;
  if (kept.length && reportedCost !== undefined) r.reportedCost = reportedCost;
  return r;
}

/** Weighted mean of calls per run of one agent (or of all agents when `agent` is undefined). */
export function callsPerRun(traces: readonly Trace[], runs: RunCalls, agent?: string): number {
  let w = 0;
  let s = 0;
  traces.forEach((t, i) => {
    let n = 0;
    t.calls.forEach((c, j) => {
      if (runs[i][j] !== null && (agent === undefined || c.label === agent)) n++;
    });
    w += t.weight;
    s += t.weight * n;
  });
  return w > 0 ? s / w : 0;
}
