/**
 * Helicone export lines written for this test after traffic-sources.md §3, with each pitfall:
 * provider-native counts (Anthropic exclusive, OpenAI inclusive), bodies absent without
 * --include-body, reasoning outside completion_tokens, a Helicone cache hit, a stream logged
 * without usage (-1), the 12-column CSV export.
 */
import { describe, expect, it } from '@jest/globals';
import { helicone, heliconeCsv } from '../../../src/traffic/import/sources/helicone.js';
import { EXAMPLES } from './examples.js';
import { callsOf, linesOf, mapOk, reasonOf } from './helpers.js';

const ROW = EXAMPLES.helicone[0] as Record<string, unknown>;
const withoutBodies = (o: Record<string, unknown>) => {
  const { request_body: _req, response_body: _res, ...rest } = o;
  return rest;
};

describe('helicone importer', () => {
  it('reads the reference line: the Anthropic body usage (exclusive input) decides the counts', () => {
    const [call] = callsOf(helicone, [ROW]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: '3d0c7a1e-5b2f-4c8d-9e10-2f3a4b5c6d7e',
      ts: '2026-07-14T10:01:22.118Z',
      source: 'helicone',
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      response_model: 'claude-sonnet-4-5-20250929',
      api: 'messages',
      trace_id: 'run-77',
      messages: [
        { role: 'system', content: [{ type: 'text', text: '…', cache_control: { type: 'ephemeral' } }] },
        { role: 'user', content: '…' },
      ],
      params: { max_tokens: 1024 },
      // 38 + 5120 (Anthropic input_tokens excludes cache).
      usage: { input_tokens: 5158, cache_read_tokens: 5120, output_tokens: 410 },
      cost_usd: 0.0078,
      status: 'ok',
    });
    expect(call!.fields['request_model']).toBe('claude-sonnet-4-5');
    expect(call!.fields['prompt_id']).toBe('triage-classifier');
    expect(call!.fields['request_properties.Helicone-Session-Path']).toBe('/triage/classify');
  });

  it('falls back to the columns without bodies, with the provider rule', () => {
    expect(linesOf(helicone, [withoutBodies(ROW)])[0]!['usage']).toEqual({
      input_tokens: 5158,
      cache_read_tokens: 5120,
      output_tokens: 410,
    });
    // OpenAI: prompt_tokens is inclusive; reasoning_tokens sit outside completion_tokens.
    const openai = {
      ...withoutBodies(ROW),
      provider: 'OPENAI',
      request_model: 'o4-mini',
      response_model: 'o4-mini-2025-04-16',
      prompt_tokens: 1200,
      prompt_cache_read_tokens: 1024,
      completion_tokens: 300,
      reasoning_tokens: 200,
      total_tokens: 1700,
    };
    expect(linesOf(helicone, [openai])[0]!['usage']).toEqual({
      input_tokens: 1200,
      cache_read_tokens: 1024,
      output_tokens: 500,
      reasoning_tokens: 200,
    });
  });

  it('prices a Helicone cache hit at 0, refuses a stream without usage', () => {
    const hit = mapOk(helicone, { ...ROW, cache_reference_id: '9b2c7a1e-5b2f-4c8d-9e10-2f3a4b5c6d7e' });
    expect(hit.calls[0]!.line['usage']).toEqual({ input_tokens: 0, output_tokens: 0 });
    expect(hit.calls[0]!.line['cost_usd']).toBe(0);
    expect(hit.calls[0]!.line['messages']).toBeUndefined();
    expect(hit.notes).toEqual([{ reason: 'helicone: response-cache hit (no provider call): priced at 0', count: 1 }]);
    expect(reasonOf(helicone, { ...withoutBodies(ROW), prompt_tokens: -1 })).toBe(
      'prompt_tokens is -1: a stream logged without usage (stream_options.include_usage off)',
    );
    expect(reasonOf(helicone, { ...withoutBodies(ROW), completion_tokens: 'n/a' })).toBe(
      'completion_tokens must be a whole number ≥ 0 (found "n/a")',
    );
  });

  it('reads the 12-column CSV export (text values, JSON text bodies)', () => {
    const row = {
      response_id: 'chatcmpl-77',
      response_created_at: '2026-07-14T10:05:01.000Z',
      response_status: '200',
      request_created_at: '2026-07-14T10:05:00.250Z',
      request_body: '{"model":"gpt-4o-mini","max_tokens":200,"messages":[{"role":"user","content":"Hello"}]}',
      request_properties: '{"Helicone-Property-Feature":"faq"}',
      request_user_id: 'u-3',
      model: 'gpt-4o-mini',
      prompt_tokens: '900',
      completion_tokens: '40',
      latency: '750',
      cost: '0.000159',
    };
    expect(heliconeCsv.framing).toBe('csv');
    expect(heliconeCsv.detect(row)).toBe(true);
    const [call] = callsOf(heliconeCsv, [row]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: 'chatcmpl-77',
      ts: '2026-07-14T10:05:00.250Z',
      source: 'helicone',
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      params: { max_tokens: 200 },
      usage: { input_tokens: 900, output_tokens: 40 },
      cost_usd: 0.000159,
      status: 'ok',
      user: 'u-3',
    });
    expect(call!.fields['request_properties.Helicone-Property-Feature']).toBe('faq');
  });
});
