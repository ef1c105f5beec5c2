/**
 * Rule `require_cheaper_model_review` (opt-in, `policies.require_cheaper_model_review: <USD>`): a
 * PR that switches a feature to a more expensive model while a cheaper candidate passes the
 * feature's recorded evals at least as often as the new model, and would save more than the amount
 * per month, gets a warning naming both models and the figures. It never fails the check.
 *
 * `cheaperModelReview(ctx: PolicyContext): Finding[]` reads:
 * - the switch from the report: a changed feature whose base and head each use one model, the two
 *   differ, and head's monthly cost is above base's;
 * - `inputs.cheaperModels` ({@link CheaperModelInputs}): pass rates per feature and model, matched to
 *   the feature's prompt by the caller from eval results read at the BASE revision (a results file
 *   the PR adds cannot hide a warning), and routing results (each candidate's monthly cost for the
 *   feature). The base model is a candidate too, at base's monthly cost, when routing does not
 *   price it;
 * - the amount from the trusted config (base decides; a PR that lowers or removes it changes nothing).
 */
import { pct, usd } from '../text/index.js';
import type { Finding, PolicyContext } from './context.js';
import type { PassRateInput } from './types.js';

/** Findings of `require_cheaper_model_review`, one per feature at most (the largest saving). */
export function cheaperModelReview(ctx: PolicyContext): Finding[] {
  const threshold = ctx.policies.requireCheaperModelReview;
  const extra = ctx.inputs.cheaperModels;
  if (threshold === undefined || !extra) return [];
  const findings: Finding[] = [];
  for (const f of ctx.changed) {
    if (!f.base || !f.head || f.base.models.length !== 1 || f.head.models.length !== 1) continue;
    const from = f.base.models[0];
    const to = f.head.models[0];
    if (from === to || f.head.monthly <= f.base.monthly) continue;
    const rates = Object.hasOwn(extra.passRates, f.id) ? extra.passRates[f.id] : {};
    const current = Object.hasOwn(rates, to) ? rates[to] : undefined;
    // Without the new model's recorded pass rate "equal or better" cannot be shown: no warning.
    if (!current) continue;
    const options = extra.candidates.filter((c) => c.feature === f.id && c.eligible && c.model !== to);
    if (!options.some((c) => c.model === from))
      options.push({ feature: f.id, model: from, monthly: f.base.monthly, eligible: true });
    let best: { model: string; saving: number; rate: PassRateInput } | undefined;
    for (const c of options) {
      const rate = Object.hasOwn(rates, c.model) ? rates[c.model] : undefined;
      if (!rate || rate.passRate < current.passRate) continue;
      const saving = f.head.monthly - c.monthly;
      if (saving > threshold && (!best || saving > best.saving)) best = { model: c.model, saving, rate };
    }
    if (!best) continue;
    const file = ctx.artifactOf(f.id);
    findings.push({
      rule: 'require_cheaper_model_review',
      team: f.team,
      feature: f.id,
      file,
      line: null,
      message:
        `${f.id} switches ${from} → ${to} (${usd(f.base.monthly)} → ${usd(f.head.monthly)}/month), but ${best.model} ` +
        `passes ${rateText(best.rate)} of the recorded evals against ${rateText(current)} for ${to} and would cost ` +
        `${usd(best.saving)}/month less (more than the ${usd(threshold)} of policies.require_cheaper_model_review); ` +
        `review the switch`,
      notFailing: [],
      figures: { unit: 'usd_month', limit: threshold, value: best.saving, ci95: null },
    });
  }
  return findings;
}

function rateText(r: PassRateInput): string {
  return `${r.passes}/${r.total} (${pct(r.passRate)}, ${r.source})`;
}
