import { describe, it, expect } from '@jest/globals';
import { parseSampleLine, readTs } from '../../src/traffic/parse.js';
import type { LineResult } from '../../src/traffic/parse.js';
import type { Sample } from '../../src/types.js';

const F = 'traffic/support.jsonl';

function ok(line: string, n = 1, defaultFeature?: string): Sample {
  const r: LineResult = parseSampleLine(line, F, n, defaultFeature);
  if (!r.ok) throw new Error(`expected a sample, got: ${r.reason}`);
  return r.sample;
}

function reason(line: string): string {
  const r = parseSampleLine(line, F, 7);
  if (r.ok) throw new Error('expected a bad line');
  return r.reason;
}

describe('parseSampleLine: good lines', () => {
  it('maps every field to camelCase, with usage defaults of 0', () => {
    const line = JSON.stringify({
      v: 1,
      id: 'oa-1',
      ts: '2025-06-02T09:14:03Z',
      feature: 'ticket-summary',
      prompt_ref: 'prompts/summarize.prompt.yml',
      model: 'gpt-4o-mini',
      provider: 'openai',
      api: 'chat',
      vars: { ticket: 'Printer on fire', n: 3, tags: ['a', 'b'], nested: { k: 'v' } },
      var_tokens: { ticket: { o200k_base: 4, cl100k_base: 5, p50k_base: 9 } },
      params: { max_tokens: 400, temperature: 0.2, reasoning_effort: 'low' },
      usage: { input_tokens: 612, cache_read_tokens: 512, output_tokens: 141, reasoning_tokens: 64 },
      finish_reason: 'stop',
      trace_id: 't-9',
      parent_id: 'p-1',
      step: 2,
      agent: 'triage',
      status: 'ok',
      tier: 'batch',
      weight: 250,
      cost_usd: 0.0012,
      source: 'openai-batch',
      response_model: 'gpt-4o-mini-2024-07-18',
      extra: { anything: true },
    });
    expect(ok(line, 12)).toEqual({
      id: 'oa-1',
      file: F,
      line: 12,
      ts: 1748855643000,
      feature: 'ticket-summary',
      promptRef: 'prompts/summarize.prompt.yml',
      model: 'gpt-4o-mini',
      responseModel: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      api: 'chat',
      vars: { ticket: 'Printer on fire', n: 3, tags: ['a', 'b'], nested: { k: 'v' } },
      varTokens: { ticket: { o200k_base: 4, cl100k_base: 5 } },
      params: { maxTokens: 400, temperature: 0.2, reasoningEffort: 'low' },
      usage: {
        inputTokens: 612,
        cacheReadTokens: 512,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens: 141,
        reasoningTokens: 64,
      },
      finishReason: 'stop',
      traceId: 't-9',
      parentId: 'p-1',
      step: 2,
      agent: 'triage',
      status: 'ok',
      tier: 'batch',
      weight: 250,
      costUsd: 0.0012,
      source: 'openai-batch',
    });
  });

  it('a minimal line: id from file:line, weight 1, the default feature', () => {
    expect(ok('{"usage":{"input_tokens":10,"output_tokens":0}}', 3, 'ticket-summary')).toEqual({
      id: `${F}:3`,
      file: F,
      line: 3,
      feature: 'ticket-summary',
      usage: {
        inputTokens: 10,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens: 0,
        reasoningTokens: 0,
      },
      weight: 1,
    });
  });

  it('vars alone (no input_tokens) is enough; JSON null means absent', () => {
    const s = ok('{"id":null,"model":null,"vars":{"q":"hi"},"usage":{"output_tokens":5,"cache_read_tokens":null}}');
    expect(s.id).toBe(`${F}:1`);
    expect(s.model).toBeUndefined();
    expect(s.usage).toEqual({
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 5,
      reasoningTokens: 0,
    });
  });

  it('numeric ids and trace ids are kept as text', () => {
    const s = ok('{"id":42,"trace_id":7,"usage":{"input_tokens":1,"output_tokens":1}}');
    expect(s.id).toBe('42');
    expect(s.traceId).toBe('7');
  });

  it('messages: strings, redacted, parts (text kept, joined), non-text only → null, names', () => {
    const s = ok(
      JSON.stringify({
        messages: [
          { role: 'system', content: '[redacted]' },
          { role: 'user', name: 'alice', content: 'Plain text' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Look at this' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
              { type: 'text', text: 'and this' },
            ],
          },
          { role: 'user', content: [{ type: 'image', source: { type: 'base64', data: 'AAAA' } }] },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1' }] },
          {
            role: 'user',
            content: [
              { type: 'input_text', text: 'responses api' },
              { type: 'text', text: '[redacted]' },
            ],
          },
          { role: 'tool' },
        ],
        usage: { output_tokens: 3 },
      }),
    );
    expect(s.messages).toEqual([
      { role: 'system', content: null },
      { role: 'user', name: 'alice', content: 'Plain text' },
      { role: 'user', content: 'Look at this\nand this' },
      { role: 'user', content: null },
      { role: 'assistant', content: null },
      { role: 'user', content: 'responses api' },
      { role: 'tool', content: null },
    ]);
  });

  it('params: max_completion_tokens / max_output_tokens and reasoning.effort map too; other keys stay', () => {
    expect(
      ok('{"params":{"max_completion_tokens":900,"n":2},"usage":{"input_tokens":1,"output_tokens":1}}').params,
    ).toEqual({ maxTokens: 900, n: 2 });
    expect(
      ok(
        '{"params":{"max_output_tokens":50,"reasoning":{"effort":"high"}},"usage":{"input_tokens":1,"output_tokens":1}}',
      ).params,
    ).toEqual({
      maxTokens: 50,
      reasoningEffort: 'high',
      reasoning: { effort: 'high' },
    });
    // A line cannot smuggle our own camelCase keys in.
    expect(ok('{"params":{"maxTokens":"lots"},"usage":{"input_tokens":1,"output_tokens":1}}').params).toEqual({});
  });

  it('cache and reasoning counts equal to their totals are fine (subsets)', () => {
    const s = ok(
      '{"usage":{"input_tokens":5206,"cache_write_tokens":1200,"cache_write_1h_tokens":4000,"cache_read_tokens":6,"output_tokens":412,"reasoning_tokens":412}}',
    );
    expect(s.usage).toEqual({
      inputTokens: 5206,
      cacheReadTokens: 6,
      cacheWriteTokens: 1200,
      cacheWrite1hTokens: 4000,
      outputTokens: 412,
      reasoningTokens: 412,
    });
  });
});

