import { createCatalog } from '../catalog/index.js';
import { estimateRevision } from '../estimate/index.js';
import type { RevisionEstimate } from '../estimate/index.js';
import { assertFiniteReport } from '../report/index.js';
import { estimateReport, type EstimateReport } from '../report/index.js';
import { locateProject, openRevision } from '../repo/index.js';
import { loadSnapshot } from '../load/index.js';
import { TrafficDir } from '../load/index.js';
import { TokenCounter } from '../tokenize/index.js';
import { placeholderNotice, placeholdersIn } from '../init/index.js';

/** Inputs of one estimate run, shared by the CLI and the action. */
export interface EstimateRun {
  repo: string;
  rev?: string;
  config: string;
  /** Absolute path of a directory of trusted samples (the action's traffic-dir, --traffic-dir). */
  trafficDir?: string;
  /** Told each stage as the run enters it: the action's time budget names it. */
  progress?: (stage: string) => void;
}

/**
 * The whole `estimate` job: find the project, read one revision, replay every feature and build
 * the report. Errors are typed AicostErrors for the entries to print.
 */
export async function runEstimate(run: EstimateRun): Promise<{ report: EstimateReport; estimate: RevisionEstimate }> {
  const location = await locateProject(run.repo, run.config, run.rev);
  const trafficDir = run.trafficDir ? await TrafficDir.open(run.trafficDir, { projectRoot: location.root }) : undefined;
  const reader = await openRevision(location, run.rev);
  const progress = run.progress ?? (() => undefined);
  try {
    progress(`loading revision ${run.rev ?? 'HEAD'} (config, artifacts, traffic)`);
    const snapshot = await loadSnapshot(reader, location.configPath, { trafficDir });
    const { config } = snapshot;
    const catalog = createCatalog({
      pricing: config.pricing,
      discounts: config.discounts,
      models: config.models,
      configFile: config.path,
      positions: config.positions,
    });
    progress(`pricing ${Object.keys(config.features).length} feature(s)`);
    const estimate = estimateRevision(snapshot, { catalog, counter: new TokenCounter() });
    const promptOf = (id: string) => config.features[id].prompt ?? config.features[id].agent ?? '';
    const report = estimateReport(estimate, config, catalog.info, promptOf);
    // Volumes and models `aicost init` guessed price nothing real until someone replaces them.
    const guessed = placeholderNotice(config.path, placeholdersIn(await reader.readText(location.configPath)));
    if (guessed) report.notices.push(guessed);
    assertFiniteReport(report, { file: config.path, positions: config.positions });
    return { report, estimate };
  } finally {
    reader.close();
    trafficDir?.close();
  }
}
