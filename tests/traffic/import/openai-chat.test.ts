/**
 * Logged OpenAI calls written for this test after traffic-sources.md §5 and formats.md §7.1–7.2:
 * a chat pair with reasoning, cache and tools, a stream as chunks with usage in the last chunk
 * (include_usage), a Responses stream as SSE text, a stream without usage (refused, never $0),
 * and a bare response object.
 */
import { describe, expect, it } from '@jest/globals';
import { openaiChat } from '../../../src/traffic/import/sources/openai-chat.js';
import { callsOf, linesOf, mapOk, reasonOf } from './helpers.js';

const CHAT = {
  ts: '2026-07-14T12:00:00Z',
  request: {
    model: 'gpt-5',
    messages: [
      { role: 'system', content: 'You route tickets.' },
      { role: 'user', content: 'My order never arrived' },
    ],
    max_completion_tokens: 2000,
    tools: [
      { type: 'function', function: { name: 'lookup_order' } },
      { type: 'function', function: { name: 'refund' } },
    ],
    user: 'u-5',
    metadata: { feature: 'router' },
  },
  response: {
    id: 'chatcmpl-C1',
    object: 'chat.completion',
    created: 1784030400,
    model: 'gpt-5-2025-08-07',
    service_tier: 'flex',
    choices: [{ index: 0, message: { role: 'assistant', tool_calls: [] }, finish_reason: 'tool_calls' }],
    usage: {
      prompt_tokens: 1486,
      completion_tokens: 651,
      total_tokens: 2137,
      prompt_tokens_details: { cached_tokens: 1408, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 512, audio_tokens: 0 },
    },
  },
};

const chunk = (extra: object) => ({
  id: 'chatcmpl-S1',
  object: 'chat.completion.chunk',
  created: 1784030460,
  model: 'gpt-4o-mini-2024-07-18',
  ...extra,
});

