import { posix, relative, sep } from 'node:path';
import { RepoError } from '../errors.js';

/**
 * Normalise a repository-relative path from a config file or a traffic line and refuse paths that
 * would leave the repository: absolute paths, `..` above the root, NUL bytes, backslashes.
 */
export function safeRelativePath(path: string, where: string): string {
  if (path.includes('\0'))
    throw new RepoError(`path "${path.replace(/\0/g, '\\0')}" contains a NUL byte`, { location: { file: where } });
  if (path.includes('\\')) {
    throw new RepoError(`path "${path}" uses backslashes`, {
      location: { file: where },
      hint: 'Write repository paths with forward slashes (prompts/x.prompt.yml).',
    });
  }
  if (posix.isAbsolute(path) || /^[A-Za-z]:/.test(path)) {
    throw new RepoError(`path "${path}" is absolute`, {
      location: { file: where },
      hint: 'Paths in .aicost.yml are relative to the repository root.',
    });
  }
  const norm = posix.normalize(path);
  if (norm === '..' || norm.startsWith('../')) {
    throw new RepoError(`path "${path}" points outside the repository`, {
      location: { file: where },
      hint: 'aicost reads only files inside the repository; move the file into it.',
    });
  }
  return norm === '.' ? '' : norm.replace(/\/$/, '');
}

/** True when the first 8,000 bytes contain a NUL byte: git's own binary heuristic. */
export function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8000);
  for (let i = 0; i < n; i++) if (head[i] === 0) return true;
  return false;
}

/** Git LFS pointer files start with this line. */
export const LFS_POINTER_PREFIX = 'version https://git-lfs.github.com/spec/v1';

/**
 * The project prefix of directory `dir` (absolute) in the clone whose top level is `gitRoot`: its
 * path relative to the top level, with forward slashes ('' at the top).
 */
export function projectPrefix(gitRoot: string, dir: string): string {
  return relative(gitRoot, dir).split(sep).join('/');
}
