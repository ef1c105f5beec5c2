// The README's first command: builds a real git repository from examples/demo (the base branch,
// main) and examples/demo-pr (a pull request on top of it: a model swap, a longer system prompt,
// a new feature, an unmapped prompt file and a model edit in code), then runs the committed CLI
// bundle's `diff` on it and prints the Markdown the PR would get.
// Usage: npm run demo [-- text|markdown|json [demo|large]]
// `large` is the second example: examples/large (14 features of 3 teams) and examples/large-pr (a
// PR with three model swaps, two prompt growths and a new agent: 15 features, 6 changed).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const format = process.argv[2] ?? 'markdown';
const example = process.argv[3] ?? 'demo';
if (!/^[a-z]+$/.test(example)) throw new Error(`unknown example ${example}`);
const repo = mkdtempSync(join(tmpdir(), 'aicost-demo-'));
const env = { ...process.env, GIT_COMMITTER_DATE: '2026-11-27T12:00:00Z', GIT_AUTHOR_DATE: '2026-11-27T12:00:00Z' };
const git = (...args) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, stdio: 'pipe', env },
  );
try {
  cpSync(join(root, 'examples', example), repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Support and growth AI features');
  git('checkout', '-q', '-b', 'pr');
  cpSync(join(root, 'examples', `${example}-pr`), repo, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'Ticket summary on gpt-4o, longer reply guide, invoice Q&A');
  const r = spawnSync(
    process.execPath,
    // --suggest: the Savings section, as the action's comment has it.
    [
      join(root, 'dist/cli/index.js'),
      'diff',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      'pr',
      '--format',
      format,
      '--suggest',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.stdout.write(r.stdout);
  // Exit 1 is the CLI saying "a policy fails", which is what the demo PR is built to show;
  // the demo itself succeeded. Anything else is passed on.
  if (r.status === 1)
    process.stderr.write('\n(aicost diff exited 1: the demo PR breaks a policy, so the check would fail.)\n');
  else process.exitCode = r.status ?? 1;
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  rmSync(repo, { recursive: true, force: true });
}
