/** Which files differ between two commits, under a project's directory (git diff, names only). */
import { git } from './git.js';

/** One path the diff between two commits touches, relative to the project root. */
export interface ChangedPath {
  path: string;
  /** Base path of a renamed (or copied) file. */
  oldPath?: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
}

/** Paths under `prefix` that `headRev` changes from `baseRev`, renames and copies detected. */
export async function changedPaths(
  gitRoot: string,
  prefix: string,
  baseRev: string,
  headRev: string,
): Promise<ChangedPath[]> {
  const args = ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', baseRev, headRev];
  if (prefix) args.push('--', prefix);
  const out = (await git(gitRoot, args))
    .toString('utf8')
    .split('\0')
    .filter((x) => x !== '');
  const strip = (p: string) => (prefix ? p.slice(prefix.length + 1) : p);
  const paths: ChangedPath[] = [];
  for (let i = 0; i < out.length;) {
    const code = out[i++];
    if (code.startsWith('R') || code.startsWith('C')) {
      const oldPath = strip(out[i++]);
      const path = strip(out[i++]);
      paths.push({ path, oldPath, status: 'renamed' });
    } else {
      const path = strip(out[i++]);
      paths.push({ path, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
    }
  }
  return paths;
}

/** Paths under `prefix` that differ between the two commits (a rename as a delete and an add). */
export async function differingPaths(
  gitRoot: string,
  prefix: string,
  baseRev: string,
  headRev: string,
): Promise<Set<string>> {
  const args = ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', baseRev, headRev];
  if (prefix) args.push('--', prefix);
  const out = (await git(gitRoot, args))
    .toString('utf8')
    .split('\0')
    .filter((x) => x !== '');
  return new Set(out.map((p) => (prefix ? p.slice(prefix.length + 1) : p)));
}
