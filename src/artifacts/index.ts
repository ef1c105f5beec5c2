/**
 * Prompt artifacts: pick the parser by file name, and render a CallSite's messages with the
 * restricted renderer (compiled templates are cached by text, so replaying many samples through
 * the same revision parses each template once).
 */

import type { CallSite } from '../types.js';
import { compileTemplate } from './render.js';

export { parseGithubModelsPrompt } from './prompt-yml.js';
export { parseMarkdownPrompt } from './markdown.js';
export { parseDotprompt, isDotpromptPartial, looksLikeDotprompt, partialNames, partialPath } from './dotprompt.js';
export type { PartialFiles } from './dotprompt.js';
export { looksLikePromptfoo, promptfooFeatureChoice } from './promptfoo.js';
export { loadPromptArtifact } from './load-prompt.js';
export { isCodeRef, loadCodeArtifact } from './code.js';
export type { LoadedPrompt } from './load-prompt.js';
export { formatOf, looksLikeGithubModelsPrompt, parseArtifact, promptFormatOf, PROMPT_EXTENSIONS } from './parse.js';
export type { ArtifactRefs } from './parse.js';
export { compileTemplate, renderTemplate, templateVariables, templateWork, RENDER_LIMITS } from './render.js';
export type { CompiledTemplate, RenderOptions, RenderResult } from './render.js';

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
/**
 * `site`'s messages rendered with every variable empty: the template's own text, all that is known
 * of what a sample without values sends (a static estimate, a usage-only sample, a fixed prefix).
 */
export function renderEmpty(site: CallSite): RenderedMessages {
  const empty = Object.create(null) as Record<string, unknown>;
  for (const v of site.variables) empty[v] = '';
  return renderMessages(site, empty);
}
export { CLAUDE_MODEL_ALIASES, loadAgentSpec, loadFeatureAgent, splitAgentRef } from './agents/index.js';
export type { AgentFileReader } from './agents/index.js';
