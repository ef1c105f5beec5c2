/**
 * The contract between the traffic reader and one importer (a source such as OTel or Langfuse).
 *
 * An importer is pure: it never opens a file. The reader cuts a file into records with the framing
 * the importer asks for (JSON Lines, one JSON document, CSV rows, …), hands each record to `map`,
 * and validates what comes back with the same rules as a line of aicost's own JSONL (DESIGN.md
 * "Traffic samples"), so an importer cannot produce a sample the JSONL reader would refuse.
 */

import type { TrafficFormat } from '../../types.js';

/** A format name as `traffic_format:` and `--from` spell it. */
export type ImportFormat = Exclude<TrafficFormat, 'auto' | 'aicost'>;

/** How a file is cut into records before `map` sees them. */
export type Framing =
  /** One JSON value per line; a file that is one JSON document (array, or a page with `data`) is accepted too. */
  | 'json'
  /** Comma-separated rows with a header row; each record is an object keyed by the header. */
  | 'csv';

/** Where a record came from, for messages and for default sample ids. */
export interface RecordAt {
  /** Repository path (or the CLI's input path). */
  file: string;
  /** 1-based line of the record's first byte in the file (1 for a single-document file). */
  line: number;
  /** 0-based index of the record in the file. */
  index: number;
}

/** A value `where:` can compare against: text, a number, a flag, or a list (any element may match). */
export type FieldValue = string | number | boolean | readonly string[];

/** One model call found in a record. */
export interface ImportedCall {
  /**
   * The call as one line of aicost's normalised traffic JSONL v1 (snake_case keys, inclusive
   * input, cache read/write split, output including reasoning), plus `user` when the source has a
   * user or tenant id. Validated by the JSONL line rules after `map` returns.
   */
  line: Record<string, unknown>;
  /**
   * The fields `where:` may select on, by the source's own dotted names (e.g. `gen_ai.prompt.name`,
   * `model_group`, `metadata.feature`, `request_tags`) and the normalised names (`model`, `feature`,
   * `user`, …). Objects without a prototype; values as the source wrote them.
   */
  fields: Record<string, FieldValue>;
}

/** What one record yields: calls (possibly none, e.g. an agent span), or the reason it is unusable. */
export type MapResult =
  | {
      ok: true;
      calls: ImportedCall[];
      skipped?: { reason: string; count: number }[];
      /**
       * Counts the importer had to correct, e.g. an input smaller than its cache parts (written
       * exclusive) that it summed: the reader reports them like skipped records, so a correction
       * is never silent.
       */
      notes?: { reason: string; count: number }[];
      /**
       * Calls of the record that could not be read, each with its reason (a collector line holds
       * many spans): reported as bad calls, while the record's other calls are kept.
       */
      bad?: string[];
    }
  | { ok: false; reason: string };

/** One traffic source. */
export interface Importer {
  readonly format: ImportFormat;
  /** Human name for messages, e.g. "OpenTelemetry OTLP/JSON". */
  readonly label: string;
  readonly framing: Framing;
  /**
   * Whether Parquet files of this source are read too: each row, an object keyed by column, is
   * handed to `map` as a record of its JSON framing (the reader recognises Parquet by its bytes).
   */
  readonly parquet?: boolean;
  /**
   * Whether a first record is this source's. Must look for fields only this source writes: when two
   * importers claim one record, auto-detection fails and lists both.
   */
  detect(record: unknown): boolean;
  /** Maps one record to the calls it holds. Never throws on bad data: returns `{ ok: false, reason }`. */
  map(record: unknown, at: RecordAt): MapResult;
  /**
   * For sources split over two files (a batch's request file and its results file): the reader
   * reads the requests of all the feature's files first, keyed by `key`, then maps each result
   * merged with its request. A result without a request is still mapped (usage only).
   */
  readonly pairs?: {
    side(record: unknown): 'request' | 'result' | undefined;
    key(record: unknown): string | undefined;
    merge(request: unknown, result: unknown): unknown;
  };
}