describe('parseSampleLine: bad lines and their reasons', () => {
  it.each([
    ['{"usage":{"input_tokens":10}}', 'usage.output_tokens is missing'],
    ['{"vars":{"a":"b"}}', 'usage.output_tokens is missing'],
    ['{"usage":{"output_tokens":-3,"input_tokens":1}}', 'usage.output_tokens must be a whole number ≥ 0 (found -3)'],
    ['{"usage":{"output_tokens":1.5,"input_tokens":1}}', 'usage.output_tokens must be a whole number ≥ 0 (found 1.5)'],
    [
      '{"usage":{"output_tokens":"12","input_tokens":1}}',
      'usage.output_tokens must be a whole number ≥ 0 (found "12")',
    ],
    ['{"usage":{"output_tokens":1}}', 'needs usage.input_tokens, vars or messages (there is nothing to count)'],
    ['{"usage":"lots"}', 'usage must be an object (found a string)'],
    [
      '{"usage":{"input_tokens":100,"cache_read_tokens":80,"cache_write_tokens":30,"output_tokens":1}}',
      'usage cache tokens (read 80 + write 30 + write_1h 0 = 110) exceed usage.input_tokens 100: input_tokens must include cached tokens; the source wrote exclusive counts (input without the cache), which aicost does not guess at (formats §9 shows how each source converts)',
    ],
    [
      '{"usage":{"input_tokens":1,"output_tokens":10,"reasoning_tokens":11}}',
      'usage.reasoning_tokens 11 exceeds usage.output_tokens 10: output_tokens must include reasoning tokens',
    ],
    ['{"weight":0,"usage":{"input_tokens":1,"output_tokens":1}}', 'weight must be a number above 0 (found 0)'],
    ['{"weight":-2,"usage":{"input_tokens":1,"output_tokens":1}}', 'weight must be a number above 0 (found -2)'],
    [
      '{"tier":"gold","usage":{"input_tokens":1,"output_tokens":1}}',
      'tier is "gold": use standard, batch, flex or priority',
    ],
    [
      '{"ts":"yesterday","usage":{"input_tokens":1,"output_tokens":1}}',
      'ts must be an RFC 3339 date-time such as 2025-06-02T09:14:03Z, or epoch milliseconds (found "yesterday")',
    ],
    [
      '{"ts":1748855643,"usage":{"input_tokens":1,"output_tokens":1}}',
      'ts 1748855643 looks like epoch seconds: write epoch milliseconds or an RFC 3339 date-time',
    ],
    [
      '{"ts":"2025-02-30T00:00:00Z","usage":{"input_tokens":1,"output_tokens":1}}',
      'ts "2025-02-30T00:00:00Z" is not a valid date-time',
    ],
    ['{"vars":["a"],"usage":{"output_tokens":1}}', 'vars must be an object of template variables (found an array)'],
    ['{"messages":{"role":"user"},"usage":{"output_tokens":1}}', 'messages must be an array (found an object)'],
    ['{"messages":[{"content":"hi"}],"usage":{"output_tokens":1}}', 'messages[0].role must be a non-empty string'],
    [
      '{"messages":[{"role":"user","content":5}],"usage":{"output_tokens":1}}',
      'messages[0].content must be a string, null or an array of parts (found number 5)',
    ],
    [
      '{"var_tokens":{"q":{"o200k_base":-1}},"usage":{"input_tokens":1,"output_tokens":1}}',
      'var_tokens.q.o200k_base must be a whole number ≥ 0 (found -1)',
    ],
    [
      '{"params":{"max_tokens":"many"},"usage":{"input_tokens":1,"output_tokens":1}}',
      'params.max_tokens must be a whole number ≥ 0 (found "many")',
    ],
    ['{"model":7,"usage":{"input_tokens":1,"output_tokens":1}}', 'model must be a string (found number 7)'],
    ['{"v":2,"usage":{"input_tokens":1,"output_tokens":1}}', 'v is 2: only version 1 of the traffic format is read'],
    ['[1,2]', 'is not a JSON object (found an array)'],
    ['"text"', 'is not a JSON object (found a string)'],
    ['{"usage": {output_tokens: 1}}', 'is not valid JSON (error at character 12)'],
    ['{"id":"x",', 'is not valid JSON (error at character 11)'],
  ])('%s → %s', (line, expected) => {
    expect(reason(line)).toBe(expected);
  });

  it('never quotes long customer text back in a reason', () => {
    const secret = 'Customer SSN 123-45-6789 and a very long complaint about the invoice';
    expect(reason(JSON.stringify({ weight: secret, usage: { input_tokens: 1, output_tokens: 1 } }))).toBe(
      'weight must be a number above 0 (found a string)',
    );
    expect(reason(`{"vars":{"note":"${secret}"} oops`)).not.toContain('SSN');
  });

  it('refuses nesting deeper than 64 levels in vars', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 70; i++) deep = { d: deep };
    expect(reason(JSON.stringify({ vars: deep, usage: { output_tokens: 1 } }))).toBe(
      'vars nests deeper than 64 levels',
    );
  });
});

