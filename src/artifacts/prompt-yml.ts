/**
 * GitHub Models prompt files (`*.prompt.yml`, `*.prompt.yaml`), read as github/gh-models
 * `pkg/prompt/prompt.go` reads them, plus the variants seen in public repositories: other
 * spellings of max tokens, `jsonSchema` as a YAML mapping, nested `testData` rows, extra keys,
 * and a `tools:` list: gh-models sends no tools, but teams keep their runtime's function-tool list
 * beside the prompt, and every call of that runtime pays for it.
 */

import type { Node } from 'yaml';
import { didYouMean } from '../text/index.js';
import { ArtifactError } from '../errors.js';
import type { CallSite, MessageTemplate } from '../types.js';
import { readToolList } from './agents/tools.js';
import { collectTemplateFacts } from './render.js';
import {
  findPair,
  isMap,
  isRecord,
  isScalar,
  isSeq,
  keyLine,
  noteUnreadKeys,
  own,
  parseYaml,
  positionOf,
  readNumberKey,
  refuseMisspelledKeys,
  textStartLine,
  toPlainData,
} from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';
import { emptySite } from './site.js';

/** The only spelling gh-models reads comes first; the others are accepted with a note. */
const MAX_TOKENS_KEYS = [
  'maxTokens',
  'max_tokens',
  'maxCompletionTokens',
  'max_completion_tokens',
  'maxOutputTokens',
  'max_output_tokens',
];
const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'];
/** Top-level keys read for the price; a key one typo away from one of them is an error. */
const PRICED_KEYS = [
  'model',
  'modelParameters',
  'messages',
  'testData',
  'responseFormat',
  'jsonSchema',
  'tools',
  ...MAX_TOKENS_KEYS,
];
/** Top-level keys of gh-models and its variants that do not change the price. */
const OTHER_KEYS = ['name', 'description', 'evaluators', 'model_parameters', 'version', 'tags', 'metadata'];
/** modelParameters keys read for the price. */
const PRICED_PARAMETERS = [...MAX_TOKENS_KEYS, 'temperature', 'topP', 'top_p', 'tools'];
/** modelParameters keys of model APIs that do not change the price (some are one edit from a priced key). */
export const OTHER_PARAMETERS = [
  'stop',
  'seed',
  'n',
  'topK',
  'top_k',
  'frequencyPenalty',
  'frequency_penalty',
  'presencePenalty',
  'presence_penalty',
  'stream',
  'user',
  'logprobs',
  'topLogprobs',
  'top_logprobs',
  'reasoningEffort',
  'reasoning_effort',
  'responseFormat',
  'response_format',
  'parallelToolCalls',
  'parallel_tool_calls',
  'toolChoice',
  'tool_choice',
  'logitBias',
  'logit_bias',
];
/** Message roles of a chat prompt. */
const ROLES = ['system', 'user', 'assistant', 'developer'];
const EXAMPLE = 'e.g.\nmodel: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "Summarise {{text}}"';

/** Reads a GitHub Models `.prompt.yml` into a CallSite. Malformed files throw ArtifactError. */
export function parseGithubModelsPrompt(file: string, text: string): CallSite {
  const src = parseYaml(file, text);
  const root = src.doc.contents;
  if (!isMap(root)) {
    throw new ArtifactError('not a GitHub Models prompt: the file must be a YAML mapping with model and messages', {
      location: { file, ...positionOf(src, root) },
      hint: EXAMPLE,
    });
  }
  refuseMisspelledKeys(src, root, '', PRICED_KEYS, OTHER_KEYS);
  const notes: string[] = [];
  const site = emptySite(file, 'github-models', notes);

  readModel(src, root, site);
  readModelParameters(src, root, site, notes);
  readResponseFormat(src, root, site, notes);
  readTools(src, root, site, notes);
  const starts = readMessages(src, root, site);
  readTopLevelSystem(src, root, site, starts, notes);
  site.testData = readTestData(src, root);
  noteUnreadKeys(src, root, '', [...PRICED_KEYS, ...OTHER_KEYS, 'system', 'model_parameters'], notes);

  collectTemplateFacts(site, starts);
  return site;
}

