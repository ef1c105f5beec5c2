/**
 * Gemini / Vertex responses written for this test after traffic-sources.md §8a, with each pitfall:
 * thoughts outside candidates (added to output), cached tokens already inside the prompt count,
 * every stream chunk carrying usage (the last counts), a Vertex batch line, snake_case SDK dumps,
 * an emitter that put thoughts inside candidates.
 */
import { describe, expect, it } from '@jest/globals';
import { gemini } from '../../../src/traffic/import/sources/gemini.js';
import { EXAMPLES } from './examples.js';
import { callsOf, linesOf, mapOk } from './helpers.js';

const RESPONSE = EXAMPLES.gemini[0] as Record<string, unknown>;

describe('gemini importer', () => {
  it('reads the reference response: thoughts added to candidates, cache inside the prompt', () => {
    expect(linesOf(gemini, [RESPONSE])[0]).toEqual({
      id: 'q3xb8f',
      source: 'gemini',
      provider: 'google',
      model: 'gemini-2.5-flash',
      usage: { input_tokens: 8123, cache_read_tokens: 6144, output_tokens: 1552, reasoning_tokens: 1240 },
      status: 'ok',
    });
  });

  it('reads a Vertex batch line with its request, and the last chunk of a logged stream', () => {
    const line = {
      request: {
        contents: [{ role: 'user', parts: [{ text: 'Summarise the ticket' }] }],
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        generationConfig: { maxOutputTokens: 256, temperature: 0.2 },
      },
      response: { ...RESPONSE, createTime: '2026-07-14T17:00:00.000000Z' },
      status: '',
    };
    expect(linesOf(gemini, [line])[0]).toEqual({
      id: 'q3xb8f',
      ts: '2026-07-14T17:00:00.000Z',
      source: 'gemini',
      provider: 'google',
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Summarise the ticket' }] },
      ],
      params: { max_output_tokens: 256, temperature: 0.2 },
      usage: { input_tokens: 8123, cache_read_tokens: 6144, output_tokens: 1552, reasoning_tokens: 1240 },
      status: 'ok',
    });
    const stream = {
      request: { model: 'gemini-2.5-flash', contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] },
      response: [
        {
          modelVersion: 'gemini-2.5-flash',
          usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 1, totalTokenCount: 10 },
        },
        {
          modelVersion: 'gemini-2.5-flash',
          usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 6, totalTokenCount: 15 },
        },
      ],
    };
    const [call] = callsOf(gemini, [stream]);
    expect(call!.line['usage']).toEqual({ input_tokens: 9, output_tokens: 6 });
    expect(call!.fields['request_model']).toBe('gemini-2.5-flash');
  });

  it('reads snake_case SDK dumps; does not add thoughts an emitter put inside candidates', () => {
    const dump = {
      response_id: 'r-2',
      model_version: 'gemini-2.5-pro',
      usage_metadata: {
        prompt_token_count: 1000,
        candidates_token_count: 300,
        thoughts_token_count: 200,
        total_token_count: 1500,
      },
    };
    expect(gemini.detect(dump)).toBe(true);
    expect(linesOf(gemini, [dump])[0]!['usage']).toEqual({
      input_tokens: 1000,
      output_tokens: 500,
      reasoning_tokens: 200,
    });
    // totalTokenCount 1300 = prompt + candidates: the thoughts were already counted in candidates.
    const inside = mapOk(gemini, { ...dump, usage_metadata: { ...dump.usage_metadata, total_token_count: 1300 } });
    expect(inside.calls[0]!.line['usage']).toEqual({ input_tokens: 1000, output_tokens: 300, reasoning_tokens: 200 });
    expect(inside.notes).toEqual([
      { reason: 'gemini: thoughtsTokenCount 200 already inside candidatesTokenCount (totalTokenCount 1300)', count: 1 },
    ]);
  });
});
