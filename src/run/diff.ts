import { createCatalog, catalogAgeWarning } from './catalog/index.js';
import { startBootstrap, type FeatureSeries } from './stats/index.js';
import { diffFeature, type ConfigWhere, type FeatureDiff } from './diff/index.js';
import { CountAhead, releaseFeature } from './diff/index.js';
import { findUnpricedChanges } from './unpriced/index.js';
import { prPricedModels, type PrPricedModel } from './config/index.js';
import { AicostError, RepoError } from './errors.js';
import type { EstimateContext } from './estimate/index.js';
import { assertFiniteReport, assertValidDiffReport } from './report/index.js';
import { buildDiffReport } from './report/index.js';
import type { DiffReport } from './report/index.js';
import { gitText, locateDiffProject, resolveCommit, GitRevisionReader } from './repo/index.js';
import { loadDiff, type LoadedDiff } from './load/index.js';
import { TokenCounter, type TokenCounterStats } from './tokenize/index.js';
import { evaluatePolicies } from './policy/index.js';
import type { OverrideState } from './policy/index.js';

/** Samples in a run from which the tokenizer and bootstrap worker threads pay for their start. */
const PARALLEL_MIN_SAMPLES = 2000;

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
   * default one each when the run replays at least 2,000 samples on a machine with 2+ cores. The
   * report is the same either way.
   */
  workers?: 0 | 1;
  /** Told each stage as the run enters it (`pricing feature X`): the action's time budget names it. */
  progress?: (stage: string) => void;
}

/**
 * The default base: the merge-base of the head with origin/HEAD, else origin/main, else
 * origin/master; an error asking for --base otherwise.
 */
export async function defaultBase(gitRoot: string, head: string): Promise<string> {
  for (const ref of ['origin/HEAD', 'origin/main', 'origin/master']) {
    try {
      await resolveCommit(gitRoot, ref);
    } catch {
      continue;
    }
    try {
      return await gitText(gitRoot, ['merge-base', head, ref]);
    } catch {
      throw new RepoError(`${head} and ${ref} have no common history`, { hint: 'Pass --base explicitly, or fetch more history (fetch-depth: 0).' });
    }
  }
  throw new RepoError('cannot tell the base revision: there is no origin/HEAD, origin/main or origin/master', {
    hint: 'Pass --base REV (the branch or commit the PR targets).',
  });
}

/** Turn a feature's paired results into bootstrap units: whole traces, weighted by the root line. */
function seriesOf(f: FeatureDiff): FeatureSeries | null {
  if (f.status === 'unpriced') return null;
  const rpm = { base: f.base?.requestsPerMonth ?? 0, head: f.head?.requestsPerMonth ?? 0 };
  const fromResults = (pairs: { unit: string; weight: number; base: number; head: number }[]) => {
    const units = new Map<string, { weight: number; base: number; head: number }>();
    for (const p of pairs) {
      const u = units.get(p.unit);
      if (u) {
        u.base += p.base;
        u.head += p.head;
      } else units.set(p.unit, { weight: p.weight, base: p.base, head: p.head });
    }
    return [...units.values()];
  };
  const static_ = (f.base && !f.base.traffic) || (f.head && !f.head.traffic);
  if (static_ || (!f.pairs && f.base && f.head)) {
    // Static figures carry no sampling error: one unit at the point estimate.
    return { id: f.id, team: f.team, units: [{ weight: 1, base: f.base?.perRequest.mean ?? 0, head: f.head?.perRequest.mean ?? 0 }], requestsPerMonth: rpm };
  }
  if (f.pairs) return { id: f.id, team: f.team, units: fromResults(f.pairs.map((p) => ({ unit: p.base.unit, weight: p.base.weight, base: p.base.cost, head: p.head.cost }))), requestsPerMonth: rpm };
  const side = (f.head ?? f.base)!;
  const isHead = f.head !== null;
  return { id: f.id, team: f.team, units: fromResults(side.results.map((r) => ({ unit: r.unit, weight: r.weight, base: isHead ? 0 : r.cost, head: isHead ? r.cost : 0 }))), requestsPerMonth: rpm };
}

