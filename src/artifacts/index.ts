/**
 * Prompt artifacts: pick the parser by file name, and render a CallSite's messages with the
 * restricted renderer (compiled templates are cached by text, so replaying many samples through
 * the same revision parses each template once).
 */

import { ArtifactError } from '../errors.js';
import type { CallSite } from '../types.js';
import { looksLikeDotprompt, parseDotprompt, type PartialFiles } from './dotprompt.js';
import { parseMarkdownPrompt } from './markdown.js';
import type { PromptyRefs } from './prompty.js';
import { parseGithubModelsPrompt } from './prompt-yml.js';
import { compileTemplate } from './render.js';

export { parseGithubModelsPrompt } from './prompt-yml.js';
export { parseMarkdownPrompt } from './markdown.js';
export { parseDotprompt, isDotpromptPartial, looksLikeDotprompt, partialNames, partialPath } from './dotprompt.js';
export type { PartialFiles } from './dotprompt.js';
export { loadPromptArtifact } from './load-prompt.js';
export { compileTemplate, renderTemplate, templateVariables, templateWork, RENDER_LIMITS } from './render.js';
export type { CompiledTemplate, RenderOptions, RenderResult } from './render.js';

const GITHUB_MODELS = ['.prompt.yml', '.prompt.yaml'];
const DOTPROMPT = ['.prompt'];
const MARKDOWN = ['.prompt.md', '.md', '.prompty'];
const TEXT = ['.txt', '.j2', '.jinja', '.jinja2', '.hbs', '.mustache'];

/** File endings aicost reads as prompts, for messages and file discovery. */
export const PROMPT_EXTENSIONS: readonly string[] = [...GITHUB_MODELS, ...DOTPROMPT, ...MARKDOWN, ...TEXT];

/** The CallSite format a file name maps to, or null when aicost does not read it as a prompt. */
export function promptFormatOf(file: string): CallSite['format'] | null {
  const name = file.toLowerCase();
  if (GITHUB_MODELS.some((e) => name.endsWith(e))) return 'github-models';
  if (DOTPROMPT.some((e) => name.endsWith(e))) return 'dotprompt';
  if (MARKDOWN.some((e) => name.endsWith(e))) return 'markdown';
  if (TEXT.some((e) => name.endsWith(e))) return 'text';
  return null;
}

/**
 * A GitHub Models prompt under another name (`triage_prompt.yml`): a YAML file with a top-level
 * `messages:` list whose entries have a `role:`. Read by content, as the unpriced scan finds it.
 */
export function looksLikeGithubModelsPrompt(file: string, text: string): boolean {
  return /\.ya?ml$/i.test(file) && /^messages[ \t]*:/m.test(text) && /^[ \t]*-?[ \t]*role[ \t]*:/m.test(text);
}

/** Files a prompt file references, read by the caller: Dotprompt partials. */
export interface ArtifactRefs {
  partials?: PartialFiles;
  /** Prompty `${file:…}` texts by the reference as written. */
  files?: PromptyRefs;
}

/** The format of a prompt file by its name, and by its content where the name is shared. */
export function formatOf(file: string, text: string): CallSite['format'] | null {
  const byName = promptFormatOf(file);
  if (byName === 'markdown' && file.toLowerCase().endsWith('.prompt.md') && looksLikeDotprompt(text))
    return 'dotprompt';
  return byName ?? (looksLikeGithubModelsPrompt(file, text) ? 'github-models' : null);
}

/** Parses a prompt file by its name (or, for YAML, its content). Malformed files throw ArtifactError. */
export function parseArtifact(file: string, text: string, refs: ArtifactRefs = {}): CallSite {
  const format = formatOf(file, text);
  if (format === 'github-models') return parseGithubModelsPrompt(file, text);
  if (format === 'dotprompt') return parseDotprompt(file, text, refs.partials);
  if (format === 'markdown' || format === 'text') return parseMarkdownPrompt(file, text, format, refs.files);
  throw new ArtifactError(`not a prompt format aicost reads; supported: ${PROMPT_EXTENSIONS.join(', ')}`, {
    location: { file },
    hint: "Point the feature's prompt: at a file with one of these endings, or describe agents under agent:.",
  });
}

/** Rendered chat messages of a CallSite for one set of variables. */
export interface RenderedMessages {
  messages: { role: string; content: string }[];
  /** Variables that were absent or null (rendered as empty text), in order of first use. */
  missing: string[];
  /** The site's static `unsupported` list plus limits this render hit. */
  unsupported: string[];
}

/** Renders every message template of `site` with `vars`. */
export function renderMessages(site: CallSite, vars: Record<string, unknown>): RenderedMessages {
  const messages: { role: string; content: string }[] = [];
  const missing = new Set<string>();
  let limits: string[] | undefined;
  for (const m of site.messages) {
    const r = compileTemplate(m.template).evaluate(vars);
    messages.push({ role: m.role, content: r.text });
    for (const name of r.missing) missing.add(name);
    for (const l of r.limits) (limits ??= []).push(`${l.what} (${m.role} message at line ${m.line})`);
  }
  return {
    messages,
    missing: [...missing],
    unsupported: limits ? [...site.unsupported, ...limits] : site.unsupported.slice(),
  };
}
export { CLAUDE_MODEL_ALIASES, loadAgentSpec, loadFeatureAgent, splitAgentRef } from './agents/index.js';
export type { AgentFileReader } from './agents/index.js';
