/**
 * The verdict block under the headline: one plain sentence per failing rule group (the two
 * increase rules of one scope merged), with the limit, this PR's figure, how far over, the
 * biggest cause and the way out (the override label and who may apply it, or whom to ask); then
 * one short line per warning, unpriced changes merged into one.
 */
import { usd } from '../text/index.js';
import type { DiffReport, ViolationJson } from '../report/index.js';
import {
  code,
  delta,
  ICON,
  idText,
  intervalOrNull,
  money,
  percent,
  plural,
  shortChange,
  text,
  where,
} from './markdown-cells.js';

/** Dollars per request with enough digits to compare with a limit. */
const perRequest = (x: number): string => usd(x);

/** "Over" when the whole interval is over the limit, "Likely over" when only part of it is. */
function overWord(value: number, ci: [number, number] | null | undefined, limit: number): string {
  if (ci && ci[0] <= limit && value > limit) return 'Likely over';
  return 'Over';
}

/** ` Biggest cause: **ticket-summary** `gpt-4o-mini` → `gpt-4o` (×16.7 price), +$2,292/month.` */
function causeSentence(v: ViolationJson): string {
  const c = v.cause;
  if (!c) return '';
  const what =
    c.summary === 'added'
      ? 'new feature'
      : c.summary === 'removed'
        ? 'removed'
        : c.summary
          ? shortChange(c.summary, 64)
          : 'changed';
  return ` Biggest cause: **${idText(c.feature)}**, ${what}, ${delta(c.monthly_effect)}/month.`;
}

/** The PR-wide (or one team's) increase rules as one sentence. */
function increaseSentence(r: DiffReport, group: ViolationJson[]): string {
  const usdRule = group.find((v) => v.rule === 'max_monthly_increase');
  const pctRule = group.find((v) => v.rule === 'max_monthly_increase_percent');
  const team = group[0].team;
  const m = r.totals.monthly;
  const scope = team === null ? 'this PR adds' : `${idText(team)}'s spend here rises by`;
  const value = usdRule?.value ?? m.delta;
  const ci = usdRule?.value_ci95 ?? (team === null ? m.delta_ci95 : null);
  const pctText = team === null && m.delta_percent !== null ? ` (${percent(m.delta_percent)})` : '';
  // The binding limit in dollars: the smaller of the two, the percent one taken of the base.
  const limits: { usd: number; text: string }[] = [];
  if (usdRule?.limit !== undefined) limits.push({ usd: usdRule.limit, text: `${money(usdRule.limit)}/month` });
  if (pctRule?.limit !== undefined && m.base > 0) {
    const asUsd = (pctRule.limit / 100) * m.base;
    limits.push({
      usd: asUsd,
      text: `${Number(pctRule.limit.toFixed(1))}% of ${money(m.base)} (${money(asUsd)}/month)`,
    });
  }
  if (limits.length === 0) return fallbackSentence(group[0]);
  limits.sort((a, b) => a.usd - b.usd);
  const [binding, other] = limits;
  const also = other ? `; the other limit is ${other.text}` : '';
  const word = overWord(value, ci, binding.usd);
  const range = word === 'Likely over' ? ` (${intervalOrNull(ci ?? null) ?? ''})`.replace(' ()', '') : '';
  const title = team === null ? 'the monthly increase limit' : `${idText(team)}'s monthly increase limit`;
  return `${ICON.error} **${word} ${title}**: ${scope} ${delta(value)}/month${pctText}${range} against a limit of ${binding.text}${also}. Over by ${money(value - binding.usd)}.${causeSentence(usdRule ?? group[0])}`;
}

