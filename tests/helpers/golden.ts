import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import { ROOT } from './run.js';

/**
 * Set only by `npm run goldens` (scripts/update-goldens.mjs): the one way to (re)write goldens.
 * A test never writes a missing golden by itself, or it would compare its output with itself.
 */
const WRITE = process.env.AICOST_WRITE_GOLDENS === '1';

/** Compares `actual` with the golden file; a missing golden fails and says how to write it. */
export function expectGolden(actual: string, golden: string | URL): void {
  const path = typeof golden === 'string' ? golden : fileURLToPath(golden);
  const name = relative(ROOT, path);
  if (WRITE) writeFileSync(path, actual);
  if (!existsSync(path)) {
    throw new Error(
      `golden file ${name} is missing: run \`npm run goldens\` to write it from the current output, review it, and commit it`,
    );
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
