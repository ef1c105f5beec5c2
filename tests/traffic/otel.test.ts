/**
 * The otel importer on an export written for this test after shared/reference/traffic-sources.md
 * §1 and §7d: a collector file export (JSON Lines of TracesData) mixing current gen_ai.* names,
 * OpenLLMetry's deprecated names, OpenInference llm.token_count.* and Vercel ai.usage.*, with each
 * pitfall: agent/chain/wrapper spans carrying rolled-up usage (skipped, never counted twice),
 * int64 as strings, numbers and {low, high}, base64 ids, an exclusive emitter (its cache tokens
 * added, with a notice, as traffic-sources.md §1 says), a cut line; the same calls as one pretty-printed document, gzip, and
 * the Python console exporter. The samples and the monthly figure are checked by hand.
 */
import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { readTraffic, type TrafficSource } from '../../src/traffic/index.js';
import { runEstimate } from '../../src/run/estimate.js';
import { TrafficError } from '../../src/errors.js';
import { runDiff } from '../../src/run/diff.js';
import { validateReport } from '../../src/report/schema.js';
import { makeRepo, prRepo, summaryPrompt } from '../helpers/run.js';

type V = { stringValue: string } | { intValue: string | number } | { doubleValue: number } | { arrayValue: unknown };
const s = (v: string): V => ({ stringValue: v });
const i = (v: string | number): V => ({ intValue: v });
const attrs = (o: Record<string, V>) => Object.entries(o).map(([key, value]) => ({ key, value }));

const T1 = '7f3c9a2e1b4d4c8e9a0b1c2d3e4f5a6b';
const T2 = '0af7651916cd43dd8448eb211c80319c';

/** Line 1: opentelemetry-instrumentation-openai-v2 (current names) with an agent trace. */
const line1 = {
  resourceSpans: [
    {
      resource: { attributes: attrs({ 'service.name': s('support-api') }) },
      scopeSpans: [
        {
          scope: { name: 'opentelemetry.instrumentation.openai_v2', version: '2.4b0' },
          spans: [
            {
              traceId: T1,
              spanId: '9a8b7c6d5e4f3a2b',
              parentSpanId: '1122334455667788',
              name: 'chat gpt-4o-mini',
              kind: 3,
              startTimeUnixNano: '1784102400123000000',
              endTimeUnixNano: '1784102401987000000',
              attributes: attrs({
                'gen_ai.operation.name': s('chat'),
                'gen_ai.provider.name': s('openai'),
                'gen_ai.request.model': s('gpt-4o-mini'),
                'gen_ai.response.model': s('gpt-4o-mini-2024-07-18'),
                'gen_ai.request.max_tokens': i('400'),
                'gen_ai.usage.input_tokens': i('2310'),
                'gen_ai.usage.cache_read.input_tokens': i('1920'),
                'gen_ai.usage.output_tokens': i('184'),
                'gen_ai.response.finish_reasons': { arrayValue: { values: [s('stop')] } },
                'gen_ai.prompt.name': s('summarize'),
              }),
              status: {},
            },
            {
              // The agent span: the sum of its two calls below. Counting it would double them.
              traceId: T2,
              spanId: 'aaaaaaaaaaaaaaa1',
              name: 'invoke_agent triage',
              kind: 1,
              startTimeUnixNano: '1784102500000000000',
              attributes: attrs({
                'gen_ai.operation.name': s('invoke_agent'),
                'gen_ai.agent.name': s('triage'),
                'gen_ai.usage.input_tokens': i('5000'),
                'gen_ai.usage.output_tokens': i('300'),
              }),
            },
            {
              traceId: T2,
              spanId: 'aaaaaaaaaaaaaaa2',
              parentSpanId: 'aaaaaaaaaaaaaaa1',
              name: 'chat gpt-4o-mini',
              kind: 3,
              startTimeUnixNano: 1784102500100000000,
              attributes: attrs({
                'gen_ai.operation.name': s('chat'),
                'gen_ai.provider.name': s('openai'),
                'gen_ai.request.model': s('gpt-4o-mini'),
                'gen_ai.agent.name': s('triage'),
                'gen_ai.prompt.name': s('triage'),
                'user.id': s('u-7'),
                'gen_ai.usage.input_tokens': i(3000),
                'gen_ai.usage.output_tokens': i(200),
              }),
            },
            {
              traceId: T2,
              spanId: 'aaaaaaaaaaaaaaa3',
              parentSpanId: 'aaaaaaaaaaaaaaa1',
              name: 'chat gpt-4o-mini',
              kind: 3,
              startTimeUnixNano: '1784102501000000000',
              attributes: attrs({
                'gen_ai.operation.name': s('chat'),
                'gen_ai.provider.name': s('openai'),
                'gen_ai.request.model': s('gpt-4o-mini'),
                'gen_ai.agent.name': s('triage'),
                'gen_ai.prompt.name': s('triage'),
                'gen_ai.usage.input_tokens': i('2000'),
                'gen_ai.usage.cache_creation.input_tokens': i('1024'),
                'gen_ai.usage.output_tokens': i('100'),
                'gen_ai.usage.reasoning.output_tokens': i('40'),
              }),
              status: { code: 2, message: 'upstream timeout' },
            },
          ],
        },
      ],
    },
  ],
};

