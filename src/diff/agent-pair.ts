/**
 * Paired replay of agent runs: each recorded call replayed at a variant of the head (the head, or
 * a hybrid used to attribute the delta to single changes) against its base replay, with the
 * prompt-call rules of pair.ts per call (recorded input + the change of the agent's fixed part;
 * cache reads moved with the cacheable prefix; output clamped at the variant's cap) and the loop
 * rules of agents: lowered max turns drop the turns beyond them, a removed sub-agent's calls go.
 */

import type { AgentSide } from '../estimate/index.js';
import { sideOf, type RunCalls } from '../estimate/index.js';
import type { Trace } from '../estimate/index.js';
import type { AgentRevision } from '../estimate/index.js';
import type { SampleResult } from '../estimate/index.js';
import type { TokenCounter } from '../tokenize/index.js';
import { atTrafficLine } from '../traffic/index.js';
import { sumOverTurns } from '../estimate/index.js';
import { replayVariant } from './pair.js';

/** A variant of the agent feature: each base agent's side at the variant (null: gone), by base name. */
export interface AgentVariant {
  sides: Map<string, AgentSide | null>;
  /** Prices calls of agents the definition does not name. */
  unknown: AgentSide;
}

/** What replaying a variant did to the loop. */
export interface VariantRuns {
  runs: RunCalls;
  /** Calls dropped by lowered max turns or removed sub-agents. */
  dropped: number;
  /** Weight share of runs that lost a call to a lowered max turns. */
  truncatedShare: number;
}

/** True when the variant cuts this call: its agent's max turns are lower than at base and the call's turn is beyond them. */
function truncated(turn: number, base: AgentSide, variant: AgentSide): boolean {
  const v = variant.maxTurns;
  if (v === undefined) return false;
  const b = base.maxTurns;
  return (b === undefined || v < b) && turn > v;
}

/** Replay every recorded call at `variant` against its base result. */
export function replayVariantRuns(
  traces: readonly Trace[],
  base: AgentRevision,
  baseRuns: RunCalls,
  variant: AgentVariant,
  counter: TokenCounter,
): VariantRuns {
  let dropped = 0;
  let w = 0;
  let cut = 0;
  const runs = traces.map((t, i) => {
    let lost = false;
    w += t.weight;
    const out = t.calls.map((c, j): SampleResult | null => {
      const b = baseRuns[i][j]!;
      const bSide = sideOf(base.sides, c.agent, base.unknown);
      const vSide = c.agent === null ? variant.unknown : variant.sides.get(c.agent);
      if (!vSide) {
        dropped++;
        return null;
      }
      if (truncated(c.turn, bSide, vSide)) {
        dropped++;
        lost = true;
        return null;
      }
      const r = replayVariant(
        bSide.rs,
        vSide.rs,
        c.sample,
        b,
        { counted: b.counted, staticTokens: bSide.staticTokens, prefix: bSide.prefix },
        vSide.staticTokens,
        vSide.prefix,
        counter,
      );
      r.weight = t.weight;
      return r;
    });
    if (lost) cut += t.weight;
    return out;
  });
  return { runs, dropped, truncatedShare: w > 0 ? cut / w : 0 };
}

/**
 * Cost of extending one run's turns of `agent` from `turns` to `headMax`: each extra turn j costs
 * the run's last replayed call of that agent with j more outputs in the history
 * (input = last input + j × last output, cache reads as the last call's), at the head side.
 */
export function extensionCost(
  trace: Trace,
  run: readonly (SampleResult | null)[],
  agent: string,
  turns: number,
  headMax: number,
  side: AgentSide,
): number {
  let last: SampleResult | null = null;
  trace.calls.forEach((c, j) => {
    if (c.label === agent && run[j] !== null) last = run[j];
  });
  if (last === null || headMax <= turns) return 0;
  const u = (last as SampleResult).usage;
  const tier = trace.calls[0].sample.tier ?? side.rs.tier;
  // Extra turn j sends last input + j × last output: summed per price bracket, not turn by turn.
  try {
    return sumOverTurns(
      headMax - turns,
      u.inputTokens + u.outputTokens,
      u.outputTokens,
      side.inputBreaks,
      (x) => side.rs.price({ ...u, inputTokens: x }, tier, trace.calls[0].sample.ts).total,
    );
  } catch (e) {
    throw atTrafficLine(e, trace.calls[0].sample);
  }
}
