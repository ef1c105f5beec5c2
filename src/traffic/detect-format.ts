/**
 * `traffic_format: auto`: the format of a file from its first record, among the importers of the
 * framing in use, refused with the candidates when the record reads as none or as several.
 */

import { TrafficError } from '../errors.js';
import type { TrafficFormat } from '../types.js';
import { firstOfPage, isRecord } from './batch-pairs.js';
import { FIX_HINT } from './file-verdict.js';
import { csvFormats, detectableFormats, detectFormats, formatLabel, importerFor } from './import/registry.js';
import type { Framing } from './import/types.js';

/**
 * The one format the first record of `file` (at `line`) reads as; a TrafficError naming the
 * candidates, or what was tried, otherwise.
 */
export function detectRecordFormat(
  value: unknown,
  line: number,
  file: string,
  framing: Framing,
  parquet: boolean,
): TrafficFormat {
  const probe = firstOfPage(value) ?? value;
  // Only the importers of the framing in use: a Langfuse JSON record is not also its CSV row.
  const found = parquet
    ? detectFormats(probe, 'json').filter((f) => f !== 'aicost' && importerFor(f, 'json')?.parquet)
    : detectFormats(probe, framing);
  if (found.length === 0 && isRecord(probe) && ['usage', 'vars', 'messages'].some((k) => k in probe)) {
    // An aicost line with a mistake is a bad line of aicost's format, as before auto-detection.
    found.push('aicost');
  }
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new TrafficError(
      `traffic_format: auto cannot tell the format: the first record (line ${line}) reads as ${found.map(formatLabel).join(' and as ')}`,
      {
        location: { file, line },
        hint: `Set traffic_format (or the entry's format:) to one of: ${found.join(', ')}.`,
      },
    );
  }
  // A file that does not start with JSON was cut as CSV: say so, since it may be JSONL gone wrong.
  const asCsv = isRecord(probe) && Object.values(probe).every((v) => typeof v === 'string');
  const tried = asCsv
    ? `the file does not start with JSON, so it was read as CSV, and its first row is no ${csvFormats().join(' or ')} export; it is not aicost traffic JSONL either`
    : `it is not ${detectableFormats().join(', not ')}`;
  throw new TrafficError(`traffic_format: auto does not recognise the first record (line ${line}): ${tried}`, {
    location: { file, line },
    hint: `Check that the file is a traffic export, or set traffic_format to its format. ${FIX_HINT}`,
  });
}

/** The formats read from Parquet files, for messages. */
export function parquetFormats(): string[] {
  return detectableFormats().filter((f) => f !== 'aicost' && importerFor(f as TrafficFormat, 'json')?.parquet);
}
