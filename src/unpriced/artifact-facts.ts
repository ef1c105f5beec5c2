/**
 * The cost-relevant settings of an artifact file, with their lines: model ids, output caps, loop
 * limits and a few other agent knobs, read from the YAML (or front matter) of each format in
 * `reference/formats.md` §3–§5. The YAML goes through aicost's one YAML reader (readYamlTree, with
 * its size, alias, alias-expansion, cycle and depth limits); a text it refuses yields no facts and
 * the reason, so the scan reports the file as "not scanned" instead of as a change without detail.
 *
 * The facts are read from the parsed nodes, so a `__proto__` key is just a string.
 */

import { isMap, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node, Pair } from 'yaml';
import { readYamlTree } from '../config/index.js';
import { ArtifactError } from '../errors.js';
import type { ArtifactFormat } from './paths.js';

/** One setting of an artifact. */
export interface Fact {
  /** Stable across base and head, for pairing (`model`, `maxTokens`, `researcher.llm`). */
  id: string;
  /** Shown in summaries (`model`, `maxTokens`, `researcher.llm`, `gpt-4o:`). */
  label: string;
  kind: 'model' | 'max-tokens' | 'loop' | 'other';
  value: string;
  /** 1-based line of the key in the file. */
  line: number;
  /** LiteLLM: the `model_name` route this model serves. */
  route?: string;
}

const MAX_TOKENS_KEYS = [
  'maxTokens',
  'max_tokens',
  'maxOutputTokens',
  'max_output_tokens',
  'max_completion_tokens',
  'maxCompletionTokens',
];
/** CrewAI agent attributes that drive cost (§4.1). */
const CREW_AGENT_KEYS: readonly [string, Fact['kind']][] = [
  ['llm', 'model'],
  ['function_calling_llm', 'model'],
  ['max_iter', 'loop'],
  ['max_rpm', 'other'],
  ['max_retry_limit', 'other'],
  ['allow_delegation', 'other'],
  ['reasoning', 'other'],
  ['max_reasoning_attempts', 'other'],
];

interface Tree {
  lines: LineCounter;
  /** Added to YAML lines to get file lines (front matter starts on line 2). */
  offset: number;
}

type Yaml = Node | null | undefined;

/** Why a text could not be read for facts: the reader's message, at its line when it has one. */
export interface Unreadable {
  line: number | null;
  reason: string;
}

