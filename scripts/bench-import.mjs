// `node scripts/bench-import.mjs [--records N] [--source otel|langfuse]`: importer throughput.
// Writes an OpenTelemetry collector file export of N lines (default 1,000,000; each one TracesData
// with an agent span and one chat span, the shape the collector writes), or with `--source
// langfuse` a Langfuse observations JSONL export of N lines (one GENERATION observation each, with
// exclusive usage buckets, as the UI and blob exports write them), then runs the built CLI's `aicost traffic
// inspect` and `aicost traffic convert --max-samples 5000` on it, and prints lines/s and peak RSS
// (the bound is 512 MB). Environment: BENCH_DIST (bundles to measure, default dist/), BENCH_KEEP=1.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const at = args.indexOf('--records');
const RECORDS = at >= 0 ? Number(args[at + 1]) : 1_000_000;
const sourceAt = args.indexOf('--source');
const SOURCE = sourceAt >= 0 ? args[sourceAt + 1] : 'otel';
if (SOURCE !== 'otel' && SOURCE !== 'langfuse') throw new Error(`--source ${SOURCE}: otel or langfuse`);
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const CLI = join(DIST, 'cli/index.js');
const CHILD = join(root, 'scripts/bench-child.mjs');

const hex = (n, width) => n.toString(16).padStart(width, '0');
const kv = (key, v) =>
  `{"key":"${key}","value":${typeof v === 'string' ? `{"stringValue":"${v}"}` : `{"intValue":"${v}"}`}}`;

/** One line: a TracesData with an invoke_agent span (rolled-up usage, skipped) and one chat call. */
function line(i) {
  const trace = hex(i + 1, 32);
  const agent = hex(2 * i + 1, 16);
  const start = 1784102400000000000n + BigInt(i) * 1_000_000_000n;
  const spans = [
    `{"traceId":"${trace}","spanId":"${agent}","name":"invoke_agent","kind":1,"startTimeUnixNano":"${start}","attributes":[${kv('gen_ai.operation.name', 'invoke_agent')},${kv('gen_ai.usage.input_tokens', 2400)},${kv('gen_ai.usage.output_tokens', 180)}]}`,
    `{"traceId":"${trace}","spanId":"${hex(2 * i + 2, 16)}","parentSpanId":"${agent}","name":"chat gpt-4o-mini","kind":3,"startTimeUnixNano":"${start + 1000000n}","endTimeUnixNano":"${start + 900000000n}","attributes":[${[
      kv('gen_ai.operation.name', 'chat'),
      kv('gen_ai.provider.name', 'openai'),
      kv('gen_ai.request.model', 'gpt-4o-mini'),
      kv('gen_ai.response.model', 'gpt-4o-mini-2024-07-18'),
      kv('gen_ai.prompt.name', i % 3 ? 'summarize' : 'triage'),
      kv('gen_ai.request.max_tokens', 400),
      kv('gen_ai.usage.input_tokens', 2000 + (i % 500)),
      kv('gen_ai.usage.cache_read.input_tokens', 1024),
      kv('gen_ai.usage.output_tokens', 100 + (i % 200)),
    ].join(',')}],"status":{}}`,
  ];
  return `{"resourceSpans":[{"resource":{"attributes":[${kv('service.name', 'support-api')}]},"scopeSpans":[{"scope":{"name":"opentelemetry.instrumentation.openai_v2","version":"2.4b0"},"spans":[${spans.join(',')}]}]}]}\n`;
}

/** One Langfuse GENERATION observation (exclusive usage buckets, re-summed by the importer). */
function langfuseLine(i) {
  const start = new Date(Date.UTC(2026, 6, 14) + i * 1000).toISOString();
  return `${JSON.stringify({
    id: `obs_${hex(i + 1, 12)}`,
    traceId: hex(i + 1, 32),
    parentObservationId: `span_${hex(i + 1, 12)}`,
    type: 'GENERATION',
    name: 'summarize-ticket',
    startTime: start,
    endTime: start,
    providedModelName: 'gpt-4o-mini',
    modelParameters: { max_tokens: '400', temperature: '0.2' },
    usageDetails: { input: 1000 + (i % 500), input_cached_tokens: 1024, output: 100 + (i % 200) },
    costDetails: { total: 0.0004 },
    totalCost: 0.0004,
    promptName: i % 3 ? 'summarize' : 'triage',
    promptVersion: 7,
  })}\n`;
}

async function writeExport(path) {
  const out = createWriteStream(path);
  const write = SOURCE === 'langfuse' ? langfuseLine : line;
  for (let i = 0; i < RECORDS; i++) {
    if (!out.write(write(i))) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

function run(cliArgs) {
  const r = spawnSync(process.execPath, [CHILD, CLI, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /BENCH (\{.*\})/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`aicost ${cliArgs.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ...JSON.parse(m[1]), stdout: r.stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'aicost-bench-import-'));
try {
  const file = join(dir, `${SOURCE}.jsonl`);
  await writeExport(file);
  const mb = statSync(file).size / 1e6;
  console.log(
    SOURCE === 'otel'
      ? `OTel export: ${RECORDS.toLocaleString('en-US')} lines, ${mb.toFixed(0)} MB (2 spans a line, 1 call)`
      : `Langfuse export: ${RECORDS.toLocaleString('en-US')} lines, ${mb.toFixed(0)} MB (1 observation a line)`,
  );
  const where = SOURCE === 'otel' ? 'gen_ai.prompt.name=triage' : 'promptName=triage';
  for (const [name, cliArgs] of [
    ['inspect', ['traffic', 'inspect', file]],
    ['convert --max-samples 5000', ['traffic', 'convert', '--max-samples', '5000', file]],
    ['convert --where (1 in 3)', ['traffic', 'convert', '--where', where, file]],
  ]) {
    const r = run(cliArgs);
    const rate = RECORDS / (r.ms / 1000);
    const rss = r.maxRssKiB / 1024;
    console.log(
      `${name.padEnd(28)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${Math.round(rate).toLocaleString('en-US').padStart(9)} lines/s  ${(mb / (r.ms / 1000)).toFixed(1).padStart(5)} MB/s  peak RSS ${rss.toFixed(0)} MB${rss < 512 ? '' : '  OVER 512 MB'}`,
    );
  }
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
