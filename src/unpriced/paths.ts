/**
 * Which changed files can change AI cost, by path (and, for LiteLLM, a look at the content):
 * prompt and agent artifacts (`reference/formats.md` §1.1), env files, and source files whose
 * hunks are scanned for model ids and limits.
 */

import { looksLikeDotprompt, looksLikePromptfoo } from '../artifacts/index.js';
import type { UnpricedKind } from './types.js';

/** Artifact formats told apart by path. */
export type ArtifactFormat =
  | 'github-models'
  | 'prompty'
  | 'dotprompt'
  | 'vscode-prompt'
  | 'plain-prompt'
  | 'claude-agent'
  | 'crewai-agents'
  | 'crewai-tasks'
  | 'litellm'
  | 'promptfoo'
  | 'autogen';

/** What a changed path is, for the unpriced-change scan. */
export type FileClass =
  | { type: 'artifact'; format: ArtifactFormat; kind: UnpricedKind }
  | { type: 'env' }
  | { type: 'code'; lang: 'python' | 'js' }
  | { type: 'none' };

/** How each artifact format is named in summaries. */
export const ARTIFACT_NOUN: Readonly<Record<ArtifactFormat, string>> = {
  'github-models': 'prompt file',
  prompty: 'Prompty file',
  dotprompt: 'Dotprompt file',
  'vscode-prompt': 'Copilot prompt file',
  'plain-prompt': 'prompt file',
  'claude-agent': 'Claude Code agent',
  'crewai-agents': 'CrewAI agents file',
  'crewai-tasks': 'CrewAI tasks file',
  litellm: 'LiteLLM config',
  promptfoo: 'promptfoo config',
  autogen: 'AutoGen config',
};

const PLAIN_PROMPT_EXT = /\.(?:md|txt|j2|jinja2?|hbs|mustache)$/i;
const CODE_EXT = /\.(?:py|ts|tsx|js|jsx|mjs|cjs)$/i;
/** Documents that sit next to prompts without being prompts. */
const NOT_A_PROMPT = /^(?:readme|changelog|license|contributing)(?:\.|$)/i;
/**
 * Code that does not run in production: tests, fixtures, type declarations, bundles and vendored
 * packages. Model ids there are test data (aicost's own tests are full of them), not spend.
 */
const NOT_PRODUCTION_DIR =
  /(?:^|\/)(?:node_modules|dist|build|vendor|__tests__|__mocks__|__fixtures__|tests?|fixtures|spec)\//i;
const NOT_PRODUCTION_FILE =
  /(?:\.d\.[cm]?ts|\.min\.js|\.(?:test|spec)\.[cm]?[jt]sx?|^test_[^/]*\.py|_test\.py|^conftest\.py)$/i;
/** A LiteLLM proxy config has a top-level `model_list:` key. */
const LITELLM_MODEL_LIST = /^model_list[ \t]*:/m;
/** A GitHub Models prompt under any YAML name (`triage_prompt.yml`): `messages:` entries with a `role:`. */
const GITHUB_MODELS_BY_CONTENT = [/^messages[ \t]*:/m, /^[ \t]*-?[ \t]*role[ \t]*:/m];
/** Names LiteLLM's docs give its proxy config, and any YAML that says litellm in its name. */
const GATEWAY_NAME = /^(?:(?:litellm_)?config|[^/]*litellm[^/]*)\.ya?ml$/i;
/** How much of a file too large to read is looked at for `model_list:`. */
export const GATEWAY_SNIFF_BYTES = 64 * 1024;

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Classifies a path. `texts` (base and head) are looked at only to find YAML files that are
 * LiteLLM proxy configs (a top-level `model_list:`), whatever their name.
 */
