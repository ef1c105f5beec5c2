/**
 * Model-id spellings → the catalog's provider ids. Gateway prefixes are *mapped* to a provider,
 * never stripped blindly: `openai/gpt-4o` looks `gpt-4o` up under provider `openai`,
 * `vertex_ai/gemini-2.5-pro` under `google`, `bedrock/us.anthropic.…` under `aws`.
 * Spellings come from `reference/formats.md` §2 and `reference/pricing-and-tokens.md` §3.
 */

/** Every provider id of `@pydantic/genai-prices` 0.1.8 (the package cannot list them itself). */
export const CATALOG_PROVIDER_IDS: readonly string[] = [
  'anthropic',
  'arcee',
  'avian',
  'aws',
  'azure',
  'baseten',
  'cerebras',
  'cloudflare',
  'cohere',
  'cursor',
  'deepseek',
  'doubleword',
  'fireworks',
  'github-copilot',
  'google',
  'groq',
  'huggingface_cerebras',
  'huggingface_fireworks-ai',
  'huggingface_groq',
  'huggingface_hyperbolic',
  'huggingface_nebius',
  'huggingface_novita',
  'huggingface_nscale',
  'huggingface_ovhcloud',
  'huggingface_publicai',
  'huggingface_sambanova',
  'huggingface_together',
  'minimax',
  'mistral',
  'modal',
  'moonshotai',
  'novita',
  'openai',
  'openrouter',
  'ovhcloud',
  'perplexity',
  'quicksilverpro',
  'together',
  'typesafe',
  'voyageai',
  'x-ai',
  'zai',
  'zhipuai',
];

/**
 * Prefixes people write (LiteLLM, OpenRouter, promptfoo, Pydantic AI, Genkit, GitHub Models) →
 * catalog provider id. Catalog provider ids themselves are accepted too (see `providerForPrefix`).
 */
const GATEWAY_PREFIXES: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  gemini: 'google',
  googleai: 'google',
  'google-ai': 'google',
  'google-gla': 'google',
  'google-vertex': 'google',
  vertex: 'google',
  vertexai: 'google',
  vertex_ai: 'google',
  'vertex_ai-language-models': 'google',
  bedrock: 'aws',
  bedrock_converse: 'aws',
  'amazon-bedrock': 'aws',
  aws: 'aws',
  openrouter: 'openrouter',
  mistral: 'mistral',
  groq: 'groq',
  deepseek: 'deepseek',
  xai: 'x-ai',
  together_ai: 'together',
  fireworks_ai: 'fireworks',
  moonshot: 'moonshotai',
};

/** Prefixes whose model part is a deployment name the user chose, not a model id. */
const DEPLOYMENT_PREFIXES: ReadonlySet<string> = new Set([
  'azure',
  'azure_openai',
  'azure_ai',
  'azureopenai',
  'azure-openai',
]);

/** How people write each catalog provider in front of a model (`bedrock/…`, `xai/…`). */
const CANONICAL_PREFIX: Readonly<Record<string, string>> = { aws: 'bedrock', 'x-ai': 'xai' };

/** API-kind segments of promptfoo ids (`anthropic:messages:claude-…`, `openai:chat:gpt-4o`). */
const API_KINDS: ReadonlySet<string> = new Set([
  'chat',
  'messages',
  'responses',
  'completion',
  'completions',
  'embedding',
  'embeddings',
  'assistant',
  'realtime',
  'converse',
  'invoke',
]);

/**
 * OpenRouter routing variants reuse the base model's price; catalog variants (`:free`,
 * `:thinking`, `:extended`, `:batch`) have entries of their own and are kept.
 */
const ROUTING_SUFFIX = /:(nitro|floor|exacto|online)$/;

/** Bedrock ids without a gateway prefix: `anthropic.claude-…-v1:0`, `us.anthropic.…`, `global.meta.…`. */
const BEDROCK_ID =
  /^(?:(?:us|eu|apac|global|jp|au|ca|us-gov)\.)?(?:anthropic|meta|amazon|mistral|cohere|ai21|deepseek|openai|qwen|writer|twelvelabs)\.[a-z0-9]/;

/** A model id taken apart: which catalog provider to ask, and for which model. */
export interface ParsedModelId {
  /** Catalog provider id; undefined → the catalog finds the provider from the model name. */
  providerId?: string;
  /** The model part, lower-cased, routing suffix dropped: what the catalog matches. */
  model: string;
  /** The prefix as written (`vertex_ai`, `openai`), when there was one. */
  prefix?: string;
  /** True for `azure/<deployment>` spellings, which only a `models:` alias can resolve. */
  deployment: boolean;
}

/** Catalog provider id for a prefix or a name written in config (`vertex_ai` → `google`). */
export function providerForPrefix(prefix: string): string | undefined {
  const p = prefix.toLowerCase();
  return GATEWAY_PREFIXES[p] ?? (CATALOG_PROVIDER_IDS.includes(p) ? p : undefined);
}

