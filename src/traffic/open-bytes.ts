/**
 * Opening a traffic file's bytes: chunks as Buffers (seen by the caller's hash first), gzip and
 * zstd undone within a bound, Parquet recognised and read whole within bounds, and the files that
 * are not text samples (binary, a Git LFS pointer, zstd on a Node without it) refused with what to do.
 */
import { Readable, type Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { TrafficError } from '../errors.js';
import { ParquetProblem, parquetRecords } from './import/parquet.js';
import { asBuffer } from './lines.js';
import { grouped } from '../text/index.js';

/** A file whose first 8,000 bytes hold a NUL byte is binary (git's own test). */
const BINARY_SNIFF_BYTES = 8000;
const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1';
/** Parquet is read whole (its footer is at the end): the largest file read, and the most rows. */
export const MAX_PARQUET_BYTES = 256 * 1024 * 1024;
export const MAX_PARQUET_ROWS = 2_000_000;

/**
 * The rows of a Parquet file as records. Parquet needs random access (its footer is at the end), so
 * the file is read whole, bounded by MAX_PARQUET_BYTES, and at most MAX_PARQUET_ROWS rows are built.
 */
export async function readParquet(chunks: AsyncIterable<Buffer>, file: string): Promise<Record<string, unknown>[]> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_PARQUET_BYTES)
      throw new TrafficError(`the Parquet file is larger than ${grouped(MAX_PARQUET_BYTES)} bytes`, {
        location: { file },
        hint: 'Split the export into smaller files, or sample it where it lives (examples/warehouse/).',
      });
    parts.push(chunk);
  }
  let read;
  try {
    read = await parquetRecords(Buffer.concat(parts, size), MAX_PARQUET_ROWS);
  } catch (e) {
    if (!(e instanceof ParquetProblem)) throw e;
    throw new TrafficError(`the file ${e.message}`, {
      location: { file },
      hint: 'Re-export it (Parquet with SNAPPY, GZIP or ZSTD pages, or JSON lines).',
    });
  }
  if (read.totalRows > MAX_PARQUET_ROWS)
    throw new TrafficError(
      `the Parquet file has ${grouped(read.totalRows)} rows, more than the ${grouped(MAX_PARQUET_ROWS)} aicost reads from one file`,
      { location: { file }, hint: 'Split the export, or sample it where it lives (examples/warehouse/).' },
    );
  return read.records;
}

/** Passes chunks through as Buffers, showing each to `see` first (the hash is over the file's bytes). */
export async function* tap(
  chunks: AsyncIterable<Buffer | string | Uint8Array>,
  see: (chunk: Buffer) => void,
): AsyncIterable<Buffer> {
  for await (const piece of chunks) {
    const chunk = asBuffer(piece);
    if (chunk.length === 0) continue;
    see(chunk);
    yield chunk;
  }
}

/** The first `n` bytes of a stream (fewer at its end), and the whole stream again. */
async function peek(
  chunks: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; stream: AsyncIterable<Buffer>; close: () => Promise<void> }> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(seen, length);
  // The source must be ended when a reader stops early: an unread `git cat-file` pipe would
  // otherwise stay open and block the next read of the same blob.
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (!done) await it.return?.();
  };
  async function* replay(): AsyncIterable<Buffer> {
    try {
      if (head.length) yield head;
      if (done) return;
      for (;;) {
        const next = await it.next();
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      await close();
    }
  }
  return { head: head.subarray(0, n), stream: replay(), close };
}

/** The Node release that added zstd to node:zlib (also in 23.8); the action runs on Node 24. */
export const ZSTD_NODE = '22.15';

/** Node's zstd decompressor, when this Node has one (22.15+, 23.8+). */
function zstdDecompressor(): (() => Transform) | undefined {
  const make = (zlib as { createZstdDecompress?: () => Transform }).createZstdDecompress;
  return typeof make === 'function' ? () => make() : undefined;
}

const isGzip = (head: Buffer): boolean => head[0] === 0x1f && head[1] === 0x8b;
const isZstd = (head: Buffer): boolean => head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd;

/**
 * The file's text bytes: gzip or zstd undone (recognised by their magic bytes, bounded by
 * `maxBytes`), and refused when it is binary, a Git LFS pointer, or zstd on a Node without zstd.
 */
