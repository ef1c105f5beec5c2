/**
 * The pull-request comment and job summary of `diff`, verdict first: one headline with the
 * monthly change and the verdict; when the check fails, one plain sentence per failing rule group
 * (limit, this PR, over by, the biggest cause) and the way out; a four-column table of the changed
 * features; everything else collapsed below. The comment is the short view (method only for
 * changed features); the job summary is the long one (every feature, every policy message).
 *
 * Every string that comes from the repository (ids, teams, paths, models, summaries, notices,
 * messages, hints, owners) goes through escapeMarkdown, inlineCode or codeBlock.
 */
import type { DiffReport, FeatureJson, ViolationJson } from '../report/index.js';
import { joinSections, type MarkdownSection } from './fit.js';
import {
  changesDetails,
  footer,
  noticesDetails,
  policyDetails,
  proposedDetails,
  teamsDetails,
  unchangedDetails,
  unpricedDetails,
} from './diff-details.js';
import { methodDetails } from './diff-method.js';
import {
  byImpact,
  delta,
  declaredMarks,
  ICON,
  idText,
  insufficient,
  intervalOrNull,
  isStatic,
  lineage,
  money,
  NBSP,
  percent,
  plural,
  shortChange,
  sideMoney,
  text,
  topChanges,
  wideInterval,
} from './markdown-cells.js';
import { savingsMarkdown } from './suggest.js';
import { verdictSection } from './verdict.js';

export { COMMENT_MAX_CHARS, SUMMARY_MAX_BYTES, fitMarkdown } from './fit.js';
export type { FitOptions, MarkdownSection } from './fit.js';

/** Which document: the PR comment (short) or the job summary (long). */
export type MarkdownView = 'comment' | 'summary';

/** Options of the Markdown document. */
export interface DiffMarkdownOptions {
  /** Hidden sticky-comment marker written first, verbatim (trusted: built by the action). */
  marker?: string;
  /** `comment` (default): the short view; `summary`: the long view of the job summary. */
  view?: MarkdownView;
  /**
   * Link to the long view (the job summary), shown in the comment's footer when the comment left
   * something out; only http(s) URLs. Never shown in the summary itself.
   */
  summaryUrl?: string;
  /**
   * The commit to name as head in the footer: the PR's head commit from the event, which the
   * reviewer finds in the PR's commit list (the report's head may be the test-merge commit).
   */
  headSha?: string;
}

/** The document as one string: every section, in order. */
export function diffMarkdown(report: DiffReport, opts: DiffMarkdownOptions = {}): string {
  return joinSections(sectionsMarkdown(report, opts));
}

/**
 * The document as ordered sections. Required: marker (when given), headline, verdict and the
 * features table. The rest is optional, most useful first.
 */
export function sectionsMarkdown(report: DiffReport, opts: DiffMarkdownOptions = {}): MarkdownSection[] {
  const view = opts.view ?? 'comment';
  const sections: MarkdownSection[] = [];
  const add = (id: string, markdown: string | null, required = false): void => {
    if (markdown) sections.push({ id, markdown, required });
  };
  if (opts.marker) add('marker', opts.marker, true);
  add('headline', headline(report), true);
  add('verdict', verdictSection(report), true);
  add('features', featuresTable(report), true);
  add('changes', changesDetails(report));
  add('unchanged', unchangedDetails(report));
  add('teams', teamsDetails(report, view));
  add('unpriced', unpricedDetails(report));
  add('proposed', proposedDetails(report));
  if (view === 'summary') add('policy', policyDetails(report));
  add('savings', savingsDetails(report, view));
  add('method', methodDetails(report, view));
  add('notices', noticesDetails(report));
  const link = view === 'comment' && leavesOut(report) ? opts.summaryUrl : undefined;
  add('footer', footer(report, { summaryUrl: link, headSha: opts.headSha }));
  return sections;
}

/**
 * The Savings section (the advisor's suggestions, when it ran): in the job summary every
 * feature's; in the comment only the changed features' eligible ones. Collapsed; never the verdict.
 */
function savingsDetails(r: DiffReport, view: 'comment' | 'summary'): string | null {
  const features = r.features
    .filter((f) => f.suggestions && (view === 'summary' || isChange(f)))
    .map((f) => ({ feature: f.id, suggestions: f.suggestions! }));
  return (
    savingsMarkdown(features, view === 'summary' ? 'every feature, at base' : 'changed features, at base', {
      eligibleOnly: view === 'comment',
    }) || null
  );
}

/**
 * Whether the comment leaves out what the job summary has: the method of unchanged features, or
 * the full policy messages. Then (and when it is cut to fit) the comment links to the summary.
 */