function budgetSentence(r: DiffReport, v: ViolationJson, icon: string): string {
  if (v.value === undefined || v.limit === undefined) return fallbackSentence(v, icon);
  const word = overWord(v.value, v.value_ci95, v.limit);
  const other = r.teams.find((t) => t.team === v.team)?.other_monthly_spend ?? 0;
  const notes: string[] = [];
  if (other > 0) notes.push(`incl. ${money(other)} outside this repository`);
  if (word === 'Likely over' && v.value_ci95) notes.push(`95%: ${money(v.value_ci95[0])} to ${money(v.value_ci95[1])}`);
  const paren = notes.length ? ` (${notes.join('; ')})` : '';
  return `${icon} **${idText(v.team ?? '')}: ${word.toLowerCase()} budget**: ${money(v.value)}/month at head${paren} against a budget of ${money(v.limit)}. Over by ${money(v.value - v.limit)}.${causeSentence(v)}`;
}

function perRequestSentence(v: ViolationJson, icon: string): string {
  if (v.value === undefined || v.limit === undefined || v.feature === null) return fallbackSentence(v, icon);
  const stat = /^p95 /.test(v.message) ? 'p95' : 'mean';
  return `${icon} **${idText(v.feature)}: over the cost per request limit**: ${perRequest(v.value)} per request (${stat}) against a limit of ${perRequest(v.limit)}. Over by ${perRequest(v.value - v.limit)}.${causeSentence(v)}`;
}

const RULE_TITLE: Partial<Record<ViolationJson['rule'], string>> = {
  budget: 'Budget',
  budget_warn: 'Near budget',
  max_monthly_increase: 'Monthly increase limit',
  max_monthly_increase_percent: 'Monthly increase limit',
  max_cost_per_request: 'Cost per request limit',
  allowed_models: 'Model not allowed',
  unbounded_increase: 'Increase without a bound',
  base_error: 'Base cannot be priced',
  pr_declared_price: 'Priced by this PR',
  unpriced_change: 'Unpriced AI change',
  require_cheaper_model_review: 'Cheaper model to review',
};

/** A rule without figures: its title (`markdown`: already inert) and its own message. */
function fallbackSentence(v: ViolationJson, icon: string = ICON.error, markdown?: string): string {
  const title = markdown ?? text(RULE_TITLE[v.rule] ?? v.rule.replace(/_/g, ' '), 60);
  const at = v.file !== null && !v.message.includes(v.file) ? ` (${where(v.file, v.line)})` : '';
  return `${icon} **${title}**: ${text(v.message, 400)}${at}.`.replace(/\.\.$/, '.');
}

/** The failing (or overridden) violations grouped: increase rules of one scope together. */
function groups(vs: ViolationJson[]): ViolationJson[][] {
  const out = new Map<string, ViolationJson[]>();
  vs.forEach((v, i) => {
    const key =
      v.rule === 'max_monthly_increase' || v.rule === 'max_monthly_increase_percent'
        ? `increase:${v.team ?? ''}`
        : `${i}`;
    out.set(key, [...(out.get(key) ?? []), v]);
  });
  return [...out.values()];
}

function sentenceOf(r: DiffReport, group: ViolationJson[], icon: string): string {
  const v = group[0];
  if (v.rule === 'max_monthly_increase' || v.rule === 'max_monthly_increase_percent') {
    const s = increaseSentence(r, group);
    return icon === ICON.error ? s : s.replace(ICON.error, icon);
  }
  if (v.rule === 'budget') return budgetSentence(r, v, icon);
  if (v.rule === 'max_cost_per_request') return perRequestSentence(v, icon);
  // Titled by feature like the per-request rule: the message names both models and the figures.
  if (v.rule === 'require_cheaper_model_review' && v.feature !== null)
    return fallbackSentence(v, icon, `${idText(v.feature)}: cheaper model to review`);
  return fallbackSentence(v, icon);
}

