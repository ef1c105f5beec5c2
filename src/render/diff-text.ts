/**
 * The `diff` report for a terminal: the headline, one aligned table of features, teams,
 * violations, unpriced changes and notices. Plain text, no Markdown, within 100 columns (long
 * lines wrap at spaces, never inside a figure), one arrow style.
 *
 * Repository text is printed without its control characters (no ANSI escapes that could rewrite
 * the terminal), and no line may start with `::`, which a GitHub runner reads as a workflow
 * command when the CLI runs in a job.
 */
import { oneLine } from '../text/index.js';
import { pct, signedPct, signedUsd, textTable, usd } from '../text/index.js';
import type { DiffReport, FeatureJson, FeatureSideJson, TeamJson } from '../report/index.js';
import { hintParts } from './diff-details.js';
import { wideInterval } from './markdown-cells.js';
import { savingsTextLines, savingsTotal } from './suggest.js';

const delta = (x: number): string => signedUsd(x);
const percent = (p: number): string => signedPct(p);
const interval = (ci: [number, number]): string => `${delta(ci[0])} to ${delta(ci[1])}`;
/** Repository text on one line, without control characters; one arrow style (`→`). */
const t = (s: string): string => oneLine(s).replace(/ -> /g, ' → ');

/** Terminal width the text keeps to: no line longer, and no figure split across lines. */
export const TEXT_WIDTH = 100;

/**
 * Words of `s` in lines of at most `width` columns, the first starting with `first`, the rest
 * with `indent`. Breaks only at spaces, so `+$2,432/month` is never split; a single word longer
 * than a line (a long path) stays whole on its own line.
 */
export function wrap(s: string, first: string, indent: string, width = TEXT_WIDTH): string[] {
  const words = s.split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const w of words) {
    if (!empty && [...line].length + 1 + [...w].length > width) {
      lines.push(line);
      line = indent + w;
    } else line = empty ? line + w : `${line} ${w}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** The report as terminal text, ending with a newline; no line wider than 100 columns. */
export function diffText(r: DiffReport): string {
  const out: string[] = [];
  out.push(`aicost diff ${t(r.base.rev).slice(0, 7)} → ${t(r.head.rev).slice(0, 7)}, prices at ${t(r.pricing_date)}`);
  out.push(...wrap(headline(r), '', '  '));
  out.push('');
  out.push(featureTable(r));
  const notes = featureNotes(r);
  if (notes.length) {
    out.push('');
    for (const n of notes) out.push(...wrap(n, '  ', '    '));
  }
  const marks = trustLines(r);
  if (marks.length) {
    out.push('', 'from base and from this PR:');
    for (const m of marks) out.push(...wrap(m, '  ', '    '));
  }

  const teams = r.teams.filter((x) => x.budget !== null || x.base !== x.head);
  if (teams.length) {
    out.push('', 'teams:');
    for (const team of teams) out.push(...wrap(teamLine(team), '  ', '    '));
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
      out.push(
        ...wrap(
          `${severity}: ${t(v.rule)}${scope.length ? ` (${scope.join(', ')})` : ''}: ${t(v.message)}`,
          '  ',
          '    ',
        ),
      );
    }
  }
  if (r.unpriced_changes.length) {
    out.push('', 'unpriced AI changes (outside every feature):');
    for (const u of r.unpriced_changes) {
      // The detector's summaries already name the ratio; add it only where one does not.
      const ratio =
        u.price_ratio !== null && !/input price/.test(u.summary)
          ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
          : '';
      const at = u.line === null ? t(u.file) : `${t(u.file)}:${u.line}`;
      out.push(...wrap(`${at} [${t(u.kind)}]: ${t(u.summary)}${ratio}`, '  ', '    '));
      const { prose, yaml } = hintParts(u.hint);
      if (yaml.length === 0) {
        const hint = hintLines(u.hint);
        if (hint.length) {
          out.push('    to price it, add to .aicost.yml:');
          for (const line of hint) out.push(`      ${line}`);
        }
        continue;
      }
      if (prose !== 'add the entry below') out.push(...wrap(`fix: ${t(prose)}`, '    ', '      '));
      yaml.forEach((y, i) => {
        out.push(yaml.length > 1 ? `    entry ${i + 1}, for .aicost.yml:` : '    to price it, add to .aicost.yml:');
        for (const line of hintLines(y)) out.push(`      ${line}`);
      });
    }
  }
  if (r.proposed_config.length) {
    out.push('', 'proposed config changes (apply after merge):');
    for (const p of r.proposed_config)
      out.push(...wrap(`${t(p.path)}: ${json(p.base)} → ${json(p.head)}: ${t(p.effect)}`, '  ', '    '));
  }
  const savings = savingsLines(r);
  if (savings.length) out.push('', ...savings);
  if (r.notices.length) {
    out.push('', 'notices:');
    for (const n of r.notices) out.push(...wrap(t(n), '  - ', '    '));
  }
  return `${out.join('\n').split('\n').map(noCommand).join('\n')}\n`;
}

/**
 * The Savings section (`diff --suggest`): every feature the advisor looked at, at base, as
 * `suggest --format text` prints it (the same renderer), within the width. Never the verdict.
 */
function savingsLines(r: DiffReport): string[] {
  const features = r.features.filter((f) => f.suggestions && f.suggestions.length > 0);
  if (!features.length) return [];
  const total = savingsTotal(features.map((f) => ({ feature: f.id, suggestions: f.suggestions! })));
  const out = wrap(
    `savings (every feature, at base; never part of the verdict): up to ${usd(total)}/month with the best eligible suggestion per feature`,
    '',
    '  ',
  );
  for (const f of features) {
    const base = f.base ?? f.head;
    const heading = `${f.id} (${f.team})${base ? ` · ${base.models.join(', ')} · ${usd(base.monthly)}/month` : ''}`;
    out.push(...savingsTextLines({ heading, suggestions: f.suggestions!, notes: [] }, TEXT_WIDTH));
  }
  return out;
}

/** `+$4,952/month (+103%), $4,809 → $9,761/month: 1 policy fails` */
function headline(r: DiffReport): string {
  const m = r.totals.monthly;
  const paren = m.delta_percent !== null ? ` (${percent(m.delta_percent)})` : '';
  const errors = r.violations.filter((v) => v.severity === 'error').length;
  const warnings = r.violations.length - errors;
  let verdict = errors ? `${errors} ${errors === 1 ? 'policy fails' : 'policies fail'}` : 'passes';
  if (warnings) verdict += `, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return `${delta(m.delta)}/month${paren}, ${usd(m.base)} → ${usd(m.head)}/month: ${verdict}`;
}

