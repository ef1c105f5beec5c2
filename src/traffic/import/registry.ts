/**
 * The formats the traffic reader knows: aicost's own JSONL and every importer of
 * ./sources/index.ts, looked up by name or recognised from a file's first record.
 */
import type { TrafficFormat } from '../../types.js';
import { importers } from './sources/index.js';
import type { Framing, Importer } from './types.js';

/**
 * The importer of a format, or undefined for `aicost` (read by the JSONL rules directly). A format
 * may have one importer per framing (Langfuse JSON and CSV): `framing` picks that one when it exists.
 */
export function importerFor(format: TrafficFormat, framing?: Framing): Importer | undefined {
  const all = importers.filter((i) => i.format === format);
  return (framing && all.find((i) => i.framing === framing)) || all[0];
}

/** Every format name `traffic_format:` and `--from` accept, `auto` first. */
export function formatNames(): string[] {
  return ['auto', 'aicost', ...new Set(importers.map((i) => i.format))];
}

/** A human name for messages: "aicost traffic JSONL v1", "OpenTelemetry OTLP/JSON (otel)". */
export function formatLabel(format: string): string {
  if (format === 'aicost') return 'aicost traffic JSONL v1';
  const imp = importers.find((i) => i.format === format);
  return imp ? `${imp.label} (${imp.format})` : format;
}

/**
 * Whether a record is a line of aicost's own JSONL: `usage.output_tokens` at the top, and none of
 * the envelope keys of provider responses (`object`, `type`, `response`, `request`), whose usage
 * objects look alike but are not normalised.
 */
export function isAicostRecord(record: unknown): boolean {
  if (!isRecord(record)) return false;
  const usage = record['usage'];
  if (!isRecord(usage) || !Object.prototype.hasOwnProperty.call(usage, 'output_tokens')) return false;
  return !['object', 'type', 'response', 'request', 'custom_id'].some((k) =>
    Object.prototype.hasOwnProperty.call(record, k),
  );
}

/** The formats whose detector claims `record` (aicost included), in registry order. */
export function detectFormats(record: unknown, framing?: Framing): TrafficFormat[] {
  const out: TrafficFormat[] = [];
  if ((framing === undefined || framing === 'json') && isAicostRecord(record)) out.push('aicost');
  for (const imp of importers) {
    if (framing !== undefined && imp.framing !== framing) continue;
    let claims = false;
    try {
      claims = imp.detect(record);
    } catch {
      claims = false;
    }
    // One source with two framings (Langfuse JSON and CSV) is one candidate, not two.
    if (claims && !out.includes(imp.format)) out.push(imp.format);
  }
  return out;
}

/** Whether any importer reads CSV (else a file that does not start with JSON is read as JSON lines). */
export function anyCsvImporter(): boolean {
  return importers.some((i) => i.framing === 'csv');
}

/** What detection tried, for the error on a record nobody recognises. */
export function detectableFormats(): string[] {
  return [...new Set(['aicost', ...importers.map((i) => i.format)])];
}

/** The formats read from CSV exports, for the error on a CSV row nobody recognises. */
export function csvFormats(): string[] {
  return [...new Set(importers.filter((i) => i.framing === 'csv').map((i) => i.format))];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
