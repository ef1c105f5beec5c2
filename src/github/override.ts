/**
 * The override label, read live when the action runs (a label added after the event that started
 * the run still counts on a re-run): is it on the PR, who applied it and when, and, with
 * `override_approvers`, whether that person is one of them. The label name and the approvers
 * come from the trusted (base) config.
 */
import * as core from './core.js';
import type { OverrideState } from '../policy/index.js';
import type { IssueRef } from './comment.js';
import { statusOf, type Octokit } from './octokit.js';

/** The trusted override settings. */
export interface OverridePolicy {
  label: string;
  /** `@alice` (a user) or `@org/team` (a team); empty: anyone who can label counts. */
  approvers: string[];
}

/** One approver entry, parsed. */
export type Approver = { kind: 'user'; login: string } | { kind: 'team'; org: string; slug: string };

/** `@alice` → user, `@acme/finops` → team; the `@` is optional. */
export function parseApprover(entry: string): Approver | null {
  const s = entry.trim().replace(/^@/, '');
  const team = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/.exec(s);
  if (team) return { kind: 'team', org: team[1], slug: team[2] };
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?$/.test(s)) return { kind: 'user', login: s };
  return null;
}

/** Who applied `label` last, from the issue's events (`labeled`, oldest first from the API). */
async function lastLabeled(octokit: Octokit, issue: IssueRef, label: string): Promise<{ by?: string; at?: string }> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issue,
    per_page: 100,
  });
  let found: { by?: string; at?: string } = {};
  for (const e of events) {
    const name = (e as { label?: { name?: string } }).label?.name;
    if (e.event === 'labeled' && name === label) found = { by: e.actor?.login ?? undefined, at: e.created_at };
  }
  return found;
}

/** Whether `login` is an active member of `org/slug` (404: not a member, or the team is hidden). */
async function inTeam(octokit: Octokit, org: string, slug: string, login: string): Promise<boolean> {
  try {
    const res = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
    return res.data.state === 'active';
  } catch (e) {
    const status = statusOf(e);
    if (status === 404) return false;
    if (status === 403 || status === 401) {
      core.warning(
        `cannot check membership of @${org}/${slug}: the token may not read the organisation's teams (a token with read:org / members: read is needed for team approvers).`,
      );
      return false;
    }
    throw e;
  }
}

/** Whether `login` is one of the approvers (users first: no API call needed). */
export async function isApprover(octokit: Octokit, approvers: string[], login: string): Promise<boolean> {
  const parsed = approvers.map(parseApprover).filter((a): a is Approver => a !== null);
  if (parsed.some((a) => a.kind === 'user' && a.login.toLowerCase() === login.toLowerCase())) return true;
  for (const a of parsed) {
    if (a.kind === 'team' && (await inTeam(octokit, a.org, a.slug, login))) return true;
  }
  return false;
}

/** The override label's state on the PR now. */
export async function readOverride(octokit: Octokit, issue: IssueRef, policy: OverridePolicy): Promise<OverrideState> {
  const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issue,
    per_page: 100,
  });
  if (!labels.some((l) => l.name === policy.label)) return { applied: false };
  const { by, at } = await lastLabeled(octokit, issue, policy.label);
  if (policy.approvers.length === 0) return { applied: true, by, at };
  if (by && (await isApprover(octokit, policy.approvers, by))) return { applied: true, by, at };
  return { applied: false, rejectedBy: by ?? 'someone unknown', at };
}
