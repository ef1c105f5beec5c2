import { estimateRevision } from '../estimate/index.js';
import type { RevisionEstimate } from '../estimate/index.js';
import { assertFiniteReport } from '../report/index.js';
import { estimateReport, type EstimateReport } from '../report/index.js';
import { TokenCounter } from '../tokenize/index.js';
import { placeholderNotice, placeholdersIn } from '../init/index.js';
import { withRevision, type RevisionRun } from './revision.js';

/** Inputs of one estimate run, shared by the CLI and the action. */
export type EstimateRun = RevisionRun;

/**
 * The whole `estimate` job: find the project, read one revision, replay every feature and build
 * the report. Errors are typed AicostErrors for the entries to print.
 */
export async function runEstimate(run: EstimateRun): Promise<{ report: EstimateReport; estimate: RevisionEstimate }> {
  return withRevision(run, async ({ location, reader, snapshot, catalog, progress }) => {
    const { config } = snapshot;
    progress(`pricing ${Object.keys(config.features).length} feature(s)`);
    const estimate = estimateRevision(snapshot, { catalog, counter: new TokenCounter() });
    const promptOf = (id: string) => config.features[id].prompt ?? config.features[id].agent ?? '';
    const report = estimateReport(estimate, config, catalog.info, promptOf);
    // Volumes and models `aicost init` guessed price nothing real until someone replaces them.
    const guessed = placeholderNotice(config.path, placeholdersIn(await reader.readText(location.configPath)));
    if (guessed) report.notices.push(guessed);
    assertFiniteReport(report, { file: config.path, positions: config.positions });
    return { report, estimate };
  });
}
