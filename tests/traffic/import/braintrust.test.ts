/**
 * Braintrust log rows written for this test after traffic-sources.md §7a, with each pitfall:
 * epoch-second start, float metrics, task spans with rolled-up metrics (skipped), scorer calls
 * (skipped), the linked prompt's variables as vars, the aggregate cache-creation metric.
 */
import { describe, expect, it } from '@jest/globals';
import { braintrust } from '../../../src/traffic/import/sources/braintrust.js';
import { EXAMPLES } from './examples.js';
import { callsOf, linesOf, mapOk, reasonOf } from './helpers.js';

const ROW = EXAMPLES.braintrust[0] as Record<string, unknown>;

describe('braintrust importer', () => {
  it('reads the reference llm span with its prompt variables as vars', () => {
    const [call] = callsOf(braintrust, [ROW]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: 'c3d94e',
      ts: '2026-07-14T12:00:03.201Z',
      source: 'braintrust',
      provider: 'openai',
      model: 'gpt-4o',
      trace_id: 'a9b27f',
      parent_id: 'b7c81a',
      vars: { ticket: 'Printer offline since …' },
      usage: { input_tokens: 3010, cache_read_tokens: 2816, output_tokens: 142 },
      status: 'ok',
    });
    expect(call!.fields['metadata.prompt.version']).toBe('1000192845116217');
  });

  it('skips task spans and scorer calls', () => {
    expect(mapOk(braintrust, { ...ROW, span_attributes: { type: 'task' } }).skipped).toEqual([
      { reason: 'span type task is not a model call', count: 1 },
    ]);
    expect(mapOk(braintrust, { ...ROW, span_attributes: { type: 'llm', purpose: 'scorer' } }).skipped).toEqual([
      { reason: 'scorer span (an eval judge, not the feature)', count: 1 },
    ]);
  });

  it('splits the aggregate cache-creation metric by the 1h share, reads estimated cost and messages', () => {
    const row = {
      ...ROW,
      input: [{ role: 'user', content: 'Printer offline' }],
      metadata: { model: 'claude-sonnet-4-5', provider: 'anthropic', max_tokens: 512 },
      metrics: {
        start: 1784030403,
        prompt_tokens: 4000.0,
        prompt_cached_tokens: 0,
        prompt_cache_creation_tokens: 1500,
        prompt_cache_creation_1h_tokens: 1000,
        completion_tokens: 90.0,
        estimated_cost: 0.0182,
      },
    };
    expect(linesOf(braintrust, [row])[0]).toMatchObject({
      ts: '2026-07-14T12:00:03.000Z',
      messages: [{ role: 'user', content: 'Printer offline' }],
      params: { max_tokens: 512 },
      usage: { input_tokens: 4000, cache_write_tokens: 500, cache_write_1h_tokens: 1000, output_tokens: 90 },
      cost_usd: 0.0182,
    });
    expect(reasonOf(braintrust, { ...ROW, metrics: { prompt_tokens: 10, completion_tokens: 2.5 } })).toBe(
      'metrics.completion_tokens must be a whole number ≥ 0 (found 2.5)',
    );
  });
});
