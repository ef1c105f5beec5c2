import type { FeatureDiff } from '../diff/index.js';
import type { OverrideState } from '../policy/index.js';
import { assertFiniteReport, type DiffReport } from '../report/index.js';
import { TokenCounter, type TokenCounterStats } from '../tokenize/index.js';
import { adviseReport } from './diff-advice.js';
import { diffReportModel } from './diff-model.js';
import { diffNotices } from './diff-notices.js';
import { scanUnpriced } from './diff-unpriced.js';
import { openDiffProject } from './diff-project.js';
import { gradeDiff } from './diff-verdict.js';
import { loadAndPrice } from './price-features.js';
import { DiffSchedule } from './schedule.js';

/** Inputs of one diff run, shared by the CLI and the action. */
export interface DiffRun {
  repo: string;
  base?: string;
  head?: string;
  config: string;
  /** The override label's state (the action reads it live; the CLI's --override sets it). */
  override?: OverrideState;
  /** Absolute path of a directory of trusted samples (the action's traffic-dir, --traffic-dir). */
  trafficDir?: string;
  /**
   * Helper threads for tokenizing and the bootstrap: 0 keeps everything on the main thread; by
   * default one each when the run replays at least PARALLEL_MIN_SAMPLES (2,000) samples on a machine with 2+ cores. The
   * report is the same either way.
   */
  workers?: 0 | 1;
  /** Told each stage as the run enters it (`pricing feature X`): the action's time budget names it. */
  progress?: (stage: string) => void;
  /**
   * Run the savings advisor on the base side of every feature and put its suggestions in the
   * report (`features[].suggestions`); never part of the verdict. The action turns it on.
   */
  advise?: boolean;
}

/**
 * The whole `diff` job: locate the project (at base), load base and head (configs merged by
 * trust), replay every feature on the same samples at both sides, bootstrap the intervals, list
 * unpriced AI changes, build the report model and grade it against the policies.
 */
export async function runDiff(
  run: DiffRun,
): Promise<{ report: DiffReport; features: FeatureDiff[]; counting: TokenCounterStats }> {
  const project = await openDiffProject(run.repo, run.config, run.head ?? 'HEAD', run.base);
  const { location, baseSha, headSha, nestedAtHead, base, head } = project;
  const counter = new TokenCounter();
  const progress = run.progress ?? (() => undefined);
  try {
    progress(`loading base ${baseSha.slice(0, 12)} and head ${headSha.slice(0, 12)} (configs, artifacts, traffic)`);
    const schedule = new DiffSchedule(counter, run.workers);
    const boot = schedule.bootstrap(`${baseSha}:${headSha}:${location.prefix}:${location.configPath}`);
    const { loaded, priced: pricing } = await loadAndPrice(project, run.trafficDir, schedule, boot, progress);
    const { features, prPriced } = pricing;
    const shared = schedule.shared(loaded.merged, loaded.dates);
    const { catalog } = shared.ctx;
    progress('bootstrapping the 95% intervals');
    const bootstrap = await boot.finish();
    progress(`scanning ${loaded.changedFiles.length} changed file(s) for unpriced AI changes`);
    const scan = await scanUnpriced(loaded, catalog, head);
    const notices = [...diffNotices(loaded, features, catalog, location, nestedAtHead, [base, head]), ...scan.notices];
    const found = { features, prPriced, bootstrap, unpriced: scan.unpriced, notices };
    const priced = diffReportModel(project, loaded, found, catalog);
    const workers = schedule.bootstrapWorkers();
    const advice = run.advise ? await adviseReport(priced, loaded, features, shared, project, workers, progress) : null;
    // Policies compare these figures: an Infinity must stop here, not pass or fail a rule.
    assertFiniteReport(priced, shared.where);
    progress('evaluating policies');
    const report = await gradeDiff(priced, loaded, features, catalog, run.override, shared.where, base, advice);
    return { report, features, counting: counter.stats() };
  } finally {
    // An idle worker never keeps the process alive, but a failed run should not leave it counting.
    await counter.close();
    project.close();
  }
}
