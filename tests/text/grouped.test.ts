/**
 * `grouped` writes integers as `toLocaleString('en-US')` does, without starting ICU's number
 * formatting at all (its first use costs a small run ~15–25 ms): compared with the library on
 * edge values and on random integers of every size up to 2^53, and checked to leave the
 * library's own path to what it cannot write itself.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { count, grouped, signedPct, usd } from '../../src/text/index.js';

const library = (n: number) => n.toLocaleString('en-US');

describe('grouped', () => {
  it('is toLocaleString on the edges: zero, minus zero, group boundaries, 2^53 − 1', () => {
    const edges = [0, -0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, 12_345_678, -98_765_432_101, 2 ** 53 - 1];
    for (const n of edges) expect(grouped(n)).toBe(library(n));
    expect(grouped(-0)).toBe('-0');
    expect(grouped(1_048_576)).toBe('1,048,576');
  });

  it('is toLocaleString on random safe integers of any length', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => grouped(n) === library(n)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => grouped(n) === library(n)),
      { numRuns: 5000 },
    );
  });

  it('hands fractions, numbers past 2^53 and non-finite ones to the library', () => {
    for (const n of [1234.5678, 2 ** 60, -(2 ** 70), 1e21, Number.NaN, Infinity, -Infinity])
      expect(grouped(n)).toBe(library(n));
  });

  it('is what the report formatters print with', () => {
    expect(usd(1_234_567.4)).toBe('$1,234,567');
    expect(signedPct(1566.6)).toBe('+1,567%');
    expect(count(-12_345.6)).toBe('-12,346');
    expect(count(25_000_000)).toBe('25,000,000');
  });
});
