import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RepoError } from '../errors.js';
import { gitTopLevel, resolveCommit } from './git.js';
import { GitRevisionReader } from './git-revision.js';
import { safeRelativePath } from './paths.js';
import type { RevisionReader } from './reader.js';
import { WorkingTreeReader } from './working-tree.js';

export type { RevisionReader } from './reader.js';
export { MAX_TEXT_BYTES } from './reader.js';
export { matchGlob, isGlob, globToRegExp } from './glob.js';
export { looksBinary, LFS_POINTER_PREFIX, safeRelativePath } from './paths.js';
export { gitTopLevel, resolveCommit, git, gitText } from './git.js';
export { GitRevisionReader } from './git-revision.js';
export { WorkingTreeReader } from './working-tree.js';

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

/**
 * Find the project root for `dir`: the nearest directory from `dir` up to the git top level that
 * holds `configPath`. A monorepo package with its own `.aicost.yml` is its own project; a
 * subdirectory of a project finds the project's config above it. With `rev`, the search looks in
 * that commit's tree instead of on disk.
 */
export async function locateProject(dir: string, configPath: string, rev?: string): Promise<ProjectLocation> {
  const start = resolve(dir);
  if (!existsSync(start) || !lstatSync(start).isDirectory()) {
    throw new RepoError(`${dir} is not a directory`, { hint: 'Pass --repo with a directory inside the repository.' });
  }
  const config = safeRelativePath(configPath, '--config');
  const gitRoot = await gitTopLevel(start);
  if (rev && !gitRoot) {
    throw new RepoError(`${dir} is not inside a git repository, so --rev/--base/--head cannot be read`, {
      hint: 'Run inside a git clone, or leave out the revision to read the working tree.',
    });
  }
  const stop = gitRoot ?? start;
  const sha = rev && gitRoot ? await resolveCommit(gitRoot, rev) : undefined;
  for (let cur = start; ; cur = dirname(cur)) {
    const prefix = gitRoot ? relative(gitRoot, cur).split(sep).join('/') : '';
    if (sha && gitRoot) {
      const reader = new GitRevisionReader(gitRoot, sha, prefix);
      const found = await reader.exists(config);
      reader.close();
      if (found) return { root: cur, gitRoot, prefix, configPath: config };
    } else if (existsSync(join(cur, config))) {
      return { root: cur, gitRoot, prefix, configPath: config };
    }
    if (cur === stop || dirname(cur) === cur) break;
  }
  const at = sha ? ` at ${rev}` : '';
  throw new RepoError(`no ${config} found in ${dir} or its parents up to ${stop}${at}`, {
    hint: `Create ${config} at the project root (see the README), or pass --config PATH.`,
  });
}

/** Open a reader for a revision of the project, or for its working tree when `rev` is absent. */
export async function openRevision(location: ProjectLocation, rev?: string): Promise<RevisionReader> {
  if (!rev) return new WorkingTreeReader(location.root);
  if (!location.gitRoot) throw new RepoError('revisions can only be read inside a git repository');
  const sha = await resolveCommit(location.gitRoot, rev);
  return new GitRevisionReader(location.gitRoot, sha, location.prefix);
}
