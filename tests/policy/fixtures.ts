/**
 * Hand-built reports for the policy tests: sides, features and a report whose team and total
 * figures are summed from the features the way buildDiffReport sums them.
 */
import { loadConfig } from '../../src/config/index.js';
import type { PolicyInputs } from '../../src/policy/types.js';
import type { ChangeJson, FeatureJson, FeatureSideJson, TeamJson } from '../../src/report/types.js';

/** A measured side (recorded usage) at the given monthly figure and per-request cost. */
export function side(o: Partial<FeatureSideJson> & { monthly: number }): FeatureSideJson {
  const perRequest = o.per_request ?? { mean: o.monthly / (o.requests_per_month ?? 100_000), p50: 0, p95: 0 };
  return {
    models: ['openai/gpt-4o-mini'],
    requests_per_month: 100_000,
    volume_source: 'config',
    samples: 200,
    effective_samples: 200,
    traffic: null,
    source: { usage: 1, replay: 0, static: 0 },
    tokenizer: 'o200k_base',
    exact: true,
    band: null,
    input_tokens: { mean: 1000 },
    output_tokens: { mean: 200 },
    monthly_band: null,
    agent: null,
    calibration: null,
    reconciliation: null,
    max_output_tokens: 500,
    output_cap_share: 0,
    upper_bound: false,
    insufficient_samples: false,
    ...o,
    per_request: perRequest,
  };
}

/** A static side: priced from the artifact alone. */
export function staticSide(o: Partial<FeatureSideJson> & { monthly: number }): FeatureSideJson {
  return side({
    samples: 0,
    effective_samples: 0,
    source: { usage: 0, replay: 0, static: 1 },
    output_cap_share: null,
    ...o,
  });
}

export function change(o: Partial<ChangeJson> & { monthly_effect: number }): ChangeJson {
  return {
    kind: 'model',
    file: 'prompts/summarize.prompt.yml',
    line: 1,
    summary: 'model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price)',
    ...o,
  };
}

/** A feature; status and delta follow from the sides unless given. */
export function feature(o: Partial<FeatureJson> & { id: string }): FeatureJson {
  const base = o.base ?? null;
  const head = o.head ?? null;
  const status: FeatureJson['status'] = o.status ?? (base && head ? 'changed' : head ? 'added' : 'removed');
  const delta = (head?.monthly ?? 0) - (base?.monthly ?? 0);
  return {
    team: 'support',
    status,
    declared_in_pr: base === null,
    base,
    head,
    delta: {
      per_request: {
        mean: (head?.per_request.mean ?? 0) - (base?.per_request.mean ?? 0),
        p95: (head?.per_request.p95 ?? 0) - (base?.per_request.p95 ?? 0),
      },
      monthly: delta,
      monthly_percent: base && base.monthly > 0 ? (delta / base.monthly) * 100 : null,
      monthly_ci95: null,
    },
    changes: [],
    notes: [],
    ...o,
  };
}

export interface ReportOptions {
  features: FeatureJson[];
  /** Team → head interval of this repository's spend. */
  headCi?: Record<string, [number, number]>;
  deltaCi?: [number, number] | null;
  unpriced?: PolicyInputs['report']['unpriced_changes'];
  policySource?: 'base' | 'head (adoption)';
}

/** The config (YAML, as users write it) and a report over it. */
export function inputs(yaml: string, r: ReportOptions, extra: Partial<PolicyInputs> = {}): PolicyInputs {
  const config = loadConfig(yaml, '.aicost.yml');
  const priced = r.features.filter((f) => f.status !== 'unpriced');
  const teamIds = [...new Set([...Object.keys(config.teams), ...r.features.map((f) => f.team)])].sort();
  const teams: TeamJson[] = teamIds.map((id) => {
    const t = config.teams[id];
    const mine = priced.filter((f) => f.team === id);
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
      head_ci95: r.headCi?.[id] ?? null,
      status,
      owners: t?.owners ?? [],
    };
  });
  const base = priced.reduce((a, f) => a + (f.base?.monthly ?? 0), 0);
  const head = priced.reduce((a, f) => a + (f.head?.monthly ?? 0), 0);
  return {
    report: {
      schema_version: 1,
      currency: 'USD',
      base: { rev: 'a'.repeat(40) },
      head: { rev: 'b'.repeat(40) },
      pricing_date: '2026-11-27',
      catalog: { source: '@pydantic/genai-prices', version: '0.1.8', data_date: '2026-11-01', overrides: 0 },
      policy_source: r.policySource ?? 'base',
      totals: {
        monthly: {
          base,
          head,
          delta: head - base,
          delta_percent: base > 0 ? ((head - base) / base) * 100 : null,
          delta_ci95: r.deltaCi ?? null,
        },
      },
      features: r.features,
      teams,
      unpriced_changes: r.unpriced ?? [],
      proposed_config: [],
      notices: [],
    },
    config,
    baseErrors: {},
    override: { applied: false },
    ...extra,
  };
}
