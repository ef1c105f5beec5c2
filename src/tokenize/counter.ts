/**
 * Token counting with gpt-tokenizer (same counts as tiktoken, 4–5× faster than js-tiktoken:
 * pricing-and-tokens.md §4.2), memoised per whole text and encoding.
 */

import { availableParallelism } from 'node:os';
import type { ContentKind, Encoding, TokenizerChoice, ToolDefinition } from '../types.js';
import { contentKind } from './content-kind.js';
import { countPlainText } from './plain-text.js';
import { TokenizerPool } from './pool.js';
import type { CountJob } from './pool.js';
import { tokenizerOf } from './ranks.js';
import { toolDefinitionTokens } from './tools.js';
import { yieldToEvents } from '../workers/index.js';

/**
 * Tokens of `text` in `encoding`, special-token text counted as plain text; the encoding is built
 * on first use (ranks.ts), so a run loads only what it counts with.
 */
export function countPlain(text: string, encoding: Encoding): number {
  return countPlainText(tokenizerOf(encoding), text);
}

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

/**
 * Samples in a run from which the worker threads (the token counter's, the bootstrap's) pay for
 * their start: the diff's schedule and the advisor's count ahead both start them from here.
 */
export const PARALLEL_MIN_SAMPLES = 2000;

/** New text below this size is counted on the main thread alone: a worker round trip would not pay. */
const PARALLEL_MIN_CHARS = 512 * 1024;

/** Memo value of a text a prefill has queued but not counted yet (counts are ≥ 0). */
const PENDING = -1;

/** A batch handed to {@link TokenCounter.queue}: its size, and the main thread's part of it. */
export interface QueuedCounts {
  /** Characters of the texts that were new (0 when every text was memoised already). */
  chars: number;
  /** Counts what the worker has not taken yet on the main thread, then waits for the rest. */
  join(): Promise<void>;
  /**
   * Settles when the worker has stopped taking texts of the batch (at once without a worker): a
   * caller with other work to do waits for this before `join`, so the main thread counts nothing
   * the worker would have.
   */
  taken: Promise<void>;
}

