/**
 * The action from inputs to side effects: pick the revisions of the event, read the override
 * label, run the diff (or an estimate), then deliver: report file, job summary, annotations,
 * outputs, the sticky comment and the verdict. The verdict is computed before and independently
 * of the comment; a comment that cannot be written is a warning.
 */
import * as core from './core.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configAt } from '../load/index.js';
import { AicostError, RepoError, UsageError } from '../errors.js';
import type { OverrideState } from '../policy/index.js';
import { COMMENT_MAX_CHARS, fitMarkdown, sectionsMarkdown, SUMMARY_MAX_BYTES } from '../render/index.js';
import { codeBlock } from '../text/index.js';
import { estimateMarkdown } from '../render/index.js';
import type { DiffReport } from '../report/index.js';
import { GitRevisionReader, gitTopLevel, listAhead, locateDiffProject, type ProjectLocation } from '../repo/index.js';
import { runDiff } from '../run/index.js';
import { runEstimate } from '../run/index.js';
import { annotationsOf } from './annotations.js';
import { postStickyComment, viewerLogin, type IssueRef } from './comment.js';
import { readContext, stringField, type ActionContext } from './context.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { startTimeBudget, type TimeBudget } from './time-budget.js';
import { buildMarker } from './marker.js';
import { createOctokit, statusOf, type GraphQL, type Octokit } from './octokit.js';
import { diffOutputs, emptyOutputs, estimateOutputs, OUTPUT_NAMES, type Outputs } from './outputs.js';
import { readOverride, type OverridePolicy } from './override.js';
import { findPull, readReportFile, triggeringRun } from './report-artifact.js';
import { FETCH_DEPTH_FIX, namedCommits, planRevisions } from './revisions.js';

type Api = { octokit: Octokit; graphql: GraphQL };

const short = (sha: string): string => sha.slice(0, 12);

/** The warning for a 403 on commenting: the usual cause is a fork PR's read-only token. */
export const FORK_WARNING =
  'cannot comment: the token is read-only for pull requests from forks (or the workflow lacks permissions: pull-requests: write); see the fork recipe in the README. The job summary carries the report and the verdict stands.';

/**
 * Whether the change is worth a new comment: at or above `comment-threshold`, or anything the
 * threshold must never hide (a violation, an unpriced AI change, a proposed policy change).
 */
export function worthCommenting(r: DiffReport, threshold: number): boolean {
  if (threshold <= 0) return true;
  return (
    Math.abs(r.totals.monthly.delta) >= threshold ||
    r.violations.length > 0 ||
    r.unpriced_changes.length > 0 ||
    r.proposed_config.length > 0
  );
}

/**
 * The comment body (the short view): marker first, cut by whole sections to 60,000 characters.
 * `headSha` is the PR's head commit from the event, named in the footer instead of the report's
 * head (on `pull_request` the test-merge commit, which is in no list the reviewer sees).
 */
export function commentBody(r: DiffReport, marker: string, runUrl: string, headSha?: string): string {
  return fitMarkdown(
    sectionsMarkdown(r, { marker, summaryUrl: runUrl, headSha, view: 'comment' }),
    COMMENT_MAX_CHARS,
    `Full report in the job summary: ${runUrl}`,
  );
}

/** The job summary of a diff (the long view), cut by whole sections to stay under the 1 MiB step limit. */
export function summaryBody(r: DiffReport, headSha?: string): string {
  return fitMarkdown(
    sectionsMarkdown(r, { headSha, view: 'summary' }),
    SUMMARY_MAX_BYTES,
    '_Cut to fit the job summary; the whole report is the JSON file of the `report` output._',
    { maxBytes: SUMMARY_MAX_BYTES },
  );
}

