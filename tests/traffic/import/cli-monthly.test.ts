/**
 * The monthly figure of each remaining importer, through the built CLI: an export written for this
 * test after traffic-sources.md (each source's own field names, one or two of its pitfalls), a git
 * repository whose feature reads it on `traffic_format: auto`, `aicost estimate`, and the figure
 * worked out by hand below (tokens × the catalog's price × 1,000 requests a month).
 *
 * Prices, USD per 1M tokens, from aicost's primary catalog (@pydantic/genai-prices 0.1.8, named in
 * each feature's `prices`), which match the providers' pricing pages and models.dev:
 * - claude-sonnet-4-5 (anthropic): 3 input, 0.30 cache read, 3.75 cache write (5 min), 6 for a
 *   1 h write (2 × input), 15 output.
 * - Bedrock us.anthropic.claude-sonnet-4-5-20250929-v1:0 (entry aws:regional…, cross-region
 *   profiles cost 10% more): 3.30 input, 0.33 cache read, 4.125 cache write, 16.50 output. The
 *   entry has no 1 h write price, so 1 h writes are priced at the write price (src/catalog/genai.ts).
 * - claude-haiku-4-5: 1 input, 0.10 cache read, 1.25 cache write, 5 output.
 * - gpt-4o-mini: 0.15 input, 0.075 cached input, 0.60 output. gpt-4o: 2.50, 1.25, 10.
 * - o4-mini: 1.10 input, 0.275 cached input, 4.40 output.
 * - gemini-2.5-flash (google): 0.30 input, 0.03 cached input, 2.50 output (thinking included).
 * Batch results (Anthropic Message Batches) are billed at half of every price.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { makeRepo, runCli } from '../../helpers/run.js';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
/** µ$ for a call: per-1M prices times token counts. */
const micro = (parts: [tokens: number, pricePerM: number][]) => parts.reduce((s, [t, p]) => s + t * p, 0);
const REQUESTS = 1000;
/** Monthly USD from per-call µ$: the mean call × 1,000 requests. */
const monthlyOf = (calls: number[]) => (calls.reduce((a, b) => a + b, 0) / calls.length / 1e6) * REQUESTS;

