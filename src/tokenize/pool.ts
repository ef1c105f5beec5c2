/**
 * The tokenizer worker: a second thread that counts a batch of texts together with the main
 * thread. Tokenizing is the hot loop of a replay and gpt-tokenizer is single-threaded; on the
 * 2-core runners GitHub gives, counting on both cores halves the time (BENCHMARKS.md).
 *
 * Both threads take texts from one shared counter (Atomics), so they finish within one text of
 * each other whatever else the machine is doing; counts go into a shared array. The worker gets
 * the whole batch (a copy: strings cannot be shared) and starts on it as soon as it is posted, so
 * a caller can post the next feature's texts and go on with other work on the main thread.
 *
 * The worker script is src/generated/tokenize-worker.js (scripts/generate.mjs bundles
 * worker-entry.ts); ncc copies it next to each bundle because it is referenced below as
 * `new URL(…, import.meta.url)`. It is sent the packed rank tables, so it counts with exactly the
 * tables and code of the main thread.
 */
import type { Encoding } from '../types.js';
import type { TokenizerTable } from './build-tokenizer.js';
import { tableOf } from './ranks.js';
import { WorkerClient } from '../workers/index.js';

/** One batch to count: texts, the next index to take, and a count per text (−1 until counted). */
export interface CountRequest {
  encoding: Encoding;
  texts: string[];
  /** Int32Array(1) over a SharedArrayBuffer: the next text index either thread takes. */
  next: SharedArrayBuffer;
  /** Int32Array(texts.length) over a SharedArrayBuffer: −1, then the text's token count. */
  counts: SharedArrayBuffer;
  /** The encoding's table, with the first batch of an encoding the worker was not started with. */
  packed?: TokenizerTable;
}

/** What the worker is started with. */
export interface TokenizeWorkerData {
  packed: Partial<Record<Encoding, TokenizerTable>>;
  /** Encodings to build at once, before the first batch arrives. */
  preload: Encoding[];
}

/** A batch being counted: take indices with {@link CountJob.take}, then await `done`. */
export interface CountJob {
  texts: string[];
  counts: Int32Array;
  /** The next index to count, or −1 when every index has been taken. */
  take(): number;
  /**
   * Resolves, with the number of texts the worker counted, when it has stopped taking texts; with
   * 0 if it failed (a text it took and did not count stays −1 for the caller to count).
   */
  done: Promise<number>;
}

/** A started tokenizer worker. */
export class TokenizerPool {
  private readonly client: WorkerClient<CountRequest, number>;
  /** Encodings whose tables the worker has (the preloaded ones from the start, any other once sent). */
  private readonly sent: Set<Encoding>;

  /** Starts the worker; it builds `preload` right away, in parallel with the caller. */
  constructor(preload: readonly Encoding[] = []) {
    this.sent = new Set(preload);
    const packed = Object.fromEntries(preload.map((e) => [e, tableOf(e)]));
    const data: TokenizeWorkerData = { packed, preload: [...preload] };
    this.client = new WorkerClient(new URL('../generated/tokenize-worker.js', import.meta.url), data);
  }

  /** False once the worker could not start or died: count on the main thread then. */
  get usable(): boolean {
    return this.client.usable;
  }

  /** Posts a batch; the worker starts taking texts at once. */
  start(encoding: Encoding, texts: string[]): CountJob {
    const next = new SharedArrayBuffer(4);
    const counts = new SharedArrayBuffer(4 * texts.length);
    const nextIndex = new Int32Array(next);
    const countArray = new Int32Array(counts).fill(-1);
    const n = texts.length;
    const request: CountRequest = { encoding, texts, next, counts };
    if (!this.sent.has(encoding)) {
      request.packed = tableOf(encoding);
      this.sent.add(encoding);
    }
    const done = this.client.request(request).catch(() => 0);
    return {
      texts,
      counts: countArray,
      take: () => {
        const i = Atomics.add(nextIndex, 0, 1);
        return i < n ? i : -1;
      },
      done,
    };
  }

  /** Stops the worker. */
  close(): Promise<void> {
    return this.client.close();
  }
}
