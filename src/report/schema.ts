/**
 * Validation of a diff report against `schema/report.schema.json`: the CLI's own output in tests,
 * and, in the fork recipe's second stage, a `report.json` uploaded by an untrusted run.
 */
import type { ValidateFunction } from 'ajv';
import schema from '../../schema/report.schema.json' with { type: 'json' };
import { validate as generatedValidate } from '../generated/report-validator.js';

/** The published report schema as a plain object. */
export const reportSchema: Record<string, unknown> = schema;

/** Errors reported at most; a hostile file could otherwise produce one per array item. */
const MAX_ERRORS = 20;

/**
 * ajv's code for the schema, generated at build time (scripts/gen-validators.mjs; strict mode keeps
 * the published schema honest), so nothing is compiled at run time.
 */
function validator(): ValidateFunction {
  return generatedValidate as unknown as ValidateFunction;
}

/**
 * Checks that `json` is a complete diff report of schema version 1. Errors name the JSON pointer
 * of the value and what is wrong with it, e.g. `/features/0/status: must be equal to one of the
 * allowed values (changed, unchanged, added, removed, unpriced)`.
 */
export function validateReport(json: unknown): { ok: true } | { ok: false; errors: string[] } {
  const validate = validator();
  if (validate(json)) return { ok: true };
  const errors: string[] = [];
  for (const e of validate.errors ?? []) {
    // if/then and oneOf report their branches' errors as well; the branch errors say more.
    if (e.keyword === 'if' || e.keyword === 'oneOf') continue;
    const where = e.instancePath || '(root)';
    const params = e.params as Record<string, unknown>;
    let detail = e.message ?? 'is not valid';
    if (e.keyword === 'additionalProperties') detail = `unknown key "${String(params.additionalProperty)}"`;
    if (e.keyword === 'enum') detail += ` (${(params.allowedValues as unknown[]).map(String).join(', ')})`;
    if (e.keyword === 'const') detail += ` (${JSON.stringify(params.allowedValue)})`;
    const line = `${where}: ${detail}`;
    if (!errors.includes(line)) errors.push(line);
    if (errors.length === MAX_ERRORS) {
      errors.push('(more errors left out)');
      break;
    }
  }
  if (errors.length === 0) errors.push('(root): is not a valid aicost diff report');
  return { ok: false, errors };
}
