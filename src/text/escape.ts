/**
 * Making repository text inert in GitHub-flavoured Markdown.
 *
 * Everything a pull request can write (feature ids, team names, paths, model ids, summaries,
 * notices) reaches the PR comment. Unescaped it could ping people (`@org/team`), cross-reference
 * issues in other repositories (`org/repo#123`), inject HTML or a fake copy of our hidden
 * `<!-- aicost: … -->` marker, add links, break tables or start blocks. These helpers are the one
 * place that decides how such text is written; the renderers never interpolate it raw.
 */

/** Zero-width space as an entity: visible in the raw Markdown, invisible when rendered. */
const ZWSP = '&#8203;';

/**
 * Controls that have no business in a one-line label: C0/C1 controls, DEL, bidirectional
 * overrides and isolates (they can make `a.ts` display as something else), the BOM.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Line breaks of every kind, with the blanks around them. */
const BREAKS = /[ \t]*(?:\r\n|[\r\n\u0085\u2028\u2029])[\s]*/g;

/** Characters replaced one for one; the rest pass through. */
const CHARS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // An entity, not `\|`: a table splits cells before it reads escapes only in GFM, and a plain
  // count of `|` per row then still tells the columns.
  '|': '&#124;',
  '`': '&#96;',
  '\\': '\\\\',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  // GitHub renders `$…$` as math; amounts written by aicost are `$` + digit, which never closes one.
  $: '\\$',
  '@': `@${ZWSP}`,
};

/**
 * One pass over the text so that entities written here are never escaped again: autolink
 * schemes and `www.`, `#` before a digit (issue references), then single characters.
 */
const TOKENS = /(:\/\/)|(www\.)|(#(?=\d))|([&<>|`\\*_[\]~$@])/gi;

/** Collapses line breaks and tabs to single spaces, drops control characters, trims. */
export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '').trim();
}

/**
 * Repository text as inert inline Markdown, for table cells, list items and sentences:
 * - no HTML at all (`<`, `>` and `&` become entities), so no `<img onerror>`, no `</details>`, no
 *   `<!-- aicost:` marker, no `<javascript:…>` autolink;
 * - no mentions (`@` + zero-width space) and no issue references (`#` + zero-width space + digit);
 * - no bare-URL autolinks (`http:​//`, `www​.`), no link or image syntax (`[`, `]` escaped);
 * - no code spans, emphasis, strikethrough or math (`` ` `` `*` `_` `~` `$` escaped);
 * - no table breaks (`|` as `&#124;`) and one line only (breaks collapsed);
 * - no block at the start (a leading `#`, `-`, `+`, `=` or `1. ` is escaped), so the text is safe
 *   after `- ` in a list too.
 */
export function escapeMarkdown(text: string): string {
  const line = oneLine(text);
  let out = line.replace(TOKENS, (match: string, scheme?: string, www?: string, hash?: string) => {
    if (scheme) return `:${ZWSP}//`;
    if (www) return `${match.slice(0, 3)}${ZWSP}.`;
    if (hash) return `#${ZWSP}`;
    return CHARS[match] ?? match;
  });
  if (/^[#\-+=]/.test(out)) out = `\\${out}`;
  // `1. ` starts an ordered list; `0.1.8` does not.
  else out = out.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return out;
}

/**
 * A code span that shows `text` literally, with a backtick fence longer than any run inside.
 * Falls back to escaped plain text when a code span cannot hold the text safely everywhere: a
 * `|` splits a table cell even inside a code span; `<` could put a marker-like `<!--` or an
 * `<img` into the raw comment body (which the sticky-comment lookup and other renderers read);
 * `@` is left to escapeMarkdown so that no renderer can turn it into a mention.
 */
export function inlineCode(text: string): string {
  const line = oneLine(text);
  if (line === '' || /[|<>@]/.test(line)) return escapeMarkdown(line);
  const fence = '`'.repeat(longestRun(line, '`') + 1);
  // CommonMark strips one space on each side when both are there: pad so that a leading or
  // trailing backtick cannot join the fence.
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * A fenced code block (e.g. a YAML hint) that no content can close early: the fence is longer
 * than any backtick run inside. `indent` prefixes every line, for a block inside a list item.
 * `<!--` is broken with a zero-width space so the raw comment never holds a marker-like string.
 */
export function codeBlock(text: string, info = '', indent = ''): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0085\u2028\u2029]/g, '\n')
    .replace(CONTROLS, '')
    .replace(/<!--/g, '<!\u200b--')
    .replace(/^\n+|\n+$/g, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const lang = /^[a-z0-9_+-]{1,20}$/i.test(info) ? info : '';
  return [fence + lang, ...body.split('\n'), fence].map((l) => (l ? indent + l : l)).join('\n');
}

/** Shortens text to at most `max` characters (code points), ending with `…` when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
