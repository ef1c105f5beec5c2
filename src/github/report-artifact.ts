/**
 * Stage 2 of the fork recipe: the `report.json` a fork's run uploaded is untrusted input. It is
 * size-capped, parsed as plain JSON, validated against the published schema (unknown keys are
 * refused) and only then rendered by diffMarkdown, which escapes every string. The PR to comment
 * on comes from the `workflow_run` event and the API, never from the file.
 */
import * as core from './core.js';
import { lstatSync, readFileSync } from 'node:fs';
import { ArtifactError, UsageError } from '../errors.js';
import { loadReportValidator } from '../report/index.js';
import type { DiffReport } from '../report/index.js';
import { field, stringField, type ActionContext } from './context.js';
import type { Octokit } from './octokit.js';
import { grouped } from '../text/index.js';

/** Larger report files are refused (a real report is a few hundred KB at most). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/** Read and validate a report file; throws an ArtifactError naming the file and what is wrong. */
export async function readReportFile(path: string): Promise<DiffReport> {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw new ArtifactError(`the report file does not exist`, {
      location: { file: path },
      hint: 'Download the artifact of stage 1 into working-directory first (actions/download-artifact), or set report-path.',
    });
  }
  if (!st.isFile())
    throw new ArtifactError('the report file is not a regular file (links are not followed)', {
      location: { file: path },
    });
  if (st.size > MAX_REPORT_BYTES) {
    throw new ArtifactError(`the report file is ${grouped(st.size)} bytes; the limit is ${grouped(MAX_REPORT_BYTES)}`, {
      location: { file: path },
      hint: 'Upload only the report of stage 1 (the action\u2019s `report` output).',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ArtifactError(
      `the report file is not valid JSON (${e instanceof SyntaxError ? e.message.slice(0, 200) : 'unreadable'})`,
      { location: { file: path } },
    );
  }
  const v = (await loadReportValidator())(json);
  if (!v.ok) {
    throw new ArtifactError(`the report file is not a valid aicost report: ${v.errors.slice(0, 5).join('; ')}`, {
      location: { file: path },
      hint: 'Stage 2 posts only reports that match schema/report.schema.json of this aicost version; use the same aicost version in both stages.',
    });
  }
  return json as DiffReport;
}

const SHA = /^[0-9a-f]{40}$/;

/** What stage 2 knows about the run that produced the report. */
export interface TriggeringRun {
  /** The stage 1 run's id: the marker's run, so an older stage 1 never overwrites a newer one. */
  runId: string;
  headSha: string;
  headBranch?: string;
  headOwner?: string;
}

/** The triggering run from a `workflow_run` payload. */
export function triggeringRun(ctx: ActionContext): TriggeringRun {
  if (ctx.eventName !== 'workflow_run') {
    throw new UsageError(`mode: comment-from-report runs on workflow_run events, not ${ctx.eventName || 'no event'}`, {
      hint: 'Use it in the second workflow of the fork recipe (on: workflow_run), see the README.',
    });
  }
  const id = field(ctx.payload, 'workflow_run', 'id');
  const headSha = stringField(ctx.payload, 'workflow_run', 'head_sha') ?? '';
  if (!SHA.test(headSha))
    throw new UsageError('the workflow_run event payload has no head_sha', {
      hint: 'Run stage 2 on: workflow_run (types: [completed]).',
    });
  return {
    runId: typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : ctx.runId,
    headSha,
    headBranch: stringField(ctx.payload, 'workflow_run', 'head_branch'),
    headOwner: stringField(ctx.payload, 'workflow_run', 'head_repository', 'owner', 'login'),
  };
}

/**
 * The open PR of this repository whose head is the triggering run's commit:
 * `workflow_run.pull_requests[0]` when it targets this repository (GitHub leaves the list empty
 * for forks), else `GET /repos/{o}/{r}/commits/{sha}/pulls`, else the open PRs of the head branch.
 */
export async function findPull(octokit: Octokit, ctx: ActionContext, run: TriggeringRun): Promise<number | undefined> {
  const listed = field(ctx.payload, 'workflow_run', 'pull_requests');
  const repoId = field(ctx.payload, 'repository', 'id');
  if (Array.isArray(listed)) {
    for (const p of listed) {
      const n = field(p, 'number');
      const sameRepo = repoId !== undefined && field(p, 'base', 'repo', 'id') === repoId;
      if (typeof n === 'number' && sameRepo && field(p, 'head', 'sha') === run.headSha) return n;
    }
  }
  const fullName = `${ctx.repo.owner}/${ctx.repo.repo}`.toLowerCase();
  const matches = (p: {
    number: number;
    state?: string;
    head: { sha: string };
    base: { repo: { full_name: string } | null };
  }) => p.state !== 'closed' && p.head.sha === run.headSha && (p.base.repo?.full_name ?? '').toLowerCase() === fullName;
  const byCommit = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: ctx.repo.owner,
    repo: ctx.repo.repo,
    commit_sha: run.headSha,
    per_page: 100,
  });
  const hit = byCommit.data.find(matches);
  if (hit) return hit.number;
  if (run.headOwner && run.headBranch) {
    const byBranch = await octokit.rest.pulls.list({
      owner: ctx.repo.owner,
      repo: ctx.repo.repo,
      state: 'open',
      head: `${run.headOwner}:${run.headBranch}`,
      per_page: 100,
    });
    const b = byBranch.data.find(matches);
    if (b) return b.number;
  }
  core.debug(`no open pull request has head ${run.headSha}`);
  return undefined;
}
