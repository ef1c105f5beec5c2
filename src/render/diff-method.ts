/** The method details of the diff document: how each feature's base and head were priced. */
import { count, pct } from '../text/index.js';
import type { DiffReport, FeatureJson, FeatureSideJson } from '../report/index.js';
import { byImpact, code, declaredMarks, details, lineage, money, plural, sideMoney, text } from './markdown-cells.js';

/** One row of a feature's "how" table: a label and the base and head values ('' when none). */
type MethodRow = [label: string, base: string, head: string];

/** The samples a side was priced from, or that it is a static estimate. */
export function samplesText(s: FeatureSideJson): string {
  if (!s.traffic) return `none: static estimate from the artifact (${plural(s.samples, 'render')})`;
  const t = s.traffic;
  const from =
    t.paths
      .slice(0, 3)
      .map((p) => code(p, 120))
      .join(', ') + (t.paths.length > 3 ? ` and ${count(t.paths.length - 3)} more` : '');
  const parts = [`${count(s.samples)} (${count(s.effective_samples)} effective) from ${from}`];
  if (t.sampled) parts.push(`sampled from ${count(t.lines)} lines`);
  if (t.window_days !== null) parts.push(`${count(t.window_days)}-day window`);
  if (t.age_days !== null) parts.push(`newest ${plural(t.age_days, 'day')} old`);
  if (t.bad_lines > 0) parts.push(`${plural(t.bad_lines, 'bad line')} skipped`);
  if (s.insufficient_samples) parts.push('**insufficient samples** (fewer than ~30 effective)');
  return parts.join('; ');
}

export function sourceText(s: FeatureSideJson): string {
  const shares: string[] = [];
  if (s.source.usage > 0) shares.push(`${pct(s.source.usage)} recorded`);
  if (s.source.replay > 0) shares.push(`${pct(s.source.replay)} replayed`);
  if (s.source.static > 0) shares.push(`${pct(s.source.static)} static`);
  return shares.join(', ');
}

/** `o200k_base`, exact; or the estimate's band (the label may already say "estimate"). */
export function tokenizerText(s: FeatureSideJson): string {
  if (s.exact) return `${code(s.tokenizer, 80)}, exact`;
  const estimate = /estimate/i.test(s.tokenizer) ? '' : 'estimate';
  const band = s.band ? `band ×${s.band[0].toFixed(2)}–×${s.band[1].toFixed(2)}` : '';
  return [code(s.tokenizer, 80), estimate, band].filter(Boolean).join(', ');
}

/** Each model's price source: catalog and version, the fallback catalog, or `pricing:`; time-of-day basis. */
export function priceSourceText(s: FeatureSideJson): string {
  if (!s.prices?.length) return '';
  return s.prices
    .map((p) => {
      const from =
        p.kind === 'pricing'
          ? text(p.source, 80)
          : `${p.kind === 'fallback' ? 'fallback ' : ''}${code(p.source, 80)} ${text(p.version ?? '', 40)}`;
      const tod = p.time_of_day ? `, by time of day (${p.time_of_day.basis})` : '';
      return `${s.prices!.length > 1 ? `${code(p.model, 80)}: ` : ''}${from}${tod}`;
    })
    .join('; ');
}

export function reconciliationText(s: FeatureSideJson): string {
  const rec = s.reconciliation;
  if (!rec) return '';
  const parts = [`recorded ${money(rec.recorded)}`];
  if (rec.replayed !== null) parts.unshift(`replayed ${money(rec.replayed)}`);
  if (rec.reported !== null) parts.push(`source-reported ${money(rec.reported)}`);
  return `${parts.join(' vs ')} (${plural(rec.samples, 'sample')})`;
}

