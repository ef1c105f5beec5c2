// Renders the savings advisor's suggestions (issue 18): `aicost suggest` as text or Markdown, and
// the Savings section of the job summary and of the PR comment (collapsed; never the verdict).
import type { FeatureSuggestions, Suggestion, SuggestReport } from '../advisor/index.js';
import { codeBlock, escapeMarkdown, oneLine, textTable, usd } from '../text/index.js';
import { idCode, idText, shortModel, unbroken } from './markdown-cells.js';

function savingCell(s: Suggestion): string {
  if (!s.monthly) return '—';
  const m = s.monthly;
  const ci = m.ci95 ? ` (95%: ${usd(m.ci95[0])}–${usd(m.ci95[1])})` : '';
  const band = m.band ? ` (band ${usd(m.band[0])}–${usd(m.band[1])})` : '';
  return m.saving >= 0 ? `${usd(m.saving)}/mo${ci}${band}` : `costs ${usd(-m.saving)}/mo more`;
}

function rate(r: { pass_rate: number; passes: number; total: number } | null): string {
  return r ? `${(r.pass_rate * 100).toFixed(1)}% (${r.passes}/${r.total})` : 'no eval results';
}

/** Quality evidence in one line: candidate vs current pass rate and where it comes from; '' when there is none. */
function evidenceText(s: Suggestion): string {
  const e = s.evidence;
  if (!e || (!e.candidate && !e.current)) return '';
  const src = e.candidate?.source ?? e.current?.source;
  return `pass rate ${rate(e.candidate)} vs current ${rate(e.current)} from ${src}`;
}

function what(s: Suggestion): string {
  if (s.kind === 'routing') return `route to ${s.candidate}`;
  if (s.kind === 'batch') return `${s.candidate ?? 'batch'} tier`;
  if (s.kind === 'caching') return 'prompt caching';
  return 'output cap';
}

/** The suggestion cell of the Savings table: ids never broken. */
function whatCell(s: Suggestion): string {
  if (s.kind === 'routing' && s.candidate) return `route to ${idCode(shortModel(s.candidate))}`;
  return escapeMarkdown(what(s));
}

/** A feature's suggestions as the Savings section needs them. */
export type SavingsFeature = Pick<FeatureSuggestions, 'feature' | 'suggestions'>;

/** Markdown rows of one feature's suggestions: feature, suggestion, saving (and why not, when shown). */
function featureRows(f: SavingsFeature, withStatus: boolean): string[] {
  return f.suggestions.map((s) => {
    const status = s.eligible ? 'yes' : `no: ${escapeMarkdown(oneLine(s.ineligible_reason ?? ''))}`;
    return `| ${idText(f.feature)} | ${whatCell(s)} | ${savingCell(s)} |${withStatus ? ` ${status} |` : ''}`;
  });
}

/** Evidence and caveats below the table, one bullet per suggestion that has any. */
function notesList(features: readonly SavingsFeature[]): string[] {
  const out: string[] = [];
  for (const f of features)
    for (const s of f.suggestions) {
      const notes = [evidenceText(s), ...s.caveats].filter(Boolean).map((x) => escapeMarkdown(oneLine(x)));
      // Ids and paths in the prose must not break across lines either (word joiners, invisible).
      if (notes.length)
        out.push(`- ${idText(f.feature)}, ${unbroken(`${escapeMarkdown(what(s))}: ${notes.join(' ')}`)}`);
    }
  return out;
}

const header = (withStatus: boolean) =>
  withStatus
    ? ['| Feature | Suggestion | Monthly saving | Eligible |', '|:--|:--|--:|:--|']
    : ['| Feature | Suggestion | Monthly saving |', '|:--|:--|--:|'];

/**
 * The best eligible saving of each feature, summed: what the headline promises at most (also the
 * headline of the diff's Savings section).
 */
export function savingsTotal(features: readonly SavingsFeature[]): number {
  let total = 0;
  for (const f of features) {
    const best = Math.max(0, ...f.suggestions.filter((s) => s.eligible && s.monthly).map((s) => s.monthly!.saving));
    total += best;
  }
  return total;
}

/** How to produce the missing evidence, one command per prompt and model (deduplicated). */
function commands(features: readonly SavingsFeature[]): string[] {
  const seen = new Set<string>();
  for (const f of features)
    for (const s of f.suggestions) if (s.eligible && s.evidence?.command) seen.add(s.evidence.command);
  return [...seen];
}

/**
 * The Savings section: a collapsed `<details>` block with one table of every feature's
 * suggestions. `scope` names what the features are ("changed features", "every feature").
 * Empty string when there is nothing to show.
 */
