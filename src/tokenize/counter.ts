/**
 * Token counting with gpt-tokenizer (same counts as tiktoken, 4–5× faster than js-tiktoken:
 * pricing-and-tokens.md §4.2), memoised per whole text and encoding.
 */

import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import type { Encoding, TokenizerChoice, ToolDefinition } from '../types.js';
import { toolDefinitionTokens } from './tools.js';

/**
 * Special-token text (`<|endoftext|>`, `<|im_start|>`) in prompts or recorded messages is counted
 * as the plain text it is: nothing is allowed as a special token, nothing is rejected.
 */
const PLAIN_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

const ENCODERS: Record<Encoding, (text: string) => number> = {
  o200k_base: (text) => countO200k(text, PLAIN_TEXT),
  cl100k_base: (text) => countCl100k(text, PLAIN_TEXT),
};

/** OpenAI's chat overhead (cookbook `num_tokens_from_messages`, gpt-3.5-0613 and later). */
export const CHAT_OVERHEAD = {
  /** `<|start|>{role}<|message|>…<|end|>` around each message, beside the role's own tokens. */
  perMessage: 3,
  /** A `name` adds its own tokens plus one. */
  perName: 1,
  /** Every reply is primed with `<|start|>assistant<|message|>`. */
  reply: 3,
} as const;

/** One chat message as counted: `content` null means redacted or not text (never tokenised). */
export interface CountableMessage {
  role: string;
  content: string | null;
  name?: string;
}

/** Memo limits; the defaults hold a large replay (every distinct message text) in a few hundred MB at most. */
export interface TokenCounterOptions {
  /** Most memoised texts per encoding before the oldest tenth is dropped. Default 200,000. */
  maxEntries?: number;
  /** Most bytes of memoised text (UTF-16, 2 per code unit) per encoding. Default 256 MiB. */
  maxKeyBytes?: number;
}

/** Memo hits and misses since construction, for benchmarks and the report's diagnostics. */
export interface TokenCounterStats {
  hits: number;
  misses: number;
  /** Texts currently memoised, all encodings. */
  entries: number;
  /** Texts dropped to stay within the limits. */
  evictions: number;
}

interface Memo {
  map: Map<string, number>;
  keyBytes: number;
}

/**
 * Counts tokens of texts, chats, tool definitions and schemas. One instance is shared between the
 * base and head replays, so a message text that did not change is tokenised once.
 */
export class TokenCounter {
  private readonly memos: Record<Encoding, Memo> = {
    o200k_base: { map: new Map(), keyBytes: 0 },
    cl100k_base: { map: new Map(), keyBytes: 0 },
  };
  private readonly maxEntries: number;
  private readonly maxKeyBytes: number;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(options: TokenCounterOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200_000;
    this.maxKeyBytes = options.maxKeyBytes ?? 256 * 1024 * 1024;
  }

  /** Tokens of `text` in `encoding`, special-token text counted as plain text. Exact, unscaled. */
  count(text: string, encoding: Encoding): number {
    if (text.length === 0) return 0;
    const memo = this.memos[encoding];
    const cached = memo.map.get(text);
    if (cached !== undefined) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const n = ENCODERS[encoding](text);
    const bytes = text.length * 2;
    // A text bigger than the whole budget is counted but never held.
    if (bytes <= this.maxKeyBytes) {
      memo.map.set(text, n);
      memo.keyBytes += bytes;
      if (memo.map.size > this.maxEntries || memo.keyBytes > this.maxKeyBytes) this.evict(memo);
    }
    return n;
  }

  /**
   * Tokens of a chat request's messages by OpenAI's rule: per message 3 + tokens(role) +
   * tokens(content) (+ tokens(name) + 1), plus 3 priming the reply. The role's own tokens are part
   * of the rule: gpt-tokenizer's `encodeChat` and the cookbook both count them (4 short messages
   * with 19 content tokens = 19 + 4 role tokens + 4·3 + 3 = 38).
   *
   * `content: null` (redacted, or not text) adds only the overhead. `perMessage[i]` is message i's
   * count in the encoding's own tokens, overhead included, unscaled, so the parts add up exactly:
   * Σ perMessage + 3 = the unscaled total. `tokens` is that total × `choice.scale`, rounded to the
   * nearest integer once (not per message, so estimates do not accumulate rounding).
   */
  countChat(messages: readonly CountableMessage[], choice: TokenizerChoice): { tokens: number; perMessage: number[] } {
    const perMessage = messages.map((m) => {
      let n = CHAT_OVERHEAD.perMessage + this.count(m.role, choice.encoding);
      if (m.content !== null) n += this.count(m.content, choice.encoding);
      if (m.name !== undefined) n += this.count(m.name, choice.encoding) + CHAT_OVERHEAD.perName;
      return n;
    });
    const raw = perMessage.reduce((a, b) => a + b, 0) + CHAT_OVERHEAD.reply;
    return { tokens: scaled(raw, choice), perMessage };
  }

  /**
   * Tokens that tool definitions add to each request (OpenAI cookbook `num_tokens_for_tools`,
   * see tools.ts), × `choice.scale` rounded. 0 without tools.
   */
  countTools(tools: readonly ToolDefinition[], choice: TokenizerChoice): number {
    return scaled(
      toolDefinitionTokens(tools, choice.encoding, (t) => this.count(t, choice.encoding)),
      choice,
    );
  }

  /** Tokens of a plain text such as a response schema's JSON, × `choice.scale` rounded. */
  countText(text: string, choice: TokenizerChoice): number {
    return scaled(this.count(text, choice.encoding), choice);
  }

  /** Memo hits and misses so far. */
  stats(): TokenCounterStats {
    return {
      hits: this.hits,
      misses: this.misses,
      entries: this.memos.o200k_base.map.size + this.memos.cl100k_base.map.size,
      evictions: this.evictions,
    };
  }

  /** Drops the oldest tenth (insertion order) until within both limits: cheap, and keeps recent texts. */
  private evict(memo: Memo): void {
    while (memo.map.size > 0 && (memo.map.size > this.maxEntries || memo.keyBytes > this.maxKeyBytes)) {
      let drop = Math.max(1, Math.floor(memo.map.size / 10));
      for (const key of memo.map.keys()) {
        memo.map.delete(key);
        memo.keyBytes -= key.length * 2;
        this.evictions++;
        if (--drop === 0) break;
      }
    }
  }
}

/**
 * An exact count as is; an estimate × its scale, rounded half up to a whole token. The product is
 * first cut to 6 decimals so binary error cannot flip a half (30 × 1.15 is 34.5, not 34.4999…).
 */
function scaled(raw: number, choice: TokenizerChoice): number {
  return choice.scale === 1 ? raw : Math.round(Number((raw * choice.scale).toFixed(6)));
}
