/**
 * Anthropic Message Batches: submitted requests and a results file written for this test after
 * traffic-sources.md §6, with each pitfall: exclusive input_tokens (cache added), 5m/1h write
 * split and its absence, thinking tokens inside output, no timestamp per line, errored and
 * expired results (not billed), a result whose request is missing.
 */
import { describe, expect, it } from '@jest/globals';
import { anthropicBatch } from '../../../src/traffic/import/sources/anthropic-batch.js';
import { callsOf, joinPairs, linesOf, mapOk, reasonOf, records } from './helpers.js';

const REQUESTS = records(String.raw`
{"custom_id":"kb-0042","params":{"model":"claude-sonnet-4-5","max_tokens":1024,"system":[{"type":"text","text":"You answer from the KB.","cache_control":{"type":"ephemeral"}}],"messages":[{"role":"user","content":"How do I reset the router?"}],"metadata":{"user_id":"cust-88"}}}
{"custom_id":"kb-0043","params":{"model":"claude-sonnet-4-5","max_tokens":512,"thinking":{"type":"enabled","budget_tokens":400},"messages":[{"role":"user","content":[{"type":"text","text":"Compare plan A and B"}]}]}}
{"custom_id":"kb-0044","params":{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"…"}]}}
{"custom_id":"kb-0045","params":{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"…"}]}}
`);

const RESULTS = records(String.raw`
{"custom_id":"kb-0043","result":{"type":"succeeded","message":{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"Plan A …"}],"stop_reason":"max_tokens","usage":{"input_tokens":50,"cache_creation_input_tokens":3000,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":1000,"ephemeral_1h_input_tokens":2000},"output_tokens":512,"output_tokens_details":{"thinking_tokens":400},"service_tier":"batch"}}}}
{"custom_id":"kb-0042","result":{"type":"succeeded","message":{"id":"msg_01HqR7","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"Reset the router by …"}],"stop_reason":"end_turn","usage":{"input_tokens":21,"cache_creation_input_tokens":0,"cache_read_input_tokens":4096,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":377,"service_tier":"batch"}}}}
{"custom_id":"kb-0044","result":{"type":"errored","error":{"type":"error","error":{"type":"invalid_request_error","message":"messages: text content blocks must be non-empty"}}}}
{"custom_id":"kb-0045","result":{"type":"expired"}}
{"custom_id":"kb-0046","result":{"type":"succeeded","message":{"id":"msg_03","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001","content":[],"stop_reason":"end_turn","usage":{"input_tokens":10,"cache_creation_input_tokens":500,"cache_read_input_tokens":0,"output_tokens":5}}}}
`);

const joined = () => joinPairs(anthropicBatch, [...REQUESTS, ...RESULTS]);

describe('anthropic-batch importer', () => {
  it('adds cache reads to the exclusive input and joins the submitted params on custom_id', () => {
    const lines = new Map(linesOf(anthropicBatch, joined()).map((l) => [l['id'], l]));
    expect(lines.get('kb-0042')).toEqual({
      id: 'kb-0042',
      source: 'anthropic-batch',
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      response_model: 'claude-sonnet-4-5-20250929',
      api: 'messages',
      messages: [
        {
          role: 'system',
          content: [{ type: 'text', text: 'You answer from the KB.', cache_control: { type: 'ephemeral' } }],
        },
        { role: 'user', content: 'How do I reset the router?' },
      ],
      params: { max_tokens: 1024 },
      // 21 + 4096.
      usage: { input_tokens: 4117, cache_read_tokens: 4096, output_tokens: 377 },
      finish_reason: 'end_turn',
      status: 'ok',
      tier: 'batch',
      user: 'cust-88',
    });
    // 50 + 1000 (5m) + 2000 (1h); thinking is part of output.
    expect(lines.get('kb-0043')!['usage']).toEqual({
      input_tokens: 3050,
      cache_write_tokens: 1000,
      cache_write_1h_tokens: 2000,
      output_tokens: 512,
      reasoning_tokens: 400,
    });
    expect(lines.get('kb-0043')!['finish_reason']).toBe('max_tokens');
    // No breakdown: all of cache_creation_input_tokens are 5-minute writes. No request: usage only.
    expect(lines.get('kb-0046')).toEqual({
      id: 'kb-0046',
      source: 'anthropic-batch',
      provider: 'anthropic',
      model: 'claude-haiku-4-5-20251001',
      api: 'messages',
      usage: { input_tokens: 510, cache_write_tokens: 500, output_tokens: 5 },
      finish_reason: 'end_turn',
      status: 'ok',
      tier: 'batch',
    });
    expect(lines.size).toBe(3);
  });

  it('gives where: the params model and the custom_id', () => {
    const call = callsOf(anthropicBatch, joined()).find((c) => c.line['id'] === 'kb-0042')!;
    expect(call.fields['request_model']).toBe('claude-sonnet-4-5');
    expect(call.fields['custom_id']).toBe('kb-0042');
    expect(call.fields['user']).toBe('cust-88');
  });

  it('skips errored and expired results (not billed); request lines yield nothing', () => {
    expect(mapOk(anthropicBatch, RESULTS[2]).skipped).toEqual([
      { reason: 'batch result errored: not billed', count: 1 },
    ]);
    expect(mapOk(anthropicBatch, RESULTS[3]).skipped).toEqual([
      { reason: 'batch result expired: not billed', count: 1 },
    ]);
    expect(mapOk(anthropicBatch, REQUESTS[0])).toEqual({ ok: true, calls: [] });
  });

  it('refuses a write split that disagrees with its total, and a bad count, naming the field', () => {
    const bad = JSON.parse(JSON.stringify(RESULTS[0])) as {
      result: { message: { usage: Record<string, unknown> } };
    };
    bad.result.message.usage['cache_creation_input_tokens'] = 2500;
    expect(reasonOf(anthropicBatch, bad)).toBe(
      'result.message.usage.cache_creation splits 3000 tokens but cache_creation_input_tokens is 2500',
    );
    bad.result.message.usage['output_tokens'] = -1;
    expect(reasonOf(anthropicBatch, bad)).toBe(
      'result.message.usage.output_tokens must be a whole number ≥ 0 (found -1)',
    );
  });
});
