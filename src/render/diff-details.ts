/** The collapsed details of the diff document: every change, unpriced changes, proposed config, method, notices. */
import { clip, codeBlock, count, pct } from '../text/index.js';
import type { DiffReport, FeatureJson, FeatureSideJson } from '../report/index.js';
import {
  byImpact,
  code,
  declaredMarks,
  delta,
  details,
  HINT_MAX,
  ICON,
  lineage,
  money,
  plural,
  shortRev,
  sideMoney,
  text,
  topChanges,
  where,
} from './markdown-cells.js';
// ---------------------------------------------------------------------------------------------
// Collapsed details
// ---------------------------------------------------------------------------------------------

export function changesDetails(r: DiffReport): string | null {
  const features = r.features.filter((f) => f.changes.length > 0).sort(byImpact);
  const total = features.reduce((a, f) => a + f.changes.length, 0);
  if (total === 0) return null;
  const rows = ['| Feature | Kind | Where | Change | Monthly effect |', '|:--|:--|:--|:--|--:|'];
  for (const f of features) {
    for (const c of topChanges(f)) {
      rows.push(
        `| ${text(f.id, 80)} | ${text(c.kind, 20)} | ${where(clip(c.file, 200), c.line)} | ${text(c.summary)} | ${delta(c.monthly_effect)} |`,
      );
    }
  }
  return details(`What changed (${plural(total, 'change')})`, rows.join('\n'));
}

export function unpricedDetails(r: DiffReport): string | null {
  if (r.unpriced_changes.length === 0) return null;
  const lines = [
    'AI changes outside every feature of `.aicost.yml` are not priced. To price one, add an entry like the one shown.',
    '',
  ];
  for (const u of r.unpriced_changes) {
    // The detector's summaries already name the ratio; add it only where one does not.
    const ratio =
      u.price_ratio !== null && !/input price/.test(u.summary)
        ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
        : '';
    lines.push(
      `- ${ICON.warning} ${where(clip(u.file, 200), u.line)} · ${text(u.kind, 20)}: ${text(u.summary)}${ratio}`,
    );
    if (u.hint.trim()) {
      lines.push('');
      lines.push(codeBlock(clip(u.hint, HINT_MAX), 'yaml', '  '));
    }
  }
  return details(`Unpriced AI changes (${count(r.unpriced_changes.length)})`, lines.join('\n'));
}

/** A config value for people: JSON, as code; `—` when absent. */
export function configValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return code(JSON.stringify(v) ?? String(v), 120);
}

export function proposedDetails(r: DiffReport): string | null {
  if (r.proposed_config.length === 0) return null;
  const rows = [
    'Read from the PR’s `.aicost.yml`. The PR does not grade itself: these apply after merge.',
    '',
    '| Key | Base | Head | Effect |',
    '|:--|--:|--:|:--|',
  ];
  for (const p of r.proposed_config) {
    rows.push(`| ${code(p.path, 120)} | ${configValue(p.base)} | ${configValue(p.head)} | ${text(p.effect)} |`);
  }
  return details(`Proposed config changes (${count(r.proposed_config.length)})`, rows.join('\n'));
}

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

export function methodDetails(r: DiffReport): string | null {
  const parts: string[] = [];
  for (const f of [...r.features].sort(byImpact)) {
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
      `- Policy read from ${r.policy_source === 'base' ? 'the base revision (the PR does not grade itself)' : 'this PR (the base has no config: adoption)'}; base ${shortRev(r.base.rev)} → head ${shortRev(r.head.rev)}.`,
      '- The base level comes from recorded usage where samples have it; the change from replaying the same samples at base and head. 95% intervals from a paired bootstrap. A month is 730 hours.',
    ].join('\n'),
  );
  return details('How this was estimated', parts.join('\n\n'));
}

export function noticesDetails(r: DiffReport): string | null {
  if (r.notices.length === 0) return null;
  return details(`Notices (${count(r.notices.length)})`, r.notices.map((n) => `- ${text(n, 500)}`).join('\n'));
}

export function footer(r: DiffReport, summaryUrl: string | undefined): string {
  const parts = [`prices at ${text(r.pricing_date, 20)}`, `head ${shortRev(r.head.rev)}`];
  const url = summaryUrl ? safeUrl(summaryUrl) : null;
  if (url) parts.push(`[full report](${url})`);
  return `<sub>aicost · ${parts.join(' · ')}</sub>`;
}

/** An http(s) URL usable as a link target, or null. */
export function safeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  // URL.href percent-encodes spaces and quotes; parentheses and `<>` would end the link early.
  return u.href.replace(/[()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
