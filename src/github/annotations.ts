/**
 * Annotations on the PR's files: the priced changes, the violations and the unpriced AI changes,
 * each kind ranked by dollar impact and capped, with paths relative to the repository root.
 * Pure: the entry emits them through `core.error`/`core.warning`/`core.notice`, which escape
 * message and properties so that no repository text can start a workflow command.
 */
import { clip } from '../text/index.js';
import { signedUsd } from '../text/index.js';
import type { DiffReport, FeatureJson, ViolationJson } from '../report/index.js';

/** One annotation, ready for `core[level](message, {title, file, startLine})`. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  startLine?: number;
}

/** At most this many annotations of each kind (GitHub shows 10 per step and level anyway). */
export const MAX_PER_KIND = 10;

/** Longest message; the comment and summary have the rest. */
const MAX_MESSAGE = 500;

/** Changes smaller than half a cent a month are not worth a mark on the file. */
const MIN_EFFECT = 0.005;

/** `prompts/a.yml` of a project in `services/api` → `services/api/prompts/a.yml`. */
export function repoPath(prefix: string, file: string): string {
  const clean = file.replace(/^\.\//, '');
  return prefix ? `${prefix.replace(/\/+$/, '')}/${clean}` : clean;
}

function location(prefix: string, file: string | null, line: number | null): Pick<Annotation, 'file' | 'startLine'> {
  if (!file) return {};
  return line !== null && line > 0
    ? { file: repoPath(prefix, file), startLine: line }
    : { file: repoPath(prefix, file) };
}

/** The dollars a violation is about: its feature's change, else its team's, else the PR's. */
function violationImpact(r: DiffReport, v: ViolationJson, features: Map<string, FeatureJson>): number {
  if (v.feature !== null) return Math.abs(features.get(v.feature)?.delta.monthly ?? 0);
  if (v.team !== null) {
    const t = r.teams.find((x) => x.team === v.team);
    return t ? Math.abs(t.head - t.base) : 0;
  }
  return Math.abs(r.totals.monthly.delta);
}

/**
 * The annotations of a diff report. `prefix` is the project root relative to the repository
 * root ('' at the top), because report paths are relative to the project root.
 */
export function annotationsOf(r: DiffReport, prefix: string): Annotation[] {
  const out: Annotation[] = [];
  const features = new Map(r.features.map((f) => [f.id, f]));

  const violations = r.violations
    .map((v, i) => ({ v, i, impact: violationImpact(r, v, features) }))
    .sort(
      (a, b) => Number(b.v.severity === 'error') - Number(a.v.severity === 'error') || b.impact - a.impact || a.i - b.i,
    )
    .slice(0, MAX_PER_KIND);
  for (const { v } of violations) {
    out.push({
      level: v.severity === 'error' ? 'error' : 'warning',
      title: `aicost: ${v.rule}${v.overridden ? ' (overridden)' : ''}`,
      message: clip(v.message, MAX_MESSAGE),
      ...location(prefix, v.file, v.line),
    });
  }

  const changes = r.features
    .flatMap((f) => f.changes.map((c) => ({ f, c })))
    .filter(({ c }) => Math.abs(c.monthly_effect) >= MIN_EFFECT)
    .sort((a, b) => Math.abs(b.c.monthly_effect) - Math.abs(a.c.monthly_effect))
    .slice(0, MAX_PER_KIND);
  for (const { f, c } of changes) {
    out.push({
      level: 'notice',
      title: `aicost: ${signedUsd(c.monthly_effect)}/month`,
      message: clip(`${f.id}: ${c.summary} (${signedUsd(c.monthly_effect)}/month)`, MAX_MESSAGE),
      ...location(prefix, c.file, c.line),
    });
  }

  // Unpriced changes have no dollar figure; the price ratio of a model swap is the best proxy.
  // An unpriced change that is also an `unpriced_change` violation is already marked there.
  const flagged = new Set(
    r.violations.filter((v) => v.rule === 'unpriced_change').map((v) => `${v.file ?? ''}:${v.line ?? ''}`),
  );
  const unpriced = r.unpriced_changes
    .filter((u) => !flagged.has(`${u.file}:${u.line ?? ''}`))
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (b.u.price_ratio ?? 0) - (a.u.price_ratio ?? 0) || a.i - b.i)
    .slice(0, MAX_PER_KIND);
  for (const { u } of unpriced) {
    out.push({
      level: 'warning',
      title: 'aicost: unpriced AI change',
      message: clip(`${u.summary} — outside every feature of .aicost.yml, so not priced`, MAX_MESSAGE),
      ...location(prefix, u.file, u.line),
    });
  }
  return onePerLocation(out);
}

const RANK: Record<Annotation['level'], number> = { error: 0, warning: 1, notice: 2 };

/**
 * One annotation per cause and location: the most severe one at a file and line keeps its place,
 * takes the titles of the others (`aicost: max_monthly_increase, max_monthly_increase_percent`)
 * and its own message; a change's notice at a line that a violation already marks is dropped
 * (the violation names that change as its cause). Annotations without a file stay as they are.
 */
export function onePerLocation(list: Annotation[]): Annotation[] {
  const byPlace = new Map<string, Annotation[]>();
  for (const a of list) {
    if (!a.file) continue;
    const key = `${a.file}:${a.startLine ?? ''}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), a]);
  }
  const out: Annotation[] = [];
  const done = new Set<string>();
  for (const a of list) {
    if (!a.file) {
      out.push(a);
      continue;
    }
    const key = `${a.file}:${a.startLine ?? ''}`;
    if (done.has(key)) continue;
    done.add(key);
    const group = byPlace.get(key)!;
    const top = group.reduce((x, y) => (RANK[y.level] < RANK[x.level] ? y : x));
    const rules = [
      ...new Set(
        group
          .filter((g) => g.level !== 'notice' || top.level === 'notice')
          .map((g) => g.title.replace(/^aicost: /, '')),
      ),
    ];
    out.push({ ...top, title: `aicost: ${rules.join(', ')}` });
  }
  return out;
}
