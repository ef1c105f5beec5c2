import { describe, expect, it } from '@jest/globals';
import { createCatalog } from '../../src/catalog/index.js';
import { candidatesFor, familyLine } from '../../src/advisor/candidates.js';

const catalog = createCatalog({ pricing: {}, discounts: {}, models: {} });
const date = new Date('2026-11-27T00:00:00Z');
const query = (id: string, configured?: string[]) =>
  candidatesFor({
    current: catalog.resolve(id),
    catalog,
    date,
    tier: 'standard',
    meanInput: 500,
    meanOutput: 200,
    configured,
  });

describe('advisor candidates', () => {
  it('family lines drop size words and dates', () => {
    expect(familyLine('openai/gpt-4o-mini-2024-07-18')).toBe('gpt-4o');
    expect(familyLine('openai/gpt-4.1-nano')).toBe('gpt-4.1');
    expect(familyLine('anthropic/claude-haiku-4-5')).toBe(familyLine('anthropic/claude-sonnet-4-5'));
    expect(familyLine('google/gemini-2.5-flash-lite')).toBe('gemini-2.5');
  });

  it('by default: the cheaper models of the same vendor and line, cheapest first', () => {
    const c = query('openai/gpt-4.1');
    // gpt-4.1 $2/$8, gpt-4.1-mini $0.40/$1.60, gpt-4.1-nano $0.10/$0.40 per 1M.
    expect(c.models.map((m) => m.canonical)).toEqual(['openai/gpt-4.1-nano', 'openai/gpt-4.1-mini']);
    expect(c.origin).toBe('catalog');
    expect(query('openai/gpt-4.1-nano').models).toEqual([]);
  });

  it('configured ids are kept as written (even a dearer one); globs keep cheaper matches; unknown ids are notes', () => {
    const c = query('openai/gpt-4o-mini', [
      'openai/gpt-4.1-nano',
      'openai/gpt-4o',
      'google/gemini-2.5-flash*',
      'openai/nope-9',
    ]);
    const ids = c.models.map((m) => m.canonical);
    expect(ids.slice(0, 2)).toEqual(['openai/gpt-4.1-nano', 'openai/gpt-4o']);
    expect(ids).toContain('google/gemini-2.5-flash-lite');
    expect(ids).not.toContain('google/gemini-2.5-flash'); // $0.30/$2.50: dearer than gpt-4o-mini on this mix
    expect(c.notes).toEqual([expect.stringContaining('openai/nope-9 is not in the price catalog')]);
    expect(c.origin).toBe('configured');
  });
});
