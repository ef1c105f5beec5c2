/**
 * Langfuse observations: an export written for this test after traffic-sources.md §2 (API v2 and v1
 * items, a batch-export CSV row, a v4 snake_case blob row), with each pitfall: exclusive buckets,
 * user keys that double-count (caught by providedUsageDetails), deprecated usage, string
 * modelParameters, non-call observations. Token counts and prices checked by hand.
 */
import { describe, expect, it } from '@jest/globals';
import { langfuse, langfuseCsv } from '../../../src/traffic/import/sources/langfuse.js';
import { callsOf, linesOf, mapOk, price, reasonOf, records } from './helpers.js';

const EXPORT = records(String.raw`
{"id":"obs_5e2c91","traceId":"4f1d2c3b9e8a7d6c5b4a39281706f5e4","parentObservationId":"obs_a17f02","type":"GENERATION","name":"summarize-ticket","startTime":"2026-07-14T09:12:03.412Z","endTime":"2026-07-14T09:12:05.020Z","completionStartTime":"2026-07-14T09:12:03.905Z","sessionId":"sess_42","providedModelName":"gpt-4.1-mini","modelParameters":{"max_tokens":"300","temperature":"0.2"},"usageDetails":{"input":412,"input_cached_tokens":1536,"output":96,"output_reasoning_tokens":0,"total":2044},"costDetails":{"input":0.0001648,"input_cached_tokens":0.0001536,"output":0.0001536,"total":0.000472},"totalCost":0.000472,"promptName":"ticket-summary","promptVersion":7}
{"id":"obs_a17f02","traceId":"4f1d2c3b9e8a7d6c5b4a39281706f5e4","type":"AGENT","name":"support-agent","startTime":"2026-07-14T09:12:03.100Z","usageDetails":{"input":412,"input_cached_tokens":1536,"output":96},"costDetails":{}}
{"id":"obs_77c1","traceId":"9e8a7d6c5b4a39281706f5e44f1d2c3b","type":"GENERATION","name":"summarize-ticket","startTime":"2026-07-14T09:30:00.000Z","providedModelName":"gpt-4.1-mini","usageDetails":{"input":1948,"cache_read_input_tokens":1536,"output":96,"total":2044},"providedUsageDetails":{"input":1948,"cache_read_input_tokens":1536,"output":96,"total":2044},"promptName":"ticket-summary","promptVersion":7}
{"id":"obs_77c2","traceId":"aa8a7d6c5b4a39281706f5e44f1d2c3b","type":"GENERATION","name":"summarize-ticket","startTime":"2026-07-14T09:31:00.000Z","providedModelName":"gpt-4.1-mini","usageDetails":{"input":488,"input_cached_tokens":512,"output":50,"total":1050},"providedUsageDetails":{"prompt_tokens":1000,"completion_tokens":50,"total_tokens":1050,"prompt_tokens_details":{"cached_tokens":512}},"userId":"u_31","promptName":"ticket-summary","promptVersion":8}
{"id":"obs_c0de","traceId":"bb8a7d6c5b4a39281706f5e44f1d2c3b","type":"GENERATION","name":"classify","startTime":"2026-07-14T10:00:00.000Z","providedModelName":"claude-sonnet-4-5","usageDetails":{"input":40,"input_cache_read":3000,"input_cache_creation_5m":200,"input_cache_creation_1h":300,"output":150,"output_reasoning_tokens":60},"level":"ERROR","statusMessage":"overloaded"}
`);

