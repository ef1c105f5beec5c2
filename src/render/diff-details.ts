/** The collapsed details of the diff document: changes, teams, unpriced changes, proposed config, method, notices. */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { clip, codeBlock, count, pct } from '../text/index.js';
import type { DiffReport, TeamJson } from '../report/index.js';
import {
  byImpact,
  code,
  declaredMarks,
  delta,
  details,
  HINT_MAX,
  ICON,
  idCode,
  idText,
  lineage,
  money,
  NBSP,
  plural,
  shortRev,
  shortModel,
  sideMoney,
  text,
  topChanges,
  unbroken,
  where,
} from './markdown-cells.js';

/** Number of changes a reviewer can find in the details: every change, and each added feature without one. */
export function changeCount(r: DiffReport): number {
  return r.features.reduce(
    (a, f) => a + f.changes.length + (f.status === 'added' && f.changes.length === 0 ? 1 : 0),
    0,
  );
}
// ---------------------------------------------------------------------------------------------
// Collapsed details
// ---------------------------------------------------------------------------------------------

/** Every change with its file:line, team and $/request; an added feature is a change too. */
export function changesDetails(r: DiffReport): string | null {
  const features = r.features.filter((f) => f.changes.length > 0 || f.status === 'added').sort(byImpact);
  const total = changeCount(r);
  if (total === 0) return null;
  const rows = [
    // Five columns that fit GitHub's 880 px column with ids kept whole (tests/visual): the team
    // under the feature, the model swap without providers (the method section has them).
    '| Feature<br><sub>team</sub> | Where | Change | $/request<br>base → head | Monthly effect |',
    '|:--|:--|:--|--:|--:|',
  ];
  for (const f of features) {
    const perReq = `${sideMoney(f.base, (s) => s.per_request.mean)}${NBSP}→ ${sideMoney(f.head, (s) => s.per_request.mean)}`;
    const items: { file: string | null; line: number | null; summary: string; effect: number }[] = topChanges(f).map(
      (c) => ({ file: c.file, line: c.line, summary: c.summary, effect: c.monthly_effect }),
    );
    if (f.status === 'added' && items.length === 0)
      items.push({ file: f.artifact ?? null, line: null, summary: 'new feature', effect: f.delta.monthly });
    items.forEach((c, i) => {
      // Paths and model ids kept whole: at 880 px a browser otherwise breaks them at - and / (tests/visual).
      const at = c.file === null ? '—' : unbroken(where(clip(c.file, 200), c.line));
      const summary = c.summary.replace(
        /^model (\S+) → (\S+)/,
        (_, a: string, b: string) => `model ${shortModel(a)} → ${shortModel(b)}`,
      );
      rows.push(
        `| ${idText(f.id)}<br><sub>${idText(f.team, 60)}</sub> | ${at} | ${unbroken(text(summary))} | ${i === 0 ? perReq : ''} | ${delta(c.effect)} |`,
      );
    });
  }
  return details(`All changes (${count(total)}): where, team, $/request`, rows.join('\n'));
}

export function unchangedDetails(r: DiffReport): string | null {
  const same = r.features.filter((f) => f.status === 'unchanged');
  if (same.length === 0) return null;
  const total = same.reduce((a, f) => a + (f.head?.monthly ?? 0), 0);
  const rows = ['| Feature | Team | Model | Per 1,000 requests | Monthly |', '|:--|:--|:--|--:|--:|'];
  for (const f of same) {
    const side = f.head ?? f.base;
    const models = side ? side.models.map((m) => idCode(m, 80)).join(', ') : '—';
    const from = lineage(f);
    const marks = declaredMarks(f)
      .map((m) => `<br><sub>${m}</sub>`)
      .join('');
    rows.push(
      `| ${idText(f.id)}${from ? `<br>${from}` : ''} | ${idText(f.team, 60)} | ${models} | ${sideMoney(side, (s) => s.per_request.mean * 1000)} | ${sideMoney(side, (s) => s.monthly)}${marks} |`,
    );
  }
  return details(`${plural(same.length, 'unchanged feature')} · ${money(total)}/month`, rows.join('\n'));
}

