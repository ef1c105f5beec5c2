/**
 * Reads a feature's traffic files (normalised JSONL v1) into a `TrafficSet`: streamed line by
 * line, validated, bad lines skipped and reported, large sources sampled deterministically.
 */

import { createHash } from 'node:crypto';
import { TrafficError } from '../errors.js';
import type { BadLine, Sample, TrafficSet } from '../types.js';
import { forEachLine } from './lines.js';
import { parseSampleLine } from './parse.js';
import { BottomKSampler } from './sampler.js';

/** One traffic file: its repository path (for messages and ids) and how to stream its bytes. */
export interface TrafficSource {
  path: string;
  open: () => TrafficStream | Promise<TrafficStream>;
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
}

/** Bad lines listed in the result; beyond this they are only counted (toward max_bad_lines). */
export const MAX_BAD_LINES_LISTED = 10_000;
/** A file whose first 8,000 bytes hold a NUL byte is binary (git's own test). */
const BINARY_SNIFF_BYTES = 8000;
const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1';
const FIX_HINT =
  'Each line needs usage.output_tokens and one of usage.input_tokens, vars or messages (normalised traffic JSONL v1).';

/**
 * Reads every source, in path order (so the order the caller lists them in does not matter), and
 * returns the samples with what was skipped.
 *
 * Sampling: when the good lines exceed `maxSamples`, a deterministic bottom-k sample keyed by a
 * hash of `trace_id` (else `id`) is kept: whole traces, the same ids on every run and for any file
 * or line order, memory bounded to about `maxSamples` samples while streaming. Each kept sample's
 * `weight` is then multiplied by totalWeight ÷ keptWeight, so the kept weights sum to
 * `totalWeight`: weighted totals and volumes derived from weight stay unbiased without the caller
 * knowing a sample was taken (weighted means are unchanged by a common factor). `sampled` says so.
 *
 * Fails with a TrafficError when a file cannot be read, is a Git LFS pointer, is binary, has no
 * usable line, or has more bad lines than `maxBadLines` (a fraction of its non-blank lines).
 * `badLines` lists at most the first 10,000 bad lines; `BadLine.reason` does not repeat the line
 * number (messages print `line 42: <reason>`). Error messages do not name the file: their
 * location does, and `format()` prints it once as `file:line: message`.
 */
