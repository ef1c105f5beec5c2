/**
 * Runs the committed action bundle (dist/index.js) as a child process with the environment a
 * runner provides, against a real git clone made the way actions/checkout makes it for a
 * `pull_request` event: the test-merge commit fetched with depth 2.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFreshDist, git, makeRepo, ROOT, summaryPrompt, writeFiles } from '../helpers/run.js';
import type { FakeGitHub } from './fake-github.js';

export const jsonl = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** 40 recorded calls: input 1,000 + i tokens (mean 1,019.5), output 100…300 (mean 200). */
export const ROWS = Array.from({ length: 40 }, (_, i) => ({
  id: `u${i}`,
  usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 50 },
}));

export const prompt = summaryPrompt;

/** A config with one feature; `policies` is YAML appended under `policies:`. */
export const config = (o: { rpm?: number; policies?: string } = {}): string => `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: traffic/summary.jsonl
    requests_per_month: ${o.rpm ?? 100000}
teams:
  support: { monthly_budget: 5000, owners: ["@acme/support-leads"] }
policies:
${o.policies ?? '  max_monthly_increase: 2000\n'}`;

/** A repository, its PR and the test-merge commit GitHub would make. */
export interface PrFixture {
  origin: string;
  /** The PR branch tip. */
  prSha: string;
  /** main when the action runs (moved on after the branch point). */
  baseSha: string;
  /** main at the branch point. */
  forkPointSha: string;
  /** refs/pull/1/merge: main merged with the PR (--no-ff). */
  mergeSha: string;
}

/**
 * Build origin: `base` on main, the PR branch with `head` files, then main moves on with
 * `mainAfter`, and the test-merge commit is stored at refs/pull/1/merge (as GitHub does).
 * `prefix` puts every file under a subdirectory (a monorepo package).
 */
export function makePr(
  base: Record<string, string>,
  head: Record<string, string>,
  mainAfter: Record<string, string>,
  prefix = '',
): PrFixture {
  const at = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([p, t]) => [prefix ? `${prefix}/${p}` : p, t]));
  const origin = makeRepo({ 'README.md': '# shop\n', ...at(base) });
  const forkPointSha = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '-q', '-b', 'pr');
  writeFiles(origin, at(head));
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'pr: use a bigger model');
  const prSha = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '-q', 'main');
  writeFiles(origin, at(mainAfter));
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'main moves on');
  const baseSha = git(origin, 'rev-parse', 'HEAD').trim();
  // GitHub's test-merge commit: the base branch merged with the PR, first parent = base.
  git(origin, 'checkout', '-q', '--detach', 'main');
  git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge pr into main', 'pr');
  const mergeSha = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'update-ref', 'refs/pull/1/merge', mergeSha);
  git(origin, 'checkout', '-q', 'main');
  return { origin, prSha, baseSha, forkPointSha, mergeSha };
}

/**
 * What actions/checkout does for a pull_request: init, fetch the merge ref with `depth`
 * over file:// (so the depth applies), check it out detached.
 */
export function checkout(fx: PrFixture, depth = 2, ref = 'refs/pull/1/merge'): string {
  const work = mkdtempSync(join(tmpdir(), 'aicost-work-'));
  git(work, 'init', '-q');
  git(work, 'remote', 'add', 'origin', `file://${fx.origin}`);
  git(work, 'fetch', '-q', '--no-tags', `--depth=${depth}`, 'origin', `+${ref}:refs/remotes/checkout/target`);
  git(work, 'checkout', '-q', '--detach', 'refs/remotes/checkout/target');
  return work;
}

