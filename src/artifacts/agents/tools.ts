/**
 * Tool lists of agent definitions: JSON Schema tools (counted exactly by OpenAI's rule in
 * src/tokenize/tools.ts) and tools named without a schema in the repository, which can only be
 * counted with a per-tool estimate.
 */

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

/**
 * Reads a tool list: OpenAI function tools (`{type: function, function: {name, description,
 * parameters}}`), the flat shape of the agent YAML (`{name, description, parameters}`), Anthropic's
 * (`{name, description, input_schema}`), or a bare name (a tool without a schema here).
 * `where` names the list in messages; `line` locates errors.
 */
export function readToolList(value: unknown, file: string, line: number | undefined, where: string): ToolList {
  if (!Array.isArray(value)) {
    throw new ArtifactError(`${where} must be a list of tools`, {
      location: { file, line },
      hint: 'e.g. tools:\n  - name: lookup_order\n    description: Look up an order by id\n    parameters: {type: object, properties: {order_id: {type: string}}}',
    });
  }
  const tools: ToolDefinition[] = [];
  const opaque: string[] = [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (typeof item === 'string' && item.trim()) {
      opaque.push(item.trim());
      return;
    }
    const tool = toolOf(item);
    if (!tool) {
      throw new ArtifactError(`${where}[${i}] is not a tool: expected a name, or a mapping with name (and description, parameters)`, {
        location: { file, line },
        hint: 'Write each tool as {name, description, parameters} or as an OpenAI function tool {type: function, function: {...}}.',
      });
    }
    if (seen.has(tool.name)) {
      throw new ArtifactError(`${where}: tool "${tool.name}" is defined twice`, { location: { file, line }, hint: 'Tool names must be unique within an agent.' });
    }
    seen.add(tool.name);
    tools.push(tool);
  });
  return { tools, opaque };
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
  const list = isRecord(value) && Array.isArray(own(value, 'tools')) ? own(value, 'tools') : value;
  return readToolList(list, file, 1, 'the tools file');
}
