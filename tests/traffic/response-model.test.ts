/**
 * `response_model`: the model the provider says answered (a dated snapshot), kept beside the
 * requested `model` by the importers and by `traffic convert`, and never used to price (DESIGN
 * "Trust": the revision's model prices every call; the recorded one is evidence).
 */
import { describe, expect, it } from '@jest/globals';
import { openaiChat } from '../../src/traffic/import/sources/openai-chat.js';
import { parseSampleLine } from '../../src/traffic/parse.js';
import { sampleToLine } from '../../src/traffic/write.js';
import { linesOf, price } from './import/helpers.js';

const logged = (answered: string) => ({
  request: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
  response: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1784030400,
    model: answered,
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 },
  },
});

describe('response_model', () => {
  it('is the snapshot that answered, beside the requested model; absent when they agree', () => {
    const [snap] = linesOf(openaiChat, [logged('gpt-4o-mini-2024-07-18')]);
    expect(snap).toMatchObject({ model: 'gpt-4o-mini', response_model: 'gpt-4o-mini-2024-07-18' });
    const [same] = linesOf(openaiChat, [logged('gpt-4o-mini')]);
    expect(same!['model']).toBe('gpt-4o-mini');
    expect('response_model' in same!).toBe(false);
  });

  it('survives a convert round trip (read, written, read again)', () => {
    const text = JSON.stringify({
      model: 'gpt-4o-mini',
      response_model: 'gpt-4o-mini-2024-07-18',
      usage: { input_tokens: 10, output_tokens: 2 },
    });
    const first = parseSampleLine(text, 'a.jsonl', 1);
    if (!first.ok) throw new Error(first.reason);
    expect(first.sample.responseModel).toBe('gpt-4o-mini-2024-07-18');
    const written = sampleToLine(first.sample);
    expect(written).toMatchObject({ model: 'gpt-4o-mini', response_model: 'gpt-4o-mini-2024-07-18' });
    const again = parseSampleLine(JSON.stringify(written), 'b.jsonl', 1);
    expect(again.ok && again.sample.responseModel).toBe('gpt-4o-mini-2024-07-18');
  });

  it('is refused when it is not text, naming the field', () => {
    const r = parseSampleLine(
      JSON.stringify({ response_model: 7, usage: { input_tokens: 1, output_tokens: 1 } }),
      'a.jsonl',
      3,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('response_model must be a string (found number 7)');
  });

  it('does not price: a recorded o1-pro answer is priced on the prompt model all the same (hostile)', async () => {
    // gpt-4o-mini: $0.15 input, $0.60 output per 1M tokens: 1000 × 0.15 + 100 × 0.60 = 210 µ$.
    const mini = await price(linesOf(openaiChat, [logged('gpt-4o-mini-2024-07-18')]), 'openai/gpt-4o-mini', 1000);
    const claimed = await price(linesOf(openaiChat, [logged('o1-pro')]), 'openai/gpt-4o-mini', 1000);
    expect(mini.per_request.mean).toBeCloseTo(210e-6, 12);
    expect(claimed.per_request.mean).toBeCloseTo(210e-6, 12);
    expect(claimed.monthly).toBeCloseTo(0.21, 9);
  });
});
