import type { Catalog } from '../catalog/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { LoadedDiff } from '../load/index.js';
import { evaluatePolicies, policyInputsOf, type OverrideState } from '../policy/index.js';
import { assertValidDiffReport, type DiffReport } from '../report/index.js';

/**
 * The policy stage: grades the report model against the merged config's policies (the base's) and
 * returns the final report, with the violations, the breached flag, the policies' notices and the
 * override settings, checked against the report schema (`where` locates a failure).
 */
export function gradeDiff(
  priced: DiffReport,
  loaded: LoadedDiff,
  features: readonly FeatureDiff[],
  catalog: Catalog,
  override: OverrideState | undefined,
  where: Parameters<typeof assertValidDiffReport>[1],
): DiffReport {
  const inputs = policyInputsOf(loaded.merged, features, catalog, loaded.dates.head);
  const verdict = evaluatePolicies({
    report: priced,
    config: loaded.merged.config,
    override: override ?? { applied: false },
    ...inputs,
  });
  const report: DiffReport = {
    ...priced,
    violations: verdict.violations,
    breached: verdict.breached,
    notices: [...priced.notices, ...verdict.notices],
    policy: {
      override_label: loaded.merged.config.policies.overrideLabel ?? null,
      override_approvers: [...loaded.merged.config.policies.overrideApprovers],
    },
  };
  assertValidDiffReport(report, where);
  return report;
}
