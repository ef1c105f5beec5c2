/**
 * Tool lists of agent definitions: JSON Schema tools (counted exactly by OpenAI's rule in
 * src/tokenize/tools.ts) and tools named without a schema in the repository, which can only be
 * counted with a per-tool estimate.
 */

import { MAX_DEPTH } from '../../config/index.js';
import { ArtifactError } from '../../errors.js';
import type { ToolDefinition } from '../../types.js';
import { isRecord, own, toPlainData } from '../yaml-source.js';

/**
 * Estimated tokens per call of one Claude Code built-in tool (Read, Grep, Bash, …), whose schema
 * lives in Claude Code, not in the repository. A round figure: a proxy capture of a Claude Code
 * session measured about 10,600 tokens of tool schemas for its default tool set (56% of a
 * ~19,000-token fixed payload; secondary source, hpfreilabs.com "Anatomy of a Claude Code
 * Session"), i.e. several hundred tokens per tool; Bash alone is far longer. Labelled as an
 * estimate wherever it is used.
 */
export const CLAUDE_CODE_TOOL_TOKENS = 500;

/**
 * Claude Code's built-in tools a sub-agent gets with `tools: "*"` or no `tools:` line (its docs'
 * "Tools available to Claude", late 2025; the Task/Agent tool is left out: sub-agents do not
 * spawn sub-agents). Each is counted as CLAUDE_CODE_TOOL_TOKENS (14 × 500 = 7,000 tokens, below
 * the ~10,600 measured for a main session's tools, which include Task and its agent list).
 */
export const CLAUDE_CODE_BUILTIN_TOOLS: readonly string[] = [
  'Bash',
  'BashOutput',
  'Edit',
  'ExitPlanMode',
  'Glob',
  'Grep',
  'KillShell',
  'NotebookEdit',
  'Read',
  'SlashCommand',
  'TodoWrite',
  'WebFetch',
  'WebSearch',
  'Write',
];

/**
 * Estimated tokens per call of one CrewAI tool named in agents.yaml (a Python class). CrewAI
 * renders each tool as `Tool Name / Tool Arguments / Tool Description` lines: a name, a one-line
 * description and a small argument schema, about 50–150 tokens. A guess, labelled as one.
 */
export const CREWAI_TOOL_TOKENS = 100;

/**
 * Estimated tokens per call of a tool an aicost agent YAML names without a schema (`- web_search`),
 * e.g. a provider's hosted tool. The same order as a small function schema. Labelled as an estimate.
 */
export const NAMED_TOOL_TOKENS = 100;

/** A tool list read from a file: tools with a schema, and names of tools without one. */
export interface ToolList {
  tools: ToolDefinition[];
  opaque: string[];
}

/** How {@link readToolList} reads a list beyond the defaults (agent YAML). */
export interface ToolListOptions {
  /** Line of entry i, for errors about that entry; the list's `line` when absent. */
  entryLine?: (i: number) => number | undefined;
  /**
   * Whether a bare name (`- web_search`) is a tool without a schema here (agent YAML, counted by
   * an estimate). False where only schemas can be priced (a prompt file's tools): then an error.
   */
  bareNames?: boolean;
}

const TOOL_EXAMPLE =
  'e.g. tools:\n  - name: lookup_order\n    description: Look up an order by id\n    parameters: {type: object, properties: {order_id: {type: string}}}';

/**
 * Reads a tool list: OpenAI function tools (`{type: function, function: {name, description,
 * parameters}}`), the flat shape of the agent YAML (`{name, description, parameters}`), Anthropic's
 * (`{name, description, input_schema}`), or a bare name (a tool without a schema here).
 * `where` names the list in messages; `line` locates errors. A parameters value that is not a
 * mapping is an error: it would count as a tool without parameters, a silent undercount.
 */
export function readToolList(
  value: unknown,
  file: string,
  line: number | undefined,
  where: string,
  options: ToolListOptions = {},
): ToolList {
  if (!Array.isArray(value)) {
    throw new ArtifactError(`${where} must be a list of tools`, { location: { file, line }, hint: TOOL_EXAMPLE });
  }
  const bareNames = options.bareNames ?? true;
  const tools: ToolDefinition[] = [];
  const opaque: string[] = [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const location = { file, line: options.entryLine?.(i) ?? line };
    if (typeof item === 'string' && item.trim()) {
      if (!bareNames) {
        throw new ArtifactError(
          `${where}[${i}] "${item.trim()}" is only a name: every call sends the tool's definition, so it needs description and parameters`,
          {
            location,
            hint: `Write the tool as {name, description, parameters} or as an OpenAI function tool {type: function, function: {...}}, ${TOOL_EXAMPLE}`,
          },
        );
      }
      opaque.push(item.trim());
      return;
    }
    const tool = toolOf(item);
    if (!tool) {
      throw new ArtifactError(
        `${where}[${i}] is not a tool: expected ${bareNames ? 'a name, or ' : ''}a mapping with name (and description, parameters)`,
        {
          location,
          hint: 'Write each tool as {name, description, parameters} or as an OpenAI function tool {type: function, function: {...}}.',
        },
      );
    }
    if (tool.parameters !== undefined && tool.parameters !== null && !isRecord(tool.parameters)) {
      throw new ArtifactError(
        `${where}[${i}] (${tool.name}): parameters must be a mapping (a JSON Schema object), got ${shortJson(tool.parameters)}`,
        {
          location,
          hint: 'e.g. parameters: {type: object, properties: {order_id: {type: string, description: The order id}}}',
        },
      );
    }
    if (seen.has(tool.name)) {
      throw new ArtifactError(`${where}: tool "${tool.name}" is defined twice`, {
        location,
        hint: 'Tool names must be unique within a tool list.',
      });
    }
    seen.add(tool.name);
    tools.push(tool);
  });
  return { tools, opaque };
}

function shortJson(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function toolOf(item: unknown): ToolDefinition | null {
  if (!isRecord(item)) return null;
  const fn = own(item, 'function');
  const src = own(item, 'type') === 'function' && isRecord(fn) ? fn : item;
  const name = own(src, 'name');
  if (typeof name !== 'string' || !name.trim()) return null;
  const tool: ToolDefinition = { name: name.trim() };
  const description = own(src, 'description');
  if (typeof description === 'string') tool.description = description;
  const parameters = own(src, 'parameters') ?? own(src, 'input_schema');
  if (parameters !== undefined) tool.parameters = toPlainData(parameters);
  return tool;
}

/** Parses a tools file (JSON: an OpenAI function-tool list, or `{tools: [...]}`). */
export function parseToolsFile(file: string, text: string): ToolList {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new ArtifactError('tools file is not valid JSON', {
      location: { file, line },
      hint: 'A tools file is a JSON list of OpenAI function tools: [{"type": "function", "function": {"name": …, "parameters": {…}}}].',
    });
  }
  const deep = lineNestedPast(text, MAX_DEPTH);
  if (deep !== undefined) {
    throw new ArtifactError(`the JSON is nested more than ${MAX_DEPTH} levels deep`, {
      location: { file, line: deep },
      hint: "A tool's parameters are a JSON Schema a few levels deep; flatten the schema.",
    });
  }
  const list = isRecord(value) && Array.isArray(own(value, 'tools')) ? own(value, 'tools') : value;
  return readToolList(list, file, 1, 'the tools file');
}

/**
 * Line where valid JSON text first nests deeper than `max` objects and arrays, if it does: the
 * copies and token counts of a tool list recurse per level, as YAML files are refused past the
 * same depth (src/config/yaml-tree.ts).
 */
function lineNestedPast(text: string, max: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return line;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}