export function classifyPath(path: string, texts: readonly (string | null)[] = []): FileClass {
  const name = basename(path);
  const lower = name.toLowerCase();
  const lowerPath = path.toLowerCase();
  if (name.startsWith('OAI_CONFIG_LIST')) return { type: 'artifact', format: 'autogen', kind: 'model-config' };
  if (/(?:^|\/)\.claude\/agents\//.test(path) && lower.endsWith('.md'))
    return { type: 'artifact', format: 'claude-agent', kind: 'agent-file' };
  if (lower.endsWith('.prompt.md')) {
    const dotprompt = texts.some((t) => t !== null && looksLikeDotprompt(t));
    return { type: 'artifact', format: dotprompt ? 'dotprompt' : 'vscode-prompt', kind: 'prompt-file' };
  }
  if (lower.endsWith('.prompt.yml') || lower.endsWith('.prompt.yaml'))
    return { type: 'artifact', format: 'github-models', kind: 'prompt-file' };
  if (lower.endsWith('.prompty')) return { type: 'artifact', format: 'prompty', kind: 'prompt-file' };
  if (lower.endsWith('.prompt')) return { type: 'artifact', format: 'dotprompt', kind: 'prompt-file' };
  if (/(?:^|\/)config\/agents\.ya?ml$/.test(lowerPath))
    return { type: 'artifact', format: 'crewai-agents', kind: 'agent-file' };
  if (/(?:^|\/)config\/tasks\.ya?ml$/.test(lowerPath))
    return { type: 'artifact', format: 'crewai-tasks', kind: 'agent-file' };
  if (/^promptfooconfig(?:\.[^/]*)?\.ya?ml$/.test(lower))
    return { type: 'artifact', format: 'promptfoo', kind: 'model-config' };
  // By content: an eval config under another name (evals/support.yaml) with prompts: and providers:.
  if (texts.some((t) => t !== null && looksLikePromptfoo(path, t)))
    return { type: 'artifact', format: 'promptfoo', kind: 'model-config' };
  // By content, not name: a proxy config may be called anything (aliases_config.yaml, proxy.yaml).
  if (/\.ya?ml$/.test(lower) && texts.some((t) => t !== null && LITELLM_MODEL_LIST.test(t))) {
    return { type: 'artifact', format: 'litellm', kind: 'model-config' };
  }
  if (/\.ya?ml$/.test(lower) && texts.some((t) => t !== null && GITHUB_MODELS_BY_CONTENT.every((re) => re.test(t))))
    return { type: 'artifact', format: 'github-models', kind: 'prompt-file' };
  if (/(?:^|\/)prompts\//.test(path) && PLAIN_PROMPT_EXT.test(name) && !NOT_A_PROMPT.test(name)) {
    return { type: 'artifact', format: 'plain-prompt', kind: 'prompt-file' };
  }
  if (lower.startsWith('.env') || lower.endsWith('.env.example')) return { type: 'env' };
  if (CODE_EXT.test(name) && !NOT_PRODUCTION_DIR.test(path) && !NOT_PRODUCTION_FILE.test(name)) {
    return { type: 'code', lang: lower.endsWith('.py') ? 'python' : 'js' };
  }
  return { type: 'none' };
}

/**
 * The class of a changed YAML file too large (or too odd) to read, whose `start` (its first
 * GATEWAY_SNIFF_BYTES, or '') is all that was looked at: a LiteLLM config when its name is one
 * LiteLLM configs use (`config.yaml`, `litellm_config.yaml`, `*litellm*.yaml`), or when `model_list:`
 * opens a line in its start; else nothing. The name alone decides for those names, because padding
 * before `model_list:` would defeat any look at the start, and a hand-written config over 1 MiB is
 * rare enough to review by hand. Other names need the key near the top, so that large YAML data
 * files (fixtures, datasets, OpenAPI specs) stay quiet.
 */
export function classifyUnreadYaml(path: string, start: string): FileClass {
  const name = basename(path);
  if (!/\.ya?ml$/i.test(name)) return { type: 'none' };
  if (GATEWAY_NAME.test(name) || LITELLM_MODEL_LIST.test(start))
    return { type: 'artifact', format: 'litellm', kind: 'model-config' };
  return { type: 'none' };
}

/** Path suffixes dropped to name a feature after its file. */
const FEATURE_SUFFIX =
  /(?:\.prompt\.ya?ml|\.ya?ml|\.prompt\.md|\.prompty|\.prompt|\.md|\.txt|\.j2|\.jinja2?|\.hbs|\.mustache|\.py|\.[cm]?[jt]sx?)$/i;
/** File stems that say nothing about what the code does; the folder names the feature instead. */
const GENERIC_STEM = /^(?:index|main|app|__init__|mod|server|route|page|handler|config|agents|tasks)$/i;

/** A feature id (`[a-z0-9][a-z0-9._-]*`) suggested for a file: its name, or its folder's. */
export function featureIdFor(path: string, format?: ArtifactFormat): string {
  const parts = path.split('/');
  let stem = parts[parts.length - 1].replace(FEATURE_SUFFIX, '').replace(/^_+/, '');
  if (format === 'crewai-agents' || format === 'crewai-tasks') {
    // src/<crew>/config/agents.yaml: the crew is named by the folder above config/.
    const above = parts[parts.length - 3];
    stem = above && above !== 'src' ? above : 'crew';
  } else if (GENERIC_STEM.test(stem) && parts.length > 1) {
    stem = parts[parts.length - 2];
  }
  return slug(stem);
}

function slug(s: string): string {
  const out = s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/_/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
  return out || 'feature';
}

/** A path as a YAML flow scalar: plain when that is safe, JSON-quoted otherwise. */
export function yamlScalar(s: string): string {
  return /^[A-Za-z0-9_./-][A-Za-z0-9_./@+:-]*$/.test(s) && !s.includes(': ') && !/^[-:]$/.test(s)
    ? s
    : JSON.stringify(s);
}
