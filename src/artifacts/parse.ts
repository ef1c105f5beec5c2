/**
 * Which parser reads a prompt file: by its name, and by its content where a name is shared
 * (`*_prompt.yml`, a `.prompt.md` with Dotprompt front matter).
 */

import { ArtifactError } from '../errors.js';
import type { CallSite } from '../types.js';
import { looksLikeDotprompt, parseDotprompt, type PartialFiles } from './dotprompt.js';
import { parseMarkdownPrompt } from './markdown.js';
import type { PromptyRefs } from './prompty.js';
import { parseGithubModelsPrompt } from './prompt-yml.js';
import { looksLikePromptfoo, parsePromptfoo, type PromptfooChoice, type PromptfooRefs } from './promptfoo.js';

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
  /** promptfoo: the prompt and provider the feature names, and the `file://` prompt texts. */
  promptfoo?: { choice: PromptfooChoice; files: PromptfooRefs };
}

/** The format of a prompt file by its name, and by its content where the name is shared. */
export function formatOf(file: string, text: string): CallSite['format'] | null {
  const byName = promptFormatOf(file);
  if (byName === 'markdown' && file.toLowerCase().endsWith('.prompt.md') && looksLikeDotprompt(text))
    return 'dotprompt';
  if (byName) return byName;
  if (looksLikePromptfoo(file, text)) return 'promptfoo';
  return looksLikeGithubModelsPrompt(file, text) ? 'github-models' : null;
}

/** Parses a prompt file by its name (or, for YAML, its content). Malformed files throw ArtifactError. */
export function parseArtifact(file: string, text: string, refs: ArtifactRefs = {}): CallSite {
  const format = formatOf(file, text);
  if (format === 'github-models') return parseGithubModelsPrompt(file, text);
  if (format === 'dotprompt') return parseDotprompt(file, text, refs.partials);
  if (format === 'promptfoo')
    return parsePromptfoo(file, text, refs.promptfoo?.choice ?? {}, refs.promptfoo?.files ?? new Map());
  if (format === 'markdown' || format === 'text') return parseMarkdownPrompt(file, text, format, refs.files);
  throw new ArtifactError(`not a prompt format aicost reads; supported: ${PROMPT_EXTENSIONS.join(', ')}`, {
    location: { file },
    hint: "Point the feature's prompt: at a file with one of these endings, or describe agents under agent:.",
  });
}