/** True when `prefix` names Azure, whose model part is a deployment name. */
export function isDeploymentPrefix(prefix: string): boolean {
  return DEPLOYMENT_PREFIXES.has(prefix.toLowerCase());
}

/** Split a written model id into provider and model (no catalog lookup). */
export function parseModelId(raw: string): ParsedModelId {
  const id = raw.trim().toLowerCase();
  const colon = id.indexOf(':');
  const slash = id.indexOf('/');

  // promptfoo / Pydantic AI `provider:model` (and `provider:api:model`); a colon after a slash
  // belongs to the model (`openrouter/…:nitro`, `bedrock/….v1:0`).
  if (colon > 0 && (slash < 0 || colon < slash)) {
    const prefix = id.slice(0, colon);
    if (providerForPrefix(prefix) || isDeploymentPrefix(prefix)) {
      let rest = id.slice(colon + 1);
      const next = rest.indexOf(':');
      if (next > 0 && API_KINDS.has(rest.slice(0, next))) rest = rest.slice(next + 1);
      return fromPrefix(prefix, rest);
    }
  }
  if (slash > 0) {
    const prefix = id.slice(0, slash);
    if (providerForPrefix(prefix) || isDeploymentPrefix(prefix)) return fromPrefix(prefix, id.slice(slash + 1));
  }
  const model = dropRoutingSuffix(id);
  if (BEDROCK_ID.test(model)) return { providerId: 'aws', model, deployment: false };
  return { model, deployment: false };
}

function fromPrefix(prefix: string, rest: string): ParsedModelId {
  if (isDeploymentPrefix(prefix)) return { model: rest, prefix, deployment: true };
  const providerId = providerForPrefix(prefix);
  let model = dropRoutingSuffix(rest);
  // LiteLLM routes Bedrock through `bedrock/converse/…` and `bedrock/invoke/…`.
  if (providerId === 'aws') model = model.replace(/^(converse|invoke)\//, '');
  return { providerId, model, prefix, deployment: false };
}

function dropRoutingSuffix(model: string): string {
  return model.replace(ROUTING_SUFFIX, '');
}

/** `vendor/model` as people write it, from the catalog provider that prices it. */
export function canonicalId(providerId: string, model: string): string {
  // Claude sold by Google is written with Vertex's prefix, as `bedrock/…` is kept for AWS.
  if (providerId === 'google' && model.includes('claude')) return `vertex_ai/${model}`;
  return `${CANONICAL_PREFIX[providerId] ?? providerId}/${model}`;
}

/** Name patterns → the vendor whose tokenizer and cache rule apply. First match wins. */
const FAMILY_BY_NAME: readonly [RegExp, string][] = [
  [/claude/, 'anthropic'],
  [/gemini|gemma|palm|bison/, 'google'],
  [
    /(^|[/.:])(gpt-|chatgpt|o[134](-|$)|text-embedding|davinci|babbage|whisper|dall-e|codex|omni-moderation|computer-use)/,
    'openai',
  ],
  [/llama/, 'meta'],
  [/mistral|mixtral|codestral|devstral|magistral|ministral|pixtral|voxtral/, 'mistral'],
  [/grok/, 'xai'],
  [/deepseek/, 'deepseek'],
  [/qwen|qwq/, 'qwen'],
  [/(^|[/.])(command|cohere|embed-)/, 'cohere'],
  [/(^|[/.])(nova|titan)/, 'amazon'],
  [/kimi|moonshot/, 'moonshotai'],
  [/glm-/, 'zhipuai'],
  [/minimax/, 'minimax'],
  [/jamba/, 'ai21'],
];

/** Vendor prefixes inside OpenRouter (`meta-llama/…`) and Bedrock (`meta.…`) model ids. */
const VENDOR_ALIASES: Readonly<Record<string, string>> = {
  'meta-llama': 'meta',
  mistralai: 'mistral',
  'x-ai': 'xai',
  'google-vertex': 'google',
  'amazon-bedrock': 'amazon',
  moonshot: 'moonshotai',
  'z-ai': 'zhipuai',
};

/**
 * The model's vendor (`openai`, `anthropic`, `google`, `meta`, `mistral`, …): the name decides
 * (a Claude on Bedrock is `anthropic`), then a vendor segment in the id, then the provider.
 */
export function familyOf(model: string, providerId?: string): string {
  const name = model.toLowerCase();
  for (const [pattern, family] of FAMILY_BY_NAME) if (pattern.test(name)) return family;
  const vendor =
    providerId === 'openrouter'
      ? /^([a-z0-9-]+)\//.exec(name)?.[1]
      : providerId === 'aws'
        ? /^(?:(?:us|eu|apac|global|jp|au|ca|us-gov)\.)?([a-z0-9-]+)\./.exec(name)?.[1]
        : undefined;
  if (vendor) return VENDOR_ALIASES[vendor] ?? vendor;
  if (providerId) return providerId === 'x-ai' ? 'xai' : providerId;
  const head = /^([a-z0-9_-]+)[/:]/.exec(name)?.[1];
  return head ? (VENDOR_ALIASES[head] ?? head) : 'unknown';
}