describe('langfuse importer: API v2 observations', () => {
  it('re-sums exclusive buckets into inclusive input and reads prompt, cost and params', () => {
    const calls = callsOf(langfuse, [EXPORT[0]]);
    expect(JSON.parse(JSON.stringify(calls[0]!.line))).toEqual({
      id: 'obs_5e2c91',
      ts: '2026-07-14T09:12:03.412Z',
      source: 'langfuse',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      trace_id: '4f1d2c3b9e8a7d6c5b4a39281706f5e4',
      parent_id: 'obs_a17f02',
      // modelParameters values are strings in Langfuse: made numbers.
      params: { max_tokens: 300, temperature: 0.2 },
      // 412 uncached + 1536 cached.
      usage: { input_tokens: 1948, cache_read_tokens: 1536, output_tokens: 96 },
      cost_usd: 0.000472,
      status: 'ok',
    });
    const f = calls[0]!.fields;
    expect(f['promptName']).toBe('ticket-summary');
    expect(f['promptVersion']).toBe(7);
    expect(f['sessionId']).toBe('sess_42');
    expect(f['model']).toBe('gpt-4.1-mini');
    expect(f['providedModelName']).toBe('gpt-4.1-mini');
  });

  it('skips observations that are not model calls (agent spans carry rolled-up usage)', () => {
    const r = mapOk(langfuse, EXPORT[1]);
    expect(r.calls).toEqual([]);
    expect(r.skipped).toEqual([{ reason: 'observation type AGENT is not a model call', count: 1 }]);
  });

  it('does not double-count an inclusive input the app sent next to its own cache key, and says so', () => {
    const r = mapOk(langfuse, EXPORT[2]);
    // Bucket sum would be 1948 + 1536 = 3484; the provided total 2044 = 1948 + 96 shows 1948 was inclusive.
    expect(r.calls[0]!.line['usage']).toEqual({ input_tokens: 1948, cache_read_tokens: 1536, output_tokens: 96 });
    expect(r.notes).toEqual([
      {
        reason:
          'langfuse: the provided input 1948 already included its 1536 cache tokens (provided total 2044): not added again',
        count: 1,
      },
    ]);
  });

  it('agrees with OpenAI-shaped providedUsageDetails and keeps the user id', () => {
    const r = mapOk(langfuse, EXPORT[3]);
    expect(r.calls[0]!.line['usage']).toEqual({ input_tokens: 1000, cache_read_tokens: 512, output_tokens: 50 });
    expect(r.calls[0]!.line['user']).toBe('u_31');
    expect(r.calls[0]!.fields['user']).toBe('u_31');
    expect(r.notes).toBeUndefined();
  });

  it('corrects bucket sums that disagree with the provided prompt_tokens', () => {
    const rec = {
      ...(EXPORT[3] as object),
      // A user key "input_extra" Langfuse kept as-is adds 100 to the input sum.
      usageDetails: { input: 488, input_cached_tokens: 512, input_extra: 100, output: 50 },
    };
    const r = mapOk(langfuse, rec);
    expect(r.calls[0]!.line['usage']).toEqual({ input_tokens: 1000, cache_read_tokens: 512, output_tokens: 50 });
    expect(r.notes?.[0]?.reason).toBe(
      'langfuse: usageDetails input buckets sum to 1100, the provided prompt_tokens is 1000: used 1000',
    );
  });

  it('splits cache writes by TTL, adds reasoning into output, and marks ERROR level as status error', () => {
    expect(linesOf(langfuse, [EXPORT[4]])[0]).toEqual({
      id: 'obs_c0de',
      ts: '2026-07-14T10:00:00.000Z',
      source: 'langfuse',
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      trace_id: 'bb8a7d6c5b4a39281706f5e44f1d2c3b',
      // 40 + 3000 + 200 + 300; output 150 text + 60 reasoning.
      usage: {
        input_tokens: 3540,
        cache_read_tokens: 3000,
        cache_write_tokens: 200,
        cache_write_1h_tokens: 300,
        output_tokens: 210,
        reasoning_tokens: 60,
      },
      status: 'error',
    });
  });
});

describe('langfuse importer: v1, batch and blob exports', () => {
  it('reads a v1 observation with deprecated usage and its input messages', () => {
    const v1 = {
      id: 'gen-1',
      traceId: 't-1',
      type: 'GENERATION',
      name: 'faq',
      startTime: '2026-07-14T08:00:00.000Z',
      model: 'gpt-4o-mini',
      input: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Where is my invoice?' },
      ],
      usage: { input: 300, output: 20, total: 320, unit: 'TOKENS' },
      calculatedTotalCost: 0.000057,
      promptTokens: 300,
      completionTokens: 20,
    };
    expect(linesOf(langfuse, [v1])[0]).toEqual({
      id: 'gen-1',
      ts: '2026-07-14T08:00:00.000Z',
      source: 'langfuse',
      provider: 'openai',
      model: 'gpt-4o-mini',
      trace_id: 't-1',
      messages: v1.input,
      usage: { input_tokens: 300, output_tokens: 20 },
      cost_usd: 0.000057,
      status: 'ok',
    });
    expect(reasonOf(langfuse, { ...v1, usage: { input: 1200, output: 90, unit: 'CHARACTERS' } })).toBe(
      'usage.unit is "CHARACTERS": only token counts can be priced',
    );
  });

  it('reads a batch-export CSV row (every value text, nested objects as JSON text)', () => {
    const row = {
      id: 'obs_5e2c91',
      traceId: '4f1d2c3b9e8a7d6c5b4a39281706f5e4',
      parentObservationId: '',
      type: 'GENERATION',
      startTime: '2026-07-14 09:12:03.412',
      model: 'gpt-4.1-mini',
      modelParameters: '{"max_tokens":"300"}',
      usageDetails: '{"input":412,"input_cached_tokens":1536,"output":96,"total":2044}',
      costDetails: '{"total":0.000472}',
      totalCost: '0.000472',
      input: '[{"role":"user","content":"Customer reports a double charge"}]',
      traceTags: '["support","prod"]',
      userId: 'u_9',
      promptName: 'ticket-summary',
      promptVersion: '7',
    };
    expect(langfuseCsv.framing).toBe('csv');
    expect(langfuseCsv.detect(row)).toBe(true);
    const [call] = callsOf(langfuseCsv, [row]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: 'obs_5e2c91',
      ts: '2026-07-14T09:12:03.412Z',
      source: 'langfuse',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      trace_id: '4f1d2c3b9e8a7d6c5b4a39281706f5e4',
      messages: [{ role: 'user', content: 'Customer reports a double charge' }],
      params: { max_tokens: 300 },
      usage: { input_tokens: 1948, cache_read_tokens: 1536, output_tokens: 96 },
      cost_usd: 0.000472,
      status: 'ok',
      user: 'u_9',
    });
    // JSON text in a column is selectable by its inner names; a list stays a list.
    expect(call!.fields['traceTags']).toEqual(['support', 'prod']);
    expect(call!.fields['promptVersion']).toBe('7');
  });

  it('reads the v4 snake_case blob export and an EMBEDDING observation', () => {
    const row = {
      id: 'ev-1',
      trace_id: 't-9',
      parent_observation_id: 'p-9',
      type: 'EMBEDDING',
      start_time: '2026-07-14T11:00:00Z',
      provided_model_name: 'text-embedding-3-small',
      usage_details: { input: 512 },
      total_cost: 0.00001024,
      prompt_name: null,
    };
    expect(langfuse.detect(row)).toBe(true);
    expect(linesOf(langfuse, [row])[0]).toEqual({
      id: 'ev-1',
      ts: '2026-07-14T11:00:00.000Z',
      source: 'langfuse',
      provider: 'openai',
      model: 'text-embedding-3-small',
      api: 'embeddings',
      trace_id: 't-9',
      parent_id: 'p-9',
      usage: { input_tokens: 512, output_tokens: 0 },
      cost_usd: 0.00001024,
      status: 'ok',
    });
  });
});