export function leavesOut(r: DiffReport): boolean {
  return r.features.some((f) => !isChange(f)) || r.violations.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Headline
// ---------------------------------------------------------------------------------------------

export const isChange = (f: FeatureJson): boolean => f.status !== 'unchanged';

export function errorsOf(r: DiffReport): ViolationJson[] {
  return r.violations.filter((v) => v.severity === 'error');
}

/** `❌ check fails`, `✅ passes`, `⚠️ passes with 2 warnings`, `✅ passes by override`. */
export function verdictWords(r: DiffReport): string {
  const errors = errorsOf(r).length;
  const warnings = r.violations.length - errors;
  if (errors > 0) return `${ICON.error} check fails`;
  if (r.violations.some((v) => v.overridden)) return `${ICON.warning} passes by override`;
  return warnings > 0 ? `${ICON.warning} passes with ${plural(warnings, 'warning')}` : `${ICON.ok} passes`;
}

/**
 * Whether the PR total's interval matters: it is wide, or it straddles a PR-wide limit in
 * dollars (then "over" and "within" are both in it).
 */
function totalIntervalMatters(r: DiffReport): boolean {
  const m = r.totals.monthly;
  if (!intervalOrNull(m.delta_ci95)) return false;
  const [lo, hi] = m.delta_ci95!;
  const straddles = r.violations.some(
    (v) => v.team === null && v.unit === 'usd_month' && v.limit !== undefined && lo <= v.limit && v.limit < hi,
  );
  return straddles || wideInterval(m.delta, m.delta_ci95);
}

/** `### ❌ aicost: +$2,569/month (+208%) · check fails`: the change and the verdict in one line. */
export function headline(r: DiffReport): string {
  const m = r.totals.monthly;
  const verdict = verdictWords(r);
  const changed = r.features.filter(isChange);
  if (changed.length === 0 && Math.abs(m.delta) < 0.005)
    return `### aicost: no change to AI cost (${money(m.head)}/month) · ${verdict}`;
  const detail: string[] = [];
  if (m.delta_percent !== null) detail.push(percent(m.delta_percent));
  if (totalIntervalMatters(r)) detail.push(intervalOrNull(m.delta_ci95)!);
  const paren = detail.length ? ` (${detail.join(', ')})` : '';
  return `### aicost: ${delta(m.delta)}/month${paren} · ${verdict}`;
}

// ---------------------------------------------------------------------------------------------
// Features table: Feature | Change | Monthly base → head | Δ
// ---------------------------------------------------------------------------------------------

/** `$248 → $4,140`, on one line. */
export function arrow(f: FeatureJson): string {
  return `${sideMoney(f.base, (s) => s.monthly)}${NBSP}→${NBSP}${sideMoney(f.head, (s) => s.monthly)}`;
}

/** The short change: `gpt-4.1-mini → gpt-4.1 (×5 price)`, `new feature`, and how many more. */
export function whatChanged(f: FeatureJson): string {
  const parts: string[] = [];
  const from = lineage(f);
  if (from) parts.push(from);
  if (f.status === 'added' && !from) parts.push(f.declared_in_pr ? 'new feature, declared in this PR' : 'new feature');
  if (f.status === 'removed') parts.push('removed');
  if (f.status === 'unpriced') parts.push(`_unpriced_${f.notes.length ? `: ${text(f.notes[0], 80)}` : ''}`);
  // An added feature's own entry is its change: "new feature" says it.
  const changes = f.status === 'added' ? topChanges(f).filter((c) => c.kind !== 'config') : topChanges(f);
  if (changes.length) parts.push(shortChange(changes[0].summary));
  const lines = [parts.join('; ') || '—'];
  if (isStatic(f.head) || isStatic(f.base))
    lines.push(
      `<sub>${(f.head?.upper_bound ?? f.base?.upper_bound) ? 'static, upper bound' : 'static estimate'}</sub>`,
    );
  if (changes.length > 1) lines.push(`<sub>+${plural(changes.length - 1, 'more change')}</sub>`);
  return lines.join('<br>');
}

/** `+$1,023 (+25.6%)`, the interval under it only where it is wide. */
export function deltaCell(f: FeatureJson): string {
  if (f.status === 'unpriced') return `${ICON.warning}${NBSP}unpriced`;
  const d = f.delta;
  const pctText =
    d.monthly_percent !== null ? `${NBSP}(${percent(d.monthly_percent)})` : f.status === 'added' ? `${NBSP}(new)` : '';
  const head = `${delta(d.monthly)}${pctText}`;
  if (insufficient(f)) return `${head}<br><sub>few samples</sub>`;
  const ci = wideInterval(d.monthly, d.monthly_ci95) ? intervalOrNull(d.monthly_ci95) : null;
  return ci ? `${head}<br><sub>${ci.replace(/ /g, NBSP)}</sub>` : head;
}

export function featuresTable(r: DiffReport): string {
  const changed = r.features.filter(isChange).sort(byImpact);
  if (changed.length === 0)
    return `No AI feature changed; ${plural(r.features.length, 'feature')} priced at ${money(r.totals.monthly.head)}/month.`;
  const rows = ['| Feature | Change | Monthly base → head | Δ monthly |', '|:--|:--|--:|--:|'];
  for (const f of changed) {
    const marks = declaredMarks(f)
      .map((m) => `<br><sub>${m}</sub>`)
      .join('');
    rows.push(`| **${idText(f.id)}** | ${whatChanged(f)} | ${arrow(f)}${marks} | ${deltaCell(f)} |`);
  }
  const m = r.totals.monthly;
  const same = r.features.filter((f) => !isChange(f));
  const sameNote = same.length
    ? `incl. ${plural(same.length, 'unchanged feature')} (${money(same.reduce((a, f) => a + (f.head?.monthly ?? 0), 0))})`
    : '';
  const pctText = m.delta_percent !== null ? `${NBSP}(${percent(m.delta_percent)})` : '';
  rows.push(
    `| **Total** | ${sameNote} | **${money(m.base)}${NBSP}→${NBSP}${money(m.head)}** | **${delta(m.delta)}${pctText}** |`,
  );
  return rows.join('\n');
}
