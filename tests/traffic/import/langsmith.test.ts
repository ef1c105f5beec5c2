/**
 * LangSmith runs written for this test after traffic-sources.md §7c, with each pitfall: costs as
 * Decimal text, zone-less times (UTC), chain runs with rolled-up tokens (skipped), LangChain's
 * serialised messages, error runs.
 */
import { describe, expect, it } from '@jest/globals';
import { langsmith } from '../../../src/traffic/import/sources/langsmith.js';
import { EXAMPLES } from './examples.js';
import { callsOf, linesOf, mapOk, reasonOf } from './helpers.js';

const RUN = EXAMPLES.langsmith[0] as Record<string, unknown>;

describe('langsmith importer', () => {
  it('reads the reference llm run', () => {
    const [call] = callsOf(langsmith, [RUN]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: '6b1c0d2e-0000-4000-8000-000000000001',
      ts: '2026-07-14T14:02:01.130Z',
      source: 'langsmith',
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      trace_id: '2f9e0d2e-0000-4000-8000-000000000000',
      parent_id: '8d3a0d2e-0000-4000-8000-000000000002',
      params: { max_tokens: 1024 },
      usage: { input_tokens: 5244, cache_read_tokens: 5120, output_tokens: 131 },
      cost_usd: 0.001291,
      status: 'ok',
    });
    expect(call!.fields['extra.metadata.thread_id']).toBe('th_88');
  });

  it('skips chain runs, whose tokens are the sum of their children', () => {
    expect(mapOk(langsmith, { ...RUN, run_type: 'chain', prompt_tokens: 10488 }).skipped).toEqual([
      { reason: 'run_type chain is not a model call', count: 1 },
    ]);
  });

  it('converts LangChain serialised messages, reads invocation params and error runs', () => {
    const run = {
      ...RUN,
      status: 'error',
      error: 'RateLimitError',
      extra: { invocation_params: { model: 'gpt-4o-mini', max_tokens: 300, temperature: 0.1 }, metadata: {} },
      inputs: {
        messages: [
          [
            {
              lc: 1,
              type: 'constructor',
              id: ['langchain', 'schema', 'messages', 'SystemMessage'],
              kwargs: { content: 'You are terse.', type: 'system' },
            },
            {
              lc: 1,
              type: 'constructor',
              id: ['langchain', 'schema', 'messages', 'HumanMessage'],
              kwargs: { content: 'Hi' },
            },
          ],
        ],
      },
      prompt_tokens: 20,
      completion_tokens: 0,
      prompt_token_details: {},
      total_cost: null,
    };
    expect(linesOf(langsmith, [run])[0]).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Hi' },
      ],
      params: { max_tokens: 300, temperature: 0.1 },
      usage: { input_tokens: 20, output_tokens: 0 },
      status: 'error',
    });
  });

  it('names bad fields', () => {
    expect(reasonOf(langsmith, { ...RUN, total_cost: '≈0.001' })).toBe(
      'total_cost must be a cost in USD ≥ 0 (found "≈0.001")',
    );
    expect(reasonOf(langsmith, { ...RUN, prompt_tokens: null, completion_tokens: null })).toBe(
      'completion_tokens is missing (no usage on this run)',
    );
  });
});
