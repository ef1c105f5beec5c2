import { describe, it, expect } from '@jest/globals';
import { closest, didYouMean, editDistance, maxDistanceFor } from '../../src/text/index.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one edit each', () => {
    expect(editDistance('requets', 'requests')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('teh', 'the')).toBe(1);
    expect(editDistance('abcd', 'acbd')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('stops at limit + 1 once the distance is known to be larger', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });
});

describe('maxDistanceFor', () => {
  it('allows 2 edits, a third of the length for long words, and fewer edits than letters', () => {
    expect(maxDistanceFor('ab')).toBe(1);
    expect(maxDistanceFor('team')).toBe(2);
    expect(maxDistanceFor('requests_per_month')).toBe(6);
    expect(maxDistanceFor('anthropic/claude-sonnet-4-5')).toBe(9);
  });
});

describe('closest', () => {
  const keys = [
    'team',
    'prompt',
    'agent',
    'model',
    'traffic',
    'traffic_format',
    'requests_per_month',
    'requests_per_day',
    'tier',
  ];

  it('finds the intended key of a typo, best first', () => {
    expect(closest('requets_per_month', keys)).toEqual(['requests_per_month']);
    expect(closest('request_per_day', keys)).toEqual(['requests_per_day']);
    expect(closest('promt', keys)).toEqual(['prompt']);
    expect(closest('teem', keys)).toEqual(['team', 'tier']);
    expect(closest('teem', keys, 1)).toEqual(['team']);
  });

  it('compares without case but never suggests the word itself', () => {
    expect(closest('Batch', ['standard', 'batch', 'flex'])).toEqual(['batch']);
    expect(closest('batch', ['standard', 'batch', 'flex'])).toEqual([]);
  });

  it('suggests nothing when nothing is close', () => {
    expect(closest('budgets', ['version', 'features', 'teams', 'policies'])).toEqual([]);
    expect(closest('ab', ['xy', 'cd'])).toEqual([]);
    expect(closest('', keys)).toEqual([]);
    expect(closest('x'.repeat(300), ['x'.repeat(299)])).toEqual([]);
  });

  it('works on model ids from any iterable', () => {
    const ids = new Set(['openai/gpt-4o', 'openai/gpt-4o-mini', 'anthropic/claude-sonnet-4-5']);
    expect(closest('openai/gpt4o', ids)).toEqual(['openai/gpt-4o']);
    expect(closest('openai/gpt-4o-min', ids)).toEqual(['openai/gpt-4o-mini', 'openai/gpt-4o']);
    expect(closest('anthropic/claude-sonet-4-5', ids)).toEqual(['anthropic/claude-sonnet-4-5']);
  });
});

describe('didYouMean', () => {
  it('names only the closest candidates', () => {
    expect(didYouMean('teem', ['team', 'tier'])).toBe('; did you mean "team"?');
    expect(didYouMean('p96', ['mean', 'p95', 'p99'])).toBe('; did you mean "p95" or "p99"?');
    expect(didYouMean('zzzz', ['team'])).toBe('');
  });
});
