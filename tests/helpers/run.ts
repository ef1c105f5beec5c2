import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AicostError } from '../../src/errors.js';

/** Repository root of aicost itself. */
export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** The CLI bundle run: dist/cli/index.js, or AICOST_CLI_DIST (a private build of the sources, before dist/ is rebuilt). */
const CLI_BUNDLE = process.env.AICOST_CLI_DIST || join(ROOT, 'dist/cli/index.js');

let distChecked = false;

/**
 * Throws, saying to run `npm run build`, when dist/ was built from other sources than the working
 * tree's (scripts/dist-stamp.mjs; checked once per test file). A whole-suite run checks this in
 * tests/global-setup.mjs already; this covers a run of chosen files that start a bundle.
 */
export function assertFreshDist(): void {
  if (distChecked) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/dist-stamp.mjs'), '--check'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr.trim() || `scripts/dist-stamp.mjs --check failed (${r.status})`);
  distChecked = true;
}

/** Run the committed CLI bundle as a child process with the Node running the tests (24). */
export function runCli(
  args: string[],
  options: { cwd?: string; node?: string; env?: NodeJS.ProcessEnv } = {},
): { status: number; stdout: string; stderr: string } {
  if (!process.env.AICOST_CLI_DIST) assertFreshDist();
  const r = spawnSync(options.node ?? process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh git repository in a temp dir with the given files committed; returns its path. */
export function makeRepo(files: Record<string, string>, message = 'base'): string {
  const dir = mkdtempSync(join(tmpdir(), 'aicost-test-'));
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return dir;
}

/**
 * A repository whose `main` holds `base` and whose branch `pr` adds `head` (and removes `remove`)
 * in one commit on top: the shape of a pull request for `diff --base main --head pr`.
 */
export function prRepo(base: Record<string, string>, head: Record<string, string>, remove: string[] = []): string {
  const repo = makeRepo(base);
  git(repo, 'checkout', '-q', '-b', 'pr');
  writeFiles(repo, head);
  for (const r of remove) git(repo, 'rm', '-q', r);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'pr', '--allow-empty');
  return repo;
}

/** Write files (paths relative to dir), creating directories. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Run git in dir with a fixed identity and dates, returning stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-27T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-27T12:00:00Z' },
    },
  );
}

/** The AicostError a promise rejects with (any other outcome fails the test). */
export async function failure(p: Promise<unknown>): Promise<AicostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AicostError) return e;
    throw e;
  }
  throw new Error('expected an AicostError');
}

/** A summary prompt of the GitHub Models format on `model` (the fixture many repository tests share). */
export const summaryPrompt = (model = 'openai/gpt-4o-mini'): string => `model: ${model}
modelParameters:
  maxTokens: 500
messages:
  - role: system
    content: "You summarise support tickets in three bullet points."
  - role: user
    content: "Ticket: {{body}}"
`;
