import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RepoError } from '../errors.js';
import { gitTopLevel, resolveCommit } from './git.js';
import { GitRevisionReader } from './git-revision.js';
import { projectPrefix, safeRelativePath } from './paths.js';
import type { RevisionReader } from './reader.js';
import { WorkingTreeReader } from './working-tree.js';

export type { RevisionReader } from './reader.js';
export { MAX_TEXT_BYTES, absentReason } from './reader.js';
export { expandPattern, matchGlob, isGlob, globToRegExp } from './glob.js';
export { looksBinary, LFS_POINTER_PREFIX, safeRelativePath } from './paths.js';
export { gitTopLevel, resolveCommit, git, gitText, gitConfigEnv } from './git.js';
export { defaultBase } from './default-base.js';
export { changedPaths, differingPaths } from './changes.js';
export type { ChangedPath } from './changes.js';
export { fileOrigins, COPY_MIN_SIMILARITY } from './origins.js';
export type { FileOrigin, OriginKind } from './origins.js';
export { GitRevisionReader, listAhead } from './git-revision.js';
export { WorkingTreeReader } from './working-tree.js';
export { openTrustedDir } from './trusted-dir.js';
export type { OpenedDir } from './trusted-dir.js';
export { readHead } from './read-head.js';

/** Where the project sits: the directory holding the config, inside a git repository or not. */
export interface ProjectLocation {
  /** Absolute path of the project root (the directory holding the config). */
  root: string;
  /** Top level of the git repository, or null outside git. */
  gitRoot: string | null;
  /** The project root relative to the git top level ('' at the top). */
  prefix: string;
  /** Config path relative to the project root. */
  configPath: string;
}

/** `dir` resolved, checked to be a directory. */
function startDir(dir: string): string {
  const start = resolve(dir);
  if (!existsSync(start) || !lstatSync(start).isDirectory()) {
    throw new RepoError(`${dir} is not a directory`, { hint: 'Pass --repo with a directory inside the repository.' });
  }
  return start;
}

/** The nearest directory from `start` up to `stop` holding `config` (in commit `sha`, else on disk), or null. */
async function searchUp(
  start: string,
  stop: string,
  gitRoot: string | null,
  config: string,
  sha?: string,
): Promise<ProjectLocation | null> {
  for (let cur = start; ; cur = dirname(cur)) {
    const prefix = gitRoot ? projectPrefix(gitRoot, cur) : '';
    if (sha && gitRoot) {
      const reader = new GitRevisionReader(gitRoot, sha, prefix);
      const found = await reader.exists(config);
      reader.close();
      if (found) return { root: cur, gitRoot, prefix, configPath: config };
    } else if (existsSync(join(cur, config))) {
      return { root: cur, gitRoot, prefix, configPath: config };
    }
    if (cur === stop || dirname(cur) === cur) return null;
  }
}

function notFound(dir: string, config: string, stop: string, rev?: string): RepoError {
  const at = rev ? ` at ${rev}` : '';
  return new RepoError(`no ${config} found in ${dir} or its parents up to ${stop}${at}`, {
    hint: `Create ${config} at the project root (see the README), or pass --config PATH.`,
  });
}

/**
 * Find the project root for `dir`: the nearest directory from `dir` up to the git top level that
 * holds `configPath`. A monorepo package with its own `.aicost.yml` is its own project; a
 * subdirectory of a project finds the project's config above it. With `rev`, the search looks in
 * that commit's tree instead of on disk.
 */
export async function locateProject(dir: string, configPath: string, rev?: string): Promise<ProjectLocation> {
  const start = startDir(dir);
  const config = safeRelativePath(configPath, '--config');
  const gitRoot = await gitTopLevel(start);
  if (rev && !gitRoot) {
    throw new RepoError(`${dir} is not inside a git repository, so --rev/--base/--head cannot be read`, {
      hint: 'Run inside a git clone, or leave out the revision to read the working tree.',
    });
  }
  const stop = gitRoot ?? start;
  const sha = rev && gitRoot ? await resolveCommit(gitRoot, rev) : undefined;
  const found = await searchUp(start, stop, gitRoot, config, sha);
  if (!found) throw notFound(dir, config, stop, sha ? rev : undefined);
  return found;
}

/** Where a diff's project is, and what the PR proposes about where it is. */
export interface DiffLocation {
  location: ProjectLocation;
  headSha: string;
  baseSha: string;
  /**
   * A config the head has in a directory between `dir` and the base's project root (relative to
   * the project root): a nested project the PR proposes, not the project of this run.
   */
  nestedAtHead: string | null;
}

/**
 * Locate a diff's project at the BASE revision (trusted): a PR cannot make a directory its own
 * project (with its own budget) by adding a config there. Only when no directory from `dir` up
 * holds a config at base is the search made at head: the PR that adopts aicost. `baseOf` gives
 * the base commit once the git top level and the head are known.
 */
export async function locateDiffProject(
  dir: string,
  configPath: string,
  headRev: string,
  baseOf: (gitRoot: string, headSha: string) => Promise<string>,
): Promise<DiffLocation> {
  const start = startDir(dir);
  const config = safeRelativePath(configPath, '--config');
  const gitRoot = await gitTopLevel(start);
  if (!gitRoot) {
    throw new RepoError(`${dir} is not inside a git repository, so --base/--head cannot be read`, {
      hint: 'Run aicost diff inside a git clone.',
    });
  }
  const headSha = await resolveCommit(gitRoot, headRev);
  const baseSha = await resolveCommit(gitRoot, await baseOf(gitRoot, headSha));
  const atBase = await searchUp(start, gitRoot, gitRoot, config, baseSha);
  const atHead =
    atBase && atBase.root === start ? null : await searchUp(start, atBase?.root ?? gitRoot, gitRoot, config, headSha);
  if (!atBase) {
    if (!atHead) throw notFound(dir, config, gitRoot, headRev);
    return { location: atHead, headSha, baseSha, nestedAtHead: null };
  }
  const nested =
    atHead && atHead.root !== atBase.root
      ? relative(atBase.root, join(atHead.root, config)).split(sep).join('/')
      : null;
  return { location: atBase, headSha, baseSha, nestedAtHead: nested };
}

/** Open a reader for a revision of the project, or for its working tree when `rev` is absent. */
export async function openRevision(location: ProjectLocation, rev?: string): Promise<RevisionReader> {
  if (!rev) return new WorkingTreeReader(location.root);
  if (!location.gitRoot) throw new RepoError('revisions can only be read inside a git repository');
  const sha = await resolveCommit(location.gitRoot, rev);
  return new GitRevisionReader(location.gitRoot, sha, location.prefix);
}
