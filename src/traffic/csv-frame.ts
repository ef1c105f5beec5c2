/**
 * Cutting a CSV traffic export into records (RFC 4180 with a header row), one row in memory at a
 * time; the JSON framings are in frame.ts.
 */

import type { FrameOptions, RawRecord } from './frame.js';

const BOM = '\uFEFF';

/**
 * CSV rows (RFC 4180: fields in double quotes may hold commas, quotes written twice and newlines)
 * as objects without a prototype keyed by the header row. A row with another number of fields
 * than the header is a bad record.
 */
export async function forEachCsvRecord(
  chunks: AsyncIterable<Buffer>,
  opts: FrameOptions,
  onRecord: (r: RawRecord) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let header: string[] | null = null;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let rowLine = 1;
  let line = 1;
  let size = 0;
  let tooLong = false;
  let bad: string | null = null;
  let index = 0;
  let rowStarted = false;
  let first = true;
  let pendingQuote = false;

  const endRow = (): void => {
    fields.push(field);
    const row = fields;
    fields = [];
    field = '';
    const at = rowLine;
    const wasTooLong = tooLong;
    const wasBad = bad;
    tooLong = false;
    bad = null;
    size = 0;
    rowStarted = false;
    afterQuote = false;
    if (row.length === 1 && row[0] === '' && !wasTooLong && !wasBad) return; // blank line
    if (header === null) {
      header = row.map((h) => h.trim());
      return;
    }
    if (wasTooLong) return onRecord({ line: at, index: index++, error: `is longer than ${opts.maxRecordBytes} bytes` });
    if (wasBad) return onRecord({ line: at, index: index++, error: wasBad });
    if (row.length !== header.length)
      return onRecord({
        line: at,
        index: index++,
        error: `has ${row.length} fields, the header row has ${header.length}`,
      });
    const out = Object.create(null) as Record<string, string>;
    header.forEach((name, i) => {
      if (name !== '__proto__') out[name] = row[i]!;
    });
    onRecord({ line: at, index: index++, value: out });
  };

  const take = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (!rowStarted) {
        rowStarted = true;
        rowLine = line;
      }
      if (c === '\n') line++;
      if (++size > opts.maxRecordBytes && !tooLong) {
        tooLong = true;
        field = '';
        fields = [];
      }
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            if (!tooLong) field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // A quote at the end of a chunk: decided by the next chunk's first character.
            pendingQuote = true;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else if (!tooLong) field += c;
        continue;
      }
      if (c === ',') {
        if (!tooLong) fields.push(field);
        field = '';
        afterQuote = false;
      } else if (c === '\n') {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        endRow();
      } else if (c === '"' && field === '' && !afterQuote) {
        quoted = true;
      } else if (afterQuote && c !== '\r') {
        bad ??= 'has text after a closing quote (a quote inside a quoted field is written twice: "")';
      } else if (!tooLong && !afterQuote) field += c;
    }
  };

  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (first) {
      first = false;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    if (pendingQuote) {
      pendingQuote = false;
      if (text.startsWith('"')) {
        if (!tooLong) field += '"';
        text = text.slice(1);
      } else {
        quoted = false;
        afterQuote = true;
      }
    }
    take(text);
  }
  const tail = decoder.decode();
  if (pendingQuote) {
    quoted = false;
    afterQuote = true;
  }
  if (tail) take(tail);
  if (quoted) {
    bad = 'ends inside a quoted field (is the file cut short?)';
    endRow();
  } else if (rowStarted || field !== '' || fields.length) {
    if (field.endsWith('\r')) field = field.slice(0, -1);
    endRow();
  }
}