/** Options of {@link TokenCounter.prepare}. */
export interface PrepareOptions {
  /** Encodings the run will count with: the worker builds them while the caller goes on. */
  encodings?: readonly Encoding[];
  /**
   * Helper threads for {@link TokenCounter.prefill}: 0 or 1 (more would only contend on the
   * 2-core runners this is made for). Default: 1 when the machine has 2 or more cores.
   */
  workers?: number;
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
  /** Texts counted by the worker thread (included in misses). */
  offloaded: number;
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
    llama3: { map: new Map(), keyBytes: 0 },
    gemma3: { map: new Map(), keyBytes: 0 },
  };
  private readonly maxEntries: number;
  private readonly maxKeyBytes: number;
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private offloaded = 0;
  private pool: TokenizerPool | null = null;
  /** Content kinds of texts counted for per-content estimates (only those: exact counts need none). */
  private readonly kinds = new Map<string, ContentKind>();

  constructor(options: TokenCounterOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200_000;
    this.maxKeyBytes = options.maxKeyBytes ?? 256 * 1024 * 1024;
  }

  /** Tokens of `text` in `encoding`, special-token text counted as plain text. Exact, unscaled. */
  count(text: string, encoding: Encoding): number {
    if (text.length === 0) return 0;
    const memo = this.memos[encoding];
    const cached = memo.map.get(text);
    if (cached !== undefined && cached !== PENDING) {
      this.hits++;
      return cached;
    }
    // Not known, or queued by a prefill that has not come back yet: count it here (same count).
    this.misses++;
    const n = countPlain(text, encoding);
    this.remember(memo, text, n);
    return n;
  }

  /**
   * Starts the tokenizer worker (see {@link PrepareOptions.workers}) so that {@link prefill} can
   * count on two threads; call it once, early (the worker loads while the caller reads the
   * repository). Without it, prefill counts on the main thread. Counting itself stays synchronous
   * and never waits for the worker.
   */
  prepare(options: PrepareOptions = {}): void {
    const workers = options.workers ?? (availableParallelism() > 1 ? 1 : 0);
    if (workers > 0 && !this.pool) this.pool = new TokenizerPool(options.encodings ?? []);
  }

  /**
   * Counts every text not memoised yet, on the main thread and the worker together, and memoises
   * the counts: the replay that follows finds them all (counts are the same wherever they are
   * made: same tables, same code). Meant for the distinct message texts of a feature at both
   * revisions, collected before replaying it.
   *
   * The worker starts on the batch before this returns its promise; the main thread joins in
   * after a turn of the event loop. So a caller may start the next feature's prefill, replay the
   * current feature (whose counts are in) meanwhile, and await the prefill after: both cores stay
   * busy. Texts memoised before the main thread joins are not counted twice.
   */
  prefill(texts: Iterable<string>, encoding: Encoding): Promise<void> {
    const queued = this.queue(texts, encoding);
    return yieldToEvents().then(() => queued.join());
  }

  /**
   * Like {@link prefill}, but the main thread joins in only when the caller asks (`join`): the
   * worker counts alone meanwhile, so the main thread can go on reading the repository. Batches
   * are counted in the order they are queued. Without a usable worker, or for a batch too small
   * to pay for the round trip, the texts are counted here and now.
   */
  queue(texts: Iterable<string>, encoding: Encoding): QueuedCounts {
    const memo = this.memos[encoding];
    const pool = this.pool;
    // Each new text is entered in the memo as PENDING at once: that is the de-duplication (one
    // hash of the text, reused by every later lookup of the same string).
    const todo: string[] = [];
    let chars = 0;
    for (const t of texts) {
      if (t.length === 0 || memo.map.has(t)) continue;
      if (pool?.usable) this.remember(memo, t, PENDING);
      else this.count(t, encoding);
      todo.push(t);
      chars += t.length;
    }
    const now = Promise.resolve();
    if (!pool?.usable) return { chars, join: () => now, taken: now };
    if (chars < PARALLEL_MIN_CHARS) {
      for (const t of todo) this.count(t, encoding);
      return { chars, join: () => now, taken: now };
    }
    const job = pool.start(encoding, todo);
    let joined: Promise<void> | undefined;
    return { chars, join: () => (joined ??= this.joinJob(job, encoding)), taken: job.done.then(() => undefined) };
  }

  /** The main thread's share of a queued batch, then every count into the memo. */
  private async joinJob(job: CountJob, encoding: Encoding): Promise<void> {
    const memo = this.memos[encoding];
    const { texts, counts } = job;
    for (let i = job.take(); i >= 0; i = job.take()) Atomics.store(counts, i, countPlain(texts[i]!, encoding));
    this.offloaded += await job.done;
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      if (memo.map.get(t) !== PENDING) continue; // counted meanwhile by the replay, or evicted
      let n = Atomics.load(counts, i);
      if (n < 0) n = countPlain(t, encoding); // taken by a worker that then failed
      this.misses++;
      memo.map.set(t, n);
    }
  }

  /** Stops the worker, if one was started (an idle worker never keeps the process alive). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  /** Memoises a count; a text bigger than the whole budget is counted but never held. */
  private remember(memo: Memo, text: string, n: number): void {
    const bytes = text.length * 2;
    if (bytes > this.maxKeyBytes) return;
    const had = memo.map.size;
    memo.map.set(text, n);
    if (memo.map.size === had) return; // a PENDING entry, now counted
    memo.keyBytes += bytes;
    if (memo.map.size > this.maxEntries || memo.keyBytes > this.maxKeyBytes) this.evict(memo);
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
    // A per-content estimate: each content text at its kind's factor, the rest at the prose one.
    let extra = 0;
    const perMessage = messages.map((m) => {
      let n = CHAT_OVERHEAD.perMessage + this.count(m.role, choice.encoding);
      if (m.content !== null) {
        const c = this.count(m.content, choice.encoding);
        n += c;
        if (choice.kinds) extra += c * (choice.kinds[this.kindOf(m.content)] - choice.scale);
      }
      if (m.name !== undefined) n += this.count(m.name, choice.encoding) + CHAT_OVERHEAD.perName;
      return n;
    });
    const raw = perMessage.reduce((a, b) => a + b, 0) + CHAT_OVERHEAD.reply;
    return { tokens: scaled(raw, choice, extra), perMessage };
  }

  /** A text's content kind, memoised (bounded: cleared when it holds as many texts as the count memo may). */
  private kindOf(text: string): ContentKind {
    let k = this.kinds.get(text);
    if (k === undefined) {
      if (this.kinds.size >= this.maxEntries) this.kinds.clear();
      k = contentKind(text);
      this.kinds.set(text, k);
    }
    return k;
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

  /** Tokens of a plain text such as a response schema's JSON, × its kind's factor (or `choice.scale`) rounded. */
  countText(text: string, choice: TokenizerChoice): number {
    const n = this.count(text, choice.encoding);
    return scaled(n, choice, choice.kinds ? n * (choice.kinds[this.kindOf(text)] - choice.scale) : 0);
  }

  /** Memo hits and misses so far. */
  stats(): TokenCounterStats {
    return {
      hits: this.hits,
      misses: this.misses,
      entries: Object.values(this.memos).reduce((n, m) => n + m.map.size, 0),
      evictions: this.evictions,
      offloaded: this.offloaded,
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
 * An exact count as is; an estimate × its scale (+ `extra`: what per-content factors add beyond
 * it), rounded half up to a whole token. The sum is first cut to 6 decimals so binary error cannot
 * flip a half (30 × 1.15 is 34.5, not 34.4999…).
 */
function scaled(raw: number, choice: TokenizerChoice, extra = 0): number {
  return choice.scale === 1 && extra === 0 ? raw : Math.round(Number((raw * choice.scale + extra).toFixed(6)));
}