// §6 Anthropic Message Batches: the submitted requests and the results, in another order. Input is
// exclusive of cache; the write split 5m/1h is in usage.cache_creation; thinking is inside
// output_tokens; an errored and an expired result are not billed.
const ANTHROPIC_BATCH_REQUESTS = jsonl(
  ['kb-0042', 'kb-0043', 'kb-0044', 'kb-0045'].map((id) => ({
    custom_id: id,
    params: {
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: [{ type: 'text', text: 'You answer from the KB.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: `Question ${id}` }],
    },
  })),
);
const claudeMessage = (id: string, usage: object, stop = 'end_turn') => ({
  id: `msg_${id}`,
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [{ type: 'text', text: '…' }],
  stop_reason: stop,
  usage,
});
const ANTHROPIC_BATCH_RESULTS = jsonl([
  {
    custom_id: 'kb-0043',
    result: {
      type: 'succeeded',
      message: claudeMessage(
        '02',
        {
          input_tokens: 50,
          cache_creation_input_tokens: 3000,
          cache_read_input_tokens: 0,
          cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
          output_tokens: 512,
          service_tier: 'batch',
        },
        'max_tokens',
      ),
    },
  },
  {
    custom_id: 'kb-0042',
    result: {
      type: 'succeeded',
      message: claudeMessage('01', {
        input_tokens: 21,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 4096,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: 377,
        service_tier: 'batch',
      }),
    },
  },
  {
    custom_id: 'kb-0044',
    result: {
      type: 'errored',
      error: {
        type: 'error',
        error: { type: 'invalid_request_error', message: 'text content blocks must be non-empty' },
      },
    },
  },
  { custom_id: 'kb-0045', result: { type: 'expired' } },
]);

// §5 logged OpenAI chat calls: a request/response pair whose prompt_tokens include the cached ones,
// and a stream whose usage is only in the last chunk (include_usage).
const OPENAI_CHAT = jsonl([
  {
    request: {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You route tickets.' },
        { role: 'user', content: 'My order never arrived' },
      ],
      max_tokens: 400,
    },
    response: {
      id: 'chatcmpl-P1',
      object: 'chat.completion',
      created: 1784030400,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Shipping' }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 2048,
        completion_tokens: 120,
        total_tokens: 2168,
        prompt_tokens_details: { cached_tokens: 1536, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    },
  },
  {
    request: {
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Hello' }],
    },
    response: [
      {
        id: 'chatcmpl-S1',
        object: 'chat.completion.chunk',
        created: 1784030460,
        model: 'gpt-4o-mini-2024-07-18',
        choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
        usage: null,
      },
      {
        id: 'chatcmpl-S1',
        object: 'chat.completion.chunk',
        created: 1784030460,
        model: 'gpt-4o-mini-2024-07-18',
        choices: [],
        usage: { prompt_tokens: 900, completion_tokens: 12, total_tokens: 912 },
      },
    ],
  },
]);

// §6 logged Anthropic calls: a pair, and a stream whose message_delta usage is cumulative (the
// last value counts, never the sum) with exclusive input plus cache reads in message_start.
const ANTHROPIC = jsonl([
  {
    request: { model: 'claude-haiku-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Summarise' }] },
    response: {
      ...claudeMessage('A1', {
        input_tokens: 2342,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 612,
        service_tier: 'standard',
      }),
      model: 'claude-haiku-4-5-20251001',
    },
  },
  {
    request: {
      model: 'claude-haiku-4-5',
      max_tokens: 1024,
      stream: true,
      messages: [{ role: 'user', content: 'Triage' }],
    },
    response: [
      {
        type: 'message_start',
        message: {
          id: 'msg_B2',
          type: 'message',
          role: 'assistant',
          model: 'claude-haiku-4-5-20251001',
          content: [],
          usage: { input_tokens: 38, cache_read_input_tokens: 5120, cache_creation_input_tokens: 0, output_tokens: 1 },
        },
      },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'billing' } },
      { type: 'message_delta', delta: { stop_reason: null }, usage: { output_tokens: 200 } },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 410 } },
      { type: 'message_stop' },
    ],
  },
]);

// §3 Helicone: the Anthropic body's usage decides (exclusive input + cache read); a response-cache
// hit made no provider call and costs 0.
const heliconeRow = (id: string, cacheRef: string) => ({
  request_id: id,
  request_created_at: '2026-07-14T10:01:22.118Z',
  response_created_at: '2026-07-14T10:01:24.530Z',
  response_status: 200,
  provider: 'ANTHROPIC',
  request_model: 'claude-sonnet-4-5',
  response_model: 'claude-sonnet-4-5-20250929',
  prompt_tokens: 38,
  prompt_cache_read_tokens: 5120,
  prompt_cache_write_tokens: 0,
  completion_tokens: 410,
  reasoning_tokens: 0,
  total_tokens: 448,
  cost: 0.0078,
  prompt_id: 'triage-classifier',
  cache_reference_id: cacheRef,
  request_body: { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: '…' }] },
  response_body: {
    usage: { input_tokens: 38, cache_read_input_tokens: 5120, cache_creation_input_tokens: 0, output_tokens: 410 },
  },
});
const HELICONE = jsonl([
  heliconeRow('3d0c7a1e-5b2f-4c8d-9e10-2f3a4b5c6d7e', '00000000-0000-0000-0000-000000000000'),
  heliconeRow('4e1d8b2f-6c3a-4d9e-8f21-3a4b5c6d7e8f', '3d0c7a1e-5b2f-4c8d-9e10-2f3a4b5c6d7e'),
]);

