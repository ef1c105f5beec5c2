import type { CallSite } from '../types.js';

/**
 * A call site with nothing read yet, for a reader to fill in. `notes` is the reader's own list, so
 * what it pushes there while reading ends up on the site.
 */
export function emptySite(file: string, format: CallSite['format'], notes: string[]): CallSite {
  return {
    file,
    format,
    lines: {},
    messages: [],
    params: {},
    tools: [],
    testData: [],
    variables: [],
    unsupported: [],
    notes,
  };
}