/** `a string`, `a list`, `a number` … for messages. */
function kindOf(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v === 'boolean' ? 'boolean' : typeof v}`;
}

function fail(src: YamlSource, node: Node | null | undefined, message: string, hint: string): never {
  throw new ArtifactError(message, { location: { file: src.file, ...positionOf(src, node) }, hint });
}

function readModel(src: YamlSource, root: Node, site: CallSite): void {
  const found = findPair(root, ['model']);
  if (!found) return;
  const v = own(src.value, 'model');
  if (v === null || v === undefined) return;
  if (typeof v !== 'string' || !v.trim()) {
    fail(
      src,
      found.pair.value,
      'model must be a model id string',
      'Write it as publisher/model, e.g. model: openai/gpt-4o-mini.',
    );
  }
  site.model = v.trim();
  site.lines.model = keyLine(src, found.pair);
}

function readModelParameters(src: YamlSource, root: Node, site: CallSite, notes: string[]): void {
  const found = findPair(root, ['modelParameters', 'model_parameters']);
  const map = found?.pair.value;
  if (!found || map === null || map === undefined || (isScalar(map) && map.value === null)) {
    const stray = findPair(root, MAX_TOKENS_KEYS);
    if (stray)
      notes.push(
        `${stray.key} at line ${keyLine(src, stray.pair)} is outside modelParameters; gh-models ignores it, so it is ignored`,
      );
    return;
  }
  if (found.key !== 'modelParameters')
    notes.push(`${found.key} at line ${keyLine(src, found.pair)} read as modelParameters`);
  if (!isMap(map))
    fail(src, map, `${found.key} must be a mapping`, 'e.g. modelParameters: {maxTokens: 400, temperature: 0.2}');
  refuseMisspelledKeys(src, map, ` in ${found.key}`, PRICED_PARAMETERS, OTHER_PARAMETERS);
  const where = `${found.key}.`;
  noteUnreadKeys(src, map, where, [...PRICED_PARAMETERS, ...OTHER_PARAMETERS], notes);

  const max = readNumberKey(src, map, MAX_TOKENS_KEYS, where, true, notes);
  if (max.value !== undefined && max.line !== undefined) {
    site.params.maxTokens = max.value;
    site.lines.maxTokens = max.line;
    if (max.key !== 'maxTokens') {
      notes.push(`${where}${max.key} at line ${max.line} read as maxTokens (gh-models reads only maxTokens)`);
    }
    const others = MAX_TOKENS_KEYS.filter((k) => k !== max.key && findPair(map, [k]));
    if (others.length) notes.push(`${where}${others.join(', ')} ignored: ${max.key} is used`);
  }
  const temp = readNumberKey(src, map, ['temperature'], where, false, notes);
  if (temp.value !== undefined && temp.line !== undefined) {
    site.params.temperature = temp.value;
    site.lines.temperature = temp.line;
  }
  const topP = readNumberKey(src, map, ['topP', 'top_p'], where, false, notes);
  if (topP.value !== undefined && topP.line !== undefined) {
    site.params.topP = topP.value;
    site.lines.topP = topP.line;
  }
}

function readResponseFormat(src: YamlSource, root: Node, site: CallSite, notes: string[]): void {
  const rf = findPair(root, ['responseFormat']);
  const format = own(src.value, 'responseFormat');
  if (rf && format !== null && format !== undefined) {
    if (typeof format !== 'string' || !RESPONSE_FORMATS.includes(format)) {
      fail(
        src,
        rf.pair.value,
        `responseFormat must be one of ${RESPONSE_FORMATS.join(', ')}, got ${JSON.stringify(format)}`,
        'e.g. responseFormat: json_schema, with the schema under jsonSchema.',
      );
    }
    site.params.responseFormat = format;
    site.lines.responseFormat = keyLine(src, rf.pair);
  }

  const js = findPair(root, ['jsonSchema']);
  const schema = own(src.value, 'jsonSchema');
  if (!js || schema === null || schema === undefined) {
    if (site.params.responseFormat === 'json_schema')
      notes.push('responseFormat is json_schema but there is no jsonSchema; no schema is counted');
    return;
  }
  site.lines.jsonSchema = keyLine(src, js.pair);
  let compact: string;
  if (typeof schema === 'string') {
    try {
      compact = JSON.stringify(JSON.parse(schema));
    } catch (e) {
      fail(
        src,
        js.pair.value,
        `jsonSchema is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
        'Write jsonSchema as a JSON string (jsonSchema: |- followed by the JSON) or as a YAML mapping.',
      );
    }
  } else if (typeof schema === 'object') {
    // The repository's own examples write the schema as a YAML mapping; it is sent as JSON.
    compact = JSON.stringify(schema);
  } else {
    fail(
      src,
      js.pair.value,
      'jsonSchema must be a JSON string or a mapping',
      'e.g. jsonSchema: {name: result, schema: {type: object}}',
    );
  }
  if (site.params.responseFormat === 'json_schema') site.responseSchema = compact;
  else
    notes.push(
      `jsonSchema at line ${site.lines.jsonSchema} is not sent without responseFormat: json_schema; not counted`,
    );
}

