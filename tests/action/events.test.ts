/**
 * The committed action bundle on the other events and checkouts: push (estimate), merge_group
 * (verdict, no comment), pull_request_target (the merge ref fetched as data, the token only in
 * git's environment config), a monorepo package via working-directory, a clone too shallow for
 * the base, override approvers (teams), and GITHUB_GRAPHQL_URL on a GHES-style path.
 *
 * Figures as in pull-request.test.ts: main at 200,000 requests costs $54.585 a month on
 * gpt-4o-mini; the PR's gpt-4o makes it $909.75 (+$855.165).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../helpers/run.js';
import { FakeGitHub } from './fake-github.js';
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

const files = (policies?: string, rpm?: number) => ({
  '.aicost.yml': config({ policies, rpm }),
  'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
  'traffic/summary.jsonl': jsonl(ROWS),
});
const fixture = (policies?: string, prefix = ''): PrFixture =>
  makePr(
    files(policies),
    { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') },
    { '.aicost.yml': config({ rpm: 200000, policies }) },
    prefix,
  );

const BREACH = '  max_monthly_increase: 500\n  override_label: aicost-approved\n';

let gh: FakeGitHub;
let breaching: PrFixture;

beforeAll(() => {
  breaching = fixture(BREACH);
});

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});

afterEach(async () => {
  await gh.close();
});

const writes = () => gh.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && /graphql$/.test(r.path)));

describe('push and merge_group', () => {
  it('push: an estimate of the pushed commit in the summary, no API call', async () => {
    const work = checkout(breaching, 1, 'refs/heads/main');
    const payload = {
      ref: 'refs/heads/main',
      before: breaching.forkPointSha,
      after: breaching.baseSha,
      repository: { id: 42, full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
    };
    const r = await runAction({ workspace: work, event: 'push', payload, sha: breaching.baseSha, gh });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.summary).toContain(`### aicost estimate · \`${breaching.baseSha.slice(0, 12)}\``);
    // $54.585 rounds either way at half a cent; the summary shows cents.
    expect(['54.58', '54.59']).toContain(r.outputs['monthly-head']);
    expect(r.outputs['monthly-base']).toBe('');
    expect(r.outputs.breached).toBe('false');
    expect((r.report as { kind?: string }).kind).toBe('estimate');
    expect(gh.requests).toEqual([]);
  });

  it('merge_group: verdict and summary for the group’s base and head, no comment', async () => {
    const work = checkout(breaching, 2);
    const payload = {
      action: 'checks_requested',
      merge_group: {
        head_sha: breaching.mergeSha,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-1-${breaching.baseSha}`,
        base_sha: breaching.baseSha,
        base_ref: 'refs/heads/main',
        head_commit: { id: breaching.mergeSha, message: 'Merge pull request #1', author: { name: 'Test' } },
      },
      repository: { id: 42, full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
    };
    const r = await runAction({ workspace: work, event: 'merge_group', payload, sha: breaching.mergeSha, gh });
    expect(r.status).toBe(1);
    expect(r.report!.base).toEqual({ rev: breaching.baseSha });
    expect(r.report!.head).toEqual({ rev: breaching.mergeSha });
    expect(r.outputs.breached).toBe('true');
    expect(r.summary).toContain('❌ check fails');
    expect(writes()).toEqual([]);
    expect(gh.hits('GET', /\/comments$/)).toEqual([]);
    // The queue branch names PR 1: its override label is read (and absent here).
    expect(gh.hits('GET', /\/issues\/1\/labels$/)).toHaveLength(1);
  });
});

describe('checkouts', () => {
  it('a clone of depth 1 has no base: one error with the exact fix, no API call', async () => {
    const work = checkout(breaching, 1);
    const r = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(breaching),
      sha: breaching.mergeSha,
      gh,
    });
    expect(r.status).toBe(1);
    const errors = commands(r.stdout, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`first parent of the test-merge commit ${breaching.mergeSha.slice(0, 12)}`);
    expect(errors[0]).toContain('fetch-depth: 2');
    expect(r.summary).toContain('aicost could not run');
    expect(r.outputs.report).toBe('');
    expect(gh.requests).toEqual([]);
  });

  it('a monorepo package via working-directory: annotations carry the package path', async () => {
    const mono = fixture(undefined, 'services/support');
    const work = checkout(mono, 2);
    const r = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(mono),
      sha: mono.mergeSha,
      gh,
      inputs: { 'working-directory': 'services/support' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs['monthly-head']).toBe('909.75');
    const notices = commands(r.stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('file=services/support/prompts/summary.prompt.yml,line=1::');
  });

  it('working-directory on a directory where the PR adds its own .aicost.yml: the base project decides, the check fails', async () => {
    // The PR swaps the model ($54.585 → $909.75 against a $500 limit) and adds prompts/.aicost.yml
    // with its own volume and limits; the project is located at base: the root config.
    const nested =
      'version: 1\nfeatures:\n  summary:\n    team: mine\n    prompt: summary.prompt.yml\n    requests_per_month: 10\nteams:\n  mine: { monthly_budget: 1000000 }\npolicies:\n  max_monthly_increase: 1000000\n';
    const fx = makePr(
      files(BREACH),
      { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o'), 'prompts/.aicost.yml': nested },
      { '.aicost.yml': config({ rpm: 200000, policies: BREACH }) },
    );
    const work = checkout(fx, 2);
    const r = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(fx),
      sha: fx.mergeSha,
      gh,
      inputs: { 'working-directory': 'prompts' },
    });
    expect(r.status).toBe(1);
    expect(r.outputs.breached).toBe('true');
    expect(r.outputs['monthly-head']).toBe('909.75');
    expect(r.report!.violations.map((v) => [v.rule, v.severity])).toEqual([['max_monthly_increase', 'error']]);
    expect((r.report!.notices as string[])[0]).toMatch(
      /^This PR adds prompts\/\.aicost\.yml \(from the project root\), a config nested in the project of \.aicost\.yml/,
    );
  });

  it('working-directory outside the workspace is refused, naming the input', async () => {
    const work = checkout(breaching, 2);
    const r = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(breaching),
      sha: breaching.mergeSha,
      gh,
      inputs: { 'working-directory': '../elsewhere' },
    });
    expect(r.status).toBe(1);
    expect(commands(r.stdout, 'error')).toEqual([
      expect.stringContaining('::error::input working-directory (\"../elsewhere\") resolves to'),
    ]);
  });

  it('pull_request_target: fetches refs/pull/1/merge as data; the token is in git’s environment, never in argv', async () => {
    // The base branch is checked out (GITHUB_SHA = base tip), as pull_request_target does.
    const work = checkout(breaching, 1, 'refs/heads/main');
    const shim = mkdtempSync(join(tmpdir(), 'aicost-shim-'));
    const log = join(shim, 'log');
    writeFileSync(
      join(shim, 'git'),
      `#!/bin/sh\nprintf 'ARGV %s\\n' "$*" >> "${log}"\nenv | grep -E '^GIT_(CONFIG_|OPTIONAL_LOCKS)' | sed 's/^/ENV /' >> "${log}"\nexec /usr/bin/git "$@"\n`,
    );
    chmodSync(join(shim, 'git'), 0o755);
    const r = await runAction({
      workspace: work,
      event: 'pull_request_target',
      payload: pullRequestPayload(breaching),
      sha: breaching.baseSha,
      gh,
      env: { PATH: `${shim}:${process.env.PATH}` },
    });
    expect(r.status).toBe(1);
    expect(r.report!.head).toEqual({ rev: breaching.mergeSha });
    expect(r.report!.base).toEqual({ rev: breaching.baseSha });
    expect(git(work, 'rev-parse', 'refs/remotes/aicost/pr-1').trim()).toBe(breaching.mergeSha);
    // Nothing was checked out: HEAD is still the base.
    expect(git(work, 'rev-parse', 'HEAD').trim()).toBe(breaching.baseSha);
    const lines = readFileSync(log, 'utf8').split('\n');
    const fetch = lines.filter((l) => l.startsWith('ARGV ') && / fetch /.test(l));
    // The fetch runs through the one git runner: the same hardening as every other git call.
    expect(fetch).toEqual([
      `ARGV -c safe.directory=${work} -c core.hooksPath=/dev/null -c core.fsmonitor=false --no-pager fetch --no-tags --no-recurse-submodules --depth=2 origin +refs/pull/1/merge:refs/remotes/aicost/pr-1`,
    ]);
    const at = lines.indexOf(fetch[0]);
    const next = lines.findIndex((l, i) => i > at && l.startsWith('ARGV '));
    expect(lines.slice(at + 1, next < 0 ? undefined : next)).toContain('ENV GIT_OPTIONAL_LOCKS=0');
    const basic = Buffer.from('x-access-token:ghs_testtoken0123456789').toString('base64');
    expect(lines).toContain('ENV GIT_CONFIG_KEY_0=http.https://github.com/.extraheader');
    expect(lines).toContain('ENV GIT_CONFIG_VALUE_0=');
    expect(lines).toContain(`ENV GIT_CONFIG_VALUE_1=AUTHORIZATION: basic ${basic}`);
    for (const l of lines.filter((x) => x.startsWith('ARGV '))) {
      expect(l).not.toContain('ghs_testtoken');
      expect(l).not.toContain(basic);
    }
    // Only the runner's mask registrations carry it (the runner then hides it in every line).
    expect(r.stdout.split('\n').filter((l) => l.includes('ghs_testtoken') || l.includes(basic))).toEqual([
      '::add-mask::ghs_testtoken0123456789',
      `::add-mask::${basic}`,
    ]);
  });
});

describe('override approvers and GraphQL endpoint', () => {
  const APPROVERS =
    '  max_monthly_increase: 500\n  override_label: aicost-approved\n  override_approvers: ["@acme/finops", "@dana"]\n';
  let fx: PrFixture;
  let work: string;
  beforeAll(() => {
    fx = fixture(APPROVERS);
    work = checkout(fx, 2);
  });

  it('a label applied by someone outside the approvers does not count; a team member’s does', async () => {
    gh.teams['acme/finops'] = ['carol'];
    gh.applyLabel('aicost-approved', 'bob');
    const r1 = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(fx),
      sha: fx.mergeSha,
      gh,
      inputs: { comment: 'off' },
    });
    expect(r1.status).toBe(1);
    expect(gh.hits('GET', /^\/orgs\/acme\/teams\/finops\/memberships\/bob$/)).toHaveLength(1);
    expect(JSON.stringify(r1.report!.notices)).toContain('applied by bob, who is not in policies.override_approvers');
    // carol removes and re-applies it: the last `labeled` event is hers.
    gh.applyLabel('aicost-approved', 'carol', '2026-11-28T11:00:00Z');
    const r2 = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(fx),
      sha: fx.mergeSha,
      gh,
      inputs: { comment: 'off' },
    });
    expect(r2.status).toBe(0);
    expect(r2.report!.violations.map((v) => v.overridden)).toEqual([true]);
    expect(gh.hits('GET', /^\/orgs\/acme\/teams\/finops\/memberships\/carol$/)).toHaveLength(1);
  });

  it('GITHUB_GRAPHQL_URL is honoured as given (GHES /api/graphql)', async () => {
    gh.graphqlPath = '/api/graphql';
    const r = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(fx),
      sha: fx.mergeSha,
      gh,
      inputs: { 'fail-on-breach': 'false' },
    });
    expect(r.status).toBe(0);
    expect(gh.hits('POST', /^\/api\/graphql$/)).toHaveLength(1);
    expect(gh.hits('POST', /^\/graphql$/)).toHaveLength(0);
    expect(gh.hits('POST', /\/issues\/1\/comments$/)).toHaveLength(1);
  });
});
