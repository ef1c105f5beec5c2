import type { Catalog } from '../catalog/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { LoadedDiff } from '../load/index.js';
import { assertFiniteReport, buildDiffReport, type DiffReport } from '../report/index.js';
import type { BootstrapResult } from '../stats/index.js';
import type { UnpricedChange } from '../unpriced/index.js';
import type { DiffProject } from './diff-project.js';

/** What the replay, the bootstrap and the unpriced scan produced, with the run's notices, for the report model. */
export interface DiffFindings {
  features: FeatureDiff[];
  prPriced: Parameters<typeof buildDiffReport>[0]['prPriced'];
  bootstrap: BootstrapResult;
  unpriced: UnpricedChange[];
  notices: string[];
}

/**
 * The report model stage: the diff's JSON document before the policies grade it. A non-finite
 * figure throws here (`where` locates it): policies compare these figures,
 * and an Infinity must stop the run, not pass or fail a rule.
 */
export function diffReportModel(
  project: DiffProject,
  loaded: LoadedDiff,
  found: DiffFindings,
  catalog: Catalog,
  where: Parameters<typeof assertFiniteReport>[1],
): DiffReport {
  const priced = buildDiffReport({
    baseRev: project.baseSha,
    headRev: project.headSha,
    pricingDate: loaded.dates.head,
    merged: loaded.merged,
    features: found.features,
    bootstrap: found.bootstrap,
    unpriced: found.unpriced,
    catalog: catalog.info,
    notices: found.notices,
    prPriced: found.prPriced,
  });
  assertFiniteReport(priced, where);
  return priced;
}
