import { describe, it, expect, beforeAll } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import cl100kRanks from 'js-tiktoken/ranks/cl100k_base';
import { encodeChat } from 'gpt-tokenizer/encoding/o200k_base';
import { TokenCounter } from '../../src/tokenize/counter.js';
import { tokenizerFor } from '../../src/tokenize/choice.js';
import { mulberry32 } from '../helpers/random.js';
import type { OpenAiEncoding, TokenizerChoice, ToolDefinition } from '../../src/types.js';

/** js-tiktoken is the reference; `encode(s, [], [])` treats special-token text as plain text. */
const reference: Record<OpenAiEncoding, Tiktoken> = {
  o200k_base: new Tiktoken(o200kRanks),
  cl100k_base: new Tiktoken(cl100kRanks),
};
const refCount = (text: string, enc: OpenAiEncoding): number => reference[enc].encode(text, [], []).length;

const O200K = tokenizerFor('openai', 'openai/gpt-4o');
const CL100K = tokenizerFor('openai', 'openai/gpt-4');

const CORPUS: Record<string, string> = {
  english:
    "The quick brown fox jumps over the lazy dog. Pricing an AI change before merge means counting tokens the way the provider bills them, don't you think? It's 3.14159 — roughly.",
  typescript: `export async function readAll(paths: string[]): Promise<Map<string, number>> {\n  const out = new Map<string, number>();\n  for (const p of paths) {\n    out.set(p, (await fs.stat(p)).size ?? 0);\n  }\n  return out; // done\n}\n`,
  python: `def fib(n: int) -> int:\n    """Return the n-th Fibonacci number."""\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint(f"{fib(30)=}")\n`,
  json: '{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"usage":{"prompt_tokens":1234,"completion_tokens":56},"price":0.0025,"ok":true,"tags":[]}',
  chinese: '人工智能的成本在拉取请求中就应该被看到，而不是等到月底的账单。陈伟说：“这很重要！”',
  japanese:
    'プルリクエストでAIのコストを確認しましょう。東京は今日、晴れのち曇りです。カタカナとひらがな、漢字が混ざっています。',
  arabic: 'تكلفة الذكاء الاصطناعي يجب أن تظهر في طلب الدمج، وليس في الفاتورة الشهرية. مرحبا بالعالم!',
  russian:
    'Стоимость изменений ИИ видна в пул-реквесте, а не в счёте в конце месяца. Съешь же ещё этих мягких французских булок.',
  emoji: '🙂👍🏽 👨‍👩‍👧‍👦 🇫🇷🇯🇵 ❤️‍🔥 ✨🚀💸 ☕️ 🧑🏿‍💻',
  whitespace: 'a    b\t\t\tc\n\n\n\n   \r\n  d          \u00a0\u00a0 e\u3000f   \n',
  specials: 'before <|endoftext|> middle <|im_start|>system<|im_sep|>x<|im_end|> after<|endofprompt|><|fim_prefix|>',
  onlySpecial: '<|endoftext|>',
};

/** ~50 KB mixing every corpus entry with random words, numbers, punctuation and unicode. */
function generated(): string {
  const rand = mulberry32(42);
  const words = [
    'token',
    'price',
    'model',
    'cache',
    'prompt',
    ' ',
    '\n',
    '  ',
    'über',
    'naïve',
    '東京',
    'данные',
    'مرحبا',
    '🚀',
    '{',
    '}',
    '":"',
    '<|endoftext|>',
    '\t',
    '1234567',
    '3.5',
    '—',
    "don't",
    'x_y_z',
    'camelCase',
  ];
  const pieces = Object.values(CORPUS);
  let s = '';
  while (s.length < 50_000) {
    const r = rand();
    if (r < 0.1) s += pieces[Math.floor(rand() * pieces.length)];
    else if (r < 0.2) s += String.fromCodePoint(0x20 + Math.floor(rand() * 0x2fff));
    else s += words[Math.floor(rand() * words.length)] + (rand() < 0.7 ? ' ' : '');
  }
  return s;
}