/** Cut Markdown at a line end to at most `maxBytes` UTF-8 bytes (the estimate has no sections). */
function capBytes(md: string, maxBytes: number): string {
  if (Buffer.byteLength(md, 'utf8') <= maxBytes) return md;
  const note = '\n\n_Cut to fit the job summary; the whole report is the JSON file of the `report` output._\n';
  const cut = Buffer.from(md, 'utf8')
    .subarray(0, maxBytes - Buffer.byteLength(note))
    .toString('utf8');
  return cut.slice(0, Math.max(0, cut.lastIndexOf('\n'))) + note;
}

/** Append to the job summary; like the comment, a summary that cannot be written is a warning. */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    return;
  }
  try {
    await core.summary.addRaw(markdown).write();
  } catch (e) {
    core.warning(`cannot write the job summary: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`);
  }
}

/** The JSON report in RUNNER_TEMP (outside the checkout, so it is never committed or read as data). */
function writeReport(report: unknown, ctx: ActionContext): string {
  const dir = ctx.runnerTemp ?? mkdtempSync(join(tmpdir(), 'aicost-'));
  const path = join(dir, 'aicost-report.json');
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
  return path;
}

/**
 * The override settings from the trusted config: base's, or head's when base has none or an
 * unreadable one (as the trust merge does). Null when no override label is configured.
 */
async function overridePolicy(location: ProjectLocation, base: string, head: string): Promise<OverridePolicy | null> {
  const read = async (rev: string) => {
    const reader = new GitRevisionReader(location.gitRoot!, rev, location.prefix);
    try {
      return (await configAt(reader, location.configPath)).config;
    } finally {
      reader.close();
    }
  };
  const config = (await read(base)) ?? (await read(head));
  const label = config?.policies.overrideLabel;
  return config && label ? { label, approvers: config.policies.overrideApprovers } : null;
}

async function overrideFor(
  api: Api | undefined,
  issue: IssueRef,
  policy: OverridePolicy | null,
): Promise<OverrideState> {
  if (!policy) return { applied: false };
  if (!api) {
    core.warning('no github-token: the override label cannot be read, so it does not count.');
    return { applied: false };
  }
  try {
    const state = await readOverride(api.octokit, issue, policy);
    core.info(
      state.applied
        ? `override label applied${state.by ? ` by @${state.by}` : ''}`
        : state.rejectedBy
          ? 'override label present but not applied by an approver'
          : 'override label not present',
    );
    return state;
  } catch (e) {
    core.warning(`cannot read the override label (HTTP ${statusOf(e) ?? 'error'}): it does not count for this run.`);
    return { applied: false };
  }
}

