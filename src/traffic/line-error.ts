/**
 * Errors raised while handling one traffic line (pricing, replaying, counting it) name that line:
 * without it a message such as "service tier … is not offered" leaves the user searching a file
 * of thousands of lines.
 */

import { AicostError, formatLocation } from '../errors.js';
import type { Sample } from '../types.js';

/**
 * `error` located at the sample's file and line. An AicostError with no location gets the line as
 * its location; one that already points somewhere (a template line, a config key) keeps it and
 * names the traffic line in its message. Other errors (bugs) pass through unchanged.
 */
export function atTrafficLine(error: unknown, sample: Pick<Sample, 'file' | 'line'>): unknown {
  if (!(error instanceof AicostError)) return error;
  const here = { file: sample.file, line: sample.line };
  const loc = error.location;
  if (loc?.file === here.file && loc.line === here.line) return error;
  const message = loc ? `${error.message} (while replaying traffic line ${formatLocation(here)})` : error.message;
  const located = new AicostError(error.kind, message, { location: loc ?? here, hint: error.hint });
  located.name = error.name;
  return located;
}
