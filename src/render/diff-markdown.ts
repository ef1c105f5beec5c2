/**
 * The pull-request comment and job summary of `diff`: one headline with the monthly change and
 * the verdict, the changed features, budgets and violations up front, and the details (every
 * change, unpriced AI changes, proposed config, how each figure was estimated) collapsed below.
 *
 * Every string that comes from the repository (ids, teams, paths, models, summaries, notices,
 * messages, hints, owners) goes through escapeMarkdown, inlineCode or codeBlock.
 */
import { clip, codeBlock, escapeMarkdown, inlineCode } from '../text/index.js';
import { count, MINUS, pct, signedPct, signedUsd, usd } from '../text/index.js';
import type { ChangeJson, DiffReport, FeatureJson, FeatureSideJson, TeamJson, ViolationJson } from '../report/index.js';

/** One part of the document; the action drops optional ones to fit the comment limit. */
export interface MarkdownSection {
  id: string;
  markdown: string;
  /** Never dropped: the marker, headline, verdict, features table and violations. */
  required: boolean;
}

/** Options of the Markdown document. */
export interface DiffMarkdownOptions {
  /** Hidden sticky-comment marker written first, verbatim (trusted: built by the action). */
  marker?: string;
  /** Link to the full report (the job summary), shown in the footer; only http(s) URLs. */
  summaryUrl?: string;
}

/** GitHub rejects comments above 65,536 characters; this leaves room for the marker and edits. */
export const COMMENT_MAX_CHARS = 60_000;

/** The job summary's hard limit is 1 MiB per step; stay under it with a margin. */
export const SUMMARY_MAX_BYTES = 1_000_000;

/** Longest change summary in the features table; the full one is in "What changed". */
const CELL_SUMMARY = 72;
/** Longest repository text anywhere in the comment (ids, paths, messages). */
const TEXT_MAX = 300;
/** Longest hint shown in a code block. */
const HINT_MAX = 2_000;

const ICON = {
  increase: '🔺',
  decrease: '🔻',
  added: '➕',
  removed: '➖',
  warning: '⚠️',
  error: '❌',
  ok: '✅',
} as const;

/** No-break space: keeps `$248 → $4,140` and `+$3,892 (+1,567%)` on one line in narrow cells. */
const NBSP = '\u00a0';

const money = (x: number): string => usd(x);
const delta = (x: number): string => signedUsd(x, MINUS);
const percent = (p: number): string => signedPct(p, MINUS);
const interval = (ci: [number, number]): string => `95%: ${delta(ci[0])} to ${delta(ci[1])}`;
/** Repository text, one line, capped and escaped. */
const text = (s: string, max = TEXT_MAX): string => escapeMarkdown(clip(s, max));
/** Identifiers shown as code (paths, models, tokenizers), capped. */
const code = (s: string, max = TEXT_MAX): string => inlineCode(clip(s, max));
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
const where = (file: string, line: number | null): string => code(line === null ? file : `${file}:${line}`);
const shortRev = (rev: string): string => code(rev.slice(0, 7));

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

/** Size limits of fitMarkdown. */
export interface FitOptions {
  /** UTF-8 bytes at most (the job summary's limit is in bytes). */
  maxBytes?: number;
}

/**
 * Fits the document into `maxChars` UTF-16 code units (never fewer than code points, so GitHub's
 * character limit holds) by leaving out whole optional sections, then adds `pointer` (e.g. "Full
 * report in the job summary"). Sections are kept in document order while they fit: a large
 * section is left out but smaller ones after it stay. Required sections are kept; if they alone
 * are too long, the longest one loses whole lines from its end (table rows, list items), with a
 * note of how many. Returns the document unchanged, without the pointer, when it fits.
 */
