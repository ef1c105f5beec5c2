/**
 * The fork recipe end to end with the committed bundle. Stage 1 (`pull_request` from a fork,
 * read-only token) prices the PR and writes report.json; stage 2 (`workflow_run`, `mode:
 * comment-from-report`, no checkout) validates that file, re-renders it and comments on the PR
 * found through the API from `workflow_run.head_sha`. A hostile report is refused by the schema
 * or rendered inert.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT, FakeGitHub, pullObject } from './fake-github.js';
import {
  checkout,
  commands,
  config,
  jsonl,
  makePr,
  prompt,
  pullRequestPayload,
  ROWS,
  runAction,
  type PrFixture,
} from './harness.js';

let gh: FakeGitHub;
let fx: PrFixture;
/** The report stage 1 wrote, as text. */
let reportText: string;

const STAGE1_RUN = '7001';

beforeAll(async () => {
  const policies = '  max_monthly_increase: 500\n';
  fx = makePr(
    {
      '.aicost.yml': config({ policies }),
      'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
      'traffic/summary.jsonl': jsonl(ROWS),
    },
    { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') },
    { '.aicost.yml': config({ rpm: 200000, policies }) },
  );
  // Stage 1 on a fork: the token cannot comment.
  const stage1 = new FakeGitHub();
  await stage1.start();
  stage1.fail('POST', /\/comments$/, 403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '403',
  });
  const r = await runAction({
    workspace: checkout(fx),
    event: 'pull_request',
    payload: pullRequestPayload(fx, { fork: true }),
    sha: fx.mergeSha,
    gh: stage1,
    runId: STAGE1_RUN,
  });
  await stage1.close();
  expect(r.status).toBe(1);
  expect(commands(r.stdout, 'warning').join('\n')).toContain('see the fork recipe in the README');
  reportText = readFileSync(r.outputs.report, 'utf8');
});

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
  gh.pullsForCommit[fx.prSha] = [pullObject(gh, 1, fx.prSha, 'contributor/shop')];
});

afterEach(async () => {
  await gh.close();
});

/** A workflow_run payload for the completed stage 1 run of a fork PR (pull_requests is empty for forks). */
function workflowRun() {
  return {
    action: 'completed',
    workflow_run: {
      id: Number(STAGE1_RUN),
      name: 'aicost',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'failure',
      head_branch: 'pr',
      head_sha: fx.prSha,
      run_number: 12,
      pull_requests: [],
      head_repository: { id: 43, full_name: 'contributor/shop', name: 'shop', owner: { login: 'contributor' } },
      repository: { id: 42, full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
    },
    repository: { id: 42, full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
    workflow: { id: 99, name: 'aicost', path: '.github/workflows/aicost-fork-stage1.yml' },
  };
}

/** Stage 2 in an empty workspace holding only the downloaded report. */
async function stage2(report: string | ((dir: string) => void), inputs: Record<string, string> = {}) {
  const work = mkdtempSync(join(tmpdir(), 'aicost-stage2-'));
  if (typeof report === 'string') writeFileSync(join(work, 'aicost-report.json'), report);
  else report(work);
  return runAction({
    workspace: work,
    event: 'workflow_run',
    payload: workflowRun(),
    sha: '0'.repeat(40),
    gh,
    runId: '8001',
    inputs: { mode: 'comment-from-report', ...inputs },
  });
}

const postedBodies = () => gh.hits('POST', /\/issues\/\d+\/comments$/).map((h) => (h.body as { body: string }).body);

describe('stage 2: comment-from-report', () => {
  it('posts stage 1’s report on the PR found from workflow_run.head_sha', async () => {
    const r = await stage2(reportText);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(gh.hits('GET', new RegExp(`/commits/${fx.prSha}/pulls$`))).toHaveLength(1);
    const bodies = postedBodies();
    expect(gh.hits('POST', /\/issues\/1\/comments$/)).toHaveLength(1);
    // The marker carries stage 1's run: a later stage 1 run supersedes it, an earlier one cannot.
    expect(bodies[0].startsWith(`<!-- aicost:tag=;sha=${fx.prSha};run=${STAGE1_RUN} -->\n`)).toBe(true);
    expect(bodies[0]).toContain('https://github.com/acme/shop/actions/runs/7001');
    expect(bodies[0]).toContain('❌ check fails');
    // Stage 2 reports; the verdict is stage 1's.
    expect(r.outputs.breached).toBe('true');
    expect(r.outputs['comment-url']).toBe(gh.comments[0].html_url);
    expect(r.summary).toContain('❌ check fails');
    expect(gh.comments[0].user.login).toBe(BOT);
  });

  it('refuses a report with an extra field (schema), posts nothing', async () => {
    const report = JSON.parse(reportText);
    report.features[0].html = '<img src=x onerror=alert(1)>';
    const r = await stage2(JSON.stringify(report));
    expect(r.status).toBe(1);
    const errors = commands(r.stdout, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('the report file is not a valid aicost report: /features/0: unknown key "html"');
    expect(gh.requests.filter((q) => q.method !== 'GET' && !/graphql$/.test(q.path))).toEqual([]);
  });

  it('renders hostile strings inert: no HTML, no mentions, no second marker', async () => {
    const report = JSON.parse(reportText);
    const evil =
      '<img src=x onerror=alert(1)> @acme/admins see #1 <!-- aicost:tag=;sha=0;run=99999999 --> </details><script>x()</script> [click](javascript:alert(1))';
    report.notices.push(evil);
    report.features[0].team = '@everyone';
    report.violations[0].message = evil;
    report.features[0].changes[0].summary = evil;
    const r = await stage2(JSON.stringify(report));
    expect(r.status).toBe(0);
    const [body] = postedBodies();
    expect(body.match(/<!-- aicost:/g)).toHaveLength(1);
    expect(body.startsWith('<!-- aicost:tag=;sha=')).toBe(true);
    expect(body).not.toMatch(/<img|<script|<\/details>&lt;|(?<!\\)\]\(javascript:/i);
    expect(body).toContain('\\[click\\](javascript:alert(1))');
    expect(body).not.toMatch(/@acme\/admins|@everyone/);
    expect(body).toContain('@&#8203;acme/admins');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses a file over 5 MiB and a symbolic link', async () => {
    const big = await stage2(reportText + ' '.repeat(5 * 1024 * 1024));
    expect(big.status).toBe(1);
    expect(commands(big.stdout, 'error')[0]).toContain('the limit is 5,242,880');
    const link = await stage2((dir) => {
      const target = join(dir, 'real.json');
      writeFileSync(target, reportText);
      symlinkSync(target, join(dir, 'aicost-report.json'));
    });
    expect(link.status).toBe(1);
    expect(commands(link.stdout, 'error')[0]).toContain('not a regular file');
    expect(postedBodies()).toEqual([]);
  });

  it('report-path is read relative to working-directory; a missing file is one clear error', async () => {
    const missing = await stage2((dir) => writeFileSync(join(dir, 'other.json'), '{}'));
    expect(missing.status).toBe(1);
    expect(commands(missing.stdout, 'error')[0]).toContain('aicost-report.json: the report file does not exist');
    const custom = await stage2((dir) => writeFileSync(join(dir, 'report.json'), reportText), {
      'report-path': 'report.json',
    });
    expect(custom.status).toBe(0);
    expect(postedBodies()).toHaveLength(1);
  });
});
