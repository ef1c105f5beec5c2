/**
 * Features handed from the load stage to the pricing stage as each one is loaded, so that pricing
 * runs while the repository is still being read: without it the token counter's worker, which
 * may run only a bounded amount of text ahead of the replay, sat idle while the main thread read
 * the last features (six seconds of the benchmark's diff).
 */
import type { DiffFeatureInput, LoadedDiff } from '../load/index.js';

/** One loaded feature with what pricing needs from the load stage. */
export interface StreamedFeature {
  input: DiffFeatureInput;
  loaded: Pick<LoadedDiff, 'merged' | 'dates' | 'pricedAtBase'>;
}

/** An asynchronous queue of loaded features: pushed by the loader, read once by the pricer. */
export class FeatureStream implements AsyncIterable<StreamedFeature> {
  private readonly items: StreamedFeature[] = [];
  private ended = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;
  private settle!: () => void;
  /** Settles when loading is over, ended or failed. */
  readonly over = new Promise<void>((resolve) => (this.settle = resolve));

  /** A feature is loaded. */
  push(item: StreamedFeature): void {
    this.items.push(item);
    this.signal();
  }

  /** Loading is over: the reader stops after the last feature. */
  end(): void {
    this.ended = true;
    this.settle();
    this.signal();
  }

  /** Loading failed: the reader throws `error` once the features before it are read. */
  fail(error: unknown): void {
    this.failure = { error };
    this.settle();
    this.signal();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<StreamedFeature> {
    for (;;) {
      const next = this.items.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