// §7 LangSmith runs: inclusive prompt_tokens with the cache read in prompt_token_details, decimal
// costs as text, zone-less times; the chain run above them rolls their tokens up (skipped).
const langsmithRun = (
  id: string,
  runType: string,
  prompt: number,
  cacheRead: number,
  completion: number,
  cost: string,
) => ({
  id: `6b1c0d2e-0000-4000-8000-00000000000${id}`,
  trace_id: '2f9e0d2e-0000-4000-8000-000000000000',
  parent_run_id: runType === 'llm' ? '2f9e0d2e-0000-4000-8000-000000000000' : null,
  run_type: runType,
  name: runType === 'llm' ? 'ChatAnthropic' : 'RunnableSequence',
  start_time: `2026-07-14T14:02:0${id}.130000`,
  end_time: `2026-07-14T14:02:0${id}.870000`,
  status: 'success',
  extra: { metadata: { ls_provider: 'anthropic', ls_model_name: 'claude-haiku-4-5', ls_max_tokens: 1024 } },
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  prompt_token_details: { cache_read: cacheRead, cache_creation: 0 },
  completion_token_details: { reasoning: 0 },
  total_cost: cost,
});
const LANGSMITH = jsonl([
  langsmithRun('1', 'llm', 5244, 5120, 131, '0.001291'),
  langsmithRun('2', 'llm', 1000, 0, 200, '0.002'),
  langsmithRun('3', 'chain', 6244, 5120, 331, '0.003291'),
]);

// §7 Braintrust spans: prompt_tokens include prompt_cached_tokens; a task span has no call.
const braintrustSpan = (id: string, type: string, metrics: object) => ({
  id,
  span_id: `s-${id}`,
  root_span_id: 'a9b27f',
  span_parents: type === 'llm' ? ['b7c81a'] : [],
  created: '2026-07-14T12:00:05.310Z',
  span_attributes: { name: type === 'llm' ? 'Chat Completion' : 'answer-ticket', type },
  metadata: { model: 'gpt-4o', provider: 'openai' },
  metrics: { start: 1784030403.201, end: 1784030405.07, ...metrics },
});
const BRAINTRUST = jsonl([
  braintrustSpan('e1f0', 'llm', {
    prompt_tokens: 3010,
    prompt_cached_tokens: 2816,
    completion_tokens: 142,
    completion_reasoning_tokens: 0,
    tokens: 3152,
  }),
  braintrustSpan('e1f1', 'llm', { prompt_tokens: 1200, completion_tokens: 300, tokens: 1500 }),
  braintrustSpan('e1f2', 'task', {}),
]);

// §7 Phoenix (OpenInference) spans: llm.token_count.* with cache read inside the prompt count and
// reasoning inside the completion count; a CHAIN span is not a call.
const phoenixSpan = (spanId: string, kind: string, attrs: object) => ({
  name: kind === 'LLM' ? 'ChatCompletion' : 'answer',
  context: { trace_id: '0d6f2e91c4b84a7fa1e3b5c7d9f10234', span_id: spanId },
  parent_id: kind === 'LLM' ? '1a2b3c4d5e6f7081' : null,
  span_kind: kind,
  start_time: '2026-07-14T13:05:11.002Z',
  end_time: '2026-07-14T13:05:14.480Z',
  status_code: 'OK',
  attributes: { 'openinference.span.kind': kind, ...attrs },
});
const phoenixLlm = (prompt: number, cacheRead: number, completion: number, reasoning: number) => ({
  'llm.system': 'openai',
  'llm.provider': 'openai',
  'llm.model_name': 'o4-mini-2025-04-16',
  'llm.invocation_parameters': '{"reasoning_effort":"medium","max_completion_tokens":2000}',
  'llm.token_count.prompt': prompt,
  'llm.token_count.prompt_details.cache_read': cacheRead,
  'llm.token_count.completion': completion,
  'llm.token_count.completion_details.reasoning': reasoning,
  'llm.token_count.total': prompt + completion,
});
const PHOENIX = jsonl([
  phoenixSpan('4e5f6a7b8c9d0e1f', 'LLM', phoenixLlm(2210, 1792, 930, 704)),
  phoenixSpan('4e5f6a7b8c9d0e20', 'LLM', phoenixLlm(1000, 0, 100, 0)),
  phoenixSpan('1a2b3c4d5e6f7081', 'CHAIN', { 'llm.token_count.prompt': 3210, 'llm.token_count.completion': 1030 }),
]);

