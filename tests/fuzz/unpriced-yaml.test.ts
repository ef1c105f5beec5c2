/**
 * Property-based test of the unpriced scan's YAML facts (LiteLLM, promptfoo, prompt and agent
 * files): for any text built from YAML fragments (anchors, aliases, flow brackets, tabs, duplicate
 * keys, front matter fences), the scan never throws, gives at most one entry per changed artifact,
 * and every "not scanned" entry names the file and, when the reader gave one, a line inside the
 * file. Bounded by count (FUZZ_RUNS, default 160), seeded (FUZZ_SEED).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findUnpricedChanges } from '../../src/unpriced/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 160);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

const fragment = fc.constantFrom(
  'model_list:\n',
  '  - model_name: cheap\n',
  '    litellm_params:\n',
  '      model: openai/gpt-4o-mini\n',
  '      max_tokens: 100\n',
  'providers: [openai:gpt-4o]\n',
  'providers:\n  - id: openai:gpt-4o\n    config: { max_tokens: 5 }\n',
  'evaluateOptions: { repeat: 3 }\n',
  'model: openai/gpt-4o\n',
  'a: &a [x, x, x, x, x, x, x, x, x, x]\n',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n',
  'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
  'p: &p { q: *p }\n',
  '[[[[[[[[[[[[[[[[[[[[',
  ']]]]]',
  '\tkey: value\n',
  'model: 1\nmodel: 2\n',
  '---\n',
  '? [a]\n: b\n',
  '"unclosed\n',
  '__proto__: { model: x }\n',
  ': \n',
  '*nowhere\n',
);
const text = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
const path = fc.constantFrom(
  'config.yaml',
  'promptfooconfig.yaml',
  'prompts/a.prompt.yml',
  '.claude/agents/x.md',
  'src/crew/config/agents.yaml',
  'p.prompty',
);

describe('fuzz: unpriced scan of artifact YAML', () => {
  it(`${RUNS} texts: never throws; every "not scanned" entry names the file and a line in it`, () => {
    const seen = { notScanned: 0, read: 0 };
    fc.assert(
      fc.property(path, text, text, (p, base, body) => {
        // Front matter is the YAML between two fences; a LiteLLM config.yaml is one with model_list.
        const head = p.endsWith('.md') ? `---\n${body}---\nBody\n` : `model_list:\n${body}`;
        const changes = findUnpricedChanges([{ path: p, status: 'modified', base, head }], {
          mapped: new Set(),
          priceRatio: () => 2,
        });
        expect(changes.length).toBeLessThanOrEqual(1);
        for (const c of changes) {
          expect(c.file).toBe(p);
          expect(c.summary).not.toMatch(/undefined|NaN/);
          if (/ not scanned: /.test(c.summary)) {
            seen.notScanned++;
            expect(c.summary.startsWith(c.line === null ? `${p} not scanned: ` : `${p}:${c.line} not scanned: `)).toBe(
              true,
            );
            if (c.line !== null) {
              expect(c.line).toBeGreaterThanOrEqual(1);
              expect(c.line).toBeLessThanOrEqual(head.split('\n').length);
            }
          } else {
            seen.read++;
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both outcomes occur, so the properties above were exercised.
    expect(seen.notScanned).toBeGreaterThan(0);
    expect(seen.read).toBeGreaterThan(0);
  });
});
