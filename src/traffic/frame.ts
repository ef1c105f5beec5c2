/**
 * Cutting a traffic file into records, before any format looks at them. JSON files come in three
 * shapes and each is recognised from its first line: JSON Lines (one value a line), one JSON
 * document that is an array (its elements are the records, streamed) and pretty-printed values one
 * after the other (the OpenTelemetry Python console exporter; also one pretty-printed document).
 * CSV (RFC 4180) is cut in csv-frame.ts. Nothing holds more than one record (up to a bound) in memory.
 */

import { forEachLine } from './lines.js';

/** One record: its parsed value, or why it could not be parsed. Lines are 1-based, indexes 0-based. */
export type RawRecord =
  { line: number; index: number; value: unknown } | { line: number; index: number; error: string };

export interface FrameOptions {
  /** Longest record, in bytes (a JSON line, element or value; a CSV row); longer ones are bad records. */
  maxRecordBytes: number;
  /** Longest first value of a pretty-printed file, which may be the whole document (a page with `data`). */
  maxDocumentBytes: number;
}

/** How the JSON of a file is laid out, from its first non-blank line. */
export type JsonLayout = 'lines' | 'array' | 'values';

const BOM = '\uFEFF';

/**
 * Calls `onRecord` with every JSON record of the byte stream. `onLayout` hears the layout chosen
 * once the first line is seen (for `traffic inspect`). Bad records are reported, not thrown.
 */
export async function forEachJsonRecord(
  chunks: AsyncIterable<Buffer>,
  opts: FrameOptions,
  onRecord: (r: RawRecord) => void,
  onLayout?: (layout: JsonLayout) => void,
): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  // Peek until the first non-blank line is complete (bounded), to choose the layout.
  const head: Buffer[] = [];
  let headLength = 0;
  let layout: JsonLayout | null = null;
  while (layout === null) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    headLength += next.value.length;
    layout = layoutOf(Buffer.concat(head, headLength), opts.maxRecordBytes);
  }
  const all = Buffer.concat(head, headLength);
  layout ??= layoutOf(all, opts.maxRecordBytes, true) ?? 'lines';
  onLayout?.(layout);
  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => {
      let first = true;
      return {
        next: async () => {
          if (first) {
            first = false;
            if (all.length) return { done: false, value: all };
          }
          return (await it.next()) as IteratorResult<Buffer>;
        },
        return: async () => {
          await it.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
  if (layout === 'lines') return jsonLines(rest, opts, onRecord);
  return jsonValues(rest, layout, opts, onRecord);
}

/** The layout from the file's start, or null while its first non-blank line is incomplete. */
function layoutOf(start: Buffer, maxLine: number, ended = false): JsonLayout | null {
  let i = 0;
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) i = 3;
  while (i < start.length && isSpace(start[i]!)) i++;
  if (i >= start.length) return ended ? 'lines' : null;
  if (start[i] === 0x5b) return 'array';
  if (start[i] !== 0x7b) return 'lines';
  const nl = start.indexOf(0x0a, i);
  if (nl === -1 && !ended && start.length - i <= maxLine) return null;
  const first = start
    .subarray(i, nl === -1 ? start.length : nl)
    .toString('utf8')
    .trim();
  // `{` alone, or a line that does not close the value it opens: a pretty-printed value.
  if (first === '{') return 'values';
  if (nl === -1) return 'lines';
  return balanced(first) ? 'lines' : 'values';
}

/** Whether a line's braces and brackets close (outside strings): a whole JSON value on one line. */
function balanced(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth <= 0;
}

async function jsonLines(
  chunks: AsyncIterable<Buffer>,
  opts: FrameOptions,
  onRecord: (r: RawRecord) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let index = 0;
  await forEachLine(
    chunks,
    opts.maxRecordBytes,
    () => undefined,
    ({ line, bytes }) => {
      if (bytes === null) {
        onRecord({ line, index: index++, error: `is longer than ${opts.maxRecordBytes} bytes` });
        return;
      }
      if (isBlankBytes(bytes)) return;
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        onRecord({ line, index: index++, error: 'is not valid UTF-8' });
        return;
      }
      if (text.trim() === '') return;
      onRecord(parseJson(text, line, index++));
    },
  );
}