describe('openai-chat importer', () => {
  it('reads a logged chat pair: snapshot model, cache, reasoning, tools, tier, user', () => {
    const [call] = callsOf(openaiChat, [CHAT]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: 'chatcmpl-C1',
      ts: '2026-07-14T12:00:00.000Z',
      source: 'openai-chat',
      provider: 'openai',
      model: 'gpt-5',
      response_model: 'gpt-5-2025-08-07',
      api: 'chat',
      messages: CHAT.request.messages,
      params: { max_completion_tokens: 2000, tools_count: 2 },
      usage: { input_tokens: 1486, cache_read_tokens: 1408, output_tokens: 651, reasoning_tokens: 512 },
      finish_reason: 'tool_calls',
      status: 'ok',
      tier: 'flex',
      user: 'u-5',
    });
    expect(call!.fields['request_model']).toBe('gpt-5');
    expect(call!.fields['metadata']).toBeUndefined();
  });

  it('takes usage from the last chunk of a stream logged as chunks', () => {
    const rec = {
      request: {
        model: 'gpt-4o-mini',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'Hi' }],
      },
      response: [
        chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }], usage: null }),
        chunk({ choices: [{ index: 0, delta: { content: 'Hello!' }, finish_reason: 'stop' }], usage: null }),
        chunk({ choices: [], usage: { prompt_tokens: 900, completion_tokens: 12, total_tokens: 912 } }),
      ],
    };
    expect(openaiChat.detect(rec)).toBe(true);
    expect(linesOf(openaiChat, [rec])[0]).toEqual({
      id: 'chatcmpl-S1',
      ts: '2026-07-14T12:01:00.000Z',
      source: 'openai-chat',
      provider: 'openai',
      model: 'gpt-4o-mini',
      response_model: 'gpt-4o-mini-2024-07-18',
      api: 'chat',
      messages: [{ role: 'user', content: 'Hi' }],
      usage: { input_tokens: 900, output_tokens: 12 },
      finish_reason: 'stop',
      status: 'ok',
    });
  });

  it('refuses a stream without usage rather than pricing it at 0', () => {
    const rec = {
      request: { model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'Hi' }] },
      response: [chunk({ choices: [{ index: 0, delta: { content: 'Hello!' }, finish_reason: 'stop' }] })],
    };
    expect(reasonOf(openaiChat, rec)).toBe(
      'response is a stream without usage: the last chunk carries it only with stream_options: {"include_usage": true}',
    );
  });

  it('reads a Responses stream logged as SSE text (usage in response.completed)', () => {
    const done = {
      type: 'response.completed',
      response: {
        id: 'resp_9',
        object: 'response',
        created_at: 1784030520,
        model: 'o4-mini-2025-04-16',
        status: 'completed',
        usage: {
          input_tokens: 2210,
          input_tokens_details: { cached_tokens: 1792 },
          output_tokens: 930,
          output_tokens_details: { reasoning_tokens: 704 },
          total_tokens: 3140,
        },
      },
    };
    const sse = [
      'event: response.created',
      `data: ${JSON.stringify({ type: 'response.created', response: { id: 'resp_9', status: 'in_progress' } })}`,
      '',
      'event: response.completed',
      `data: ${JSON.stringify(done)}`,
      '',
    ].join('\n');
    const rec = {
      id: 'log-77',
      request: {
        model: 'o4-mini',
        input: 'Classify: printer offline',
        reasoning: { effort: 'medium' },
        max_output_tokens: 2000,
      },
      response: sse,
    };
    expect(linesOf(openaiChat, [rec])[0]).toEqual({
      id: 'log-77',
      ts: '2026-07-14T12:02:00.000Z',
      source: 'openai-chat',
      provider: 'openai',
      model: 'o4-mini',
      response_model: 'o4-mini-2025-04-16',
      api: 'responses',
      messages: [{ role: 'user', content: 'Classify: printer offline' }],
      params: { max_output_tokens: 2000, reasoning_effort: 'medium' },
      usage: { input_tokens: 2210, cache_read_tokens: 1792, output_tokens: 930, reasoning_tokens: 704 },
      finish_reason: 'stop',
      status: 'ok',
    });
  });

  it('adds reasoning to an output written without it (Gemini through the OpenAI-compatible endpoint), with a note', () => {
    const response = {
      id: 'gem-compat-1',
      object: 'chat.completion',
      created: 1784030400,
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, message: { role: 'assistant', content: '…' }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 758,
        completion_tokens: 102,
        total_tokens: 1725,
        completion_tokens_details: { reasoning_tokens: 865 },
      },
    };
    const r = mapOk(openaiChat, response);
    // 1725 = 758 + 102 + 865: the thoughts were outside completion_tokens.
    expect(r.calls[0]!.line['usage']).toEqual({ input_tokens: 758, output_tokens: 967, reasoning_tokens: 865 });
    expect(r.notes).toEqual([
      {
        reason:
          'openai-chat: output smaller than its reasoning tokens (written exclusive of them): the reasoning tokens were added',
        count: 1,
      },
    ]);
  });

  it('reads a bare response object as usage only, and names bad fields', () => {
    expect(linesOf(openaiChat, [CHAT.response])[0]).toMatchObject({
      id: 'chatcmpl-C1',
      ts: '2026-07-14T12:00:00.000Z',
      usage: { input_tokens: 1486, cache_read_tokens: 1408, output_tokens: 651, reasoning_tokens: 512 },
    });
    const bad = { ...CHAT.response, usage: { ...CHAT.response.usage, completion_tokens: 2.5 } };
    expect(reasonOf(openaiChat, bad)).toBe('record.usage.completion_tokens must be a whole number ≥ 0 (found 2.5)');
    expect(reasonOf(openaiChat, { ...CHAT, ts: 'noon' })).toMatch(/^ts must be an ISO 8601 time/);
  });
});
