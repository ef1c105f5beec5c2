import { agentSideJson, type AgentSideJson } from '../estimate/agent-json.js';
import type { FeatureEstimate, RevisionEstimate } from '../estimate/types.js';
import type { CatalogInfo, Config } from '../types.js';
import { inlineCode } from './escape.js';
import { count, escapeMarkdown, pct, textTable, usd } from './format.js';

/** One revision's side of a feature, in the JSON report's shape (snake_case, plain numbers). */
export interface FeatureSideJson {
  models: string[];
  requests_per_month: number;
  volume_source: 'config' | 'traffic';
  samples: number;
  effective_samples: number;
  traffic: { paths: string[]; sha256: string; window_days: number | null; age_days: number | null; lines: number; bad_lines: number; sampled: boolean } | null;
  source: { usage: number; replay: number; static: number };
  tokenizer: string;
  exact: boolean;
  band: [number, number] | null;
  per_request: { mean: number; p50: number; p95: number };
  input_tokens: { mean: number };
  output_tokens: { mean: number };
  monthly: number;
  monthly_band: [number, number] | null;
  calibration: { ratio: number; samples: number } | null;
  reconciliation: { samples: number; replayed: number | null; recorded: number; reported: number | null } | null;
  max_output_tokens: number | null;
  output_cap_share: number | null;
  upper_bound: boolean;
  insufficient_samples: boolean;
  /** Agent features: the run as a chain of calls; null for prompt features. */
  agent: AgentSideJson | null;
}

/** The `estimate` command's JSON document. */
export interface EstimateReport {
  schema_version: 1;
  kind: 'estimate';
  currency: 'USD';
  rev: string | null;
  pricing_date: string;
  catalog: CatalogInfo & { data_date: string };
  totals: { monthly: number };
  features: (FeatureSideJson & { id: string; team: string; prompt: string })[];
  teams: { team: string; budget: number | null; other_monthly_spend: number; monthly: number; status: 'ok' | 'warn' | 'breach' | null }[];
  notices: string[];
}

/** A feature's estimate in the report's shape. */
export function featureSideJson(f: FeatureEstimate): FeatureSideJson {
  return {
    models: f.models,
    requests_per_month: f.requestsPerMonth,
    volume_source: f.volumeSource,
    samples: f.samples,
    effective_samples: f.effectiveSamples,
    traffic: f.traffic
      ? {
          paths: f.traffic.paths,
          sha256: f.traffic.sha256,
          window_days: f.traffic.windowDays,
          age_days: f.traffic.ageDays,
          lines: f.traffic.totalLines,
          bad_lines: f.traffic.badLines,
          sampled: f.traffic.sampled,
        }
      : null,
    source: { ...f.source },
    tokenizer: f.tokenizer.label,
    exact: f.tokenizer.exact,
    band: f.tokenizer.band,
    per_request: { ...f.perRequest },
    input_tokens: { ...f.inputTokens },
    output_tokens: { ...f.outputTokens },
    monthly: f.monthly,
    monthly_band: f.monthlyBand,
    calibration: f.calibration,
    reconciliation: f.reconciliation,
    max_output_tokens: f.maxOutputTokens,
    output_cap_share: f.outputCapShare,
    upper_bound: f.upperBound,
    insufficient_samples: f.insufficientSamples,
    agent: agentSideJson(f.agent),
  };
}

/** Build the JSON report of one revision. Team status compares spend (incl. other spend) with the budget. */
export function estimateReport(est: RevisionEstimate, config: Config, catalog: CatalogInfo, promptOf: (id: string) => string): EstimateReport {
  const teams = Object.values(config.teams).map((t) => {
    const monthly = est.features.filter((f) => f.team === t.id).reduce((a, f) => a + f.monthly, 0);
    const spend = monthly + t.otherMonthlySpend;
    let status: 'ok' | 'warn' | 'breach' | null = null;
    if (t.monthlyBudget !== undefined) status = spend > t.monthlyBudget ? 'breach' : spend > t.warnAt * t.monthlyBudget ? 'warn' : 'ok';
    return { team: t.id, budget: t.monthlyBudget ?? null, other_monthly_spend: t.otherMonthlySpend, monthly, status };
  });
  return {
    schema_version: 1,
    kind: 'estimate',
    currency: 'USD',
    rev: est.rev,
    pricing_date: est.pricingDate,
    catalog: { ...catalog, data_date: catalog.dataDate },
    totals: { monthly: est.monthly },
    features: est.features.map((f) => ({ id: f.id, team: f.team, prompt: promptOf(f.id), ...featureSideJson(f) })),
    teams,
    notices: est.notices,
  };
}

function sourceLabel(s: FeatureSideJson['source']): string {
  const parts: string[] = [];
  if (s.usage > 0) parts.push(`${pct(s.usage)} recorded`);
  if (s.replay > 0) parts.push(`${pct(s.replay)} replayed`);
  if (s.static > 0) parts.push('static');
  return parts.join(', ');
}

function monthlyCell(f: FeatureSideJson): string {
  const m = usd(f.monthly);
  if (f.monthly_band) return `${m} (${usd(f.monthly_band[0])}–${usd(f.monthly_band[1])})`;
  return f.upper_bound ? `≤ ${m}` : m;
}