/** Emit the annotations; core escapes message and properties. */
function annotate(report: DiffReport, prefix: string): void {
  for (const a of annotationsOf(report, prefix)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}

/** Post the PR comment; any failure is a warning, never the verdict. Returns the comment URL. */
async function deliverComment(
  api: Api | undefined,
  issue: IssueRef,
  report: DiffReport,
  inputs: ActionInputs,
  ctx: ActionContext,
  viewer?: Promise<string>,
): Promise<string> {
  if (inputs.comment === 'off') return '';
  if (!api) {
    core.warning('no github-token: the PR comment is skipped; the job summary carries the report.');
    return '';
  }
  const marker = buildMarker({ tag: inputs.commentTag, sha: report.head.rev, run: ctx.runId });
  try {
    const outcome = await postStickyComment(
      api,
      issue,
      {
        mode: inputs.comment,
        tag: inputs.commentTag,
        runId: ctx.runId,
        body: commentBody(report, marker, ctx.runUrl, prHeadSha(ctx)),
        createWhenMissing: worthCommenting(report, inputs.commentThreshold),
      },
      viewer,
    );
    core.info(`aicost: ${outcome.message}`);
    return outcome.url ?? '';
  } catch (e) {
    if (statusOf(e) === 403) core.warning(FORK_WARNING);
    else
      core.warning(
        `cannot comment (HTTP ${statusOf(e) ?? 'error'}: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}); the job summary carries the report and the verdict stands.`,
      );
    return '';
  }
}

/** The PR's head commit from a pull_request(_target) payload, when there is one. */
export function prHeadSha(ctx: ActionContext): string | undefined {
  const sha = stringField(ctx.payload, 'pull_request', 'head', 'sha');
  return sha && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
}

/** The failure message of a breached report: the failing violations, one a line. */
export function breachMessage(r: DiffReport): string {
  const errors = r.violations.filter((v) => v.severity === 'error');
  const lines = errors.slice(0, 20).map((v) => `- ${v.rule}: ${v.message.replace(/\s+/g, ' ').slice(0, 500)}`);
  if (errors.length > 20) lines.push(`- … and ${errors.length - 20} more (see the job summary)`);
  return `aicost: ${errors.length} ${errors.length === 1 ? 'policy fails' : 'policies fail'}:\n${lines.join('\n')}`;
}

/** Stage 2 of the fork recipe: post an uploaded report on its PR. */
async function commentFromReport(
  inputs: ActionInputs,
  ctx: ActionContext,
  api: Api | undefined,
  outputs: Outputs,
): Promise<void> {
  const run = triggeringRun(ctx);
  const report = await readReportFile(inputs.reportPath);
  Object.assign(outputs, diffOutputs(report, inputs.reportPath, ''));
  const runUrl = `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${run.runId}`;
  await writeSummary(summaryBody(report, run.headSha));
  if (inputs.comment === 'off') return;
  if (!api)
    throw new UsageError('mode: comment-from-report needs github-token', {
      hint: 'Leave github-token at its default (the workflow token) and grant permissions: pull-requests: write.',
    });
  const pr = await findPull(api.octokit, ctx, run);
  if (pr === undefined) {
    core.notice(`no open pull request has head ${short(run.headSha)}: nothing to comment on.`);
    return;
  }
  const marker = buildMarker({ tag: inputs.commentTag, sha: run.headSha, run: run.runId });
  const outcome = await postStickyComment(
    api,
    { owner: ctx.repo.owner, repo: ctx.repo.repo, issue: pr },
    {
      mode: inputs.comment,
      tag: inputs.commentTag,
      runId: run.runId,
      body: commentBody(report, marker, runUrl, run.headSha),
      createWhenMissing: worthCommenting(report, inputs.commentThreshold),
    },
  );
  core.info(`aicost: PR #${pr}: ${outcome.message}`);
  outputs['comment-url'] = outcome.url ?? '';
}

/** The main flow; throws AicostErrors for the entry to report. */
async function execute(inputs: ActionInputs, ctx: ActionContext, outputs: Outputs, budget: TimeBudget): Promise<void> {
  const progress = (stage: string) => budget.stage(stage);
  // The token is registered as a secret before anything else can print. The client is made only
  // when a run may call the API: Octokit is a 1.2 MB chunk that an estimate (push,
  // workflow_dispatch) never needs, and the workflows always pass a token.
  if (inputs.token) core.setSecret(inputs.token);
  const connect = async (): Promise<Api | undefined> =>
    inputs.token ? createOctokit(inputs.token, { apiUrl: ctx.apiUrl, graphqlUrl: ctx.graphqlUrl }) : undefined;
  if (inputs.mode === 'comment-from-report') {
    if (inputs.trafficDir)
      core.warning(
        'input traffic-dir is not used with mode: comment-from-report: the uploaded report is already priced.',
      );
    progress('posting the uploaded report (comment-from-report)');
    return commentFromReport(inputs, ctx, await connect(), outputs);
  }

  progress('finding the base and head revisions');
  const named = namedCommits(ctx, inputs);
  const top = gitTopLevel(inputs.workingDirectory, named);
  // The event's commits are listed while git finds the clone: the run reads them next.
  listAhead(inputs.workingDirectory, named, top);
  const gitRoot = await top;
  if (!gitRoot)
    throw new RepoError(`working-directory ${inputs.workingDirectory} is not inside a git clone`, {
      hint: FETCH_DEPTH_FIX,
    });
  const plan = await planRevisions(ctx, inputs, gitRoot);

  if (plan.kind === 'estimate') {
    core.info(`aicost: ${plan.describe}: ${short(plan.rev)}`);
    const { report } = await runEstimate({
      repo: inputs.workingDirectory,
      rev: plan.rev,
      config: inputs.config,
      trafficDir: inputs.trafficDir,
      progress,
    });
    progress('writing the report and job summary');
    const path = writeReport(report, ctx);
    Object.assign(outputs, estimateOutputs(report, path));
    await writeSummary(capBytes(estimateMarkdown(report), SUMMARY_MAX_BYTES));
    return;
  }

  const api = await connect();
  core.info(`aicost: base ${short(plan.base)} (${plan.describe}) → head ${short(plan.head)}`);
  // Located at base, as runDiff does: a config the PR adds in working-directory is only proposed.
  const { location } = await locateDiffProject(
    inputs.workingDirectory,
    inputs.config,
    plan.head,
    async () => plan.base,
  );
  const issue: IssueRef | undefined =
    plan.pr !== undefined ? { owner: ctx.repo.owner, repo: ctx.repo.repo, issue: plan.pr } : undefined;
  // Who we are, asked while the diff runs (viewerLogin never rejects).
  const viewer =
    plan.comment && issue && api && inputs.comment !== 'off' && inputs.comment !== 'new'
      ? viewerLogin(api.graphql)
      : undefined;
  progress('reading the override label');
  const override = issue
    ? await overrideFor(api, issue, await overridePolicy(location, plan.base, plan.head))
    : { applied: false };
  const { report } = await runDiff({
    repo: inputs.workingDirectory,
    base: plan.base,
    head: plan.head,
    config: inputs.config,
    override,
    trafficDir: inputs.trafficDir,
    progress,
    // The Savings section: advice from the base revision, never part of the verdict.
    advise: inputs.savings,
  });
  progress('writing the report, job summary and annotations');
  const path = writeReport(report, ctx);
  Object.assign(outputs, diffOutputs(report, path, ''));
  await writeSummary(summaryBody(report, prHeadSha(ctx)));
  annotate(report, location.prefix);
  if (plan.comment && issue) {
    progress('posting the pull request comment');
    outputs['comment-url'] = await deliverComment(api, issue, report, inputs, ctx, viewer);
  }

  if (report.breached && inputs.failOnBreach) core.setFailed(breachMessage(report));
  else if (report.breached) core.warning('a policy fails, but fail-on-breach is false: the check passes.');
}

/**
 * Run the action once. Only this function calls `core.setFailed`: for a breach (with
 * fail-on-breach), for an AicostError (its one-line message and hint), and for anything else
 * as an internal error without a stack. Outputs are set on every path.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const outputs = emptyOutputs();
  let budget: TimeBudget | undefined;
  try {
    const inputs = readInputs(env);
    budget = startTimeBudget(inputs.timeBudgetMinutes, env.GITHUB_STEP_SUMMARY, env);
    budget.stage('reading the event');
    const ctx = readContext(env);
    core.debug(
      `event=${ctx.eventName} mode=${inputs.mode} comment=${inputs.comment} threshold=${inputs.commentThreshold} fail-on-breach=${inputs.failOnBreach} time-budget-minutes=${inputs.timeBudgetMinutes} savings=${inputs.savings}`,
    );
    await execute(inputs, ctx, outputs, budget);
  } catch (error) {
    const message =
      error instanceof AicostError
        ? error.format()
        : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    core.setFailed(message);
    await writeSummary(`### aicost could not run\n\n${codeBlock(message)}\n`);
  } finally {
    budget?.stop();
    try {
      for (const name of OUTPUT_NAMES) core.setOutput(name, outputs[name]);
    } catch (e) {
      core.setFailed(`cannot set the outputs: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