// §8b Bedrock invocation logs: inputTokenCount is exclusive of cache; a Converse call with cache
// reads, an InvokeModel call whose Anthropic body splits the writes 5m/1h; a cross-region model id.
const bedrockLog = (requestId: string, operation: string, input: object, output: object) => ({
  schemaType: 'ModelInvocationLog',
  schemaVersion: '1.0',
  timestamp: '2026-07-14T16:20:44Z',
  accountId: '123456789012',
  identity: { arn: 'arn:aws:sts::123456789012:assumed-role/app-role/worker-3' },
  region: 'us-east-1',
  requestId,
  operation,
  modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  input: { inputContentType: 'application/json', ...input },
  output: { outputContentType: 'application/json', ...output },
});
const BEDROCK = jsonl([
  bedrockLog(
    '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    'Converse',
    { inputTokenCount: 64, cacheReadInputTokenCount: 3072, cacheWriteInputTokenCount: 0 },
    {
      outputTokenCount: 290,
      outputBodyJson: {
        stopReason: 'end_turn',
        usage: { inputTokens: 64, outputTokens: 290, cacheReadInputTokens: 3072, cacheWriteInputTokens: 0 },
      },
    },
  ),
  bedrockLog(
    '7a2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e',
    'InvokeModel',
    { inputTokenCount: 20, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 3000 },
    {
      outputTokenCount: 12,
      outputBodyJson: {
        stop_reason: 'end_turn',
        usage: {
          input_tokens: 20,
          cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
        },
      },
    },
  ),
]);

// §8a Gemini: promptTokenCount includes cachedContentTokenCount; thoughtsTokenCount is outside
// candidatesTokenCount (added to output); a logged stream repeats usage per chunk (the last counts).
const GEMINI = jsonl([
  {
    responseId: 'q3xb8f',
    modelVersion: 'gemini-2.5-flash',
    usageMetadata: {
      promptTokenCount: 8123,
      cachedContentTokenCount: 6144,
      candidatesTokenCount: 312,
      thoughtsTokenCount: 1240,
      totalTokenCount: 9675,
    },
  },
  {
    request: { model: 'gemini-2.5-flash', contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] },
    response: [
      { modelVersion: 'gemini-2.5-flash', usageMetadata: { promptTokenCount: 1000, candidatesTokenCount: 40 } },
      { modelVersion: 'gemini-2.5-flash', usageMetadata: { promptTokenCount: 1000, candidatesTokenCount: 200 } },
    ],
  },
]);