describe('gpt-tokenizer agrees with js-tiktoken exactly', () => {
  const counter = new TokenCounter();
  const corpus: [string, string][] = [...Object.entries(CORPUS), ['generated 50 KB', generated()]];

  it('builds a 50 KB generated text', () => {
    expect(corpus[corpus.length - 1]![1].length).toBeGreaterThanOrEqual(50_000);
  });

  for (const enc of ['o200k_base', 'cl100k_base'] as const) {
    it.each(corpus)(`${enc}: %s`, (_name, text) => {
      const expected = refCount(text, enc);
      expect(expected).toBeGreaterThan(0);
      expect(counter.count(text, enc)).toBe(expected);
    });
  }

  it('counts special-token text as plain text, never as one special token', () => {
    // o200k: "<|endoftext|>" is 7 ordinary tokens (<, |, end, of, text, |, >), not token 199999.
    expect(counter.count('<|endoftext|>', 'o200k_base')).toBe(7);
    expect(reference.o200k_base.encode('<|endoftext|>', [], [])).not.toContain(199999);
    expect(counter.count('hello <|endoftext|> world <|im_start|>x', 'o200k_base')).toBe(16);
  });

  it('counts an empty text as 0', () => {
    expect(counter.count('', 'o200k_base')).toBe(0);
  });
});

describe('chat overhead (OpenAI rule)', () => {
  // 19 content tokens in both encodings: 6 + 8 + 1 + 4.
  const messages = [
    { role: 'system', content: 'You are a terse assistant.' },
    { role: 'user', content: 'What is 2 + 2?' },
    { role: 'assistant', content: '4' },
    { role: 'user', content: 'And times three?' },
  ];

  it('4 short messages: 19 content tokens → 38 (3 per message + role + content, + 3 for the reply)', () => {
    const counter = new TokenCounter();
    const content = messages.reduce((n, m) => n + refCount(m.content, 'o200k_base'), 0);
    const roles = messages.reduce((n, m) => n + refCount(m.role, 'o200k_base'), 0);
    expect(content).toBe(19);
    expect(roles).toBe(4);
    const expected = content + roles + 3 * messages.length + 3;
    expect(expected).toBe(38);

    const result = counter.countChat(messages, O200K);
    expect(result.tokens).toBe(38);
    expect(result.perMessage).toEqual([10, 12, 5, 8]);
    // gpt-tokenizer's own chat encoder (gpt-4o template) gives the same total.
    expect(encodeChat(messages, 'gpt-4o').length).toBe(38);
    expect(counter.countChat(messages, CL100K).tokens).toBe(38);
  });

  it('a name adds its tokens plus 1', () => {
    const counter = new TokenCounter();
    // "example_user" is 2 tokens: 3 + 1 (role) + 6 (content) + 2 + 1 = 13, + 3 = 16.
    const r = counter.countChat(
      [{ role: 'system', content: 'You are a terse assistant.', name: 'example_user' }],
      O200K,
    );
    expect(r.perMessage).toEqual([13]);
    expect(r.tokens).toBe(16);
  });

  it('null content (redacted or not text) costs only the overhead', () => {
    const counter = new TokenCounter();
    const r = counter.countChat(
      [
        { role: 'system', content: null },
        { role: 'user', content: 'What is 2 + 2?' },
      ],
      O200K,
    );
    // system: 3 + 1; user: 3 + 1 + 8; reply 3.
    expect(r.perMessage).toEqual([4, 12]);
    expect(r.tokens).toBe(19);
    expect(counter.countChat([], O200K)).toEqual({ tokens: 3, perMessage: [] });
  });

  it('an estimate scales the total once and rounds it', () => {
    const counter = new TokenCounter();
    const claude = tokenizerFor('anthropic', 'anthropic/claude-sonnet-4-5');
    // 38 × 1.25 (every text here is prose) = 47.5 → 48; perMessage stays in o200k tokens.
    const r = counter.countChat(messages, claude);
    expect(r.tokens).toBe(48);
    expect(r.perMessage).toEqual([10, 12, 5, 8]);
    // 30 × 1.15 = 34.5 exactly in decimal: rounds half up to 35, not down through binary error.
    const flat115: TokenizerChoice = {
      encoding: 'o200k_base',
      exact: false,
      scale: 1.15,
      band: [0.9, 1.1],
      label: 'x',
    };
    expect(counter.count('a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D', 'o200k_base')).toBe(30);
    expect(counter.countText('a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D', flat115)).toBe(35);
    // Gemini 2.5 counts exactly with Gemma 3's tokenizer: 3 + "user" 1 + "x" 1 + 3 = 8, unscaled.
    expect(
      counter.countChat([{ role: 'user', content: 'x' }], tokenizerFor('google', 'google/gemini-2.5-pro')).tokens,
    ).toBe(8);
  });
});

