/**
 * An agent as one file describes it, before the files it references (instructions_file,
 * tools_file, sub-agent files) are read: what each format parser returns to the loader.
 */

import type { AgentFormat, AgentKeyLocation, ToolDefinition } from '../../types.js';

/** A reference from an agent definition to another file of the revision. */
export interface FileRef {
  path: string;
  /** Line of the referencing key in the definition. */
  line: number | null;
}

/** One agent as parsed from its own file. */
export interface AgentDraft {
  /** The name the file gives the agent, if any (a sub-agent is named by its parent's key). */
  name?: string;
  format: AgentFormat;
  file: string;
  /** Model id as written; `inherit` is turned into `inheritsModel`. */
  model?: string;
  /** The file says `inherit` (Claude Code) for the model. */
  inheritsModel: boolean;
  instructions?: string;
  /** File line where the instructions text starts (template issues point at it). */
  instructionsStart?: number;
  instructionsFile?: FileRef;
  tools: ToolDefinition[];
  toolsFile?: FileRef;
  opaqueTools: string[];
  opaqueToolTokens: number;
  maxTurns?: number;
  maxTurnsIsDefault?: boolean;
  maxTokens?: number;
  /** Sub-agents: the name trace lines carry → the file (optionally `file#key` for CrewAI). */
  subAgents: { name: string; ref: FileRef }[];
  where: Record<string, AgentKeyLocation>;
  settings: Record<string, string | number | boolean>;
  notes: string[];
}

/** A draft with the defaults of a format filled in. */
export function emptyDraft(format: AgentFormat, file: string, opaqueToolTokens: number): AgentDraft {
  return {
    format,
    file,
    inheritsModel: false,
    tools: [],
    opaqueTools: [],
    opaqueToolTokens,
    subAgents: [],
    where: Object.create(null) as Record<string, AgentKeyLocation>,
    settings: Object.create(null) as Record<string, string | number | boolean>,
    notes: [],
  };
}