const FEATURES: [id: string, model: string, traffic: string][] = [
  ['anthropic-batch', 'anthropic/claude-sonnet-4-5', '[traffic/kb-results.jsonl, traffic/kb-requests.jsonl]'],
  ['openai-chat', 'openai/gpt-4o-mini', 'traffic/openai-chat.jsonl'],
  ['anthropic', 'anthropic/claude-haiku-4-5', 'traffic/anthropic.jsonl'],
  ['helicone', 'anthropic/claude-sonnet-4-5', 'traffic/helicone.jsonl'],
  ['langsmith', 'anthropic/claude-haiku-4-5', 'traffic/langsmith.jsonl'],
  ['braintrust', 'openai/gpt-4o', 'traffic/braintrust.jsonl'],
  ['phoenix', 'openai/o4-mini', 'traffic/phoenix.jsonl'],
  ['bedrock', 'bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'traffic/bedrock.jsonl'],
  ['gemini', 'google/gemini-2.5-flash', 'traffic/gemini.jsonl'],
];

const repo = makeRepo({
  '.aicost.yml':
    'version: 1\nfeatures:\n' +
    FEATURES.map(
      ([id, , traffic]) =>
        `  ${id}:\n    team: web\n    prompt: prompts/${id}.prompt.yml\n    traffic: ${traffic}\n    requests_per_month: ${REQUESTS}\n`,
    ).join('') +
    'teams:\n  web: {}\n',
  ...Object.fromEntries(
    FEATURES.map(([id, model]) => [
      `prompts/${id}.prompt.yml`,
      `model: ${model}\nmessages:\n  - role: user\n    content: "{{q}}"\n`,
    ]),
  ),
  'traffic/kb-requests.jsonl': ANTHROPIC_BATCH_REQUESTS,
  'traffic/kb-results.jsonl': ANTHROPIC_BATCH_RESULTS,
  'traffic/openai-chat.jsonl': OPENAI_CHAT,
  'traffic/anthropic.jsonl': ANTHROPIC,
  'traffic/helicone.jsonl': HELICONE,
  'traffic/langsmith.jsonl': LANGSMITH,
  'traffic/braintrust.jsonl': BRAINTRUST,
  'traffic/phoenix.jsonl': PHOENIX,
  'traffic/bedrock.jsonl': BEDROCK,
  'traffic/gemini.jsonl': GEMINI,
});

interface Feature {
  id: string;
  monthly: number;
  samples: number;
  prices?: { source: string; entry: string }[];
}

describe('monthly figures of nine importers through the built CLI', () => {
  const r = runCli(['estimate', '--repo', repo, '--format', 'json']);
  const features = (): Map<string, Feature> => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { features: Feature[] };
    return new Map(report.features.map((f) => [f.id, f]));
  };
  const figure = (id: string) => features().get(id)!;

  it('anthropic-batch: results joined to their requests, cache added to input, half price', () => {
    // kb-0042: 21 uncached + 4096 read + 377 out; kb-0043: 50 uncached + 1000 5m writes + 2000 1h
    // writes + 512 out (thinking inside). Errored and expired results are not calls.
    const kb42 =
      micro([
        [21, 3],
        [4096, 0.3],
        [377, 15],
      ]) / 2;
    const kb43 =
      micro([
        [50, 3],
        [1000, 3.75],
        [2000, 6],
        [512, 15],
      ]) / 2;
    expect(kb42).toBeCloseTo(3473.4, 9);
    expect(kb43).toBeCloseTo(11790, 9);
    expect(figure('anthropic-batch').samples).toBe(2);
    expect(figure('anthropic-batch').monthly).toBeCloseTo(monthlyOf([kb42, kb43]), 9); // $7.6317
  });

  it('openai-chat: a pair with cached input and a stream with usage in its last chunk', () => {
    const pair = micro([
      [2048 - 1536, 0.15],
      [1536, 0.075],
      [120, 0.6],
    ]); // 264 µ$
    const stream = micro([
      [900, 0.15],
      [12, 0.6],
    ]); // 142.2 µ$
    expect(pair + stream).toBeCloseTo(406.2, 9);
    expect(figure('openai-chat').monthly).toBeCloseTo(monthlyOf([pair, stream]), 9); // $0.2031
  });

  it('anthropic: a pair and a stream whose cumulative output counts once (410, not 611)', () => {
    const pair = micro([
      [2342, 1],
      [612, 5],
    ]); // 5402 µ$
    const stream = micro([
      [38, 1],
      [5120, 0.1],
      [410, 5],
    ]); // 2600 µ$
    expect(pair + stream).toBeCloseTo(8002, 9);
    expect(figure('anthropic').monthly).toBeCloseTo(monthlyOf([pair, stream]), 9); // $4.001
  });

  it("helicone: the body's exclusive usage, equal to Helicone's own cost; a cache hit at 0", () => {
    const call = micro([
      [38, 3],
      [5120, 0.3],
      [410, 15],
    ]);
    expect(call).toBeCloseTo(0.0078 * 1e6, 9); // the row's `cost`
    expect(figure('helicone').samples).toBe(2);
    expect(figure('helicone').monthly).toBeCloseTo(monthlyOf([call, 0]), 9); // $3.90
  });

  it('langsmith: llm runs with inclusive prompt tokens; the chain run is not counted again', () => {
    const run1 = micro([
      [5244 - 5120, 1],
      [5120, 0.1],
      [131, 5],
    ]);
    expect(run1).toBeCloseTo(0.001291 * 1e6, 9); // the run's total_cost
    const run2 = micro([
      [1000, 1],
      [200, 5],
    ]); // 2000 µ$
    expect(figure('langsmith').samples).toBe(2);
    expect(figure('langsmith').monthly).toBeCloseTo(monthlyOf([run1, run2]), 9); // $1.6455
  });

  it('braintrust: llm spans with cached tokens inside prompt_tokens; the task span skipped', () => {
    const span1 = micro([
      [3010 - 2816, 2.5],
      [2816, 1.25],
      [142, 10],
    ]); // 5425 µ$
    const span2 = micro([
      [1200, 2.5],
      [300, 10],
    ]); // 6000 µ$
    expect(span1 + span2).toBeCloseTo(11425, 9);
    expect(figure('braintrust').monthly).toBeCloseTo(monthlyOf([span1, span2]), 9); // $5.7125
  });

  it('phoenix: LLM spans with reasoning inside the completion count; the CHAIN span skipped', () => {
    const span1 = micro([
      [2210 - 1792, 1.1],
      [1792, 0.275],
      [930, 4.4],
    ]); // 5044.6 µ$
    const span2 = micro([
      [1000, 1.1],
      [100, 4.4],
    ]); // 1540 µ$
    expect(span1 + span2).toBeCloseTo(6584.6, 9);
    expect(figure('phoenix').monthly).toBeCloseTo(monthlyOf([span1, span2]), 9); // $3.2923
  });

  it('bedrock: exclusive inputTokenCount plus cache, the 1 h writes from the Anthropic body', () => {
    const converse = micro([
      [64, 3.3],
      [3072, 0.33],
      [290, 16.5],
    ]); // 6009.96 µ$
    const invoke = micro([
      [20, 3.3],
      [1000, 4.125],
      [2000, 4.125],
      [12, 16.5],
    ]); // 12639 µ$
    expect(converse + invoke).toBeCloseTo(18648.96, 9);
    expect(figure('bedrock').prices?.[0]?.entry).toBe('aws:regional.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(figure('bedrock').monthly).toBeCloseTo(monthlyOf([converse, invoke]), 9); // $9.32448
  });

  it('gemini: thoughts added to candidates, cache inside the prompt, the last stream chunk', () => {
    const response = micro([
      [8123 - 6144, 0.3],
      [6144, 0.03],
      [312 + 1240, 2.5],
    ]); // 4658.02 µ$
    const stream = micro([
      [1000, 0.3],
      [200, 2.5],
    ]); // 800 µ$
    expect(response + stream).toBeCloseTo(5458.02, 9);
    expect(figure('gemini').monthly).toBeCloseTo(monthlyOf([response, stream]), 9); // $2.72901
  });

  it('convert keeps the snapshot that answered as response_model beside the requested model', () => {
    const out = runCli(['traffic', 'convert', join(repo, 'traffic/openai-chat.jsonl')]);
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['model'], l['response_model']])).toEqual([
      ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'],
      ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'],
    ]);
  });

  it('every figure is priced from the catalog named above', () => {
    for (const [id] of FEATURES) expect([id, figure(id).prices?.[0]?.source]).toEqual([id, '@pydantic/genai-prices']);
  });

  it('each export was read by its own importer', () => {
    const sources = FEATURES.map(([id, , traffic]) => [id, traffic.replace(/^\[|\]$/g, '').split(', ')] as const);
    for (const [id, files] of sources) {
      const out = runCli(['traffic', 'inspect', ...files.map((f) => join(repo, f))]);
      expect(out.status).toBe(0);
      expect(out.stdout).toContain(`(${id}), `);
    }
  });
});
