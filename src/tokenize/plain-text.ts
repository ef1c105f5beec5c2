/** The one counting rule, on the main thread and in the tokenizer worker. */
import type { TextTokenizer } from './build-tokenizer.js';

/**
 * Special-token text (`<|endoftext|>`, `<|im_start|>`) in prompts or recorded messages is counted
 * as the plain text it is: nothing is allowed as a special token, nothing is rejected.
 */
const PLAIN_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/** Tokens of `text` as plain text (the one counting rule, on the main thread and in the worker). */
export function countPlainText(encoding: TextTokenizer, text: string): number {
  return encoding.countTokens(text, PLAIN_TEXT);
}
