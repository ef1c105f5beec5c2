/**
 * LiteLLM spend logs: rows of /spend/logs/v2 and /spend/logs and a StandardLoggingPayload, written
 * for this test after traffic-sources.md §4, with each pitfall: cache counts only inside
 * metadata.usage_object (also as JSON text), the real BerriAI/litellm#11364 row, a response-cache
 * hit, model_group vs model, request_tags as JSON text, epoch-second payload times.
 */
import { describe, expect, it } from '@jest/globals';
import { litellm } from '../../../src/traffic/import/sources/litellm.js';
import { callsOf, linesOf, mapOk, price, reasonOf, records } from './helpers.js';

const EXPORT = records(String.raw`
{"request_id":"chatcmpl-9c1e4b7a","call_type":"acompletion","api_key":"88dc41","spend":0.00224,"total_tokens":7120,"prompt_tokens":6900,"completion_tokens":220,"startTime":"2026-07-14T11:20:05.101000","endTime":"2026-07-14T11:20:07.904000","model":"anthropic/claude-haiku-4-5","model_group":"fast-chat","custom_llm_provider":"anthropic","cache_hit":"False","session_id":"a0c4f2e1","status":"success","request_tags":["feature:faq"],"metadata":{"user_api_key_team_alias":"support","usage_object":{"prompt_tokens":6900,"completion_tokens":220,"total_tokens":7120,"cache_read_input_tokens":6400,"cache_creation_input_tokens":0,"prompt_tokens_details":{"cached_tokens":6400},"completion_tokens_details":{"reasoning_tokens":0}}},"messages":{},"response":{}}
{"request_id":"chatcmpl-11364","call_type":"acompletion","spend":0.21836925,"total_tokens":103925,"prompt_tokens":98805,"completion_tokens":5120,"startTime":"2026-07-14T11:25:00","model":"anthropic/claude-sonnet-4-5","model_group":"agent-large","custom_llm_provider":"anthropic","cache_hit":"False","session_id":null,"status":"success","request_tags":"[\"feature:agent\"]","metadata":"{\"usage_object\":{\"prompt_tokens\":98805,\"completion_tokens\":5120,\"cache_read_input_tokens\":66360,\"cache_creation_input_tokens\":32435,\"completion_tokens_details\":{\"reasoning_tokens\":1710}}}","messages":{},"response":{}}
{"request_id":"chatcmpl-hit01","call_type":"acompletion","spend":0.0,"total_tokens":7120,"prompt_tokens":6900,"completion_tokens":220,"startTime":"2026-07-14T11:30:00.000000","model":"anthropic/claude-haiku-4-5","model_group":"fast-chat","custom_llm_provider":"anthropic","cache_hit":"True","status":"success","request_tags":["feature:faq"],"metadata":{"usage_object":{"prompt_tokens":6900,"completion_tokens":220}},"messages":[{"role":"user","content":"How do I reset my password?"}]}
{"request_id":"chatcmpl-f41","call_type":"acompletion","spend":0.0,"total_tokens":1210,"prompt_tokens":1210,"completion_tokens":0,"startTime":"2026-07-14 11:40:00","model":"openai/gpt-4o-mini","model_group":"fast-chat","custom_llm_provider":"openai","cache_hit":"False","status":"failure","end_user":"cust-7","request_tags":["feature:faq"],"metadata":{},"messages":[{"role":"system","content":"Answer briefly."},{"role":"user","content":"Where is my invoice?"}],"proxy_server_request":{"model":"fast-chat","max_tokens":512,"messages":[{"role":"system","content":"Answer briefly."},{"role":"user","content":"Where is my invoice?"}]},"response":{}}
`);

describe('litellm importer: spend log rows', () => {
  it('reads a /spend/logs/v2 row: model billed, model_group for where, cache from usage_object', () => {
    const [call] = callsOf(litellm, [EXPORT[0]]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: 'chatcmpl-9c1e4b7a',
      ts: '2026-07-14T11:20:05.101Z',
      source: 'litellm',
      provider: 'anthropic',
      model: 'anthropic/claude-haiku-4-5',
      api: 'chat',
      trace_id: 'a0c4f2e1',
      usage: { input_tokens: 6900, cache_read_tokens: 6400, output_tokens: 220 },
      cost_usd: 0.00224,
      status: 'ok',
    });
    expect(call!.fields['model_group']).toBe('fast-chat');
    expect(call!.fields['request_tags']).toEqual(['feature:faq']);
    expect(call!.fields['metadata.user_api_key_team_alias']).toBe('support');
    expect(call!.fields['model']).toBe('anthropic/claude-haiku-4-5');
  });

  it('reads the BerriAI/litellm#11364 row with metadata and tags as JSON text', () => {
    const [call] = callsOf(litellm, [EXPORT[1]]);
    // 98805 = 66360 read + 32435 write + 10; 5120 output includes 1710 reasoning.
    expect(call!.line['usage']).toEqual({
      input_tokens: 98805,
      cache_read_tokens: 66360,
      cache_write_tokens: 32435,
      output_tokens: 5120,
      reasoning_tokens: 1710,
    });
    expect(call!.line['ts']).toBe('2026-07-14T11:25:00.000Z');
    expect(call!.line['trace_id']).toBeUndefined();
    expect(call!.fields['request_tags']).toEqual(['feature:agent']);
    expect(call!.fields['model_group']).toBe('agent-large');
  });

  it('prices a response-cache hit at 0 (no provider call) and says so', () => {
    const r = mapOk(litellm, EXPORT[2]);
    expect(JSON.parse(JSON.stringify(r.calls[0]!.line))).toEqual({
      id: 'chatcmpl-hit01',
      ts: '2026-07-14T11:30:00.000Z',
      source: 'litellm',
      provider: 'anthropic',
      model: 'anthropic/claude-haiku-4-5',
      api: 'chat',
      usage: { input_tokens: 0, output_tokens: 0 },
      cost_usd: 0,
      status: 'ok',
    });
    expect(r.calls[0]!.fields['cache_hit']).toBe('True');
    expect(r.notes).toEqual([{ reason: 'litellm: response-cache hit (no provider call): priced at 0', count: 1 }]);
  });

  it('keeps stored prompts, request params, the end user and failures (errors still cost input)', () => {
    expect(linesOf(litellm, [EXPORT[3]])[0]).toEqual({
      id: 'chatcmpl-f41',
      ts: '2026-07-14T11:40:00.000Z',
      source: 'litellm',
      provider: 'openai',
      model: 'openai/gpt-4o-mini',
      api: 'chat',
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Where is my invoice?' },
      ],
      params: { max_tokens: 512 },
      usage: { input_tokens: 1210, output_tokens: 0 },
      cost_usd: 0,
      status: 'error',
      user: 'cust-7',
    });
  });

  it('adds cache tokens to a prompt_tokens written exclusive of them, with a note', () => {
    const row = {
      ...(EXPORT[0] as object),
      prompt_tokens: 500,
      metadata: { usage_object: { cache_read_input_tokens: 6400 } },
    };
    const r = mapOk(litellm, row);
    expect(r.calls[0]!.line['usage']).toEqual({ input_tokens: 6900, cache_read_tokens: 6400, output_tokens: 220 });
    expect(r.notes?.[0]?.reason).toBe(
      'litellm: input smaller than its cache tokens (written exclusive of the cache): the cache tokens were added',
    );
  });
});

