import type { MergedConfig, PrPricedModel } from '../config/index.js';
import type { BootstrapResult } from '../stats/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { UnpricedChange } from '../unpriced/index.js';
import { weightedQuantile } from '../stats/index.js';
import type { CatalogInfo } from '../types.js';
import { featureSideJson } from './estimate-report.js';
import { catalogJson, type DiffReport, type FeatureJson, type TeamJson } from './types.js';

/** Everything the JSON report is built from. */
export interface DiffReportInputs {
  baseRev: string;
  headRev: string;
  pricingDate: Date;
  merged: MergedConfig;
  features: FeatureDiff[];
  bootstrap: BootstrapResult;
  unpriced: UnpricedChange[];
  catalog: CatalogInfo;
  notices: string[];
  /** Feature id → its models priced only by the PR's declared prices or aliases. */
  prPriced?: Record<string, PrPricedModel[]>;
}

function percent(delta: number, base: number): number | null {
  return base > 0 ? (delta / base) * 100 : null;
}

function interval(i: { lo: number; hi: number } | undefined): [number, number] | null {
  return i ? [i.lo, i.hi] : null;
}

/** The feature's per-request delta: mean, and p95 of the paired per-sample differences. */
function perRequestDelta(f: FeatureDiff): { mean: number; p95: number } {
  const b = f.base?.perRequest;
  const h = f.head?.perRequest;
  if (f.pairs) {
    const d = f.pairs.map((p) => p.head.cost - p.base.cost);
    return {
      mean: h!.mean - b!.mean,
      p95: weightedQuantile(
        d,
        f.pairs.map((p) => p.base.weight),
        0.95,
      ),
    };
  }
  return { mean: (h?.mean ?? 0) - (b?.mean ?? 0), p95: (h?.p95 ?? 0) - (b?.p95 ?? 0) };
}

/** The trust markers of a feature: renamed or copied from a base feature, PR-declared volume and prices. */
function trustMarks(f: FeatureDiff, merged: MergedConfig, priced: PrPricedModel[] | undefined): Partial<FeatureJson> {
  const m = merged.features.find((x) => x.id === f.id);
  const out: Partial<FeatureJson> = {};
  if (m?.renamedFrom !== undefined) out.renamed_from = m.renamedFrom;
  if (m?.copiedFrom !== undefined) out.copied_from = m.copiedFrom;
  if (m?.declaredInPr && f.head) out.volume_declared_in_pr = true;
  if (f.status === 'added' && m) out.artifact = m.headPrompt;
  if (priced?.length)
    out.priced_by_pr = priced.map((p) => ({
      side: p.side,
      model: p.model,
      file: p.file,
      line: p.line,
      declared: p.declared.map((d) => ({ key: d.key, value: d.value })),
    }));
  return out;
}

/** Build the `diff` JSON report (schema/report.schema.json) from priced features. */
export function buildDiffReport(inp: DiffReportInputs): DiffReport {
  const { merged, bootstrap } = inp;
  const features: FeatureJson[] = inp.features.map((f) => {
    const base = f.base?.monthly ?? 0;
    const head = f.head?.monthly ?? 0;
    const delta = f.status === 'unpriced' ? 0 : head - base;
    const boot = bootstrap.features[f.id];
    const insufficient = (f.base?.insufficientSamples ?? false) || (f.head?.insufficientSamples ?? false);
    return {
      id: f.id,
      team: f.team,
      status: f.status,
      declared_in_pr: f.declaredInPr,
      base: f.base ? featureSideJson(f.base) : null,
      head: f.head ? featureSideJson(f.head) : null,
      delta: {
        per_request: f.status === 'unpriced' ? { mean: 0, p95: 0 } : perRequestDelta(f),
        monthly: delta,
        monthly_percent: f.status === 'unpriced' ? null : percent(delta, base),
        monthly_ci95: boot && !insufficient && f.status !== 'unpriced' ? interval(boot.monthlyDelta) : null,
      },
      changes: f.changes.map((c) => ({
        kind: c.kind,
        file: c.file,
        line: c.line,
        summary: c.summary,
        monthly_effect: c.monthlyEffect,
      })),
      notes: f.notes,
      ...trustMarks(f, merged, inp.prPriced?.[f.id]),
    };
  });

  const teamIds = new Set<string>([...Object.keys(merged.config.teams), ...inp.features.map((f) => f.team)]);
  const teams: TeamJson[] = [...teamIds].sort().map((id) => {
    const t = merged.config.teams[id];
    const mine = features.filter((f) => f.team === id && f.status !== 'unpriced');
    const base = mine.reduce((a, f) => a + (f.base?.monthly ?? 0), 0);
    const head = mine.reduce((a, f) => a + (f.head?.monthly ?? 0), 0);
    const other = t?.otherMonthlySpend ?? 0;
    const budget = t?.monthlyBudget ?? null;
    const spend = head + other;
    const status: TeamJson['status'] =
      budget === null ? 'ok' : spend > budget ? 'breach' : spend > (t?.warnAt ?? 0.8) * budget ? 'warn' : 'ok';
    return {
      team: id,
      budget,
      base,
      head,
      other_monthly_spend: other,
      head_ci95: interval(bootstrap.teams[id]?.headMonthly),
      status,
      owners: t?.owners ?? [],
    };
  });

  const priced = features.filter((f) => f.status !== 'unpriced');
  const base = priced.reduce((a, f) => a + (f.base?.monthly ?? 0), 0);
  const head = priced.reduce((a, f) => a + (f.head?.monthly ?? 0), 0);
  const resting = features.flatMap((f) =>
    (f.priced_by_pr ?? []).map((p) => `${f.id} ${p.side} (${p.model}: ${p.declared.map((d) => d.key).join(', ')})`),
  );
  const declaredNotice = resting.length
    ? [
        `Figures priced by this PR (prices or aliases its ${merged.config.path} declares, not the base's): ${resting.join('; ')}.`,
      ]
    : [];
  const notices = [...new Set([...merged.notices, ...declaredNotice, ...inp.notices])];
  return {
    schema_version: 1,
    currency: 'USD',
    base: { rev: inp.baseRev },
    head: { rev: inp.headRev },
    pricing_date: inp.pricingDate.toISOString().slice(0, 10),
    catalog: catalogJson(inp.catalog),
    policy_source: merged.policySource,
    totals: {
      monthly: {
        base,
        head,
        delta: head - base,
        delta_percent: percent(head - base, base),
        delta_ci95: interval(bootstrap.total.monthlyDelta),
      },
    },
    features,
    teams,
    violations: [],
    unpriced_changes: inp.unpriced.map((u) => ({
      kind: u.kind,
      file: u.file,
      line: u.line,
      summary: u.summary,
      price_ratio: u.price_ratio,
      hint: u.hint,
    })),
    proposed_config: merged.proposed.map((p) => ({ path: p.path, base: p.base, head: p.head, effect: p.effect })),
    notices,
    breached: false,
  };
}