function side(s: FeatureSideJson | null, value: (x: FeatureSideJson) => number): string {
  if (!s) return '-';
  return `${s.upper_bound ? '<=' : ''}${usd(value(s))}`;
}

const isStatic = (s: FeatureSideJson | null): boolean =>
  s !== null && s.traffic === null && s.source.usage === 0 && s.source.replay === 0;

/** Lines under the table: static figures, too few samples, and intervals where they matter (wide). */
function featureNotes(r: DiffReport): string[] {
  const out: string[] = [];
  for (const f of r.features) {
    if (f.status === 'unchanged') continue;
    if (f.status === 'unpriced') out.push(`${t(f.id)}: unpriced: ${t(f.notes[0] ?? 'no figure')}`);
    else if (isStatic(f.base) || isStatic(f.head)) out.push(`${t(f.id)}: static estimate (no traffic samples)`);
    else if (f.delta.monthly_ci95 === null || f.base?.insufficient_samples || f.head?.insufficient_samples)
      out.push(`${t(f.id)}: insufficient samples for an interval`);
    else if (wideInterval(f.delta.monthly, f.delta.monthly_ci95))
      out.push(`${t(f.id)}: 95% interval ${interval(f.delta.monthly_ci95)}`);
  }
  const m = r.totals.monthly;
  if (m.delta_ci95 && delta(m.delta_ci95[0]) !== delta(m.delta_ci95[1]))
    out.push(`total: 95% interval ${interval(m.delta_ci95)}`);
  return out;
}

/** The feature table, narrowed (team, then $/request left out) until it fits 100 columns. */
function featureTable(r: DiffReport): string {
  const order = [...r.features].sort(
    (a, b) =>
      Number(a.status === 'unchanged') - Number(b.status === 'unchanged') ||
      Math.abs(b.delta.monthly) - Math.abs(a.delta.monthly),
  );
  const m = r.totals.monthly;
  const columns = [
    { head: 'feature', align: 'l', cell: (f: FeatureJson) => clipText(t(f.id), 28), total: 'total' },
    { head: 'team', align: 'l', cell: (f: FeatureJson) => clipText(t(f.team), 16), total: '', drop: 1 },
    { head: 'status', align: 'l', cell: (f: FeatureJson) => f.status, total: '' },
    {
      head: '$/req base → head',
      align: 'r',
      cell: (f: FeatureJson) =>
        `${side(f.base, (s) => s.per_request.mean)} → ${side(f.head, (s) => s.per_request.mean)}`,
      total: '',
      drop: 2,
    },
    {
      head: 'monthly base → head',
      align: 'r',
      cell: (f: FeatureJson) => `${side(f.base, (s) => s.monthly)} → ${side(f.head, (s) => s.monthly)}`,
      total: `${usd(m.base)} → ${usd(m.head)}`,
    },
    {
      head: 'delta/month',
      align: 'r',
      cell: (f: FeatureJson) => (changedOf(f) ? delta(f.delta.monthly) : ''),
      total: delta(m.delta),
    },
    {
      head: 'delta %',
      align: 'r',
      cell: (f: FeatureJson) =>
        changedOf(f) && f.delta.monthly_percent !== null
          ? percent(f.delta.monthly_percent)
          : changedOf(f) && f.status === 'added'
            ? 'new'
            : '',
      total: m.delta_percent !== null ? percent(m.delta_percent) : '',
    },
  ] as const;
  let table = '';
  for (const dropped of [0, 1, 2]) {
    const cols = columns.filter((c) => !('drop' in c) || c.drop > dropped);
    const rows = [cols.map((c) => c.head), ...order.map((f) => cols.map((c) => c.cell(f))), cols.map((c) => c.total)];
    table = textTable(
      rows,
      cols.map((c) => c.align),
    );
    if (table.split('\n').every((l) => [...l].length <= TEXT_WIDTH)) break;
  }
  return table;
}

const changedOf = (f: FeatureJson): boolean => f.status !== 'unchanged' && f.status !== 'unpriced';

function clipText(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
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
  const here = `${usd(team.base)} → ${usd(team.head)}`;
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
