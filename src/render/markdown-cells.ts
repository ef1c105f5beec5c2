/** Cells and words shared by the sections of the diff document (render/diff-markdown.ts). */
import { clip, count, escapeMarkdown, inlineCode, MINUS, signedPct, signedUsd, usd } from '../text/index.js';
import type { ChangeJson, FeatureJson, FeatureSideJson } from '../report/index.js';

/** Longest change summary in the features table; the full one is in "What changed". */
export const CELL_SUMMARY = 72;
/** Longest repository text anywhere in the comment (ids, paths, messages). */
export const TEXT_MAX = 300;
/** Longest hint shown in a code block. */
export const HINT_MAX = 2_000;

export const ICON = {
  increase: '🔺',
  decrease: '🔻',
  added: '➕',
  removed: '➖',
  warning: '⚠️',
  error: '❌',
  ok: '✅',
} as const;

/** No-break space: keeps `$248 → $4,140` and `+$3,892 (+1,567%)` on one line in narrow cells. */
export const NBSP = '\u00a0';

/** Word joiner: no line break on either side, invisible (GitHub keeps it; a browser never breaks at it). */
export const WJ = '\u2060';

/**
 * Rendered text of an id (feature, model, team) that a browser may not split: a word joiner after
 * every hyphen and slash, where browsers otherwise break (`gpt-` / `4.1-mini`).
 */
export function unbroken(rendered: string): string {
  return rendered.replace(/([-/])(?=[^\s`])/g, `$1${WJ}`);
}

/** An id as text that does not break. */
export const idText = (s: string, max = 80): string => unbroken(text(s, max));
/** An id as code that does not break. */
export const idCode = (s: string, max = 80): string => unbroken(code(s, max));

/** `openai/gpt-4.1-mini` → `gpt-4.1-mini`: the table's short form (the details keep the provider). */
export function shortModel(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash >= 0 && slash < id.length - 1 ? id.slice(slash + 1) : id;
}

/**
 * The table's short form of a change summary: a model swap as `gpt-4o-mini → gpt-4o` (×16.7
 * price), other summaries without their parentheses when long, and cut at a word boundary,
 * never inside a figure.
 */
export function shortChange(summary: string, max = 56): string {
  const swap = /^model (\S+) → (\S+)(.*)$/.exec(summary);
  if (swap) {
    const rest = swap[3].trim();
    return `${idCode(shortModel(swap[1]))}${NBSP}→${NBSP}${idCode(shortModel(swap[2]))}${rest ? ` ${text(rest, 40)}` : ''}`;
  }
  let s = summary;
  if ([...s].length > max) s = s.replace(/ \([^()]*\)/g, '');
  if ([...s].length > max) {
    // Cut at the last clause or word boundary before the limit: a figure is never split.
    const head = [...s].slice(0, max).join('');
    const cut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '));
    s = cut > max / 2 ? head.slice(0, cut) : `${head.slice(0, head.lastIndexOf(' '))} …`;
  }
  return text(s, max + 2);
}

/** Whether an interval is worth showing beside a figure: wider than a quarter of it and not a point. */
export function wideInterval(value: number, ci: [number, number] | null): boolean {
  if (!ci) return false;
  if (delta(ci[0]) === delta(ci[1])) return false;
  return ci[1] - ci[0] > 0.25 * Math.max(Math.abs(value), 0.01);
}

export const money = (x: number): string => usd(x);
export const delta = (x: number): string => signedUsd(x, MINUS);
export const percent = (p: number): string => signedPct(p, MINUS);
export const interval = (ci: [number, number]): string => `95%: ${delta(ci[0])} to ${delta(ci[1])}`;
/** An interval unless it is degenerate (both ends print the same), then null. */
export const intervalOrNull = (ci: [number, number] | null): string | null =>
  ci && delta(ci[0]) !== delta(ci[1]) ? interval(ci) : null;
/** Repository text, one line, capped and escaped. */
export const text = (s: string, max = TEXT_MAX): string => escapeMarkdown(clip(s, max));
/** Identifiers shown as code (paths, models, tokenizers), capped. */
export const code = (s: string, max = TEXT_MAX): string => inlineCode(clip(s, max));
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
export const where = (file: string, line: number | null): string => code(line === null ? file : `${file}:${line}`);
export const shortRev = (rev: string): string => code(rev.slice(0, 7));

/** Changed features first by size of the monthly change; unpriced ones on top. */
export function byImpact(a: FeatureJson, b: FeatureJson): number {
  const u = Number(b.status === 'unpriced') - Number(a.status === 'unpriced');
  if (u !== 0) return u;
  const d = Math.abs(b.delta.monthly) - Math.abs(a.delta.monthly);
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function topChanges(f: FeatureJson): ChangeJson[] {
  return [...f.changes].sort((a, b) => Math.abs(b.monthly_effect) - Math.abs(a.monthly_effect));
}

/** A side's figure, `≤ $x` when it is an upper bound; `—` when the side does not exist. */
export function sideMoney(side: FeatureSideJson | null, value: (s: FeatureSideJson) => number): string {
  if (!side) return '—';
  return `${side.upper_bound ? `≤${NBSP}` : ''}${money(value(side))}`;
}

/** `renamed from x` / `copied from x`: the base feature whose entry prices this one. */
export function lineage(f: FeatureJson): string | null {
  if (f.renamed_from !== undefined) return `_renamed from ${text(f.renamed_from, 80)}_`;
  if (f.copied_from !== undefined)
    return `_copied from ${text(f.copied_from, 80)}: priced with its team, volume and traffic_`;
  return null;
}

/** `priced by this PR: pricing.x` for the side's models that only the PR's own entries price. */
export function prPricedText(f: FeatureJson, side: 'base' | 'head'): string | null {
  const mine = (f.priced_by_pr ?? []).filter((p) => p.side === side);
  if (mine.length === 0) return null;
  return `priced by this PR: ${mine.map((p) => `${code(p.model, 80)} (${p.declared.map((d) => code(d.key, 120)).join(', ')})`).join(', ')}`;
}

/** What the monthly figures rest on that the PR declares: its volume, its prices or aliases. */
export function declaredMarks(f: FeatureJson): string[] {
  const marks: string[] = [];
  if (f.volume_declared_in_pr) marks.push('volume declared in this PR');
  const base = prPricedText(f, 'base');
  const head = prPricedText(f, 'head');
  if (base) marks.push(`base ${base}`);
  if (head) marks.push(head);
  return marks;
}

export function insufficient(f: FeatureJson): boolean {
  return Boolean(f.base?.insufficient_samples || f.head?.insufficient_samples);
}

export function isStatic(side: FeatureSideJson | null): boolean {
  return side !== null && side.traffic === null && side.source.usage === 0 && side.source.replay === 0;
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
