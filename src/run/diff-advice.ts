import { suggestFeatures, type AdvisedFeature, type FeatureSuggestions } from '../advisor/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { CheaperModelInputs } from '../policy/index.js';
import { AicostError } from '../errors.js';
import type { LoadedDiff } from '../load/index.js';
import type { DiffReport } from '../report/index.js';
import { expandPattern, type RevisionReader } from '../repo/index.js';
import { advisorInputs } from './advisor-inputs.js';
import type { DiffProject } from './diff-project.js';
import type { DiffShared } from './schedule.js';

/**
 * The savings advisor inside a diff (the action's Savings section): every feature priced at base
 * replayed on its candidates, with the base revision's prompt, samples, `advisor:` config and
 * eval results (the PR cannot choose its own candidates, bar or evidence). An advisor that fails
 * costs the report a notice, never the verdict: errors come back as `error`.
 */
export async function adviseDiff(
  loaded: LoadedDiff,
  features: readonly FeatureDiff[],
  shared: DiffShared,
  base: RevisionReader,
  seed: string,
  workers: number | undefined,
): Promise<{ suggestions: FeatureSuggestions[]; error: string | null }> {
  try {
    const advised: AdvisedFeature[] = [];
    for (const input of loaded.features) {
      const f = features.find((x) => x.id === input.merged.id);
      if (!f?.base || !input.baseSite || f.status === 'unpriced') continue;
      advised.push({
        input: {
          feature: input.merged.entry,
          site: input.baseSite,
          traffic: input.traffic,
          ...(input.baseAgent ? { agent: input.baseAgent } : {}),
        },
        estimate: f.base,
      });
    }
    const inputs = await advisorInputs(loaded.merged.config, base, expandPattern);
    const suggestions = await suggestFeatures(
      advised,
      { configFile: shared.where.file, positions: shared.where.positions, date: loaded.dates.base },
      shared.ctx,
      { ...inputs, seed, workers },
    );
    return { suggestions, error: null };
  } catch (e) {
    const message = e instanceof AicostError ? e.format() : e instanceof Error ? e.message : String(e);
    return { suggestions: [], error: message.split('\n')[0] };
  }
}

/**
 * The policy `require_cheaper_model_review`'s inputs with the advisor's routing results added:
 * each routing candidate's monthly cost and eligibility, and its recorded pass rate where the
 * base's eval results have one.
 */
export function withRouting(inputs: CheaperModelInputs, advice: readonly FeatureSuggestions[]): CheaperModelInputs {
  const passRates = { ...inputs.passRates };
  const candidates = [...inputs.candidates];
  for (const f of advice)
    for (const s of f.suggestions) {
      if (s.kind !== 'routing' || !s.candidate || !s.monthly) continue;
      candidates.push({ feature: f.feature, model: s.candidate, monthly: s.monthly.candidate, eligible: s.eligible });
      const rate = s.evidence?.candidate;
      if (rate && passRates[f.feature])
        passRates[f.feature] = {
          ...passRates[f.feature],
          [s.candidate]: { passes: rate.passes, total: rate.total, passRate: rate.pass_rate, source: rate.source },
        };
    }
  return { passRates, candidates };
}

/** What the advisor returned inside a diff. */
export type DiffAdvice = Awaited<ReturnType<typeof adviseDiff>>;

/**
 * The advisor stage of `runDiff` (`run.advise`): runs adviseDiff at base and puts each feature's
 * suggestions on the report model (`features[].suggestions`), or a notice when it could not run.
 */
export async function adviseReport(
  priced: DiffReport,
  loaded: LoadedDiff,
  features: readonly FeatureDiff[],
  shared: DiffShared,
  project: DiffProject,
  workers: number | undefined,
  progress: (stage: string) => void,
): Promise<DiffAdvice> {
  progress('savings advisor: replaying each feature on its candidate models');
  const { location } = project;
  const seed = `advice:${project.baseSha}:${location.prefix}:${location.configPath}`;
  const advice = await adviseDiff(loaded, features, shared, project.base, seed, workers);
  for (const fs of advice.suggestions) {
    const f = priced.features.find((x) => x.id === fs.feature);
    if (f) f.suggestions = fs.suggestions;
  }
  if (advice.error) priced.notices.push(`The savings advisor could not run: ${advice.error}`);
  return advice;
}
