// The README's first command: builds a real git repository from examples/demo in a temp dir and
// runs the committed CLI bundle on it, printing the Markdown report.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const repo = mkdtempSync(join(tmpdir(), 'aicost-demo-'));
const git = (...args) => execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_COMMITTER_DATE: '2026-11-27T12:00:00Z', GIT_AUTHOR_DATE: '2026-11-27T12:00:00Z' } });
try {
  cpSync(join(root, 'examples/demo'), repo, { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'demo: four AI features');
  const out = execFileSync(process.execPath, [join(root, 'dist/cli/index.js'), 'estimate', '--repo', repo, '--rev', 'HEAD', '--format', process.argv[2] ?? 'markdown'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(out);
} catch (e) {
  process.exitCode = typeof e.status === 'number' ? e.status : 1;
} finally {
  rmSync(repo, { recursive: true, force: true });
}
