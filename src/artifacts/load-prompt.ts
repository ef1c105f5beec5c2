/**
 * A prompt file with the files it references, read from one revision: Dotprompt partials
 * (`{{>name}}` → `_name.prompt` beside the prompt, and the partials they use). The parsers stay
 * pure; this is where the other files are read, each inside the repository.
 */

import { languageFor } from '../code/index.js';
import { ArtifactError } from '../errors.js';
import { isCodeRef, loadCodeArtifact } from './code.js';
import { safeRelativePath } from '../repo/index.js';
import type { CallSite } from '../types.js';
import type { AgentFileReader } from './agents/index.js';
import { MAX_PARTIAL_DEPTH, partialNames, partialPath } from './dotprompt.js';
import { formatOf, parseArtifact } from './parse.js';
import { splitFrontMatter } from './markdown.js';
import { promptyFileRefs, promptyRefPath } from './prompty.js';
import { promptfooFileRefs } from './promptfoo.js';

/** Most partial files one prompt may pull in. */
const MAX_PARTIAL_FILES = 64;

/** A parsed prompt and every repository file it was read from (itself first). */
export interface LoadedPrompt {
  site: CallSite;
  files: string[];
}

/**
 * Reads `ref` (unless its `text` is given) and the files it references through `reader`, and
 * parses it. `ref` is a path, or `promptfooconfig.yaml#<prompt>` for one prompt of a promptfoo
 * config; `options.provider` chooses the config's provider.
 */
export async function loadPromptArtifact(
  reader: AgentFileReader,
  ref: string,
  given?: string,
  options: { provider?: string } = {},
): Promise<LoadedPrompt> {
  const hash = ref.indexOf('#');
  const path = hash < 0 ? ref : ref.slice(0, hash);
  const text = given ?? (await reader.readText(path));
  if (isCodeRef(ref)) {
    if (options.provider !== undefined)
      throw new ArtifactError(
        `the feature sets provider: ${options.provider}, but ${path} is code, not a promptfoo config`,
        {
          location: { file: path },
          hint: 'Remove provider:; model: on the feature names the model a code call uses.',
        },
      );
    return loadCodeArtifact(reader, path, ref.slice(hash + 1), text);
  }
  if (hash < 0 && languageFor(path))
    throw new ArtifactError('a code file: name the constant or function that holds the prompt', {
      location: { file: path },
      hint: `Write prompt: ${path}#NAME, where NAME is a module-level string constant, a list of messages, or a function that makes one model call.`,
    });
  const files = [path];
  const format = formatOf(path, text);
  if (format === 'promptfoo')
    return loadPromptfoo(reader, path, text, { prompt: hash < 0 ? undefined : ref.slice(hash + 1), ...options });
  if (options.provider !== undefined)
    throw new ArtifactError(`the feature sets provider: ${options.provider}, but ${path} is not a promptfoo config`, {
      location: { file: path },
      hint: "provider: chooses one of a promptfoo config's providers; for other prompt files, remove it (model: names the model when the file names none).",
    });
  if (hash >= 0)
    throw new ArtifactError(`${ref}: only promptfoo configs take a #<prompt> part, and ${path} is not one`, {
      location: { file: path },
      hint: 'Point prompt: at the file itself, or at a promptfoo config (a YAML file with prompts: and providers:).',
    });
  if (format === 'markdown' && path.toLowerCase().endsWith('.prompty')) return loadPrompty(reader, path, text);
  if (format !== 'dotprompt') return { site: parseArtifact(path, text), files };
  const partials = new Map<string, { file: string; text: string }>();
  // Breadth-first over partials of partials; the parser reports cycles and missing files at their line.
  let wave = partialNames(text);
  for (let depth = 0; wave.length && depth <= MAX_PARTIAL_DEPTH; depth++) {
    const next: string[] = [];
    for (const name of wave) {
      if (partials.has(name)) continue;
      if (partials.size >= MAX_PARTIAL_FILES) {
        throw new ArtifactError(`${path} uses more than ${MAX_PARTIAL_FILES} partial files`, {
          location: { file: path },
          hint: 'Merge some partials: aicost reads at most 64 per prompt.',
        });
      }
      const file = safeRelativePath(partialPath(path, name), path);
      if (!(await reader.exists(file))) continue;
      const partialText = await reader.readText(file);
      partials.set(name, { file, text: partialText });
      files.push(file);
      next.push(...partialNames(partialText));
    }
    wave = next;
  }
  return { site: parseArtifact(path, text, { partials }), files };
}

/** A Prompty file with its `${file:…}` references read, each inside the repository. */
async function loadPrompty(reader: AgentFileReader, path: string, text: string): Promise<LoadedPrompt> {
  const files = [path];
  const refs = new Map<string, string>();
  const fm = splitFrontMatter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  for (const { ref, line } of fm ? promptyFileRefs(fm.yaml) : []) {
    if (refs.has(ref)) continue;
    const file = promptyRefPath(path, ref, line);
    if (!(await reader.exists(file))) {
      throw new ArtifactError(`\${file:${ref}} names ${file}, which is not in the repository`, {
        location: { file: path, line },
        hint: 'Commit the referenced file next to the prompt, or fix the reference.',
      });
    }
    refs.set(ref, await reader.readText(file));
    files.push(file);
  }
  return { site: parseArtifact(path, text, { files: refs }), files };
}

/** A promptfoo config with its `file://` prompt files read, each inside the repository. */
async function loadPromptfoo(
  reader: AgentFileReader,
  path: string,
  text: string,
  choice: { prompt?: string; provider?: string },
): Promise<LoadedPrompt> {
  const files = [path];
  const refs = new Map<string, string>();
  for (const { ref, path: file } of promptfooFileRefs(path, text)) {
    if (refs.has(ref)) continue;
    if (!(await reader.exists(file))) continue; // only the chosen prompt's absence is an error, at its line
    refs.set(ref, await reader.readText(file));
    files.push(file);
  }
  return { site: parseArtifact(path, text, { promptfoo: { choice, files: refs } }), files };
}
