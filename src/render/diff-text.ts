/**
 * The `diff` report for a terminal: the headline, one aligned table of features, teams,
 * violations, unpriced changes and notices. Plain text, no Markdown.
 *
 * Repository text is printed without its control characters (no ANSI escapes that could rewrite
 * the terminal), and no line may start with `::`, which a GitHub runner reads as a workflow
 * command when the CLI runs in a job.
 */
import { oneLine } from '../text/index.js';
import { pct, signedPct, signedUsd, textTable, usd } from '../text/index.js';
import type { DiffReport, FeatureJson, FeatureSideJson, TeamJson } from '../report/index.js';

const delta = (x: number): string => signedUsd(x);
const percent = (p: number): string => signedPct(p);
const interval = (ci: [number, number]): string => `${delta(ci[0])} to ${delta(ci[1])}`;
/** Repository text on one line, without control characters. */
const t = (s: string): string => oneLine(s);

/** The report as terminal text, ending with a newline. */
export function diffText(r: DiffReport): string {
  const out: string[] = [];
  out.push(`aicost diff ${t(r.base.rev).slice(0, 7)}..${t(r.head.rev).slice(0, 7)}, prices at ${t(r.pricing_date)}`);
  out.push(headline(r));
  out.push('');
  out.push(featureTable(r));
  const marks = trustLines(r);
  if (marks.length) {
    out.push('', 'from base and from this PR:');
    for (const m of marks) out.push(`  ${m}`);
  }

  const teams = r.teams.filter((x) => x.budget !== null || x.base !== x.head);
  if (teams.length) {
    out.push('', 'teams:');
    for (const team of teams) out.push(`  ${teamLine(team)}`);
  }
  if (r.violations.length) {
    out.push('', 'violations:');
    const ordered = [...r.violations].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
    for (const v of ordered) {
      const scope: string[] = [];
      if (v.team !== null) scope.push(`team ${t(v.team)}`);
      if (v.feature !== null) scope.push(`feature ${t(v.feature)}`);
      if (v.file !== null) scope.push(v.line === null ? t(v.file) : `${t(v.file)}:${v.line}`);
      const severity = v.overridden ? 'warning (overridden)' : v.severity;
      out.push(`  ${severity}: ${t(v.rule)}${scope.length ? ` (${scope.join(', ')})` : ''}: ${t(v.message)}`);
    }
  }
  if (r.unpriced_changes.length) {
    out.push('', 'unpriced AI changes (outside every feature):');
    for (const u of r.unpriced_changes) {
      // The detector's summaries already name the ratio; add it only where one does not.
      const ratio =
        u.price_ratio !== null && !/input price/.test(u.summary)
          ? ` (x${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
          : '';
      out.push(`  ${u.line === null ? t(u.file) : `${t(u.file)}:${u.line}`} [${t(u.kind)}]: ${t(u.summary)}${ratio}`);
      const hint = hintLines(u.hint);
      if (hint.length) {
        out.push('    to price it, add to .aicost.yml:');
        for (const line of hint) out.push(`      ${line}`);
      }
    }
  }
  if (r.proposed_config.length) {
    out.push('', 'proposed config changes (apply after merge):');
    for (const p of r.proposed_config) out.push(`  ${t(p.path)}: ${json(p.base)} -> ${json(p.head)}: ${t(p.effect)}`);
  }
  if (r.notices.length) {
    out.push('', 'notices:');
    for (const n of r.notices) out.push(`  - ${t(n)}`);
  }
  return `${out.join('\n').split('\n').map(noCommand).join('\n')}\n`;
}

/** `+$4,952/month (+103%, 95%: +$4,712 to +$5,202), $4,809 -> $9,761/month: 1 policy fails` */
function headline(r: DiffReport): string {
  const m = r.totals.monthly;
  const detail: string[] = [];
  if (m.delta_percent !== null) detail.push(percent(m.delta_percent));
  if (m.delta_ci95) detail.push(`95%: ${interval(m.delta_ci95)}`);
  const paren = detail.length ? ` (${detail.join(', ')})` : '';
  const errors = r.violations.filter((v) => v.severity === 'error').length;
  const warnings = r.violations.length - errors;
  let verdict = errors ? `${errors} ${errors === 1 ? 'policy fails' : 'policies fail'}` : 'passes';
  if (warnings) verdict += `, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return `${delta(m.delta)}/month${paren}, ${usd(m.base)} -> ${usd(m.head)}/month: ${verdict}`;
}

function side(s: FeatureSideJson | null, value: (x: FeatureSideJson) => number): string {
  if (!s) return '-';
  return `${s.upper_bound ? '<=' : ''}${usd(value(s))}`;
}

/** Interval column: the 95% interval, or why there is none. */
function note(f: FeatureJson): string {
  const isStatic = (s: FeatureSideJson | null): boolean =>
    s !== null && s.traffic === null && s.source.usage === 0 && s.source.replay === 0;
  if (f.status === 'unpriced') return t(f.notes[0] ?? 'unpriced');
  if (f.status === 'unchanged') return '';
  if (isStatic(f.base) || isStatic(f.head)) return 'static';
  if (f.delta.monthly_ci95 === null || f.base?.insufficient_samples || f.head?.insufficient_samples)
    return 'insufficient samples';
  return interval(f.delta.monthly_ci95);
}

function featureTable(r: DiffReport): string {
  const rows = [
    [
      'feature',
      'team',
      'status',
      '$/req base',
      '$/req head',
      'monthly base',
      'monthly head',
      'delta',
      '',
      '95% interval',
    ],
  ];
  const order = [...r.features].sort(
    (a, b) =>
      Number(a.status === 'unchanged') - Number(b.status === 'unchanged') ||
      Math.abs(b.delta.monthly) - Math.abs(a.delta.monthly),
  );
  for (const f of order) {
    const changed = f.status !== 'unchanged' && f.status !== 'unpriced';
    rows.push([
      t(f.id),
      t(f.team),
      f.status,
      side(f.base, (s) => s.per_request.mean),
      side(f.head, (s) => s.per_request.mean),
      side(f.base, (s) => s.monthly),
      side(f.head, (s) => s.monthly),
      changed ? delta(f.delta.monthly) : '',
      changed && f.delta.monthly_percent !== null
        ? percent(f.delta.monthly_percent)
        : changed && f.status === 'added'
          ? 'new'
          : '',
      note(f),
    ]);
  }
  const m = r.totals.monthly;
  rows.push([
    'total',
    '',
    '',
    '',
    '',
    usd(m.base),
    usd(m.head),
    delta(m.delta),
    m.delta_percent !== null ? percent(m.delta_percent) : '',
    m.delta_ci95 ? interval(m.delta_ci95) : '',
  ]);
  return textTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']);
}

/** Features priced with a base entry under a new id, or resting on values the PR declares. */
function trustLines(r: DiffReport): string[] {
  const out: string[] = [];
  for (const f of r.features) {
    const parts: string[] = [];
    if (f.renamed_from !== undefined)
      parts.push(`renamed from ${t(f.renamed_from)}: priced with the base entry's team, volume and traffic`);
    if (f.copied_from !== undefined)
      parts.push(`copied from ${t(f.copied_from)}: priced with its team, volume and traffic`);
    if (f.volume_declared_in_pr) parts.push('volume declared in this PR');
    for (const p of f.priced_by_pr ?? []) {
      parts.push(
        `${p.side === 'base' ? 'base ' : ''}priced by this PR: ${t(p.model)} (${p.declared.map((d) => `${t(d.key)} = ${json(d.value)}`).join(', ')})`,
      );
    }
    if (parts.length) out.push(`${t(f.id)}: ${parts.join('; ')}`);
  }
  return out;
}

function teamLine(team: TeamJson): string {
  const here = `${usd(team.base)} -> ${usd(team.head)}`;
  if (team.budget === null) return `${t(team.team)}: ${here}/month, no budget`;
  const used = team.head + team.other_monthly_spend;
  const other = team.other_monthly_spend ? ` + ${usd(team.other_monthly_spend)} other = ${usd(used)}` : '';
  const share = team.budget > 0 ? ` (${pct(used / team.budget)})` : '';
  const status = { ok: 'ok', warn: 'near budget', breach: 'over budget' }[team.status];
  return `${t(team.team)}: ${here}${other}/month of ${usd(team.budget)} budget${share}: ${status}`;
}

/** A hint's lines, without control characters, at most 40. */
function hintLines(hint: string): string[] {
  const lines = hint
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\n+$/, '')
    .split('\n');
  return lines.filter((l, i) => i < 40 && (l.trim() || i > 0));
}

function json(v: unknown): string {
  if (v === null || v === undefined) return '-';
  return t(JSON.stringify(v) ?? String(v));
}

/** A runner reads `::name::` at the start of a line (after blanks) as a workflow command. */
function noCommand(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1: ');
}
