/**
 * Prompty front matter beyond flat keys, as microsoft/prompty's runtimes read it: the `model:`
 * mapping in its v1 (`api`, `configuration`, `parameters`) and v2 (`id`, `provider`, `apiType`,
 * `connection`, `options`) forms, tools (v1 `model.parameters.tools`, v2 top-level `tools:` with
 * Prompty's property lists), v2 `inputs` lists, and `${file:…}` / `${env:…}` references.
 */

import { posix } from 'node:path';
import { ArtifactError } from '../errors.js';
import type { CallSite } from '../types.js';
import { readToolList } from './agents/tools.js';
import { OTHER_PARAMETERS } from './prompt-yml.js';
import {
  findPair,
  isMap,
  isRecord,
  keyLine,
  noteUnreadKeys,
  own,
  parseYaml,
  readNumberKey,
  refuseMisspelledKeys,
  toPlainData,
} from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';

/** Texts of the files a Prompty file references with `${file:…}`, by the reference as written. */
export type PromptyRefs = ReadonlyMap<string, string>;

/** Keys whose value, read from the environment, would change the price: the model, a limit, the tools, the inputs. */
const PRICED_PLACE = new Set([
  'model',
  'id',
  'azure_deployment',
  'deployment',
  'api',
  'apiType',
  'max_tokens',
  'maxTokens',
  'maxOutputTokens',
  'max_completion_tokens',
  'tools',
  'sample',
]);
const FILE_REF = /^\$\{file:([^}]+)\}$/;
const ENV_REF = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}$/;
const MAX_TOKENS_KEYS = [
  'max_tokens',
  'maxTokens',
  'max_completion_tokens',
  'maxCompletionTokens',
  'maxOutputTokens',
  'max_output_tokens',
];
const PRICED_MODEL_OPTIONS = ['temperature', 'top_p', 'topP', 'tools', ...MAX_TOKENS_KEYS];
/** Keys of Prompty's `model:` mapping in v1 and v2. */
const MODEL_KEYS = ['id', 'provider', 'api', 'apiType', 'configuration', 'connection', 'parameters', 'options'];
const MODEL_OTHER = ['name', 'response', 'type'];
/** Keys of a connection/configuration mapping that are not the model (endpoints, keys, versions). */
const CONNECTION_OTHER = [
  'type',
  'kind',
  'endpoint',
  'azure_endpoint',
  'api_version',
  'apiVersion',
  'api_key',
  'apiKey',
  'key',
  'name',
  'base_url',
  'baseUrl',
  'organization',
  'connection',
  'credential',
  'authenticationMode',
];

/** `${file:…}` references of a front matter text, with their file lines (the front matter starts on line 2). */
export function promptyFileRefs(frontMatter: string): { ref: string; line: number }[] {
  const out: { ref: string; line: number }[] = [];
  frontMatter.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(/\$\{file:([^}]+)\}/g)) out.push({ ref: m[1].trim(), line: i + 2 });
  });
  return out;
}

/** The repository path of `${file:ref}` in `file`, or an ArtifactError at `line` when it leaves the repository. */
export function promptyRefPath(file: string, ref: string, line: number): string {
  const dir = posix.dirname(file);
  const joined = posix.normalize(posix.join(dir === '.' ? '' : dir, ref));
  if (
    posix.isAbsolute(ref) ||
    joined === '..' ||
    joined.startsWith('../') ||
    ref.includes('\\') ||
    ref.includes('\0')
  ) {
    throw new ArtifactError(`\${file:${ref}} points outside the repository`, {
      location: { file, line },
      hint: 'aicost reads only files inside the repository: move the file next to the prompt and reference it by a relative path.',
    });
  }
  return joined;
}

/**
 * A front matter value with its `${file:…}` references replaced by the files' content (JSON and
 * YAML files parsed, other files as text) and `${env:NAME:default}` by the default. `${env:…}`
 * without a default stays as written, with a note naming where.
 */