/** A pull_request payload as GitHub sends it (the fields a consumer reads, in their places). */
export function pullRequestPayload(
  fx: PrFixture,
  o: { owner?: string; repo?: string; labels?: string[]; action?: string; fork?: boolean } = {},
) {
  const owner = o.owner ?? 'acme';
  const name = o.repo ?? 'shop';
  const repository = {
    id: 42,
    node_id: 'R_kgDOA',
    name,
    full_name: `${owner}/${name}`,
    private: false,
    owner: { login: owner, id: 9, type: 'Organization' },
    fork: false,
    default_branch: 'main',
  };
  const headRepo = o.fork
    ? {
        ...repository,
        id: 43,
        full_name: `contributor/${name}`,
        owner: { login: 'contributor', id: 10, type: 'User' },
        fork: true,
      }
    : repository;
  return {
    action: o.action ?? 'synchronize',
    number: 1,
    pull_request: {
      url: `https://api.github.com/repos/${owner}/${name}/pulls/1`,
      id: 7001,
      node_id: 'PR_kwDOA1',
      html_url: `https://github.com/${owner}/${name}/pull/1`,
      number: 1,
      state: 'open',
      title: 'Use a bigger model',
      user: { login: 'contributor', id: 10, type: 'User' },
      labels: (o.labels ?? []).map((n, i) => ({ id: 1 + i, name: n, color: 'd73a4a', default: false })),
      merge_commit_sha: fx.mergeSha,
      head: { label: `${o.fork ? 'contributor' : owner}:pr`, ref: 'pr', sha: fx.prSha, repo: headRepo },
      base: { label: `${owner}:main`, ref: 'main', sha: fx.baseSha, repo: repository },
    },
    repository,
    sender: { login: 'contributor', id: 10, type: 'User' },
  };
}

/** What one action run left behind. */
export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** The JSON report written to RUNNER_TEMP, when there is one. */
  report?: Record<string, unknown> & {
    breached: boolean;
    violations: { rule: string; severity: string; overridden: boolean }[];
  };
}

/** `name<<delimiter\nvalue\ndelimiter` entries of a GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n?\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

/** Options of one run. */
export interface RunOptions {
  workspace: string;
  event: string;
  payload: unknown;
  sha: string;
  gh: FakeGitHub;
  inputs?: Record<string, string>;
  runId?: string;
  env?: Record<string, string>;
}

/** The action's inputs as the runner passes them: INPUT_<NAME upper-cased, hyphens kept>. */
const DEFAULT_INPUTS: Record<string, string> = {
  'github-token': 'ghs_testtoken0123456789',
  config: '.aicost.yml',
  'working-directory': '.',
  'base-ref': '',
  'head-ref': '',
  comment: 'update',
  'comment-tag': '',
  'comment-threshold': '0',
  'fail-on-breach': 'true',
  'traffic-dir': '',
  mode: 'run',
  'report-path': 'aicost-report.json',
  'time-budget-minutes': '15',
};

/** The bundle run: dist/index.js, or AICOST_ACTION_DIST (a private build of the sources, before dist/ is rebuilt). */
const ACTION_BUNDLE = process.env.AICOST_ACTION_DIST || join(ROOT, 'dist/index.js');

/** Run the action bundle once, asynchronously (the fake API lives in this process). */
export async function runAction(o: RunOptions): Promise<ActionRun> {
  if (!process.env.AICOST_ACTION_DIST) assertFreshDist();
  const runner = mkdtempSync(join(tmpdir(), 'aicost-runner-'));
  const temp = join(runner, 'temp');
  const home = join(runner, 'home');
  mkdirSync(temp);
  mkdirSync(home);
  const eventPath = join(runner, 'event.json');
  const outputPath = join(runner, 'output');
  const summaryPath = join(runner, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.event === 'pull_request' ? 'refs/pull/1/merge' : 'refs/heads/main',
    GITHUB_REPOSITORY: `${o.gh.owner}/${o.gh.repo}`,
    GITHUB_REPOSITORY_OWNER: o.gh.owner,
    GITHUB_RUN_ID: o.runId ?? '1000',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.gh.url,
    GITHUB_GRAPHQL_URL: `${o.gh.url}${o.gh.graphqlPath}`,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_WORKSPACE: o.workspace,
    RUNNER_TEMP: temp,
  };
  for (const [name, value] of Object.entries({ ...DEFAULT_INPUTS, ...o.inputs }))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  Object.assign(env, o.env);
  const child = spawn(process.execPath, [ACTION_BUNDLE], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
  let report: ActionRun['report'];
  if (outputs.report) {
    try {
      report = JSON.parse(readFileSync(outputs.report, 'utf8'));
    } catch {
      report = undefined;
    }
  }
  return { status, stdout, stderr, summary: readFileSync(summaryPath, 'utf8'), outputs, report };
}

/** The workflow-command lines of a run's stdout (`::error file=…::message`). */
export function commands(stdout: string, name: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith(`::${name}`));
}