/** Budget status in words, with the interval's say: "over budget" vs "likely over budget". */
export function teamStatus(t: TeamJson): string {
  if (t.budget === null) return 'no budget';
  const used = t.head + t.other_monthly_spend;
  const share = t.budget > 0 ? ` (${pct(used / t.budget)} of budget)` : '';
  const low = t.head_ci95 ? t.head_ci95[0] + t.other_monthly_spend : used;
  const high = t.head_ci95 ? t.head_ci95[1] + t.other_monthly_spend : used;
  if (t.status === 'breach') return `${ICON.error} ${low > t.budget ? 'over budget' : 'likely over budget'}${share}`;
  if (t.status === 'warn') return `${ICON.warning} near budget${share}`;
  return high > t.budget ? `within budget${share}, may exceed it (95% interval)` : `within budget${share}`;
}

/**
 * Teams with head total against budget: in the comment only the teams whose features changed
 * (a PR answers for what it touches), in the summary every team.
 */
export function teamsDetails(r: DiffReport, view: 'comment' | 'summary'): string | null {
  const touched = new Set(r.features.filter((f) => f.status !== 'unchanged').map((f) => f.team));
  const teams = view === 'summary' ? r.teams : r.teams.filter((t) => touched.has(t.team));
  if (teams.length === 0) return null;
  const rows = [
    '| Team | This repository<br>base → head | Other spend | Head total / budget | Status | Owners |',
    '|:--|--:|--:|--:|:--|:--|',
  ];
  for (const t of teams) {
    const owners = t.owners.length ? t.owners.map((o) => idText(o, 60)).join(', ') : '—';
    const total = t.head + t.other_monthly_spend;
    rows.push(
      `| ${idText(t.team, 60)} | ${money(t.base)}${NBSP}→${NBSP}${money(t.head)} | ${t.other_monthly_spend ? money(t.other_monthly_spend) : '—'} | ${money(total)}${NBSP}/${NBSP}${t.budget === null ? '—' : money(t.budget)} | ${teamStatus(t)} | ${owners} |`,
    );
  }
  const what = view === 'summary' ? 'Teams' : plural(teams.length, 'affected team');
  return details(`${what}: head total against budget`, rows.join('\n'));
}

/** Every policy message in full (the job summary's long form of the verdict). */
export function policyDetails(r: DiffReport): string | null {
  if (r.violations.length === 0) return null;
  const ordered = [...r.violations].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  const lines = [
    `Read from ${r.policy_source === 'base' ? 'the base branch (the PR does not grade itself)' : 'this PR: the base has no config'}.`,
    '',
  ];
  for (const v of ordered) {
    const scope: string[] = [v.overridden ? 'overridden, warning' : v.severity];
    if (v.team !== null) scope.push(`team ${text(v.team, 60)}`);
    if (v.feature !== null) scope.push(`feature ${text(v.feature, 80)}`);
    if (v.file !== null) scope.push(where(clip(v.file, 200), v.line));
    const icon = v.severity === 'error' ? ICON.error : ICON.warning;
    lines.push(`- ${icon} **${text(v.rule, 40)}** (${scope.join(' · ')}): ${text(v.message, 500)}`);
  }
  return details(`Policy findings (${count(r.violations.length)})`, lines.join('\n'));
}

