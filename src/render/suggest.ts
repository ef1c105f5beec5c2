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

/** The best eligible saving of each feature, summed: what the headline promises at most. */
function bestTotal(features: readonly SavingsFeature[]): number {
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
  const total = bestTotal(shown);
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
      ? `Up to **${usd(bestTotal(shown))}/month** with the best eligible suggestion per feature, priced at ${r.pricing_date}.`
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

/** `aicost suggest` in a terminal. */
export function suggestText(r: SuggestReport): string {
  const out: string[] = [
    `aicost suggest · ${r.rev ? r.rev.slice(0, 12) : 'working tree'} · priced at ${r.pricing_date}`,
    '',
  ];
  for (const f of r.features) {
    out.push(`${f.feature} (${f.team}) · ${f.model} · ${usd(f.monthly)}/month`);
    if (f.suggestions.length) {
      const rows = f.suggestions.map((s) => [
        `  ${what(s)}`,
        savingCell(s),
        s.eligible ? 'eligible' : `not eligible: ${s.ineligible_reason ?? ''}`,
      ]);
      out.push(textTable(rows, ['l', 'r', 'l']));
      for (const s of f.suggestions) {
        const ev = evidenceText(s);
        if (ev) out.push(`    ${what(s)}: ${ev}`);
        for (const c of s.caveats) out.push(`    ${what(s)}: ${c}`);
        if (s.evidence?.command && s.eligible) out.push(`    evidence: ${s.evidence.command}`);
      }
    }
    for (const n of f.notes) out.push(`  note: ${n}`);
    out.push('');
  }
  for (const n of r.notices) out.push(`notice: ${n}`);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