/** JSON.parse without echoing the text (it may hold customer data): only the position of the error. */
export function parseJson(text: string, line: number, index: number): RawRecord {
  try {
    return { line, index, value: JSON.parse(text.startsWith(BOM) ? text.slice(1) : text) };
  } catch (e) {
    const at = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
    return {
      line,
      index,
      error: at ? `is not valid JSON (error at character ${Number(at[1]) + 1})` : 'is not valid JSON',
    };
  }
}

/**
 * Values of an `array` document (its elements) or of a `values` file (top-level values), scanned
 * byte by byte for their ends (strings and escapes respected), each parsed on its own.
 */
async function jsonValues(
  chunks: AsyncIterable<Buffer>,
  layout: 'array' | 'values',
  opts: FrameOptions,
  onRecord: (r: RawRecord) => void,
): Promise<void> {
  const base = layout === 'array' ? 1 : 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let depth = 0;
  let inString = false;
  let escape = false;
  let line = 1;
  let index = 0;
  let opened = layout === 'values';
  let closed = false;
  // The value being read: start line, parts, length; null between values.
  let cur: { line: number; parts: Buffer[]; length: number; tooLong: boolean; scalar: boolean } | null = null;
  let started = false;

  const limit = (): number => (index === 0 && layout === 'values' ? opts.maxDocumentBytes : opts.maxRecordBytes);
  const finish = (): void => {
    const v = cur!;
    cur = null;
    if (v.tooLong) {
      onRecord({ line: v.line, index: index++, error: `is longer than ${limit()} bytes` });
      return;
    }
    let text: string;
    try {
      text = decoder.decode(Buffer.concat(v.parts, v.length));
    } catch {
      onRecord({ line: v.line, index: index++, error: 'is not valid UTF-8' });
      return;
    }
    onRecord(parseJson(text, v.line, index++));
  };
  const add = (chunk: Buffer, from: number, to: number): void => {
    if (!cur || to <= from) return;
    if (cur.tooLong) return;
    if (cur.length + (to - from) > limit()) {
      cur.tooLong = true;
      cur.parts = [];
      return;
    }
    cur.parts.push(chunk.subarray(from, to));
    cur.length += to - from;
  };

  for await (const chunk of chunks) {
    let i = 0;
    if (!started) {
      started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    let from = i;
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) line++;
      if (cur) {
        if (inString) {
          if (escape) escape = false;
          else if (b === 0x5c) escape = true;
          else if (b === 0x22) inString = false;
          continue;
        }
        if (cur.scalar) {
          if (isSpace(b) || b === 0x2c || b === 0x5d) {
            add(chunk, from, i);
            finish();
            i--;
            if (b === 0x0a) line--;
          }
          continue;
        }
        if (b === 0x22) inString = true;
        else if (b === 0x7b || b === 0x5b) depth++;
        else if (b === 0x7d || b === 0x5d) {
          depth--;
          if (depth === base) {
            add(chunk, from, i + 1);
            finish();
          }
        }
        continue;
      }
      // Between values.
      if (isSpace(b)) continue;
      if (closed) {
        onRecord({ line, index: index++, error: 'is text after the end of the JSON document' });
        return;
      }
      if (!opened) {
        // The array's opening bracket.
        opened = true;
        depth = 1;
        continue;
      }
      if (layout === 'array' && b === 0x2c) continue;
      if (layout === 'array' && b === 0x5d) {
        closed = true;
        depth = 0;
        continue;
      }
      if (b === 0x7d || b === 0x5d || b === 0x2c) {
        onRecord({ line, index: index++, error: `has an unexpected "${String.fromCharCode(b)}" between JSON values` });
        continue;
      }
      cur = { line, parts: [], length: 0, tooLong: false, scalar: false };
      from = i;
      if (b === 0x22) inString = true;
      else if (b === 0x7b || b === 0x5b) depth++;
      else cur.scalar = true;
    }
    if (cur) add(chunk, from, chunk.length);
  }
  if (cur) {
    const v = cur as { scalar: boolean; line: number };
    if (v.scalar && depth === base) finish();
    else onRecord({ line: v.line, index: index++, error: 'ends inside a JSON value (is the file cut short?)' });
  } else if (layout === 'array' && opened && !closed) {
    onRecord({ line, index: index++, error: 'the JSON array is not closed (is the file cut short?)' });
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isBlankBytes(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
