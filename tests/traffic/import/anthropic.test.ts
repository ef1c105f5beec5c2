/**
 * Logged Anthropic Messages calls written for this test after traffic-sources.md §6 and
 * formats.md §7.3: a request/response pair, a stream as events whose message_delta usage is
 * cumulative (last value wins, never a sum), the same stream as SSE text, a bare Message.
 */
import { describe, expect, it } from '@jest/globals';
import { anthropic } from '../../../src/traffic/import/sources/anthropic.js';
import { linesOf, reasonOf } from './helpers.js';

const REQUEST = {
  model: 'claude-haiku-4-5',
  max_tokens: 1024,
  system: 'You are terse.',
  messages: [{ role: 'user', content: 'Summarise this thread' }],
};

const MESSAGE = {
  id: 'msg_01A',
  type: 'message',
  role: 'assistant',
  model: 'claude-haiku-4-5-20251001',
  content: [{ type: 'text', text: '…' }],
  stop_reason: 'end_turn',
  usage: {
    input_tokens: 2342,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 612,
    service_tier: 'standard',
    inference_geo: 'not_available',
  },
};

const EVENTS = [
  {
    type: 'message_start',
    message: {
      id: 'msg_02B',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [],
      usage: { input_tokens: 38, cache_read_input_tokens: 5120, cache_creation_input_tokens: 0, output_tokens: 1 },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Triage: billing' } },
  { type: 'message_delta', delta: { stop_reason: null }, usage: { output_tokens: 200 } },
  { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 410 } },
  { type: 'message_stop' },
];

const STREAM_LINE = {
  ts: '2026-07-14T10:01:22.118Z',
  source: 'anthropic',
  provider: 'anthropic',
  // The model requested, and the one the stream says answered.
  model: 'claude-haiku-4-5',
  response_model: 'claude-sonnet-4-5-20250929',
  api: 'messages',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Summarise this thread' },
  ],
  params: { max_tokens: 1024 },
  // 38 + 5120; output 410 (the last cumulative value, not 1 + 200 + 410).
  usage: { input_tokens: 5158, cache_read_tokens: 5120, output_tokens: 410 },
  finish_reason: 'end_turn',
  status: 'ok',
};

describe('anthropic importer', () => {
  it('reads a logged request/response pair', () => {
    expect(linesOf(anthropic, [{ ts: '2026-07-14T10:00:00Z', request: REQUEST, response: MESSAGE }])[0]).toEqual({
      id: 'msg_01A',
      ts: '2026-07-14T10:00:00.000Z',
      source: 'anthropic',
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      response_model: 'claude-haiku-4-5-20251001',
      api: 'messages',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Summarise this thread' },
      ],
      params: { max_tokens: 1024 },
      usage: { input_tokens: 2342, output_tokens: 612 },
      finish_reason: 'end_turn',
      status: 'ok',
    });
  });

  it('reads a stream of events: cumulative message_delta usage, last value wins', () => {
    const rec = { id: 'log-1', ts: '2026-07-14T10:01:22.118Z', request: REQUEST, response: EVENTS };
    expect(anthropic.detect(rec)).toBe(true);
    expect(linesOf(anthropic, [rec])[0]).toEqual({ id: 'log-1', ...STREAM_LINE });
  });

  it('reads the same stream logged as SSE text', () => {
    const sse = EVENTS.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n`).join('\n');
    const rec = { id: 'log-2', ts: '2026-07-14T10:01:22.118Z', request: REQUEST, response: sse };
    expect(linesOf(anthropic, [rec])[0]).toEqual({ id: 'log-2', ...STREAM_LINE });
  });

  it('reads a bare Message as usage only, and names bad data', () => {
    expect(linesOf(anthropic, [MESSAGE])[0]).toEqual({
      id: 'msg_01A',
      source: 'anthropic',
      provider: 'anthropic',
      model: 'claude-haiku-4-5-20251001',
      api: 'messages',
      usage: { input_tokens: 2342, output_tokens: 612 },
      finish_reason: 'end_turn',
      status: 'ok',
    });
    expect(reasonOf(anthropic, { request: REQUEST, response: EVENTS.slice(1) })).toBe(
      'response is a stream without a message_start event',
    );
    expect(reasonOf(anthropic, [MESSAGE])).toBe('is not a JSON object (found an array)');
    expect(reasonOf(anthropic, { ...MESSAGE, usage: { ...MESSAGE.usage, cache_read_input_tokens: 'lots' } })).toBe(
      'record.usage.cache_read_input_tokens must be a whole number ≥ 0 (found "lots")',
    );
  });
});
