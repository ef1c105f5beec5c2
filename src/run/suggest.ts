import { suggestRevision, type AdvisorOptions } from '../advisor/index.js';
import type { FeatureSuggestions, SuggestReport } from '../advisor/index.js';
import { estimateRevision, type EstimateContext, type RevisionEstimate } from '../estimate/index.js';
import type { RevisionSnapshot } from '../load/index.js';
import { assertFiniteReport, catalogJson } from '../report/index.js';
import { expandPattern, type RevisionReader } from '../repo/index.js';
import { TokenCounter } from '../tokenize/index.js';
import { advisorInputs } from './advisor-inputs.js';
import { withRevision, type RevisionRun } from './revision.js';

/** Inputs of one suggest run (the CLI's `aicost suggest`). */
export interface SuggestRun extends RevisionRun {
  /** Helper threads of the bootstrap (0 or 1; default 1 on 2+ cores). */
  workers?: number;
}

/**
 * The whole `suggest` job: read one revision as `estimate` does, price it, then replay each
 * feature on its routing candidates and the other levers. The advisor's config and the eval
 * results are read from the same revision.
 */
export async function runSuggest(
  run: SuggestRun,
): Promise<{ report: SuggestReport; estimate: RevisionEstimate; snapshot: RevisionSnapshot }> {
  return withRevision(run, async ({ location, reader, snapshot, catalog, progress }) => {
    const { config } = snapshot;
    const counter = new TokenCounter();
    try {
      const ctx: EstimateContext = { catalog, counter };
      progress(`pricing ${Object.keys(config.features).length} feature(s)`);
      const estimate = estimateRevision(snapshot, ctx);
      progress('replaying each feature on its candidate models');
      const features = await suggestWith(snapshot, estimate, ctx, reader, {
        seed: `${snapshot.rev ?? 'worktree'}:${location.prefix}:${location.configPath}`,
        workers: run.workers,
      });
      const report: SuggestReport = {
        schema_version: 1,
        currency: 'USD',
        rev: snapshot.rev,
        pricing_date: estimate.pricingDate,
        catalog: catalogJson(catalog.info),
        features,
        notices: estimate.notices,
      };
      assertFiniteReport(report, { file: config.path, positions: config.positions });
      return { report, estimate, snapshot };
    } finally {
      await counter.close();
    }
  });
}

/**
 * Suggestions for a priced revision whose files `reader` still reads (the eval results named by
 * the revision's `advisor.evals`). Shared by `suggest` and the action's Savings section.
 */
export async function suggestWith(
  snapshot: RevisionSnapshot,
  estimate: RevisionEstimate,
  ctx: EstimateContext,
  reader: RevisionReader,
  extra: Pick<AdvisorOptions, 'seed' | 'workers' | 'only' | 'resamples'>,
): Promise<FeatureSuggestions[]> {
  const inputs = await advisorInputs(snapshot.config, reader, expandPattern);
  return suggestRevision(snapshot, estimate, ctx, { ...inputs, ...extra });
}