export function savingsMarkdown(
  features: readonly SavingsFeature[],
  scope: string,
  opts: { eligibleOnly?: boolean } = {},
): string {
  const shown = features
    .map((f) => (opts.eligibleOnly ? { ...f, suggestions: f.suggestions.filter((s) => s.eligible) } : f))
    .filter((f) => f.suggestions.length > 0);
  if (shown.length === 0) return '';
  const total = savingsTotal(shown);
  const lines: string[] = [];
  lines.push(
    `<details><summary><b>Savings</b> (${scope}): up to ${usd(total)}/month with the best eligible suggestion per feature; never part of the verdict</summary>`,
  );
  lines.push('');
  const withStatus = !opts.eligibleOnly;
  lines.push(...header(withStatus));
  for (const f of shown) lines.push(...featureRows(f, withStatus));
  const notes = notesList(shown);
  if (notes.length) lines.push('', ...notes);
  const cmds = commands(shown);
  if (cmds.length) {
    lines.push('', 'Produce the missing eval results with:', '', codeBlock(cmds.join('\n')));
  }
  lines.push('');
  lines.push('</details>');
  return lines.join('\n');
}

/** `aicost suggest --format markdown`. */
export function suggestMarkdown(r: SuggestReport): string {
  const where = r.rev ? `\`${r.rev.slice(0, 12)}\`` : 'working tree';
  const lines = [`### aicost suggest · ${where}`, ''];
  const shown = r.features.filter((f) => f.suggestions.length > 0);
  lines.push(
    shown.length
      ? `Up to **${usd(savingsTotal(shown))}/month** with the best eligible suggestion per feature, priced at ${r.pricing_date}.`
      : `No suggestions, priced at ${r.pricing_date}.`,
  );
  lines.push('');
  if (shown.length) {
    lines.push(...header(true));
    for (const f of shown) lines.push(...featureRows(f, true));
    const evidence = notesList(shown);
    if (evidence.length) lines.push('', ...evidence);
  }
  const notes = r.features.flatMap((f) => f.notes.map((n) => `${f.feature}: ${n}`));
  if (notes.length) {
    lines.push('');
    for (const n of notes) lines.push(`- ${escapeMarkdown(oneLine(n))}`);
  }
  const cmds = commands(r.features);
  if (cmds.length) {
    lines.push('', 'Produce the missing eval results with:', '', codeBlock(cmds.join('\n')));
  }
  return lines.join('\n') + '\n';
}

/** What {@link savingsTextLines} renders of one feature: a heading line, its suggestions and the advisor's notes. */
export interface SavingsTextFeature {
  heading: string;
  suggestions: readonly Suggestion[];
  notes: readonly string[];
}

/**
 * `line` cut at spaces into lines of at most `width` columns, continuations starting with
 * `indent`; the text before the cut keeps its spacing (table columns), and a figure is never split.
 */
function fit(line: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let rest = line;
  while ([...rest].length > width) {
    const chars = [...rest];
    const start = out.length ? indent.length : 0;
    let cut = chars.lastIndexOf(' ', width);
    while (cut > start && chars[cut - 1] === ' ') cut--;
    if (cut <= start) break;
    out.push(chars.slice(0, cut).join(''));
    rest = indent + chars.slice(cut).join('').trimStart();
  }
  out.push(rest);
  return out;
}

/**
 * One feature's suggestions as terminal lines: the heading, a table (suggestion, monthly saving,
 * eligibility), the evidence and caveats of each, the command for missing evidence and the notes.
 * `suggest --format text` prints it as is; `diff --suggest` keeps it within `width` columns.
 */
export function savingsTextLines(f: SavingsTextFeature, width = Infinity): string[] {
  // Repository text (ids, paths, reasons) on one line each, without control characters.
  const out: string[] = [oneLine(f.heading)];
  if (f.suggestions.length) {
    const rows = f.suggestions.map((s) => [
      `  ${oneLine(what(s))}`,
      savingCell(s),
      s.eligible ? 'eligible' : `not eligible: ${oneLine(s.ineligible_reason ?? '')}`,
    ]);
    out.push(...textTable(rows, ['l', 'r', 'l']).split('\n'));
    for (const s of f.suggestions) {
      const label = oneLine(what(s));
      const ev = evidenceText(s);
      if (ev) out.push(`    ${label}: ${oneLine(ev)}`);
      for (const c of s.caveats) out.push(`    ${label}: ${oneLine(c)}`);
      if (s.evidence?.command && s.eligible) {
        const command = oneLine(s.evidence.command);
        // Within a width, the command stays one for the shell: its lines end in ` \`.
        if (width === Infinity || command.length + 14 <= width) out.push(`    evidence: ${command}`);
        else
          out.push(
            '    evidence:',
            ...fit(`      ${command}`, width - 2, '        ').map((l, i, a) => (i < a.length - 1 ? `${l} \\` : l)),
          );
      }
    }
  }
  for (const n of f.notes) out.push(`  note: ${oneLine(n)}`);
  return width === Infinity ? out : out.flatMap((l) => fit(l, width, '      '));
}

/** `aicost suggest` in a terminal. */
export function suggestText(r: SuggestReport): string {
  const out: string[] = [
    `aicost suggest · ${r.rev ? r.rev.slice(0, 12) : 'working tree'} · priced at ${r.pricing_date}`,
    '',
  ];
  for (const f of r.features) {
    out.push(
      ...savingsTextLines({
        heading: `${f.feature} (${f.team}) · ${f.model} · ${usd(f.monthly)}/month`,
        suggestions: f.suggestions,
        notes: f.notes,
      }),
    );
    out.push('');
  }
  for (const n of r.notices) out.push(`notice: ${n}`);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
