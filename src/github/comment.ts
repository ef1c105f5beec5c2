/**
 * The sticky PR comment: one comment per tag, found by its marker and its author across every
 * page of the PR's comments, written in one of five behaviours. An older run never overwrites a
 * newer one's comment, and an identical body is not written again.
 */
import * as core from './core.js';
import type { CommentMode } from './inputs.js';
import { newerRun, parseMarker, sanitizeTag, type Marker } from './marker.js';
import type { GraphQL, Octokit } from './octokit.js';

/** The issue (PR) a comment belongs to. */
export interface IssueRef {
  owner: string;
  repo: string;
  issue: number;
}

/** One of our earlier comments. */
export interface OwnComment {
  id: number;
  nodeId: string;
  url: string;
  body: string;
  marker: Marker;
}

/** What happened to the comment, for the log and the `comment-url` output. */
export interface CommentOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'skipped' | 'off';
  /** The comment's html_url when one exists after the run. */
  url?: string;
  /** One sentence for the log (trusted text only). */
  message: string;
}

/** What to post. */
export interface StickyComment {
  mode: CommentMode;
  /** The raw comment-tag input. */
  tag: string;
  /** This run's id (the marker's `run`). */
  runId: string;
  /** The whole body, starting with this run's marker. */
  body: string;
  /**
   * False when the change is below `comment-threshold`: no new comment is started (and nothing
   * is hidden or deleted), but an existing `update` comment is still kept current.
   */
  createWhenMissing: boolean;
}

/** The login GITHUB_TOKEN's comments carry (REST `user.login`). */
export const ACTIONS_BOT = 'github-actions[bot]';

/** Logins compared without case and without the `[bot]` suffix (GraphQL's Bot.login omits it). */
export function sameLogin(a: string | undefined | null, b: string | undefined | null): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, '');
  return Boolean(a && b) && norm(a!) === norm(b!);
}

/** The token's own login (GraphQL `viewer`); the Actions bot when the query is not allowed. */
export async function viewerLogin(graphql: GraphQL): Promise<string> {
  try {
    const data = await graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    if (data?.viewer?.login) return data.viewer.login;
  } catch (e) {
    core.debug(`viewer query failed (${e instanceof Error ? e.name : 'error'}); assuming ${ACTIONS_BOT}`);
  }
  return ACTIONS_BOT;
}

/**
 * Our comments with this tag, oldest first: every page of the PR's comments (Link headers), kept
 * when the body starts with a marker of the tag and the author is the token's login. Anyone can
 * paste a marker into a comment of their own; only ours are ever edited.
 */
export async function findOwnComments(
  octokit: Octokit,
  issue: IssueRef,
  login: string,
  tag: string,
): Promise<OwnComment[]> {
  const want = sanitizeTag(tag);
  const all = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issue,
    per_page: 100,
  });
  const own: OwnComment[] = [];
  for (const c of all) {
    const marker = parseMarker(c.body);
    if (!marker || marker.tag !== want || !sameLogin(c.user?.login, login)) continue;
    own.push({ id: c.id, nodeId: c.node_id, url: c.html_url, body: c.body ?? '', marker });
  }
  return own.sort((a, b) => a.id - b.id);
}

/**
 * The body without what changes on every run while the report does not: the marker (run id)
 * and links to this run's page.
 */
export function comparableBody(body: string): string {
  return body
    .replace(/^<!-- aicost:[^\n]*-->\r?\n?/, '')
    .replace(/\/actions\/runs\/\d+(?:\/attempts\/\d+)?/g, '/actions/runs/*')
    .trim();
}

const MINIMIZE = `mutation($id: ID!) {
  minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } }
}`;

/**
 * Write the comment according to `mode`:
 * - `update`: edit our latest comment in place (quiet: no new notification), else create one;
 * - `new`: always create;
 * - `hide-and-new`: minimise our latest as outdated, then create;
 * - `delete-and-new`: delete our earlier ones, then create;
 * - `off`: nothing.
 * Errors are the caller's to turn into a warning: the verdict never depends on the comment.
 * `viewer` is the token's login when the caller looked it up early (the throttling plugin spaces
 * GraphQL calls and writes a second apart; asked while the diff runs, the wait is free).
 */
export async function postStickyComment(
  api: { octokit: Octokit; graphql: GraphQL },
  issue: IssueRef,
  c: StickyComment,
  viewer?: Promise<string>,
): Promise<CommentOutcome> {
  if (c.mode === 'off') return { action: 'off', message: 'comment: off' };
  const { octokit, graphql } = api;
  const create = async (): Promise<CommentOutcome> => {
    const res = await octokit.rest.issues.createComment({
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.issue,
      body: c.body,
    });
    return { action: 'created', url: res.data.html_url, message: `created comment ${res.data.id}` };
  };
  if (c.mode === 'new') {
    if (!c.createWhenMissing) return { action: 'skipped', message: 'below comment-threshold: no new comment' };
    return create();
  }

  const login = await (viewer ?? viewerLogin(graphql));
  const own = await findOwnComments(octokit, issue, login, c.tag);
  const latest = own.at(-1);
  if (latest && newerRun(latest.marker.run, c.runId)) {
    return {
      action: 'skipped',
      url: latest.url,
      message: `comment ${latest.id} was written by a newer run (${latest.marker.run}); this run (${c.runId}) leaves it alone`,
    };
  }
  if (latest && comparableBody(latest.body) === comparableBody(c.body)) {
    return { action: 'unchanged', url: latest.url, message: `comment ${latest.id} already says the same` };
  }

  if (c.mode === 'update') {
    if (latest) {
      const res = await octokit.rest.issues.updateComment({
        owner: issue.owner,
        repo: issue.repo,
        comment_id: latest.id,
        body: c.body,
      });
      return { action: 'updated', url: res.data.html_url, message: `updated comment ${latest.id}` };
    }
    if (!c.createWhenMissing) return { action: 'skipped', message: 'below comment-threshold: no comment' };
    return create();
  }

  if (!c.createWhenMissing)
    return {
      action: 'skipped',
      url: latest?.url,
      message: 'below comment-threshold: nothing hidden, deleted or created',
    };
  if (c.mode === 'hide-and-new') {
    if (latest) await graphql(MINIMIZE, { id: latest.nodeId });
    const out = await create();
    return latest ? { ...out, message: `${out.message}; hid comment ${latest.id} as outdated` } : out;
  }
  // delete-and-new
  for (const old of own)
    await octokit.rest.issues.deleteComment({ owner: issue.owner, repo: issue.repo, comment_id: old.id });
  const out = await create();
  return own.length ? { ...out, message: `${out.message}; deleted ${own.length} earlier comment(s)` } : out;
}
