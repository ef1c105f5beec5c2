import type { Catalog } from '../catalog/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { LoadedDiff } from '../load/index.js';
import type { RevisionReader } from '../repo/index.js';
import { evaluatePolicies, policyInputsOf, type OverrideState } from '../policy/index.js';
import { assertValidDiffReport, type DiffReport } from '../report/index.js';
import { cheaperModelInputs } from './cheaper-model.js';
import { withRouting, type DiffAdvice } from './diff-advice.js';

/**
 * The policy stage: grades the report model against the merged config's policies (the base's) and
 * returns the final report, with the violations, the breached flag, the policies' notices and the
 * override settings, checked against the report schema (`where` locates a failure). With
 * `require_cheaper_model_review`, the base's eval results (read through `base`) and the advisor's
 * routing results (`advice`, when it ran) are the policy's candidates.
 */
export async function gradeDiff(
  priced: DiffReport,
  loaded: LoadedDiff,
  features: readonly FeatureDiff[],
  catalog: Catalog,
  override: OverrideState | undefined,
  where: Parameters<typeof assertValidDiffReport>[1],
  base: RevisionReader,
  advice: DiffAdvice | null,
): Promise<DiffReport> {
  const inputs = policyInputsOf(loaded.merged, features, catalog, loaded.dates.head);
  const cheaper = await cheaperModelInputs(loaded.merged.config, base, priced, inputs.artifacts);
  // With the advisor on, its routing results (base config, base evidence) are candidates too.
  if (cheaper.inputs && advice) cheaper.inputs = withRouting(cheaper.inputs, advice.suggestions);
  const verdict = evaluatePolicies({
    report: priced,
    config: loaded.merged.config,
    override: override ?? { applied: false },
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
  await assertValidDiffReport(report, where);
  return report;
}
