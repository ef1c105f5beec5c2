/**
 * The provider half of a promptfoo config: `providers:` (or `targets:`) entries, a provider id mapped
 * to a catalog id, and the chosen provider's output cap, sampling settings and tools read onto the
 * call site (src/artifacts/promptfoo.ts reads the rest).
 */

import { ArtifactError } from '../errors.js';
import type { CallSite } from '../types.js';
import { readToolList } from './agents/tools.js';
import {
  findPair,
  isMap,
  isRecord,
  isSeq,
  keyLine,
  noteUnreadKeys,
  own,
  positionOf,
  readNumberKey,
  toPlainData,
} from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';

/** The shape of a promptfoo config, for the hints of its errors. */
export const EXAMPLE =
  'A promptfoo config has prompts: (file:// paths or inline text) and providers: (ids such as openai:chat:gpt-4o).';

/** Provider config keys that cap the output. */
export const MAX_TOKENS_KEYS = [
  'max_tokens',
  'max_completion_tokens',
  'maxOutputTokens',
  'max_output_tokens',
  'maxTokens',
];
/** Provider config keys that do not change the price (endpoints, keys, sampling). */
const CONFIG_OTHER = [
  'apiKey',
  'apiKeyEnvar',
  'apiHost',
  'apiBaseUrl',
  'apiVersion',
  'organization',
  'region',
  'projectId',
  'headers',
  'top_p',
  'topP',
  'top_k',
  'topK',
  'seed',
  'stop',
  'frequency_penalty',
  'presence_penalty',
  'response_format',
  'tool_choice',
  'reasoning_effort',
  'cost',
  'temperature',
  'tools',
  'functions',
  'passthrough',
  'timeout',
  'maxRetries',
  'cache',
  ...MAX_TOKENS_KEYS,
];
/** Provider prefixes whose ids name a hosted model the catalog prices. */
const HOSTED = new Set([
  'openai',
  'anthropic',
  'openrouter',
  'vertex',
  'google',
  'bedrock',
  'mistral',
  'groq',
  'deepseek',
  'xai',
  'togetherai',
  'fireworks',
  'perplexity',
  'cohere',
  'cerebras',
]);
const AZURE = new Set(['azure', 'azureopenai']);
const API_KINDS = new Set(['chat', 'messages', 'responses', 'completion', 'embedding', 'embeddings']);

/** One entry of `providers:`, with its line and its `config` (value and YAML node). */
export interface ProviderEntry {
  id: string;
  label?: string;
  config?: unknown;
  configNode?: unknown;
  line: number;
}

/** The config's `providers:` (or `targets:`) entries; an entry of no known shape throws ArtifactError. */
export function providerEntries(src: YamlSource): ProviderEntry[] {
  const pair = findPair(src.doc.contents, ['providers', 'targets']);
  if (!pair)
    throw new ArtifactError('the promptfoo config has no providers:', { location: { file: src.file }, hint: EXAMPLE });
  const node = pair.pair.value;
  const value = own(src.value, pair.key);
  const items = isSeq(node) ? node.items : [node];
  const values = Array.isArray(value) ? value : [value];
  return values.map((v, i) => {
    const n = items[i] as never;
    const line = positionOf(src, n ?? pair.pair.key).line;
    if (typeof v === 'string') return { id: v, line };
    if (isRecord(v)) {
      const id = own(v, 'id');
      if (typeof id === 'string') {
        const label = own(v, 'label');
        return {
          id,
          label: typeof label === 'string' ? label : undefined,
          config: own(v, 'config'),
          configNode: findPair(n, ['config'])?.pair.value,
          line,
        };
      }
      // `- openai:gpt-4o: {config: …}`: the id as the one key.
      const keys = Object.keys(v);
      if (keys.length === 1) {
        const inner = v[keys[0]];
        const innerNode = isMap(n) ? (n as { items: { value: unknown }[] }).items[0]?.value : undefined;
        const label = own(inner, 'label');
        return {
          id: keys[0],
          label: typeof label === 'string' ? label : undefined,
          config: own(inner, 'config'),
          configNode: findPair(innerNode, ['config'])?.pair.value,
          line,
        };
      }
    }
    throw new ArtifactError(`providers[${i}] is neither a provider id nor {id, label, config}`, {
      location: { file: src.file, line },
      hint: EXAMPLE,
    });
  });
}

