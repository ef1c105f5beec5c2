/**
 * Tokens that tool (function) definitions add to a request, after the OpenAI cookbook's
 * `num_tokens_for_tools` ("How to count tokens with tiktoken"): OpenAI renders the definitions
 * into a hidden system text, so their cost is a fixed overhead per function and property plus
 * the tokens of `name:description` and `key:type:description` lines.
 *
 * Faithful to the cookbook, including its limits: only the top-level `properties` of each
 * function's parameters are counted (nested object schemas, `items`, `required` and other keywords
 * are not); a single trailing period of a description is dropped. The cookbook validated it on
 * gpt-4o / gpt-4o-mini (func_init 7) and gpt-3.5-turbo / gpt-4 (func_init 10) only.
 */

import type { Encoding, ToolDefinition } from '../types.js';

/**
 * The cookbook's constants for gpt-4o-class models; cl100k (gpt-3.5/gpt-4) differs in FUNC_INIT only.
 * Llama 3 (cl100k's ranks and more) takes cl100k's: how a Llama host renders tools is its own, so
 * tool tokens of a Llama model are the OpenAI rule applied to exact Llama 3 counts. Gemma 3
 * (Gemini) takes o200k's, likewise an approximation of how Google renders declarations.
 */
export const TOOL_TOKEN_CONSTANTS = {
  funcInit: { o200k_base: 7, cl100k_base: 10, llama3: 10, gemma3: 7 } as Record<Encoding, number>,
  propInit: 3,
  propKey: 3,
  enumInit: -3,
  enumItem: 3,
  funcEnd: 12,
} as const;

/**
 * Tokens of a list of tool definitions in the given encoding, unscaled.
 * `count` counts plain text in that encoding (memoised by the caller). 0 for an empty list.
 */
export function toolDefinitionTokens(
  tools: readonly ToolDefinition[],
  encoding: Encoding,
  count: (text: string) => number,
): number {
  if (tools.length === 0) return 0;
  const k = TOOL_TOKEN_CONSTANTS;
  let total = 0;
  for (const tool of tools) {
    total += k.funcInit[encoding];
    total += count(`${tool.name}:${dropFinalPeriod(asText(tool.description))}`);
    const properties = propertiesOf(tool.parameters);
    if (properties.length === 0) continue;
    total += k.propInit;
    for (const [key, schema] of properties) {
      total += k.propKey;
      const prop = isRecord(schema) ? schema : {};
      const enumValues = own(prop, 'enum');
      if (Array.isArray(enumValues)) {
        total += k.enumInit;
        for (const item of enumValues) total += k.enumItem + count(String(item));
      }
      const type = typeText(own(prop, 'type'));
      total += count(`${key}:${type}:${dropFinalPeriod(asText(own(prop, 'description')))}`);
    }
  }
  // The cookbook adds the closing overhead once for the whole list, not per function.
  return total + k.funcEnd;
}

function propertiesOf(parameters: unknown): [string, unknown][] {
  if (!isRecord(parameters)) return [];
  const props = own(parameters, 'properties');
  return isRecord(props) ? Object.entries(props) : [];
}

/** JSON Schema allows `type: ["string", "null"]`; the cookbook never saw one, so join readably. */
function typeText(type: unknown): string {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.map(String).join(', ');
  return '';
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function dropFinalPeriod(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own properties only: a schema from a PR must not reach Object.prototype. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