// 1784102600 s = 2026-07-15T08:03:20Z; in ns, as otlp-transformer 0.44 wrote it: {low, high}.
const ns = 1784102600000000000n;
const lowHigh = { low: Number(BigInt.asIntN(32, ns & 0xffffffffn)), high: Number(ns >> 32n) };
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/** Line 2: OpenLLMetry (deprecated names), {low, high} time, base64 ids (generic protobuf JSON mapping). */
const line2 = {
  resourceSpans: [
    {
      resource: { attributes: attrs({ 'service.name': s('support-api') }) },
      scopeSpans: [
        {
          scope: { name: 'opentelemetry.instrumentation.openai' },
          spans: [
            {
              traceId: b64('5b8efff798038103d269b633813fc60c'),
              spanId: b64('eee19b7ec3c1b174'),
              name: 'openai.chat',
              kind: 3,
              startTimeUnixNano: lowHigh,
              attributes: attrs({
                'llm.request.type': s('chat'),
                'gen_ai.system': s('az.ai.openai'),
                'gen_ai.request.model': s('gpt-4o-mini'),
                'gen_ai.usage.prompt_tokens': i('1200'),
                'gen_ai.usage.completion_tokens': i('90'),
                'gen_ai.usage.cache_read_input_tokens': i('0'),
                'gen_ai.prompt.name': s('summarize'),
              }),
            },
          ],
        },
      ],
    },
  ],
};

/** Line 3: OpenInference: an LLM span under a CHAIN span that repeats its counts. */
const line3 = {
  resourceSpans: [
    {
      resource: { attributes: attrs({ 'service.name': s('kb') }) },
      scopeSpans: [
        {
          scope: { name: 'openinference.instrumentation.openai' },
          spans: [
            {
              traceId: '0d6f2e91c4b84a7fa1e3b5c7d9f10234',
              spanId: '1a2b3c4d5e6f7081',
              name: 'RetrievalChain',
              startTimeUnixNano: '1784103000000000000',
              attributes: attrs({
                'openinference.span.kind': s('CHAIN'),
                'llm.token_count.prompt': i(2210),
                'llm.token_count.completion': i(930),
              }),
            },
            {
              traceId: '0d6f2e91c4b84a7fa1e3b5c7d9f10234',
              spanId: '4e5f6a7b8c9d0e1f',
              parentSpanId: '1a2b3c4d5e6f7081',
              name: 'ChatCompletion',
              startTimeUnixNano: '1784103000002000000',
              attributes: attrs({
                'openinference.span.kind': s('LLM'),
                'llm.system': s('openai'),
                'llm.model_name': s('o4-mini-2025-04-16'),
                'llm.token_count.prompt': i(2210),
                'llm.token_count.prompt_details.cache_read': i(1792),
                'llm.token_count.completion': i(930),
                'llm.token_count.completion_details.reasoning': i(704),
              }),
            },
          ],
        },
      ],
    },
  ],
};