describe('readTs', () => {
  it.each([
    ['2025-06-02T09:14:03Z', 1748855643000],
    ['2025-06-02T09:14:03.250Z', 1748855643250],
    ['2025-06-02T11:14:03+02:00', 1748855643000],
    ['2025-06-02T04:14:03.5-05:00', 1748855643500],
    ['2025-06-02 09:14:03z', 1748855643000],
    [1748855643000, 1748855643000],
  ])('%s → %d', (input, expected) => {
    expect(readTs(input)).toBe(expected);
  });

  it('needs an offset', () => {
    expect(() => readTs('2025-06-02T09:14:03')).toThrow('ts must be an RFC 3339 date-time');
  });
});

describe('untrusted keys cannot pollute prototypes', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();

  it('{"vars":{"__proto__":{"polluted":1}}} pollutes nothing and leaves no __proto__ key', () => {
    const s = ok(
      '{"vars":{"__proto__":{"polluted":1},"a":{"__proto__":{"polluted":2},"b":1}},"usage":{"output_tokens":1}}',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    const vars = s.vars!;
    expect(Object.getPrototypeOf(vars)).toBeNull();
    expect(Object.keys(vars)).toEqual(['a']);
    expect(Object.prototype.hasOwnProperty.call(vars, '__proto__')).toBe(false);
    const inner = vars['a'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(inner)).toBeNull();
    expect(Object.keys(inner)).toEqual(['b']);
    // A careless merge downstream still cannot reach Object.prototype.
    const merged: Record<string, unknown> = {};
    for (const k of Object.keys(vars)) merged[k] = vars[k];
    Object.assign({}, vars, inner);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('in params, var_tokens and at the top level too', () => {
    const s = ok(
      '{"__proto__":{"polluted":3},"params":{"__proto__":{"polluted":4},"temperature":0},"var_tokens":{"__proto__":{"o200k_base":1},"q":{"__proto__":{"x":1},"o200k_base":2}},"usage":{"input_tokens":1,"output_tokens":1}}',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf(s.params)).toBeNull();
    expect(Object.keys(s.params!)).toEqual(['temperature']);
    expect(Object.getPrototypeOf(s.varTokens)).toBeNull();
    expect(Object.keys(s.varTokens!)).toEqual(['q']);
    expect(s.varTokens!['q']).toEqual({ o200k_base: 2 });
  });
});
