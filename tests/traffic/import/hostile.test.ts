/**
 * Hostile and broken records through every source importer: never a throw, always a reason or
 * calls; `__proto__` keys at every depth of every reference example reach no prototype, no
 * `where:` field and no line. Records are mutated by a seeded generator (bounded count).
 */
import { describe, expect, it } from '@jest/globals';
import { importers } from '../../../src/traffic/import/sources/index.js';
import { mulberry32 } from '../../helpers/random.js';
import { EXAMPLES } from './examples.js';

const AT = { file: 'x.jsonl', line: 1, index: 0 };
const examples = Object.values(EXAMPLES).flat();

/** Every path to a value in a JSON tree (objects and arrays), up to 200. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length >= 200) return out;
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
  let o = copy;
  for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
  return copy;
}

const NASTY: unknown[] = [null, -1, 1.5, 1e300, 'NaN', '', 'x'.repeat(300), [], {}, [[[]]], true, { __proto__: null }];

describe('source importers on hostile records', () => {
  it('never throw: every mutation of every example gives calls or a reason', () => {
    const rand = mulberry32(13);
    let mapped = 0;
    for (const ex of examples) {
      const all = paths(ex);
      for (let i = 0; i < 60; i++) {
        const path = all[Math.floor(rand() * all.length)]!;
        const value = NASTY[Math.floor(rand() * NASTY.length)];
        const record = setAt(ex, path, value);
        for (const imp of importers) {
          expect(() => imp.detect(record)).not.toThrow();
          const r = imp.map(record, AT);
          if (r.ok) for (const c of r.calls) expect(typeof c.line).toBe('object');
          else expect(r.reason.length).toBeGreaterThan(0);
          mapped++;
        }
      }
    }
    expect(mapped).toBe(examples.length * 60 * importers.length);
  });

  it('drop __proto__ keys at every depth of every example', () => {
    let read = 0;
    for (const ex of examples) {
      const text = JSON.stringify(ex).replace(/\{"/g, '{"__proto__":{"polluted":true,"input_tokens":1},"');
      const record = JSON.parse(text) as unknown;
      for (const imp of importers) {
        if (!imp.detect(ex)) continue;
        const r = imp.map(record, AT);
        expect([imp.label, r.ok]).toEqual([imp.label, true]);
        if (!r.ok) continue;
        read += r.calls.length;
        for (const c of r.calls) {
          expect(Object.getPrototypeOf(c.fields)).toBeNull();
          expect(Object.keys(c.fields).some((k) => k.split('.').includes('__proto__'))).toBe(false);
          expect(JSON.stringify(c.line)).not.toContain('polluted');
        }
      }
    }
    // Every example gives its call but the two batch request lines and the batch error line; the
    // Langfuse and Helicone examples are read twice (their JSON and CSV importers).
    expect(read).toBe(examples.length - 3 + 2);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
