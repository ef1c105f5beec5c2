/**
 * The main thread's side of a helper worker thread (tokenizing, bootstrap): numbered requests,
 * one reply each. The worker never keeps the process alive on its own: it is unref'd while no
 * request is pending. If it cannot start or dies, every pending and later request is rejected and
 * the caller does the work itself: a worker only ever makes a run faster, never different.
 */
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';

/**
 * node:worker_threads, required when the first worker starts: a run that starts none (an estimate
 * of a few features) does not load it and the internal modules it brings.
 */
const workerThreads = (): typeof WorkerThreads =>
  createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;

/** A request as sent: the payload plus its number. */
interface Envelope<Req> {
  id: number;
  request: Req;
}

/** A reply as received: the result, or the worker's error message. */
export type WorkerReply<Res> = { id: number; result: Res } | { id: number; error: string };

/** A helper thread running one generated worker script (src/generated/*-worker.js). */
export class WorkerClient<Req, Res> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  /** Starts the worker; `workerData` is cloned into it once. Never throws: see {@link usable}. */
  constructor(script: URL, workerData: unknown) {
    try {
      const w = new (workerThreads().Worker)(script, { workerData });
      w.unref();
      w.on('message', (m: WorkerReply<Res>) => this.settle(m));
      w.on('error', (e: Error) => this.fail(e));
      w.on('exit', (code) => this.fail(new Error(`worker exited with code ${code}`)));
      this.worker = w;
    } catch (e) {
      this.failure = e instanceof Error ? e : new Error(String(e));
    }
  }

  /** False once the worker failed to start or died (requests are then rejected at once). */
  get usable(): boolean {
    return this.worker !== null && this.failure === null;
  }

  /** Sends one request; resolves with the worker's result. `transfer` moves buffers instead of copying. */
  request(request: Req, transfer: ArrayBuffer[] = []): Promise<Res> {
    if (!this.worker || this.failure) return Promise.reject(this.failure ?? new Error('worker not started'));
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, request } satisfies Envelope<Req>, transfer);
    });
  }

  /** Stops the worker; pending requests are rejected. */
  async close(): Promise<void> {
    const w = this.worker;
    this.fail(new Error('worker closed'));
    if (w) await w.terminate();
  }

  private settle(m: WorkerReply<Res>): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('error' in m) p.reject(new Error(m.error));
    else p.resolve(m.result);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
    this.worker?.unref();
  }
}

/**
 * The worker side: answers each request with `handle(request)` (or its error), transferring the
 * buffers `handle` names. Call once from a worker entry.
 */
export function serveRequests<Req, Res>(
  port: {
    on(event: 'message', f: (m: Envelope<Req>) => void): void;
    postMessage(m: WorkerReply<Res>, transfer?: ArrayBuffer[]): void;
  },
  handle: (request: Req) => { result: Res; transfer?: ArrayBuffer[] },
): void {
  port.on('message', ({ id, request }) => {
    try {
      const { result, transfer } = handle(request);
      port.postMessage({ id, result }, transfer ?? []);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}

/** Lets pending worker replies in (they arrive as macrotasks) before the main thread goes on. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Work shared between the main thread and one worker: items are queued; up to `maxInflight` of
 * them are with the worker at any time (two, so it never waits for the main thread to hand it the
 * next one) and more are sent as its replies come in; `drain` has the main thread do the rest
 * itself, yielding between items so replies keep flowing, then waits for the worker's last ones.
 * An item the worker fails on is done on the main thread. Results are reported per item through
 * `done`, in whatever order they finish: callers make the outcome independent of that order.
 */
export class SharedQueue<T, R> {
  private readonly queue: T[] = [];
  private head = 0;
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly remote: ((item: T) => Promise<R>) | null,
    private readonly local: (item: T) => R,
    private readonly done: (item: T, result: R) => void,
    private readonly maxInflight = 2,
  ) {}

  /** Queues an item; the worker may start on it at once. */
  push(item: T): void {
    this.queue.push(item);
    this.pump();
  }

  /** Does every queued item (here or in the worker) and resolves when all are done. */
  async drain(): Promise<void> {
    while (this.head < this.queue.length) {
      const item = this.take();
      this.done(item, this.local(item));
      await yieldToEvents();
    }
    while (this.inflight.size > 0) await Promise.race(this.inflight);
    this.queue.length = 0;
    this.head = 0;
  }

  /** Drops every item not started yet (the run failed; their results are not wanted). */
  clear(): void {
    this.queue.length = 0;
    this.head = 0;
  }

  private take(): T {
    const item = this.queue[this.head]!;
    this.queue[this.head++] = undefined as T; // let the item go once taken
    return item;
  }

  private pump(): void {
    const remote = this.remote;
    if (!remote) return;
    while (this.inflight.size < this.maxInflight && this.head < this.queue.length) {
      const item = this.take();
      const p: Promise<void> = remote(item)
        .then(
          (r) => this.done(item, r),
          () => this.done(item, this.local(item)),
        )
        .finally(() => {
          this.inflight.delete(p);
          this.pump();
        });
      // drain() reports a failure; until then it must not count as an unhandled rejection.
      p.catch(() => undefined);
      this.inflight.add(p);
    }
  }
}
