/**
 * weightedQuantile's shortcut for weights of 1 (a typed numeric sort and the rank computed from
 * q) against the definition: sort indices by value then index, walk the cumulative weight.
 */
import { describe, expect, it } from '@jest/globals';
import { weightedQuantile } from '../../src/stats/index.js';

/** The definition, as the module wrote it before the shortcut. */
function byDefinition(values: number[], weights: number[], q: number): number {
  if (values.length === 0) return 0;
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const total = weights.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (const i of order) {
    cum += weights[i]!;
    if (cum >= q * total - 1e-9 * total) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('weightedQuantile', () => {
  it('agrees with the definition for weights of 1: ties, sizes 1–400, q at and between ranks', () => {
    const rnd = random(7);
    let checked = 0;
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(rnd() * 400);
      // Costs as the summaries see them: many ties (rounded), some zeros, some large values.
      const values = Array.from({ length: n }, () =>
        rnd() < 0.2 ? 0 : Math.round(rnd() * 50) / 1e4 + (rnd() < 0.05 ? 3 : 0),
      );
      const ones = values.map(() => 1);
      for (const q of [0, 0.05, 0.5, 0.95, 1, rnd(), 1 / n, (n - 1) / n, 0.5 + 1e-12]) {
        expect(weightedQuantile(values, ones, q)).toBe(byDefinition(values, ones, q));
        checked++;
      }
    }
    expect(checked).toBe(3600);
    // An even set's median is its lower middle value.
    expect(weightedQuantile([4, 1, 3, 2], [1, 1, 1, 1], 0.5)).toBe(2);
  });

  it('keeps the definition for other weights, NaN and −0', () => {
    const rnd = random(11);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rnd() * 60);
      const values = Array.from({ length: n }, () => Math.round(rnd() * 20));
      const weights = values.map(() => (rnd() < 0.5 ? 1 : Math.round(rnd() * 5) / 2));
      for (const q of [0.5, 0.95, rnd()])
        expect(weightedQuantile(values, weights, q)).toBe(byDefinition(values, weights, q));
    }
    expect(Object.is(weightedQuantile([0, -0, 1], [1, 1, 1], 0.5), byDefinition([0, -0, 1], [1, 1, 1], 0.5))).toBe(
      true,
    );
    expect(weightedQuantile([NaN, 2, 1], [1, 1, 1], 0.95)).toBe(byDefinition([NaN, 2, 1], [1, 1, 1], 0.95));
  });
});
