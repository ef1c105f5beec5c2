/**
 * Phoenix / OpenInference spans written for this test after traffic-sources.md §7b, with each
 * pitfall: JSON-text invocation parameters and template variables, flattened message indices,
 * pre-2025-03 Anthropic exclusive prompt counts, non-LLM spans, DataFrame rows with flat columns.
 */
import { describe, expect, it } from '@jest/globals';
import { phoenix } from '../../../src/traffic/import/sources/phoenix.js';
import { EXAMPLES } from './examples.js';
import { callsOf, linesOf, mapOk } from './helpers.js';

const SPAN = EXAMPLES.phoenix[0] as Record<string, unknown> & { attributes: Record<string, unknown> };

describe('phoenix importer', () => {
  it('reads the reference REST span: variables as vars, invocation parameters as params', () => {
    const [call] = callsOf(phoenix, [SPAN]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: '4e5f6a7b8c9d0e1f',
      ts: '2026-07-14T13:05:11.002Z',
      source: 'phoenix',
      provider: 'openai',
      model: 'o4-mini-2025-04-16',
      trace_id: '0d6f2e91c4b84a7fa1e3b5c7d9f10234',
      parent_id: '1a2b3c4d5e6f7081',
      vars: { customer_tier: 'gold' },
      params: { max_completion_tokens: 2000, reasoning_effort: 'medium' },
      usage: { input_tokens: 2210, cache_read_tokens: 1792, output_tokens: 930, reasoning_tokens: 704 },
      status: 'ok',
    });
    // Attributes are where: fields by their own names.
    expect(call!.fields['llm.prompt_template.version']).toBe('v3');
    expect(call!.fields['session.id']).toBe('s-19');
  });

  it('adds the cache back to an exclusive Anthropic prompt count, with a note; reads flattened messages', () => {
    const span = {
      ...SPAN,
      attributes: {
        'openinference.span.kind': 'LLM',
        'llm.system': 'anthropic',
        'llm.model_name': 'claude-3-5-sonnet-20241022',
        'llm.token_count.prompt': 40,
        'llm.token_count.prompt_details.cache_read': 3000,
        'llm.token_count.completion': 120,
        'llm.input_messages.0.message.role': 'system',
        'llm.input_messages.0.message.content': 'Be brief.',
        'llm.input_messages.1.message.role': 'user',
        'llm.input_messages.1.message.content': 'Summarise',
      },
    };
    const r = mapOk(phoenix, span);
    expect(r.calls[0]!.line).toMatchObject({
      provider: 'anthropic',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Summarise' },
      ],
      usage: { input_tokens: 3040, cache_read_tokens: 3000, output_tokens: 120 },
    });
    expect(r.notes).toEqual([
      {
        reason:
          'phoenix: input smaller than its cache tokens (written exclusive of the cache): the cache tokens were added',
        count: 1,
      },
    ]);
    expect(Object.keys(r.calls[0]!.fields).some((k) => k.startsWith('llm.input_messages'))).toBe(false);
  });

  it('skips CHAIN spans and reads a DataFrame row with flat columns', () => {
    expect(mapOk(phoenix, { ...SPAN, span_kind: 'CHAIN' }).skipped).toEqual([
      { reason: 'span kind CHAIN is not a model call', count: 1 },
    ]);
    const row = {
      name: 'ChatCompletion',
      span_kind: 'LLM',
      parent_id: null,
      start_time: '2026-07-14 13:05:11.002000+00:00',
      status_code: 'ERROR',
      'context.span_id': 'aa11bb22cc33dd44',
      'context.trace_id': '0d6f2e91c4b84a7fa1e3b5c7d9f10234',
      'attributes.llm.model_name': 'gpt-4o-mini',
      'attributes.llm.token_count.prompt': 500,
      'attributes.llm.token_count.completion': 0,
      'attributes.user.id': 'u-4',
    };
    expect(phoenix.detect(row)).toBe(true);
    expect(linesOf(phoenix, [row])[0]).toEqual({
      id: 'aa11bb22cc33dd44',
      ts: '2026-07-14T13:05:11.002Z',
      source: 'phoenix',
      model: 'gpt-4o-mini',
      trace_id: '0d6f2e91c4b84a7fa1e3b5c7d9f10234',
      usage: { input_tokens: 500, output_tokens: 0 },
      status: 'error',
      user: 'u-4',
    });
  });
});
