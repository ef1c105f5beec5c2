/**
 * `aicost traffic convert` and `inspect`, run as the built CLI on an OTel export written here:
 * 40 agent traces (an invoke_agent span holding the sum, two chat calls), sampled to whole traces;
 * the sample equals the reader's in-process one, and converting it back reads the same calls.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTraffic } from '../../src/traffic/index.js';
import { runCli } from '../helpers/run.js';

const kv = (key: string, v: string | number) => ({
  key,
  value: typeof v === 'string' ? { stringValue: v } : { intValue: String(v) },
});
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function exportText(traces: number): string {
  const lines: string[] = [];
  for (let t = 1; t <= traces; t++) {
    const traceId = hex(0xabc00000 + t, 32);
    const agent = hex(t * 16, 16);
    const call = (k: number, input: number, output: number) => ({
      traceId,
      spanId: hex(t * 16 + k, 16),
      parentSpanId: agent,
      name: 'chat gpt-4o-mini',
      startTimeUnixNano: String(1784102400000000000n + BigInt(t) * 60_000_000_000n + BigInt(k) * 1_000_000_000n),
      attributes: [
        kv('gen_ai.operation.name', 'chat'),
        kv('gen_ai.request.model', 'gpt-4o-mini'),
        kv('gen_ai.prompt.name', t % 2 ? 'summarize' : 'triage'),
        kv('gen_ai.usage.input_tokens', input),
        kv('gen_ai.usage.output_tokens', output),
      ],
    });
    lines.push(
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [kv('service.name', 'api')] },
            scopeSpans: [
              {
                scope: { name: 'test' },
                spans: [
                  {
                    traceId,
                    spanId: agent,
                    name: 'invoke_agent',
                    attributes: [
                      kv('gen_ai.operation.name', 'invoke_agent'),
                      kv('gen_ai.usage.input_tokens', 300 + 2 * t),
                      kv('gen_ai.usage.output_tokens', 30),
                    ],
                  },
                  call(1, 100 + t, 10),
                  call(2, 200 + t, 20),
                ],
              },
            ],
          },
        ],
      }),
    );
  }
  return lines.join('\n') + '\n';
}

describe('aicost traffic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aicost-traffic-cli-'));
  const file = join(dir, 'export.jsonl');
  writeFileSync(file, exportText(40));

  it('convert: a deterministic sample of whole traces, equal to the reader’s, that reads back the same', async () => {
    const r = runCli(['traffic', 'convert', '--max-samples', '10', '--where', 'gen_ai.prompt.name=summarize', file]);
    expect(r.stderr).toMatch(/^aicost: wrote 10 of 40 calls \(a deterministic sample by whole traces/);
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(10);
    // Whole traces: every trace kept has both of its calls.
    const traces = new Map<string, number>();
    for (const row of rows) traces.set(row.trace_id as string, (traces.get(row.trace_id as string) ?? 0) + 1);
    expect([...traces.values()]).toEqual([2, 2, 2, 2, 2]);
    // 20 summarize traces of 2 calls, 5 kept: each weight is scaled by 40 / 10.
    expect(rows.every((row) => row.weight === 4)).toBe(true);
    const inProcess = await readTraffic(
      [
        {
          path: file,
          open: async function* () {
            yield Buffer.from(exportText(40));
          },
          format: 'auto',
          where: { 'gen_ai.prompt.name': 'summarize' },
        },
      ],
      { maxBadLines: 0.01, maxSamples: 10 },
    );
    expect(rows.map((row) => row.id)).toEqual(inProcess.samples.map((s) => s.id));
    // The converted file is aicost JSONL: read back, the same calls and tokens.
    const out = join(dir, 'sample.jsonl');
    writeFileSync(out, r.stdout);
    const back = await readTraffic(
      [
        {
          path: out,
          open: async function* () {
            yield Buffer.from(r.stdout);
          },
          format: 'auto',
        },
      ],
      { maxBadLines: 0, maxSamples: 100 },
    );
    expect(back.formats).toEqual({ [out]: 'aicost' });
    expect(
      back.samples.map((s) => [s.id, s.traceId, s.usage.inputTokens, s.usage.outputTokens, s.weight, s.ts]),
    ).toEqual(
      inProcess.samples.map((s) => [s.id, s.traceId, s.usage.inputTokens, s.usage.outputTokens, s.weight, s.ts]),
    );
  });

  it('inspect: format, records, models, dates, token totals and what was skipped', () => {
    const r = runCli(['traffic', 'inspect', file]);
    expect(r.status).toBe(0);
    // Inputs: Σ(100+t) + Σ(200+t) for t = 1..40 = 4,000 + 8,000 + 2 × 820 = 13,640; outputs 40 × 30 = 1,200.
    expect(r.stdout).toBe(
      [
        `${file}: OpenTelemetry traces (otel), 40 records, 0 unreadable`,
        'calls: 80',
        'models: gpt-4o-mini (80)',
        'dates: 2026-07-15T08:01:01.000Z to 2026-07-15T08:40:02.000Z',
        'tokens: input 13,640 (cache read 0, cache write 0), output 1,200 (reasoning 0)',
        'skipped: 40 invoke_agent spans (not a model call: their usage is the sum of the calls inside)',
        `note: ${file}: read as OpenTelemetry traces (otel), detected from its first record (line 1).`,
        '',
      ].join('\n'),
    );
  });

  it('bad input: exit 2 with one message naming the file', () => {
    const missing = runCli(['traffic', 'inspect', join(dir, 'nope.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^aicost: .*nope\.jsonl: cannot read the file: ENOENT/);
    expect(missing.stderr).not.toMatch(/internal error|\n\s+at /);
    const format = runCli(['traffic', 'convert', '--from', 'zipkin', file]);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/^aicost: --from zipkin: not a format aicost reads/);
    const garbage = join(dir, 'garbage.jsonl');
    writeFileSync(garbage, '{"hello": "world"}\n');
    const unknown = runCli(['traffic', 'inspect', garbage]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /garbage\.jsonl:1: traffic_format: auto does not recognise the first record \(line 1\)/,
    );
  });
});