/** Markdown for a job summary or a terminal that renders Markdown. Repository text is escaped. */
export function estimateMarkdown(r: EstimateReport): string {
  const where = r.rev ? `\`${r.rev.slice(0, 12)}\`` : 'working tree';
  const lines: string[] = [];
  lines.push(`### aicost estimate · ${where}`);
  lines.push('');
  lines.push(`**${usd(r.totals.monthly)}/month** across ${r.features.length} feature${r.features.length === 1 ? '' : 's'}, priced at ${r.pricing_date}.`);
  lines.push('');
  lines.push('| Feature | Team | Model | $/request (mean · p95) | Requests/month | Monthly | Source |');
  lines.push('|---|---|---|--:|--:|--:|---|');
  for (const f of r.features) {
    lines.push(
      `| ${escapeMarkdown(f.id)} | ${escapeMarkdown(f.team)} | ${f.models.map(escapeMarkdown).join(', ')} | ${usd(f.per_request.mean)} · ${usd(f.per_request.p95)} | ${count(f.requests_per_month)} | ${monthlyCell(f)} | ${sourceLabel(f.source)} |`,
    );
  }
  const budgeted = r.teams.filter((t) => t.budget !== null);
  if (budgeted.length) {
    lines.push('');
    lines.push('| Team | Monthly here | Other spend | Budget | Status |');
    lines.push('|---|--:|--:|--:|---|');
    for (const t of budgeted) {
      lines.push(`| ${escapeMarkdown(t.team)} | ${usd(t.monthly)} | ${usd(t.other_monthly_spend)} | ${usd(t.budget!)} | ${t.status} |`);
    }
  }
  lines.push('');
  lines.push('<details><summary>How this was estimated</summary>');
  lines.push('');
  for (const f of r.features) {
    const bits: string[] = [];
    if (f.traffic) {
      const window = f.traffic.window_days !== null ? `, ${count(f.traffic.window_days)}-day window` : '';
      bits.push(`${count(f.samples)} samples (${count(f.effective_samples)} effective${window}) from ${f.traffic.paths.map((p) => inlineCode(p)).join(', ')}`);
      if (f.traffic.sampled) bits.push(`sampled from ${count(f.traffic.lines)} lines`);
    } else {
      bits.push(`static estimate from ${escapeMarkdown(f.prompt)} (${count(f.samples)} render${f.samples === 1 ? '' : 's'})`);
    }
    bits.push(`volume ${f.volume_source === 'config' ? 'from .aicost.yml' : 'derived from the samples'}`);
    bits.push(`tokenizer ${escapeMarkdown(f.tokenizer)}${f.exact ? ' (exact)' : ''}`);
    if (f.calibration) bits.push(`calibration recorded ÷ counted ${f.calibration.ratio.toFixed(3)} over ${count(f.calibration.samples)} samples`);
    if (f.reconciliation) {
      const rec = f.reconciliation;
      const parts = [`recorded usage ${usd(rec.recorded)}`];
      if (rec.replayed !== null) parts.unshift(`replayed ${usd(rec.replayed)}`);
      if (rec.reported !== null) parts.push(`source-reported ${usd(rec.reported)}`);
      bits.push(`per request: ${parts.join(' vs ')}`);
    }
    if (f.output_cap_share !== null && f.output_cap_share > 0) bits.push(`${pct(f.output_cap_share, 1)} of outputs hit max tokens ${count(f.max_output_tokens!)}`);
    lines.push(`- **${escapeMarkdown(f.id)}**: ${bits.join('; ')}.`);
  }
  lines.push(`- Prices: ${escapeMarkdown(r.catalog.source)} ${escapeMarkdown(r.catalog.version)} (data ${r.catalog.data_date}), at ${r.pricing_date}; ${r.catalog.overrides} price override${r.catalog.overrides === 1 ? '' : 's'} from .aicost.yml. A month is 730 hours.`);
  lines.push('');
  lines.push('</details>');
  if (r.notices.length) {
    lines.push('');
    lines.push('<details><summary>Notices</summary>');
    lines.push('');
    for (const n of r.notices) lines.push(`- ${escapeMarkdown(n)}`);
    lines.push('');
    lines.push('</details>');
  }
  return lines.join('\n') + '\n';
}

/** Plain text for a terminal. */
export function estimateText(r: EstimateReport): string {
  const where = r.rev ? r.rev.slice(0, 12) : 'working tree';
  const rows = [['feature', 'team', 'model', '$/request', 'p95', 'requests/mo', 'monthly', 'source']];
  for (const f of r.features) {
    rows.push([f.id, f.team, f.models.join(','), usd(f.per_request.mean), usd(f.per_request.p95), count(f.requests_per_month), monthlyCell(f), sourceLabel(f.source)]);
  }
  const out = [`aicost estimate (${where}), prices at ${r.pricing_date}`, '', textTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l']), '', `total: ${usd(r.totals.monthly)}/month`];
  if (r.notices.length) {
    out.push('', 'notices:');
    for (const n of r.notices) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}
