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
 */
import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { CL100K_RANKS } from '../generated/cl100k-ranks.js';
import { O200K_RANKS } from '../generated/o200k-ranks.js';
import type { Encoding } from '../types.js';
import { buildEncoding } from './gpt-tokenizer-internals.js';

/** The packed rank table of each encoding (ASCII; also what the tokenizer worker is sent). */
export const PACKED_RANKS: Readonly<Record<Encoding, string>> = { o200k_base: O200K_RANKS, cl100k_base: CL100K_RANKS };

const built: Partial<Record<Encoding, GptEncoding>> = {};

/** The encoding's tokenizer, built on the first call (per process, per encoding). */
export function encodingFor(encoding: Encoding): GptEncoding {
  return (built[encoding] ??= buildEncoding(encoding, PACKED_RANKS[encoding]));
}

/** Whether an encoding has been built in this process (for tests and start-up measurements). */
export function isEncodingLoaded(encoding: Encoding): boolean {
  return built[encoding] !== undefined;
}