/** The rows of one feature's table; rows empty on both sides are left out. */
export function methodRows(base: FeatureSideJson | null, head: FeatureSideJson | null): MethodRow[] {
  const both = (label: string, value: (s: FeatureSideJson) => string): MethodRow => [
    label,
    base ? value(base) : '',
    head ? value(head) : '',
  ];
  const rows: MethodRow[] = [
    both('Model', (s) => s.models.map((m) => code(m, 80)).join(', ') || '—'),
    both(
      'Requests/month',
      (s) =>
        `${count(s.requests_per_month)} ${s.volume_source === 'config' ? 'from `.aicost.yml`' : 'from the samples'}`,
    ),
    both('Samples', samplesText),
    both('Input tokens from', sourceText),
    both('Tokenizer', tokenizerText),
    both('Prices from', priceSourceText),
    both('Tokens in / out (mean)', (s) => `${count(s.input_tokens.mean)} / ${count(s.output_tokens.mean)}`),
    both(
      '$/request mean · p50 · p95',
      (s) =>
        `${sideMoney(s, (x) => x.per_request.mean)} · ${sideMoney(s, (x) => x.per_request.p50)} · ${sideMoney(s, (x) => x.per_request.p95)}`,
    ),
    both('Per 1,000 requests', (s) => sideMoney(s, (x) => x.per_request.mean * 1000)),
    both('Per active user/month (mean · p95)', (s) =>
      s.per_user
        ? `${money(s.per_user.mean)} · ${money(s.per_user.p95)} over ${plural(s.per_user.users, 'user')} in the samples`
        : '',
    ),
    both(
      'Monthly',
      (s) =>
        `${sideMoney(s, (x) => x.monthly)}${s.monthly_band ? ` (${money(s.monthly_band[0])}–${money(s.monthly_band[1])} over the tokenizer band)` : ''}`,
    ),
    both('Calibration (recorded ÷ counted)', (s) =>
      s.calibration ? `${s.calibration.ratio.toFixed(3)} over ${plural(s.calibration.samples, 'sample')}` : '',
    ),
    both('Check per request', reconciliationText),
    both('Outputs at max tokens', (s) =>
      s.upper_bound
        ? `taken as the output: an upper bound${s.max_output_tokens !== null ? ` (${count(s.max_output_tokens)})` : ''}`
        : s.output_cap_share !== null && s.output_cap_share > 0 && s.max_output_tokens !== null
          ? `${pct(s.output_cap_share, 1)} hit ${count(s.max_output_tokens)}`
          : '',
    ),
  ];
  return rows.filter(([, b, h]) => b !== '' || h !== '');
}

/** One feature's base/head table: one value column when the feature is unchanged, added or removed. */
export function methodTable(f: FeatureJson): string {
  const rows = methodRows(f.base, f.head);
  if (f.status === 'unchanged' || !f.base || !f.head) {
    const label = f.status === 'unchanged' ? 'Base and head' : f.base ? 'Base (removed at head)' : 'Head (new)';
    const pick = (r: MethodRow): string => (f.status === 'unchanged' || !f.base ? r[2] : r[1]) || '—';
    return [`| | ${label} |`, '|:--|:--|', ...rows.map((r) => `| ${r[0]} | ${pick(r)} |`)].join('\n');
  }
  const sameSamples =
    f.base.traffic !== null && f.head.traffic !== null && f.base.traffic.sha256 === f.head.traffic.sha256;
  return [
    '| | Base | Head |',
    '|:--|:--|:--|',
    ...rows.map(([label, b, h]) => {
      const headCell = label === 'Samples' && sameSamples ? 'the same samples' : h === b && h !== '' ? 'same' : h;
      return `| ${label} | ${b || '—'} | ${headCell || '—'} |`;
    }),
  ].join('\n');
}

/**
 * How each figure was estimated: in the comment only for the changed features (the reviewer's
 * question is about them), in the job summary for every feature.
 */
export function methodDetails(r: DiffReport, view: 'comment' | 'summary' = 'summary'): string | null {
  const parts: string[] = [];
  const shown = view === 'summary' ? r.features : r.features.filter((f) => f.status !== 'unchanged');
  if (shown.length === 0) return null;
  for (const f of [...shown].sort(byImpact)) {
    const team = `team ${text(f.team, 60)}${f.declared_in_pr ? ' · declared in this PR' : ''}`;
    const from = lineage(f);
    parts.push([`**${text(f.id, 80)}** · ${team}`, ...(from ? [from] : []), ...declaredMarks(f)].join(' · '));
    parts.push(methodTable(f));
    if (f.notes.length) parts.push(f.notes.map((n) => `- ${text(n, 500)}`).join('\n'));
  }
  const c = r.catalog;
  const overrides = c.overrides ? `; ${plural(c.overrides, 'price override')} from \`.aicost.yml\`` : '';
  const dataDate = c.data_date ? `, data to ${text(c.data_date, 20)}` : '';
  parts.push(
    [
      `- Prices: ${code(c.source, 80)} ${text(c.version, 40)}${dataDate}, taken at ${text(r.pricing_date, 20)}${overrides}.`,
      `- Policy read from ${r.policy_source === 'base' ? 'the base revision (the PR does not grade itself)' : 'this PR (the base has no config: adoption)'}.`,
      '- The base level comes from recorded usage where samples have it; the change from replaying the same samples at base and head. 95% intervals from a paired bootstrap. A month is 730 hours.',
    ].join('\n'),
  );
  const title =
    view === 'summary'
      ? 'How this was estimated'
      : `How this was estimated (${plural(shown.length, 'changed feature')})`;
  return details(title, parts.join('\n\n'));
}
