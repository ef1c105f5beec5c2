/**
 * Parquet as a framing of the reader: a Langfuse blob export written with hyparquet-writer is
 * recognised by its `PAR1` bytes (also gzip'd), auto-detected as Langfuse, its rows mapped like
 * JSON records, `where` applied; a format not read from Parquet, aicost JSONL, and a damaged
 * file are errors naming the file.
 */
import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { TrafficError } from '../../../src/errors.js';
import { readTraffic, type TrafficSource } from '../../../src/traffic/read.js';
import type { TrafficFormat } from '../../../src/types.js';

const COLUMNS = [
  { name: 'id', data: ['obs_1', 'obs_2', 'obs_3', 'obs_4'], type: 'STRING' as const },
  { name: 'trace_id', data: ['t1', 't1', 't3', 't4'], type: 'STRING' as const },
  { name: 'type', data: ['GENERATION', 'SPAN', 'GENERATION', 'GENERATION'], type: 'STRING' as const },
  {
    name: 'start_time',
    data: [
      new Date('2026-07-14T09:12:03.412Z'),
      new Date('2026-07-14T09:12:04Z'),
      new Date('2026-07-14T09:20:00Z'),
      new Date('2026-07-14T09:30:00Z'),
    ],
    type: 'TIMESTAMP' as const,
  },
  {
    name: 'provided_model_name',
    data: ['gpt-4.1-mini', null, 'gpt-4.1-mini', 'gpt-4.1-mini'],
    type: 'STRING' as const,
  },
  {
    name: 'usage_details',
    data: [
      '{"input":412,"input_cached_tokens":1536,"output":96}',
      '{}',
      '{"input":300,"output":20}',
      '{"input":50,"output":5}',
    ],
    type: 'JSON' as const,
  },
  { name: 'prompt_name', data: ['ticket-summary', null, 'ticket-summary', 'classify'], type: 'STRING' as const },
];

const BYTES = Buffer.from(parquetWriteBuffer({ columnData: COLUMNS }));

const source = (bytes: Buffer, format: TrafficFormat = 'auto', where?: Record<string, string>): TrafficSource => ({
  path: 'traffic/langfuse.parquet',
  format,
  ...(where ? { where } : {}),
  open: async function* () {
    // Cut in pieces: the footer is read after the whole file arrived.
    for (let i = 0; i < bytes.length; i += 100) yield bytes.subarray(i, i + 100);
  },
});
const OPTS = { maxBadLines: 0, maxSamples: 100 };

describe('Parquet framing in the reader', () => {
  it('auto-detects a Langfuse Parquet export and maps its rows; where selects by prompt_name', async () => {
    const set = await readTraffic([source(BYTES, 'auto', { prompt_name: 'ticket-summary' })], OPTS);
    expect(set.formats).toEqual({ 'traffic/langfuse.parquet': 'langfuse' });
    expect(set.notices).toEqual([
      'traffic/langfuse.parquet: read as Langfuse observations (langfuse), detected from its first record (line 1).',
    ]);
    // Rows are numbered from 1 like lines; the SPAN (row 2) is skipped, obs_4 is another prompt.
    expect(
      set.samples.map((s) => [s.id, s.line, s.usage.inputTokens, s.usage.cacheReadTokens, s.usage.outputTokens]),
    ).toEqual([
      ['obs_1', 1, 1948, 1536, 96],
      ['obs_3', 3, 300, 0, 20],
    ]);
    expect(set.totalLines).toBe(4);
    expect(set.skipped?.['not selected by where']).toBe(1);
  });

  it('reads the same rows from a gzip’d Parquet file and with format: langfuse', async () => {
    const set = await readTraffic([source(gzipSync(BYTES), 'langfuse')], OPTS);
    expect(set.samples.map((s) => s.id)).toEqual(['obs_1', 'obs_3', 'obs_4']);
  });

  it('a format not read from Parquet, aicost JSONL, and a damaged file are errors naming the file', async () => {
    const err = async (s: TrafficSource) => {
      const e = await readTraffic([s], OPTS).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TrafficError);
      expect((e as TrafficError).location?.file).toBe('traffic/langfuse.parquet');
      return (e as Error).message;
    };
    expect(await err(source(BYTES, 'otel'))).toMatch(/^the file is Parquet, which OpenTelemetry .* is not read from/);
    expect(await err(source(BYTES, 'aicost'))).toBe(
      'the file is Parquet, which aicost traffic JSONL v1 is not read from',
    );
    // The magic bytes, then garbage: not a Parquet footer.
    expect(await err(source(Buffer.from('PAR1 this is not really parquet PAR1'), 'langfuse'))).toMatch(
      /^the file is not a Parquet file/,
    );
  });
});
