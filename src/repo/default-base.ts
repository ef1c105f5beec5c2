import { RepoError } from '../errors.js';
import { gitText, resolveCommit } from './git.js';

/**
 * The default base: the merge-base of the head with origin/HEAD, else origin/main, else
 * origin/master; an error asking for --base otherwise.
 */
export async function defaultBase(gitRoot: string, head: string): Promise<string> {
  for (const ref of ['origin/HEAD', 'origin/main', 'origin/master']) {
    try {
      await resolveCommit(gitRoot, ref);
    } catch {
      continue;
    }
    try {
      return await gitText(gitRoot, ['merge-base', head, ref]);
    } catch {
      throw new RepoError(`${head} and ${ref} have no common history`, {
        hint: 'Pass --base explicitly, or fetch more history (fetch-depth: 0).',
      });
    }
  }
  throw new RepoError('cannot tell the base revision: there is no origin/HEAD, origin/main or origin/master', {
    hint: 'Pass --base REV (the branch or commit the PR targets).',
  });
}