/**
 * The whole `diff` job: find the project, read base and head from git objects, merge configs by
 * trust, replay every feature on the same samples at both sides, bootstrap the intervals, list
 * unpriced AI changes and build the JSON report.
 */
export async function runDiff(run: DiffRun): Promise<{ report: DiffReport; features: FeatureDiff[]; counting: TokenCounterStats }> {
  const headRef = run.head ?? 'HEAD';
  // The project and its config are found at base: a config the PR adds nearer to --repo is proposed.
  const { location, headSha, baseSha, nestedAtHead } = await locateDiffProject(run.repo, run.config, headRef, (root, head) => (run.base !== undefined ? Promise.resolve(run.base) : defaultBase(root, head)));
  const gitRoot = location.gitRoot!;
  const base = new GitRevisionReader(gitRoot, baseSha, location.prefix);
  const head = new GitRevisionReader(gitRoot, headSha, location.prefix);
  const counter = new TokenCounter();
  const progress = run.progress ?? (() => undefined);
  try {
    progress(`loading base ${baseSha.slice(0, 12)} and head ${headSha.slice(0, 12)} (configs, artifacts, traffic)`);
    // The catalog and where messages point are those of the merged config, known once it is
    // loaded (before the first feature): the count ahead needs them while loading goes on.
    let shared: { ctx: EstimateContext; dates: LoadedDiff['dates']; where: ConfigWhere } | undefined;
    const sharedOf = (merged: LoadedDiff['merged'], dates: LoadedDiff['dates']) => {
      if (shared) return shared;
      const cfg = merged.config;
      const catalog = createCatalog({ pricing: cfg.pricing, discounts: cfg.discounts, models: cfg.models, configFile: cfg.path, positions: cfg.positions });
      return (shared = { ctx: { catalog, counter }, dates, where: { file: cfg.path, positions: cfg.positions } });
    };
    const ahead = new CountAhead(() => shared!);
    // Helper threads pay only on real traffic: each costs a thread start and, for tokenizing, a
    // table build of its own; the tokenizer worker starts once 2,000 samples are loaded, and from
    // then on counts each feature's texts while the main thread reads the next ones.
    let samples = 0;
    const startWorker = () => {
      // One worker, or none on a single core (then counts are made on the main thread as queued).
      counter.prepare({ encodings: ['o200k_base'], workers: run.workers });
      ahead.start();
    };
    if (run.workers === 1) startWorker();
    const loaded = await loadDiff({
      gitRoot,
      prefix: location.prefix,
      configPath: location.configPath,
      base,
      head,
      trafficDir: run.trafficDir,
      onFeature: (input, l) => {
        sharedOf(l.merged, l.dates);
        ahead.add(input);
        const before = samples;
        samples += input.traffic?.samples.length ?? 0;
        if (run.workers === undefined && before < PARALLEL_MIN_SAMPLES && samples >= PARALLEL_MIN_SAMPLES) startWorker();
      },
    });
    const { ctx, where } = sharedOf(loaded.merged, loaded.dates);
    const catalog = ctx.catalog;
    const cfg = loaded.merged.config;
    const workers = run.workers ?? (samples >= PARALLEL_MIN_SAMPLES ? undefined : 0);
    const boot = startBootstrap({ seed: `${baseSha}:${headSha}:${location.prefix}:${location.configPath}`, workers });
    const features: FeatureDiff[] = [];
    const resolvesWithPr = (id: string): boolean => {
      try {
        catalog.resolve(id);
        return true;
      } catch (e) {
        if (e instanceof AicostError) return false;
        throw e;
      }
    };
    // Which figures rest on prices or aliases only the PR declares (rule pr_declared_price).
    const prPriced: Record<string, PrPricedModel[]> = {};
    try {
      for (const input of loaded.features) {
        await ahead.before(input);
        progress(`pricing feature ${input.merged.entry.id}`);
        let f: FeatureDiff;
        try {
          f = diffFeature(input, ctx, loaded.dates, where);
        } catch (e) {
          // An error on the base side only (e.g. a model the base cannot price) marks it unpriced.
          if (!(e instanceof AicostError) || !input.baseSite) throw e;
          f = diffFeature({ ...input, baseError: e.format().split('\n')[0] }, ctx, loaded.dates, where);
        }
        const priced = prPricedModels(loaded.merged, { atBase: loaded.pricedAtBase, withPr: resolvesWithPr }, {
          entry: input.merged.entry,
          base: { site: input.baseSite, agent: input.baseAgent },
          head: { site: input.headSite, agent: input.headAgent },
        });
        const shown = priced.filter((p) => (p.side === 'base' ? f.base : f.head) !== null);
        if (shown.length) prPriced[f.id] = shown;
        ahead.after(input);
        releaseFeature(input);
        features.push(f);
        const s = seriesOf(f);
        if (s) boot.add(s);
      }
    } catch (e) {
      await boot.cancel();
      throw e;
    }
    features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    progress('bootstrapping the 95% intervals');
    const bootstrap = await boot.finish();
    const priceRatio = (from: string, to: string): number | null => {
      try {
        const date = loaded.dates.head;
        const a = catalog.rates(catalog.resolve(from), { tier: 'standard', date, inputTokens: 0 });
        const b = catalog.rates(catalog.resolve(to), { tier: 'standard', date, inputTokens: 0 });
        return a.input > 0 ? b.input / a.input : null;
      } catch {
        return null;
      }
    };
    progress(`scanning ${loaded.changedFiles.length} changed file(s) for unpriced AI changes`);
    const unpriced = findUnpricedChanges(loaded.changedFiles, { mapped: loaded.mapped, priceRatio });
    const notices = [...loaded.notices];
    if (nestedAtHead !== null) {
      const project = location.prefix ? `${location.prefix}/${location.configPath}` : location.configPath;
      notices.unshift(`This PR adds ${nestedAtHead} (from the project root), a config nested in the project of ${project}: a proposed new project that takes effect after merge. This check uses ${project}, as the base revision has it.`);
      loaded.merged.proposed.unshift({ path: nestedAtHead, base: null, head: 'a new project config', effect: `proposed: not used by this check (the project is located at base, ${project}); takes effect after merge` });
    }
    const age = catalogAgeWarning(catalog.info, loaded.dates.head);
    if (age) notices.push(age);
    for (const f of features) for (const n of [...(f.base?.notices ?? []), ...(f.head?.notices ?? [])]) notices.push(n);
    const links = [...base.skipped(), ...head.skipped()];
    if (links.length) notices.push(`Skipped ${new Set(links).size} symbolic link(s) (aicost does not follow links): ${[...new Set(links)].slice(0, 5).join(', ')}`);
    const priced = buildDiffReport({ baseRev: baseSha, headRev: headSha, pricingDate: loaded.dates.head, merged: loaded.merged, features, bootstrap, unpriced, catalog: catalog.info, notices, prPriced });
    // Policies compare these figures: an Infinity must stop here, not pass or fail a rule.
    assertFiniteReport(priced, where);
    const baseErrors: Record<string, string> = {};
    if (loaded.merged.baseError) baseErrors['*'] = loaded.merged.baseError;
    for (const f of features) if (f.baseError) baseErrors[f.id] = f.baseError;
    const artifacts: Record<string, string> = {};
    for (const m of loaded.merged.features) artifacts[m.id] = m.headPrompt;
    const outputUsdPerToken: Record<string, number> = {};
    for (const m of loaded.merged.features) {
      const f = features.find((x) => x.id === m.id);
      if (f?.head) outputUsdPerToken[f.id] = catalog.rates(f.head.model, { tier: m.entry.tier, date: loaded.dates.head, inputTokens: 0 }).output / 1e6;
    }
    progress('evaluating policies');
    const verdict = evaluatePolicies({ report: priced, config: cfg, baseErrors, override: run.override ?? { applied: false }, artifacts, outputUsdPerToken });
    const report: DiffReport = { ...priced, violations: verdict.violations, breached: verdict.breached, notices: [...priced.notices, ...verdict.notices] };
    assertValidDiffReport(report, where);
    return { report, features, counting: counter.stats() };
  } finally {
    // An idle worker never keeps the process alive, but a failed run should not leave it counting.
    await counter.close();
    base.close();
    head.close();
  }
}
