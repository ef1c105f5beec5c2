/**
 * Feature rules over the head side of every changed or added feature: `max_cost_per_request`,
 * `allowed_models` and `unbounded_increase` (a raised output cap while outputs hit the old one).
 */
import { count, pct, signedUsd, usd } from '../text/index.js';
import type { FeatureJson } from '../report/index.js';
import {
  causeText,
  finding,
  isStatic,
  ownersText,
  underMinimum,
  type Cause,
  type Finding,
  type PolicyContext,
} from './context.js';
import { compileGlob, disallowedModels } from './glob.js';

/** Changed and added features, in report order (removed ones have no head to judge). */
function withHead(ctx: PolicyContext): FeatureJson[] {
  return ctx.changed.filter((f) => f.head !== null && (f.status === 'changed' || f.status === 'added'));
}

/** Per-request cost (mean or p95) of each feature's head against the limit. */
export function costPerRequest(ctx: PolicyContext): Finding[] {
  const rule = ctx.policies.maxCostPerRequest;
  if (!rule) return [];
  const out: Finding[] = [];
  for (const f of withHead(ctx)) {
    const value = f.head!.per_request[rule.stat];
    if (!(value > rule.usd)) continue;
    const before = f.base ? f.base.per_request[rule.stat] : null;
    const cause = ctx.largestCause([f]);
    const was = before === null ? 'new feature' : `was ${usd(before)}`;
    const message = `${rule.stat} cost per request over the limit: ${f.id} costs ${usd(value)} per request at head (${was}) against a limit of ${usd(rule.usd)} (${signedUsd(value - rule.usd)} over)${causeText(cause)}${ownersText(ctx.ownersOf(f.team))}`;
    const preExisting =
      before !== null && before > rule.usd && value <= before
        ? `already over the limit at base (${usd(before)} per request) and this PR does not raise it`
        : null;
    const staticOnly =
      ctx.policies.staticEstimates !== 'fail' && isStatic(f.head)
        ? 'the head figure is a static estimate (static_estimates: warn)'
        : null;
    out.push(
      finding(
        'max_cost_per_request',
        { team: f.team, feature: f.id },
        cause,
        message,
        [preExisting, underMinimum(f.delta.monthly, ctx.policies.minIncreaseUsd, "the feature's change"), staticOnly],
        { unit: 'usd_request', limit: rule.usd, value, ci95: null },
      ),
    );
  }
  return out;
}

/** The change that brought a model in (the model change with the largest effect), if any. */
function modelChange(f: FeatureJson): Cause | null {
  const model = f.changes.filter((c) => c.kind === 'model');
  if (!model.length) return null;
  const c = model.reduce((a, b) => (Math.abs(b.monthly_effect) > Math.abs(a.monthly_effect) ? b : a));
  return {
    feature: f.id,
    text: `${f.id}, ${c.summary}`,
    summary: c.summary,
    effect: c.monthly_effect,
    file: c.file,
    line: c.line,
  };
}

/**
 * Every head model must match one glob. A compliance rule, not a cost rule: `min_increase_usd`
 * does not apply (a cheaper disallowed model is still disallowed); a model already used at base
 * and kept by the PR only warns.
 */
export function allowedModels(ctx: PolicyContext): Finding[] {
  const globs = ctx.policies.allowedModels;
  if (!globs) return [];
  const compiled = globs.map(compileGlob);
  const out: Finding[] = [];
  for (const f of withHead(ctx)) {
    const bad = disallowedModels(f.head!.models, compiled);
    if (bad.length === 0) continue;
    const swap = modelChange(f);
    const cause = swap ?? ctx.largestCause([f]) ?? ctx.causesOf([f])[0] ?? null;
    const list = globs.length
      ? `${bad.length === 1 ? 'matches' : 'match'} none of allowed_models: ${globs.join(', ')}`
      : `${bad.length === 1 ? 'is' : 'are'} not allowed: allowed_models is empty`;
    const where = swap?.file ? `; changed at ${swap.file}${swap.line !== null ? `:${swap.line}` : ''}` : '';
    const message = `model not allowed: ${f.id} uses ${bad.join(', ')} at head, which ${list}${where}${ownersText(ctx.ownersOf(f.team))}`;
    const baseModels = new Set(f.base?.models ?? []);
    const preExisting =
      f.base !== null && bad.every((m) => baseModels.has(m))
        ? `${bad.length === 1 ? 'the model was' : 'these models were'} already used at base`
        : null;
    out.push(finding('allowed_models', { team: f.team, feature: f.id }, cause, message, [preExisting]));
  }
  return out;
}

