/**
 * The agent block of a feature side in the JSON report (snake_case, plain numbers): proposed as
 * `FeatureSideJson.agent` (null for prompt features). The report module adds it with
 * `agent: agentSideJson(f.agent)`; schema/report.schema.json follows this shape.
 */

import type { AgentEstimate } from './agent-types.js';

/** One agent of the feature at one revision. */
export interface AgentJson {
  name: string;
  root: boolean;
  model: string;
  inherits_model: boolean;
  max_turns: number | null;
  instructions_tokens: number;
  tool_tokens: number;
  estimated_tool_tokens: number;
  tools_without_schema: string[];
  calls_per_run: number;
  turn_cap_share: number | null;
}

/** A raised loop limit over runs that reached the old one (rule `unbounded_increase`). */
export interface TurnCapIncreaseJson {
  agent: string;
  base_max_turns: number;
  head_max_turns: number | null;
  cap_share: number;
  extra_calls_per_run: number | null;
  upper_bound_per_request: number | null;
  upper_bound_monthly: number | null;
}

/** `FeatureSideJson.agent`. */
export interface AgentSideJson {
  root: string;
  calls: number;
  calls_per_run: number;
  agents: AgentJson[];
  truncated_share: number | null;
  dropped_calls: number;
  turn_cap_increases: TurnCapIncreaseJson[];
  static_turns: {
    turns: number;
    turns_from: 'typical_turns' | 'max_turns';
    output_tokens: number;
    output_from: 'typical_output_tokens' | 'max_tokens';
  } | null;
}

/** The agent block of a feature side, or null for prompt features. */
export function agentSideJson(a: AgentEstimate | undefined): AgentSideJson | null {
  if (!a) return null;
  return {
    root: a.root,
    calls: a.calls,
    calls_per_run: a.callsPerRun,
    agents: a.agents.map((x) => ({
      name: x.name,
      root: x.root,
      model: x.model,
      inherits_model: x.inheritsModel,
      max_turns: x.maxTurns,
      instructions_tokens: x.instructionsTokens,
      tool_tokens: x.toolTokens,
      estimated_tool_tokens: x.estimatedToolTokens,
      tools_without_schema: x.toolsWithoutSchema.slice(),
      calls_per_run: x.callsPerRun,
      turn_cap_share: x.turnCapShare,
    })),
    truncated_share: a.truncatedShare,
    dropped_calls: a.droppedCalls,
    turn_cap_increases: a.turnCapIncreases.map((c) => ({
      agent: c.agent,
      base_max_turns: c.baseMaxTurns,
      head_max_turns: c.headMaxTurns,
      cap_share: c.capShare,
      extra_calls_per_run: c.extraCallsPerRun,
      upper_bound_per_request: c.upperBoundPerRequest,
      upper_bound_monthly: c.upperBoundMonthly,
    })),
    static_turns: a.staticTurns
      ? {
          turns: a.staticTurns.turns,
          turns_from: a.staticTurns.turnsFrom,
          output_tokens: a.staticTurns.outputTokens,
          output_from: a.staticTurns.outputFrom,
        }
      : null,
  };
}
