/**
 * Rules over what could not be priced: `unpriced_change` (an AI change outside every feature)
 * and `base_error` (the base side could not be priced, so the PR that repairs it can pass).
 */
import type { Finding, PolicyContext } from './context.js';

/** One finding per unpriced AI change, at its file and line. */
export function unpricedChanges(ctx: PolicyContext): Finding[] {
  return ctx.inputs.report.unpriced_changes.map((u) => {
    const ratio = u.price_ratio !== null && !/price/.test(u.summary) ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)` : '';
    return {
      rule: 'unpriced_change',
      team: null,
      feature: null,
      file: u.file,
      line: u.line,
      message: `AI change outside every feature (${u.kind}): ${u.summary}${ratio}; map it to a feature in ${ctx.inputs.config.path} to price it`,
      notFailing: [],
    };
  });
}

/** One finding per base error: '*' for the whole base (config), else by feature id. */
export function baseErrors(ctx: PolicyContext): Finding[] {
  const out: Finding[] = [];
  for (const [id, error] of Object.entries(ctx.inputs.baseErrors)) {
    if (id === '*') {
      out.push({
        rule: 'base_error',
        team: null,
        feature: null,
        file: null,
        line: null,
        message: `the base cannot be priced: ${error}; base figures are missing, so this PR's changes are not compared with base. Fix it on the default branch (a PR that repairs it can pass)`,
        notFailing: [],
      });
      continue;
    }
    const f = ctx.inputs.report.features.find((x) => x.id === id);
    out.push({
      rule: 'base_error',
      team: f?.team ?? ctx.inputs.config.features[id]?.team ?? null,
      feature: id,
      file: ctx.artifactOf(id),
      line: null,
      message: `the base side of ${id} cannot be priced: ${error}; its change is not charged to this PR (a PR that repairs it can pass)`,
      notFailing: [],
    });
  }
  return out;
}
