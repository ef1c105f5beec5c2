/**
 * Shares one string between the samples of a read whose messages hold the same text. Agent traces
 * record the whole conversation on every call, so a run of five calls carries its first messages
 * five times: without sharing, every copy lives as long as the samples do (measured on the
 * benchmark's agent features: 177 M characters of message text, 36 M of them distinct), and each
 * copy is promoted through the young generation by the garbage collector. Sharing also lets the
 * token counter's memo find a text by the hash V8 caches on the string, computed once.
 */
import type { Sample } from '../types.js';

/** Shorter texts are cheap to keep twice; looking them up costs more than it saves. */
const MIN_CHARS = 64;
/** Characters held for sharing before the table starts afresh, so a huge file's memory stays bounded. */
const MAX_HELD_CHARS = 64 * 1024 * 1024;

/** A bounded table of message texts seen in one read. */
export class TextInterner {
  private readonly texts = new Map<string, string>();
  private held = 0;

  /** Replaces each message text of the sample by the copy seen first (the same characters). */
  shareMessages(sample: Sample): void {
    const messages = sample.messages;
    if (!messages) return;
    for (const m of messages) {
      const text = m.content;
      if (text === null || text.length < MIN_CHARS) continue;
      const seen = this.texts.get(text);
      if (seen !== undefined) {
        m.content = seen;
        continue;
      }
      if (this.held + text.length > MAX_HELD_CHARS) {
        this.texts.clear();
        this.held = 0;
      }
      this.texts.set(text, text);
      this.held += text.length;
    }
  }
}
