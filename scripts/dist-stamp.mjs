// The sources a dist/ was built from, as one SHA-256: `npm run build` writes it to dist/SOURCES
// and the tests compare it with the working tree before they run a bundle, so nobody tests a
// stale dist/ by accident. Contents, not mtimes: a git checkout resets every mtime.
// `node scripts/dist-stamp.mjs --check` exits 1 with the fix when dist/ is stale (~50 ms).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Where the stamp lives, relative to the repository root. */
export const STAMP = 'dist/SOURCES';

// What the bundles are built from: the sources (generated code included), the schemas that code
// is generated from, the locked dependencies, and the build itself.
const DIRS = ['src', 'schema'];
const FILES = ['package-lock.json', 'tsconfig.json', 'scripts/build.mjs', 'scripts/generate.mjs'];

/** SHA-256 (hex) over the path, size and bytes of every build input, in sorted path order. */
export function sourcesHash(base = root) {
  const paths = [...FILES];
  for (const dir of DIRS) {
    for (const f of readdirSync(join(base, dir), { recursive: true }).map(String)) {
      if (statSync(join(base, dir, f)).isFile()) paths.push(`${dir}/${f}`);
    }
  }
  const hash = createHash('sha256');
  for (const p of paths.sort()) {
    const bytes = readFileSync(join(base, p));
    hash.update(`${p}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The problem with dist/ in one sentence that says what to do, or null when it is up to date. */
export function staleDist(base = root) {
  const path = join(base, STAMP);
  if (!existsSync(path))
    return `dist/ has no ${STAMP} (it predates the stamp or was not built here): run \`npm run build\` before the tests.`;
  const built = readFileSync(path, 'utf8').trim();
  if (built !== sourcesHash(base)) {
    return 'dist/ is older than the sources (src/, schema/, package-lock.json or the build scripts changed since `npm run build`): run `npm run build` before the tests, which run the bundles in dist/.';
  }
  return null;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1] && process.argv.includes('--check')) {
  const problem = staleDist();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