describe('litellm importer: StandardLoggingPayload (S3/GCS callbacks)', () => {
  it('reads epoch-second times, response_cost and model_parameters; trace_id (retries) is not a trace', () => {
    const payload = {
      id: 'chatcmpl-p1',
      trace_id: 'retry-group-1',
      call_type: 'acompletion',
      stream: true,
      response_cost: 0.00224,
      status: 'success',
      custom_llm_provider: 'anthropic',
      total_tokens: 7120,
      prompt_tokens: 6900,
      completion_tokens: 220,
      startTime: 1784028005.101,
      endTime: 1784028007.904,
      model: 'claude-haiku-4-5',
      model_group: 'fast-chat',
      cache_hit: false,
      metadata: { usage_object: { cache_read_input_tokens: 6400 }, user_api_key_user_id: 'u-12' },
      messages: [{ role: 'user', content: 'Reset my router' }],
      model_parameters: { max_tokens: 256, temperature: 0 },
      request_tags: [],
    };
    expect(litellm.detect(payload)).toBe(true);
    expect(linesOf(litellm, [payload])[0]).toEqual({
      id: 'chatcmpl-p1',
      ts: '2026-07-14T11:20:05.101Z',
      source: 'litellm',
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      api: 'chat',
      messages: [{ role: 'user', content: 'Reset my router' }],
      params: { max_tokens: 256, temperature: 0 },
      usage: { input_tokens: 6900, cache_read_tokens: 6400, output_tokens: 220 },
      cost_usd: 0.00224,
      status: 'ok',
      user: 'u-12',
    });
  });
});

describe('litellm importer: bad records', () => {
  it('names the field at fault', () => {
    const row = EXPORT[0] as Record<string, unknown>;
    expect(reasonOf(litellm, { ...row, prompt_tokens: 'many' })).toBe(
      'prompt_tokens must be a whole number ≥ 0 (found "many")',
    );
    expect(reasonOf(litellm, { ...row, completion_tokens: null, prompt_tokens: null })).toBe(
      'completion_tokens is missing',
    );
    expect(reasonOf(litellm, { ...row, spend: -1 })).toBe('spend must be a cost in USD ≥ 0 (found -1)');
    expect(reasonOf(litellm, { ...row, metadata: { usage_object: { cache_read_input_tokens: 1.5 } } })).toBe(
      'metadata.usage_object.cache_read_input_tokens must be a whole number ≥ 0 (found 1.5)',
    );
    expect(reasonOf(litellm, { ...row, startTime: '14/07/2026' })).toMatch(/^startTime must be an ISO 8601 time/);
  });

  it('drops __proto__ keys from fields and messages', () => {
    const rec = JSON.parse(
      '{"request_id":"x","call_type":"acompletion","spend":0,"prompt_tokens":10,"completion_tokens":1,"model":"gpt-4o-mini","model_group":"g","metadata":{"__proto__":{"admin":true},"feature":"faq"},"messages":[{"role":"user","content":"hi","__proto__":{"x":1}}]}',
    ) as unknown;
    const [call] = callsOf(litellm, [rec]);
    expect(call!.fields['metadata.feature']).toBe('faq');
    expect(Object.keys(call!.fields).some((k) => k.includes('__proto__'))).toBe(false);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });
});

describe('litellm importer: priced', () => {
  it('prices the fast-chat rows on claude-haiku-4-5 by hand, the cache hit at 0', async () => {
    const lines = linesOf(litellm, [EXPORT[0], EXPORT[2]]);
    const f = await price(lines, 'anthropic/claude-haiku-4-5', 10_000);
    // claude-haiku-4-5: $1 input, $0.10 cache read, $5 output per 1M tokens.
    // Row 1: 500 × 1 + 6400 × 0.10 + 220 × 5 = 2240 µ$ (= LiteLLM's spend); the cache hit: 0.
    expect(f.per_request.mean).toBeCloseTo(2240e-6 / 2, 12);
    expect(f.monthly).toBeCloseTo(11.2, 6);
  });
});
