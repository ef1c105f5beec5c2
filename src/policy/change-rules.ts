/**
 * Rules over what could not be priced: `unpriced_change` (an AI change outside every feature),
 * `base_error` (the base side could not be priced, so the PR that repairs it can pass) and
 * `pr_declared_price` (a feature that exists at base is priced by the PR's own prices or aliases).
 */
import type { Finding, PolicyContext } from './context.js';

/** One finding per unpriced AI change, at its file and line. */
export function unpricedChanges(ctx: PolicyContext): Finding[] {
  return ctx.inputs.report.unpriced_changes.map((u) => {
    const ratio =
      u.price_ratio !== null && !/price/.test(u.summary)
        ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
        : '';
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

/** A declared value for a message: `{input: 0, output: 0}` → `input 0, output 0`; an alias target as is. */
function declaredText(value: unknown): string {
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ');
  return String(value);
}

/**
 * One finding per model of a feature that exists at base (or continues one: renamed, copied)
 * whose head figure only the PR's own `pricing:` / `models:` entries can price. A PR may price the
 * features it adds; a base feature's price must come from the base, or the PR grades itself.
 */
export function prDeclaredPrices(ctx: PolicyContext): Finding[] {
  const out: Finding[] = [];
  const path = ctx.inputs.config.path;
  for (const f of ctx.inputs.report.features) {
    if (f.declared_in_pr) continue;
    for (const p of f.priced_by_pr ?? []) {
      if (p.side !== 'head') continue;
      const keys = p.declared.map((d) => `${d.key}: ${declaredText(d.value)}`).join('; ');
      const what = p.declared.some((d) => d.key.startsWith('models.')) ? 'alias' : 'price';
      const head = f.head ? `$${f.head.monthly.toFixed(2)}/month` : 'its head figure';
      out.push({
        rule: 'pr_declared_price',
        team: f.team,
        feature: f.id,
        file: p.file ?? ctx.artifactOf(f.id),
        line: p.line,
        message: `priced by this PR: ${f.id} (which exists at base) calls ${p.model}, which has no price at base; ${head} rests on this PR's ${keys}. Add the ${what} to ${path} on the base branch first (a PR may price only the features it adds)`,
        notFailing: [],
      });
    }
  }
  return out;
}
