/**
 * Changed files the scan could not read, or changed lines it does not scan, reported as unpriced
 * changes of their own (issue 12, reproduction 12): a model edit padded past the size limit or put
 * on a 300,000-character line must not pass for no edit under `unpriced_changes: fail`. Only files
 * the scanner would look at (artifacts, env and code files by path) are reported, so large data
 * files and generated bundles stay quiet.
 */

import type { DiffLine } from './line-diff.js';
import type { FileClass } from './paths.js';
import type { ChangedFile, UnpricedChange, UnpricedKind } from './types.js';
import { grouped } from '../text/index.js';

/** The unpriced-change kind of a file class the scanner reads. */
function kindOf(cls: Exclude<FileClass, { type: 'none' }>): UnpricedKind {
  return cls.type === 'artifact' ? cls.kind : cls.type;
}

const HINT =
  'review it by hand; to have aicost read it, keep AI code and config in text files under 1 MiB with lines under 2,000 characters, or map it to a feature in .aicost.yml';

/** A changed file whose text could not be read: `reason` says why, at `line` when it is known. */
export function unscannedChange(
  file: ChangedFile,
  cls: Exclude<FileClass, { type: 'none' }>,
  reason: string,
  line: number | null = null,
): UnpricedChange {
  const where = line === null ? file.path : `${file.path}:${line}`;
  return {
    kind: kindOf(cls),
    file: file.path,
    line,
    summary: `${where} not scanned: ${reason}`,
    price_ratio: null,
    hint: HINT,
  };
}

/**
 * One entry for the added lines of a code or env file longer than `max` characters (they are not
 * scanned: minified or generated text, or an edit hidden on a long line), or none.
 */
export function longLinesChange(
  file: ChangedFile,
  kind: UnpricedKind,
  added: readonly DiffLine[],
  max: number,
): UnpricedChange[] {
  const long = added.filter((l) => l.text.length > max);
  if (!long.length) return [];
  const first = long[0];
  const more = long.length > 1 ? ` and ${long.length - 1} more changed line(s)` : '';
  return [
    {
      kind,
      file: file.path,
      line: first.line,
      summary: `${file.path}:${first.line} not scanned: the changed line is ${grouped(first.text.length)} characters${more}, over the ${grouped(max)} the scan reads`,
      price_ratio: null,
      hint: HINT,
    },
  ];
}
