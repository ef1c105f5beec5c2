/**
 * OpenAI Batch files: an input file and its output and error files written for this test after
 * traffic-sources.md §5, with each pitfall: output order differs from input order (joined on
 * custom_id), a Responses body with reasoning and a reusable prompt's variables, embeddings (no
 * output count), n = 2 with one usage, cache_write_tokens (new 2026-07), failed lines in the
 * error file and a 400 without usage, a result whose request is missing.
 */
import { describe, expect, it } from '@jest/globals';
import { openaiBatch } from '../../../src/traffic/import/sources/openai-batch.js';
import { callsOf, joinPairs, linesOf, mapOk, price, reasonOf, records } from './helpers.js';

const INPUT = records(String.raw`
{"custom_id":"tkt-000183","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-mini","max_tokens":300,"messages":[{"role":"system","content":"Summarize the ticket in three bullets."},{"role":"user","content":"Customer reports a double charge on invoice 5521 …"}]}}
{"custom_id":"tkt-000184","method":"POST","url":"/v1/responses","body":{"model":"o4-mini","instructions":"Classify the ticket.","input":"Printer offline since Monday","max_output_tokens":2000,"reasoning":{"effort":"medium"},"prompt":{"id":"pmpt_91","version":"3","variables":{"customer_tier":"gold"}},"metadata":{"feature":"triage"}}}
{"custom_id":"tkt-000185","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-mini","messages":[{"role":"user","content":"…"}]}}
{"custom_id":"tkt-000186","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-mini","messages":[{"role":"user","content":"…"}],"max_tokens":-1}}
{"custom_id":"tkt-000187","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-mini","n":2,"max_tokens":150,"messages":[{"role":"user","content":"Two subject lines for: refund approved"}]}}
{"custom_id":"emb-1","method":"POST","url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":"Printer offline since Monday"}}
`);

const OUTPUT = records(String.raw`
{"id":"batch_req_7b20","custom_id":"tkt-000184","response":{"status_code":200,"request_id":"req_2","body":{"id":"resp_1","object":"response","created_at":1784019700,"model":"o4-mini-2025-04-16","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"usage":{"input_tokens":2210,"input_tokens_details":{"cached_tokens":1792,"cache_write_tokens":256},"output_tokens":2000,"output_tokens_details":{"reasoning_tokens":1500},"total_tokens":4210}}},"error":null}
{"id":"batch_req_6a1f0c","custom_id":"tkt-000183","response":{"status_code":200,"request_id":"req_81c2d9","body":{"id":"chatcmpl-Bx71","object":"chat.completion","created":1784019600,"model":"gpt-4.1-mini-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":"- Double charge on 5521 …"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1342,"completion_tokens":88,"total_tokens":1430,"prompt_tokens_details":{"cached_tokens":1152,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}},"error":null}
{"id":"batch_req_e1","custom_id":"emb-1","response":{"status_code":200,"request_id":"req_3","body":{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.01]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":512,"total_tokens":512}}},"error":null}
{"id":"batch_req_c4","custom_id":"tkt-000186","response":{"status_code":400,"request_id":"req_4","body":{"error":{"message":"max_tokens must be positive","type":"invalid_request_error"}}},"error":null}
{"id":"batch_req_n2","custom_id":"tkt-000187","response":{"status_code":200,"request_id":"req_5","body":{"id":"chatcmpl-n2","object":"chat.completion","created":1784019800,"model":"gpt-4.1-mini-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":"Refund approved"},"finish_reason":"stop"},{"index":1,"message":{"role":"assistant","content":"Your refund is on its way"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3000,"completion_tokens":200,"total_tokens":3200}}},"error":null}
{"id":"batch_req_lone","custom_id":"tkt-000999","response":{"status_code":200,"request_id":"req_9","body":{"id":"chatcmpl-l","object":"chat.completion","created":1784019900,"model":"gpt-4.1-mini-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"length"}],"usage":{"prompt_tokens":90,"completion_tokens":10,"total_tokens":100}}},"error":null}
`);

const ERRORS = records(String.raw`
{"id":"batch_req_f1","custom_id":"tkt-000185","response":null,"error":{"code":"context_length_exceeded","message":"This model's maximum context length is …"}}
`);

const joined = () => joinPairs(openaiBatch, [...INPUT, ...OUTPUT, ...ERRORS]);

