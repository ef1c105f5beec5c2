/**
 * Which two revisions an event compares (or which one it estimates), read from git objects of
 * the existing clone. Nothing is checked out; `pull_request_target` fetches the PR's merge ref
 * as data, with the token passed through git's environment config, never on the command line.
 */
import * as core from './core.js';
import { RepoError, UsageError } from '../errors.js';
import { git, resolveCommit } from '../repo/index.js';
import { pullNumber, stringField, type ActionContext } from './context.js';
import type { ActionInputs } from './inputs.js';

/** A diff of two commits, or an estimate of one. */
export type RevisionPlan =
  | {
      kind: 'diff';
      base: string;
      head: string;
      /** The pull request the diff belongs to (for the override label and the comment). */
      pr?: number;
      /** Whether this event posts the sticky comment (pull requests only). */
      comment: boolean;
      /** How the base was chosen, for the log. */
      describe: string;
    }
  | { kind: 'estimate'; rev: string; describe: string };

/** The exact fix for a clone without the objects a pull_request run needs. */
export const FETCH_DEPTH_FIX =
  'Check out with history for the base: actions/checkout with `fetch-depth: 2` (the test-merge commit and both its parents):\n' +
  '    - uses: actions/checkout@<full sha> # v7\n' +
  '      with:\n' +
  '        fetch-depth: 2';

/** The fix when GITHUB_SHA itself is missing: the checkout fetched something else. */
const MERGE_COMMIT_FIX =
  'Check out the pull request\u2019s default ref (actions/checkout without `ref:`, which fetches refs/pull/N/merge) with `fetch-depth: 2`, or pass head-ref and base-ref.';

const SHA = /^[0-9a-f]{40}$/;

/**
 * First parent of a commit, or null when the clone is cut off there (shallow: git sees no parent,
 * or the parent's object is missing) or it is a root. One git process: `sha^1` is the parent as
 * the commit names it, `^{commit}` checks that its object is in the clone.
 */
async function firstParent(gitRoot: string, sha: string): Promise<string | null> {
  try {
    return await resolveCommit(gitRoot, `${sha}^1`);
  } catch {
    return null;
  }
}

/** Resolve a commit that the event names, with the fix when the clone lacks it. */
async function present(gitRoot: string, rev: string, what: string, fix: string): Promise<string> {
  try {
    return await resolveCommit(gitRoot, rev);
  } catch {
    throw new RepoError(`the ${what} ${rev.slice(0, 12)} is not in the clone at ${gitRoot}`, { hint: fix });
  }
}

/** base = first parent of head: the base branch as it is now (head being a test-merge commit). */
async function baseOfMerge(gitRoot: string, head: string, what: string): Promise<string> {
  const parent = await firstParent(gitRoot, head);
  if (!parent) {
    throw new RepoError(
      `the base revision (first parent of the ${what} ${head.slice(0, 12)}) is not in the clone at ${gitRoot}: the clone is shallow at that commit`,
      {
        hint: FETCH_DEPTH_FIX,
      },
    );
  }
  return parent;
}

/**
 * `git fetch` of one refspec from origin. The token goes into an `http.<server>/.extraheader`
 * entry of the environment config (as actions/checkout persists it), after an empty entry that
 * resets headers a checkout may have persisted: argv is visible to every process on the runner.
 * It runs through the repository's one git runner (repo/git.ts), with the same hardening as every call.
 */
export async function fetchRef(
  gitRoot: string,
  refspec: string,
  options: { serverUrl: string; token: string; depth?: number },
): Promise<void> {
  const entries: [string, string][] = [];
  if (options.token) {
    const key = `http.${options.serverUrl.replace(/\/+$/, '')}/.extraheader`;
    const basic = Buffer.from(`x-access-token:${options.token}`, 'utf8').toString('base64');
    core.setSecret(basic);
    entries.push([key, ''], [key, `AUTHORIZATION: basic ${basic}`]);
  }
  const args = ['fetch', '--no-tags', '--no-recurse-submodules', `--depth=${options.depth ?? 2}`, 'origin', refspec];
  const failure = (message: string) =>
    new RepoError(`git fetch ${refspec.replace(/^\+/, '').split(':')[0]} failed: ${message.split('\n').pop() ?? ''}`, {
      hint: 'GitHub keeps refs/pull/N/merge only while the pull request can be merged: resolve its conflicts and rerun; and the token needs contents: read.',
    });
  await git(gitRoot, args, { config: entries, maxBuffer: 16 * 1024 * 1024, failure });
}

/**
 * The commits `planRevisions` checks for this event, as named: asked together with the top level
 * (`gitTopLevel`), one git process instead of two. Names that are not full SHAs are left to
 * `planRevisions` (a branch can move).
 */
