/** Texts that exercise a tokenizer: shared by the rank table, table image and internals tests. */
import { Pcg32 } from '../../src/stats/pcg32.js';

/**
 * How {@link seededTexts} joins its parts: up to `maxParts` a text, and a random code point in one
 * text of `bmpOneIn` (BMP) and of `astralOneIn` (beyond).
 */
export interface CorpusShape {
  maxParts: number;
  bmpOneIn: number;
  astralOneIn: number;
}

/**
 * `n` seeded texts of 1 to `maxParts` of `parts`, each followed by a line break or a space, and
 * now and then a random code point (BMP and beyond, never a lone surrogate).
 */
export function seededTexts(n: number, seed: string, parts: readonly string[], shape: CorpusShape): string[] {
  const g = Pcg32.fromString(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const k = 1 + g.nextBelow(shape.maxParts);
    for (let j = 0; j < k; j++) s += parts[g.nextBelow(parts.length)] + (g.nextBelow(3) === 0 ? '\n' : ' ');
    if (g.nextBelow(shape.bmpOneIn) === 0) s += String.fromCodePoint(0x20 + g.nextBelow(0xd7ff - 0x20));
    if (g.nextBelow(shape.astralOneIn) === 0) s += String.fromCodePoint(0x10000 + g.nextBelow(0x1f000));
    out.push(s);
  }
  return out;
}

/**
 * A mixed corpus: prose in several scripts, code, JSON, emoji, whitespace runs, rare characters,
 * special-token text and random code points (astral and BMP, never a lone surrogate).
 */
export function mixedCorpus(n: number, seed = 'ranks-corpus'): string[] {
  const parts = [
    'The invoice was refunded.',
    'Привет, мир!',
    '你好，世界。',
    'Grüße aus Köln',
    'مرحبا بالعالم',
    'नमस्ते दुनिया',
    '🌍🚀✨',
    '👩‍👩‍👧‍👦',
    'const total = items.reduce((a, b) => a + b.amount, 0);',
    '{"id": 123, "sku": "SKU-42", "qty": 7}',
    '\n\n\t  ',
    ' '.repeat(37),
    '<|endoftext|>',
    '<|im_start|>user',
    "it's we'll they've I'M",
    '1234567890',
    '¡¿ÆØÅ€£¥',
    '\u0000\u0001\u007f',
    'ＡＢＣ　全角',
    'x'.repeat(300),
  ];
  return seededTexts(n, seed, parts, { maxParts: 12, bmpOneIn: 4, astralOneIn: 8 });
}