/** Line 4: Vercel AI SDK v6: the ai.streamText wrapper (sum over steps) and its one doStream call. */
const vercel = (spanId: string, input: number) => ({
  resourceSpans: [
    {
      resource: { attributes: attrs({ 'service.name': s('web') }) },
      scopeSpans: [
        {
          scope: { name: 'ai' },
          spans: [
            {
              traceId: '5c0e000000000000000000000000beef',
              spanId: `66bb${spanId.slice(4)}`,
              name: 'ai.streamText',
              startTimeUnixNano: '1784106009000000000',
              attributes: attrs({
                'ai.operationId': s('ai.streamText'),
                'ai.usage.inputTokens': i(input),
                'ai.usage.outputTokens': i(233),
              }),
            },
            {
              traceId: '5c0e000000000000000000000000beef',
              spanId,
              parentSpanId: `66bb${spanId.slice(4)}`,
              name: 'ai.streamText.doStream',
              startTimeUnixNano: '1784106009000000000',
              attributes: attrs({
                'ai.operationId': s('ai.streamText.doStream'),
                'ai.telemetry.functionId': s('ticket-summary'),
                'ai.model.id': s('claude-sonnet-4-5'),
                'ai.model.provider': s('anthropic.messages'),
                'ai.response.model': s('claude-sonnet-4-5-20250929'),
                'ai.usage.inputTokens': i(input),
                'ai.usage.outputTokens': i(233),
                'ai.usage.cachedInputTokens': i(3968),
                'ai.usage.reasoningTokens': i(0),
              }),
            },
          ],
        },
      ],
    },
  ],
});

const EXPORT =
  [
    JSON.stringify(line1),
    JSON.stringify(line2),
    JSON.stringify(line3),
    JSON.stringify(vercel('77aa000000000001', 4210)),
    // Vercel v5 with Anthropic: inputTokens without the cache (exclusive). Summed, with a notice.
    JSON.stringify(vercel('77aa000000000002', 242)),
    // A line cut short by a crash of the exporter.
    JSON.stringify(line2).slice(0, 80),
  ].join('\n') + '\n';

const source = (path: string, data: string | Buffer, extra: Partial<TrafficSource> = {}): TrafficSource => ({
  path,
  open: async function* () {
    yield typeof data === 'string' ? Buffer.from(data) : data;
  },
  ...extra,
});
const OPTS = { maxBadLines: 0.5, maxSamples: 1000 };

