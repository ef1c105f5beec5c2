/**
 * The disk and git side of `traffic-dir`: the directory checked, a reader rooted at it, and the
 * files of it that the repository tracks at the revision under review (a pull request could
 * have written those, so they are not trusted samples).
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { git } from './git.js';
import { WorkingTreeReader } from './working-tree.js';

/** A directory of samples on disk, opened. */
export interface OpenedDir {
  /** Absolute path. */
  root: string;
  /** Short form for messages: relative to the project root when inside it, else absolute. */
  display: string;
  /** Regular files only, never outside `root`. */
  reader: WorkingTreeReader;
  /** Paths (relative to `root`) the repository tracks at `rev`, when `root` is inside the repository. */
  committed: { rev: string; paths: Set<string> } | null;
}

/** True when `child` is `parent` or below it (both absolute, real paths). */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Open `dir` (absolute, or relative to the current directory). Throws a UsageError when it does
 * not exist or is not a directory. With `repo`, lists the files under it that git tracks at `repo.rev`.
 */
export async function openTrustedDir(
  dir: string,
  options: { projectRoot?: string; repo?: { gitRoot: string; rev: string } } = {},
): Promise<OpenedDir> {
  const root = resolve(dir);
  let isDir: boolean;
  try {
    isDir = (await stat(root)).isDirectory();
  } catch {
    throw new UsageError(`traffic-dir ${root} does not exist`, {
      hint: 'Create it in the step that exports the samples (before aicost runs), fix the path, or leave traffic-dir empty to read samples from the repository.',
    });
  }
  if (!isDir) {
    throw new UsageError(`traffic-dir ${root} is not a directory`, {
      hint: 'Give traffic-dir a directory that holds the samples at the paths of traffic: in .aicost.yml (e.g. DIR/traffic/summary.jsonl).',
    });
  }
  const display =
    options.projectRoot && isInside(resolve(options.projectRoot), root)
      ? relative(resolve(options.projectRoot), root).split(sep).join('/') || '.'
      : root;
  let committed: OpenedDir['committed'] = null;
  if (options.repo) {
    const real = await realpath(root);
    const gitReal = await realpath(options.repo.gitRoot);
    if (isInside(gitReal, real)) {
      const inRepo = relative(gitReal, real).split(sep).join('/');
      // Filtered here rather than by a pathspec, whose wildcards a directory name could hold.
      const out = (
        await git(options.repo.gitRoot, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', options.repo.rev])
      )
        .toString('utf8')
        .split('\0');
      const under = inRepo ? `${inRepo}/` : '';
      const paths = new Set(out.filter((p) => p !== '' && p.startsWith(under)).map((p) => p.slice(under.length)));
      committed = { rev: options.repo.rev, paths };
    }
  }
  return { root, display, reader: new WorkingTreeReader(root), committed };
}