export function fitMarkdown(sections: MarkdownSection[], maxChars: number, pointer: string, opts: FitOptions = {}): string {
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  const full = joinSections(sections);
  if (full.length <= maxChars && utf8Length(full) <= maxBytes) return full;

  const tail: MarkdownSection = { id: 'pointer', markdown: pointer, required: true };
  const kept = new Set(sections.filter((s) => s.required));
  const fits = (list: MarkdownSection[]): boolean => {
    const doc = joinSections([...list, tail]);
    return doc.length <= maxChars && utf8Length(doc) <= maxBytes;
  };
  for (const s of sections) {
    if (s.required) continue;
    const trial = sections.filter((x) => kept.has(x) || x === s);
    if (fits(trial)) kept.add(s);
  }
  let result = sections.filter((s) => kept.has(s));
  if (!fits(result)) result = trimLongest(result, tail, maxChars, maxBytes);
  return joinSections([...result, tail]);
}

/** Cuts whole lines off the end of the longest section until the document fits. */
function trimLongest(list: MarkdownSection[], tail: MarkdownSection, maxChars: number, maxBytes: number): MarkdownSection[] {
  const longest = list.reduce((a, b) => (b.markdown.length > a.markdown.length ? b : a));
  const lines = longest.markdown.split('\n');
  // Keep a table's header and delimiter rows, or at least the first line.
  const headerLines = lines.length > 1 && lines[0].startsWith('|') && lines[1].startsWith('|') ? 2 : 1;
  const build = (n: number): MarkdownSection[] => {
    const cut = lines.length - n;
    const markdown = cut > 0 ? `${lines.slice(0, n).join('\n')}\n\n_… ${plural(cut, 'more line')} left out._` : longest.markdown;
    return list.map((s) => (s === longest ? { ...s, markdown } : s));
  };
  let lo = headerLines;
  let hi = lines.length;
  // Binary search for the most lines that fit.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const doc = joinSections([...build(mid), tail]);
    if (doc.length <= maxChars && utf8Length(doc) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return build(lo);
}

function joinSections(sections: MarkdownSection[]): string {
  return `${sections.map((s) => s.markdown).join('\n\n')}\n`;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

// ---------------------------------------------------------------------------------------------
// Headline and verdict
// ---------------------------------------------------------------------------------------------

const isChange = (f: FeatureJson): boolean => f.status !== 'unchanged';

/** `### 🔺 aicost: +$2,140/month (+23.6%, 95%: +$1,980 to +$2,310) — 1 policy fails` */
function headline(r: DiffReport): string {
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

function errorsOf(r: DiffReport): ViolationJson[] {
  return r.violations.filter((v) => v.severity === 'error');
}

/** `1 policy fails`, `passes with 2 warnings`, `within budget`. */
function verdictWords(r: DiffReport): string {
  const errors = errorsOf(r).length;
  const warnings = r.violations.length - errors;
  if (errors > 0) return `${count(errors)} ${errors === 1 ? 'policy fails' : 'policies fail'}`;
  const overridden = r.violations.filter((v) => v.overridden).length;
  if (overridden > 0) return `passes by override (${plural(overridden, 'violation')} overridden)`;
  // "Within budget" only when no budgeted team is over; a breach that only warns is named.
  const budgetWarned = r.violations.some((v) => v.rule === 'budget');
  const over = r.teams.some((t) => t.status === 'breach');
  const base = budgetWarned ? 'over budget, not failing' : over ? 'passes' : r.teams.some((t) => t.budget !== null) ? 'within budget' : 'passes';
  return warnings > 0 ? `${base}, ${plural(warnings, 'warning')}` : base;
}

/** `❌ **Fails**: budget · 1 warning · 2 features changed, 1 added, 1 unchanged · base … → head …` */
function verdictLine(r: DiffReport): string {
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

function isStatic(side: FeatureSideJson | null): boolean {
  return side !== null && side.traffic === null && side.source.usage === 0 && side.source.replay === 0;
}

function insufficient(f: FeatureJson): boolean {
  return Boolean(f.base?.insufficient_samples || f.head?.insufficient_samples);
}

function statusIcon(f: FeatureJson): string {
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

/** Changed features first by size of the monthly change; unpriced ones on top. */
function byImpact(a: FeatureJson, b: FeatureJson): number {
  const u = Number(b.status === 'unpriced') - Number(a.status === 'unpriced');
  if (u !== 0) return u;
  const d = Math.abs(b.delta.monthly) - Math.abs(a.delta.monthly);
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function topChanges(f: FeatureJson): ChangeJson[] {
  return [...f.changes].sort((a, b) => Math.abs(b.monthly_effect) - Math.abs(a.monthly_effect));
}

/** A side's figure, `≤ $x` when it is an upper bound; `—` when the side does not exist. */
function sideMoney(side: FeatureSideJson | null, value: (s: FeatureSideJson) => number): string {
  if (!side) return '—';
  return `${side.upper_bound ? `≤${NBSP}` : ''}${money(value(side))}`;
}

/** `$248 → $4,140`, kept on one line: the "What changed" column is the one that wraps. */
function arrow(f: FeatureJson, value: (s: FeatureSideJson) => number): string {
  return `${sideMoney(f.base, value)}${NBSP}→${NBSP}${sideMoney(f.head, value)}`;
}

/** `renamed from x` / `copied from x`: the base feature whose entry prices this one. */
function lineage(f: FeatureJson): string | null {
  if (f.renamed_from !== undefined) return `_renamed from ${text(f.renamed_from, 80)}_`;
  if (f.copied_from !== undefined) return `_copied from ${text(f.copied_from, 80)}: priced with its team, volume and traffic_`;
  return null;
}

/** `priced by this PR: pricing.x` for the side's models that only the PR's own entries price. */
function prPricedText(f: FeatureJson, side: 'base' | 'head'): string | null {
  const mine = (f.priced_by_pr ?? []).filter((p) => p.side === side);
  if (mine.length === 0) return null;
  return `priced by this PR: ${mine.map((p) => `${code(p.model, 80)} (${p.declared.map((d) => code(d.key, 120)).join(', ')})`).join(', ')}`;
}

/** What the monthly figures rest on that the PR declares: its volume, its prices or aliases. */
function declaredMarks(f: FeatureJson): string[] {
  const marks: string[] = [];
  if (f.volume_declared_in_pr) marks.push('volume declared in this PR');
  const base = prPricedText(f, 'base');
  const head = prPricedText(f, 'head');
  if (base) marks.push(`base ${base}`);
  if (head) marks.push(head);
  return marks;
}

function whatChanged(f: FeatureJson): string {
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
function deltaCell(f: FeatureJson): string {
  if (f.status === 'unpriced') return `${ICON.warning}${NBSP}unpriced`;
  const d = f.delta;
  const icon = statusIcon(f);
  const head = `${icon ? `${icon}${NBSP}` : ''}${delta(d.monthly)}${d.monthly_percent !== null ? `${NBSP}(${percent(d.monthly_percent)})` : f.status === 'added' ? `${NBSP}(new)` : ''}`;
  let note: string | null = null;
  if (isStatic(f.head) || isStatic(f.base)) note = (f.head?.upper_bound ?? f.base?.upper_bound) ? 'static, upper bound' : 'static estimate';
  else if (d.monthly_ci95 === null || insufficient(f)) note = 'insufficient samples';
  else if (d.monthly_ci95[0] !== d.monthly_ci95[1]) note = interval(d.monthly_ci95).replace(/ /g, NBSP);
  return note ? `${head}<br><sub>${note}</sub>` : head;
}

function featuresTable(r: DiffReport): string {
  const changed = r.features.filter(isChange).sort(byImpact);
  if (changed.length === 0) return `No AI feature changed; ${plural(r.features.length, 'feature')} priced at ${money(r.totals.monthly.head)}/month.`;
  const rows = [
    '| Feature | Team | What changed | $/request<br>base → head | Monthly<br>base → head | Δ monthly |',
    '|:--|:--|:--|--:|--:|--:|',
  ];
  for (const f of changed) {
    rows.push(
      `| **${text(f.id, 80)}** | ${text(f.team, 60)} | ${whatChanged(f)} | ${arrow(f, (s) => s.per_request.mean)} | ${arrow(f, (s) => s.monthly)}${declaredMarks(f).map((m) => `<br><sub>${m}</sub>`).join('')} | ${deltaCell(f)} |`,
    );
  }
  const m = r.totals.monthly;
  const pctText = m.delta_percent !== null ? ` (${percent(m.delta_percent)})` : '';
  rows.push(`| **Total** | | | | **${money(m.base)}${NBSP}→${NBSP}${money(m.head)}** | **${delta(m.delta)}${pctText.replace(' ', NBSP)}** |`);
  return rows.join('\n');
}

function unchangedDetails(r: DiffReport): string | null {
  const same = r.features.filter((f) => !isChange(f));
  if (same.length === 0) return null;
  const total = same.reduce((a, f) => a + (f.head?.monthly ?? 0), 0);
  const rows = ['| Feature | Team | Model | $/request | Monthly |', '|:--|:--|:--|--:|--:|'];
  for (const f of same) {
    const side = f.head ?? f.base;
    const models = side ? side.models.map((m) => code(m, 80)).join(', ') : '—';
    const from = lineage(f);
    const marks = declaredMarks(f).map((m) => `<br><sub>${m}</sub>`).join('');
    rows.push(`| ${text(f.id, 80)}${from ? `<br>${from}` : ''} | ${text(f.team, 60)} | ${models} | ${sideMoney(side, (s) => s.per_request.mean)} | ${sideMoney(side, (s) => s.monthly)}${marks} |`);
  }
  return details(`${plural(same.length, 'unchanged feature')} · ${money(total)}/month`, rows.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Teams and violations
// ---------------------------------------------------------------------------------------------

/** Budget status in words, with the interval's say: "over budget" vs "likely over budget". */
function teamStatus(t: TeamJson): string {
  if (t.budget === null) return 'no budget';
  const used = t.head + t.other_monthly_spend;
  const share = t.budget > 0 ? ` (${pct(used / t.budget)} of budget)` : '';
  const low = t.head_ci95 ? t.head_ci95[0] + t.other_monthly_spend : used;
  const high = t.head_ci95 ? t.head_ci95[1] + t.other_monthly_spend : used;
  if (t.status === 'breach') return `${ICON.error} ${low > t.budget ? 'over budget' : 'likely over budget'}${share}`;
  if (t.status === 'warn') return `${ICON.warning} near budget${share}`;
  return high > t.budget ? `${ICON.ok} within budget${share}, may exceed it (95% interval)` : `${ICON.ok} within budget${share}`;
}

function teamsTable(r: DiffReport): string | null {
  if (r.teams.length === 0) return null;
  const rows = ['| Team | This repository<br>base → head | Other spend | Budget | Status | Owners |', '|:--|--:|--:|--:|:--|:--|'];
  for (const t of r.teams) {
    const owners = t.owners.length ? t.owners.map((o) => text(o, 60)).join(', ') : '—';
    rows.push(
      `| ${text(t.team, 60)} | ${money(t.base)}${NBSP}→${NBSP}${money(t.head)} | ${t.other_monthly_spend ? money(t.other_monthly_spend) : '—'} | ${t.budget === null ? '—' : money(t.budget)} | ${teamStatus(t)} | ${owners} |`,
    );
  }
  return rows.join('\n');
}

function violationsList(r: DiffReport): string | null {
  if (r.violations.length === 0) return null;
  const ordered = [...r.violations].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  const owners = new Map(r.teams.map((t) => [t.team, t.owners]));
  const lines = [`**Policy** (read from ${r.policy_source === 'base' ? 'the base branch' : 'this PR: the base has no config'})`, ''];
  for (const v of ordered) {
    const scope: string[] = [v.overridden ? 'overridden, warning' : v.severity];
    if (v.team !== null) scope.push(`team ${text(v.team, 60)}`);
    if (v.feature !== null) scope.push(`feature ${text(v.feature, 80)}`);
    if (v.file !== null) scope.push(where(clip(v.file, 200), v.line));
    const icon = v.severity === 'error' ? ICON.error : ICON.warning;
    // Policy messages name the owners themselves; add them only where a message does not.
    const who = v.team !== null && v.severity === 'error' && !/owners: /.test(v.message) ? (owners.get(v.team) ?? []) : [];
    const ownersText = who.length ? ` Owners: ${who.map((o) => text(o, 60)).join(', ')}.` : '';
    lines.push(`- ${icon} **${text(v.rule, 40)}** (${scope.join(' · ')}): ${text(v.message, 500)}${ownersText}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Collapsed details
// ---------------------------------------------------------------------------------------------

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function changesDetails(r: DiffReport): string | null {
  const features = r.features.filter((f) => f.changes.length > 0).sort(byImpact);
  const total = features.reduce((a, f) => a + f.changes.length, 0);
  if (total === 0) return null;
  const rows = ['| Feature | Kind | Where | Change | Monthly effect |', '|:--|:--|:--|:--|--:|'];
  for (const f of features) {
    for (const c of topChanges(f)) {
      rows.push(`| ${text(f.id, 80)} | ${text(c.kind, 20)} | ${where(clip(c.file, 200), c.line)} | ${text(c.summary)} | ${delta(c.monthly_effect)} |`);
    }
  }
  return details(`What changed (${plural(total, 'change')})`, rows.join('\n'));
}

function unpricedDetails(r: DiffReport): string | null {
  if (r.unpriced_changes.length === 0) return null;
  const lines = ['AI changes outside every feature of `.aicost.yml` are not priced. To price one, add an entry like the one shown.', ''];
  for (const u of r.unpriced_changes) {
    // The detector's summaries already name the ratio; add it only where one does not.
    const ratio = u.price_ratio !== null && !/input price/.test(u.summary) ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)` : '';
    lines.push(`- ${ICON.warning} ${where(clip(u.file, 200), u.line)} · ${text(u.kind, 20)}: ${text(u.summary)}${ratio}`);
    if (u.hint.trim()) {
      lines.push('');
      lines.push(codeBlock(clip(u.hint, HINT_MAX), 'yaml', '  '));
    }
  }
  return details(`Unpriced AI changes (${count(r.unpriced_changes.length)})`, lines.join('\n'));
}

/** A config value for people: JSON, as code; `—` when absent. */
function configValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return code(JSON.stringify(v) ?? String(v), 120);
}

function proposedDetails(r: DiffReport): string | null {
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
function samplesText(s: FeatureSideJson): string {
  if (!s.traffic) return `none: static estimate from the artifact (${plural(s.samples, 'render')})`;
  const t = s.traffic;
  const from = t.paths.slice(0, 3).map((p) => code(p, 120)).join(', ') + (t.paths.length > 3 ? ` and ${count(t.paths.length - 3)} more` : '');
  const parts = [`${count(s.samples)} (${count(s.effective_samples)} effective) from ${from}`];
  if (t.sampled) parts.push(`sampled from ${count(t.lines)} lines`);
  if (t.window_days !== null) parts.push(`${count(t.window_days)}-day window`);
  if (t.age_days !== null) parts.push(`newest ${plural(t.age_days, 'day')} old`);
  if (t.bad_lines > 0) parts.push(`${plural(t.bad_lines, 'bad line')} skipped`);
  if (s.insufficient_samples) parts.push('**insufficient samples** (fewer than ~30 effective)');
  return parts.join('; ');
}

function sourceText(s: FeatureSideJson): string {
  const shares: string[] = [];
  if (s.source.usage > 0) shares.push(`${pct(s.source.usage)} recorded`);
  if (s.source.replay > 0) shares.push(`${pct(s.source.replay)} replayed`);
  if (s.source.static > 0) shares.push(`${pct(s.source.static)} static`);
  return shares.join(', ');
}

/** `o200k_base`, exact; or the estimate's band (the label may already say "estimate"). */
function tokenizerText(s: FeatureSideJson): string {
  if (s.exact) return `${code(s.tokenizer, 80)}, exact`;
  const estimate = /estimate/i.test(s.tokenizer) ? '' : 'estimate';
  const band = s.band ? `band ×${s.band[0].toFixed(2)}–×${s.band[1].toFixed(2)}` : '';
  return [code(s.tokenizer, 80), estimate, band].filter(Boolean).join(', ');
}

function reconciliationText(s: FeatureSideJson): string {
  const rec = s.reconciliation;
  if (!rec) return '';
  const parts = [`recorded ${money(rec.recorded)}`];
  if (rec.replayed !== null) parts.unshift(`replayed ${money(rec.replayed)}`);
  if (rec.reported !== null) parts.push(`source-reported ${money(rec.reported)}`);
  return `${parts.join(' vs ')} (${plural(rec.samples, 'sample')})`;
}

/** The rows of one feature's table; rows empty on both sides are left out. */
function methodRows(base: FeatureSideJson | null, head: FeatureSideJson | null): MethodRow[] {
  const both = (label: string, value: (s: FeatureSideJson) => string): MethodRow => [label, base ? value(base) : '', head ? value(head) : ''];
  const rows: MethodRow[] = [
    both('Model', (s) => s.models.map((m) => code(m, 80)).join(', ') || '—'),
    both('Requests/month', (s) => `${count(s.requests_per_month)} ${s.volume_source === 'config' ? 'from `.aicost.yml`' : 'from the samples'}`),
    both('Samples', samplesText),
    both('Input tokens from', sourceText),
    both('Tokenizer', tokenizerText),
    both('Tokens in / out (mean)', (s) => `${count(s.input_tokens.mean)} / ${count(s.output_tokens.mean)}`),
    both('$/request mean · p50 · p95', (s) => `${sideMoney(s, (x) => x.per_request.mean)} · ${sideMoney(s, (x) => x.per_request.p50)} · ${sideMoney(s, (x) => x.per_request.p95)}`),
    both('Monthly', (s) => `${sideMoney(s, (x) => x.monthly)}${s.monthly_band ? ` (${money(s.monthly_band[0])}–${money(s.monthly_band[1])} over the tokenizer band)` : ''}`),
    both('Calibration (recorded ÷ counted)', (s) => (s.calibration ? `${s.calibration.ratio.toFixed(3)} over ${plural(s.calibration.samples, 'sample')}` : '')),
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
function methodTable(f: FeatureJson): string {
  const rows = methodRows(f.base, f.head);
  if (f.status === 'unchanged' || !f.base || !f.head) {
    const label = f.status === 'unchanged' ? 'Base and head' : f.base ? 'Base (removed at head)' : 'Head (new)';
    const pick = (r: MethodRow): string => (f.status === 'unchanged' || !f.base ? r[2] : r[1]) || '—';
    return [`| | ${label} |`, '|:--|:--|', ...rows.map((r) => `| ${r[0]} | ${pick(r)} |`)].join('\n');
  }
  const sameSamples = f.base.traffic !== null && f.head.traffic !== null && f.base.traffic.sha256 === f.head.traffic.sha256;
  return [
    '| | Base | Head |',
    '|:--|:--|:--|',
    ...rows.map(([label, b, h]) => {
      const headCell = label === 'Samples' && sameSamples ? 'the same samples' : h === b && h !== '' ? 'same' : h;
      return `| ${label} | ${b || '—'} | ${headCell || '—'} |`;
    }),
  ].join('\n');
}

function methodDetails(r: DiffReport): string | null {
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

function noticesDetails(r: DiffReport): string | null {
  if (r.notices.length === 0) return null;
  return details(`Notices (${count(r.notices.length)})`, r.notices.map((n) => `- ${text(n, 500)}`).join('\n'));
}

function footer(r: DiffReport, summaryUrl: string | undefined): string {
  const parts = [`prices at ${text(r.pricing_date, 20)}`, `head ${shortRev(r.head.rev)}`];
  const url = summaryUrl ? safeUrl(summaryUrl) : null;
  if (url) parts.push(`[full report](${url})`);
  return `<sub>aicost · ${parts.join(' · ')}</sub>`;
}

/** An http(s) URL usable as a link target, or null. */
function safeUrl(raw: string): string | null {
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