describe('otel importer', () => {
  it('turns every inference span into one normalised sample, and no wrapper span', async () => {
    const set = await readTraffic([source('otel.jsonl', EXPORT, { format: 'auto' })], OPTS);
    expect(set.formats).toEqual({ 'otel.jsonl': 'otel' });
    expect(set.notices).toEqual([
      'otel.jsonl: read as OpenTelemetry traces (otel), detected from its first record (line 1).',
      'otel.jsonl: 1 record: otel: input smaller than its cache tokens (written exclusive of the cache): the cache tokens were added.',
    ]);
    expect(set.totalLines).toBe(6);
    // 7 calls: 3 (line 1) + 1 + 1 + 1 (line 4); the 4 wrapper/agent/chain spans are skipped with their reason.
    expect(set.samples.map((x) => x.id)).toEqual([
      '9a8b7c6d5e4f3a2b',
      'aaaaaaaaaaaaaaa2',
      'aaaaaaaaaaaaaaa3',
      'eee19b7ec3c1b174',
      '4e5f6a7b8c9d0e1f',
      '77aa000000000001',
      '77aa000000000002',
    ]);
    expect(set.skipped).toEqual({
      'invoke_agent spans (not a model call: their usage is the sum of the calls inside)': 1,
      'OpenInference CHAIN spans (not a model call)': 1,
      'ai.streamText spans (Vercel AI SDK wrappers: their usage is the sum of the calls inside)': 2,
    });
    const [a, b, c, d, e, f, g] = set.samples;
    expect(a).toMatchObject({
      id: '9a8b7c6d5e4f3a2b',
      file: 'otel.jsonl',
      line: 1,
      ts: Date.UTC(2026, 6, 15, 8, 0, 0, 123),
      traceId: T1,
      parentId: '1122334455667788',
      model: 'gpt-4o-mini',
      provider: 'openai',
      usage: { inputTokens: 2310, cacheReadTokens: 1920, cacheWriteTokens: 0, outputTokens: 184, reasoningTokens: 0 },
      params: { maxTokens: 400 },
      finishReason: 'stop',
      source: 'otel',
      weight: 1,
    });
    expect(b).toMatchObject({ traceId: T2, parentId: 'aaaaaaaaaaaaaaa1', agent: 'triage', user: 'u-7' });
    expect(b!.usage).toMatchObject({ inputTokens: 3000, outputTokens: 200 });
    expect(c).toMatchObject({ status: 'error', agent: 'triage' });
    expect(c!.usage).toMatchObject({
      inputTokens: 2000,
      cacheWriteTokens: 1024,
      outputTokens: 100,
      reasoningTokens: 40,
    });
    // base64 ids re-encoded to hex; {low, high} decoded; gen_ai.system renamed.
    expect(d).toMatchObject({
      id: 'eee19b7ec3c1b174',
      traceId: '5b8efff798038103d269b633813fc60c',
      ts: Date.UTC(2026, 6, 15, 8, 3, 20),
      provider: 'azure.ai.openai',
      line: 2,
    });
    expect(d!.usage).toMatchObject({ inputTokens: 1200, cacheReadTokens: 0, outputTokens: 90 });
    expect(e).toMatchObject({ model: 'o4-mini-2025-04-16', provider: 'openai', parentId: '1a2b3c4d5e6f7081' });
    expect(e!.usage).toMatchObject({
      inputTokens: 2210,
      cacheReadTokens: 1792,
      outputTokens: 930,
      reasoningTokens: 704,
    });
    expect(f).toMatchObject({ model: 'claude-sonnet-4-5', provider: 'anthropic' });
    expect(f!.usage).toMatchObject({ inputTokens: 4210, cacheReadTokens: 3968, outputTokens: 233 });

    // The exclusive emitter's call: 242 uncached + 3968 cached, the same call as 77aa000000000001.
    expect(g).toMatchObject({ id: '77aa000000000002', line: 5, model: 'claude-sonnet-4-5' });
    expect(g!.usage).toMatchObject({ inputTokens: 4210, cacheReadTokens: 3968, outputTokens: 233 });
    // The cut line is a bad record, named by line.
    expect(set.badLines).toEqual([
      { file: 'otel.jsonl', line: 6, reason: 'is not valid JSON (error at character 81)' },
    ]);
    // Total weight: the 7 calls, never the 4 wrappers (5000/300 of the agent would add an eighth "call").
    expect(set.totalWeight).toBe(7);
  });

  it('reads the same calls from one pretty-printed document, from gzip and as JSON array', async () => {
    const good = [line1, line2, line3];
    const ids = async (src: TrafficSource) =>
      (await readTraffic([src], { maxBadLines: 0, maxSamples: 1000 })).samples.map((x) => `${x.id}@${x.line}`);
    const jsonl = good.map((x) => JSON.stringify(x)).join('\n');
    const expected = await ids(source('a.jsonl', jsonl, { format: 'otel' }));
    expect(expected).toHaveLength(5);
    // gzip: recognised by its magic bytes, whatever the name.
    expect(await ids(source('a.jsonl', gzipSync(jsonl), { format: 'auto' }))).toEqual(expected);
    // A JSON array of TracesData, pretty-printed: the element's first line numbers the record.
    const array = JSON.stringify(good, null, 2);
    const lines = array.split('\n');
    const starts = lines.flatMap((l, n) => (l === '  {' ? [n + 1] : []));
    expect(await ids(source('a.json', array, { format: 'auto' }))).toEqual(
      expected.map((x) => x.replace(/@(\d)$/, (_m, k: string) => `@${starts[Number(k) - 1]}`)),
    );
    // One TracesData document, pretty-printed over many lines.
    const one = JSON.stringify(line1, null, 2);
    expect(await ids(source('one.json', one, { format: 'otel' }))).toEqual(expected.slice(0, 3));
  });

  it('reads the Python console exporter (pretty-printed spans one after the other)', async () => {
    const span = (id: string, input: number, start: string) =>
      JSON.stringify(
        {
          name: 'chat gpt-4o-mini',
          context: { trace_id: '0x7f3c9a2e1b4d4c8e9a0b1c2d3e4f5a6b', span_id: `0x${id}`, trace_state: '[]' },
          kind: 'SpanKind.CLIENT',
          parent_id: null,
          start_time: start,
          end_time: start,
          status: { status_code: 'UNSET' },
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.system': 'openai',
            'gen_ai.request.model': 'gpt-4o-mini',
            'gen_ai.usage.input_tokens': input,
            'gen_ai.usage.output_tokens': 50,
            'gen_ai.response.finish_reasons': ['stop'],
          },
          events: [],
          links: [],
          resource: { attributes: { 'service.name': 'cli' }, schema_url: '' },
        },
        null,
        4,
      );
    const text = `${span('00f067aa0ba902b7', 700, '2026-07-14T13:05:11.002000Z')}\n${span('00f067aa0ba902b8', 800, '2026-07-14T13:05:12.500000Z')}\n`;
    const set = await readTraffic([source('console.txt', text, { format: 'auto' })], {
      maxBadLines: 0,
      maxSamples: 10,
    });
    expect(set.formats).toEqual({ 'console.txt': 'otel' });
    expect(set.samples.map((x) => [x.id, x.line, x.usage.inputTokens, x.ts, x.finishReason])).toEqual([
      ['00f067aa0ba902b7', 1, 700, Date.UTC(2026, 6, 14, 13, 5, 11, 2), 'stop'],
      ['00f067aa0ba902b8', text.split('\n').indexOf('{', 1) + 1, 800, Date.UTC(2026, 6, 14, 13, 5, 12, 500), 'stop'],
    ]);
  });

  it('where: selects one feature of the shared export; a where that selects nothing names what it saw', async () => {
    const pick = async (where: Record<string, string>) =>
      (await readTraffic([source('otel.jsonl', EXPORT, { format: 'otel', where })], OPTS)).samples.map((x) => x.id);
    expect(await pick({ 'gen_ai.prompt.name': 'summarize' })).toEqual(['9a8b7c6d5e4f3a2b', 'eee19b7ec3c1b174']);
    // Normalised names too (user, agent, model), and globs.
    expect(await pick({ agent: 'tri*' })).toEqual(['aaaaaaaaaaaaaaa2', 'aaaaaaaaaaaaaaa3']);
    expect(await pick({ 'service.name': 'kb', model: 'o4-mini-*' })).toEqual(['4e5f6a7b8c9d0e1f']);
    expect(await pick({ 'ai.telemetry.functionId': 'ticket-summary' })).toEqual([
      '77aa000000000001',
      '77aa000000000002',
    ]);
    const err = await readTraffic(
      [source('otel.jsonl', EXPORT, { format: 'otel', where: { 'gen_ai.prompt.name': 'summarise' } })],
      OPTS,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrafficError);
    expect((err as TrafficError).message).toBe(
      'where {gen_ai.prompt.name: "summarise"} selects no call of otel.jsonl: gen_ai.prompt.name was "(absent)" (3 calls), "summarize" (2 calls), "triage" (2 calls)',
    );
  });

  it('prices the calls a feature selects from the export: the monthly figure by hand', async () => {
    const repo = makeRepo({
      '.aicost.yml': `version: 1
features:
  summarize:
    team: support
    prompt: prompts/summarize.prompt.yml
    traffic:
      path: traffic/export.jsonl
      where: { gen_ai.prompt.name: summarize }
    requests_per_month: 100000
teams:
  support: {}
replay:
  max_bad_lines: 50%
`,
      'prompts/summarize.prompt.yml': summaryPrompt(),
      'traffic/export.jsonl': EXPORT,
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = report.features[0]!;
    // gpt-4o-mini: input 0.15, cached input 0.075, output 0.60 USD per 1M tokens.
    // 9a8b…: (2310 − 1920) × 0.15 + 1920 × 0.075 + 184 × 0.60 = 58.5 + 144 + 110.4 = 312.9 µ$
    // eee1…: 1200 × 0.15 + 90 × 0.60 = 180 + 54 = 234 µ$
    const mean = (312.9 + 234) / 2 / 1e6;
    expect(f.samples).toBe(2);
    expect(f.per_request.mean).toBeCloseTo(mean, 12);
    expect(f.monthly).toBeCloseTo(mean * 100000, 6); // $27.345
    expect(report.notices.some((n) => n.startsWith('summarize: traffic/export.jsonl: read as OpenTelemetry'))).toBe(
      true,
    );
  });
});

describe('otel where: a PR cannot lower an existing feature figure by changing where or format', () => {
  const config = (where: string, format = '') => `version: 1
features:
  summarize:
    team: support
    prompt: prompts/summarize.prompt.yml
    traffic:
      path: traffic/export.jsonl
      where: { ${where} }${format}
    requests_per_month: 100000
teams:
  support: {}
replay:
  max_bad_lines: 50%
`;
  it('prices base and head with base’s where, and shows the PR’s where as a proposed change', async () => {
    const base = {
      '.aicost.yml': config('gen_ai.prompt.name: summarize'),
      'prompts/summarize.prompt.yml': summaryPrompt(),
      'traffic/export.jsonl': EXPORT,
    };
    // The PR points the feature at the cheapest call of the export (the 1200/90 one) and names a format.
    const repo = prRepo(base, { '.aicost.yml': config('gen_ai.system: az.ai.openai', '\n      format: otel') });
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    expect(validateReport(report)).toEqual({ ok: true });
    const f = report.features.find((x) => x.id === 'summarize')!;
    const mean = (312.9 + 234) / 2 / 1e6;
    expect(f.base!.monthly).toBeCloseTo(mean * 100000, 6);
    expect(f.head!.monthly).toBeCloseTo(mean * 100000, 6);
    expect(report.proposed_config).toContainEqual({
      path: 'features.summarize.traffic (format, where)',
      base: [{ path: 'traffic/export.jsonl', where: { 'gen_ai.prompt.name': 'summarize' } }],
      head: [{ path: 'traffic/export.jsonl', format: 'otel', where: { 'gen_ai.system': 'az.ai.openai' } }],
      effect: 'takes effect after merge',
    });
  });

  it('a PR whose where selects nothing is bad input at head (exit 2 material), not a silent $0', async () => {
    const base = {
      '.aicost.yml': config('gen_ai.prompt.name: summarize'),
      'prompts/summarize.prompt.yml': summaryPrompt(),
      'traffic/export.jsonl': EXPORT,
    };
    const repo = prRepo(base, { '.aicost.yml': config('gen_ai.prompt.name: nothing') });
    const err = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrafficError);
    expect((err as TrafficError).message).toMatch(/^where \{gen_ai\.prompt\.name: "nothing"\} selects no call/);
  });
});
