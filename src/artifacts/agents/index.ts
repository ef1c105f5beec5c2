/**
 * Agent definitions (DESIGN "Agent definition"): aicost's own agent YAML, Claude Code sub-agents
 * and CrewAI agents.yaml, read into one shape (`AgentSpec`: a root agent and its sub-agents, each
 * with a CallSite of what every call sends, its model and its loop limit).
 */
export { loadAgentSpec, loadFeatureAgent, agentFormatOf, splitAgentRef, MAX_AGENTS, MAX_AGENT_DEPTH } from './load.js';
export type { AgentFileReader } from './load.js';
export { parseAicostAgent } from './aicost-yaml.js';
export { parseClaudeAgent, CLAUDE_MODEL_ALIASES } from './claude-code.js';
export { parseCrewAgents, CREWAI_DEFAULT_MAX_ITER } from './crewai.js';
export type { CrewRead } from './crewai.js';
export type { AgentDraft, FileRef } from './draft.js';
export {
  CLAUDE_CODE_TOOL_TOKENS,
  CREWAI_TOOL_TOKENS,
  NAMED_TOOL_TOKENS,
  parseToolsFile,
  readToolList,
} from './tools.js';
export type { ToolList } from './tools.js';
