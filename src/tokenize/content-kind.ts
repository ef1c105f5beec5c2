/**
 * What kind of text a prompt is, for the per-content token estimates of vendors without an offline
 * tokenizer (choice.ts): tokenizers differ from o200k by how much of their vocabulary went to
 * which script and to code, so one factor cannot fit prose, code and CJK at once (measured on
 * tests/fixtures/tokenizer-corpus/: Mistral Tekken is ×1.05 of o200k on English prose and ×1.3
 * on Chinese).
 */

import type { ContentKind } from '../types.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const SYMBOL = /[{}[\]()<>;=:"'`|\\/*#$_&^~+-]/g;
const LETTER = /\p{L}/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** Per ASCII code, whether it is code punctuation: read from SYMBOL itself, so the two cannot drift. */
const ASCII_SYMBOL = Uint8Array.from({ length: 128 }, (_, c) =>
  new RegExp(SYMBOL.source).test(String.fromCharCode(c)) ? 1 : 0,
);

/**
 * The kind of a text: CJK when at least a quarter of its letters are CJK characters, else emoji
 * when at least one character in 20 is an emoji, else code when at least 8% of its characters
 * are code punctuation (JSON, code, Markdown tables and fences), else prose. Texts under 2
 * characters are prose.
 */
export function contentKind(text: string): ContentKind {
  if (text.length < 2) return 'prose';
  // Most prompts are ASCII, which holds no CJK character and no pictograph: then code punctuation
  // alone decides, counted in one pass instead of four arrays of matches (the same kind: tested).
  if (!NON_ASCII.test(text)) {
    let symbols = 0;
    for (let i = 0; i < text.length; i++) symbols += ASCII_SYMBOL[text.charCodeAt(i)]!;
    return symbols >= 0.08 * text.length ? 'code' : 'prose';
  }
  return contentKindByMatches(text);
}

/** {@link contentKind} by counting every class's matches, for any text (the reference of the ASCII shortcut). */
export function contentKindByMatches(text: string): ContentKind {
  if (text.length < 2) return 'prose';
  const letters = text.match(LETTER)?.length ?? 0;
  const cjk = text.match(CJK)?.length ?? 0;
  if (letters > 0 && cjk * 4 >= letters) return 'cjk';
  const emoji = text.match(EMOJI)?.length ?? 0;
  if (emoji * 20 >= text.length) return 'emoji';
  const symbols = text.match(SYMBOL)?.length ?? 0;
  return symbols >= 0.08 * text.length ? 'code' : 'prose';
}
