/**
 * Whether one traffic file read well enough to use: not empty, its share of bad records within
 * `replay.max_bad_lines`, and at least one usable call. Each refusal says which lines and what to do.
 */

import { TrafficError } from '../errors.js';
import type { BadLine, TrafficFormat } from '../types.js';

/** The shape every aicost line needs, added to the hints of refused files. */
export const FIX_HINT =
  'Each line needs usage.output_tokens and one of usage.input_tokens, vars or messages (normalised traffic JSONL v1).';

/** What reading one file counted. */
export interface FileRead {
  file: string;
  /** The format the file was read as; null when no record was read to detect it. */
  format: TrafficFormat | null;
  /** Records read. */
  lines: number;
  /** What `badCount` is a share of: lines for aicost JSONL, calls plus unreadable records for an importer. */
  units: number;
  good: number;
  /** The first bad lines (at most 3), for the message. */
  bad: BadLine[];
  badCount: number;
  calls: number;
  /** Batch requests read (joined with their results, not calls themselves). */
  requests: number;
  /** Records without a priced call, by reason. */
  skipped: Record<string, number>;
  /** True when `where:` selects the calls (then none selected is reported once for all files). */
  filtered: boolean;
  maxBadLines: number;
}

/** Throws a TrafficError when the file is empty, has too many bad records, or gave no usable call. */
export function checkFileRead(r: FileRead): void {
  const { file, format, lines, units } = r;
  if (lines === 0) {
    throw new TrafficError('the file is empty: no samples to replay', { location: { file }, hint: FIX_HINT });
  }
  if (units > 0 && r.badCount / units > r.maxBadLines) {
    const first = r.bad.map((b) => `line ${b.line}: ${b.reason}`).join('; ');
    const unit = format === 'aicost' || format === null ? 'lines' : units === lines ? 'records' : 'calls and records';
    throw new TrafficError(
      `${r.badCount} of ${units} ${unit} (${percent(r.badCount / units)}) cannot be used, more than replay.max_bad_lines (${percent(r.maxBadLines)}). ${r.badCount > 3 ? 'First 3' : 'They are'}: ${first}`,
      {
        location: { file, line: r.bad[0]?.line },
        hint: `Fix or remove these ${unit}, or raise replay.max_bad_lines in .aicost.yml. ${FIX_HINT}`,
      },
    );
  }
  if (r.good === 0 && !r.filtered && r.requests === 0) {
    const why = Object.entries(r.skipped)
      .map(([reason, n]) => `${n} ${reason}`)
      .join('; ');
    throw new TrafficError(
      r.calls === 0 && r.badCount < lines && format !== 'aicost'
        ? `no model calls in ${lines} ${lines === 1 ? 'record' : 'records'}${why ? ` (skipped: ${why})` : ''}`
        : `no usable samples (${lines} ${lines === 1 ? 'line' : 'lines'}, all skipped)`,
      { location: { file, line: r.bad[0]?.line }, hint: FIX_HINT },
    );
  }
}

/** 0.01 → "1%", 0.0125 → "1.25%". */
function percent(fraction: number): string {
  return `${Math.round(fraction * 10000) / 100}%`;
}
