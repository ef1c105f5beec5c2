/**
 * Reads a feature's traffic files into a `TrafficSet`: streamed record by record (gzip undone on
 * the way), each record read as aicost's normalised JSONL v1 or by the importer of its source
 * format (src/traffic/import/), validated by the same rules, bad records skipped and reported,
 * `where:` applied, large sources sampled deterministically.
 */

import { TrafficError } from '../errors.js';
import type { BadLine, Sample, TrafficFormat, TrafficSet } from '../types.js';
import { forEachCsvRecord } from './csv-frame.js';
import { forEachJsonRecord, type RawRecord } from './frame.js';
import { checkFileRead } from './file-verdict.js';
import { detectRecordFormat, parquetFormats } from './detect-format.js';
import { anyCsvImporter, detectableFormats, formatLabel, importerFor } from './import/registry.js';
import type { FieldValue, Framing, Importer } from './import/types.js';
import type { ReadTrafficOptions, TrafficSource } from './read-options.js';
import { MAX_DOCUMENT_BYTES, pageOf, pairRequests } from './batch-pairs.js';
import { openBytes, readParquet, tap } from './open-bytes.js';
import { parseSampleObject } from './parse.js';
import { TextInterner } from './intern.js';
import { BottomKSampler } from './sampler.js';
import { WhereFilter } from './where.js';
import { grouped } from '../text/index.js';

export type { ReadTrafficOptions, TrafficSource, TrafficStream } from './read-options.js';

