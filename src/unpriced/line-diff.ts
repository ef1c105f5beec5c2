/**
 * Line diff between the base and head text of one file, grouped into change blocks and hunks the
 * way `git diff` groups them, so that an edited line's old value can be found next to its new one.
 *
 * Myers' O(ND) greedy algorithm after trimming the common prefix and suffix. Two guards keep a
 * hostile or huge file from costing minutes or gigabytes: files over MAX_DIFF_LINES lines, and
 * diffs needing more than MAX_EDIT_DISTANCE inserted + deleted lines, are compared by line sets
 * instead (a head line is "added" when the base has no unused copy of it). That fallback finds the
 * same added lines for typical edits but loses positions of removed lines: they all go into one
 * hunk, so old → new pairing in such files is by order only.
 */

import { work } from './work.js';

/** A line on one side of the diff; `line` is 1-based on that side. */
export interface DiffLine {
  line: number;
  text: string;
}

/** A run of changed lines with no unchanged line between them. */
export interface ChangeBlock {
  /** Base lines removed (or replaced) by this block. */
  removed: DiffLine[];
  /** Head lines added by this block. */
  added: DiffLine[];
  /** Head line where the block sits: its first added line, or the head line after a pure removal. */
  headLine: number;
  /** Blocks with at most 2 × HUNK_CONTEXT unchanged lines between them share a hunk number. */
  hunk: number;
}

/** The changed lines of a file. */
export interface LineDiff {
  blocks: ChangeBlock[];
  /** False when the line-set fallback was used (positions of removed lines are not known). */
  exact: boolean;
}

/** Above this many lines on either side, files are compared by line sets. */
export const MAX_DIFF_LINES = 20_000;
/** Above this many inserted + deleted lines, Myers gives up and line sets are compared. */
export const MAX_EDIT_DISTANCE = 2_000;
/** Unchanged lines `git diff` shows around a change (its default `-U3`). */
export const HUNK_CONTEXT = 3;

/** Splits a text into lines; a final newline does not start an extra empty line. */
export function splitLines(text: string | null): string[] {
  if (text === null || text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Diffs two files given as lines. */
export function diffLines(base: readonly string[], head: readonly string[]): LineDiff {
  if (base.length > MAX_DIFF_LINES || head.length > MAX_DIFF_LINES) return bySets(base, head);
  const ops = myers(base, head);
  return ops ? toBlocks(ops, base, head) : bySets(base, head);
}

/** 0 = equal, 1 = delete base line, 2 = insert head line. */
type Op = 0 | 1 | 2;

/** Edit script from base to head, or null when it needs more than MAX_EDIT_DISTANCE edits. */
function myers(base: readonly string[], head: readonly string[]): Op[] | null {
  let start = 0;
  while (start < base.length && start < head.length && base[start] === head[start]) start++;
  let endA = base.length;
  let endB = head.length;
  while (endA > start && endB > start && base[endA - 1] === head[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push(0);
  // One side empty after trimming (an added or deleted file, or one block inserted or removed):
  // every line of the other side is changed, and Myers would walk every diagonal up to the
  // edit-distance cap (~2 million steps for 2,000 lines) before giving up on an answer it knew.
  if (start === endA || start === endB) {
    for (let i = start; i < endA; i++) ops.push(1);
    for (let j = start; j < endB; j++) ops.push(2);
    for (let i = endA; i < base.length; i++) ops.push(0);
    return ops;
  }
  // Compare small integers instead of strings in the inner loop.
  const ids = new Map<string, number>();
  const intern = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const a = Int32Array.from(base.slice(start, endA), intern);
  const b = Int32Array.from(head.slice(start, endB), intern);
  const middle = editScript(a, b);
  if (!middle) return null;
  for (const op of middle) ops.push(op);
  for (let i = endA; i < base.length; i++) ops.push(0);
  return ops;
}

function editScript(a: Int32Array, b: Int32Array): Op[] | null {
  const n = a.length;
  const m = b.length;
  const maxD = Math.min(n + m, MAX_EDIT_DISTANCE);
  const off = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  // trace[d] holds v[-d-1 .. d+1] as it was before step d (the furthest points after d-1 edits).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= maxD && found < 0; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      const from = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      work.diffSteps += 1 + x - from;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;

  const rev: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d];
    const at = (k: number): number => prev[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      rev.push(0);
      x--;
      y--;
    }
    rev.push(x === prevX ? 2 : 1);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    rev.push(0);
    x--;
    y--;
  }
  return rev.reverse();
}

function toBlocks(ops: readonly Op[], base: readonly string[], head: readonly string[]): LineDiff {
  const blocks: ChangeBlock[] = [];
  let i = 0; // base index
  let j = 0; // head index
  let current: ChangeBlock | null = null;
  let equalRun = 0;
  let hunk = -1;
  for (const op of ops) {
    if (op === 0) {
      current = null;
      equalRun++;
      i++;
      j++;
      continue;
    }
    if (!current) {
      if (hunk < 0 || equalRun > 2 * HUNK_CONTEXT) hunk++;
      current = { removed: [], added: [], headLine: j + 1, hunk };
      blocks.push(current);
      equalRun = 0;
    }
    if (op === 1) {
      current.removed.push({ line: i + 1, text: base[i] });
      i++;
    } else {
      current.added.push({ line: j + 1, text: head[j] });
      j++;
    }
  }
  return { blocks, exact: true };
}

/** Coarse comparison for huge files: multiset of lines, added runs in head order, one hunk. */
function bySets(base: readonly string[], head: readonly string[]): LineDiff {
  const baseCount = countLines(base);
  const headCount = countLines(head);
  const blocks: ChangeBlock[] = [];
  let current: ChangeBlock | null = null;
  head.forEach((text, j) => {
    const left = baseCount.get(text) ?? 0;
    if (left > 0) {
      baseCount.set(text, left - 1);
      current = null;
      return;
    }
    if (!current) {
      current = { removed: [], added: [], headLine: j + 1, hunk: 0 };
      blocks.push(current);
    }
    current.added.push({ line: j + 1, text });
  });
  const removed: DiffLine[] = [];
  base.forEach((text, i) => {
    const left = headCount.get(text) ?? 0;
    if (left > 0) headCount.set(text, left - 1);
    else removed.push({ line: i + 1, text });
  });
  if (removed.length) blocks.push({ removed, added: [], headLine: 1, hunk: 0 });
  return { blocks, exact: false };
}

function countLines(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}
