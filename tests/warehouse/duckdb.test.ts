/**
 * examples/warehouse/duckdb-*.sql run on generated exports: each feature's JSONL must be the sample
 * aicost itself keeps from the same records (same ids, same scaled weights), line for line.
 *
 * The expected sample is what `aicost traffic convert --from otel|langfuse --where … --max-samples k`
 * (the built CLI) writes from the same export files, with the `where` that matches the query's
 * feature table. The generator's own list of calls only gives each feature's call count.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { hashKey, readTraffic } from '../../src/traffic/index.js';
import type { Sample } from '../../src/types.js';
import { DuckDBInstance } from '@duckdb/node-api';
import { mulberry32 } from '../helpers/random.js';
import { makeRepo, runCli, summaryPrompt, writeFiles } from '../helpers/run.js';
import { runEstimate } from '../../src/run/estimate.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/warehouse');
const RUNNER = join(EXAMPLES, 'run-duckdb.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'aicost-warehouse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One normalised call as aicost's importer would write it, with the features it belongs to. */
interface Call {
  features: string[];
  line: Record<string, unknown>;
}

/** Runs a query of examples/warehouse in `dir` (its outputs land in dir/aicost-samples/traffic). */
function runQuery(dir: string, query: string, settings: Record<string, string | number>): void {
  mkdirSync(join(dir, 'aicost-samples', 'traffic'), { recursive: true });
  execFileSync(
    process.execPath,
    [RUNNER, join(EXAMPLES, query), ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

async function read(path: string, text: string, maxSamples: number): Promise<{ samples: Sample[]; sampled: boolean }> {
  const set = await readTraffic(
    [
      {
        path,
        open: () =>
          (async function* () {
            yield Buffer.from(text);
          })(),
      },
    ],
    { maxBadLines: 0, maxSamples },
  );
  expect(set.badLines).toEqual([]);
  return set;
}

/** An export as the query reads it: its format and files. */
interface Export {
  format: 'otel' | 'langfuse';
  files: string[];
}

/** Each feature of the queries' `aicost_features` tables as `--where` of `aicost traffic convert`. */
const WHERE: Record<string, string> = {
  'otel/ticket-summary': 'gen_ai.prompt.name=ticket-summary',
  'otel/triage': 'gen_ai.agent.name=triage*',
  'otel/kb-answer': 'service.name=kb-*',
  'langfuse/ticket-summary': 'promptName=ticket-summary',
  'langfuse/triage': 'metadata.feature=triage*',
};

/** The files of a directory, as the query's glob finds them. */
const filesIn = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));

/** What `aicost traffic convert` (the built CLI) writes for `feature` from the export with --max-samples k. */
async function convertLines(exp: Export, feature: string, k: number): Promise<Sample[]> {
  const r = runCli([
    'traffic',
    'convert',
    '--from',
    exp.format,
    '--where',
    WHERE[`${exp.format}/${feature}`]!,
    '--max-samples',
    String(k),
    // The exports hold calls with a -1 count (a logger that missed usage): unreadable, as in the query.
    '--max-bad-lines',
    '10%',
    ...exp.files,
  ]);
  expect(r.status).toBe(0);
  return (await read(`converted-${feature}.jsonl`, r.stdout, 10_000_000)).samples;
}

/** Compares the query's file for `feature` with `aicost traffic convert`'s; returns the figures. */
async function compare(dir: string, exp: Export, calls: Call[], feature: string, k: number) {
  const text = readFileSync(join(dir, 'aicost-samples', 'traffic', `${feature}.jsonl`), 'utf8');
  // Read whole (k ≥ its lines): aicost takes the file as written, with its weights.
  const got = await read(`${feature}.jsonl`, text, k);
  expect(got.sampled).toBe(false);
  const want = await convertLines(exp, feature, k);
  const byId = (a: Sample, b: Sample) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const g = [...got.samples].sort(byId);
  const w = [...want].sort(byId);
  expect(g.map((s) => [s.id, s.traceId, s.feature, s.usage])).toEqual(
    w.map((s) => [s.id, s.traceId, feature, s.usage]),
  );
  for (let i = 0; i < g.length; i++) {
    expect(Math.abs(g[i]!.weight - w[i]!.weight)).toBeLessThanOrEqual(1e-9 * w[i]!.weight);
  }
  const all = calls.filter((c) => c.features.includes(feature)).length;
  const weight = g.reduce((sum, s) => sum + s.weight, 0);
  // convert read every call of the feature: its weights sum back to their number.
  expect(w.reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(all, 6);
  return { all, kept: g.length, traces: new Set(g.map((s) => s.traceId ?? `id:${s.id}`)).size, weight };
}

// ---------------------------------------------------------------------------------------------
// OpenTelemetry: collector file-exporter JSON Lines of TracesData.

type Attr = { key: string; value: Record<string, unknown> };
const str = (key: string, v: string): Attr => ({ key, value: { stringValue: v } });
const int = (key: string, v: number): Attr => ({ key, value: { intValue: String(v) } });

interface OtelSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startTimeUnixNano: string | { low: number; high: number };
  attributes: Attr[];
  status: { code?: number };
}

/** `n` bytes as lowercase hex from the PRNG. */
function hexId(rand: () => number, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++)
    s += Math.floor(rand() * 256)
      .toString(16)
      .padStart(2, '0');
  return s;
}

