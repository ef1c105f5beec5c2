import { describe, expect, it } from '@jest/globals';
import { ConfigError, UnknownModelError } from '../../src/errors.js';
import { createCatalog } from '../../src/catalog/index.js';
import { knownIds } from '../../src/catalog/suggest.js';
import type { CallUsage } from '../../src/types.js';

const DATE = new Date('2026-11-28T00:00:00Z');
/** 10,000 input + 1,000 output tokens: cost = 0.01 × input price + 0.001 × output price (USD per 1M). */
const SMALL: CallUsage = {
  inputTokens: 10_000,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens: 1_000,
};
const cost = (inPerM: number, outPerM: number): number => 0.01 * inPerM + 0.001 * outPerM;

function catalog(models: Record<string, string> = {}) {
  return createCatalog({ pricing: {}, discounts: {}, models });
}

describe('resolve: real id spellings', () => {
  // [spelling, canonical, catalog provider, family, expected USD for SMALL or null when the
  // reference has no vendor price to check against]. Prices typed from the vendor pages quoted in
  // reference/pricing-and-tokens.md (gpt-4o 2.5/10, gpt-4o-mini 0.15/0.6, o3 2/8 after 2025-06-10,
  // Sonnet 4/4.5/4.6 3/15, Haiku 3.5 0.8/4, gemini-2.5-pro 1.25/10 ≤200k, gemini-2.5-flash 0.3/2.5).
  const table: [string, string, string, string, number | null][] = [
    ['openai/gpt-4o', 'openai/gpt-4o', 'openai', 'openai', cost(2.5, 10)],
    ['openai:gpt-4o', 'openai/gpt-4o', 'openai', 'openai', cost(2.5, 10)],
    ['gpt-4o', 'openai/gpt-4o', 'openai', 'openai', cost(2.5, 10)],
    ['GPT-4o', 'openai/gpt-4o', 'openai', 'openai', cost(2.5, 10)],
    ['gpt-4o-2024-08-06', 'openai/gpt-4o-2024-08-06', 'openai', 'openai', cost(2.5, 10)],
    ['openai:chat:gpt-4o-mini', 'openai/gpt-4o-mini', 'openai', 'openai', cost(0.15, 0.6)],
    ['o3-2025-04-16', 'openai/o3-2025-04-16', 'openai', 'openai', cost(2, 8)],
    ['anthropic/claude-sonnet-4-5', 'anthropic/claude-sonnet-4-5', 'anthropic', 'anthropic', cost(3, 15)],
    ['anthropic:messages:claude-sonnet-4-6', 'anthropic/claude-sonnet-4-6', 'anthropic', 'anthropic', cost(3, 15)],
    ['claude-sonnet-4-20250514', 'anthropic/claude-sonnet-4-20250514', 'anthropic', 'anthropic', cost(3, 15)],
    ['claude-3-5-haiku-20241022', 'anthropic/claude-3-5-haiku-20241022', 'anthropic', 'anthropic', cost(0.8, 4)],
    [
      'bedrock/anthropic.claude-sonnet-4-20250514-v1:0',
      'bedrock/anthropic.claude-sonnet-4-20250514-v1:0',
      'aws',
      'anthropic',
      cost(3, 15),
    ],
    [
      'bedrock/us.anthropic.claude-sonnet-4-20250514-v1:0',
      'bedrock/us.anthropic.claude-sonnet-4-20250514-v1:0',
      'aws',
      'anthropic',
      cost(3, 15),
    ],
    [
      'bedrock/eu.anthropic.claude-sonnet-4-20250514-v1:0',
      'bedrock/eu.anthropic.claude-sonnet-4-20250514-v1:0',
      'aws',
      'anthropic',
      cost(3, 15),
    ],
    [
      'bedrock/apac.anthropic.claude-sonnet-4-20250514-v1:0',
      'bedrock/apac.anthropic.claude-sonnet-4-20250514-v1:0',
      'aws',
      'anthropic',
      cost(3, 15),
    ],
    [
      'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      'bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0',
      'aws',
      'anthropic',
      cost(0.8, 4),
    ],
    ['vertex_ai/gemini-2.5-pro', 'google/gemini-2.5-pro', 'google', 'google', cost(1.25, 10)],
    ['vertex_ai/claude-sonnet-4@20250514', 'vertex_ai/claude-sonnet-4@20250514', 'google', 'anthropic', cost(3, 15)],
    ['gemini/gemini-2.5-flash', 'google/gemini-2.5-flash', 'google', 'google', cost(0.3, 2.5)],
    ['google/gemini-2.5-pro', 'google/gemini-2.5-pro', 'google', 'google', cost(1.25, 10)],
    ['googleai/gemini-2.5-flash', 'google/gemini-2.5-flash', 'google', 'google', cost(0.3, 2.5)],
    ['google-gla:gemini-2.5-flash', 'google/gemini-2.5-flash', 'google', 'google', cost(0.3, 2.5)],
    ['gemini-2.5-pro-preview-05-06', 'google/gemini-2.5-pro-preview-05-06', 'google', 'google', cost(1.25, 10)],
    [
      'openrouter/anthropic/claude-sonnet-4',
      'openrouter/anthropic/claude-sonnet-4',
      'openrouter',
      'anthropic',
      cost(3, 15),
    ],
    ['openrouter/openai/gpt-4o:nitro', 'openrouter/openai/gpt-4o', 'openrouter', 'openai', cost(2.5, 10)],
    ['openrouter/openai/gpt-4o:floor', 'openrouter/openai/gpt-4o', 'openrouter', 'openai', cost(2.5, 10)],
    [
      'openrouter/meta-llama/llama-3.3-70b-instruct',
      'openrouter/meta-llama/llama-3.3-70b-instruct',
      'openrouter',
      'meta',
      null,
    ],
    ['mistral/mistral-large-latest', 'mistral/mistral-large-latest', 'mistral', 'mistral', null],
    ['groq/llama-3.3-70b-versatile', 'groq/llama-3.3-70b-versatile', 'groq', 'meta', null],
    ['bedrock/meta.llama3-70b-instruct-v1:0', 'bedrock/meta.llama3-70b-instruct-v1:0', 'aws', 'meta', null],
    ['sonnet', 'anthropic/claude-sonnet-4-5', 'anthropic', 'anthropic', cost(3, 15)],
    ['azure/prod-gpt4o', 'openai/gpt-4o', 'openai', 'openai', cost(2.5, 10)],
  ];
  const c = catalog({ sonnet: 'anthropic/claude-sonnet-4-5', 'azure/prod-gpt4o': 'openai/gpt-4o' });

  it.each(table)('%s → %s', (id, canonical, provider, family, usd) => {
    const m = c.resolve(id);
    expect(m).toMatchObject({ requested: id, canonical, provider, family, source: 'catalog' });
    const p = c.price(m, SMALL, { tier: 'standard', date: DATE });
    if (usd === null) expect(p.total).toBeGreaterThan(0);
    else expect(p.total).toBeCloseTo(usd, 12);
    expect(p.total).toBeCloseTo(p.input + p.output, 12);
  });

  it('names the catalog entry each spelling is priced from', () => {
    expect(c.resolve('gpt-4o-2024-08-06').priceId).toBe('gpt-4o');
    expect(c.resolve('claude-3-5-haiku-20241022').priceId).toBe('claude-3-5-haiku-latest');
    expect(c.resolve('bedrock/eu.anthropic.claude-sonnet-4-20250514-v1:0').priceId).toBe(
      'regional.anthropic.claude-sonnet-4-20250514-v1:0',
    );
    expect(c.resolve('vertex_ai/claude-sonnet-4@20250514').priceId).toBe('claude-4-sonnet');
  });

  it('memoises: the same id gives the same object', () => {
    expect(c.resolve('openai/gpt-4o')).toBe(c.resolve('openai/gpt-4o'));
  });

  it('every canonical id it suggests resolves back to itself', () => {
    const fresh = catalog();
    const ids = knownIds();
    expect(ids.length).toBeGreaterThan(1000);
    const broken = ids.filter((k) => {
      try {
        const m = fresh.resolve(k.canonical);
        return m.canonical !== k.canonical || m.provider !== k.providerId;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });
});

describe('resolve: errors', () => {
  it('an Azure deployment name without an alias is an UnknownModelError with the alias hint', () => {
    const c = catalog();
    const where = { file: 'prompts/triage.prompt.yml', line: 3, column: 8 };
    let err: unknown;
    try {
      c.resolve('azure/prod-gpt4o', where);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownModelError);
    const e = err as UnknownModelError;
    expect(e.message).toBe('unknown model "azure/prod-gpt4o": no price in the catalog or in pricing:.');
    expect(e.hint).toContain(
      'Azure deployment names are yours to choose: map it under models: (e.g. models: { "azure/prod-gpt4o": openai/gpt-4o })',
    );
    expect(e.location).toEqual(where);
    expect(e.format()).toContain('prompts/triage.prompt.yml:3:8: unknown model "azure/prod-gpt4o"');
    expect(() => c.resolve('azure_openai/gpt-4o')).toThrow(UnknownModelError);
  });

  it('an unknown model names up to 3 close ids and how to add a price', () => {
    const c = catalog();
    let e: UnknownModelError | undefined;
    try {
      c.resolve('anthropic/claude-sonet-4-5');
    } catch (x) {
      e = x as UnknownModelError;
    }
    expect(e).toBeInstanceOf(UnknownModelError);
    expect(e?.suggestions[0]).toBe('anthropic/claude-sonnet-4-5');
    expect(e?.suggestions.length).toBeLessThanOrEqual(3);
    expect(e?.message).toContain('Closest known ids: anthropic/claude-sonnet-4-5');
    expect(e?.hint).toContain('pricing: { "anthropic/claude-sonet-4-5": { input: 1.0, output: 2.0 } }');

    expect(() => c.resolve('gpt-4o-maxi')).toThrow(/Closest known ids: openai\/gpt-4o-mini/);
  });

  it('memoised failures still carry the caller’s location', () => {
    const c = catalog();
    const at = (line: number) => {
      try {
        c.resolve('acme/unknown-model', { file: 'a.jsonl', line });
      } catch (e) {
        return (e as UnknownModelError).location;
      }
      return undefined;
    };
    expect(at(1)).toEqual({ file: 'a.jsonl', line: 1 });
    expect(at(7)).toEqual({ file: 'a.jsonl', line: 7 });
  });

  it('`openai/` in front of another vendor’s model is a gateway protocol, not a price', () => {
    const c = catalog();
    let e: UnknownModelError | undefined;
    try {
      c.resolve('openai/claude-3-5-sonnet-20241022');
    } catch (x) {
      e = x as UnknownModelError;
    }
    expect(e?.suggestions[0]).toBe('anthropic/claude-3-5-sonnet-20241022');
    expect(e?.hint).toContain('OpenAI-compatible gateway');
  });

  it('a catalog entry without a per-token price is not priced at $0', () => {
    const c = catalog();
    expect(() => c.resolve('github-copilot/gpt-4o')).toThrow(UnknownModelError);
    expect(() => c.resolve('google/gemma-3')).toThrow(/no price/);
  });

  it('an alias to an unknown id points at the alias in the config', () => {
    const c = createCatalog({
      pricing: {},
      discounts: {},
      models: { fast: 'anthropic/claude-haiku-9' },
      configFile: '.aicost.yml',
      positions: { 'models.fast': { line: 12, column: 9 } },
    });
    expect(() => c.resolve('fast', { file: 'traffic.jsonl', line: 4 })).toThrow(UnknownModelError);
    try {
      c.resolve('fast');
    } catch (e) {
      expect((e as UnknownModelError).location).toEqual({ file: '.aicost.yml', line: 12, column: 9 });
      expect((e as UnknownModelError).modelId).toBe('anthropic/claude-haiku-9');
    }
  });

  it('an alias cycle is a ConfigError at the alias', () => {
    const c = createCatalog({
      pricing: {},
      discounts: {},
      models: { a: 'b', b: 'a' },
      configFile: '.aicost.yml',
      positions: { 'models.a': { line: 5, column: 3 } },
    });
    let e: ConfigError | undefined;
    try {
      c.resolve('a');
    } catch (x) {
      e = x as ConfigError;
    }
    expect(e).toBeInstanceOf(ConfigError);
    expect(e?.message).toBe('models: aliases form a cycle: a → b → a');
    expect(e?.location).toEqual({ file: '.aicost.yml', line: 5, column: 3 });
  });
});

describe('resolve: models: aliases and pricing: overrides', () => {
  it('aliases chain before resolution continues', () => {
    const c = catalog({ cheap: 'mini', mini: 'openai:gpt-4o-mini' });
    expect(c.resolve('cheap')).toMatchObject({
      requested: 'cheap',
      canonical: 'openai/gpt-4o-mini',
      priceId: 'gpt-4o-mini',
    });
  });

  it('a pricing: key wins over the catalog whether it matches the raw id, the alias target or the canonical id', () => {
    const c = createCatalog({
      pricing: { 'openai/gpt-4o': { input: 2, output: 8, cachedInput: 1 } },
      discounts: {},
      models: { main: 'openai:gpt-4o' },
    });
    for (const id of ['openai/gpt-4o', 'gpt-4o', 'main', 'openai:gpt-4o']) {
      expect(c.resolve(id)).toMatchObject({
        canonical: 'openai/gpt-4o',
        provider: 'override',
        priceId: 'openai/gpt-4o',
        family: 'openai',
        source: 'pricing',
      });
    }
    // A dated snapshot is its own canonical id: the catalog still prices it.
    expect(c.resolve('gpt-4o-2024-08-06').source).toBe('catalog');
  });

  it('a pricing: key prices a private model the catalog does not know', () => {
    const c = createCatalog({
      pricing: { 'acme/finetune-7b': { input: 0.2, output: 0.8, cachedInput: 0.1, tokenizer: 'cl100k_base' } },
      discounts: {},
      models: { ft: 'acme/finetune-7b' },
    });
    const m = c.resolve('ft');
    expect(m).toEqual({
      requested: 'ft',
      canonical: 'acme/finetune-7b',
      provider: 'override',
      priceId: 'acme/finetune-7b',
      family: 'acme',
      source: 'pricing',
      tokenizer: 'cl100k_base',
    });
    expect(c.info.overrides).toBe(1);
  });

  it('rejects a negative override price and an out-of-range discount', () => {
    expect(() => createCatalog({ pricing: { x: { input: -1, output: 1 } }, discounts: {}, models: {} })).toThrow(
      ConfigError,
    );
    expect(() => createCatalog({ pricing: {}, discounts: { openai: 15 }, models: {} })).toThrow(/between 0 and 1/);
    expect(() => createCatalog({ pricing: {}, discounts: { google: 0.1, vertex_ai: 0.2 }, models: {} })).toThrow(
      /both name provider google/,
    );
  });
});
