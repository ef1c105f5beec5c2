/**
 * The Parquet framing on a Langfuse blob export (v4 snake_case columns) written for this test with
 * hyparquet-writer, SNAPPY (the default) and GZIP pages: records come out as the JSON framings
 * give them (int64 as numbers, timestamps as ISO text, JSON columns as objects), the Langfuse
 * importer reads them, and maxRows bounds the rows built.
 */
import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetRecords, ParquetProblem } from '../../../src/traffic/import/parquet.js';
import { langfuse } from '../../../src/traffic/import/sources/langfuse.js';
import { linesOf } from './helpers.js';

const COLUMNS = [
  { name: 'id', data: ['obs_1', 'obs_2', 'obs_3'], type: 'STRING' as const },
  { name: 'trace_id', data: ['t1', 't2', 't3'], type: 'STRING' as const },
  { name: 'type', data: ['GENERATION', 'SPAN', 'GENERATION'], type: 'STRING' as const },
  {
    name: 'start_time',
    data: [new Date('2026-07-14T09:12:03.412Z'), new Date('2026-07-14T09:12:04Z'), new Date('2026-07-14T09:20:00Z')],
    type: 'TIMESTAMP' as const,
  },
  { name: 'provided_model_name', data: ['gpt-4.1-mini', null, 'gpt-4.1-mini'], type: 'STRING' as const },
  {
    name: 'usage_details',
    data: ['{"input":412,"input_cached_tokens":1536,"output":96}', '{}', '{"input":300,"output":20}'],
    type: 'JSON' as const,
  },
  { name: 'total_cost', data: [0.000472, null, 0.000152], type: 'DOUBLE' as const },
  { name: 'prompt_name', data: ['ticket-summary', null, 'ticket-summary'], type: 'STRING' as const },
  { name: 'prompt_version', data: [7n, null, 8n], type: 'INT64' as const },
];

const EXPECTED = [
  {
    id: 'obs_1',
    ts: '2026-07-14T09:12:03.412Z',
    source: 'langfuse',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    trace_id: 't1',
    usage: { input_tokens: 1948, cache_read_tokens: 1536, output_tokens: 96 },
    cost_usd: 0.000472,
    status: 'ok',
  },
  {
    id: 'obs_3',
    ts: '2026-07-14T09:20:00.000Z',
    source: 'langfuse',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    trace_id: 't3',
    usage: { input_tokens: 300, output_tokens: 20 },
    cost_usd: 0.000152,
    status: 'ok',
  },
];

describe('parquet framing', () => {
  it('reads a SNAPPY Langfuse blob export into records the Langfuse importer maps', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: COLUMNS }));
    const { records, totalRows } = await parquetRecords(bytes, 1000);
    expect(totalRows).toBe(3);
    expect(records[0]!['prompt_version']).toBe(7);
    expect(records[0]!['start_time']).toBe('2026-07-14T09:12:03.412Z');
    expect(records.every((r) => langfuse.detect(r))).toBe(true);
    expect(linesOf(langfuse, records)).toEqual(EXPECTED);
  });

  it('inflates GZIP pages and stops at maxRows', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({ columnData: COLUMNS, codec: 'GZIP', compressors: { GZIP: (b: Uint8Array) => gzipSync(b) } }),
    );
    const { records, totalRows } = await parquetRecords(bytes, 2);
    expect(totalRows).toBe(3);
    expect(records.map((r) => r['id'])).toEqual(['obs_1', 'obs_2']);
    expect(linesOf(langfuse, records)).toEqual([EXPECTED[0]]);
  });

  it('refuses bytes that are not Parquet', async () => {
    const promise = parquetRecords(new TextEncoder().encode('{"id":"obs_1"}\n'), 10);
    await expect(promise).rejects.toBeInstanceOf(ParquetProblem);
    await expect(parquetRecords(new TextEncoder().encode('{"id":"obs_1"}\n'), 10)).rejects.toThrow(
      /^is not a Parquet file/,
    );
  });
});
