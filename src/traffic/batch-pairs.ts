/**
 * The first pass of batch pairing: request files (`Importer.pairs`) read for their requests, by
 * format and key, so the main pass of readTraffic (read.ts) joins every result with its request
 * whatever the file order. With the page helpers both passes use.
 */
import type { TrafficFormat } from '../types.js';
import { forEachJsonRecord } from './frame.js';
import { detectFormats, importerFor, isAicostRecord } from './import/registry.js';
import { openBytes, tap } from './open-bytes.js';
import type { ReadTrafficOptions, TrafficSource } from './read-options.js';
import { grouped } from '../text/index.js';

/** A pretty-printed file's first value may be the whole document (a page of records). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/**
 * Most batch requests kept for joining with their results (an OpenAI batch holds at most 50,000):
 * past it, results are still read, with their usage only, and a notice says so.
 */
export const MAX_PAIRED_REQUESTS = 200_000;

/**
 * The batch requests of every source whose format joins two files (`Importer.pairs`), by format
 * and key: a first pass over the request files, so a result finds its request whatever the file
 * order. A file whose first record is a result stops after that record. Errors are left to the
 * main pass, which reads every file again and reports them where they are.
 */
export async function pairRequests(
  sources: readonly TrafficSource[],
  opts: ReadTrafficOptions,
  maxLineBytes: number,
  maxDecompressed: number,
  notices: string[],
): Promise<Map<string, Map<string, unknown>>> {
  const out = new Map<string, Map<string, unknown>>();
  let kept = 0;
  let dropped = 0;
  const stop = new Error('not a paired format');
  for (const source of sources) {
    const requested: TrafficFormat = source.format ?? opts.format ?? 'aicost';
    if (requested === 'aicost') continue;
    let importer = requested === 'auto' ? undefined : importerFor(requested);
    if (requested !== 'auto' && !importer?.pairs) continue;
    try {
      const bytes = await openBytes(
        tap((await source.open()) as AsyncIterable<Buffer | string | Uint8Array>, () => undefined),
        source.path,
        maxDecompressed,
      );
      try {
        if (!bytes.startsJson || bytes.parquet) continue;
        const frameOpts = {
          maxRecordBytes: maxLineBytes,
          maxDocumentBytes: Math.max(maxLineBytes, MAX_DOCUMENT_BYTES),
        };
        let first = true;
        await forEachJsonRecord(bytes.stream, frameOpts, (r) => {
          if ('error' in r) return;
          if (!importer) {
            const found = detectFormats(firstOfPage(r.value) ?? r.value, 'json');
            importer = found.length === 1 ? importerFor(found[0]!) : undefined;
            if (!importer?.pairs) throw stop;
          }
          const pairs = importer.pairs!;
          const records = pageOf(r.value) ?? [r.value];
          // A results file (its first record a result) holds no requests: the main pass reads it,
          // once. A file of requests is read to its end, results among them skipped.
          if (first && records.length > 0 && pairs.side(records[0]) === 'result') throw stop;
          first = false;
          for (const record of records) {
            if (pairs.side(record) !== 'request') continue;
            const key = pairs.key(record);
            if (key === undefined) continue;
            if (kept >= MAX_PAIRED_REQUESTS) {
              dropped++;
              continue;
            }
            let byKey = out.get(importer.format);
            if (!byKey) out.set(importer.format, (byKey = new Map()));
            if (!byKey.has(key)) kept++;
            byKey.set(key, record);
          }
        });
      } finally {
        await bytes.close();
      }
    } catch {
      // Not paired after all, or unreadable: the main pass says which.
      continue;
    }
  }
  if (dropped > 0)
    notices.push(
      `${grouped(dropped)} batch requests past the first ${grouped(MAX_PAIRED_REQUESTS)} were not joined with their results: those results are priced on their usage only.`,
    );
  return out;
}

/** The records of a page (`{data: [...]}` as API pages and exports write them), else undefined. */
export function pageOf(value: unknown): unknown[] | undefined {
  if (!isRecord(value)) return undefined;
  const data = value['data'];
  return Array.isArray(data) && !isAicostRecord(value) ? data : undefined;
}

export function firstOfPage(value: unknown): unknown {
  const page = pageOf(value);
  return page && page.length ? page[0] : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
