/**
 * Table images: a packed rank table with its narrow tokens already indexed, as a PackedTable's
 * memory holds them once built, so that a fresh process reads the index instead of building it.
 * For o200k the packed table's first use cost 37 ms in the CLI (reading the 1.2 MB file 11, then
 * base64, inflating and indexing 26); the image is read straight into the table's memory, and
 * what is left is mostly the page faults of the 2.9 MB it fills (BENCHMARKS.md, 2026-12-05 night).
 *
 * The build writes images (scripts/generate.mjs `generateImages`) for the tables in its
 * IMAGE_TABLES and copies them beside the bundles; ranks.ts reads one when it is there, checks it
 * (packed-table.ts: its header and index state; gpt-tokenizer-internals.ts: the probes of
 * probes.ts) and falls back to the packed table on any mismatch.
 *
 * File: "AICIMG01"; u32 LE byte lengths of the header, the wide part and the image, and a zero;
 * the main part's header; the packed wide part (ASCII); the image.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PackedTable, type TableImage } from './packed-table.js';

const MAGIC = 'AICIMG01';
const PREFIX_BYTES = 24;

/** The image file of a packed table (scripts/generate.mjs writes it). */
export function writeTableImage(packed: string): Buffer {
  const table = new PackedTable(packed);
  const header = table.headerBytes();
  const wide = Buffer.from(table.widePart(), 'latin1');
  const image = table.imageBytes();
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 8);
  prefix.writeUInt32LE(wide.length, 12);
  prefix.writeUInt32LE(image.length, 16);
  return Buffer.concat([prefix, header, wide, image]);
}

/** Reads `into.length` bytes at `position` (a short read is a truncated file). */
function readFully(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('tokenize: table image is truncated');
    done += n;
  }
}

/** A table image file, ready for `new PackedTable(…)`: its image bytes are read when the table asks. */
export function readTableImage(path: string): TableImage {
  const fd = openSync(path, 'r');
  try {
    const prefix = Buffer.alloc(PREFIX_BYTES);
    readFully(fd, prefix, 0);
    if (prefix.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('tokenize: not a table image');
    const headerBytes = prefix.readUInt32LE(8);
    const wideBytes = prefix.readUInt32LE(12);
    const length = prefix.readUInt32LE(16);
    if (fstatSync(fd).size !== PREFIX_BYTES + headerBytes + wideBytes + length)
      throw new Error('tokenize: table image has the wrong size');
    const head = Buffer.alloc(headerBytes + wideBytes);
    readFully(fd, head, PREFIX_BYTES);
    const at = PREFIX_BYTES + headerBytes + wideBytes;
    return {
      header: head.subarray(0, headerBytes),
      wide: head.toString('latin1', headerBytes),
      length,
      read(into: Uint8Array): void {
        const again = openSync(path, 'r');
        try {
          readFully(again, into, at);
        } finally {
          closeSync(again);
        }
      },
    };
  } finally {
    closeSync(fd);
  }
}
