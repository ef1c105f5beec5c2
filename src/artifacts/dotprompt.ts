/**
 * Dotprompt files (`.prompt`, Genkit's format; also `.prompt.md` with Dotprompt front matter),
 * read as google/dotprompt defines them: YAML front matter (`model`, `config`, `input`, `output`,
 * `tools`, `toolDefs`) and a Handlebars body whose `{{role "…"}}` markers split it into messages.
 * The body is still rendered by aicost's restricted renderer: Dotprompt's own helpers are handled
 * here as text rewrites (`{{>partial}}` inlined, `{{json x}}` as `{{x}}`, `{{history}}` and
 * `{{media}}` removed with a note), never executed.
 */

import { posix } from 'node:path';
import type { Node } from 'yaml';
import { ArtifactError } from '../errors.js';
import type { CallSite } from '../types.js';
import { readToolList } from './agents/tools.js';
import { isDotpromptPartial, splitMessages, type PartialFiles } from './dotprompt-body.js';
import { splitFrontMatter } from './markdown.js';
import { PicoschemaError, picoschemaToJsonSchema } from './picoschema.js';
import { collectTemplateFacts } from './render.js';
import {
  findPair,
  isMap,
  isRecord,
  isSeq,
  keyLine,
  noteUnreadKeys,
  own,
  parseYaml,
  positionOf,
  readNumberKey,
  refuseMisspelledKeys,
  toPlainData,
} from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';
import { emptySite } from './site.js';

export type { PartialFiles } from './dotprompt-body.js';
export { isDotpromptPartial, MAX_PARTIAL_DEPTH, partialNames, partialPath } from './dotprompt-body.js';

/** Front matter keys Dotprompt reserves (js/src/parse.ts), plus common metadata. */
const KNOWN_KEYS = ['model', 'config', 'input', 'output', 'tools', 'toolDefs', 'name', 'variant', 'version'];
const OTHER_KEYS = ['description', 'metadata', 'ext', 'raw'];
const CONFIG_PRICED = ['maxOutputTokens', 'max_output_tokens', 'maxTokens', 'temperature', 'topP', 'thinkingConfig'];
const CONFIG_OTHER = [
  'topK',
  'stopSequences',
  'candidateCount',
  'safetySettings',
  'responseMimeType',
  'presencePenalty',
  'frequencyPenalty',
  'seed',
  'version',
  'apiKey',
  'googleSearchRetrieval',
  'codeExecution',
  'responseModalities',
  'speechConfig',
  'location',
];
const MAX_TOKENS_KEYS = ['maxOutputTokens', 'max_output_tokens', 'maxTokens'];
/**
 * True when a `.prompt.md` is a Dotprompt (front matter with `config`, `input`, `output` or
 * `toolDefs`, or a body with `{{role "…"}}`, `{{history}}` or `{{>partial}}`), not a Copilot prompt file.
 */