export async function openBytes(chunks: AsyncIterable<Buffer>, file: string, maxBytes: number): Promise<OpenedBytes> {
  const raw = await peek(chunks, BINARY_SNIFF_BYTES);
  let { head, stream } = raw;
  let close = raw.close;
  try {
    const codec = isGzip(head) ? GZIP : isZstd(head) ? zstdCodec(file) : undefined;
    if (codec) {
      const inflated = await peek(decompress(stream, file, maxBytes, codec), BINARY_SNIFF_BYTES);
      ({ head, stream } = inflated);
      close = async () => {
        await inflated.close();
        await raw.close();
      };
    }
    return { ...sniff(head, file), stream, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** A file's bytes as `openBytes` hands them on. */
export interface OpenedBytes {
  stream: AsyncIterable<Buffer>;
  /** The first non-blank byte is `{` or `[` (else, with a CSV importer, the file is cut as CSV). */
  startsJson: boolean;
  parquet?: true;
  /** Ends the source when the reader stops before its end (idempotent). */
  close: () => Promise<void>;
}

/** What the first bytes say the file is; throws for the kinds aicost does not read. */
function sniff(head: Buffer, file: string): { startsJson: boolean; parquet?: true } {
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return { startsJson: false, parquet: true };
  if (isGzip(head) || isZstd(head)) {
    // Compressed twice (a .gz of a .zst): one layer is undone, not more.
    throw new TrafficError('the file is compressed twice (gzip or zstd inside gzip or zstd)', {
      location: { file },
      hint: 'Decompress the outer layer (gzip -d or zstd -d FILE) and commit that.',
    });
  }
  if (head.includes(0)) {
    throw new TrafficError('the file is binary (it contains NUL bytes), not JSON lines', {
      location: { file },
      hint: 'Traffic must be UTF-8 text (JSON lines, a JSON document or CSV), or gzip of it.',
    });
  }
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head.subarray(i, i + LFS_POINTER.length).toString('utf8') === LFS_POINTER) {
    throw new TrafficError('the file is a Git LFS pointer, not the samples', {
      location: { file, line: 1 },
      hint: 'Fetch LFS objects (actions/checkout with lfs: true) or commit the samples without LFS.',
    });
  }
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return { startsJson: i >= head.length || head[i] === 0x7b || head[i] === 0x5b };
}

/** A decompressor and how its messages name it. */
interface Codec {
  name: string;
  make: () => Transform;
  /** The command that checks a file of this kind. */
  test: string;
}

const GZIP: Codec = { name: 'gzip', make: () => zlib.createGunzip(), test: 'gzip -t FILE' };

/** zstd, or the refusal that names the Node it needs. */
function zstdCodec(file: string): Codec {
  const make = zstdDecompressor();
  if (!make)
    throw new TrafficError(
      `the file is zstd-compressed, which needs Node ${ZSTD_NODE} or later to read (this is Node ${process.versions.node})`,
      {
        location: { file },
        hint: `Run aicost on Node ${ZSTD_NODE}+ (the action runs on Node 24), or decompress it (zstd -d FILE), or write it with gzip (the collector file exporter: compression: gzip).`,
      },
    );
  return { name: 'zstd', make, test: 'zstd -t FILE' };
}

/** Decompresses, failing once more than `maxBytes` come out (a small file must not become an endless one). */
async function* decompress(
  chunks: AsyncIterable<Buffer>,
  file: string,
  maxBytes: number,
  codec: Codec,
): AsyncIterable<Buffer> {
  const source = Readable.from(chunks);
  const inflate = codec.make();
  source.on('error', (e) => inflate.destroy(e));
  source.pipe(inflate);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new TrafficError(`the file decompresses to more than ${grouped(maxBytes)} bytes`, {
          location: { file },
          hint: 'Split the export into smaller files, or sample it before aicost reads it (aicost traffic convert --max-samples).',
        });
      }
      yield chunk;
    }
    // Node's zstd ends without an error on a frame cut short, having written nothing.
    if (total === 0) throw new Error('no bytes came out (the file is cut short or corrupt)');
  } catch (e) {
    if (e instanceof TrafficError) throw e;
    throw new TrafficError(`the file is not valid ${codec.name}: ${e instanceof Error ? e.message : String(e)}`, {
      location: { file },
      hint: `Check that the download finished (${codec.test}).`,
    });
  } finally {
    source.destroy();
    inflate.destroy();
  }
}
