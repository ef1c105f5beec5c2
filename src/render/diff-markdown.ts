/**
 * The pull-request comment and job summary of `diff`: one headline with the monthly change and
 * the verdict, the changed features, budgets and violations up front, and the details (every
 * change, unpriced AI changes, proposed config, how each figure was estimated) collapsed below.
 *
 * Every string that comes from the repository (ids, teams, paths, models, summaries, notices,
 * messages, hints, owners) goes through escapeMarkdown, inlineCode or codeBlock.
 */
import { clip } from '../text/index.js';
import { count, pct } from '../text/index.js';
import type { DiffReport, FeatureJson, FeatureSideJson, TeamJson, ViolationJson } from '../report/index.js';
import { joinSections, type MarkdownSection } from './fit.js';
import {
  changesDetails,
  footer,
  methodDetails,
  noticesDetails,
  proposedDetails,
  unpricedDetails,
} from './diff-details.js';
import {
  byImpact,
  CELL_SUMMARY,
  code,
  declaredMarks,
  delta,
  details,
  ICON,
  interval,
  isStatic,
  lineage,
  money,
  NBSP,
  percent,
  plural,
  shortRev,
  sideMoney,
  text,
  topChanges,
  where,
} from './markdown-cells.js';

export { COMMENT_MAX_CHARS, SUMMARY_MAX_BYTES, fitMarkdown } from './fit.js';
export type { FitOptions, MarkdownSection } from './fit.js';

/** Options of the Markdown document. */
export interface DiffMarkdownOptions {
  /** Hidden sticky-comment marker written first, verbatim (trusted: built by the action). */
  marker?: string;
  /** Link to the full report (the job summary), shown in the footer; only http(s) URLs. */
  summaryUrl?: string;
}

/** The document as one string: every section, in order. */
export function diffMarkdown(report: DiffReport, opts: DiffMarkdownOptions = {}): string {
  return joinSections(sectionsMarkdown(report, opts));
}

/**
 * The document as ordered sections. Required: marker (when given), headline, verdict, features
 * table, violations (when any). The rest is optional, most useful first.
 */
export function sectionsMarkdown(report: DiffReport, opts: DiffMarkdownOptions = {}): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  const add = (id: string, markdown: string | null, required = false): void => {
    if (markdown) sections.push({ id, markdown, required });
  };
  if (opts.marker) add('marker', opts.marker, true);
  add('headline', headline(report), true);
  add('verdict', verdictLine(report), true);
  add('features', featuresTable(report), true);
  add('unchanged', unchangedDetails(report));
  add('teams', teamsTable(report));
  add('violations', violationsList(report), true);
  add('unpriced', unpricedDetails(report));
  add('changes', changesDetails(report));
  add('proposed', proposedDetails(report));
  add('method', methodDetails(report));
  add('notices', noticesDetails(report));
  add('footer', footer(report, opts.summaryUrl));
  return sections;
}

// ---------------------------------------------------------------------------------------------
// Headline and verdict
// ---------------------------------------------------------------------------------------------

export const isChange = (f: FeatureJson): boolean => f.status !== 'unchanged';

/** `### 🔺 aicost: +$2,140/month (+23.6%, 95%: +$1,980 to +$2,310) — 1 policy fails` */
export function headline(r: DiffReport): string {
  const m = r.totals.monthly;
  const changed = r.features.filter(isChange);
  const verdict = verdictWords(r);
  if (changed.length === 0 && Math.abs(m.delta) < 0.005) {
    return `### aicost: no change to AI cost (${money(m.head)}/month) — ${verdict}`;
  }
  const icon = m.delta > 0.005 ? `${ICON.increase} ` : m.delta < -0.005 ? `${ICON.decrease} ` : '';
  const detail: string[] = [];
  if (m.delta_percent !== null) detail.push(percent(m.delta_percent));
  if (m.delta_ci95) detail.push(interval(m.delta_ci95));
  else if (changed.some(insufficient)) detail.push('insufficient samples');
  else if (changed.some((f) => isStatic(f.head) || isStatic(f.base))) detail.push('static estimate');
  const paren = detail.length ? ` (${detail.join(', ')})` : '';
  return `### ${icon}aicost: ${delta(m.delta)}/month${paren} — ${verdict}`;
}

export function errorsOf(r: DiffReport): ViolationJson[] {
  return r.violations.filter((v) => v.severity === 'error');
}

/** `1 policy fails`, `passes with 2 warnings`, `within budget`. */
export function verdictWords(r: DiffReport): string {
  const errors = errorsOf(r).length;
  const warnings = r.violations.length - errors;
  if (errors > 0) return `${count(errors)} ${errors === 1 ? 'policy fails' : 'policies fail'}`;
  const overridden = r.violations.filter((v) => v.overridden).length;
  if (overridden > 0) return `passes by override (${plural(overridden, 'violation')} overridden)`;
  // "Within budget" only when no budgeted team is over; a breach that only warns is named.
  const budgetWarned = r.violations.some((v) => v.rule === 'budget');
  const over = r.teams.some((t) => t.status === 'breach');
  const base = budgetWarned
    ? 'over budget, not failing'
    : over
      ? 'passes'
      : r.teams.some((t) => t.budget !== null)
        ? 'within budget'
        : 'passes';
  return warnings > 0 ? `${base}, ${plural(warnings, 'warning')}` : base;
}

