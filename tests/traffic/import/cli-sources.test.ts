/**
 * Langfuse (API JSON page and UI CSV export), LiteLLM spend logs and OpenAI batch files (input and
 * output files joined on custom_id) through the real reader: the built CLI, auto-detection, on
 * files written here. `aicost traffic inspect` shows the tokens read; `aicost estimate` on a git
 * repository prices them, and each feature's monthly figure is worked out by hand below.
 *
 * gpt-4.1-mini (openai.com/api/pricing): $0.40 input, $0.10 cached input, $1.60 output per 1M
 * tokens; the batch tier is half of that.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { makeRepo, runCli } from '../../helpers/run.js';

const P = { input: 0.4e-6, cached: 0.1e-6, output: 1.6e-6 };
const cost = (input: number, cached: number, output: number) =>
  (input - cached) * P.input + cached * P.cached + output * P.output;

// Langfuse API v2 page: usageDetails are exclusive buckets (412 uncached + 1536 cached); an AGENT
// observation repeats its child's usage and is skipped.
const LANGFUSE_PAGE = JSON.stringify({
  data: [
    {
      id: 'obs_1',
      traceId: 't1',
      type: 'GENERATION',
      name: 'summarize-ticket',
      startTime: '2026-07-14T09:12:03.412Z',
      providedModelName: 'gpt-4.1-mini',
      usageDetails: { input: 412, input_cached_tokens: 1536, output: 96, total: 2044 },
      promptName: 'ticket-summary',
    },
    {
      id: 'obs_0',
      traceId: 't1',
      type: 'AGENT',
      name: 'support-agent',
      startTime: '2026-07-14T09:12:03.100Z',
      usageDetails: { input: 412, input_cached_tokens: 1536, output: 96 },
    },
    {
      id: 'obs_2',
      traceId: 't2',
      type: 'GENERATION',
      name: 'summarize-ticket',
      startTime: '2026-07-15T10:00:00.000Z',
      providedModelName: 'gpt-4.1-mini',
      usageDetails: { input: 1000, output: 50 },
      promptName: 'ticket-summary',
    },
  ],
  meta: { cursor: null },
});

// The same two generations as the UI's CSV export: JSON text in quoted fields (doubled quotes),
// a message with a comma and a line break, CRLF row ends and a BOM.
const LANGFUSE_CSV =
  '\uFEFFid,traceId,type,startTime,model,usageDetails,input,promptName\r\n' +
  'obs_1,t1,GENERATION,2026-07-14 09:12:03.412,gpt-4.1-mini,"{""input"":412,""input_cached_tokens"":1536,""output"":96}","[{""role"":""user"",""content"":""Hi, my invoice\r\nis wrong""}]",ticket-summary\r\n' +
  'obs_2,t2,GENERATION,2026-07-15 10:00:00.000,gpt-4.1-mini,"{""input"":1000,""output"":50}",,ticket-summary\r\n';

// LiteLLM /spend/logs/v2 rows: cache counts only in metadata.usage_object; a response-cache hit
// costs 0; another model_group is not this feature's.
const litellmRow = (id: string, group: string, prompt: number, cached: number, completion: number, hit = false) =>
  JSON.stringify({
    request_id: id,
    call_type: 'acompletion',
    spend: 0,
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    startTime: '2026-07-14T11:20:05.101000',
    model: 'openai/gpt-4.1-mini',
    model_group: group,
    custom_llm_provider: 'openai',
    cache_hit: hit ? 'True' : 'False',
    status: 'success',
    metadata: {
      usage_object: {
        prompt_tokens: prompt,
        completion_tokens: completion,
        prompt_tokens_details: { cached_tokens: cached },
      },
    },
  });
const LITELLM =
  [
    litellmRow('c1', 'fast-chat', 2000, 1000, 100),
    litellmRow('c2', 'fast-chat', 2000, 0, 100, true),
    litellmRow('c3', 'fast-chat', 500, 0, 50),
    litellmRow('c4', 'agent-large', 90000, 0, 5000),
  ].join('\n') + '\n';

// OpenAI batch: the input file, and the output file in another order; metadata is only in the input.
const BATCH_IN =
  [
    { custom_id: 'r1', body: { messages: [{ role: 'user', content: 'Where is invoice 5521?' }] } },
    { custom_id: 'r2', body: { messages: [{ role: 'user', content: 'Reset my password' }] } },
  ]
    .map(({ custom_id, body }) =>
      JSON.stringify({
        custom_id,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4.1-mini', max_tokens: 300, metadata: { feature: 'faq' }, ...body },
      }),
    )
    .join('\n') + '\n';
const batchOut = (id: string, created: number, prompt: number, completion: number) =>
  JSON.stringify({
    id: `b_${id}`,
    custom_id: id,
    response: {
      status_code: 200,
      body: {
        id: `c_${id}`,
        object: 'chat.completion',
        created,
        model: 'gpt-4.1-mini-2025-04-14',
        choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
      },
    },
    error: null,
  });
const BATCH_OUT = [batchOut('r2', 1784019700, 3000, 100), batchOut('r1', 1784019600, 1000, 300)].join('\n') + '\n';

const PROMPT = `model: openai/gpt-4.1-mini
modelParameters:
  maxTokens: 300
messages:
  - role: user
    content: "{{q}}"
`;

const feature = (traffic: string) => `    team: web
    prompt: prompts/p.prompt.yml
    traffic: ${traffic}
    requests_per_month: 1000
`;

const repo = makeRepo({
  '.aicost.yml': `version: 1
features:
  lf-page:
${feature('traffic/langfuse-page.json')}  lf-csv:
${feature('traffic/langfuse.csv')}  chat:
${feature('{ path: traffic/spend-logs.jsonl, where: { model_group: fast-chat } }')}  batch:
${feature('[traffic/batch-input.jsonl, traffic/batch-output.jsonl]')}teams:
  web: {}
`,
  'prompts/p.prompt.yml': PROMPT,
  'traffic/langfuse-page.json': LANGFUSE_PAGE,
  'traffic/langfuse.csv': LANGFUSE_CSV,
  'traffic/spend-logs.jsonl': LITELLM,
  'traffic/batch-input.jsonl': BATCH_IN,
  'traffic/batch-output.jsonl': BATCH_OUT,
});
const at = (f: string) => join(repo, 'traffic', f);

function inspect(...args: string[]): string {
  const r = runCli(['traffic', 'inspect', ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('importers through the built CLI', () => {
  it('inspect: a Langfuse API page and its CSV export read the same calls, detected by themselves', () => {
    // Input 412 + 1536 = 1948 and 1000; cache read 1536; output 96 + 50.
    const tokens = 'tokens: input 2,948 (cache read 1,536, cache write 0), output 146 (reasoning 0)';
    const page = inspect(at('langfuse-page.json'));
    expect(page).toContain(`${at('langfuse-page.json')}: Langfuse`);
    expect(page).toContain('calls: 2\nmodels: gpt-4.1-mini (2)\n');
    expect(page).toContain(tokens);
    expect(page).toMatch(/skipped: 1 /);
    const csv = inspect(at('langfuse.csv'));
    expect(csv).toMatch(
      new RegExp(`${at('langfuse.csv').replace(/[.]/g, '\\.')}: Langfuse.*, 2 records, 0 unreadable`),
    );
    expect(csv).toContain('calls: 2\nmodels: gpt-4.1-mini (2)\n');
    expect(csv).toContain('dates: 2026-07-14T09:12:03.412Z to 2026-07-15T10:00:00.000Z');
    expect(csv).toContain(tokens);
  });

  it('inspect: LiteLLM rows selected by model_group, cache read from usage_object', () => {
    const out = inspect('--where', 'model_group=fast-chat', at('spend-logs.jsonl'));
    expect(out).toContain('calls: 3\n');
    // 2000 + 500 input, 1000 cached, 150 output: the cache hit is a call, but no tokens were billed.
    expect(out).toContain('tokens: input 2,500 (cache read 1,000, cache write 0), output 150 (reasoning 0)');
  });

  it('inspect: a batch output file finds its requests in the input file (given in either order)', () => {
    for (const files of [
      [at('batch-input.jsonl'), at('batch-output.jsonl')],
      [at('batch-output.jsonl'), at('batch-input.jsonl')],
    ]) {
      // metadata.feature is only in the input file: it selects the results only when joined.
      const out = inspect('--where', 'metadata.feature=faq', ...files);
      expect(out).toContain('calls: 2\nmodels: gpt-4.1-mini (2)\n');
      expect(out).toContain('tokens: input 4,000 (cache read 0, cache write 0), output 400 (reasoning 0)');
    }
  });

  it('estimate: the monthly figure of each source, worked out by hand', () => {
    const r = runCli(['estimate', '--repo', repo, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { features: { id: string; monthly: number; samples: number }[] };
    const monthly = Object.fromEntries(report.features.map((f) => [f.id, f.monthly]));
    // Langfuse: (1948 in, 1536 cached, 96 out) and (1000 in, 50 out), mean × 1,000 requests = $0.476.
    const langfuse = ((cost(1948, 1536, 96) + cost(1000, 0, 50)) / 2) * 1000;
    expect(langfuse).toBeCloseTo(0.476, 10);
    expect(monthly['lf-page']).toBeCloseTo(langfuse, 10);
    expect(monthly['lf-csv']).toBeCloseTo(langfuse, 10);
    // LiteLLM: three fast-chat requests, the cache hit one that cost $0: (2000 in, 1000 cached,
    // 100 out), 0, (500 in, 50 out): (0.00066 + 0 + 0.00028) / 3 × 1,000 = $0.3133.
    const litellm = ((cost(2000, 1000, 100) + 0 + cost(500, 0, 50)) / 3) * 1000;
    expect(litellm).toBeCloseTo(0.94 / 3, 10);
    expect(monthly['chat']).toBeCloseTo(litellm, 10);
    // Batch: (1000 in, 300 out) and (3000 in, 100 out) at half price = $0.56.
    const batch = ((cost(1000, 0, 300) + cost(3000, 0, 100)) / 2 / 2) * 1000;
    expect(batch).toBeCloseTo(0.56, 10);
    expect(monthly['batch']).toBeCloseTo(batch, 10);
  });
});
