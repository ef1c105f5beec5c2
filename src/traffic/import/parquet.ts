/**
 * Parquet framing: a whole Parquet file (Langfuse blob exports default to it since 2026-07;
 * LangSmith bulk export, Phoenix `TraceDataset.save()`) → records, as the reader's other framings
 * hand them to an importer's `map`. Pure: bytes in, records out, through hyparquet (pure
 * JavaScript); GZIP, Brotli and (on Node ≥ 22.15) ZSTD pages are inflated with node:zlib.
 *
 * Parquet needs random access, so the file is read whole: the reader's file-size bound applies
 * before this is called, and `maxRows` bounds the records built.
 */

import * as zlib from 'node:zlib';
import type { Compressors } from 'hyparquet';

/** What a Parquet file yields: its records (prototype-free objects keyed by column) and how many rows it holds. */
export interface ParquetRecords {
  records: Record<string, unknown>[];
  /** Rows in the file; more than `records.length` when `maxRows` cut it. */
  totalRows: number;
}

/** Why a Parquet file cannot be read; the message says what to do. */
export class ParquetProblem extends Error {}

type Inflate = (input: Uint8Array) => Uint8Array;

const zstd = (zlib as unknown as { zstdDecompressSync?: Inflate }).zstdDecompressSync;

const COMPRESSORS: Compressors = {
  GZIP: (input) => new Uint8Array(zlib.gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(zlib.brotliDecompressSync(input)),
  ...(zstd ? { ZSTD: (input: Uint8Array) => new Uint8Array(zstd(input)) } : {}),
};

/** A Parquet value as JSON would have it: int64 as a number (text past 2^53), dates as ISO text, bytes dropped. */
function plain(v: unknown, depth: number): unknown {
  if (typeof v === 'bigint')
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  if (v instanceof Uint8Array) return undefined;
  if (v === null || typeof v !== 'object' || depth > 32) return v;
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (key !== '__proto__') out[key] = plain((v as Record<string, unknown>)[key], depth + 1);
  return out;
}

/**
 * Reads up to `maxRows` rows of a Parquet file as records. Throws `ParquetProblem` when the bytes
 * are not Parquet or use a codec that cannot be inflated here (LZ4, LZO; ZSTD before Node 22.15).
 */
export async function parquetRecords(bytes: Uint8Array, maxRows: number): Promise<ParquetRecords> {
  // hyparquet (~180 KB of code) is imported here, when a file is Parquet: a start without one never loads it.
  const { parquetMetadata, parquetRead, parquetSchema } = await import('hyparquet');
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(file);
  } catch (e) {
    throw new ParquetProblem(`is not a Parquet file (${e instanceof Error ? e.message : 'unreadable footer'})`);
  }
  const totalRows = Number(metadata.num_rows);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const rows: unknown[][] = [];
  try {
    await parquetRead({
      file,
      metadata,
      compressors: COMPRESSORS,
      rowEnd: Math.min(totalRows, maxRows),
      rowFormat: 'array',
      onComplete: (r: unknown[][]) => {
        rows.push(...r);
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : 'unreadable page';
    throw new ParquetProblem(
      `could not be read as Parquet (${msg}): re-export it with SNAPPY, GZIP or ZSTD compression, or as JSONL`,
    );
  }
  const records = rows.map((row) => {
    const rec = Object.create(null) as Record<string, unknown>;
    names.forEach((name, i) => {
      if (name !== '__proto__') rec[name] = plain(row[i], 0);
    });
    return rec;
  });
  return { records, totalRows };
}