/**
 * The function-tool list, at the top level or under modelParameters, in the agent YAML's shapes
 * (OpenAI `{type: function, function: {…}}` or flat `{name, description, parameters}`). Entries
 * that cannot be counted are errors, never skipped: a dropped tool would price as "unchanged".
 */
function readTools(src: YamlSource, root: Node, site: CallSite, notes: string[]): void {
  const top = findPair(root, ['tools']);
  const params = findPair(root, ['modelParameters', 'model_parameters']);
  const nested = params && isMap(params.pair.value) ? findPair(params.pair.value, ['tools']) : undefined;
  if (top && nested && params) {
    fail(
      src,
      nested.pair.key,
      `tools is written twice: at line ${keyLine(src, top.pair)} and as ${params.key}.tools at line ${keyLine(src, nested.pair)}`,
      'Keep one tools list, at the top level.',
    );
  }
  const found = top ?? nested;
  const node = found?.pair.value;
  if (!found || node === null || node === undefined || (isScalar(node) && node.value === null)) return;
  const where = top || !params ? 'tools' : `${params.key}.tools`;
  const value = top || !params ? own(src.value, 'tools') : own(own(src.value, params.key), 'tools');
  const line = keyLine(src, found.pair);
  const items = isSeq(node) ? (node.items as Node[]) : [];
  const list = readToolList(value, src.file, positionOf(src, node).line, where, {
    bareNames: false,
    entryLine: (i) => (items[i] ? positionOf(src, items[i]).line : undefined),
  });
  site.tools = list.tools;
  site.lines.tools = line;
  if (where !== 'tools') notes.push(`${where} at line ${line} read as tools`);
}

