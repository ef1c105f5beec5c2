/**
 * src/github/core.ts builds the action's workflow commands on @actions/core's own modules
 * (`@actions/core/lib/<module>.js`) instead of its index, which loads the OIDC client, http-client
 * and undici at every start. The package's `exports` exposes only the index, so tsconfig.json
 * "paths" maps those specifiers for tsc and ncc (and jest.config.js for the tests). These tests
 * fail, naming the module, when a new @actions/core moves or renames one of them, when the
 * mapping no longer points where Node resolves the package, and when the bundle's main chunk
 * pulls in undici again.
 */
import { describe, it, expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORE_TS = join(root, 'src/github/core.ts');
const SPECIFIER = /from '(@actions\/core\/lib\/[^']+)'/g;

/** Where Node itself resolves `@actions/core` (its public entry, through the package's `exports`). */
function resolvedLib(): string {
  const url = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('@actions/core'))"],
    { cwd: root, encoding: 'utf8' },
  );
  return dirname(fileURLToPath(url));
}

/** The names core.ts takes from each internal module (`import { a, b }`, `export { c }`, `import type { T }`). */
function importsOfCoreTs(): Map<string, string[]> {
  const source = readFileSync(CORE_TS, 'utf8');
  const out = new Map<string, string[]>();
  for (const m of source.matchAll(
    /(?:import|export)\s+(type\s+)?\{([^}]*)\}\s+from\s+'(@actions\/core\/lib\/[^']+)'/g,
  )) {
    const names = m[2]!
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    out.set(m[3]!, [...(out.get(m[3]!) ?? []), ...names.map((n) => (m[1] ? `type ${n}` : n))]);
  }
  return out;
}

describe('@actions/core internals used by src/github/core.ts', () => {
  const lib = resolvedLib();
  const imports = importsOfCoreTs();
  const version = (JSON.parse(readFileSync(join(lib, '../package.json'), 'utf8')) as { version: string }).version;

  it('reads every @actions/core import of core.ts (four modules and the annotation type)', () => {
    expect([...readFileSync(CORE_TS, 'utf8').matchAll(SPECIFIER)].length).toBe([...imports.keys()].length);
    expect([...imports.keys()].sort()).toEqual([
      '@actions/core/lib/command.js',
      '@actions/core/lib/core.js',
      '@actions/core/lib/file-command.js',
      '@actions/core/lib/summary.js',
      '@actions/core/lib/utils.js',
    ]);
  });

  it('tsconfig.json maps @actions/core/lib/* to the directory Node resolves the package to', () => {
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths?: Record<string, string[]> };
    };
    const targets = tsconfig.compilerOptions.paths?.['@actions/core/lib/*'] ?? [];
    expect(targets.map((t) => resolve(root, dirname(t)))).toEqual([lib]);
  });

  it('every module and name core.ts takes is still where it was (a new version that moves one fails here by name)', async () => {
    const missing: string[] = [];
    for (const [specifier, names] of imports) {
      const file = join(lib, specifier.slice('@actions/core/lib/'.length));
      const types = file.replace(/\.js$/, '.d.ts');
      if (!existsSync(file)) {
        missing.push(
          `@actions/core ${version}: ${specifier} is gone (src/github/core.ts imports ${names.join(', ')} from it)`,
        );
        continue;
      }
      const declared = readFileSync(types, 'utf8');
      let mod: Record<string, unknown> = {};
      if (names.some((n) => !n.startsWith('type '))) {
        try {
          mod = (await import(file)) as Record<string, unknown>;
        } catch (err) {
          missing.push(
            `@actions/core ${version}: ${specifier} does not load (${(err as Error).message.split('\n')[0]})`,
          );
          continue;
        }
      }
      for (const name of names) {
        const typeOnly = name.startsWith('type ');
        const bare = name.replace(/^type /, '');
        const ok = typeOnly
          ? new RegExp(`export (declare )?(interface|type) ${bare}\\b`).test(declared)
          : mod[bare] !== undefined && new RegExp(`\\b${bare}\\b`).test(declared);
        if (!ok)
          missing.push(`@actions/core ${version}: ${specifier} no longer exports ${bare} (used by src/github/core.ts)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the commands are the library's: a message with a newline and a property with a colon are escaped", async () => {
    // Imported here, so that a moved module fails the test above by name before it fails this import.
    const core = await import('../../src/github/core.js');
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      core.warning('two\nlines', { file: 'a:b.yml', startLine: 3 });
      core.setSecret('s3cret%');
    } finally {
      process.stdout.write = write;
    }
    expect(written.join('')).toBe(`::warning file=a%3Ab.yml,line=3::two%0Alines\n::add-mask::s3cret%25\n`);
  });

  it("the action bundle's main chunk loads no undici, http-client or OIDC client at start", () => {
    const main = readFileSync(join(root, 'dist/index.js'), 'utf8');
    expect(main.length).toBeGreaterThan(500_000); // the whole entry chunk (0.76 MB), not a stub
    expect(main).toContain('add-mask');
    for (const absent of ['undici', 'OidcClient', 'getIDToken', 'HttpClient'])
      expect({ absent, found: main.includes(absent) }).toEqual({ absent, found: false });
  });
});