export function looksLikeDotprompt(text: string): boolean {
  const fm = splitFrontMatter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!fm) return false;
  return (
    /^(?:config|input|output|toolDefs)[ \t]*:/m.test(fm.yaml) ||
    /\{\{~?\s*(?:role\s+["']|history\s*~?\}\}|>)/.test(fm.body)
  );
}

/** A Dotprompt model name as a catalog id: resource names and `models/…` forms mapped to prefixes. */
export function dotpromptModelId(raw: string): string {
  const id = raw.trim();
  const resource = /(?:^|\/)publishers\/([^/]+)\/models\/([^/]+)$/.exec(id);
  if (resource) {
    const [, publisher, model] = resource;
    const prefix = publisher === 'google' ? 'vertexai' : publisher === 'anthropic' ? 'vertex_ai' : publisher;
    return `${prefix}/${model}`;
  }
  return id
    .replace(/^(googleai|vertexai)\/models\//, '$1/')
    .replace(/^models\//, 'googleai/')
    .replace(/^((?:googleai|vertexai)\/gemini[^@]*)@(\d{3})$/, '$1-$2');
}

function fail(file: string, line: number | undefined, message: string, hint: string): never {
  throw new ArtifactError(message, { location: { file, line }, hint });
}

/** Reads a Dotprompt file into a CallSite; `partials` holds the partial files it uses. */
export function parseDotprompt(file: string, text: string, partials: PartialFiles = new Map()): CallSite {
  if (isDotpromptPartial(file)) {
    fail(
      file,
      1,
      `${posix.basename(file)} is a Dotprompt partial: it is priced inside the prompts that include it, not on its own`,
      "Point the feature's prompt: at the .prompt file that includes it with {{>name}}.",
    );
  }
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const notes: string[] = [];
  const site = emptySite(file, 'dotprompt', notes);
  const fm = splitFrontMatter(src);
  let body = src;
  let bodyLine = 1;
  if (fm) {
    const yaml = parseYaml(file, fm.yaml, 1);
    if (yaml.value !== null && !isMap(yaml.doc.contents))
      fail(file, 2, 'the front matter must be a YAML mapping', 'e.g. model: googleai/gemini-2.5-flash');
    readFrontMatter(yaml, site, notes);
    body = fm.body;
    bodyLine = fm.bodyLine;
  }
  const starts = splitMessages(file, body, bodyLine, partials, site.messages, notes);
  collectTemplateFacts(site, starts);
  return site;
}

function readFrontMatter(src: YamlSource, site: CallSite, notes: string[]): void {
  const root = src.doc.contents as Node | null;
  if (!isMap(root)) return;
  refuseMisspelledKeys(src, root, ' in the front matter', KNOWN_KEYS, OTHER_KEYS);
  const known = [...KNOWN_KEYS, ...OTHER_KEYS];
  // Namespaced extension keys (`ext1.foo: bar`) are Dotprompt's `ext`: metadata, never sent.
  const dotted = (isMap(root) ? root.items : [])
    .map((p) => String((p.key as { value?: unknown })?.value))
    .filter((k) => k.includes('.'));
  noteUnreadKeys(src, root, '', [...known, ...dotted], notes);

  const modelPair = findPair(root, ['model']);
  const model = own(src.value, 'model');
  if (modelPair && typeof model === 'string' && model.trim()) {
    const id = dotpromptModelId(model);
    site.model = id;
    site.lines.model = keyLine(src, modelPair.pair);
    if (id !== model.trim()) notes.push(`model "${model.trim()}" at line ${site.lines.model} read as ${id}`);
  } else if (modelPair && model !== null && model !== undefined) {
    fail(
      src.file,
      positionOf(src, modelPair.pair.value).line,
      'model must be a model name',
      'e.g. model: googleai/gemini-2.5-flash',
    );
  }

  const config = findPair(root, ['config'])?.pair.value;
  if (isMap(config)) {
    refuseMisspelledKeys(src, config, ' in config', CONFIG_PRICED, CONFIG_OTHER);
    noteUnreadKeys(src, config, 'config.', [...CONFIG_PRICED, ...CONFIG_OTHER], notes);
    const max = readNumberKey(src, config, MAX_TOKENS_KEYS, 'config.', true, notes);
    if (max.value !== undefined && max.line !== undefined) {
      site.params.maxTokens = max.value;
      site.lines.maxTokens = max.line;
    }
    for (const [keys, name] of [
      [['temperature'], 'temperature'],
      [['topP'], 'topP'],
    ] as const) {
      const r = readNumberKey(src, config, keys, 'config.', false, notes);
      if (r.value !== undefined && r.line !== undefined) {
        site.params[name] = r.value;
        site.lines[name] = r.line;
      }
    }
    readThinking(src, config, site);
  }
  readInput(src, root, site);
  readOutput(src, root, site, notes);
  readTools(src, root, site, notes);
}

/** `config.thinkingConfig`: the budget or level is a reasoning setting (taken as recorded when replayed). */
function readThinking(src: YamlSource, config: Node, site: CallSite): void {
  const pair = findPair(config, ['thinkingConfig']);
  const value = isRecord(pair?.pair.value?.toJSON()) ? (pair!.pair.value!.toJSON() as Record<string, unknown>) : null;
  if (!pair || !value) return;
  const budget = own(value, 'thinkingBudget');
  const level = own(value, 'thinkingLevel');
  const setting =
    typeof budget === 'number'
      ? `thinking budget ${budget}`
      : typeof level === 'string'
        ? `thinking level ${level}`
        : undefined;
  if (setting === undefined) return;
  site.params.reasoningEffort = setting;
  site.lines.reasoningEffort = keyLine(src, pair.pair);
}

/** `input.default` (and JSON Schema property defaults) as one row of test data. */
function readInput(src: YamlSource, root: Node, site: CallSite): void {
  const input = own(src.value, 'input');
  if (!isRecord(input)) return;
  const row: Record<string, unknown> = Object.create(null);
  const properties = own(own(input, 'schema'), 'properties');
  if (isRecord(properties)) {
    for (const name of Object.keys(properties)) {
      const d = own(properties[name], 'default');
      if (d !== undefined) row[name] = toPlainData(d);
    }
  }
  const defaults = own(input, 'default');
  if (isRecord(defaults)) Object.assign(row, toPlainData(defaults));
  if (Object.keys(row).length) {
    site.testData.push(row);
    const pair = findPair(findPair(root, ['input'])?.pair.value, ['default']) ?? findPair(root, ['input']);
    if (pair) site.lines.testData = keyLine(src, pair.pair);
  }
}

/** `output.schema` (Picoschema or JSON Schema) is sent with every call: counted as the response schema. */
function readOutput(src: YamlSource, root: Node, site: CallSite, notes: string[]): void {
  const outPair = findPair(root, ['output']);
  const output = own(src.value, 'output');
  if (!outPair || !isRecord(output)) return;
  const format = own(output, 'format');
  const schema = own(output, 'schema');
  const schemaPair = findPair(outPair.pair.value, ['schema']);
  if (schema === undefined || schema === null || !schemaPair) return;
  const line = keyLine(src, schemaPair.pair);
  if (format === 'text') {
    notes.push(`output.schema at line ${line} is not sent with output.format: text; not counted`);
    return;
  }
  try {
    site.responseSchema = JSON.stringify(picoschemaToJsonSchema(schema));
    site.lines.jsonSchema = line;
    site.params.responseFormat = 'json_schema';
  } catch (e) {
    if (!(e instanceof PicoschemaError)) throw e;
    notes.push(`output.schema at line ${line} is not counted: ${e.message}`);
  }
}

/** `toolDefs` carry schemas and are counted; `tools` names without a definition here get a note. */
function readTools(src: YamlSource, root: Node, site: CallSite, notes: string[]): void {
  const defsPair = findPair(root, ['toolDefs']);
  const defs = own(src.value, 'toolDefs');
  if (defsPair && Array.isArray(defs)) {
    // Dotprompt's ToolDefinition spells the schema inputSchema.
    const shaped = defs.map((d) =>
      isRecord(d) && own(d, 'inputSchema') !== undefined && own(d, 'parameters') === undefined
        ? { name: own(d, 'name'), description: own(d, 'description'), parameters: own(d, 'inputSchema') }
        : d,
    );
    const items = isSeq(defsPair.pair.value) ? (defsPair.pair.value.items as Node[]) : [];
    site.tools = readToolList(shaped, src.file, keyLine(src, defsPair.pair), 'toolDefs', {
      bareNames: false,
      entryLine: (i) => (items[i] ? positionOf(src, items[i]).line : undefined),
    }).tools;
    site.lines.tools = keyLine(src, defsPair.pair);
  }
  const namesPair = findPair(root, ['tools']);
  const names = own(src.value, 'tools');
  if (!namesPair || !Array.isArray(names)) return;
  site.lines.tools ??= keyLine(src, namesPair.pair);
  const defined = new Set(site.tools.map((t) => t.name));
  const opaque = names.filter((n): n is string => typeof n === 'string' && !defined.has(n));
  if (opaque.length) {
    notes.push(
      `tools at line ${keyLine(src, namesPair.pair)} names ${opaque.join(', ')} without a definition in the file (defined in code): their schemas are not counted; add them under toolDefs to price them`,
    );
  }
}
