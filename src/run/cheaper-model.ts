import { AicostError } from '../errors.js';
import type { CheaperModelInputs, PassRateInput } from '../policy/index.js';
import { expandPattern, type RevisionReader } from '../repo/index.js';
import type { DiffReport } from '../report/index.js';
import type { Config } from '../types.js';
import { advisorInputs } from './advisor-inputs.js';

/**
 * What `require_cheaper_model_review` reads beyond the report: for each changed feature that
 * switches models, the recorded pass rates of its base and head models, from the eval results
 * that the TRUSTED config's `advisor.evals` names, read at the BASE revision (a results file the PR
 * adds or edits cannot hide the warning). The base model is the candidate (at base's monthly
 * cost); routing candidates are priced by `aicost suggest`, not by the diff. Unreadable results at
 * base only warn (DESIGN "Errors at base"): the rule then finds nothing, and a notice says why.
 */
export async function cheaperModelInputs(
  config: Config,
  base: RevisionReader,
  report: Pick<DiffReport, 'features'>,
  artifacts: Record<string, string>,
): Promise<{ inputs?: CheaperModelInputs; notice?: string }> {
  if (config.policies.requireCheaperModelReview === undefined || !config.advisor?.evals.length) return {};
  const switches = report.features.filter(
    (f) =>
      f.status === 'changed' &&
      f.base?.models.length === 1 &&
      f.head?.models.length === 1 &&
      f.base.models[0] !== f.head.models[0],
  );
  if (switches.length === 0) return {};
  let lookup: Awaited<ReturnType<typeof advisorInputs>>['passRate'];
  try {
    lookup = (await advisorInputs(config, base, expandPattern)).passRate;
  } catch (error) {
    if (!(error instanceof AicostError)) throw error;
    return {
      notice: `require_cheaper_model_review was not checked: the eval results at base could not be read (${error.format()}).`,
    };
  }
  const passRates: CheaperModelInputs['passRates'] = {};
  for (const f of switches) {
    const prompt = config.features[f.id]?.prompt ?? artifacts[f.id];
    if (!prompt) continue;
    const rates: Record<string, PassRateInput> = {};
    for (const model of [f.base!.models[0], f.head!.models[0]]) {
      const r = lookup(prompt, model);
      if (r) rates[model] = { passes: r.passes, total: r.total, passRate: r.pass_rate, source: r.source };
    }
    passRates[f.id] = rates;
  }
  return { inputs: { passRates, candidates: [] } };
}
