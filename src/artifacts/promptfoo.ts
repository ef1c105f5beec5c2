/**
 * promptfoo configs (`promptfooconfig.yaml`) as a prompt + model artifact: one prompt of
 * `prompts:` (inline text, a chat-message list, or a `file://` path), priced with one provider of
 * `providers:` (its id mapped to a catalog id, its `config.max_tokens` / `temperature`), and the
 * `tests[].vars` (merged over `defaultTest.vars`) as static test data. Templates are Nunjucks:
 * rendered by the restricted renderer, nothing executes.
 */

import { posix } from 'node:path';
import { ArtifactError } from '../errors.js';
import type { CallSite, MessageTemplate } from '../types.js';
import { collectTemplateFacts } from './render.js';
import {
  findPair,
  isMap,
  isRecord,
  isSeq,
  keyLine,
  noteUnreadKeys,
  own,
  parseYaml,
  positionOf,
  toPlainData,
} from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';
import { emptySite } from './site.js';
import { EXAMPLE, MAX_TOKENS_KEYS, promptfooModelId, providerEntries, readProvider } from './promptfoo-provider.js';

// promptfoo's functions are exported from this file (the front door and other helpers import them here).
export { promptfooModelId } from './promptfoo-provider.js';

/** Texts of the `file://` prompt files a config references, by the reference as written. */
export type PromptfooRefs = ReadonlyMap<string, string>;

/** Which prompt and provider of the config a feature prices. */
export interface PromptfooChoice {
  /** Prompt label, id or 0-based index (the part after `#` in `prompt:`). */
  prompt?: string;
  /** Provider label or id (the feature's `provider:`). */
  provider?: string;
}

const TOP_KEYS = [
  'description',
  'prompts',
  'providers',
  'targets',
  'tests',
  'defaultTest',
  'scenarios',
  'outputPath',
  'evaluateOptions',
  'env',
  'sharing',
  'commandLineOptions',
  'extensions',
  'nunjucksFilters',
  'derivedMetrics',
  'writeLatestResults',
  'tags',
  'metadata',
  'redteam',
];

/** A YAML file with top-level `prompts:` and `providers:` (or `targets:`): a promptfoo config, read by content. */
export function looksLikePromptfoo(file: string, text: string): boolean {
  return /\.ya?ml$/i.test(file) && /^prompts[ \t]*:/m.test(text) && /^(providers|targets)[ \t]*:/m.test(text);
}

/** The repository path of `file://ref` in `file`, or an ArtifactError at `line` when it leaves the repository. */
export function promptfooRefPath(file: string, ref: string, line: number): string {
  const dir = posix.dirname(file);
  const joined = posix.normalize(posix.join(dir === '.' ? '' : dir, ref));
  if (posix.isAbsolute(ref) || joined === '..' || joined.startsWith('../') || /[\\\0]/.test(ref)) {
    throw new ArtifactError(`file://${ref} points outside the repository`, {
      location: { file, line },
      hint: 'aicost reads only files inside the repository: move the prompt next to the promptfoo config and reference it by a relative path.',
    });
  }
  return joined;
}

interface PromptEntry {
  /** `file://…` reference without the scheme, or undefined for inline text. */
  ref?: string;
  raw?: unknown;
  label?: string;
  id?: string;
  line: number;
  node: unknown;
}