export async function readTraffic(sources: readonly TrafficSource[], opts: ReadTrafficOptions): Promise<TrafficSet> {
  if (!Number.isInteger(opts.maxSamples) || opts.maxSamples < 1)
    throw new RangeError(`maxSamples must be a positive integer, got ${opts.maxSamples}`);
  if (!(opts.maxBadLines >= 0 && opts.maxBadLines <= 1))
    throw new RangeError(`maxBadLines must be a fraction in [0, 1], got ${opts.maxBadLines}`);
  const maxLineBytes = opts.maxLineBytes ?? 1024 * 1024;

  const ordered = [...new Map(sources.map((s) => [s.path, s])).values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  if (ordered.length === 0) {
    throw new TrafficError('no traffic files to read', {
      hint: 'Check the traffic: paths or globs of the feature in .aicost.yml.',
    });
  }

  const sha = createHash('sha256');
  const sampler = new BottomKSampler(opts.maxSamples);
  const badLines: BadLine[] = [];
  let totalLines = 0;
  let goodLines = 0;
  let totalWeight = 0;
  let firstTs: number | undefined;
  let lastTs: number | undefined;
  const perFile = Object.create(null) as Record<string, { lines: number; bad: number }>;

  for (const source of ordered) {
    const file = source.path;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let sniffed = 0;
    let fileLines = 0;
    let fileGood = 0;
    const fileBad: BadLine[] = [];
    let fileBadCount = 0;

    const bad = (line: number, reason: string): void => {
      fileBadCount++;
      if (fileBad.length < 3) fileBad.push({ file, line, reason });
      if (badLines.length < MAX_BAD_LINES_LISTED) badLines.push({ file, line, reason });
    };

    const onChunk = (chunk: Buffer): void => {
      sha.update(chunk);
      if (sniffed < BINARY_SNIFF_BYTES) {
        if (sniffed === 0 && chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
          throw new TrafficError('the file is gzip-compressed, not JSON lines', {
            location: { file },
            hint: 'Decompress it before committing it (or before the step that runs aicost).',
          });
        }
        const head = chunk.subarray(0, BINARY_SNIFF_BYTES - sniffed);
        if (head.includes(0)) {
          throw new TrafficError('the file is binary (it contains NUL bytes), not JSON lines', {
            location: { file },
            hint: 'Traffic must be UTF-8 text with one JSON object per line.',
          });
        }
        sniffed += head.length;
      }
    };

    const onLine = ({ line, bytes }: { line: number; bytes: Buffer | null }): void => {
      if (bytes === null) {
        fileLines++;
        bad(line, `is longer than ${maxLineBytes} bytes`);
        return;
      }
      if (isBlank(bytes)) return;
      let text: string;
      try {
        // The decoder drops a UTF-8 byte-order mark at the start of what it decodes.
        text = decoder.decode(bytes);
      } catch {
        fileLines++;
        bad(line, 'is not valid UTF-8');
        return;
      }
      if (text.trim() === '') return;
      fileLines++;
      if (line === 1 && text.startsWith(LFS_POINTER)) {
        throw new TrafficError('the file is a Git LFS pointer, not the samples', {
          location: { file, line: 1 },
          hint: 'Fetch LFS objects (actions/checkout with lfs: true) or commit the samples without LFS.',
        });
      }
      const result = parseSampleLine(text, file, line, opts.defaultFeature);
      if (!result.ok) {
        bad(line, result.reason);
        return;
      }
      const sample: Sample = result.sample;
      fileGood++;
      totalWeight += sample.weight;
      if (sample.ts !== undefined) {
        if (firstTs === undefined || sample.ts < firstTs) firstTs = sample.ts;
        if (lastTs === undefined || sample.ts > lastTs) lastTs = sample.ts;
      }
      sampler.add(sample);
    };

    try {
      const stream = await source.open();
      await forEachLine(stream as AsyncIterable<Buffer | string | Uint8Array>, maxLineBytes, onChunk, onLine);
    } catch (e) {
      if (e instanceof TrafficError) throw e;
      throw new TrafficError(`cannot read the file: ${e instanceof Error ? e.message : String(e)}`, {
        location: { file },
        hint: 'Check that the traffic path exists at this revision and is a regular file.',
      });
    }

    totalLines += fileLines;
    goodLines += fileGood;
    perFile[file] = { lines: fileLines, bad: fileBadCount };
    if (fileLines === 0) {
      throw new TrafficError('the file is empty: no samples to replay', { location: { file }, hint: FIX_HINT });
    }
    if (fileBadCount / fileLines > opts.maxBadLines) {
      const first = fileBad.map((b) => `line ${b.line}: ${b.reason}`).join('; ');
      throw new TrafficError(
        `${fileBadCount} of ${fileLines} lines (${percent(fileBadCount / fileLines)}) cannot be used, more than replay.max_bad_lines (${percent(opts.maxBadLines)}). ${fileBadCount > 3 ? 'First 3' : 'They are'}: ${first}`,
        {
          location: { file, line: fileBad[0]?.line },
          hint: `Fix or remove these lines, or raise replay.max_bad_lines in .aicost.yml. ${FIX_HINT}`,
        },
      );
    }
    if (fileGood === 0) {
      throw new TrafficError(`no usable samples (${fileLines} ${fileLines === 1 ? 'line' : 'lines'}, all skipped)`, {
        location: { file, line: fileBad[0]?.line },
        hint: FIX_HINT,
      });
    }
  }

  let samples = sampler.result();
  const sampled = samples.length < goodLines;
  if (sampled) {
    const keptWeight = samples.reduce((sum, s) => sum + s.weight, 0);
    const factor = totalWeight / keptWeight;
    samples = samples.map((s) => ({ ...s, weight: s.weight * factor }));
  }

  const set: TrafficSet = {
    paths: ordered.map((s) => s.path),
    samples,
    totalLines,
    totalWeight,
    badLines,
    sha256: sha.digest('hex'),
    sampled,
    lineCounts: { maxBadLines: opts.maxBadLines, files: perFile },
  };
  if (firstTs !== undefined) set.firstTs = firstTs;
  if (lastTs !== undefined) set.lastTs = lastTs;
  return set;
}

/** Only spaces, tabs and a CR: a blank line, skipped and not counted. */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** 0.01 → "1%", 0.0125 → "1.25%". */
function percent(fraction: number): string {
  return `${Math.round(fraction * 10000) / 100}%`;
}