/** `❌ **Fails**: budget · 1 warning · 2 features changed, 1 added, 1 unchanged · base … → head …` */
export function verdictLine(r: DiffReport): string {
  const errors = errorsOf(r);
  const warnings = r.violations.length - errors.length;
  const parts: string[] = [];
  if (errors.length > 0) {
    const rules = [...new Set(errors.map((v) => v.rule))].map((rule) => code(rule)).join(', ');
    parts.push(`${ICON.error} **Check fails**: ${plural(errors.length, 'error')} (${rules})`);
    if (warnings) parts.push(plural(warnings, 'warning'));
  } else if (warnings > 0) {
    parts.push(`${ICON.warning} **Check passes** with ${plural(warnings, 'warning')}`);
  } else {
    parts.push(`${ICON.ok} **Check passes**`);
  }
  const byStatus = (s: FeatureJson['status']): number => r.features.filter((f) => f.status === s).length;
  const tally = (
    [
      ['changed', byStatus('changed')],
      ['added', byStatus('added')],
      ['removed', byStatus('removed')],
      ['unpriced', byStatus('unpriced')],
      ['unchanged', byStatus('unchanged')],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${count(n)} ${label}`);
  parts.push(`features: ${tally.length ? tally.join(', ') : 'none'}`);
  parts.push(`base ${shortRev(r.base.rev)} → head ${shortRev(r.head.rev)}`);
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------------

export function insufficient(f: FeatureJson): boolean {
  return Boolean(f.base?.insufficient_samples || f.head?.insufficient_samples);
}

export function statusIcon(f: FeatureJson): string {
  switch (f.status) {
    case 'added':
      return ICON.added;
    case 'removed':
      return ICON.removed;
    case 'unpriced':
      return ICON.warning;
    case 'unchanged':
      return '';
    default:
      return f.delta.monthly > 0.005 ? ICON.increase : f.delta.monthly < -0.005 ? ICON.decrease : '';
  }
}

/** `$248 → $4,140`, kept on one line: the "What changed" column is the one that wraps. */
export function arrow(f: FeatureJson, value: (s: FeatureSideJson) => number): string {
  return `${sideMoney(f.base, value)}${NBSP}→${NBSP}${sideMoney(f.head, value)}`;
}

export function whatChanged(f: FeatureJson): string {
  const lines: string[] = [];
  const from = lineage(f);
  if (from) lines.push(from);
  if (f.status === 'added' && !from) lines.push(f.declared_in_pr ? '_new, declared in this PR_' : '_new_');
  if (f.status === 'removed') lines.push('_removed_');
  if (f.status === 'unpriced') lines.push(`_unpriced_${f.notes.length ? `: ${text(f.notes[0], CELL_SUMMARY)}` : ''}`);
  const changes = topChanges(f);
  for (const c of changes.slice(0, 2)) lines.push(text(c.summary, CELL_SUMMARY));
  if (changes.length > 2) lines.push(`<sub>+${plural(changes.length - 2, 'more change')}</sub>`);
  return lines.join('<br>') || '—';
}

/** `+$1,023 (+25.6%)` over `95%: +$951 to +$1,098`, or why there is no interval. */
export function deltaCell(f: FeatureJson): string {
  if (f.status === 'unpriced') return `${ICON.warning}${NBSP}unpriced`;
  const d = f.delta;
  const icon = statusIcon(f);
  const head = `${icon ? `${icon}${NBSP}` : ''}${delta(d.monthly)}${d.monthly_percent !== null ? `${NBSP}(${percent(d.monthly_percent)})` : f.status === 'added' ? `${NBSP}(new)` : ''}`;
  let note: string | null = null;
  if (isStatic(f.head) || isStatic(f.base))
    note = (f.head?.upper_bound ?? f.base?.upper_bound) ? 'static, upper bound' : 'static estimate';
  else if (d.monthly_ci95 === null || insufficient(f)) note = 'insufficient samples';
  else if (d.monthly_ci95[0] !== d.monthly_ci95[1]) note = interval(d.monthly_ci95).replace(/ /g, NBSP);
  return note ? `${head}<br><sub>${note}</sub>` : head;
}

export function featuresTable(r: DiffReport): string {
  const changed = r.features.filter(isChange).sort(byImpact);
  if (changed.length === 0)
    return `No AI feature changed; ${plural(r.features.length, 'feature')} priced at ${money(r.totals.monthly.head)}/month.`;
  const rows = [
    '| Feature | Team | What changed | $/request<br>base → head | Monthly<br>base → head | Δ monthly |',
    '|:--|:--|:--|--:|--:|--:|',
  ];
  for (const f of changed) {
    rows.push(
      `| **${text(f.id, 80)}** | ${text(f.team, 60)} | ${whatChanged(f)} | ${arrow(f, (s) => s.per_request.mean)} | ${arrow(f, (s) => s.monthly)}${declaredMarks(
        f,
      )
        .map((m) => `<br><sub>${m}</sub>`)
        .join('')} | ${deltaCell(f)} |`,
    );
  }
  const m = r.totals.monthly;
  const pctText = m.delta_percent !== null ? ` (${percent(m.delta_percent)})` : '';
  rows.push(
    `| **Total** | | | | **${money(m.base)}${NBSP}→${NBSP}${money(m.head)}** | **${delta(m.delta)}${pctText.replace(' ', NBSP)}** |`,
  );
  return rows.join('\n');
}

export function unchangedDetails(r: DiffReport): string | null {
  const same = r.features.filter((f) => !isChange(f));
  if (same.length === 0) return null;
  const total = same.reduce((a, f) => a + (f.head?.monthly ?? 0), 0);
  const rows = ['| Feature | Team | Model | $/request | Monthly |', '|:--|:--|:--|--:|--:|'];
  for (const f of same) {
    const side = f.head ?? f.base;
    const models = side ? side.models.map((m) => code(m, 80)).join(', ') : '—';
    const from = lineage(f);
    const marks = declaredMarks(f)
      .map((m) => `<br><sub>${m}</sub>`)
      .join('');
    rows.push(
      `| ${text(f.id, 80)}${from ? `<br>${from}` : ''} | ${text(f.team, 60)} | ${models} | ${sideMoney(side, (s) => s.per_request.mean)} | ${sideMoney(side, (s) => s.monthly)}${marks} |`,
    );
  }
  return details(`${plural(same.length, 'unchanged feature')} · ${money(total)}/month`, rows.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Teams and violations
// ---------------------------------------------------------------------------------------------

/** Budget status in words, with the interval's say: "over budget" vs "likely over budget". */
export function teamStatus(t: TeamJson): string {
  if (t.budget === null) return 'no budget';
  const used = t.head + t.other_monthly_spend;
  const share = t.budget > 0 ? ` (${pct(used / t.budget)} of budget)` : '';
  const low = t.head_ci95 ? t.head_ci95[0] + t.other_monthly_spend : used;
  const high = t.head_ci95 ? t.head_ci95[1] + t.other_monthly_spend : used;
  if (t.status === 'breach') return `${ICON.error} ${low > t.budget ? 'over budget' : 'likely over budget'}${share}`;
  if (t.status === 'warn') return `${ICON.warning} near budget${share}`;
  return high > t.budget
    ? `${ICON.ok} within budget${share}, may exceed it (95% interval)`
    : `${ICON.ok} within budget${share}`;
}

export function teamsTable(r: DiffReport): string | null {
  if (r.teams.length === 0) return null;
  const rows = [
    '| Team | This repository<br>base → head | Other spend | Budget | Status | Owners |',
    '|:--|--:|--:|--:|:--|:--|',
  ];
  for (const t of r.teams) {
    const owners = t.owners.length ? t.owners.map((o) => text(o, 60)).join(', ') : '—';
    rows.push(
      `| ${text(t.team, 60)} | ${money(t.base)}${NBSP}→${NBSP}${money(t.head)} | ${t.other_monthly_spend ? money(t.other_monthly_spend) : '—'} | ${t.budget === null ? '—' : money(t.budget)} | ${teamStatus(t)} | ${owners} |`,
    );
  }
  return rows.join('\n');
}

export function violationsList(r: DiffReport): string | null {
  if (r.violations.length === 0) return null;
  const ordered = [...r.violations].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  const owners = new Map(r.teams.map((t) => [t.team, t.owners]));
  const lines = [
    `**Policy** (read from ${r.policy_source === 'base' ? 'the base branch' : 'this PR: the base has no config'})`,
    '',
  ];
  for (const v of ordered) {
    const scope: string[] = [v.overridden ? 'overridden, warning' : v.severity];
    if (v.team !== null) scope.push(`team ${text(v.team, 60)}`);
    if (v.feature !== null) scope.push(`feature ${text(v.feature, 80)}`);
    if (v.file !== null) scope.push(where(clip(v.file, 200), v.line));
    const icon = v.severity === 'error' ? ICON.error : ICON.warning;
    // Policy messages name the owners themselves; add them only where a message does not.
    const who =
      v.team !== null && v.severity === 'error' && !/owners: /.test(v.message) ? (owners.get(v.team) ?? []) : [];
    const ownersText = who.length ? ` Owners: ${who.map((o) => text(o, 60)).join(', ')}.` : '';
    lines.push(`- ${icon} **${text(v.rule, 40)}** (${scope.join(' · ')}): ${text(v.message, 500)}${ownersText}`);
  }
  return lines.join('\n');
}
