/**
 * Plain prompt templates (`.md`, `.txt`, `.j2`, `.hbs`, `.mustache`, VS Code `.prompt.md`) and
 * Prompty files (`.prompty`). Without front matter the whole file is one system message. With
 * YAML front matter, model settings come from it and `system:` / `user:` / `assistant:` lines
 * split the body into messages, as Prompty does.
 */

import { ArtifactError } from '../errors.js';
import type { CallSite, MessageTemplate } from '../types.js';
import { collectTemplateFacts } from './render.js';
import { OTHER_PARAMETERS } from './prompt-yml.js';
import { readPromptyInputs, readPromptyModel, readPromptyTools, type PromptyRefs } from './prompty.js';
import {
  findPair,
  isMap,
  isRecord,
  keyLine,
  noteUnreadKeys,
  own,
  parseYaml,
  positionOf,
  readNumberKey,
  refuseMisspelledKeys,
} from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';
import { emptySite } from './site.js';

const MAX_TOKENS_KEYS = [
  'max_tokens',
  'maxTokens',
  'max_completion_tokens',
  'maxCompletionTokens',
  'maxOutputTokens',
  'max_output_tokens',
];
/** Front matter keys read for the price; a key one typo away from one of them is an error. */
const PRICED_KEYS = ['model', 'temperature', 'top_p', 'topP', 'sample', 'inputs', ...MAX_TOKENS_KEYS];
/** Front matter keys of Prompty and VS Code prompt files (and common metadata) that do not change the price. */
const OTHER_KEYS = [
  'name',
  'description',
  'authors',
  'version',
  'tags',
  'metadata',
  'mode',
  'applyTo',
  'tools',
  'template',
  'outputs',
  'base',
  'agent',
  'argument-hint',
  'type',
  ...OTHER_PARAMETERS,
];
// One optional `#` between blanks, written so that no two quantifiers compete for the same blanks.
const ROLE_LINE = /^[ \t]*(?:#[ \t]*)?(system|user|assistant|developer|tool|function)[ \t]*:[ \t]*$/i;

/** The front matter block of a file, if it has one. */
export interface FrontMatter {
  yaml: string;
  /** File line of the first body line. */
  bodyLine: number;
  body: string;
}

/**
 * `---` on the first line, a closing `---` (or `...`) on a later line. A file whose first line is
 * `---` without a closing line has no front matter (a Markdown rule, not YAML).
 */
export function splitFrontMatter(text: string): FrontMatter | null {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return null;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(first[0].length);
  const m = close.exec(rest);
  if (!m) return null;
  const yaml = rest.slice(0, m.index);
  let bodyStart = m.index + m[0].length;
  if (rest[bodyStart] === '\n') bodyStart++;
  const bodyLine = 2 + countNewlines(yaml) + 1;
  return { yaml, bodyLine, body: rest.slice(bodyStart) };
}

export function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Reads a plain or front-matter prompt template into a CallSite. */
export function parseMarkdownPrompt(
  file: string,
  text: string,
  format: 'markdown' | 'text' = 'markdown',
  refs: PromptyRefs = new Map(),
): CallSite {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const notes: string[] = [];
  const site = emptySite(file, format, notes);
  // Template line → file line, per message.
  let starts: number[];
  const fm = splitFrontMatter(src);
  const yaml = fm ? parseYaml(file, fm.yaml, 1) : null;
  if (fm && yaml && (yaml.value === null || isMap(yaml.doc.contents))) {
    readFrontMatter(yaml, site, notes, refs, file.toLowerCase().endsWith('.prompty'));
    starts = splitRoles(fm.body, fm.bodyLine, site.messages);
  } else {
    site.messages.push({ role: 'system', template: src, line: 1 });
    starts = [1];
  }

  collectTemplateFacts(site, starts);
  return site;
}

/**
 * Splits a body on role lines. Text before the first role line is a system message. Each
 * message is trimmed as Prompty trims it. Returns the file line where each template starts.
 */
function splitRoles(body: string, bodyLine: number, out: MessageTemplate[]): number[] {
  const lines = body.split('\n');
  if (!lines.some((l) => ROLE_LINE.test(l.replace(/\r$/, '')))) {
    out.push({ role: 'system', template: body, line: bodyLine });
    return [bodyLine];
  }
  const starts: number[] = [];
  let cur = { role: 'system', line: bodyLine, firstContentLine: bodyLine, lines: [] as string[], explicit: false };
  const finish = () => {
    const joined = cur.lines.join('\n');
    const template = joined.trim();
    if (!cur.explicit && !template) return;
    const lead = joined.slice(0, joined.length - joined.trimStart().length);
    out.push({ role: cur.role, template, line: cur.line });
    starts.push(cur.firstContentLine + countNewlines(lead));
  };
  lines.forEach((l, i) => {
    const m = ROLE_LINE.exec(l.replace(/\r$/, ''));
    if (!m) {
      cur.lines.push(l);
      return;
    }
    finish();
    const line = bodyLine + i;
    cur = { role: m[1].toLowerCase(), line, firstContentLine: line + 1, lines: [], explicit: true };
  });
  finish();
  return starts;
}

/** Model settings from front matter: flat keys, or Prompty's `model:` mapping (v1 and v2). */
function readFrontMatter(src: YamlSource, site: CallSite, notes: string[], refs: PromptyRefs, prompty: boolean): void {
  const root = src.doc.contents;
  if (!isMap(root)) return;
  refuseMisspelledKeys(src, root, ' in the front matter', PRICED_KEYS, OTHER_KEYS);
  const modelPair = findPair(root, ['model']);
  const model = own(src.value, 'model');
  if (modelPair && typeof model === 'string' && model.trim() && !model.trim().startsWith('${')) {
    site.model = model.trim();
    site.lines.model = keyLine(src, modelPair.pair);
  } else if (modelPair && isRecord(model)) {
    readPromptyModel(src, modelPair.pair.value, refs, site, notes);
  } else if (modelPair && typeof model === 'string' && model.trim().startsWith('${file:')) {
    readPromptyModel(src, modelPair.pair.value, refs, site, notes);
  } else if (modelPair && model !== null && model !== undefined) {
    const pos = positionOf(src, modelPair.pair.value);
    throw new ArtifactError('model in the front matter must be a model id string or a Prompty model mapping', {
      location: { file: src.file, ...pos },
      hint: 'e.g. model: openai/gpt-4o-mini',
    });
  }

  if (site.params.maxTokens === undefined) {
    const max = readNumberKey(src, root, MAX_TOKENS_KEYS, '', true, notes);
    if (max.value !== undefined && max.line !== undefined) {
      site.params.maxTokens = max.value;
      site.lines.maxTokens = max.line;
    }
  }
  if (site.params.temperature === undefined) readParam(src, root, ['temperature'], 'temperature', site, notes, '');
  if (site.params.topP === undefined) readParam(src, root, ['top_p', 'topP'], 'topP', site, notes, '');

  readPromptyInputs(src, refs, site, notes);
  if (prompty) readPromptyTools(src, refs, site, notes);
  noteUnreadKeys(src, root, '', [...PRICED_KEYS, ...OTHER_KEYS], notes);
}

function readParam(
  src: YamlSource,
  map: unknown,
  keys: readonly string[],
  name: 'temperature' | 'topP',
  site: CallSite,
  notes: string[],
  where: string,
): void {
  const r = readNumberKey(src, map, keys, where, false, notes);
  if (r.value === undefined || r.line === undefined) return;
  site.params[name] = r.value;
  site.lines[name] = r.line;
}
