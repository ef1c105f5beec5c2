import { describe, it, expect } from '@jest/globals';
import { tokenizerFor } from '../../src/tokenize/choice.js';

describe('tokenizerFor', () => {
  it.each([
    ['openai/gpt-4o', 'o200k_base'],
    ['gpt-4o-mini-2024-07-18', 'o200k_base'],
    ['openai/gpt-4.1-nano', 'o200k_base'],
    ['openai/gpt-4.5-preview', 'o200k_base'],
    ['openai/gpt-5-mini', 'o200k_base'],
    ['openai/o1', 'o200k_base'],
    ['openai/o3-mini', 'o200k_base'],
    ['openai/o4-mini', 'o200k_base'],
    ['openai/chatgpt-4o-latest', 'o200k_base'],
    ['ft:gpt-4o-mini-2024-07-18:acme::abc123', 'o200k_base'],
    ['openai/gpt-4', 'cl100k_base'],
    ['openai/gpt-4-turbo', 'cl100k_base'],
    ['openai/gpt-4-0613', 'cl100k_base'],
    ['openai/gpt-3.5-turbo', 'cl100k_base'],
    ['openai/text-embedding-3-small', 'cl100k_base'],
    ['openai/text-embedding-ada-002', 'cl100k_base'],
  ])('OpenAI %s counts exactly with %s', (id, encoding) => {
    expect(tokenizerFor('openai', id)).toEqual({ encoding, exact: true, scale: 1, band: null, label: encoding });
  });

  it('an Azure deployment resolved to an OpenAI model counts the same', () => {
    expect(tokenizerFor('azure', 'azure/gpt-4o')).toMatchObject({ encoding: 'o200k_base', exact: true });
  });

  it('Anthropic: o200k × 1.15, band 1.0–1.35 of o200k, expressed around the estimate', () => {
    const c = tokenizerFor('anthropic', 'anthropic/claude-sonnet-4-5');
    expect(c).toEqual({
      encoding: 'o200k_base',
      exact: false,
      scale: 1.15,
      band: [0.87, 1.174], // 1.0 / 1.15, 1.35 / 1.15
      label: 'o200k_base ×1.15 (estimate for anthropic, ×1.00–1.35 of o200k_base)',
    });
  });

  it("Google: Gemini 2.0/2.5/3 Pro/3 Flash and Gemma 3 exact with Gemma 3's tokenizer; other Gemini ids estimated with it", () => {
    for (const id of [
      'google/gemini-2.5-flash',
      'gemini-2.5-pro',
      'vertex_ai/gemini-2.0-flash-001',
      'gemini-3-pro-preview',
      'gemini-3-flash-preview',
      'google/gemma-3-27b-it',
    ])
      expect(tokenizerFor('google', id)).toEqual({
        encoding: 'gemma3',
        exact: true,
        scale: 1,
        band: null,
        label: 'gemma3',
      });
    for (const id of ['gemini-3.1-pro-preview', 'gemini-flash-latest', 'gemini-1.5-pro'])
      expect(tokenizerFor('google', id)).toMatchObject({
        encoding: 'gemma3',
        exact: false,
        scale: 1,
        band: [0.9, 1.1],
      });
  });

  it('Llama 3 (3, 3.1, 3.2, 3.3, any host): its own exact tokenizer', () => {
    for (const id of ['meta/llama-3.3-70b-instruct', 'groq/llama3-8b-8192', 'together/meta-llama-3.1-405b'])
      expect(tokenizerFor('meta', id)).toEqual({
        encoding: 'llama3',
        exact: true,
        scale: 1,
        band: null,
        label: 'llama3',
      });
  });

  it('an unknown OpenAI id: o200k, narrow band; anything else: o200k with a wide band', () => {
    expect(tokenizerFor('openai', 'openai/gpt-7-preview')).toMatchObject({
      encoding: 'o200k_base',
      exact: false,
      scale: 1,
      band: [0.9, 1.1],
    });
    expect(tokenizerFor('mistral', 'mistral/mistral-large-latest')).toMatchObject({
      encoding: 'o200k_base',
      exact: false,
      scale: 1,
      band: [0.8, 1.4],
    });
    expect(tokenizerFor('meta', 'meta/llama-2-70b')).toMatchObject({ band: [0.8, 1.4] });
  });

  it('a pricing: tokenizer override is exact with that encoding', () => {
    expect(tokenizerFor('acme', 'acme/finetune-7b', 'cl100k_base')).toEqual({
      encoding: 'cl100k_base',
      exact: true,
      scale: 1,
      band: null,
      label: 'cl100k_base (pricing: tokenizer)',
    });
    // It wins over the family table too.
    expect(tokenizerFor('anthropic', 'anthropic/claude-x', 'o200k_base')).toMatchObject({ exact: true, scale: 1 });
  });
});