/** The catalog id a promptfoo provider id names, or null when it names no hosted model. */
export function promptfooModelId(id: string): { model: string; embedding: boolean; azure: boolean } | null {
  const parts = id.trim().split(':');
  const prefix = parts[0].toLowerCase();
  if (parts.length < 2) return null;
  let rest = parts.slice(1);
  let embedding = false;
  if (rest.length > 1 && API_KINDS.has(rest[0].toLowerCase())) {
    embedding = /^embeddings?$/i.test(rest[0]);
    rest = rest.slice(1);
  }
  const model = rest.join(':').trim();
  if (!model) return null;
  if (AZURE.has(prefix)) return { model: `azure/${model}`, embedding, azure: true };
  if (!HOSTED.has(prefix)) return null;
  return { model: `${prefix}/${model}`, embedding, azure: false };
}

/**
 * Reads the provider `wanted` names (the only one when unnamed) onto `site`: its catalog model, output
 * cap, temperature, top_p and tools. No such provider, or one naming no hosted model, throws ArtifactError.
 */
export function readProvider(src: YamlSource, wanted: string | undefined, site: CallSite, notes: string[]): void {
  const entries = providerEntries(src);
  const names = entries.map((e) => e.label ?? e.id);
  let chosen: ProviderEntry | undefined;
  if (wanted === undefined) {
    if (entries.length !== 1)
      throw new ArtifactError(`the promptfoo config has ${entries.length} providers; the feature must choose one`, {
        location: { file: src.file, line: entries[0]?.line },
        hint: `Add provider: <label or id> to the feature in .aicost.yml; the providers are: ${names.join(', ')}.`,
      });
    chosen = entries[0];
  } else {
    chosen = entries.find((e) => e.label === wanted) ?? entries.find((e) => e.id === wanted);
    if (!chosen)
      throw new ArtifactError(`the promptfoo config has no provider "${wanted}"`, {
        location: { file: src.file, line: entries[0]?.line },
        hint: `Set the feature's provider: to one of: ${names.join(', ')}.`,
      });
  }
  const mapped = promptfooModelId(chosen.id);
  if (!mapped)
    throw new ArtifactError(
      `provider ${chosen.id} names no hosted model aicost can price (custom, local or HTTP provider)`,
      {
        location: { file: src.file, line: chosen.line },
        hint: 'Choose a provider such as openai:chat:gpt-4o, anthropic:messages:claude-sonnet-4-5, openrouter:…, vertex:…, bedrock:… or azure:chat:<deployment>.',
      },
    );
  site.model = mapped.model;
  site.lines.model = chosen.line;
  if (mapped.embedding) site.api = 'embedding';
  if (mapped.azure)
    notes.push(
      `provider ${chosen.id} (line ${chosen.line}) is an Azure deployment, read as "${mapped.model}"; map it under models: in .aicost.yml`,
    );
  const node = chosen.configNode;
  if (!isMap(node)) return;
  noteUnreadKeys(src, node, `provider ${chosen.label ?? chosen.id} config.`, CONFIG_OTHER, notes);
  const max = readNumberKey(src, node, MAX_TOKENS_KEYS, 'config.', true, notes);
  if (max.value !== undefined && max.line !== undefined) {
    site.params.maxTokens = max.value;
    site.lines.maxTokens = max.line;
  }
  for (const [keys, name] of [
    [['temperature'], 'temperature'],
    [['top_p', 'topP'], 'topP'],
  ] as const) {
    const r = readNumberKey(src, node, keys, 'config.', false, notes);
    if (r.value !== undefined && r.line !== undefined) {
      site.params[name] = r.value;
      site.lines[name] = r.line;
    }
  }
  const tools = own(chosen.config, 'tools');
  if (Array.isArray(tools)) {
    const line = keyLine(src, findPair(node, ['tools'])!.pair);
    site.tools = readToolList(toPlainData(tools), src.file, line, 'config.tools', { bareNames: false }).tools;
    site.lines.tools = line;
  } else if (typeof tools === 'string') {
    notes.push(`provider config.tools is ${tools}: tools from a file are not read, so they are not priced`);
  }
}