describe('tool definitions (OpenAI cookbook num_tokens_for_tools)', () => {
  const weather: ToolDefinition = {
    name: 'get_current_weather',
    description: 'Get the current weather in a given location',
    parameters: {
      type: 'object',
      properties: {
        location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
        unit: { type: 'string', description: 'The unit of temperature to return', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['location'],
    },
  };
  const weatherMessages = [
    { role: 'system', content: 'You are a helpful assistant that can answer to questions about the weather.' },
    { role: 'user', content: "What's the weather like in San Francisco?" },
  ];

  it("reproduces the cookbook's published totals: 101 for gpt-4o, 105 for gpt-4", () => {
    const counter = new TokenCounter();
    expect(counter.countChat(weatherMessages, O200K).tokens + counter.countTools([weather], O200K)).toBe(101);
    expect(counter.countChat(weatherMessages, CL100K).tokens + counter.countTools([weather], CL100K)).toBe(105);
  });

  it('matches a hand-computed count', () => {
    const counter = new TokenCounter();
    const tool: ToolDefinition = {
      name: 'lookup_order',
      description: 'Look up an order by id.',
      parameters: {
        type: 'object',
        properties: {
          order_id: { type: 'string', description: 'The order number.' },
          status: { type: 'string', enum: ['open', 'closed', 'refunded'] },
        },
      },
    };
    // func_init 7 + "lookup_order:Look up an order by id" 9 + prop_init 3
    // + order_id: prop_key 3 + "order_id:string:The order number" 6
    // + status: prop_key 3 + enum_init −3 + (3 + "open" 1) + (3 + "closed" 1) + (3 + "refunded" 2) + "status:string:" 3
    // + func_end 12 = 56
    expect(counter.countTools([tool], O200K)).toBe(56);
    // gpt-4 / gpt-3.5: func_init 10.
    expect(counter.countTools([tool], CL100K)).toBe(59);
    // Anthropic estimate: 56 × 1.25 (the prose factor) = 70.
    expect(counter.countTools([tool], tokenizerFor('anthropic', 'claude-haiku-4-5'))).toBe(70);
  });

  it('a tool without parameters costs func_init + its line; no tools cost nothing', () => {
    const counter = new TokenCounter();
    // 7 + "lookup_order:Look up an order by id" 9 + func_end 12 = 28
    expect(counter.countTools([{ name: 'lookup_order', description: 'Look up an order by id' }], O200K)).toBe(28);
    expect(counter.countTools([], O200K)).toBe(0);
  });
});

describe('memo', () => {
  let counter: TokenCounter;
  beforeAll(() => {
    counter = new TokenCounter();
  });

  it('returns the same count and records a hit', () => {
    const text = 'The same system prompt at base and head.';
    const first = counter.count(text, 'o200k_base');
    const second = counter.count(text, 'o200k_base');
    expect(first).toBe(9);
    expect(second).toBe(9);
    expect(counter.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
    // Another encoding is another entry.
    expect(counter.count(text, 'cl100k_base')).toBe(refCount(text, 'cl100k_base'));
    expect(counter.stats()).toMatchObject({ hits: 1, misses: 2, entries: 2 });
  });

  it('a chat with repeated texts hits the memo', () => {
    const c = new TokenCounter();
    c.countChat(
      [
        { role: 'user', content: 'hi' },
        { role: 'user', content: 'hi' },
      ],
      O200K,
    );
    // "user" and "hi" are tokenised for the first message and found in the memo for the second.
    expect(c.stats()).toMatchObject({ misses: 2, hits: 2 });
  });

  it('stays within its entry limit by dropping the oldest texts', () => {
    const c = new TokenCounter({ maxEntries: 100 });
    for (let i = 0; i < 250; i++) c.count(`text number ${i}`, 'o200k_base');
    const { entries, evictions } = c.stats();
    expect(entries).toBeLessThanOrEqual(100);
    expect(entries + evictions).toBe(250);
    // The newest is still memoised, the oldest is not.
    c.count('text number 249', 'o200k_base');
    expect(c.stats().hits).toBe(1);
    c.count('text number 0', 'o200k_base');
    expect(c.stats().misses).toBe(251);
  });

  it('stays within its byte limit', () => {
    const c = new TokenCounter({ maxKeyBytes: 1000 });
    for (let i = 0; i < 50; i++) c.count(`${'x'.repeat(90)}${i}`, 'o200k_base');
    expect(c.stats().entries).toBeLessThanOrEqual(5); // 92 chars = 184 bytes each
    // A text bigger than the whole budget is counted, not kept.
    expect(c.count('y '.repeat(600), 'o200k_base')).toBe(refCount('y '.repeat(600), 'o200k_base'));
  });
});
