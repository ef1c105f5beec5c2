/**
 * The hidden marker that makes the PR comment sticky:
 * `<!-- aicost:tag=<tag>;sha=<head sha>;run=<run id> -->`, always the comment's first line.
 * Only aicost writes it, from trusted values; repository text never reaches it (the renderer
 * escapes `<`, so a copy inside a report string cannot look like one).
 */

/** The marker's fields. */
export interface Marker {
  tag: string;
  sha: string;
  /** Run id as digits; compared as a number to tell older runs from newer ones. */
  run: string;
}

const MAX_TAG = 64;

/**
 * The tag as it appears in the marker: letters, digits and `._/-` only (anything else becomes
 * `-`), at most 64 characters. `--` and `>` could otherwise end the HTML comment early.
 */
export function sanitizeTag(tag: string): string {
  return tag
    .replace(/[^A-Za-z0-9._/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, MAX_TAG);
}

/** The marker line for a comment. `tag` is sanitised here; `sha` and `run` must be hex and digits. */
export function buildMarker(m: { tag: string; sha: string; run: string }): string {
  const sha = /^[0-9a-f]{1,64}$/.test(m.sha) ? m.sha : '';
  const run = /^\d{1,20}$/.test(m.run) ? m.run : '0';
  return `<!-- aicost:tag=${sanitizeTag(m.tag)};sha=${sha};run=${run} -->`;
}

const MARKER = /^<!-- aicost:tag=([A-Za-z0-9._/-]*);sha=([0-9a-f]*);run=(\d{1,20}) -->(?:\r?\n|$)/;

/** The marker at the start of a comment body, or null. */
export function parseMarker(body: string | null | undefined): Marker | null {
  const m = MARKER.exec(body ?? '');
  return m ? { tag: m[1], sha: m[2], run: m[3] } : null;
}

/** True when run `a` started after run `b` (run ids grow; BigInt because they are large). */
export function newerRun(a: string, b: string): boolean {
  return BigInt(a) > BigInt(b);
}
