/** What an agent feature's estimate says beyond a prompt feature's: per agent, per run, loop caps. */

/** One agent of the feature at one revision. */
export interface AgentSummary {
  name: string;
  /** The root agent (trace lines without `agent`). */
  root: boolean;
  /** Canonical model id the agent's calls are priced with. */
  model: string;
  /** The model is the parent's (Claude Code `inherit`, or a sub-agent without a model). */
  inheritsModel: boolean;
  /** Loop limit, null when the definition sets none. */
  maxTurns: number | null;
  /** Tokens of the instructions as a system message, per call. */
  instructionsTokens: number;
  /** Tokens of the tool definitions with a schema, per call (OpenAI's rule). */
  toolTokens: number;
  /** Estimated tokens of tools without a schema in the repository, per call. */
  estimatedToolTokens: number;
  /** Names of those tools. */
  toolsWithoutSchema: string[];
  /** Weighted mean of this agent's calls per run (replayed, or static turns). */
  callsPerRun: number;
  /** Share of runs (by weight) whose turns of this agent reached maxTurns; null without traces or a limit. */
  turnCapShare: number | null;
}

/**
 * A raised loop limit while recorded runs reached the old one: the replay keeps those runs as
 * recorded, so the replayed delta is a lower bound. The bound extends each capped run to the new
 * limit, each extra turn costing the run's last turn of that agent with its output added to the
 * history (turn j input = last input + j × last output), at the head's model and prices.
 */
export interface TurnCapIncrease {
  agent: string;
  baseMaxTurns: number;
  /** Null when the head removes the limit: no upper bound. */
  headMaxTurns: number | null;
  /** Share of runs (by weight) whose turns of the agent reached the base limit. */
  capShare: number;
  /** Extra calls per run (weighted mean over all runs) if capped runs ran to the new limit; null without a limit. */
  extraCallsPerRun: number | null;
  /** Per-request cost at the new limit (head mean + the extension); null without a limit. */
  upperBoundPerRequest: number | null;
  /** Monthly cost at the new limit; null without a limit. */
  upperBoundMonthly: number | null;
}

/** Agent part of a FeatureEstimate (null for prompt features). */
export interface AgentEstimate {
  /** Name of the root agent. */
  root: string;
  /** Calls priced (after truncation at this revision). */
  calls: number;
  /** Weighted mean of calls per run. */
  callsPerRun: number;
  agents: AgentSummary[];
  /** Share of runs (by weight) with calls dropped because this revision lowered an agent's max turns; null at base. */
  truncatedShare: number | null;
  /** Calls dropped by lowered max turns at this revision. */
  droppedCalls: number;
  /** Raised loop limits over runs that reached the old one (head side of a diff). */
  turnCapIncreases: TurnCapIncrease[];
  /** Static estimate (no traces): turns per loop and where turns and output came from. */
  staticTurns: {
    turns: number;
    turnsFrom: 'typical_turns' | 'max_turns';
    outputTokens: number;
    outputFrom: 'typical_output_tokens' | 'max_tokens';
  } | null;
}