/** Fills messages; returns, per message, the file line where its template text starts. */
function readMessages(src: YamlSource, root: Node, site: CallSite): number[] {
  const found = findPair(root, ['messages']);
  const list = found?.pair.value;
  if (!found || !list || (isScalar(list) && list.value === null)) {
    fail(src, found?.pair.key ?? root, 'the prompt has no messages', `Add a messages list, ${EXAMPLE}`);
  }
  if (!isSeq(list)) fail(src, list, 'messages must be a list of {role, content}', EXAMPLE);
  site.lines.messages = keyLine(src, found.pair);
  const starts: number[] = [];
  list.items.forEach((item, i) => {
    const node = item as Node;
    const label = `messages[${i}]`;
    const hint =
      'Each message needs a role (system, user or assistant) and a content string, e.g.\n  - role: user\n    content: "Summarise {{text}}"';
    if (!isMap(node)) fail(src, node, `${label} must be a mapping with role and content`, hint);
    const rolePair = findPair(node, ['role']);
    const role = rolePair && isScalar(rolePair.pair.value) ? rolePair.pair.value.value : undefined;
    if (typeof role !== 'string' || !role.trim()) fail(src, rolePair?.pair.value ?? node, `${label} has no role`, hint);
    if (!ROLES.includes(role.trim())) {
      fail(
        src,
        rolePair?.pair.value ?? node,
        `${label} has the role "${role.trim().slice(0, 40)}", not one of ${ROLES.join(', ')}${didYouMean(role.trim(), ROLES)}`,
        hint,
      );
    }
    const contentPair = findPair(node, ['content']);
    const cnode = contentPair?.pair.value;
    const content = isScalar(cnode) ? cnode.value : undefined;
    if (!contentPair || content === null || content === undefined || typeof content === 'object') {
      fail(src, cnode ?? node, `${label} (${role.trim()}) has no text content`, hint);
    }
    noteUnreadKeys(src, node, `${label}.`, ['role', 'content', 'name'], site.notes!);
    const msg: MessageTemplate = { role: role.trim(), template: String(content), line: keyLine(src, contentPair.pair) };
    site.messages.push(msg);
    starts.push(textStartLine(src, cnode));
  });
  return starts;
}

/**
 * A top-level `system:` beside `messages:` (a shape some runtimes load): gh-models ignores it, but
 * the runtimes that write it send it, so it is read as the system message when `messages` has
 * none; when `messages` has one too, it is named in a note (two system texts are ambiguous).
 */
function readTopLevelSystem(src: YamlSource, root: Node, site: CallSite, starts: number[], notes: string[]): void {
  const found = findPair(root, ['system']);
  const node = found?.pair.value;
  const text = isScalar(node) ? node.value : undefined;
  if (!found || text === null || text === undefined || text === '') return;
  const line = keyLine(src, found.pair);
  if (typeof text !== 'string')
    fail(src, node, 'system must be text', 'Write the system prompt as a string, or as the first of messages.');
  const other = site.messages.find((m) => m.role === 'system');
  if (other) {
    notes.push(
      `system at line ${line} is not read by aicost, so the text it holds is not priced: messages has a system message at line ${other.line}; keep one of them`,
    );
    return;
  }
  site.messages.unshift({ role: 'system', template: text, line });
  starts.unshift(textStartLine(src, node));
  notes.push(`system at line ${line} read as the system message (gh-models sends only messages)`);
}

/**
 * Rows as plain variable maps. Rows may be flat (`{input: …, expected: …}`), nested under
 * `variables:`, or under `input:` when that is a mapping; keys beside the nest are kept too. Any
 * other shape is an error: a row that is skipped would leave its variables out of the price.
 */
function readTestData(src: YamlSource, root: Node): Record<string, unknown>[] {
  const found = findPair(root, ['testData']);
  const data = own(src.value, 'testData');
  if (!found || data === null || data === undefined) return [];
  const hint = 'testData is a list of rows of template variables, e.g.\ntestData:\n  - body: "My printer is on fire"';
  if (!Array.isArray(data))
    fail(
      src,
      found.pair.value,
      `testData must be a list of mappings (rows of template variables), got ${kindOf(data)}`,
      hint,
    );
  const items = isSeq(found.pair.value) ? (found.pair.value.items as Node[]) : [];
  const rows: Record<string, unknown>[] = [];
  data.forEach((row, i) => {
    if (!isRecord(row))
      fail(
        src,
        items[i] ?? found.pair.value,
        `testData[${i}] must be a mapping of template variables, got ${kindOf(row)}`,
        hint,
      );
    const nestKey = isRecord(own(row, 'variables')) ? 'variables' : isRecord(own(row, 'input')) ? 'input' : undefined;
    const flat: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(row)) if (k !== nestKey) flat[k] = row[k];
    if (nestKey) Object.assign(flat, own(row, nestKey) as Record<string, unknown>);
    rows.push(toPlainData(flat) as Record<string, unknown>);
  });
  return rows;
}