/** Bad lines listed in the result; beyond this they are only counted (toward max_bad_lines). */
export const MAX_BAD_LINES_LISTED = 10_000;
const DEFAULT_MAX_DECOMPRESSED = 2 * 1024 * 1024 * 1024;
export { MAX_PAIRED_REQUESTS } from './batch-pairs.js';
export { MAX_PARQUET_BYTES, MAX_PARQUET_ROWS } from './open-bytes.js';

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
  const maxDecompressed = opts.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED;

  // One read per file and selection: the same file may be listed twice with different `where`.
  const keyOf = (s: TrafficSource): string => `${s.path}\0${s.format ?? ''}\0${JSON.stringify(s.where ?? {})}`;
  const ordered = [...new Map(sources.map((s) => [keyOf(s), s])).values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : keyOf(a) < keyOf(b) ? -1 : 1,
  );
  if (ordered.length === 0) {
    throw new TrafficError('no traffic files to read', {
      hint: 'Check the traffic: paths or globs of the feature in .aicost.yml.',
    });
  }

  // node:crypto (some forty internal modules) is loaded by the first read, not by every start.
  const { createHash } = await import('node:crypto');
  const sha = createHash('sha256');
  const sampler = new BottomKSampler(opts.maxSamples);
  const shared = new TextInterner();
  const badLines: BadLine[] = [];
  let totalLines = 0;
  let goodLines = 0;
  let totalWeight = 0;
  let firstTs: number | undefined;
  let lastTs: number | undefined;
  const perFile = Object.create(null) as Record<string, { lines: number; bad: number; units?: number }>;
  const formats = Object.create(null) as Record<string, string>;
  const notices: string[] = [];
  const skipped = Object.create(null) as Record<string, number>;
  const filters = new Map<string, WhereFilter>();
  const requests = await pairRequests(ordered, opts, maxLineBytes, maxDecompressed, notices);

  for (const source of ordered) {
    const file = source.path;
    const requested: TrafficFormat = source.format ?? opts.format ?? 'aicost';
    let format: TrafficFormat | null = requested === 'auto' ? null : requested;
    let importer: Importer | undefined = format ? importerFor(format) : undefined;
    if (format && format !== 'aicost' && !importer) {
      throw new TrafficError(`traffic format "${format}" has no importer in this build of aicost`, {
        location: { file },
        hint: `Formats read: ${detectableFormats().join(', ')}.`,
      });
    }
    const whereKey = source.where && Object.keys(source.where).length ? JSON.stringify(source.where) : null;
    let filter: WhereFilter | null = null;
    if (whereKey) {
      filter = filters.get(whereKey) ?? new WhereFilter(source.where!);
      filters.set(whereKey, filter);
    }
    try {
      let fileLines = 0;
      let fileGood = 0;
      let fileCalls = 0;
      let fileRequests = 0;
      const fileBad: BadLine[] = [];
      let fileBadCount = 0;
      const fileSkipped = Object.create(null) as Record<string, number>;
      /** Counts an importer corrected (an exclusive emitter's), by reason: reported, never silent. */
      const fileCorrected = new Map<string, number>();

      let fileBadCalls = 0;
      const bad = (line: number, reason: string, call = false): void => {
        fileBadCount++;
        if (call) fileBadCalls++;
        if (fileBad.length < 3) fileBad.push({ file, line, reason });
        if (badLines.length < MAX_BAD_LINES_LISTED) badLines.push({ file, line, reason });
      };
      const skip = (reason: string, n = 1): void => {
        fileSkipped[reason] = (fileSkipped[reason] ?? 0) + n;
        skipped[reason] = (skipped[reason] ?? 0) + n;
      };
      const keep = (sample: Sample): void => {
        fileGood++;
        totalWeight += sample.weight;
        if (sample.ts !== undefined) {
          if (firstTs === undefined || sample.ts < firstTs) firstTs = sample.ts;
          if (lastTs === undefined || sample.ts > lastTs) lastTs = sample.ts;
        }
        shared.shareMessages(sample);
        opts.onSample?.(sample);
        sampler.add(sample);
      };

      /** Detects the format from the first record that is a JSON object (or CSV row). */
      let framing: Framing = 'json';
      let parquet = false;
      const choose = (value: unknown, line: number): void => {
        format = detectRecordFormat(value, line, file, framing, parquet);
        importer = importerFor(format, framing);
        if (format !== 'aicost')
          notices.push(`${file}: read as ${formatLabel(format)}, detected from its first record (line ${line}).`);
      };

      const mapCalls = (value: unknown, line: number, index: number): void => {
        if (format === 'aicost') {
          const result = parseSampleObject(value, file, line, opts.defaultFeature);
          if (!result.ok) return bad(line, result.reason);
          if (filter && !filter.test(fieldsOfLine(value as Record<string, unknown>)))
            return skip('not selected by where');
          keep(result.sample);
          return;
        }
        const page = importer!.detect(value) ? undefined : pageOf(value);
        if (page) {
          page.forEach((item, k) => mapOne(item, line, index, k));
          return;
        }
        const pairs = importer!.pairs;
        if (pairs) {
          // A batch request is read with its result (joined before this pass), not as a call.
          const side = pairs.side(value);
          if (side === 'request') {
            fileRequests++;
            return;
          }
          if (side === 'result') {
            const key = pairs.key(value);
            const request = key === undefined ? undefined : requests.get(format!)?.get(key);
            if (request !== undefined) return mapOne(pairs.merge(request, value), line, index);
          }
        }
        mapOne(value, line, index);
      };

      const mapOne = (value: unknown, line: number, index: number, item?: number): void => {
        const where = item === undefined ? '' : `data[${item}]: `;
        let result;
        try {
          result = importer!.map(value, { file, line, index });
        } catch (e) {
          // An importer must not throw on bad data; if one does, the record is bad, not the run.
          return bad(
            line,
            `${where}cannot be read as ${importer!.label} (${e instanceof Error ? e.message : String(e)})`,
          );
        }
        if (!result.ok) return bad(line, `${where}${result.reason}`);
        for (const reason of result.bad ?? []) {
          fileCalls++;
          bad(line, `${where}${reason}`, true);
        }
        for (const s of result.skipped ?? []) skip(s.reason, s.count);
        for (const n of result.notes ?? []) fileCorrected.set(n.reason, (fileCorrected.get(n.reason) ?? 0) + n.count);
        const many = result.calls.length > 1;
        for (const [k, call] of result.calls.entries()) {
          fileCalls++;
          const at = many ? `${line}#${k + 1}` : `${line}`;
          const parsed = parseSampleObject(call.line, file, line, opts.defaultFeature, `${file}:${at}`);
          if (!parsed.ok) {
            const label =
              typeof call.line['id'] === 'string' ? `call ${call.line['id']}: ` : many ? `call ${k + 1}: ` : '';
            bad(line, `${where}${label}${parsed.reason}`, true);
            continue;
          }
          if (filter && !filter.test({ ...fieldsOfLine(call.line), ...call.fields })) {
            skip('not selected by where');
            continue;
          }
          keep(parsed.sample);
        }
      };

      const onRecord = (r: RawRecord): void => {
        fileLines++;
        if ('error' in r) return bad(r.line, r.error);
        if (format === null) choose(r.value, r.line);
        mapCalls(r.value, r.line, r.index);
      };

      try {
        const raw = await source.open();
        const bytes = await openBytes(
          tap(raw as AsyncIterable<Buffer | string | Uint8Array>, (c) => sha.update(c)),
          file,
          maxDecompressed,
        );
        // Ended whatever happens: a read that stops at an error must not leave the source open.
        try {
          if (bytes.parquet) {
            parquet = true;
            if (importer) importer = importerFor(importer.format, 'json')!;
            if (format === 'aicost' || (importer && !importer.parquet))
              throw new TrafficError(`the file is Parquet, which ${formatLabel(format!)} is not read from`, {
                location: { file },
                hint: `Export it as JSON lines, or set the format to one read from Parquet (${parquetFormats().join(', ')}).`,
              });
            const rows = await readParquet(bytes.stream, file);
            rows.forEach((value, index) => onRecord({ line: index + 1, index, value }));
          } else {
            // A format read in two framings (Langfuse JSON and CSV) takes the one the bytes start with.
            if (importer) importer = importerFor(importer.format, bytes.startsJson ? 'json' : 'csv')!;
            framing =
              importer?.framing ??
              (format === 'aicost' ? 'json' : bytes.startsJson || !anyCsvImporter() ? 'json' : 'csv');
            const frameOpts = {
              maxRecordBytes: maxLineBytes,
              maxDocumentBytes: Math.max(maxLineBytes, MAX_DOCUMENT_BYTES),
            };
            if (framing === 'csv') await forEachCsvRecord(bytes.stream, frameOpts, onRecord);
            else await forEachJsonRecord(bytes.stream, frameOpts, onRecord);
          }
        } finally {
          await bytes.close();
        }
      } catch (e) {
        if (e instanceof TrafficError) throw e;
        throw new TrafficError(`cannot read the file: ${e instanceof Error ? e.message : String(e)}`, {
          location: { file },
          hint: 'Check that the traffic path exists at this revision and is a regular file.',
        });
      }

      for (const [reason, n] of fileCorrected)
        notices.push(`${file}: ${grouped(n)} ${n === 1 ? 'record' : 'records'}: ${reason}.`);
      totalLines += fileLines;
      goodLines += fileGood;
      // The share of bad counts like with like: for an importer, bad calls and unreadable records
      // against every call read plus those records (one record may hold many calls, or none); for
      // aicost JSONL a line is a call. So one line with several bad spans cannot pass 100%.
      const units = format === 'aicost' || format === null ? fileLines : fileCalls + (fileBadCount - fileBadCalls);
      const prior = perFile[file];
      perFile[file] = {
        lines: (prior?.lines ?? 0) + fileLines,
        bad: (prior?.bad ?? 0) + fileBadCount,
        ...(units !== fileLines || prior?.units !== undefined
          ? { units: (prior?.units ?? prior?.lines ?? 0) + units }
          : {}),
      };
      if (format !== null) formats[file] = format;
      checkFileRead({
        file,
        format,
        lines: fileLines,
        units,
        good: fileGood,
        bad: fileBad,
        badCount: fileBadCount,
        calls: fileCalls,
        requests: fileRequests,
        skipped: fileSkipped,
        filtered: filter !== null,
        maxBadLines: opts.maxBadLines,
      });
    } catch (e) {
      // Say what the file was read as, once, after the rest of the message.
      if (!(e instanceof TrafficError) || requested === 'aicost' || e.message.includes('traffic_format')) throw e;
      const as =
        format === null
          ? `traffic_format: ${requested}; no record could be read to detect the format`
          : `read as ${formatLabel(format)}${requested === format ? '' : `, traffic_format: ${requested}`}`;
      throw new TrafficError(`${e.message} (${as})`, { location: e.location, hint: e.hint });
    }
  }

  for (const [key, filter] of filters) {
    if (filter.selected > 0) continue;
    const files = ordered.filter((s) => s.where && JSON.stringify(s.where) === key).map((s) => s.path);
    throw new TrafficError(`where ${filter.describe()} selects no call of ${files.join(', ')}: ${filter.seen()}`, {
      location: { file: files[0]! },
      hint: 'Fix the value in where: (a glob such as "summarize*" matches a prefix), or pick the field the export carries.',
    });
  }

  let samples = sampler.result();
  const sampled = samples.length < goodLines;
  if (sampled) {
    const keptWeight = samples.reduce((sum, s) => sum + s.weight, 0);
    const factor = totalWeight / keptWeight;
    samples = samples.map((s) => ({ ...s, weight: s.weight * factor }));
  }

  const set: TrafficSet = {
    paths: [...new Set(ordered.map((s) => s.path))],
    samples,
    totalLines,
    totalWeight,
    badLines,
    sha256: sha.digest('hex'),
    sampled,
    lineCounts: { maxBadLines: opts.maxBadLines, files: perFile },
    formats,
  };
  if (notices.length) set.notices = notices;
  if (Object.keys(skipped).length) set.skipped = skipped;
  if (firstTs !== undefined) set.firstTs = firstTs;
  if (lastTs !== undefined) set.lastTs = lastTs;
  return set;
}

/** The normalised top-level fields of a line (`model`, `feature`, `user` …) that `where` may name. */
function fieldsOfLine(line: Record<string, unknown>): Record<string, FieldValue> {
  const out = Object.create(null) as Record<string, FieldValue>;
  for (const key of Object.keys(line)) {
    const v = line[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
  }
  return out;
}
