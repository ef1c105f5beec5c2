// Cold start of `estimate` before and after prompts in code (tree-sitter), A/B in one run:
// `node scripts/bench-code.mjs BEFORE_DIST [AFTER_DIST]` (AFTER_DIST defaults to dist/). Runs the two
// CLI bundles alternately on a copy of examples/demo (no code features: the parser must cost
// nothing there) and, with the new bundle only, on a one-feature repository whose prompt is a
// Python function (the parser's first load). Prints medians and the dist/ file sizes.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [before, after = join(root, 'dist')] = process.argv.slice(2);
if (!before) throw new Error('usage: node scripts/bench-code.mjs BEFORE_DIST [AFTER_DIST]');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const work = mkdtempSync(join(tmpdir(), 'aicost-bench-code-'));
const git = (cwd, ...args) =>
  execFileSync('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], { cwd, stdio: 'pipe' });
const repo = (name, fill) => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  fill(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', name);
  return dir;
};
const demo = repo('demo', (d) => cpSync(join(root, 'examples/demo'), d, { recursive: true }));
const code = repo('code', (d) => {
  mkdirSync(join(d, 'app'));
  cpSync(join(root, 'tests/code/fixtures/support_bot.py'), join(d, 'app/support_bot.py'));
  cpSync(join(root, 'tests/code/fixtures/prompts.py'), join(d, 'app/prompts.py'));
  writeFileSync(
    join(d, '.aicost.yml'),
    'version: 1\nfeatures:\n  support:\n    team: s\n    prompt: app/support_bot.py#summarize\n    requests_per_month: 1000\n    typical_output_tokens: 100\nteams:\n  s: {}\n',
  );
});
const time = (dist, dir) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(dist, 'cli/index.js'), 'estimate', '--repo', dir, '--format', 'json']);
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`estimate failed (${r.status}): ${r.stderr}`);
  return ms;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const a = [];
const b = [];
const node = [];
for (let i = 0; i < RUNS; i++) {
  a.push(time(before, demo));
  b.push(time(after, demo));
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  node.push(performance.now() - t0);
}
const c = Array.from({ length: RUNS }, () => time(after, code));
console.log(`Node ${process.version}, ${RUNS} runs each, medians (alternating before/after on the demo)`);
console.log(`node -e 0: ${fmt(median(node))} ms`);
console.log(`estimate, examples/demo (no code features): before ${fmt(median(a))} ms, after ${fmt(median(b))} ms`);
console.log(`estimate, one feature prompt: app/support_bot.py#summarize (after): ${fmt(median(c))} ms`);
const sizes = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile() && /\.(js|wasm)$/.test(f))
    .sort()
    .map((f) => `${f} ${(statSync(join(dir, f)).size / 1e6).toFixed(2)} MB`);
console.log(`dist/ files (after):\n  ${sizes(after).join('\n  ')}`);
rmSync(work, { recursive: true, force: true });
