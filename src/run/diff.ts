import { inputPriceRatio } from '../catalog/index.js';
import type { FeatureDiff } from '../diff/index.js';
import { policyInputsOf, evaluatePolicies, type OverrideState } from '../policy/index.js';
import { loadDiff } from '../load/index.js';
import { defaultBase, GitRevisionReader, locateDiffProject } from '../repo/index.js';
import { assertFiniteReport, assertValidDiffReport, buildDiffReport, type DiffReport } from '../report/index.js';
import { startBootstrap } from '../stats/index.js';
import { TokenCounter, type TokenCounterStats } from '../tokenize/index.js';
import { findUnpricedChanges } from '../unpriced/index.js';
import { cheaperModelInputs } from './cheaper-model.js';
import { adviseDiff, withRouting } from './diff-advice.js';
import { diffNotices } from './diff-notices.js';
import { priceFeatures } from './price-features.js';
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
  const { location, headSha, baseSha, nestedAtHead } = await locateDiffProject(
    run.repo,
    run.config,
    run.head ?? 'HEAD',
    (root, head) => (run.base !== undefined ? Promise.resolve(run.base) : defaultBase(root, head)),
  );
  const base = new GitRevisionReader(location.gitRoot!, baseSha, location.prefix);
  const head = new GitRevisionReader(location.gitRoot!, headSha, location.prefix);
  const counter = new TokenCounter();
  const progress = run.progress ?? (() => undefined);
  try {
    progress(`loading base ${baseSha.slice(0, 12)} and head ${headSha.slice(0, 12)} (configs, artifacts, traffic)`);
    const schedule = new DiffSchedule(counter, run.workers);
    const loaded = await loadDiff({
      gitRoot: location.gitRoot!,
      prefix: location.prefix,
      configPath: location.configPath,
      base,
      head,
      trafficDir: run.trafficDir,
      onFeature: (input, l) => schedule.loaded(input, l),
    });
    const shared = schedule.shared(loaded.merged, loaded.dates);
    const { catalog } = shared.ctx;
    const boot = startBootstrap({
      seed: `${baseSha}:${headSha}:${location.prefix}:${location.configPath}`,
      workers: schedule.bootstrapWorkers(),
    });
    const { features, prPriced } = await priceFeatures(loaded, shared, schedule, boot, progress);
    progress('bootstrapping the 95% intervals');
    const bootstrap = await boot.finish();
    progress(`scanning ${loaded.changedFiles.length} changed file(s) for unpriced AI changes`);
    const priceRatio = (from: string, to: string) => inputPriceRatio(catalog, loaded.dates.head, from, to);
    const unpriced = findUnpricedChanges(loaded.changedFiles, { mapped: loaded.mapped, priceRatio });
    const notices = diffNotices(loaded, features, catalog, location, nestedAtHead, [base, head]);
    const priced = buildDiffReport({
      baseRev: baseSha,
      headRev: headSha,
      pricingDate: loaded.dates.head,
      merged: loaded.merged,
      features,
      bootstrap,
      unpriced,
      catalog: catalog.info,
      notices,
      prPriced,
    });
    let advice: Awaited<ReturnType<typeof adviseDiff>> | null = null;
    if (run.advise) {
      progress('savings advisor: replaying each feature on its candidate models');
      const seed = `advice:${baseSha}:${location.prefix}:${location.configPath}`;
      advice = await adviseDiff(loaded, features, shared, base, seed, schedule.bootstrapWorkers());
      for (const fs of advice.suggestions) {
        const f = priced.features.find((x) => x.id === fs.feature);
        if (f) f.suggestions = fs.suggestions;
      }
      if (advice.error) priced.notices.push(`The savings advisor could not run: ${advice.error}`);
    }
    // Policies compare these figures: an Infinity must stop here, not pass or fail a rule.
    assertFiniteReport(priced, shared.where);
    progress('evaluating policies');
    const inputs = policyInputsOf(loaded.merged, features, catalog, loaded.dates.head);
    const cheaper = await cheaperModelInputs(loaded.merged.config, base, priced, inputs.artifacts);
    // With the advisor on, its routing results (base config, base evidence) are candidates too.
    if (cheaper.inputs && advice) cheaper.inputs = withRouting(cheaper.inputs, advice.suggestions);
    const verdict = evaluatePolicies({
      report: priced,
      config: loaded.merged.config,
      override: run.override ?? { applied: false },
      ...inputs,
      ...(cheaper.inputs ? { cheaperModels: cheaper.inputs } : {}),
    });
    const report: DiffReport = {
      ...priced,
      violations: verdict.violations,
      breached: verdict.breached,
      notices: [...priced.notices, ...(cheaper.notice ? [cheaper.notice] : []), ...verdict.notices],
      policy: {
        override_label: loaded.merged.config.policies.overrideLabel ?? null,
        override_approvers: [...loaded.merged.config.policies.overrideApprovers],
      },
    };
    assertValidDiffReport(report, shared.where);
    return { report, features, counting: counter.stats() };
  } finally {
    // An idle worker never keeps the process alive, but a failed run should not leave it counting.
    await counter.close();
    base.close();
    head.close();
  }
}
