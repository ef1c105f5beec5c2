// Renders the estimate report (the JSON document of one revision) as Markdown or plain text.
import { inlineCode } from '../text/index.js';
import { count, escapeMarkdown, pct, textTable, usd } from '../text/index.js';
import type { EstimateReport, FeatureSideJson } from '../report/index.js';

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
  lines.push(
    `**${usd(r.totals.monthly)}/month** across ${r.features.length} feature${r.features.length === 1 ? '' : 's'}, priced at ${r.pricing_date}.`,
  );
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
      lines.push(
        `| ${escapeMarkdown(t.team)} | ${usd(t.monthly)} | ${usd(t.other_monthly_spend)} | ${usd(t.budget!)} | ${t.status} |`,
      );
    }
  }
  lines.push('');
  lines.push('<details><summary>How this was estimated</summary>');
  lines.push('');
  for (const f of r.features) {
    const bits: string[] = [];
    if (f.traffic) {
      const window = f.traffic.window_days !== null ? `, ${count(f.traffic.window_days)}-day window` : '';
      bits.push(
        `${count(f.samples)} samples (${count(f.effective_samples)} effective${window}) from ${f.traffic.paths.map((p) => inlineCode(p)).join(', ')}`,
      );
      if (f.traffic.sampled) bits.push(`sampled from ${count(f.traffic.lines)} lines`);
    } else {
      bits.push(
        `static estimate from ${escapeMarkdown(f.prompt)} (${count(f.samples)} render${f.samples === 1 ? '' : 's'})`,
      );
    }
    bits.push(`volume ${f.volume_source === 'config' ? 'from .aicost.yml' : 'derived from the samples'}`);
    bits.push(`tokenizer ${escapeMarkdown(f.tokenizer)}${f.exact ? ' (exact)' : ''}`);
    if (f.prices?.length) {
      const from = f.prices.map((p) => {
        const src =
          p.kind === 'pricing' ? p.source : `${p.kind === 'fallback' ? 'fallback ' : ''}${p.source} ${p.version ?? ''}`;
        const tod = p.time_of_day ? `, by time of day (${p.time_of_day.basis})` : '';
        return escapeMarkdown(`${f.prices!.length > 1 ? `${p.model}: ` : ''}${src}${tod}`);
      });
      bits.push(`prices from ${from.join('; ')}`);
    }
    if (f.calibration)
      bits.push(
        `calibration recorded ÷ counted ${f.calibration.ratio.toFixed(3)} over ${count(f.calibration.samples)} samples`,
      );
    if (f.reconciliation) {
      const rec = f.reconciliation;
      const parts = [`recorded usage ${usd(rec.recorded)}`];
      if (rec.replayed !== null) parts.unshift(`replayed ${usd(rec.replayed)}`);
      if (rec.reported !== null) parts.push(`source-reported ${usd(rec.reported)}`);
      bits.push(`per request: ${parts.join(' vs ')}`);
    }
    if (f.output_cap_share !== null && f.output_cap_share > 0)
      bits.push(`${pct(f.output_cap_share, 1)} of outputs hit max tokens ${count(f.max_output_tokens!)}`);
    lines.push(`- **${escapeMarkdown(f.id)}**: ${bits.join('; ')}.`);
  }
  lines.push(
    `- Prices: ${escapeMarkdown(r.catalog.source)} ${escapeMarkdown(r.catalog.version)} (data ${r.catalog.data_date}), at ${r.pricing_date}; ${r.catalog.overrides} price override${r.catalog.overrides === 1 ? '' : 's'} from .aicost.yml. A month is 730 hours.`,
  );
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
    rows.push([
      f.id,
      f.team,
      f.models.join(','),
      usd(f.per_request.mean),
      usd(f.per_request.p95),
      count(f.requests_per_month),
      monthlyCell(f),
      sourceLabel(f.source),
    ]);
  }
  const out = [
    `aicost estimate (${where}), prices at ${r.pricing_date}`,
    '',
    textTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l']),
    '',
    `total: ${usd(r.totals.monthly)}/month`,
  ];
  if (r.notices.length) {
    out.push('', 'notices:');
    for (const n of r.notices) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}