/**
 * A realistic export: traces of three features, each spread over several lines and files (so a
 * trace is only whole across files), agent and tool spans with rolled-up or no usage (not calls),
 * spans without a trace id, base64 ids from a generic protobuf encoder, exclusive cache counts,
 * a -1 token count from a logger that missed usage, and {low, high} timestamps.
 */
function otelExport(seed: number, traces: number) {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rows: { service: string; span: OtelSpan }[] = [];
  const calls: Call[] = [];
  let spans = 0;
  const t0 = 1784102400000n * 1000000n;
  for (let t = 0; t < traces; t++) {
    const kind = rand() < 0.45 ? 'summary' : rand() < 0.8 ? 'triage' : 'kb';
    const noTrace = rand() < 0.03;
    const traceId = noTrace ? '' : hexId(rand, 16);
    const root = hexId(rand, 8);
    const service = kind === 'kb' ? pick(['kb-search', 'kb-index']) : 'support-api';
    const start = t0 + BigInt(t) * 60_000_000_000n;
    const n = kind === 'summary' ? 1 + Math.floor(rand() * 2) : kind === 'triage' ? 2 + Math.floor(rand() * 5) : 1;
    if (kind === 'triage') {
      // The agent span carries the sum over its steps: counting it would double the cost.
      rows.push({
        service,
        span: {
          traceId,
          spanId: root,
          parentSpanId: '',
          name: 'invoke_agent triage-v2',
          kind: 1,
          startTimeUnixNano: String(start),
          attributes: [
            str('gen_ai.operation.name', 'invoke_agent'),
            str('gen_ai.agent.name', 'triage-v2'),
            int('gen_ai.usage.input_tokens', 99999),
            int('gen_ai.usage.output_tokens', 9999),
          ],
          status: {},
        },
      });
      spans++;
    }
    for (let i = 0; i < n; i++) {
      const spanId = hexId(rand, 8);
      const ns = start + BigInt(i) * 1_000_000_000n + BigInt(Math.floor(rand() * 1e6));
      const input = 200 + Math.floor(rand() * 4000);
      const cacheRead = rand() < 0.5 ? Math.floor(input * rand()) : 0;
      const exclusive = rand() < 0.05 && cacheRead > 0;
      // Exclusive counts are seen only where the uncached part is below the cached one.
      const written = exclusive ? input - cacheRead : input;
      const inclusive = written < cacheRead ? written + cacheRead : written;
      const output = rand() < 0.01 ? -1 : 10 + Math.floor(rand() * 600);
      const attributes: Attr[] = [];
      if (kind === 'kb') {
        attributes.push(
          str('openinference.span.kind', 'LLM'),
          str('llm.model_name', 'gpt-4.1-mini'),
          int('llm.token_count.prompt', input),
          int('llm.token_count.completion', output),
        );
      } else {
        attributes.push(
          str('gen_ai.operation.name', 'chat'),
          str('gen_ai.provider.name', 'openai'),
          str('gen_ai.request.model', 'gpt-4o-mini'),
          int('gen_ai.usage.input_tokens', written),
          int('gen_ai.usage.cache_read.input_tokens', cacheRead),
          int('gen_ai.usage.output_tokens', output),
          int('gen_ai.request.max_tokens', 800),
          { key: 'gen_ai.response.finish_reasons', value: { arrayValue: { values: [{ stringValue: 'stop' }] } } },
        );
        attributes.push(
          kind === 'summary' ? str('gen_ai.prompt.name', 'ticket-summary') : str('gen_ai.agent.name', 'triage-v2'),
        );
      }
      const error = rand() < 0.02;
      const span: OtelSpan = {
        traceId,
        spanId,
        parentSpanId: kind === 'triage' ? root : '',
        name: 'chat gpt-4o-mini',
        kind: 3,
        startTimeUnixNano:
          rand() < 0.05 ? { low: Number(BigInt.asIntN(32, ns & 0xffffffffn)), high: Number(ns >> 32n) } : String(ns),
        attributes,
        status: error ? { code: 2 } : {},
      };
      rows.push({ service, span });
      spans++;
      if (output >= 0) {
        const features = kind === 'summary' ? ['ticket-summary'] : kind === 'triage' ? ['triage'] : ['kb-answer'];
        const usage =
          kind === 'kb'
            ? {
                input_tokens: input,
                cache_read_tokens: 0,
                cache_write_tokens: 0,
                output_tokens: output,
                reasoning_tokens: 0,
              }
            : {
                input_tokens: inclusive,
                cache_read_tokens: cacheRead,
                cache_write_tokens: 0,
                output_tokens: output,
                reasoning_tokens: 0,
              };
        calls.push({
          features,
          line: { id: spanId, ...(traceId ? { trace_id: traceId } : {}), usage, ...(error ? { status: 'error' } : {}) },
        });
      }
      if (kind === 'triage' && rand() < 0.5) {
        rows.push({
          service,
          span: {
            traceId,
            spanId: hexId(rand, 8),
            parentSpanId: spanId,
            name: 'execute_tool search',
            kind: 1,
            startTimeUnixNano: String(ns + 1000n),
            attributes: [str('gen_ai.operation.name', 'execute_tool'), str('gen_ai.agent.name', 'triage-v2')],
            status: {},
          },
        });
        spans++;
      }
    }
  }
  // Shuffle the spans over files and lines: a trace is whole only across files.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const b64 = (hex: string) => (hex ? Buffer.from(hex, 'hex').toString('base64') : '');
  const files: string[][] = [[], [], []];
  for (let at = 0; at < rows.length;) {
    const size = 1 + Math.floor(rand() * 20);
    const chunk = rows.slice(at, at + size);
    at += size;
    // Lines from a generic protobuf JSON encoder carry base64 ids.
    const base64 = rand() < 0.1;
    const byService = new Map<string, OtelSpan[]>();
    for (const r of chunk) {
      const span = base64
        ? {
            ...r.span,
            traceId: b64(r.span.traceId),
            spanId: b64(r.span.spanId),
            parentSpanId: b64(r.span.parentSpanId),
          }
        : r.span;
      byService.set(r.service, [...(byService.get(r.service) ?? []), span]);
    }
    const doc = {
      resourceSpans: [...byService].map(([service, list]) => ({
        resource: { attributes: [str('service.name', service)] },
        scopeSpans: [{ scope: { name: 'opentelemetry.instrumentation.openai_v2', version: '2.4b0' }, spans: list }],
      })),
    };
    pick(files).push(JSON.stringify(doc));
  }
  return { files, calls, spans, traces };
}

