// Builds the two committed bundles with ncc: dist/index.js (action) and dist/cli/index.js (CLI).
// First it regenerates src/generated/ (scripts/generate.mjs: schema validators, rank tables).
// `--check` rebuilds into a temp dir and fails when dist/ differs (CI's stale-dist guard), and
// fails when src/generated/ is not what the schemas produce. Each build stamps dist/SOURCES with
// a hash of its inputs (scripts/dist-stamp.mjs), which the tests check before running a bundle.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  existsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMAGE_TABLES, run as runGenerate } from './generate.mjs';
import { STAMP, sourcesHash } from './dist-stamp.mjs';

const root = new URL('..', import.meta.url).pathname;
const ncc = join(root, 'node_modules/.bin/ncc');
const entries = [
  ['src/main.ts', 'dist'],
  ['src/cli/index.ts', 'dist/cli'],
];
const check = process.argv.includes('--check');
// The tree-sitter runtime and grammars, copied beside each bundle (src/code/assets.ts finds them
// there): loaded only when a code file is parsed, so they are files, not part of a bundle.
const treeSitterAssets = [
  'node_modules/web-tree-sitter/web-tree-sitter.js',
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  ...['python', 'typescript', 'tsx', 'javascript'].map(
    (g) => `node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-${g}.wasm`,
  ),
];

/** Packages whose data the bundles carry as generated files (the catalog's prices), not as modules. */
const DATA_PACKAGES = ['@pydantic/genai-prices'];

const staleGenerated = await runGenerate(check);
if (staleGenerated.length) {
  console.error(
    `src/generated/ is stale: ${staleGenerated.join(', ')} differ from what their inputs produce. Run \`npm run build\` (or node scripts/generate.mjs) and commit them.`,
  );
  process.exit(1);
}
const outRoot = check ? mkdtempSync(join(tmpdir(), 'aicost-dist-')) : root;
// Hashed before bundling: a source edited during the build must leave the stamp stale.
const stamp = `${sourcesHash()}\n`;

for (const [entry, out] of entries) {
  const dir = join(outRoot, out);
  rmSync(dir, { recursive: true, force: true });
  const stats = join(mkdtempSync(join(tmpdir(), 'aicost-stats-')), 'stats.json');
  execFileSync(ncc, ['build', entry, '-o', dir, '-q', '--target', 'es2022', '--minify', '--stats-out', stats], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  writeFileSync(join(dir, 'licenses.txt'), licensesOf(JSON.parse(readFileSync(stats, 'utf8'))));
  rmSync(join(stats, '..'), { recursive: true, force: true });
  mkdirSync(join(dir, 'tree-sitter'));
  for (const file of treeSitterAssets) copyFileSync(join(root, file), join(dir, 'tree-sitter', file.split('/').pop()));
  copyFileSync(join(root, 'node_modules/web-tree-sitter/LICENSE'), join(dir, 'tree-sitter/LICENSE.web-tree-sitter'));
  copyFileSync(join(root, 'node_modules/@vscode/tree-sitter-wasm/LICENSE'), join(dir, 'tree-sitter/LICENSE.grammars'));
  // Rank table images are binary: copied here rather than left to ncc, which copies assets as text
  // (src/tokenize/ranks.ts finds them beside the bundle).
  for (const [, image] of IMAGE_TABLES) copyFileSync(join(root, image), join(dir, image.split('/').pop()));
}
writeFileSync(join(outRoot, STAMP), stamp);

/**
 * The licenses of every package bundled, in any chunk: the name, the license of its package.json
 * and its LICENSE file. (ncc's --license writes one chunk's packages per file, so with chunks the
 * last one written won; the bundles now have several.)
 */
function licensesOf(stats) {
  const names = new Set();
  const visit = (modules) => {
    for (const m of modules ?? []) {
      for (const id of [m.name, m.identifier]) {
        // The innermost package: a dependency may have its own node_modules/.
        const hit = /^.*?((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)/.exec(
          String(id ?? '').replace(/^.*?(?=node_modules\/)/, ''),
        );
        if (hit && !hit[1].startsWith('node_modules/@vercel/ncc/')) names.add(hit[1].slice(0, -1));
      }
      visit(m.modules);
    }
  };
  visit(stats.modules);
  for (const c of stats.chunks ?? []) visit(c.modules);
  for (const name of DATA_PACKAGES) names.add(`node_modules/${name}`);
  const out = [];
  for (const path of [...names].sort()) {
    const dir = join(root, path);
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const license = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).license ?? '';
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    out.push(`${name}\n${license}\n${file ? readFileSync(join(dir, file), 'utf8').trim() : ''}\n`);
  }
  return out.join('\n');
}

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

if (check) {
  const want = files(join(outRoot, 'dist'));
  const have = files(join(root, 'dist'));
  const stale = [];
  for (const f of new Set([...want, ...have])) {
    const a = join(outRoot, 'dist', f);
    const b = join(root, 'dist', f);
    if (!existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b))) stale.push(f);
  }
  rmSync(outRoot, { recursive: true, force: true });
  if (stale.length) {
    console.error(
      `dist/ is stale: ${stale.join(', ')} differ from what the sources build. Run \`npm run build\` and commit dist/.`,
    );
    process.exit(1);
  }
  console.log(`dist/ is up to date (${want.length} files).`);
}
