/**
 * The last gate before a report leaves aicost: every number finite, and the diff report valid
 * against `schema/report.schema.json` as the JSON that will be written. Inputs are bounded (config
 * schema, traffic line bounds), so a failure here means a figure escaped those bounds; it is an
 * error naming the field, never a `null` in the JSON or `$0`/`∞` in the text.
 */
import { ReportError } from '../errors.js';
import type { Position } from '../types.js';
import type { validateReport } from './schema.js';
import type { DiffReport } from './types.js';

/** Where the config is, to point a feature's bad figure at the feature's entry. */
export interface ReportWhere {
  file: string;
  positions: Record<string, Position>;
}

/** Nesting beyond this is not a report aicost builds; the walk stops there. */
const MAX_WALK_DEPTH = 32;

/**
 * The first number in `value` that is not finite, with its path (`features[id].head.monthly`):
 * list items with an `id` or `team` are named by it, others by their index.
 */
export function firstNonFinite(value: unknown): { field: string; feature?: string; value: number } | undefined {
  const walk = (
    v: unknown,
    field: string,
    feature: string | undefined,
    depth: number,
  ): { field: string; feature?: string; value: number } | undefined => {
    if (typeof v === 'number') return Number.isFinite(v) ? undefined : { field, feature, value: v };
    if (v === null || typeof v !== 'object' || depth > MAX_WALK_DEPTH) return undefined;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        const name = itemName(item);
        const hit = walk(
          item,
          `${field}[${name ?? i}]`,
          field === 'features' && name !== undefined ? name : feature,
          depth + 1,
        );
        if (hit) return hit;
      }
      return undefined;
    }
    for (const [key, child] of Object.entries(v)) {
      const hit = walk(child, field ? `${field}.${key}` : key, feature, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(value, '', undefined, 0);
}

function itemName(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const o = item as Record<string, unknown>;
  if (typeof o.id === 'string') return o.id;
  if (typeof o.team === 'string' && !('id' in o)) return o.team;
  return undefined;
}

/** Throws a ReportError when a number of `report` is not finite (see {@link firstNonFinite}). */
export function assertFiniteReport(report: unknown, where: ReportWhere): void {
  const hit = firstNonFinite(report);
  if (!hit) return;
  const position = hit.feature === undefined ? undefined : where.positions[`features.${hit.feature}`];
  throw new ReportError(
    hit.field,
    `the report's ${hit.field} is ${String(hit.value)}, not a finite number${hit.feature === undefined ? '' : ` (feature ${hit.feature})`}; aicost does not print a figure it could not compute`,
    {
      location: { file: where.file, ...position },
      hint: "A volume, weight, token count or price behind this figure is out of range: check the feature's numbers, its traffic and its prices. If they look sane, report this as a bug in aicost.",
    },
  );
}

/**
 * validateReport (./schema.ts), imported on first use: the generated validator and the schema are
 * ~250 KB of code that only diff runs and the fork recipe's second stage execute, so an estimate's
 * start neither parses nor loads them (a separate chunk of the bundles).
 */
export async function loadReportValidator(): Promise<typeof validateReport> {
  return (await import('./schema.js')).validateReport;
}

/**
 * Checks a diff report before it is written or returned: finite numbers (named by feature), then
 * the JSON text's shape against the published schema (named by JSON pointer).
 */
export async function assertValidDiffReport(report: DiffReport, where: ReportWhere): Promise<void> {
  assertFiniteReport(report, where);
  const validate = await loadReportValidator();
  const result = validate(JSON.parse(JSON.stringify(report)) as unknown);
  if (result.ok) return;
  const first = result.errors[0];
  const field = first.slice(0, Math.max(0, first.indexOf(':')));
  throw new ReportError(
    field,
    `the JSON report does not match schema/report.schema.json: ${result.errors.slice(0, 3).join('; ')}`,
    {
      location: { file: where.file },
      hint: 'This is a bug in aicost: please report it with the message above.',
    },
  );
}
