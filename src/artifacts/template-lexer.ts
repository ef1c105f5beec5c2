/**
 * Splits a prompt template into text and tag tokens (`{{ }}`, `{{{ }}}`, `{% %}`, `{# #}`) and
 * applies whitespace control: Jinja `{%- -%}` / Handlebars `{{~ ~}}` trimming, and the
 * Handlebars/Mustache rule that a block tag alone on its line takes the line with it.
 */

import type { TemplateIssue } from './template-ast.js';

/** Literal text between tags. `raw` text came from `{% raw %}` and is never scanned. */
export interface TextToken {
  t: 'text';
  text: string;
  start: number;
  raw?: boolean;
}

/** One tag, with its source span (for static fallback) and trim flags. */
export interface TagToken {
  t: 'tag';
  /** `{{` covers `{{ }}` and Handlebars blocks; `{{{` is the triple-stash; `{#` a Jinja comment. */
  delim: '{{' | '{{{' | '{%' | '{#';
  /** Content between the delimiters, without trim markers, trimmed. */
  inner: string;
  start: number;
  end: number;
  line: number;
  trimL: boolean;
  trimR: boolean;
}

export type Token = TextToken | TagToken;

/** Maps offsets to 1-based lines by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(src: string) {
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

let searched = 0;

/**
 * Characters the lexer's searches have passed over so far in this process: tests bound the
 * lexing of hostile templates by this count instead of a clock.
 */
export function lexedChars(): number {
  return searched;
}

const CLOSERS: Record<TagToken['delim'], string> = { '{{': '}}', '{{{': '}}}', '{%': '%}', '{#': '#}' };
const END_RAW = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;

