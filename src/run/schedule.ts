/**
 * Worker scheduling of a diff run: the tokenizer's helper thread and the count ahead of the
 * replay start only when the run replays enough samples to pay for them; the bootstrap's follows.
 */
import { createCatalog } from '../catalog/index.js';
import { CountAhead, type ConfigWhere } from '../diff/index.js';
import type { EstimateContext } from '../estimate/index.js';
import type { DiffFeatureInput, LoadedDiff } from '../load/index.js';
import { startBootstrap, type BootstrapSession, type FeatureSeries } from '../stats/index.js';
import { PARALLEL_MIN_SAMPLES, type TokenCounter } from '../tokenize/index.js';

/** What every feature of a diff is priced with: the merged config's catalog, dates and positions. */
export interface DiffShared {
  ctx: EstimateContext;
  dates: LoadedDiff['dates'];
  where: ConfigWhere;
}

/**
 * Counts the samples as features load and starts the helper thread when they reach
 * PARALLEL_MIN_SAMPLES (`workers: 1` starts it at once, `0` never); from then on it counts each
 * feature's texts while the main thread reads the next ones.
 */
export class DiffSchedule {
  readonly ahead: CountAhead;
  private context?: DiffShared;
  private samples = 0;
  /** Whether the run's size is known well enough to choose the bootstrap's worker setting. */
  private sized = false;
  private boot: { seed: string; session: BootstrapSession | null; waiting: FeatureSeries[] } | null = null;

  constructor(
    private readonly counter: TokenCounter,
    private readonly workers: 0 | 1 | undefined,
  ) {
    this.ahead = new CountAhead(() => this.context!);
    this.sized = workers !== undefined;
    if (workers === 1) this.startWorker();
  }

  /**
   * The catalog and where messages point are those of the merged config, known once it is loaded
   * (before the first feature): the count ahead needs them while loading goes on.
   */
  shared(merged: LoadedDiff['merged'], dates: LoadedDiff['dates']): DiffShared {
    if (this.context) return this.context;
    const cfg = merged.config;
    const catalog = createCatalog({
      pricing: cfg.pricing,
      discounts: cfg.discounts,
      models: cfg.models,
      configFile: cfg.path,
      positions: cfg.positions,
    });
    return (this.context = {
      ctx: { catalog, counter: this.counter },
      dates,
      where: { file: cfg.path, positions: cfg.positions },
    });
  }

  /** A feature is loaded: queue it for counting ahead, and start the helper once the run is big enough. */
  loaded(input: DiffFeatureInput, loaded: Pick<LoadedDiff, 'merged' | 'dates'>): void {
    this.shared(loaded.merged, loaded.dates);
    this.ahead.add(input);
    const before = this.samples;
    this.samples += input.traffic?.samples.length ?? 0;
    if (this.workers === undefined && before < PARALLEL_MIN_SAMPLES && this.samples >= PARALLEL_MIN_SAMPLES)
      this.startWorker();
  }

  /** Every feature is loaded: the run's size is known. */
  loadedAll(): void {
    this.sized = true;
    this.startBootstrap();
  }

  /**
   * The run's bootstrap session. Its worker setting depends on the run's size, known once the
   * helper thread starts or loading ends; features priced before then wait here, and are handed
   * over in order when it starts (the result does not depend on when: each feature has its own
   * generator, and features are summed in id order).
   */
  bootstrap(seed: string): BootstrapSession {
    const boot = (this.boot = { seed, session: null as BootstrapSession | null, waiting: [] as FeatureSeries[] });
    this.startBootstrap();
    return {
      add: (series) => (boot.session ? boot.session.add(series) : void boot.waiting.push(series)),
      finish: () => {
        this.sized = true;
        this.startBootstrap();
        return boot.session!.finish();
      },
      cancel: async () => {
        boot.waiting = [];
        await boot.session?.cancel();
      },
    };
  }

  /** The bootstrap's worker setting: the run's, else none below PARALLEL_MIN_SAMPLES samples. */
  bootstrapWorkers(): 0 | 1 | undefined {
    return this.workers ?? (this.samples >= PARALLEL_MIN_SAMPLES ? undefined : 0);
  }

  private startWorker(): void {
    // One worker, or none on a single core (then counts are made on the main thread as queued).
    this.counter.prepare({ encodings: ['o200k_base'], workers: this.workers });
    this.ahead.start();
    this.sized = true;
    this.startBootstrap();
  }

  private startBootstrap(): void {
    const boot = this.boot;
    if (!boot || boot.session || !this.sized) return;
    boot.session = startBootstrap({ seed: boot.seed, workers: this.bootstrapWorkers() });
    for (const series of boot.waiting) boot.session.add(series);
    boot.waiting = [];
  }
}