/**
 * A raised (or removed) output cap while recorded outputs reached the old one: the replay keeps
 * those outputs as recorded, so the delta is a lower bound. States the bound at the new cap: in
 * dollars when the caller gives the head model's output price, else in tokens.
 */
export function unboundedIncrease(ctx: PolicyContext): Finding[] {
  const out: Finding[] = [];
  for (const f of ctx.changed) {
    if (f.status !== 'changed' || !f.base || !f.head) continue;
    // Agents: a raised max_turns over runs that reached the old limit.
    for (const inc of f.head.agent?.turn_cap_increases ?? []) {
      if (!(inc.cap_share > 0)) continue;
      const turns = f.changes.find((c) => c.kind === 'agent' && /^max turns/.test(c.summary));
      const cause: Cause | null = turns
        ? {
            feature: f.id,
            text: `${f.id}, ${turns.summary}`,
            summary: turns.summary,
            effect: turns.monthly_effect,
            file: turns.file,
            line: turns.line,
          }
        : ctx.largestCause([f]);
      const limit = `${count(inc.base_max_turns)} → ${inc.head_max_turns === null ? 'unset' : count(inc.head_max_turns)}`;
      const boundIncrease = inc.upper_bound_monthly === null ? null : inc.upper_bound_monthly - f.base.monthly;
      const bound =
        inc.upper_bound_monthly === null || boundIncrease === null
          ? '; with no limit the increase has no upper bound'
          : `; runs that go to the new limit could cost up to ${usd(inc.upper_bound_per_request ?? 0)} per run (${usd(inc.upper_bound_monthly)}/month, ${signedUsd(boundIncrease)}/month against base)`;
      const message = `loop limit raised while runs hit the old one: ${f.id} raises max turns of agent ${inc.agent} ${limit} and ${pct(inc.cap_share, 1)} of runs reached the old limit, so the replayed change (${signedUsd(f.delta.monthly)}/month) is a lower bound${bound}${ownersText(ctx.ownersOf(f.team))}`;
      const minimum =
        boundIncrease === null
          ? null
          : underMinimum(boundIncrease, ctx.policies.minIncreaseUsd, 'the increase at the new limit');
      out.push(finding('unbounded_increase', { team: f.team, feature: f.id }, cause, message, [minimum]));
    }
    const oldCap = f.base.max_output_tokens;
    const newCap = f.head.max_output_tokens;
    if (oldCap === null) continue;
    const raised = newCap === null || newCap > oldCap;
    const share = Math.max(f.base.output_cap_share ?? 0, f.head.output_cap_share ?? 0);
    if (!raised || !(share > 0)) continue;

    const cap = f.changes.find((c) => c.kind === 'params' && /max output tokens/.test(c.summary));
    const cause: Cause | null = cap
      ? {
          feature: f.id,
          text: `${f.id}, ${cap.summary}`,
          summary: cap.summary,
          effect: cap.monthly_effect,
          file: cap.file,
          line: cap.line,
        }
      : ctx.largestCause([f]);
    const capText = `${count(oldCap)} → ${newCap === null ? 'unset' : count(newCap)}`;
    let bound = '';
    let boundIncrease: number | null = null;
    if (newCap !== null) {
      // Outputs that hit the old cap may run to the new one: extra tokens per request on average.
      const extra = share * (newCap - oldCap);
      const price = ctx.inputs.outputUsdPerToken?.[f.id];
      if (price !== undefined) {
        const perRequest = f.head.per_request.mean + extra * price;
        const monthly = f.head.monthly + extra * price * f.head.requests_per_month;
        boundIncrease = monthly - f.base.monthly;
        bound = `; at the new cap it could cost up to ${usd(perRequest)} per request (${usd(monthly)}/month, ${signedUsd(boundIncrease)}/month against base)`;
      } else {
        bound = `; at the new cap outputs could grow by up to ${count(extra)} tokens per request on average`;
      }
    } else {
      bound = '; with no cap the increase has no upper bound';
    }
    const message = `output cap raised while outputs hit the old one: ${f.id} raises max output tokens ${capText} and ${pct(share, 1)} of samples reached the old cap, so the replayed change (${signedUsd(f.delta.monthly)}/month) is a lower bound${bound}${ownersText(ctx.ownersOf(f.team))}`;
    // The replayed delta understates this rule by construction: the minimum applies to the bound.
    const minimum =
      boundIncrease === null
        ? null
        : underMinimum(boundIncrease, ctx.policies.minIncreaseUsd, 'the increase at the new cap');
    out.push(finding('unbounded_increase', { team: f.team, feature: f.id }, cause, message, [minimum]));
  }
  return out;
}