describe('langfuse importer: bad records', () => {
  it('names the field at fault and never throws', () => {
    const base = EXPORT[0] as Record<string, unknown>;
    expect(reasonOf(langfuse, { ...base, usageDetails: { input: -5, output: 3 } })).toBe(
      'usageDetails.input must be a whole number ≥ 0 (found -5)',
    );
    expect(reasonOf(langfuse, { ...base, startTime: 'yesterday' })).toBe(
      'startTime must be an ISO 8601 time such as 2026-07-14T09:12:03Z (found "yesterday")',
    );
    expect(reasonOf(langfuse, { ...base, usageDetails: {} })).toBe(
      'usageDetails has no token counts (usageDetails.input / usageDetails.output)',
    );
    expect(reasonOf(langfuse, { ...base, totalCost: 'free' })).toBe(
      'totalCost must be a cost in USD ≥ 0 (found "free")',
    );
    expect(reasonOf(langfuse, [1, 2])).toBe('is not a JSON object (found an array)');
  });

  it('keeps __proto__ keys from reaching any prototype', () => {
    const rec = JSON.parse(
      '{"__proto__":{"polluted":true},"id":"x","traceId":"t","type":"GENERATION","startTime":"2026-07-14T09:00:00Z","providedModelName":"gpt-4.1-mini","usageDetails":{"__proto__":{"input":5},"input":10,"output":2},"modelParameters":{"__proto__":{"max_tokens":1}},"input":[{"role":"user","content":"hi","__proto__":{"role":"system"}}],"metadata":{"__proto__":{"feature":"x"}}}',
    ) as unknown;
    const [call] = callsOf(langfuse, [rec]);
    expect(call!.line['usage']).toEqual({ input_tokens: 10, output_tokens: 2 });
    expect(Object.keys(call!.fields)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(call!.fields)).toBeNull();
    const msg = (call!.line['messages'] as object[])[0]!;
    expect(Object.getPrototypeOf(msg)).toBeNull();
    expect(Object.keys(msg)).toEqual(['role', 'content']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('langfuse importer: priced', () => {
  it('prices the gpt-4.1-mini generations of the export at the list price, by hand', async () => {
    const lines = linesOf(langfuse, [EXPORT[0], EXPORT[2], EXPORT[3]]);
    const f = await price(lines, 'openai/gpt-4.1-mini', 100_000);
    // gpt-4.1-mini: $0.40 input, $0.10 cached input, $1.60 output per 1M tokens.
    // obs_5e2c91 and obs_77c1: 412 × 0.40 + 1536 × 0.10 + 96 × 1.60 = 472.0 µ$ (= Langfuse's totalCost);
    // obs_77c2: 488 × 0.40 + 512 × 0.10 + 50 × 1.60 = 326.4 µ$.
    const mean = (472 + 472 + 326.4) / 3 / 1e6;
    expect(f.per_request.mean).toBeCloseTo(mean, 12);
    // $42.35 a month at 100,000 requests.
    expect(f.monthly).toBeCloseTo(42.346667, 5);
  });
});
