/**
 * gpt-tokenizer's encodings, built on first use from the packed rank tables in src/generated/
 * (scripts/generate.mjs writes them from the package's own `bpeRanks`).
 *
 * Why not `import 'gpt-tokenizer/encoding/o200k_base'`: that module is a 200k-element array
 * literal (2.4 MB of mostly non-ASCII source, 1.2 MB more for cl100k) that every start parsed, and
 * the encoding then put every token string into a Map: ~200 ms before the first count, whether a
 * run counts anything or not, and 30 MB of heap. Here a table is one ASCII string, decoded only
 * when its encoding is first asked for, and the string → rank lookup is an open-addressing hash
 * table over the payload's text as it lies (typed arrays, no per-token string objects), built by
 * a small WebAssembly loop: 16–20 ms for o200k in a fresh process (the tokens with units above
 * 0xFF later, when a text first has one), and faster than the Map per lookup (packed-table.ts,
 * index-builder.ts, rank-lookup.ts); gpt-tokenizer-internals.ts puts it in the package's encoding.
 *
 * Llama 3's table (scripts/vendor-tokenizers.mjs) is not a module: it is a data file beside the
 * code (src/generated/llama3-ranks.txt; the bundles carry it as an asset next to themselves), read
 * the first time a Llama 3 model is counted. A run that never meets one neither parses nor loads it.
 */
import { readFileSync } from 'node:fs';
import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { CL100K_RANKS } from '../generated/cl100k-ranks.js';
import { O200K_RANKS } from '../generated/o200k-ranks.js';
import type { Encoding } from '../types.js';
import { buildEncoding } from './gpt-tokenizer-internals.js';

/** The encodings whose tables are in the code (sent to the tokenizer worker when it starts). */
export const PACKED_RANKS: Readonly<Partial<Record<Encoding, string>>> = {
  o200k_base: O200K_RANKS,
  cl100k_base: CL100K_RANKS,
};

/** The data files of the others: first line says where the table came from, second is the table. */
const RANK_FILES: Partial<Record<Encoding, URL>> = {
  llama3: new URL('../generated/llama3-ranks.txt', import.meta.url),
};

const fromFiles: Partial<Record<Encoding, string>> = {};

/** The packed rank table of an encoding (ASCII), read from its data file on first use. */
export function packedRanks(encoding: Encoding): string {
  const inCode = PACKED_RANKS[encoding];
  if (inCode !== undefined) return inCode;
  let packed = fromFiles[encoding];
  if (packed === undefined) {
    const text = readFileSync(RANK_FILES[encoding]!, 'latin1');
    packed = fromFiles[encoding] = text.slice(text.indexOf('\n') + 1).trimEnd();
  }
  return packed;
}

const built: Partial<Record<Encoding, GptEncoding>> = {};

/** The encoding's tokenizer, built on the first call (per process, per encoding). */
export function encodingFor(encoding: Encoding): GptEncoding {
  return (built[encoding] ??= buildEncoding(encoding, packedRanks(encoding)));
}

/** Whether an encoding's data file has been read in this process (for tests: never, for a run without it). */
export function isRankFileRead(encoding: Encoding): boolean {
  return fromFiles[encoding] !== undefined;
}

/** Whether an encoding has been built in this process (for tests and start-up measurements). */
export function isEncodingLoaded(encoding: Encoding): boolean {
  return built[encoding] !== undefined;
}
