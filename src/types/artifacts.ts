/**
 * Contracts of artifacts: what a prompt file says about the calls it makes (a CallSite) and an agent
 * feature's definition (AgentSpec: a root agent and its sub-agents). Re-exported from src/types.ts.
 */

/** One message of a prompt template. */
export interface MessageTemplate {
  role: string;
  template: string;
  /** Line of the message in its file (1-based), for change lists and annotations. */
  line: number;
}

export interface ToolDefinition {
  name: string;
  description?: string;
  parameters?: unknown;
}

export interface CallParams {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  responseFormat?: string;
  reasoningEffort?: string;
}

/** What a prompt artifact says about the calls it makes. */
export interface CallSite {
  file: string;
  /**
   * `agent`: one agent of an agent definition (its instructions as a system message, its tools).
   * `code`: a constant or one SDK call in a Python/TypeScript/JavaScript file (`file.py#NAME`);
   * the feature's `model:` wins over the model the code names.
   */
  format: 'github-models' | 'markdown' | 'text' | 'agent' | 'dotprompt' | 'promptfoo' | 'code';
  model?: string;
  /** Positions of cost-relevant keys in the file, by name (`model`, `maxTokens`, …). */
  lines: Record<string, number>;
  messages: MessageTemplate[];
  params: CallParams;
  /** JSON text of the response schema, counted as input (structured outputs). */
  responseSchema?: string;
  /**
   * `embedding`: an embeddings call (Prompty `api: embedding`): the rendered text is the whole
   * input (no chat framing), there is no output. Absent for chat calls.
   */
  api?: 'embedding';
  tools: ToolDefinition[];
  /** Rows of test variables the artifact carries (GitHub Models `testData`). */
  testData: Record<string, unknown>[];
  /** Variables referenced by the templates, in order of first use. */
  variables: string[];
  /** Constructs the restricted renderer left as static text, for the report. */
  unsupported: string[];
  /**
   * Lenient readings the parser made, for the report: a non-standard key spelling it accepted
   * (`modelParameters.max_tokens read as maxTokens`), a value it ignored, an alias to map.
   */
  notes?: string[];
}

// ---------------------------------------------------------------------------------------------
// Agents (src/artifacts/agents/): one agent feature = a root agent and its sub-agents.
// ---------------------------------------------------------------------------------------------

/** Agent definition formats: aicost's own agent YAML, Claude Code sub-agents, CrewAI agents.yaml. */
export type AgentFormat = 'aicost' | 'claude-code' | 'crewai';

/** Where a cost-relevant key of an agent sits (the definition, or a file it references). */
export interface AgentKeyLocation {
  file: string;
  line: number | null;
}

/**
 * One agent of an agent feature: what every call of it sends and its loop limit. `site` carries
 * the per-call part as a CallSite (the instructions as one system message, the tool definitions
 * with a schema, the model, the output cap), so a call of this agent replays like a prompt call.
 */
export interface AgentDefinition {
  /** The name trace lines carry in `agent` (a sub-agent's key under `sub_agents`, a CrewAI key). */
  name: string;
  format: AgentFormat;
  /** Repository path of the definition (CrewAI: the agents.yaml). */
  file: string;
  site: CallSite;
  /** The model is the parent's (Claude Code `inherit`, or no model in a sub-agent): site.model is a copy of it. */
  inheritsModel: boolean;
  /** Loop limit (`max_turns`, `maxTurns`, `max_iter`); undefined when the definition sets none. */
  maxTurns?: number;
  /** True when maxTurns is the framework's default rather than written (CrewAI max_iter 20). */
  maxTurnsIsDefault?: boolean;
  /** Tools named without a schema in the repository (Claude Code built-ins, CrewAI code tools). */
  opaqueTools: string[];
  /** Estimated tokens per opaque tool per call (a documented figure, see src/artifacts/agents/tools.ts). */
  opaqueToolTokens: number;
  /** Names of the sub-agents this agent can hand work to (their definitions are in AgentSpec.agents). */
  subAgents: string[];
  /** Location of each cost-relevant key: model, instructions, tools, max_turns, max_tokens, sub_agents. */
  where: Record<string, AgentKeyLocation>;
  /** Cost settings that recorded calls cannot replay (CrewAI allow_delegation, max_retry_limit, function_calling_llm; Claude Code effort). */
  settings: Record<string, string | number | boolean>;
}

/** An agent feature's definition at one revision: the root agent and every sub-agent, flattened. */
export interface AgentSpec {
  /** Name of the root agent: trace lines without `agent` (or naming it) belong to it. */
  root: string;
  /** Every agent, root first, then sub-agents in the order they were found. Names are unique. */
  agents: AgentDefinition[];
  /**
   * Agent loops of one run for a static estimate (no traces): the root once, or one loop per
   * CrewAI task (its agent, and the task text sent as the user message).
   */
  staticLoops: { agent: string; task?: string; text?: string; file?: string; line?: number }[];
  /** Every repository file read to build the spec (definitions, instructions, tools, tasks). */
  files: string[];
  /** Lenient readings and things not priced, for the report. */
  notes: string[];
}