function promptEntries(src: YamlSource): PromptEntry[] {
  const pair = findPair(src.doc.contents, ['prompts']);
  if (!pair)
    throw new ArtifactError('the promptfoo config has no prompts:', { location: { file: src.file }, hint: EXAMPLE });
  const node = pair.pair.value;
  const value = own(src.value, 'prompts');
  const items = isSeq(node) ? node.items : [node];
  const values = Array.isArray(value) ? value : [value];
  return values.map((v, i) => {
    const n = items[i];
    const line = positionOf(src, (n as never) ?? pair.pair.key).line;
    const fromString = (s: string, label?: string, id?: string): PromptEntry =>
      s.startsWith('file://')
        ? { ref: s.slice(7), label, id: id ?? s, line, node: n }
        : { raw: s, label, id, line, node: n };
    if (typeof v === 'string') return fromString(v);
    if (isRecord(v)) {
      const label = typeof own(v, 'label') === 'string' ? (own(v, 'label') as string) : undefined;
      const id = own(v, 'id');
      const raw = own(v, 'raw');
      if (typeof raw === 'string') return fromString(raw, label, typeof id === 'string' ? id : undefined);
      if (typeof id === 'string') return fromString(id, label, id);
      if (Array.isArray(raw)) return { raw, label, line, node: n };
    }
    if (Array.isArray(v)) return { raw: v, line, node: n };
    throw new ArtifactError(`prompts[${i}] is neither text, a file:// path nor {id|raw, label}`, {
      location: { file: src.file, line },
      hint: EXAMPLE,
    });
  });
}

/** `file://` references of a config's prompts, with their lines, for the loader to read. */
export function promptfooFileRefs(file: string, text: string): { ref: string; path: string; line: number }[] {
  const src = parseYaml(file, text);
  const out: { ref: string; path: string; line: number }[] = [];
  if (!isMap(src.doc.contents)) return out;
  for (const e of promptEntries(src)) {
    if (e.ref === undefined) continue;
    checkPromptRef(file, e.ref, e.line);
    out.push({ ref: e.ref, path: promptfooRefPath(file, e.ref, e.line), line: e.line });
  }
  return out;
}

