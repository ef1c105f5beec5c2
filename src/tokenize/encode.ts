import type { Encoding } from '../types.js';
import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { tokenizerOf } from './ranks.js';

/** Special-token text is plain text here too (DESIGN: never rejected, never special). */
const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/**
 * The token ids of `text` in a tiktoken-style encoding (o200k_base, cl100k_base, llama3), for
 * comparing prompts token by token (the advisor's stable cache prefix). Gemma 3's SentencePiece
 * table counts but does not hand out ids: o200k_base stands in for it (the caller says so).
 */
export function encodeText(text: string, encoding: Encoding): number[] {
  const enc = encoding === 'gemma3' ? 'o200k_base' : encoding;
  return (tokenizerOf(enc) as GptEncoding).encode(text, PLAIN);
}