/** Owners to ask: of the failing teams, else of the teams whose features changed. */
function ownersToAsk(r: DiffReport, failing: ViolationJson[]): string[] {
  const features = new Map(r.features.map((f) => [f.id, f]));
  const teams = new Set<string>();
  for (const v of failing) {
    if (v.team !== null) teams.add(v.team);
    else if (v.cause) teams.add(features.get(v.cause.feature)?.team ?? '');
  }
  if (teams.size === 0) for (const f of r.features) if (f.status !== 'unchanged') teams.add(f.team);
  return [...new Set(r.teams.filter((t) => teams.has(t.team)).flatMap((t) => t.owners))];
}

/** The way out of a failing check: the override label and who may apply it, or whom to ask. */
export function wayOut(r: DiffReport, failing: ViolationJson[]): string {
  const label = r.policy?.override_label ?? null;
  const approvers = r.policy?.override_approvers ?? [];
  const owners = ownersToAsk(r, failing);
  const fix = 'bring the figures under the limits';
  if (label) {
    const who = approvers.length
      ? `one of ${approvers.map((a) => text(a, 60)).join(', ')}`
      : 'anyone who can label this PR';
    return `**Way out**: ${fix}, or ${who} adds the label ${code(label, 80)} to accept the cost (the check then passes with warnings).`;
  }
  const ask = owners.length ? `ask ${owners.map((o) => text(o, 60)).join(', ')}` : "ask the base config's maintainers";
  return `**Way out**: ${fix}, or ${ask}: no override label is configured (\`policies.override_label\` in the base config).`;
}

/** One line per warning; the unpriced changes as one. */
function warningLines(r: DiffReport): string[] {
  const warnings = r.violations.filter((v) => v.severity === 'warning' && !v.overridden);
  const lines: string[] = [];
  const unpriced = warnings.filter((v) => v.rule === 'unpriced_change');
  if (unpriced.length) {
    const places = unpriced
      .slice(0, 3)
      .map((v) => (v.file === null ? 'a changed file' : where(v.file, v.line)))
      .join(', ');
    const more = unpriced.length > 3 ? ` and ${unpriced.length - 3} more` : '';
    lines.push(
      `${ICON.warning} **${plural(unpriced.length, 'AI change is', 'AI changes are')} not priced** (outside every feature): ${places}${more}. Fixes under “Unpriced AI changes”.`,
    );
  }
  // The two increase rules of one scope are one sentence, as for failing rules.
  const increase = warnings.filter(
    (v) => v.rule === 'max_monthly_increase' || v.rule === 'max_monthly_increase_percent',
  );
  for (const g of groups(increase)) lines.push(sentenceOf(r, g, ICON.warning).replace(/ Over by [^.]*\./, ''));
  for (const v of warnings) {
    if (v.rule === 'unpriced_change' || increase.includes(v)) continue;
    if (v.rule === 'budget_warn' && v.value !== undefined && v.limit !== undefined && v.team !== null) {
      lines.push(
        `${ICON.warning} **${idText(v.team)}: near budget**: ${money(v.value)}/month at head of a budget of ${money(v.limit)} (${Math.round((v.value / v.limit) * 100)}%).`,
      );
      continue;
    }
    lines.push(sentenceOf(r, [v], ICON.warning).replace(/ Over by [^.]*\./, ''));
  }
  return lines;
}

/** The block under the headline; null when the check passes without a warning. */
export function verdictSection(r: DiffReport): string | null {
  const failing = r.violations.filter((v) => v.severity === 'error');
  const overridden = r.violations.filter((v) => v.overridden);
  const lines: string[] = [];
  for (const g of groups(failing)) lines.push(sentenceOf(r, g, ICON.error));
  if (failing.length) lines.push(wayOut(r, failing));
  for (const g of groups(overridden))
    lines.push(`${sentenceOf(r, g, ICON.warning)} _Overridden by the label: not failing._`);
  lines.push(...warningLines(r));
  if (r.policy_source !== 'base' && r.violations.length)
    lines.push('_Policies from this PR: the base branch has no config yet._');
  return lines.length ? lines.join('\n\n') : null;
}