function checkPromptRef(file: string, ref: string, line: number): void {
  if (/[*?[{]/.test(ref))
    throw new ArtifactError(`file://${ref} is a glob: a feature prices one prompt`, {
      location: { file, line },
      hint: 'List the prompt files one by one under prompts:, and point the feature at one of them with #<label or index>.',
    });
  if (/\.(?:[cm]?[jt]s|py)(?::\w+)?$/i.test(ref))
    throw new ArtifactError(`file://${ref} is a prompt function (code): aicost reads prompt text, it runs nothing`, {
      location: { file, line },
      hint: 'Point the feature at a text, Markdown, JSON or YAML prompt instead.',
    });
}

/**
 * Parses the promptfoo config `file` for the prompt and provider `choice` names. `refs` holds the
 * `file://` prompt texts (read by the loader, inside the repository). Malformed input throws ArtifactError.
 */
export function parsePromptfoo(file: string, text: string, choice: PromptfooChoice, refs: PromptfooRefs): CallSite {
  const src = parseYaml(file, text);
  const root = src.doc.contents;
  if (!isMap(root))
    throw new ArtifactError('not a promptfoo config: the file must be a YAML mapping', {
      location: { file },
      hint: EXAMPLE,
    });
  const notes: string[] = [];
  const site = emptySite(file, 'promptfoo', notes);
  const prompt = choosePrompt(src, promptEntries(src), choice.prompt);
  readPromptText(src, prompt, refs, site, notes);
  readProvider(src, choice.provider, site, notes);
  readTests(src, site, notes);
  noteUnreadKeys(src, root, '', TOP_KEYS, notes);
  collectTemplateFacts(
    site,
    site.messages.map((m) => m.line),
  );
  return site;
}

function choosePrompt(src: YamlSource, entries: PromptEntry[], wanted: string | undefined): PromptEntry {
  const names = entries.map((e, i) => e.label ?? e.id ?? String(i));
  if (wanted === undefined || wanted === '') {
    if (entries.length === 1) return entries[0];
    throw new ArtifactError(`the promptfoo config has ${entries.length} prompts; the feature must name one`, {
      location: { file: src.file, line: entries[0]?.line },
      hint: `Write prompt: ${src.file}#<label or index>; the prompts are: ${names.map((n, i) => `${i}: ${n}`).join(', ')}.`,
    });
  }
  const found =
    entries.find((e) => e.label === wanted) ??
    entries.find((e) => e.id === wanted || (e.ref !== undefined && e.ref === wanted)) ??
    (/^\d+$/.test(wanted) ? entries[Number(wanted)] : undefined);
  if (!found)
    throw new ArtifactError(`the promptfoo config has no prompt "${wanted}"`, {
      location: { file: src.file, line: entries[0]?.line },
      hint: `Name one by label or index: ${names.map((n, i) => `${i}: ${n}`).join(', ')}.`,
    });
  return found;
}

/** A chat-message list (`[{role, content}]`) as message templates, or null when `v` is not one. */
function chatMessages(v: unknown, line: number): MessageTemplate[] | null {
  if (!Array.isArray(v) || !v.length) return null;
  const out: MessageTemplate[] = [];
  for (const m of v) {
    const role = own(m, 'role');
    let content = own(m, 'content');
    if (Array.isArray(content))
      content = content
        .map((p) => (typeof p === 'string' ? p : typeof own(p, 'text') === 'string' ? own(p, 'text') : ''))
        .join('\n');
    if (typeof role !== 'string' || typeof content !== 'string') return null;
    out.push({ role, template: content, line });
  }
  return out;
}

function readPromptText(
  src: YamlSource,
  prompt: PromptEntry,
  refs: PromptfooRefs,
  site: CallSite,
  notes: string[],
): void {
  site.lines.prompt = prompt.line;
  let raw = prompt.raw;
  let from = 'the prompt';
  if (prompt.ref !== undefined) {
    checkPromptRef(src.file, prompt.ref, prompt.line);
    const text = refs.get(prompt.ref);
    if (text === undefined)
      throw new ArtifactError(`file://${prompt.ref} is not in the repository`, {
        location: { file: src.file, line: prompt.line },
        hint: 'Commit the prompt file next to the promptfoo config, or fix the path.',
      });
    from = `file://${prompt.ref}`;
    if (/\.json$/i.test(prompt.ref)) {
      try {
        raw = toPlainData(JSON.parse(text));
      } catch (e) {
        throw new ArtifactError(
          `file://${prompt.ref} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
          {
            location: { file: src.file, line: prompt.line },
            hint: 'Fix the JSON prompt file.',
          },
        );
      }
    } else if (/\.ya?ml$/i.test(prompt.ref)) {
      raw = parseYaml(prompt.ref, text).value;
    } else {
      raw = text;
      if (/^---[ \t]*$/m.test(text))
        notes.push(
          `${from} holds several prompts separated by ---, which promptfoo runs as separate prompts; aicost prices the whole file as one`,
        );
    }
  }
  if (typeof raw === 'string' && /^\s*\[/.test(raw)) {
    // promptfoo sends a string that parses as a chat-message list as those messages.
    try {
      const messages = chatMessages(JSON.parse(raw), prompt.line);
      if (messages) raw = JSON.parse(raw);
    } catch {
      // Not JSON: text that starts with a bracket.
    }
  }
  const messages = chatMessages(raw, prompt.line);
  if (messages) site.messages = messages;
  else if (typeof raw === 'string') site.messages = [{ role: 'user', template: raw, line: prompt.line }];
  else
    throw new ArtifactError(`${from} is neither text nor a list of {role, content} messages`, {
      location: { file: src.file, line: prompt.line },
      hint: 'Write the prompt as text, or as a chat list: [{role: system, content: …}, {role: user, content: …}].',
    });
  if (prompt.ref !== undefined)
    notes.push(`the prompt text is read from ${from} (prompts entry at line ${prompt.line})`);
}

/** `tests[].vars` over `defaultTest.vars`, one row per test; file-backed tests get a note. */
function readTests(src: YamlSource, site: CallSite, notes: string[]): void {
  const defaultTest = own(src.value, 'defaultTest');
  const defaults = own(defaultTest, 'vars');
  const base = isRecord(defaults) ? (toPlainData(defaults) as Record<string, unknown>) : {};
  const tests = own(src.value, 'tests');
  const testsPair = findPair(src.doc.contents, ['tests']);
  if (typeof tests === 'string' || (Array.isArray(tests) && tests.some((t) => typeof t === 'string')))
    notes.push(
      `tests at line ${testsPair ? keyLine(src, testsPair.pair) : '?'} load test cases from files, which aicost does not read: the inline tests and defaultTest.vars are the test data`,
    );
  const defaultPair = findPair(src.doc.contents, ['defaultTest']);
  if (defaultPair && isRecord(defaultTest)) {
    noteProviderOverride(src, defaultPair.pair.value, defaultTest, 'defaultTest', notes);
    noteUnreadKeys(src, defaultPair.pair.value, 'defaultTest.', TEST_KEYS, notes);
  }
  const testNodes = testsPair && isSeq(testsPair.pair.value) ? testsPair.pair.value.items : [];
  if (Array.isArray(tests)) {
    tests.forEach((t, i) => {
      if (!isRecord(t)) return;
      const vars = own(t, 'vars');
      noteProviderOverride(src, testNodes[i], t, `tests[${i}]`, notes);
      noteUnreadKeys(src, testNodes[i] as never, `tests[${i}].`, TEST_KEYS, notes);
      site.testData.push({ ...base, ...(isRecord(vars) ? (toPlainData(vars) as Record<string, unknown>) : {}) });
    });
  }
  if (!site.testData.length && Object.keys(base).length) site.testData.push({ ...base });
  const fileVars = site.testData.flatMap((row) =>
    Object.entries(row)
      .filter(([, v]) => typeof v === 'string' && v.startsWith('file://'))
      .map(([k]) => k),
  );
  if (fileVars.length)
    notes.push(
      `test vars ${[...new Set(fileVars)].join(', ')} are file:// references, which promptfoo replaces with the file's content; aicost counts the reference text`,
    );
}

/** Keys of a test case; `provider` and `options.provider` are noted on their own. */
const TEST_KEYS = ['vars', 'description', 'assert', 'metadata', 'threshold', 'options', 'provider'];

/** A test that runs another provider than the feature's: promptfoo prices it with that one, aicost does not. */
function noteProviderOverride(
  src: YamlSource,
  node: unknown,
  test: Record<string, unknown>,
  where: string,
  notes: string[],
): void {
  for (const [holder, holderNode, path] of [
    [test, node, `${where}.provider`],
    [own(test, 'options'), findPair(node, ['options'])?.pair.value, `${where}.options.provider`],
  ] as const) {
    const p = findPair(holderNode, ['provider']);
    if (!p || own(holder, 'provider') === undefined) continue;
    notes.push(
      `${path} at line ${keyLine(src, p.pair)} runs this test with another provider; aicost prices every test with the feature's provider`,
    );
  }
}

/**
 * The prompt and provider a feature entry for this config would name, for the unpriced scan's
 * hint: the first prompt (its label, else its index) and the first provider with a catalog model
 * (its label, else its id), and whether that provider caps the output. Null when the config cannot be read.
 */
export function promptfooFeatureChoice(
  file: string,
  text: string,
): { prompt: string; provider: string; hasCap: boolean } | null {
  try {
    const src = parseYaml(file, text);
    if (!isMap(src.doc.contents)) return null;
    const prompts = promptEntries(src);
    const providers = providerEntries(src);
    if (!prompts.length || !providers.length) return null;
    const p = providers.find((e) => promptfooModelId(e.id) && !promptfooModelId(e.id)!.azure) ?? providers[0];
    const hasCap = isRecord(p.config) && MAX_TOKENS_KEYS.some((k) => typeof own(p.config, k) === 'number');
    return { prompt: prompts[0].label ?? '0', provider: p.label ?? p.id, hasCap };
  } catch (e) {
    if (e instanceof ArtifactError) return null;
    throw e;
  }
}
