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
 * No table is a module: each is a data file beside the code (src/generated/o200k-ranks.txt,
 * cl100k-ranks.txt, llama3-ranks.txt, gemma3-tokenizer.txt; the bundles carry them as assets next
 * to themselves, not inside: 1.2, 0.6, 0.7 and 4.6 MB), read the first time its encoding is
 * counted. A run that never meets one neither parses nor loads it: as string constants in the
 * bundle, o200k's and cl100k's tables were read, decoded and scanned by every start (the CLI's
 * `--version` included). o200k, the table nearly every run counts with, also comes as an image
 * with its index built (table-image.ts, src/generated/o200k-index.bin): read straight into the
 * table's memory, it saves the first count the inflating and indexing; the packed table stays the
 * fallback and what the tokenizer worker is sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import type { Encoding, TiktokenEncoding } from '../types.js';
import { buildTokenizer, type TextTokenizer, type TokenizerTable } from './build-tokenizer.js';
import { buildEncoding, encodingPathOf } from './gpt-tokenizer-internals.js';
import { PackedTable } from './packed-table.js';
import { readTableImage } from './table-image.js';

/**
 * The data files: a first line saying which package and version the table came from, then the
 * table (ASCII all: the packed ranks of o200k, cl100k (scripts/generate.mjs) and Llama 3
 * (scripts/vendor-tokenizers.mjs), Gemma 3's deflated bytes in base64; the bundler copies assets
 * as text, which mangles raw bytes). The URLs are literal so that the bundler finds the files.
 */
const TABLE_FILES: Record<Encoding, URL> = {
  o200k_base: new URL('../generated/o200k-ranks.txt', import.meta.url),
  cl100k_base: new URL('../generated/cl100k-ranks.txt', import.meta.url),
  llama3: new URL('../generated/llama3-ranks.txt', import.meta.url),
  gemma3: new URL('../generated/gemma3-tokenizer.txt', import.meta.url),
};

const fromFiles: Partial<Record<Encoding, TokenizerTable>> = {};

/** The table of an encoding, read from its data file on first use. */
export function tableOf(encoding: Encoding): TokenizerTable {
  let table = fromFiles[encoding];
  if (table === undefined) {
    const text = readFileSync(TABLE_FILES[encoding], 'latin1');
    const body = text.slice(text.indexOf('\n') + 1).trimEnd();
    table = fromFiles[encoding] = encoding === 'gemma3' ? Buffer.from(body, 'base64') : body;
  }
  return table;
}

/** The packed rank table of a tiktoken-style encoding (ASCII). */
export function packedRanks(encoding: TiktokenEncoding): string {
  return tableOf(encoding) as string;
}

const built: Partial<Record<Encoding, TextTokenizer>> = {};

/**
 * Encodings whose table also comes as an image (table-image.ts; scripts/generate.mjs IMAGE_TABLES):
 * o200k, the table of the common OpenAI models and of the Claude and Gemini estimates.
 */
export const IMAGE_FILES: Partial<Record<TiktokenEncoding, string>> = { o200k_base: 'o200k-index.bin' };

/**
 * An encoding's image file: beside the bundle (scripts/build.mjs copies it there), else in
 * src/generated/ (running from the sources). The paths are built at run time: the bundler copies
 * the assets it finds as text, which would mangle the bytes.
 */
export function imageFileOf(encoding: Encoding): string | undefined {
  const name = encoding === 'gemma3' ? undefined : IMAGE_FILES[encoding];
  if (!name) return undefined;
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, name), join(here, '..', 'generated', name)].find((p) => existsSync(p));
}

/**
 * The encoding from its table image, when there is one and it passes every check (the table's
 * header and index state, then the probe of the fast path): else undefined, and the caller builds
 * from the packed table. An image is a copy of what the packed table builds, never a second truth.
 */
export function tokenizerFromImage(encoding: Encoding, file = imageFileOf(encoding)): TextTokenizer | undefined {
  if (!file || encoding === 'gemma3') return undefined;
  try {
    const api = buildEncoding(encoding, new PackedTable(readTableImage(file)));
    return encodingPathOf(api)?.packedTable ? api : undefined;
  } catch {
    return undefined;
  }
}

/** The encoding's tokenizer, built on the first call (per process, per encoding). */
export function tokenizerOf(encoding: Encoding): TextTokenizer {
  return (built[encoding] ??= tokenizerFromImage(encoding) ?? buildTokenizer(encoding, tableOf(encoding)));
}

/** A tiktoken-style encoding's tokenizer: gpt-tokenizer's encoding (gpt-tokenizer-internals.ts). */
export function encodingFor(encoding: TiktokenEncoding): GptEncoding {
  return tokenizerOf(encoding) as GptEncoding;
}

/** Whether an encoding's data file has been read in this process (for tests: never, for a run without it). */
export function isRankFileRead(encoding: Encoding): boolean {
  return fromFiles[encoding] !== undefined;
}

/** Whether an encoding has been built in this process (for tests and start-up measurements). */
export function isEncodingLoaded(encoding: Encoding): boolean {
  return built[encoding] !== undefined;
}
