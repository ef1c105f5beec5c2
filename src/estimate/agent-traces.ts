/**
 * Agent runs from traffic (design step 5): calls grouped by `trace_id` into runs, each call
 * assigned to its agent (`agent`, else the root) and numbered as a turn of that agent.
 */

import type { AgentSpec, Sample } from '../types.js';

/** One recorded call of a run. */
export interface TraceCall {
  sample: Sample;
  /** Name of the agent in the definition, or null when the line names an agent it does not define. */
  agent: string | null;
  /** The name the line carries (for unknown agents), else the agent's name. */
  label: string;
  /**
   * Turn of its agent in the run, from 1: one more than the calls of that agent before it that did
   * not fail. A failed call and its retry share a turn, so retries are never cut by a loop limit
   * (they cost what they cost).
   */
  turn: number;
}

/** One run: a trace, or a line without `trace_id` standing alone. */
export interface Trace {
  id: string;
  /** The run's weight: its root line's (the line without `parent_id`, else the first). */
  weight: number;
  calls: TraceCall[];
}

/**
 * Group a feature's samples into runs, in file order. Calls within a run are ordered by `step`
 * when every call has one, else by their position in the files. Lines for other features are
 * left out (the reader fills `feature` with the feature's id when a line names none).
 */
export function groupTraces(
  samples: readonly Sample[],
  spec: AgentSpec,
  featureId: string,
): { traces: Trace[]; unknown: Map<string, number> } {
  const names = new Set(spec.agents.map((a) => a.name));
  const ordered = samples
    .filter((s) => s.feature === undefined || s.feature === featureId)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.file < b.s.file ? -1 : a.s.file > b.s.file ? 1 : a.s.line - b.s.line || a.i - b.i))
    .map((x) => x.s);
  const groups = new Map<string, Sample[]>();
  for (const s of ordered) {
    const key = s.traceId !== undefined ? `t:${s.traceId}` : `s:${s.id}:${s.file}:${s.line}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const unknown = new Map<string, number>();
  const traces: Trace[] = [];
  for (const calls of groups.values()) {
    if (calls.every((c) => c.step !== undefined)) calls.sort((a, b) => a.step! - b.step!);
    const rootLine = calls.find((c) => c.parentId === undefined) ?? calls[0];
    const done = new Map<string, number>();
    const out: TraceCall[] = [];
    for (const s of calls) {
      const named = s.agent;
      const agent = named === undefined || named === spec.root ? spec.root : names.has(named) ? named : null;
      const label = agent ?? named!;
      if (agent === null) unknown.set(label, (unknown.get(label) ?? 0) + 1);
      const before = done.get(label) ?? 0;
      out.push({ sample: s, agent, label, turn: before + 1 });
      if (s.status !== 'error') done.set(label, before + 1);
    }
    traces.push({ id: calls[0].traceId ?? calls[0].id, weight: rootLine.weight, calls: out });
  }
  return { traces, unknown };
}

/** Turns of `agent` in a run: the highest turn number of its calls (0 when it made none). */
export function turnsOf(trace: Trace, agent: string): number {
  let n = 0;
  for (const c of trace.calls) if (c.label === agent && c.turn > n) n = c.turn;
  return n;
}