/** Tokenises `src`. Unclosed tags stay text and are reported in `issues`. */
export function lex(src: string, lines: LineIndex, issues: TemplateIssue[]): Token[] {
  const tokens: Token[] = [];
  let textStart = 0;
  let pos = 0;
  const pushText = (from: number, to: number, raw?: boolean): void => {
    if (to > from) tokens.push({ t: 'text', text: src.slice(from, to), start: from, raw });
  };

  // Searches only move forward: once a closer is absent after some offset it is absent after
  // any later one, so a template full of unclosed `{{` stays linear.
  const absentFrom = new Map<string, number>();
  const find = (needle: string, from: number): number => {
    const known = absentFrom.get(needle);
    if (known !== undefined && from >= known) return -1;
    const at = src.indexOf(needle, from);
    searched += (at < 0 ? src.length : at + needle.length) - from;
    if (at < 0) absentFrom.set(needle, from);
    return at;
  };
  let rawAbsentFrom = Infinity;

  for (;;) {
    const i = src.indexOf('{', pos);
    searched += (i < 0 ? src.length : i + 1) - pos;
    if (i < 0 || i + 1 >= src.length) break;
    const next = src[i + 1];
    let delim: TagToken['delim'];
    if (next === '{') delim = src[i + 2] === '{' && find('}}}', i + 3) >= 0 ? '{{{' : '{{';
    else if (next === '%') delim = '{%';
    else if (next === '#') delim = '{#';
    else {
      pos = i + 1;
      continue;
    }
    const open = delim.length;
    // `{{!-- … --}}` may contain `}}`, so it closes on `--}}`.
    const longComment = delim === '{{' && /^\{\{[~]?!--/.test(src.slice(i, i + 6));
    const closer = longComment ? '--}}' : CLOSERS[delim];
    const close = find(closer, i + open + (longComment ? 3 : 0));
    if (close < 0) {
      // `{#` is common in Markdown (`{#anchor}`), so only `{{` and `{%` are worth reporting.
      if (delim !== '{#') issues.push({ what: `unclosed "${delim}"`, line: lines.lineAt(i) });
      pos = i + open;
      continue;
    }
    const end = close + closer.length;
    let inner = src.slice(i + open, longComment ? close + 2 : close);
    let trimL = false;
    let trimR = false;
    if (/^[-~]/.test(inner)) {
      trimL = true;
      inner = inner.slice(1);
    } else if (delim !== '{{{' && inner.startsWith('+')) inner = inner.slice(1);
    if (/[-~]$/.test(inner) && !inner.endsWith('--')) {
      trimR = true;
      inner = inner.slice(0, -1);
    } else if (delim === '{%' && inner.endsWith('+')) inner = inner.slice(0, -1);
    inner = inner.trim();

    pushText(textStart, i);
    const tag: TagToken = { t: 'tag', delim, inner, start: i, end, line: lines.lineAt(i), trimL, trimR };

    if (delim === '{%' && inner === 'raw') {
      END_RAW.lastIndex = end;
      const m = end < rawAbsentFrom ? END_RAW.exec(src) : null;
      if (end < rawAbsentFrom) searched += (m ? m.index + m[0].length : src.length) - end;
      if (!m) {
        rawAbsentFrom = Math.min(rawAbsentFrom, end);
        issues.push({ what: 'unclosed "{% raw %}"', line: tag.line });
        tokens.push({ ...tag, delim: '{#' });
        textStart = pos = end;
        continue;
      }
      // The raw tags become silent comment tokens so their trim markers still apply.
      tokens.push({ ...tag, delim: '{#' });
      pushText(end, m.index, true);
      const endInner = m[0];
      tokens.push({
        t: 'tag',
        delim: '{#',
        inner: '',
        start: m.index,
        end: m.index + endInner.length,
        line: lines.lineAt(m.index),
        trimL: /^\{%-/.test(endInner),
        trimR: /-%\}$/.test(endInner),
      });
      textStart = pos = m.index + endInner.length;
      continue;
    }
    tokens.push(tag);
    textStart = pos = end;
  }
  pushText(textStart, src.length);
  applyWhitespaceControl(tokens);
  return tokens.filter((t) => t.t === 'tag' || t.text.length > 0);
}

/** Handlebars/Mustache tags that vanish with their line when alone on it. */
function isStandaloneKind(tag: TagToken): boolean {
  if (tag.delim !== '{{') return false;
  const c = tag.inner[0];
  return c === '#' || c === '/' || c === '^' || c === '!' || c === '>' || /^else\b/.test(tag.inner);
}

function applyWhitespaceControl(tokens: Token[]): void {
  const cutStart = new Array<number>(tokens.length).fill(0);
  const cutEnd = new Array<number>(tokens.length).fill(0);
  const textAt = (k: number): TextToken | undefined => {
    const t = tokens[k];
    return t && t.t === 'text' ? t : undefined;
  };

  tokens.forEach((tok, k) => {
    if (tok.t !== 'tag') return;
    const prev = textAt(k - 1);
    const next = textAt(k + 1);
    if (tok.trimL && prev) cutEnd[k - 1] = Math.max(cutEnd[k - 1], prev.text.length - prev.text.trimEnd().length);
    if (tok.trimR && next) cutStart[k + 1] = Math.max(cutStart[k + 1], next.text.length - next.text.trimStart().length);
    if (!isStandaloneKind(tok)) return;
    // Standalone: only whitespace between the previous newline (or the start) and the tag,
    // and between the tag and the next newline (or the end).
    const prevTok = tokens[k - 1];
    const nextTok = tokens[k + 1];
    let lead = 0;
    if (prevTok) {
      if (!prev) return;
      const m = /(^|\n)([ \t]*)$/.exec(prev.text);
      if (!m || (m[1] === '' && k - 1 !== 0)) return;
      lead = m[2].length;
    }
    let trail = 0;
    if (nextTok) {
      if (!next) return;
      const m = /^[ \t]*(\r?\n|$)/.exec(next.text);
      if (!m || (m[1] === '' && k + 1 !== tokens.length - 1)) return;
      trail = m[0].length;
    }
    if (prev) cutEnd[k - 1] = Math.max(cutEnd[k - 1], lead);
    if (next) cutStart[k + 1] = Math.max(cutStart[k + 1], trail);
  });

  tokens.forEach((tok, k) => {
    if (tok.t !== 'text' || (cutStart[k] === 0 && cutEnd[k] === 0)) return;
    const stop = tok.text.length - cutEnd[k];
    tok.text = cutStart[k] < stop ? tok.text.slice(cutStart[k], stop) : '';
  });
}