export function namedCommits(ctx: ActionContext, inputs: ActionInputs): string[] {
  const named = [inputs.headRef, inputs.baseRef];
  if (ctx.eventName === 'merge_group')
    named.push(
      stringField(ctx.payload, 'merge_group', 'head_sha'),
      stringField(ctx.payload, 'merge_group', 'base_sha'),
    );
  else if (ctx.eventName !== 'pull_request_target' && !inputs.headRef) named.push(ctx.sha);
  return named.filter((n): n is string => !!n && SHA.test(n));
}

/**
 * Pick the revisions of this event.
 * - `pull_request`: head = GITHUB_SHA (the test-merge commit), base = its first parent, so
 *   changes merged to the base branch since the branch point are not charged to the PR.
 * - `pull_request_target`: GITHUB_SHA is the base tip; the PR's merge ref is fetched as data.
 * - `merge_group`: the group's base and head SHAs; no comment.
 * - anything else: an estimate of GITHUB_SHA (or a diff when base-ref is given).
 * `base-ref` and `head-ref` override the event's choice.
 */
export async function planRevisions(ctx: ActionContext, inputs: ActionInputs, gitRoot: string): Promise<RevisionPlan> {
  const event = ctx.eventName;
  const explicitHead = inputs.headRef ? await resolveCommit(gitRoot, inputs.headRef) : undefined;
  const explicitBase = inputs.baseRef ? await resolveCommit(gitRoot, inputs.baseRef) : undefined;

  if (event === 'pull_request' || event === 'pull_request_target') {
    const pr = pullNumber(ctx.payload);
    if (pr === undefined)
      throw new UsageError(`the ${event} event payload has no pull request number`, {
        hint: 'Run the action on pull_request events (see the README workflow).',
      });
    let head = explicitHead;
    let what = 'test-merge commit';
    if (!head && event === 'pull_request') {
      if (!SHA.test(ctx.sha))
        throw new UsageError('GITHUB_SHA is not set to a commit SHA', {
          hint: 'Run the action inside GitHub Actions, or pass head-ref and base-ref.',
        });
      head = await present(gitRoot, ctx.sha, what, MERGE_COMMIT_FIX);
    }
    if (!head) {
      // pull_request_target: the checkout is the base branch; the PR is data we fetch.
      const local = `refs/remotes/aicost/pr-${pr}`;
      await fetchRef(gitRoot, `+refs/pull/${pr}/merge:${local}`, { serverUrl: ctx.serverUrl, token: inputs.token });
      head = await resolveCommit(gitRoot, local);
      what = `merge commit of refs/pull/${pr}/merge`;
    }
    const base = explicitBase ?? (await baseOfMerge(gitRoot, head, what));
    const describe = explicitBase ? 'base-ref' : `first parent of the ${what}`;
    return { kind: 'diff', base, head, pr, comment: true, describe };
  }

  if (event === 'merge_group') {
    const headSha = stringField(ctx.payload, 'merge_group', 'head_sha');
    const baseSha = stringField(ctx.payload, 'merge_group', 'base_sha');
    const fix = 'Check out the merge group with enough history for its base: actions/checkout with `fetch-depth: 0`.';
    const head =
      explicitHead ??
      (headSha && SHA.test(headSha) ? await present(gitRoot, headSha, 'merge group head', fix) : undefined);
    const base =
      explicitBase ??
      (baseSha && SHA.test(baseSha) ? await present(gitRoot, baseSha, 'merge group base', fix) : undefined);
    if (!head || !base)
      throw new UsageError('the merge_group event payload has no base_sha/head_sha', {
        hint: 'Pass base-ref and head-ref.',
      });
    // The queue branch names the PR at its end (gh-readonly-queue/main/pr-123-<sha>): its
    // override label still counts in the queue.
    const m = /\/pr-(\d+)-[0-9a-f]{40}$/.exec(stringField(ctx.payload, 'merge_group', 'head_ref') ?? '');
    return {
      kind: 'diff',
      base,
      head,
      pr: m ? Number(m[1]) : undefined,
      comment: false,
      describe: explicitBase ? 'base-ref' : 'merge group base',
    };
  }

  const rev =
    explicitHead ??
    (SHA.test(ctx.sha)
      ? await present(gitRoot, ctx.sha, 'commit GITHUB_SHA', 'Check out the repository first: actions/checkout.')
      : await resolveCommit(gitRoot, 'HEAD'));
  if (explicitBase) return { kind: 'diff', base: explicitBase, head: rev, comment: false, describe: 'base-ref' };
  return { kind: 'estimate', rev, describe: `${event || 'local'} event: estimate of one revision` };
}
