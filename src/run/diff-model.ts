import type { Catalog } from '../catalog/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { LoadedDiff } from '../load/index.js';
import { buildDiffReport, type DiffReport } from '../report/index.js';
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

/** The report model stage: the diff's JSON document before the policies grade it. */
export function diffReportModel(
  project: DiffProject,
  loaded: LoadedDiff,
  found: DiffFindings,
  catalog: Catalog,
): DiffReport {
  return buildDiffReport({
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
}
