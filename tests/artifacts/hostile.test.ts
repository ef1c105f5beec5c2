import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { clearTemplateCache, renderTemplate, templateWork } from '../../src/artifacts/render.js';

type Work = ReturnType<typeof templateWork>;
/** Template work done since `before` (lexer characters searched, render steps, values listed). */
const since = (before: Work): Work => {
  const now = templateWork();
  return { lexed: now.lexed - before.lexed, steps: now.steps - before.steps, listed: now.listed - before.listed };
};

/** Templates from a pull request are data. None of these may reach code, globals or the prototype. */
describe('restricted renderer against hostile templates', () => {
  let protoBefore: string[];
  beforeAll(() => {
    protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  });
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const literal: [string, string][] = [
    ["{{ constructor.constructor('return process')() }}", 'forbidden name "constructor" at line 1'],
    ['{{ __proto__ }}', 'forbidden name "__proto__" at line 1'],
    ['{{ x.constructor.name }}', 'forbidden name "constructor" at line 1'],
    ['{{ x.prototype }}', 'forbidden name "prototype" at line 1'],
    [
      '{{#each (lookup this "constructor")}}[{{this}}]{{/each}}',
      'subexpression helper "lookup" in {{#each}} at line 1',
    ],
    ['{{#each __proto__}}[{{this}}]{{/each}}', 'forbidden name "__proto__" in {{#each}} at line 1'],
    ['{% for x in range(10**9) %}{{ x }}{% endfor %}', 'call "range()" in {% for %} at line 1'],
    ['{% for x in constructor %}{{ x }}{% endfor %}', 'forbidden name "constructor" in {% for %} at line 1'],
    ['{% if x.constructor %}yes{% endif %}', 'forbidden name "constructor" in {% if %} at line 1'],
    ['{{> partial}}', 'partial "partial" at line 1'],
    ["{% include '/etc/passwd' %}", '{% include %} at line 1'],
    ["{% set __proto__.polluted = 'yes' %}", '{% set %} at line 1'],
    ['{{ x.__proto__.polluted }}', 'forbidden name "__proto__" at line 1'],
    ["{{ ''.__class__.__mro__[1].__subclasses__() }}", 'call ".__subclasses__()" at line 1'],
    ['{{#with this as |t|}}{{t.constructor}}{{/with}}', 'block helper "#with" at line 1'],
  ];

  it.each(literal)('%j stays literal text', (template, what) => {
    const r = renderTemplate(template, { x: { name: 'n' } });
    expect(r.text).toBe(template);
    expect(r.unsupported).toContain(what);
  });

  it('does not reach process.env when vars lack `process`', () => {
    const home = process.env.HOME ?? '/root';
    process.env.HOME = home;
    const r = renderTemplate('home={{ process.env.HOME }};{{ globalThis }};{{ this }};{{ this.process }}', { x: 1 });
    expect(r.text).toBe('home=;;{"x":1};');
    expect(r.missing).toEqual(['process.env.HOME', 'globalThis', 'this.process']);
  });

  it('reads only own data properties: no inherited values, no getters, no functions, no toJSON', () => {
    let called = 0;
    const vars: Record<string, unknown> = JSON.parse('{"__proto__": {"polluted": "yes"}, "safe": "ok"}');
    Object.defineProperty(vars, 'secret', {
      enumerable: true,
      get() {
        called++;
        return 'leak';
      },
    });
    vars.fn = () => {
      called++;
      return 'ran';
    };
    vars.obj = {
      a: 1,
      toJSON() {
        called++;
        return 'ran';
      },
    };
    const r = renderTemplate(
      '[{{ polluted }}][{{ secret }}][{{ fn }}][{{ obj }}][{{ safe }}][{{ toString }}][{{ hasOwnProperty }}]',
      vars,
    );
    expect(r.text).toBe('[][][][{"a":1}][ok][][]');
    expect(called).toBe(0);
    expect(r.missing).toEqual(['polluted', 'secret', 'fn', 'toString', 'hasOwnProperty']);
  });

  it('bounds a 5-level loop bomb over 1000-element lists: 3 + 9 × 1001 + 1 + 987 iterations, 9987 dots', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    const t =
      '{% for a in xs %}{% for b in xs %}{% for c in xs %}{% for d in xs %}{% for e in xs %}.' +
      '{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}';
    const before = templateWork();
    const r = renderTemplate(t, { xs });
    // Counted, not timed: one render step per iteration (and one for the outer loop), 14 loops
    // opened over the 1,000-value list before the iteration cap stops the walk.
    const work = since(before);
    expect([work.steps, work.listed]).toEqual([10_001, 14_000]);
    expect(r.text.length).toBe(9987);
    expect(r.unsupported).toEqual(['more than 10000 loop iterations: loop stopped at line 1']);
  });

  it('bounds the same bomb written with {{#each}}', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    const t = '{{#each xs}}'.repeat(5) + '.' + '{{/each}}'.repeat(5);
    const before = templateWork();
    // Each item has no `xs` field, so the inner lists resolve through the outer variables.
    const r = renderTemplate(t, { xs });
    const work = since(before);
    expect([work.steps, work.listed]).toEqual([10_001, 14_000]);
    expect(r.text.length).toBe(9987);
  });

  it('bounds output built from a large value repeated in a loop', () => {
    const xs = Array.from({ length: 5000 }, (_, i) => i);
    const r = renderTemplate('{% for a in xs %}{{ big }}{% endfor %}', { xs, big: 'z'.repeat(10_000) });
    expect(r.text.length).toBe(1_000_000);
    expect(r.unsupported).toEqual(['output longer than 1000000 characters truncated at line 1']);
  });

  it('does linear work on pathological inputs (unclosed tags, deep nesting, long tags)', () => {
    const inputs = [
      '{{'.repeat(200_000),
      '{%'.repeat(200_000),
      '{% raw %}'.repeat(50_000),
      '{% if a %}'.repeat(20_000) + 'x' + '{% endif %}'.repeat(20_000),
      `{{#each x${' '.repeat(100_000)}y}}`,
      `{{ ${'not '.repeat(400)}a }}`,
      `{{ ${'('.repeat(900)}a${')'.repeat(900)} }}`,
      `{${'a'.repeat(300_000)}`,
    ];
    for (const t of inputs) {
      clearTemplateCache();
      const before = templateWork();
      const r = renderTemplate(t, { a: true });
      // Linear, counted: the lexer's searches pass over each character at most 3 times (2.5 at
      // worst here, for the unclosed `{{`), and rendering visits no more nodes than characters.
      const work = since(before);
      expect(work.lexed).toBeGreaterThan(t.length / 2);
      expect(work.lexed).toBeLessThanOrEqual(3 * t.length);
      expect(work.steps).toBeLessThanOrEqual(t.length);
      expect(r.text.length).toBeLessThanOrEqual(1_000_000);
    }
  });

  it('leaves blocks nested deeper than 100 levels as text instead of overflowing the stack', () => {
    const t = '{% if a %}'.repeat(150) + 'x' + '{% endif %}'.repeat(150);
    const r = renderTemplate(t, { a: true });
    expect(r.unsupported).toContain('block nested deeper than 100 levels at line 1');
    expect(r.text).toContain('x');
  });
});
