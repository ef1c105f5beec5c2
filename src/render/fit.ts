/** Fitting the diff document into GitHub's limits: whole optional sections left out, then lines. */
import { count } from '../text/index.js';

/** One part of the document; the action drops optional ones to fit the comment limit. */
export interface MarkdownSection {
  id: string;
  markdown: string;
  /** Never dropped: the marker, headline, verdict, features table and violations. */
  required: boolean;
}

/** GitHub rejects comments above 65,536 characters; this leaves room for the marker and edits. */
export const COMMENT_MAX_CHARS = 60_000;

/** The job summary's hard limit is 1 MiB per step; stay under it with a margin. */
export const SUMMARY_MAX_BYTES = 1_000_000;

/** Size limits of fitMarkdown. */
export interface FitOptions {
  /** UTF-8 bytes at most (the job summary's limit is in bytes). */
  maxBytes?: number;
}

/**
 * Fits the document into `maxChars` UTF-16 code units (never fewer than code points, so GitHub's
 * character limit holds) by leaving out whole optional sections, then adds `pointer` (e.g. "Full
 * report in the job summary"). Sections are kept in document order while they fit: a large
 * section is left out but smaller ones after it stay. Required sections are kept; if they alone
 * are too long, the longest one loses whole lines from its end (table rows, list items), with a
 * note of how many. Returns the document unchanged, without the pointer, when it fits.
 */
export function fitMarkdown(
  sections: MarkdownSection[],
  maxChars: number,
  pointer: string,
  opts: FitOptions = {},
): string {
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  const full = joinSections(sections);
  if (full.length <= maxChars && utf8Length(full) <= maxBytes) return full;

  const tail: MarkdownSection = { id: 'pointer', markdown: pointer, required: true };
  const kept = new Set(sections.filter((s) => s.required));
  const fits = (list: MarkdownSection[]): boolean => {
    const doc = joinSections([...list, tail]);
    return doc.length <= maxChars && utf8Length(doc) <= maxBytes;
  };
  for (const s of sections) {
    if (s.required) continue;
    const trial = sections.filter((x) => kept.has(x) || x === s);
    if (fits(trial)) kept.add(s);
  }
  let result = sections.filter((s) => kept.has(s));
  if (!fits(result)) result = trimLongest(result, tail, maxChars, maxBytes);
  return joinSections([...result, tail]);
}

/** Cuts whole lines off the end of the longest section until the document fits. */
function trimLongest(
  list: MarkdownSection[],
  tail: MarkdownSection,
  maxChars: number,
  maxBytes: number,
): MarkdownSection[] {
  const longest = list.reduce((a, b) => (b.markdown.length > a.markdown.length ? b : a));
  const lines = longest.markdown.split('\n');
  // Keep a table's header and delimiter rows, or at least the first line.
  const headerLines = lines.length > 1 && lines[0].startsWith('|') && lines[1].startsWith('|') ? 2 : 1;
  const build = (n: number): MarkdownSection[] => {
    const cut = lines.length - n;
    const markdown =
      cut > 0 ? `${lines.slice(0, n).join('\n')}\n\n_… ${plural(cut, 'more line')} left out._` : longest.markdown;
    return list.map((s) => (s === longest ? { ...s, markdown } : s));
  };
  let lo = headerLines;
  let hi = lines.length;
  // Binary search for the most lines that fit.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const doc = joinSections([...build(mid), tail]);
    if (doc.length <= maxChars && utf8Length(doc) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return build(lo);
}

/** The sections as one document. */
export function joinSections(sections: MarkdownSection[]): string {
  return `${sections.map((s) => s.markdown).join('\n\n')}\n`;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