/** Settings of `text` (the file `file`) read as `format`, or why its YAML cannot be read. */
export function factsOf(format: ArtifactFormat, text: string, file = ''): Fact[] | Unreadable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let yaml: string;
  let offset = 0;
  if (
    format === 'github-models' ||
    format === 'crewai-agents' ||
    format === 'crewai-tasks' ||
    format === 'litellm' ||
    format === 'promptfoo'
  ) {
    yaml = src;
  } else if (format === 'autogen') {
    // JSON with `//` comment lines (§4.4); blanking them keeps line numbers, and JSON is YAML.
    yaml = src.replace(/^[ \t]*\/\/.*$/gm, '');
  } else {
    const fm = frontMatter(src);
    if (fm === null) return [];
    yaml = fm;
    offset = 1;
  }
  let lines: LineCounter;
  let root: Yaml;
  try {
    const read = readYamlTree(yaml, file, {
      error: (message, o) => new ArtifactError(message, o),
      lineOffset: offset,
      what: 'a file the scan reads',
      oneDocument: 'the scan reads one document',
    });
    lines = read.lineCounter;
    root = read.doc.contents as Yaml;
  } catch (e) {
    if (!(e instanceof ArtifactError)) throw e;
    return { line: e.location?.line ?? null, reason: e.message };
  }
  const tree: Tree = { lines, offset };
  const out: Fact[] = [];
  const add = (f: Fact): void => {
    if (!out.some((o) => o.id === f.id)) out.push(f);
  };
  switch (format) {
    case 'claude-agent':
      readScalar(tree, root, 'model', 'model', 'model', add);
      readScalar(tree, root, 'maxTurns', 'maxTurns', 'loop', add);
      readScalar(tree, root, 'effort', 'effort', 'other', add);
      break;
    case 'crewai-agents':
      eachEntry(root, (name, node) => {
        for (const [key, kind] of CREW_AGENT_KEYS) readScalar(tree, node, key, `${name}.${key}`, kind, add);
      });
      break;
    case 'crewai-tasks':
      eachEntry(root, (name, node) => readScalar(tree, node, 'agent', `${name}.agent`, 'other', add));
      break;
    case 'litellm':
      litellmFacts(tree, root, add);
      break;
    case 'promptfoo':
      promptfooFacts(tree, root, add);
      break;
    case 'autogen':
      if (isSeq(root))
        root.items.forEach((item, i) => readScalar(tree, item as Yaml, 'model', `[${i}].model`, 'model', add, 'model'));
      break;
    default:
      promptFacts(tree, root, add);
      if (format === 'github-models') evaluatorFacts(tree, root, add);
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The YAML between a first-line `---` and the next `---` / `...` line, or null. */
function frontMatter(text: string): string | null {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return null;
  const rest = text.slice(first[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(rest);
  return close ? rest.slice(0, close.index) : null;
}

function pairOf(map: Yaml, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair;
  }
  return undefined;
}

function valueOf(map: Yaml, ...path: string[]): Yaml {
  let node = map;
  for (const key of path) node = pairOf(node, key)?.value;
  return node;
}

/** A scalar as text (numbers and booleans as written), or null for anything else. */
function scalarText(node: Yaml): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

function lineOf(tree: Tree, node: Yaml): number {
  return tree.lines.linePos(node?.range?.[0] ?? 0).line + tree.offset;
}

/** Adds `map[key]` as a fact when it is a scalar. */
function readScalar(
  tree: Tree,
  map: Yaml,
  key: string,
  id: string,
  kind: Fact['kind'],
  add: (f: Fact) => void,
  label = id,
): boolean {
  const pair = pairOf(map, key);
  const value = scalarText(pair?.value);
  if (!pair || value === null) return false;
  add({ id, label, kind, value, line: lineOf(tree, pair.key) });
  return true;
}

/** Calls `fn` for each `name: {mapping}` entry of a top-level map (CrewAI agents and tasks). */
function eachEntry(root: Yaml, fn: (name: string, node: Node) => void): void {
  if (!isMap(root)) return;
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    if (isScalar(pair.key) && isMap(pair.value)) fn(String(pair.key.value), pair.value);
  }
}

/**
 * Model and output cap of a prompt file: GitHub Models (`model`, `modelParameters.maxTokens`),
 * Prompty v1/v2 (`model.configuration.*`, `model.id`, `model.parameters.max_tokens`,
 * `model.options.maxOutputTokens`, shorthand `model: gpt-4o`), Dotprompt (`config.maxOutputTokens`),
 * Copilot `.prompt.md` and front matter of plain prompts.
 */
function promptFacts(tree: Tree, root: Yaml, add: (f: Fact) => void): void {
  if (!readScalar(tree, root, 'model', 'model', 'model', add)) {
    const model = valueOf(root, 'model');
    const spots: [Yaml, string][] = [
      [model, 'id'],
      [model, 'name'],
      [valueOf(model, 'connection'), 'model'],
      [valueOf(model, 'configuration'), 'model'],
      [valueOf(model, 'connection'), 'azure_deployment'],
      [valueOf(model, 'connection'), 'deployment'],
      [valueOf(model, 'configuration'), 'azure_deployment'],
    ];
    for (const [map, key] of spots)
      if (readScalar(tree, map, key, 'model', 'model', add, /deployment$/.test(key) ? key : 'model')) break;
  }
  const containers: Yaml[] = [
    valueOf(root, 'modelParameters'),
    valueOf(root, 'config'),
    valueOf(root, 'model', 'parameters'),
    valueOf(root, 'model', 'options'),
    valueOf(root, 'model', 'configuration'),
    valueOf(root, 'parameters'),
    root,
  ];
  for (const map of containers) {
    if (MAX_TOKENS_KEYS.some((key) => readScalar(tree, map, key, 'maxTokens', 'max-tokens', add, key))) break;
  }
}

/** GitHub Models judges: `evaluators[].llm.modelId`, and built-ins (`uses: github/similarity`). */
function evaluatorFacts(tree: Tree, root: Yaml, add: (f: Fact) => void): void {
  const evaluators = valueOf(root, 'evaluators');
  if (!isSeq(evaluators)) return;
  evaluators.items.forEach((item, i) => {
    const name = scalarText(valueOf(item as Yaml, 'name')) ?? `#${i + 1}`;
    const label = `evaluator "${name}"`;
    readScalar(
      tree,
      valueOf(item as Yaml, 'llm'),
      'modelId',
      `evaluators.${name}.modelId`,
      'model',
      add,
      `${label} modelId`,
    );
    readScalar(tree, item as Yaml, 'uses', `evaluators.${name}.uses`, 'other', add, `${label} uses`);
  });
}

/** LiteLLM `model_list[]`: the model behind each `model_name` route, and its `max_tokens`. */
function litellmFacts(tree: Tree, root: Yaml, add: (f: Fact) => void): void {
  const list = valueOf(root, 'model_list');
  if (!isSeq(list)) return;
  const seen = new Map<string, number>();
  for (const item of list.items as Yaml[]) {
    const name = scalarText(valueOf(item, 'model_name')) ?? '(unnamed)';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const route = n > 1 ? `${name} (#${n})` : name;
    const params = valueOf(item, 'litellm_params');
    const pair = pairOf(params, 'model');
    const value = scalarText(pair?.value);
    if (pair && value !== null)
      add({
        id: `model_list.${name}#${n}`,
        label: `${route}:`,
        kind: 'model',
        value,
        line: lineOf(tree, pair.key),
        route: name,
      });
    readScalar(
      tree,
      params,
      'max_tokens',
      `model_list.${name}#${n}.max_tokens`,
      'max-tokens',
      add,
      `${route}: max_tokens`,
    );
  }
}

/** promptfoo `providers` (ids, and `config.max_tokens`) and `evaluateOptions.repeat`. */
function promptfooFacts(tree: Tree, root: Yaml, add: (f: Fact) => void): void {
  const providers = pairOf(root, 'providers');
  const items: Yaml[] = isSeq(providers?.value)
    ? (providers.value.items as Yaml[])
    : providers
      ? [providers.value]
      : [];
  items.forEach((item, i) => {
    const id = `providers[${i}]`;
    const text = scalarText(item);
    if (text !== null) {
      add({ id, label: 'provider', kind: 'model', value: text, line: lineOf(tree, item) });
      return;
    }
    const name = scalarText(valueOf(item, 'id'));
    readScalar(tree, item, 'id', id, 'model', add, 'provider');
    readScalar(
      tree,
      valueOf(item, 'config'),
      'max_tokens',
      `${id}.max_tokens`,
      'max-tokens',
      add,
      `provider ${name ?? `#${i + 1}`} max_tokens`,
    );
  });
  readScalar(tree, valueOf(root, 'evaluateOptions'), 'repeat', 'repeat', 'other', add);
}
