/**
 * Builds any encoding's tokenizer from its table: the tiktoken-style ones (OpenAI's, Llama 3's)
 * inside gpt-tokenizer's encoding (gpt-tokenizer-internals.ts), Gemma 3's SentencePiece BPE on its
 * own (sentencepiece-bpe.ts). Shared by the main thread (ranks.ts) and the tokenizer worker, which
 * must not import the rank tables themselves (it is sent them).
 */
import type { Encoding } from '../types.js';
import { buildEncoding } from './gpt-tokenizer-internals.js';
import { SentencePieceBpe } from './sentencepiece-bpe.js';

/** What counting needs of a tokenizer (gpt-tokenizer's `countTokens` signature). */
export interface TextTokenizer {
  countTokens(text: string, options?: { allowedSpecial?: Set<string>; disallowedSpecial?: Set<string> }): number;
}

/** An encoding's table: packed ranks (ASCII) for tiktoken-style encodings, the packed bytes for Gemma 3. */
export type TokenizerTable = string | Uint8Array;

/** The tokenizer of an encoding, built from its table. */
export function buildTokenizer(encoding: Encoding, table: TokenizerTable): TextTokenizer {
  if (encoding === 'gemma3') {
    if (typeof table === 'string') throw new Error('tokenize: the Gemma 3 table is bytes, not text'); // a build bug
    return new SentencePieceBpe(Buffer.from(table.buffer, table.byteOffset, table.byteLength));
  }
  if (typeof table !== 'string') throw new Error(`tokenize: the ${encoding} table is text, not bytes`); // a build bug
  return buildEncoding(encoding, table);
}
