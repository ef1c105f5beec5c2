/** Texts that exercise a tokenizer: shared by the rank table tests. */
import { Pcg32 } from '../../src/stats/pcg32.js';

/**
 * A mixed corpus: prose in several scripts, code, JSON, emoji, whitespace runs, rare characters,
 * special-token text and random code points (astral and BMP, never a lone surrogate).
 */
export function mixedCorpus(n: number, seed = 'ranks-corpus'): string[] {
  const g = Pcg32.fromString(seed);
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
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const k = 1 + g.nextBelow(12);
    for (let j = 0; j < k; j++) s += parts[g.nextBelow(parts.length)] + (g.nextBelow(3) === 0 ? '\n' : ' ');
    // A random code point now and then (astral and BMP, never a lone surrogate).
    if (g.nextBelow(4) === 0) s += String.fromCodePoint(0x20 + g.nextBelow(0xd7ff - 0x20));
    if (g.nextBelow(8) === 0) s += String.fromCodePoint(0x10000 + g.nextBelow(0x1f000));
    out.push(s);
  }
  return out;
}