describe('examples/warehouse/duckdb-otel.sql', () => {
  const dir = join(tmp, 'otel');
  const data = otelExport(13, 3000);
  mkdirSync(join(dir, 'otel-export'), { recursive: true });
  // One document pretty-printed over many lines, as an SDK file exporter or a backend download writes it.
  const download = data.files[0]!.pop()!;
  writeFileSync(join(dir, 'otel-export', 'download.json'), JSON.stringify(JSON.parse(download), null, 2));
  data.files.forEach((lines, i) =>
    writeFileSync(join(dir, 'otel-export', `traces-${i}.json`), `${lines.join('\n')}\n`),
  );
  const otelFiles = (): Export => ({ format: 'otel', files: filesIn(join(dir, 'otel-export')) });

  it('writes per feature the sample aicost keeps: same spans, whole traces, same weights', async () => {
    const k = 1500;
    runQuery(dir, 'duckdb-otel.sql', { otel_files: 'otel-export/*.json', max_samples: k });
    const summary = await compare(dir, otelFiles(), data.calls, 'ticket-summary', k);
    const triage = await compare(dir, otelFiles(), data.calls, 'triage', k);
    const kb = await compare(dir, otelFiles(), data.calls, 'kb-answer', k);
    expect(data.spans).toBeGreaterThan(10_000);
    // Two features are sampled (kept < all, weights sum back to the feature's calls), one fits whole.
    expect(summary.kept).toBeLessThan(summary.all);
    expect(summary.kept).toBeLessThanOrEqual(k);
    expect(summary.weight).toBeCloseTo(summary.all, 6);
    expect(triage.kept).toBeLessThan(triage.all);
    expect(triage.weight).toBeCloseTo(triage.all, 6);
    expect(kb.kept).toBe(kb.all);
    expect(kb.weight).toBe(kb.all);
  }, 300_000);

  it('prices each feature from traffic-dir exactly as aicost prices the whole export', async () => {
    // The repository holds every call (the query with no sampling); traffic-dir the query's sample.
    const k = 1500;
    const repo = makeRepo({
      '.aicost.yml': `version: 1
features:
${['ticket-summary', 'triage', 'kb-answer']
  .map(
    (f) => `  ${f}:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: traffic/${f}.jsonl
    requests_per_month: 100000
`,
  )
  .join('')}teams:
  support: { monthly_budget: 100000 }
replay:
  max_samples: ${k}
`,
      'prompts/summary.prompt.yml': summaryPrompt(),
    });
    runQuery(dir, 'duckdb-otel.sql', { otel_files: 'otel-export/*.json', max_samples: 1_000_000 });
    for (const f of ['ticket-summary', 'triage', 'kb-answer']) {
      const all = readFileSync(join(dir, 'aicost-samples', 'traffic', `${f}.jsonl`), 'utf8');
      writeFiles(repo, { [`traffic/${f}.jsonl`]: all });
    }
    const whole = await runEstimate({ repo, config: '.aicost.yml' });
    const samples = join(tmp, 'otel-samples');
    runQuery(samples, 'duckdb-otel.sql', { otel_files: join(dir, 'otel-export', '*.json'), max_samples: k });
    const sampled = await runEstimate({ repo, config: '.aicost.yml', trafficDir: join(samples, 'aicost-samples') });
    expect(sampled.report.notices).toEqual(whole.report.notices);
    for (const f of ['ticket-summary', 'triage', 'kb-answer']) {
      const a = whole.report.features.find((x) => x.id === f)!;
      const b = sampled.report.features.find((x) => x.id === f)!;
      expect(b.traffic!.paths).toEqual([`traffic-dir:traffic/${f}.jsonl`]);
      expect(a.traffic!.paths).toEqual([`traffic/${f}.jsonl`]);
      expect(b.samples).toBe(a.samples);
      expect(b.samples).toBeLessThanOrEqual(k);
      expect(b.monthly).toBeGreaterThan(0);
      expect(Math.abs(b.monthly - a.monthly)).toBeLessThanOrEqual(1e-9 * a.monthly);
    }
  }, 300_000);

  it('keeps the lowest-ranked trace whole when it alone exceeds max_samples', async () => {
    runQuery(dir, 'duckdb-otel.sql', { otel_files: 'otel-export/*.json', max_samples: 1 });
    const triage = await compare(dir, otelFiles(), data.calls, 'triage', 1);
    expect(triage.traces).toBe(1);
    const summary = await compare(dir, otelFiles(), data.calls, 'ticket-summary', 1);
    expect(summary.traces).toBe(1);
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------
// Langfuse: observations from the UI/blob export (JSONL) and from API v2 pages.

/**
 * Traces with a SPAN (not a call) and GENERATIONs whose usageDetails are exclusive buckets;
 * user-chosen trace ids with non-ASCII characters (the rank hashes their UTF-8 bytes), and
 * observations without a trace. Most lines go to JSONL files, some to a pretty-printed API page.
 */
function langfuseExport(seed: number, traces: number) {
  const rand = mulberry32(seed);
  const observations: Record<string, unknown>[] = [];
  const calls: Call[] = [];
  const tags = ['ü', '票', '🚀', 'é', '\u00a0'];
  for (let t = 0; t < traces; t++) {
    const r = rand();
    const traceId =
      r < 0.05 ? null : r < 0.2 ? `tenant-${tags[t % tags.length]}-${t}` : `${hexId(rand, 4)}-${hexId(rand, 12)}`;
    const kind = rand() < 0.5 ? 'summary' : rand() < 0.8 ? 'triage' : 'other';
    const at = Date.UTC(2026, 6, 14) + t * 60_000;
    observations.push({
      id: `span_${t}`,
      traceId,
      type: 'SPAN',
      name: 'handler',
      startTime: new Date(at).toISOString(),
    });
    const n = kind === 'triage' ? 1 + Math.floor(rand() * 4) : 1;
    for (let i = 0; i < n; i++) {
      const uncached = 50 + Math.floor(rand() * 3000);
      const cached = rand() < 0.5 ? Math.floor(rand() * 4000) : 0;
      const creation = rand() < 0.1 ? Math.floor(rand() * 2000) : 0;
      const output = 5 + Math.floor(rand() * 500);
      const reasoning = rand() < 0.3 ? Math.floor(rand() * 300) : 0;
      const usageDetails: Record<string, number> = { input: uncached, output, total: 0 };
      if (cached) usageDetails['input_cached_tokens'] = cached;
      if (creation) usageDetails['input_cache_creation'] = creation;
      if (reasoning) usageDetails['output_reasoning_tokens'] = reasoning;
      usageDetails['total'] = uncached + cached + creation + output + reasoning;
      const id = `obs_${t}_${i}`;
      observations.push({
        id,
        traceId,
        parentObservationId: `span_${t}`,
        type: 'GENERATION',
        name: kind === 'triage' ? 'triage-step' : 'summarize',
        startTime: new Date(at + i * 1000).toISOString(),
        providedModelName: 'gpt-4.1-mini',
        modelParameters: { max_tokens: '300', temperature: '0.2' },
        usageDetails,
        costDetails: { total: 0.000472 },
        totalCost: 0.000472,
        ...(kind === 'summary' ? { promptName: 'ticket-summary', promptVersion: 7 } : {}),
        metadata: { feature: kind === 'triage' ? 'triage-agent' : 'none' },
      });
      const features = kind === 'summary' ? ['ticket-summary'] : kind === 'triage' ? ['triage'] : [];
      calls.push({
        features,
        line: {
          id,
          ...(traceId ? { trace_id: traceId } : {}),
          usage: {
            input_tokens: uncached + cached + creation,
            cache_read_tokens: cached,
            cache_write_tokens: creation,
            output_tokens: output + reasoning,
            reasoning_tokens: reasoning,
          },
        },
      });
    }
  }
  const jsonl: Record<string, unknown>[][] = [[], []];
  const page: Record<string, unknown>[] = [];
  for (const o of observations) {
    const r = rand();
    (r < 0.15 ? page : jsonl[r < 0.6 ? 0 : 1]!).push(o);
  }
  return { jsonl, page, calls, observations, traces };
}

describe('examples/warehouse/duckdb-langfuse.sql', () => {
  const dir = join(tmp, 'langfuse');
  const data = langfuseExport(29, 2500);
  mkdirSync(join(dir, 'langfuse-export'), { recursive: true });
  data.jsonl.forEach((list, i) =>
    writeFileSync(
      join(dir, 'langfuse-export', `observations-${i}.jsonl`),
      list.map((o) => JSON.stringify(o)).join('\n'),
    ),
  );
  writeFileSync(
    join(dir, 'langfuse-export', 'page-1.json'),
    JSON.stringify({ data: data.page, meta: { cursor: 'c2' } }, null, 2),
  );
  const langfuseFiles = (): Export => ({ format: 'langfuse', files: filesIn(join(dir, 'langfuse-export')) });

  it('writes per feature the sample aicost keeps: same observations, whole traces, same weights', async () => {
    const k = 800;
    runQuery(dir, 'duckdb-langfuse.sql', { langfuse_files: 'langfuse-export/*.json*', max_samples: k });
    const summary = await compare(dir, langfuseFiles(), data.calls, 'ticket-summary', k);
    const triage = await compare(dir, langfuseFiles(), data.calls, 'triage', k);
    expect(data.observations.length).toBeGreaterThan(5_000);
    expect(summary.kept).toBeLessThan(summary.all);
    expect(summary.weight).toBeCloseTo(summary.all, 6);
    expect(triage.kept).toBeLessThan(triage.all);
    expect(triage.weight).toBeCloseTo(triage.all, 6);
  }, 300_000);

  it('reads the same observations from a Parquet blob export (typed columns, timestamps)', async () => {
    // The JSONL converted to Parquet by DuckDB's own schema inference: usageDetails become a
    // STRUCT with NULL for absent keys, startTime a TIMESTAMP.
    const parquet = join(tmp, 'langfuse-parquet');
    mkdirSync(join(parquet, 'export'), { recursive: true });
    const all = join(parquet, 'all.jsonl');
    writeFileSync(all, [...data.jsonl.flat(), ...data.page].map((o) => JSON.stringify(o)).join('\n'));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_json('${all}', format = 'newline_delimited')) TO '${join(parquet, 'export', 'observations.parquet')}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const k = 800;
    const parquetFiles: Export = { format: 'langfuse', files: [join(parquet, 'export', 'observations.parquet')] };
    runQuery(parquet, 'duckdb-langfuse.sql', { langfuse_files: 'export/*.parquet', max_samples: k });
    const summary = await compare(parquet, parquetFiles, data.calls, 'ticket-summary', k);
    const triage = await compare(parquet, parquetFiles, data.calls, 'triage', k);
    expect(summary.kept).toBeLessThan(summary.all);
    expect(triage.kept).toBeLessThan(triage.all);
    const first = JSON.parse(
      readFileSync(join(parquet, 'aicost-samples', 'traffic', 'triage.jsonl'), 'utf8').split('\n')[0]!,
    );
    expect(first.ts).toMatch(/^2026-07-1\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------
// BigQuery cannot run here; its JavaScript UDFs can. They are the parts that are not plain SQL.

/** The bodies of the `LANGUAGE js` functions of a query, as callable functions. */
function jsUdfs(query: string): Record<string, (...args: unknown[]) => unknown> {
  const text = readFileSync(join(EXAMPLES, query), 'utf8');
  const out: Record<string, (...args: unknown[]) => unknown> = {};
  for (const m of text.matchAll(/CREATE TEMP FUNCTION (\w+)\(([^)]*)\)[\s\S]*?LANGUAGE js AS r"""([\s\S]*?)"""/g)) {
    const params = m[2]!.split(',').map((p) => p.trim().split(/\s+/)[0]!);
    out[m[1]!] = new Function(...params, m[3]!) as (...args: unknown[]) => unknown;
  }
  return out;
}

describe('examples/warehouse/bigquery-langfuse.sql (JavaScript UDFs)', () => {
  const udfs = jsUdfs('bigquery-langfuse.sql');

  it('ranks every key as aicost hashKey does, for any UTF-16 text', () => {
    const rand = mulberry32(7);
    const rank = udfs['aicost_rank']!;
    const keys = ['trace:7f3c9a2e1b4d4c8e9a0b1c2d3e4f5a6b', 'id:obs_5e2c91', 'trace:tenant-🚀-1', 'id:'];
    for (let i = 0; i < 5000; i++) {
      let s = rand() < 0.5 ? 'trace:' : 'id:';
      const len = Math.floor(rand() * 40);
      for (let j = 0; j < len; j++) {
        const r = rand();
        // ASCII, two- and three-byte characters, astral pairs and lone surrogates.
        const code =
          r < 0.6
            ? 0x20 + Math.floor(rand() * 0x5f)
            : r < 0.75
              ? 0x80 + Math.floor(rand() * 0x780)
              : r < 0.9
                ? 0x800 + Math.floor(rand() * 0xf7ff)
                : r < 0.97
                  ? 0x10000 + Math.floor(rand() * 0xfffff)
                  : 0xd800 + Math.floor(rand() * 0x800);
        s += code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
      }
      keys.push(s);
    }
    const wrong = keys.filter((k) => rank(k) !== hashKey(k));
    expect(wrong).toEqual([]);
  });

  it('reads Langfuse usageDetails (exclusive buckets) as inclusive counts', () => {
    const data = langfuseExport(31, 400);
    const usage = udfs['aicost_langfuse_usage']!;
    const generations = data.observations.filter((o) => o['type'] === 'GENERATION');
    expect(generations.length).toBe(data.calls.length);
    generations.forEach((o, i) => {
      expect(usage(JSON.stringify(o['usageDetails']))).toEqual({
        cache_write_1h_tokens: 0,
        ...(data.calls[i]!.line['usage'] as object),
      });
    });
    // A JSON string column holding the object, and a missing column.
    expect(usage(JSON.stringify(JSON.stringify({ input: 10, input_cached_tokens: 5, output: 3 })))).toMatchObject({
      input_tokens: 15,
      cache_read_tokens: 5,
      output_tokens: 3,
    });
    expect(usage('null')).toBeNull();
  });
});