describe('openai-batch importer', () => {
  it('joins each output line with its request on custom_id, whatever the order', () => {
    const byId = new Map(linesOf(openaiBatch, joined()).map((l) => [l['id'], l]));
    expect(byId.get('tkt-000183')).toEqual({
      id: 'tkt-000183',
      ts: '2026-07-14T09:00:00.000Z',
      source: 'openai-batch',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      response_model: 'gpt-4.1-mini-2025-04-14',
      api: 'chat',
      messages: [
        { role: 'system', content: 'Summarize the ticket in three bullets.' },
        { role: 'user', content: 'Customer reports a double charge on invoice 5521 …' },
      ],
      params: { max_tokens: 300 },
      usage: { input_tokens: 1342, cache_read_tokens: 1152, output_tokens: 88 },
      finish_reason: 'stop',
      status: 'ok',
      tier: 'batch',
    });
    expect(byId.get('tkt-000184')).toEqual({
      id: 'tkt-000184',
      ts: '2026-07-14T09:01:40.000Z',
      source: 'openai-batch',
      provider: 'openai',
      model: 'o4-mini',
      response_model: 'o4-mini-2025-04-16',
      api: 'responses',
      vars: { customer_tier: 'gold' },
      messages: [
        { role: 'system', content: 'Classify the ticket.' },
        { role: 'user', content: 'Printer offline since Monday' },
      ],
      params: { max_output_tokens: 2000, reasoning_effort: 'medium' },
      usage: {
        input_tokens: 2210,
        cache_read_tokens: 1792,
        cache_write_tokens: 256,
        output_tokens: 2000,
        reasoning_tokens: 1500,
      },
      finish_reason: 'length',
      status: 'ok',
      tier: 'batch',
    });
    // n = 2: one usage for both choices, on one line; n recorded.
    expect(byId.get('tkt-000187')!['params']).toEqual({ max_tokens: 150, n: 2 });
    expect(byId.get('tkt-000187')!['usage']).toEqual({ input_tokens: 3000, output_tokens: 200 });
    // Embeddings report no output count.
    expect(byId.get('emb-1')).toMatchObject({
      api: 'embeddings',
      model: 'text-embedding-3-small',
      usage: { input_tokens: 512, output_tokens: 0 },
    });
    // A result whose request is not in the files still gives usage.
    expect(byId.get('tkt-000999')).toEqual({
      id: 'tkt-000999',
      ts: '2026-07-14T09:05:00.000Z',
      source: 'openai-batch',
      provider: 'openai',
      model: 'gpt-4.1-mini-2025-04-14',
      api: 'chat',
      usage: { input_tokens: 90, output_tokens: 10 },
      finish_reason: 'length',
      status: 'ok',
      tier: 'batch',
    });
    expect(byId.size).toBe(5);
  });

  it('gives where: the code model and the request metadata', () => {
    const call = callsOf(openaiBatch, joined()).find((c) => c.line['id'] === 'tkt-000184')!;
    expect(call.fields['request_model']).toBe('o4-mini');
    expect(call.fields['model']).toBe('o4-mini');
    expect(call.fields['response_model']).toBe('o4-mini-2025-04-16');
    expect(call.fields['metadata.feature']).toBe('triage');
    expect(call.fields['custom_id']).toBe('tkt-000184');
  });

  it('skips failed requests (not billed) with their error, and request lines yield nothing', () => {
    const [failed, bad400] = [ERRORS[0], OUTPUT[3]].map((r) => mapOk(openaiBatch, r));
    expect(failed!.skipped).toEqual([
      { reason: 'batch request failed with context_length_exceeded (error file): not billed', count: 1 },
    ]);
    expect(bad400!.skipped).toEqual([
      { reason: 'batch request failed with HTTP 400 and no usage: not billed', count: 1 },
    ]);
    expect(mapOk(openaiBatch, INPUT[0])).toEqual({ ok: true, calls: [] });
  });

  it('refuses a result with bad usage, naming the field', () => {
    const bad = JSON.parse(JSON.stringify(OUTPUT[1])) as { response: { body: { usage: Record<string, unknown> } } };
    bad.response.body.usage['prompt_tokens'] = '1,342';
    expect(reasonOf(openaiBatch, bad)).toBe(
      'response.body.usage.prompt_tokens must be a whole number ≥ 0 (found "1,342")',
    );
    const noUsage = JSON.parse(JSON.stringify(OUTPUT[1])) as { response: { body: Record<string, unknown> } };
    delete noUsage.response.body['usage'];
    delete noUsage.response.body['object'];
    expect(reasonOf(openaiBatch, noUsage)).toBe('response.body has no usage (response.body.usage)');
  });

  it('prices the gpt-4.1-mini chat results at the batch tier by hand', async () => {
    const lines = linesOf(openaiBatch, joined()).filter((l) => l['id'] === 'tkt-000183' || l['id'] === 'tkt-000187');
    // Usage only: the recorded messages would be re-rendered against the test prompt.
    for (const l of lines) delete l['messages'];
    const f = await price(lines, 'openai/gpt-4.1-mini', 50_000);
    // Batch = half of $0.40 input, $0.10 cached, $1.60 output per 1M tokens:
    // tkt-000183: 190 × 0.20 + 1152 × 0.05 + 88 × 0.80 = 166.0 µ$; tkt-000187: 3000 × 0.20 + 200 × 0.80 = 760.0 µ$.
    expect(f.per_request.mean).toBeCloseTo((166 + 760) / 2 / 1e6, 12);
    expect(f.monthly).toBeCloseTo(23.15, 6);
  });
});
