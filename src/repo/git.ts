import { spawn, execFile } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { RepoError } from '../errors.js';

/**
 * Arguments that every git call starts with: the repository is trusted as data only, so
 * `safe.directory` is set per call (runners check out as another user) and no hooks, pagers or
 * external diff/textconv programs can run.
 */
function baseArgs(cwd: string): string[] {
  return ['-c', `safe.directory=${cwd}`, '-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '--no-pager'];
}

/** Environment for git: no prompts, no system or global config that could run programs. */
function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
  };
}

/** Options of one git call. */
export interface GitOptions {
  maxBuffer?: number;
  /** `key=value` entries added to git's config for this call (through the environment, not argv). */
  config?: [string, string][];
  /** The error for a failed call, from git's message (stderr, else the process error). */
  failure?: (message: string) => RepoError;
}

/**
 * Run git and return stdout (as a Buffer): the one runner for every git call, fetches included,
 * with the hardening above. Fails with a RepoError carrying git's own message.
 */
export function git(cwd: string, args: string[], options: GitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...baseArgs(cwd), ...args],
      {
        cwd,
        env: gitConfigEnv(gitEnv(), options.config ?? []),
        encoding: 'buffer',
        maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const msg = stderr.toString('utf8').trim() || error.message;
          reject(
            options.failure
              ? options.failure(msg)
              : new RepoError(`git ${args[0]} failed: ${msg.split('\n')[0]}`, { location: { file: cwd } }),
          );
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/** Environment entries that add `key=value` to git's config for one command (git ≥ 2.31). */
export function gitConfigEnv(base: NodeJS.ProcessEnv, entries: [string, string][]): NodeJS.ProcessEnv {
  if (entries.length === 0) return base;
  const start = Number(base.GIT_CONFIG_COUNT) || 0;
  const env: NodeJS.ProcessEnv = { ...base, GIT_CONFIG_COUNT: String(start + entries.length) };
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = value;
  });
  return env;
}

/** Like `git` but returns trimmed UTF-8 text. */
export async function gitText(cwd: string, args: string[]): Promise<string> {
  return (await git(cwd, args)).toString('utf8').trim();
}

/** Start git with piped stdio (for `cat-file --batch` and streaming blobs). */
export function spawnGit(cwd: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn('git', [...baseArgs(cwd), ...args], { cwd, env: gitEnv(), stdio: 'pipe' });
}

/**
 * Answers that cannot change while the process runs, kept so that one run asks git once: the top
 * level of a directory, and the check that a full SHA names a commit (objects are immutable).
 * Each git call costs a process start (~5–15 ms), a visible share of a small run's cold start.
 * Bounded, because tests run many repositories in one process.
 */
const stable = new Map<string, Promise<string | null>>();
const STABLE_MAX = 256;

function remembered(key: string, compute: () => Promise<string | null>): Promise<string | null> {
  let p = stable.get(key);
  if (!p) {
    if (stable.size >= STABLE_MAX) stable.delete(stable.keys().next().value!);
    p = compute();
    stable.set(key, p);
    // A failure is not remembered: the next caller asks git again (and gets its message).
    p.catch(() => stable.delete(key));
  }
  return p;
}

/** A full SHA-1 or SHA-256 object name: what it names can never change. */
export const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Records an answer found on the way (it is as stable as one asked for). */
function remember(key: string, value: string): void {
  if (stable.has(key)) return;
  if (stable.size >= STABLE_MAX) stable.delete(stable.keys().next().value!);
  stable.set(key, Promise.resolve(value));
}

/**
 * The top-level directory of the git repository containing `dir`, or null outside git.
 * `commits` are full SHAs the caller is about to check with `resolveCommit` (others are ignored):
 * they are checked in the same git process and remembered, so a run that starts with both asks
 * git once. When one of them is not a commit that call fails as a whole; the top level is then
 * asked alone, and `resolveCommit` gives the missing commit its own message.
 */
export async function gitTopLevel(dir: string, commits: readonly string[] = []): Promise<string | null> {
  const key = `top\0${dir}`;
  const shas = [...new Set(commits.filter((c) => FULL_SHA.test(c)))];
  if (shas.length > 0 && !stable.has(key)) {
    try {
      // Full SHAs cannot be options; `--` keeps each a revision, never a path.
      const [top, ...names] = (
        await gitText(dir, ['rev-parse', '--show-toplevel', ...shas.map((sha) => `${sha}^{commit}`), '--'])
      ).split('\n');
      remember(key, top!);
      shas.forEach((sha, i) => {
        if (names[i] === sha) remember(`commit\0${top}\0${sha}`, sha);
      });
      return top!;
    } catch {
      // One of them is not a commit here (or this is no clone): asked apart below.
    }
  }
  try {
    // Only a found top level is remembered: a directory may become a clone later.
    return await remembered(key, () => gitText(dir, ['rev-parse', '--show-toplevel']));
  } catch {
    return null;
  }
}

/** Resolve a revision to a full commit SHA, with an actionable error when it does not exist. */
export async function resolveCommit(cwd: string, rev: string): Promise<string> {
  if (rev.startsWith('-'))
    throw new RepoError(`revision "${rev}" looks like an option`, { hint: 'Pass a branch, tag or commit SHA.' });
  try {
    const verify = () => gitText(cwd, ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`]);
    // Names (branches, HEAD) can move between calls; a full SHA's answer cannot. What a name
    // resolves to is such a SHA: checked, so a later check of it (base = first parent) asks no one.
    if (FULL_SHA.test(rev)) return (await remembered(`commit\0${cwd}\0${rev}`, verify))!;
    const sha = await verify();
    if (FULL_SHA.test(sha)) remember(`commit\0${cwd}\0${sha}`, sha);
    return sha;
  } catch {
    throw new RepoError(`revision "${rev}" is not a commit in ${cwd}`, {
      hint: 'Check the name, or fetch it first (git fetch origin <ref>; in Actions use actions/checkout with fetch-depth: 2 or more).',
    });
  }
}

/** The committer date of a commit. */
export async function commitDate(cwd: string, sha: string): Promise<Date> {
  const iso = await gitText(cwd, ['show', '-s', '--format=%cI', sha]);
  return new Date(iso);
}
