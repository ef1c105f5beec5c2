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

  it('Anthropic: an estimate per content kind, labelled with its factors, band and basis', () => {
    const c = tokenizerFor('anthropic', 'anthropic/claude-sonnet-4-5');
    expect(c).toEqual({
      encoding: 'o200k_base',
      exact: false,
      scale: 1.25,
      kinds: { prose: 1.25, code: 1.23, cjk: 1.72, emoji: 1.48 },
      band: [0.78, 1.35],
      label:
        "estimate (o200k_base ×1.25 prose, ×1.23 code, ×1.72 CJK, ×1.48 emoji; band ×0.78–1.35; basis: ai-tokenizer 1.0.6's Claude Sonnet 4.5 calibration, per content kind; no offline Claude 3+ tokenizer exists)",
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
    expect(tokenizerFor('deepseek', 'deepseek/deepseek-chat')).toEqual({
      encoding: 'o200k_base',
      exact: false,
      scale: 1,
      band: [0.8, 1.4],
      label: 'estimate (o200k_base ×1.00; band ×0.80–1.40; basis: no tokenizer for this model measured)',
    });
    expect(tokenizerFor('meta', 'meta/llama-2-70b')).toMatchObject({ band: [0.8, 1.4] });
    // Mistral (any host): Tekken measured per content kind.
    for (const id of ['mistral/mistral-large-latest', 'together/mixtral-8x22b', 'codestral-2501'])
      expect(tokenizerFor('x', id)).toMatchObject({ exact: false, scale: 1.07, band: [0.78, 1.39] });
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
