/**
 * The body of a Dotprompt file: `{{role "…"}}` markers split it into messages, and Dotprompt's
 * helpers become text for the restricted renderer (`{{>partial}}` inlined from `_name.prompt`,
 * `{{json x}}` as `{{x}}`, `{{history}}` and `{{media}}` removed with a note). Nothing executes.
 */

import { posix } from 'node:path';
import { ArtifactError } from '../errors.js';
import type { MessageTemplate } from '../types.js';
import { countNewlines, splitFrontMatter } from './markdown.js';
import { RENDER_LIMITS } from './render.js';

/** Partial templates by name (`{{>footer}}` → `footer`), read by the caller from `_footer.prompt`. */
export type PartialFiles = ReadonlyMap<string, { file: string; text: string }>;

function fail(file: string, line: number | undefined, message: string, hint: string): never {
  throw new ArtifactError(message, { location: { file, line }, hint });
}

/** Deepest chain of partials inlined (a partial that includes a partial …). */
export const MAX_PARTIAL_DEPTH = 8;
const PARTIAL_TAG = /\{\{~?>\s*([A-Za-z0-9_][\w./-]*)/g;
const ROLE_TAG = /\{\{~?\s*role\s+(?:"([^"]*)"|'([^']*)')\s*~?\}\}/g;
const ROLES: Readonly<Record<string, string>> = { system: 'system', user: 'user', model: 'assistant', tool: 'tool' };

/** The repository path of partial `name` used by `promptFile`: `_name.prompt` in its directory. */
export function partialPath(promptFile: string, name: string): string {
  const dir = posix.dirname(promptFile);
  const parts = name.split('/');
  parts[parts.length - 1] = `_${parts[parts.length - 1]}.prompt`;
  return posix.normalize(posix.join(dir === '.' ? '' : dir, ...parts));
}

/** Names of the partials a template text uses, in order of first use. */
export function partialNames(text: string): string[] {
  return [...new Set([...text.matchAll(PARTIAL_TAG)].map((m) => m[1]))];
}

/** True for a Dotprompt partial file name (`_footer.prompt`): never a prompt of its own. */
export function isDotpromptPartial(file: string): boolean {
  return /(?:^|\/)_[^/]*\.prompt$/i.test(file);
}

/**
 * Splits the body on `{{role "…"}}` markers (text before the first marker is a user message, as
 * Dotprompt renders it), then rewrites each message's Dotprompt helpers. Returns per message the
 * file line where its template starts.
 */
export function splitMessages(
  file: string,
  rawBody: string,
  bodyLine: number,
  partials: PartialFiles,
  out: MessageTemplate[],
  notes: string[],
): number[] {
  // Dotprompt trims the template; leading blank lines move the first line down.
  const lead = rawBody.length - rawBody.trimStart().length;
  const body = rawBody.trim();
  const firstLine = bodyLine + countNewlines(rawBody.slice(0, lead));
  const starts: number[] = [];
  let role = 'user';
  let from = 0;
  let line = firstLine;
  const budget = { chars: 0 };
  const push = (to: number, nextLine: number) => {
    const raw = body.slice(from, to);
    if (raw.trim()) {
      const template = rewriteHelpers(file, raw, line, partials, notes, 0, [], budget);
      out.push({ role, template, line });
      starts.push(line);
    }
    line = nextLine;
  };
  for (const m of body.matchAll(ROLE_TAG)) {
    const at = m.index;
    const markerLine = firstLine + countNewlines(body.slice(0, at));
    push(at, markerLine);
    const name = (m[1] ?? m[2] ?? '').trim();
    const mapped = ROLES[name];
    if (!mapped) fail(file, markerLine, `{{role "${name}"}} is not a Dotprompt role`, 'Use system, user or model.');
    role = mapped;
    from = at + m[0].length;
  }
  push(body.length, line);
  if (!out.length) fail(file, firstLine, 'the prompt has no text', 'Write the prompt below the front matter.');
  return starts;
}

/** One pass over Dotprompt's helper tags, so each match's index is a position in the text it was found in. */
const HELPER_TAG =
  /\{\{~?>\s*([A-Za-z0-9_][\w./-]*)([^}]*?)~?\}\}|\{\{~?\s*(history)\s*~?\}\}|\{\{~?\s*(media)\s[^}]*\}\}|\{\{~?\s*(section)\s+(?:"[^"]*"|'[^']*')\s*~?\}\}/g;

/** Inlines partials and rewrites `{{json}}`, `{{history}}`, `{{media}}`, `{{section}}`. */
function rewriteHelpers(
  file: string,
  text: string,
  line: number,
  partials: PartialFiles,
  notes: string[],
  depth: number,
  chain: string[],
  budget: { chars: number },
): string {
  const lineOf = (index: number) => line + countNewlines(text.slice(0, index));
  const out = text.replace(
    HELPER_TAG,
    (
      tag: string,
      name: string | undefined,
      args: string | undefined,
      history?: string,
      media?: string,
      ...rest: unknown[]
    ) => {
      const index = rest.find((r) => typeof r === 'number') as number;
      const where = lineOf(index);
      if (history) {
        notes.push(
          `{{history}} at ${file}:${where}: earlier turns are inserted at run time and are not counted; record them in traffic samples`,
        );
        return '';
      }
      if (media) {
        notes.push(
          `{{media}} at ${file}:${where}: the image or file it sends is not counted (providers price media per item)`,
        );
        return '';
      }
      if (!name) return ''; // {{section "…"}}: a position marker, no text
      const p = partials.get(name);
      if (!p) {
        fail(
          file,
          where,
          `partial {{>${name}}} is not found: Dotprompt reads it from ${partialPath(file, name)}`,
          `Add ${partialPath(file, name)} to the repository, or remove the {{>${name}}} tag.`,
        );
      }
      if (chain.includes(name) || depth >= MAX_PARTIAL_DEPTH) {
        fail(
          file,
          where,
          `partial {{>${name}}} includes itself or nests deeper than ${MAX_PARTIAL_DEPTH} (${[...chain, name].join(' → ')})`,
          'Break the cycle of partials.',
        );
      }
      if (args?.trim())
        notes.push(
          `partial {{>${name}}} at ${file}:${where} is passed ${args.trim()}: its variables are read from the prompt's own input`,
        );
      const fm = splitFrontMatter(p.text);
      const inner = (fm ? fm.body : p.text).replace(/\r?\n$/, '');
      // Counted before expanding: partials that include partials many times would otherwise grow
      // exponentially before any length check.
      budget.chars += inner.length;
      if (budget.chars > RENDER_LIMITS.maxTemplateBytes) {
        fail(
          file,
          where,
          `partials expand this prompt past ${RENDER_LIMITS.maxTemplateBytes} characters`,
          'Keep a prompt and the partials it includes under 1 MiB in all.',
        );
      }
      return rewriteHelpers(p.file, inner, fm ? fm.bodyLine : 1, partials, notes, depth + 1, [...chain, name], budget);
    },
  );
  if (out.length > RENDER_LIMITS.maxTemplateBytes) {
    fail(
      file,
      line,
      `partials expand this prompt past ${RENDER_LIMITS.maxTemplateBytes} characters`,
      'Keep prompts and their partials under 1 MiB.',
    );
  }
  return out.replace(/\{\{(~?)\s*json\s+([A-Za-z_@][\w.@]*)[^}]*?(~?)\}\}/g, '{{$1$2$3}}');
}
