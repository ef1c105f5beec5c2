/** What readTraffic (read.ts) reads: its sources and options. */
import type { Sample, TrafficFormat } from '../types.js';

/** One traffic file: its repository path (for messages and ids) and how to stream its bytes. */
export interface TrafficSource {
  path: string;
  open: () => TrafficStream | Promise<TrafficStream>;
  /** How to read it; default `opts.format`, else `aicost`. `auto` detects it from the first record. */
  format?: TrafficFormat;
  /** Keep only calls whose fields match (field → value or glob). */
  where?: Readonly<Record<string, string>>;
}

/** A Node readable stream or any async iterable of byte or text chunks. */
export type TrafficStream = NodeJS.ReadableStream | AsyncIterable<Buffer | string | Uint8Array>;

export interface ReadTrafficOptions {
  /** Fraction of a file's lines that may be bad before reading fails (`replay.max_bad_lines`). */
  maxBadLines: number;
  /** Most samples kept (`replay.max_samples`); larger sources are sampled by whole traces. */
  maxSamples: number;
  /** Longest line read, in bytes; longer lines are bad lines. Default 1 MiB. */
  maxLineBytes?: number;
  /** Feature of lines that name none. */
  defaultFeature?: string;
  /** Format of sources that name none (default `aicost`). */
  format?: TrafficFormat;
  /** Most bytes a gzip file may decompress to (default 2 GiB): a small file must not become an endless one. */
  maxDecompressedBytes?: number;
  /** Sees every good, selected sample before sampling (for `traffic inspect`'s totals). */
  onSample?: (sample: Sample) => void;
}