/** `features: { a: { team: <team> } }` spans of a hint (balanced braces), as [start, end). */
function flowEntries(hint: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /features: \{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(hint))) {
    let depth = 0;
    let end = -1;
    for (let i = m.index + m[0].length - 1; i < hint.length; i++) {
      if (hint[i] === '{') depth++;
      else if (hint[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) break;
    out.push([m.index, end]);
    re.lastIndex = end;
  }
  return out;
}

/** A one-line flow entry as block YAML (`features:\n  faq:\n    team: <team>`), or null. */
function blockYaml(flow: string): string | null {
  try {
    const doc = parseYaml(flow) as unknown;
    if (!doc || typeof doc !== 'object') return null;
    return stringifyYaml(doc, { lineWidth: 0 }).trimEnd();
  } catch {
    return null;
  }
}

/** A hint as prose (outside code) and multi-line YAML entries (in code blocks). */
export function hintParts(hint: string): { prose: string; yaml: string[] } {
  const spans = flowEntries(hint);
  const yaml: string[] = [];
  let prose = '';
  let at = 0;
  for (const [s, e] of spans) {
    const block = blockYaml(hint.slice(s, e));
    if (block === null) continue;
    yaml.push(block);
    prose += hint.slice(at, s) + (spans.length > 1 ? `entry ${yaml.length} below` : 'the entry below');
    at = e;
  }
  prose += hint.slice(at);
  if (yaml.length === 0) return { prose: hint, yaml: [] };
  return { prose: prose.replace(/\s*:\s*(entry \d below|the entry below)/g, ' $1').trim(), yaml };
}

export function unpricedDetails(r: DiffReport): string | null {
  if (r.unpriced_changes.length === 0) return null;
  const lines = [
    'AI changes outside every feature of `.aicost.yml` are not priced (each is one warning above). To price one, add the entry shown to `.aicost.yml`.',
    '',
  ];
  for (const u of r.unpriced_changes) {
    // The detector's summaries already name the ratio; add it only where one does not.
    const ratio =
      u.price_ratio !== null && !/input price/.test(u.summary)
        ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
        : '';
    lines.push(`- ${where(clip(u.file, 200), u.line)} · ${text(u.kind, 20)}: ${text(u.summary)}${ratio}`);
    if (!u.hint.trim()) continue;
    const hint = clip(u.hint, HINT_MAX);
    const { prose, yaml } = hintParts(hint);
    // A hint that is already block YAML stays one code block; prose stays outside code.
    if (yaml.length === 0 && /\n/.test(hint.trim())) yaml.push(hint);
    else if (yaml.length === 0 || prose !== 'add the entry below')
      lines.push('', `  Fix: ${text(prose, 600)}.`.replace(/\.\.$/, '.'));
    for (const y of yaml) lines.push('', codeBlock(y, 'yaml', '  '));
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

/**
 * Notices merged per cause: `a: X` and `b: X` (the same remark about two features, such as a
 * tokenizer without an exact offline count) become one line naming both.
 */
export function mergedNotices(r: DiffReport): string[] {
  const ids = new Set(r.features.map((f) => f.id));
  const byCause = new Map<string, string[]>();
  const order: string[] = [];
  for (const n of r.notices) {
    const m = /^([^:\s]+): (.+)$/s.exec(n);
    const key = m && ids.has(m[1]) ? m[2] : n;
    if (!byCause.has(key)) {
      byCause.set(key, []);
      order.push(key);
    }
    if (m && ids.has(m[1])) byCause.get(key)!.push(m[1]);
  }
  return order.map((cause) => {
    const who = byCause.get(cause)!;
    if (who.length === 0) return text(cause, 500);
    const list = who.map((f) => idText(f)).join(', ');
    return `${text(cause, 500)} (${who.length === 1 ? 'feature' : 'features'} ${list})`;
  });
}

export function noticesDetails(r: DiffReport): string | null {
  const lines = mergedNotices(r);
  if (lines.length === 0) return null;
  return details(`Notices (${count(lines.length)})`, lines.map((n) => `- ${n}`).join('\n'));
}

/**
 * `aicost · base abc1234 → head def5678 · prices at … · full report`: the one place SHAs appear.
 * Head is the PR's head commit when the caller knows it (the report's may be a test-merge commit).
 */
export function footer(r: DiffReport, opts: { summaryUrl?: string; headSha?: string } = {}): string {
  const head = opts.headSha && /^[0-9a-f]{7,64}$/i.test(opts.headSha) ? opts.headSha : r.head.rev;
  const parts = [`base ${shortRev(r.base.rev)} → head ${shortRev(head)}`, `prices at ${text(r.pricing_date, 20)}`];
  const url = opts.summaryUrl ? safeUrl(opts.summaryUrl) : null;
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