function resolveRefs(
  value: unknown,
  refs: PromptyRefs,
  file: string,
  where: string,
  notes: string[],
  depth = 0,
): unknown {
  if (typeof value === 'string') {
    const f = FILE_REF.exec(value.trim());
    if (f) {
      const ref = f[1].trim();
      const text = refs.get(ref);
      if (text === undefined) {
        throw new ArtifactError(`${where} references \${file:${ref}}, which was not read`, {
          location: { file },
          hint: 'Add the file to the repository next to the prompt.',
        });
      }
      if (/\.json$/i.test(ref)) {
        try {
          return toPlainData(JSON.parse(text));
        } catch (e) {
          throw new ArtifactError(`\${file:${ref}} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, {
            location: { file },
            hint: 'Fix the JSON file the prompt references.',
          });
        }
      }
      if (/\.ya?ml$/i.test(ref)) return parseYaml(ref, text).value;
      return text;
    }
    const e = ENV_REF.exec(value.trim());
    if (e) {
      if (e[2] !== undefined) return e[2];
      // Endpoints and keys come from the environment by design; only a priced value is worth a note.
      if (
        PRICED_PLACE.has(
          where
            .replace(/\[\d+\]$/, '')
            .split('.')
            .pop()!,
        )
      )
        notes.push(
          `${where} is \${env:${e[1]}}: the value comes from the environment at run time, so aicost cannot read it`,
        );
    }
    return value;
  }
  if (depth > 16) return value;
  if (Array.isArray(value)) return value.map((v, i) => resolveRefs(v, refs, file, `${where}[${i}]`, notes, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(value)) out[k] = resolveRefs(value[k], refs, file, `${where}.${k}`, notes, depth + 1);
    return out;
  }
  return value;
}

/**
 * Prompty `model:` mappings. v2: `id` (+ `provider`), `apiType`, `connection` (a mapping or a
 * `${file:}`), `options.maxOutputTokens`. v1: `api`, `configuration.azure_deployment` /
 * `.model` / `.type: serverless`, `parameters.max_tokens`, `parameters.tools`.
 */
export function readPromptyModel(
  src: YamlSource,
  node: unknown,
  refs: PromptyRefs,
  site: CallSite,
  notes: string[],
): void {
  const model = resolveRefs(own(src.value, 'model'), refs, src.file, 'model', notes) as Record<string, unknown>;
  const modelLine = keyLine(src, findPair(src.doc.contents, ['model'])!.pair);
  const lineOf = (n: unknown, keys: string[]) => {
    const p = findPair(n, keys);
    return p ? keyLine(src, p.pair) : modelLine;
  };
  noteUnreadKeys(src, node as never, 'model.', [...MODEL_KEYS, ...MODEL_OTHER], notes);
  const id = own(model, 'id');
  const provider = own(model, 'provider');
  if (typeof id === 'string' && id.trim()) {
    site.model =
      typeof provider === 'string' && provider.trim() && !id.includes('/')
        ? `${provider.trim()}/${id.trim()}`
        : id.trim();
    site.lines.model = lineOf(node, ['id']);
  }
  const api = own(model, 'apiType') ?? own(model, 'api');
  if (typeof api === 'string' && /^embeddings?$/i.test(api.trim())) {
    site.api = 'embedding';
    site.lines.api = lineOf(node, ['apiType', 'api']);
  }
  for (const key of ['connection', 'configuration']) {
    const conf = own(model, key);
    const confNode = findPair(node, [key])?.pair.value;
    if (!isRecord(conf)) continue;
    if (isMap(confNode))
      noteUnreadKeys(
        src,
        confNode,
        `model.${key}.`,
        ['model', 'azure_deployment', 'deployment', ...CONNECTION_OTHER, ...PRICED_MODEL_OPTIONS],
        notes,
      );
    if (site.model !== undefined) continue;
    const name = own(conf, 'model');
    const dep = own(conf, 'azure_deployment') ?? own(conf, 'deployment');
    if (typeof name === 'string' && name.trim() && !name.startsWith('${')) {
      // `type: openai` names OpenAI's API: its bare model names are OpenAI's.
      const openai = own(conf, 'type') === 'openai' && !name.includes('/');
      site.model = openai ? `openai/${name.trim()}` : name.trim();
      site.lines.model = lineOf(confNode, ['model']);
    } else if (typeof dep === 'string' && dep.trim() && !dep.startsWith('${')) {
      // A deployment name is chosen by its owner: the config maps it with a `models:` alias.
      site.model = `azure/${dep.trim()}`;
      site.lines.model = lineOf(confNode, ['azure_deployment', 'deployment']);
      notes.push(
        `model is the Azure deployment "${dep.trim()}" (line ${site.lines.model}), read as "azure/${dep.trim()}"; map it under models: in .aicost.yml`,
      );
    }
    // v1 configurations may carry the sampling settings too.
    readOptions(src, confNode, conf, `model.${key}.`, site, notes, false);
  }
  for (const sub of ['parameters', 'options']) {
    const subNode = findPair(node, [sub])?.pair.value;
    const value = own(model, sub);
    if (!isRecord(value)) continue;
    if (isMap(subNode)) {
      refuseMisspelledKeys(src, subNode, ` in model.${sub}`, PRICED_MODEL_OPTIONS, [
        ...OTHER_PARAMETERS,
        ...OTHER_OPTIONS,
      ]);
      noteUnreadKeys(
        src,
        subNode,
        `model.${sub}.`,
        [...PRICED_MODEL_OPTIONS, ...OTHER_PARAMETERS, ...OTHER_OPTIONS],
        notes,
      );
    }
    readOptions(src, subNode, value, `model.${sub}.`, site, notes, true);
  }
  if (site.model === undefined)
    notes.push("the front matter model mapping names no model id; the feature's model: applies");
}

/** Sampling options Prompty passes through that do not change the price. */
const OTHER_OPTIONS = [
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'response_format',
  'responseFormat',
  'tool_choice',
  'toolChoice',
  'parallel_tool_calls',
  'user',
  'stream',
  'n',
  'logprobs',
  'top_k',
  'topK',
  'stopSequences',
  'frequencyPenalty',
  'presencePenalty',
  'additionalProperties',
  'reasoning_effort',
  'dimensions',
  'encoding_format',
];

function readOptions(
  src: YamlSource,
  node: unknown,
  value: Record<string, unknown>,
  where: string,
  site: CallSite,
  notes: string[],
  withTools: boolean,
): void {
  if (site.params.maxTokens === undefined && isMap(node)) {
    const max = readNumberKey(src, node, MAX_TOKENS_KEYS, where, true, notes);
    if (max.value !== undefined && max.line !== undefined) {
      site.params.maxTokens = max.value;
      site.lines.maxTokens = max.line;
    }
  }
  for (const [keys, name] of [
    [['temperature'], 'temperature'],
    [['top_p', 'topP'], 'topP'],
  ] as const) {
    if (site.params[name] !== undefined || !isMap(node)) continue;
    const r = readNumberKey(src, node, keys, where, false, notes);
    if (r.value !== undefined && r.line !== undefined) {
      site.params[name] = r.value;
      site.lines[name] = r.line;
    }
  }
  const tools = own(value, 'tools');
  if (withTools && tools !== undefined && tools !== null) {
    const line = isMap(node) ? keyLine(src, findPair(node, ['tools'])!.pair) : undefined;
    site.tools = readToolList(tools, src.file, line, `${where}tools`, { bareNames: false }).tools;
    if (line !== undefined) site.lines.tools = line;
  }
}

/**
 * v2 top-level `tools:` (`{name, kind: function, description, parameters: [{name, kind,
 * description}]}`, Prompty's property list) and `${file:}` lists; counted as function tools.
 */
export function readPromptyTools(src: YamlSource, refs: PromptyRefs, site: CallSite, notes: string[]): void {
  const pair = findPair(src.doc.contents, ['tools']);
  const raw = own(src.value, 'tools');
  if (!pair || raw === null || raw === undefined) return;
  if (site.tools.length) {
    throw new ArtifactError('tools are written twice: at the top level and under model.parameters.tools', {
      location: { file: src.file, line: keyLine(src, pair.pair) },
      hint: 'Keep one tools list.',
    });
  }
  const value = resolveRefs(raw, refs, src.file, 'tools', notes);
  const list = Array.isArray(value) ? value.map(promptyTool) : value;
  site.tools = readToolList(list, src.file, keyLine(src, pair.pair), 'tools', { bareNames: false }).tools;
  site.lines.tools = keyLine(src, pair.pair);
}

/** A Prompty v2 tool with a `parameters` property list as a JSON Schema function tool. */
function promptyTool(tool: unknown): unknown {
  if (!isRecord(tool) || !Array.isArray(own(tool, 'parameters'))) return tool;
  const properties: Record<string, unknown> = Object.create(null);
  const required: string[] = [];
  for (const p of own(tool, 'parameters') as unknown[]) {
    const name = own(p, 'name');
    if (typeof name !== 'string') continue;
    const prop: Record<string, unknown> = Object.create(null);
    const kind = own(p, 'kind') ?? own(p, 'type');
    if (typeof kind === 'string') prop.type = kind;
    const description = own(p, 'description');
    if (typeof description === 'string') prop.description = description;
    const values = own(p, 'enum');
    if (Array.isArray(values)) prop.enum = values;
    properties[name] = prop;
    if (own(p, 'required') !== false) required.push(name);
  }
  return {
    name: own(tool, 'name'),
    description: own(tool, 'description'),
    parameters: { type: 'object', properties, required },
  };
}

/** Test inputs: `sample:` (or a `${file:}`), v1 `inputs.<name>.sample|default`, v2 `inputs: [{name, example|default}]`. */
export function readPromptyInputs(src: YamlSource, refs: PromptyRefs, site: CallSite, notes: string[]): void {
  const sample = resolveRefs(own(src.value, 'sample'), refs, src.file, 'sample', notes);
  const inputs = own(src.value, 'inputs');
  if (isRecord(sample)) {
    site.testData.push(toPlainData(sample) as Record<string, unknown>);
    return;
  }
  const row: Record<string, unknown> = Object.create(null);
  const add = (name: unknown, spec: unknown) => {
    const v = own(spec, 'sample') ?? own(spec, 'example') ?? own(spec, 'default');
    if (typeof name === 'string' && v !== undefined) row[name] = toPlainData(v);
  };
  if (isRecord(inputs)) for (const [name, spec] of Object.entries(inputs)) add(name, spec);
  else if (Array.isArray(inputs)) for (const spec of inputs) add(own(spec, 'name'), spec);
  if (Object.keys(row).length) site.testData.push(row);
}
