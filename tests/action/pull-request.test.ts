/**
 * The committed action bundle on `pull_request` events, end to end: a real clone of a
 * test-merge commit (depth 2), a local GitHub API that answers with GitHub's shapes and records
 * what it receives, and the runner's files (summary, outputs) read back.
 *
 * The PR swaps openai/gpt-4o-mini for openai/gpt-4o on 40 recorded calls (input 1,000…1,039
 * tokens, mean 1,019.5; output mean 200); main moved from 100,000 to 200,000 requests a month
 * after the branch point. Prices per 1M tokens: mini $0.15 in / $0.60 out, 4o $2.50 / $10.
 *   base (main now):  (1,019.5 × 0.15 + 200 × 0.60) / 1e6 = $0.000272925 × 200,000 = $54.585
 *   head (merge):     (1,019.5 × 2.50 + 200 × 10) / 1e6   = $0.00454875  × 200,000 = $909.75
 *   delta $855.165 (+1,566.67%), per request +$0.004275825.
 * Against the branch point instead of main now, the delta would be $882.46: the 100k → 200k
 * change merged to main must not be charged to the PR.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { BOT, FakeGitHub } from './fake-github.js';
import {
  checkout,
  commands,
  config,
  makePr,
  prompt,
  pullRequestPayload,
  runAction,
  jsonl,
  ROWS,
  type PrFixture,
} from './harness.js';

const MINI = 'openai/gpt-4o-mini';
const GPT4O = 'openai/gpt-4o';

const files = (policies?: string) => ({
  '.aicost.yml': config({ policies }),
  'prompts/summary.prompt.yml': prompt(MINI),
  'traffic/summary.jsonl': jsonl(ROWS),
});

/** A fixture whose policy passes (limit $2,000) and one that breaches (limit $500). */
function fixture(policies?: string): PrFixture {
  const base = files(policies);
  return makePr(
    base,
    { 'prompts/summary.prompt.yml': prompt(GPT4O) },
    { '.aicost.yml': config({ rpm: 200000, policies }) },
  );
}

const BREACH = '  max_monthly_increase: 500\n  override_label: aicost-approved\n';

let gh: FakeGitHub;
let passing: PrFixture;
let breaching: PrFixture;
let passWork: string;
let breachWork: string;

beforeAll(async () => {
  passing = fixture();
  breaching = fixture(BREACH);
  passWork = checkout(passing);
  breachWork = checkout(breaching);
});

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});

afterEach(async () => {
  await gh.close();
});

/** A cents output: two decimals, within half a cent of the hand-computed amount. */
function expectCents(output: string, exact: number): void {
  expect(output).toMatch(/^-?\d+\.\d{2}$/);
  expect(Math.abs(Number(output) - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
}

const run = (
  fx: PrFixture,
  work: string,
  o: { inputs?: Record<string, string>; runId?: string; payload?: unknown } = {},
) =>
  runAction({
    workspace: work,
    event: 'pull_request',
    payload: o.payload ?? pullRequestPayload(fx),
    sha: fx.mergeSha,
    gh,
    inputs: o.inputs,
    runId: o.runId,
  });

describe('pull_request: revisions, outputs, summary, annotations', () => {
  it('compares the test-merge commit with its first parent and sets every output', async () => {
    const r = await run(passing, passWork);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.report!.base).toEqual({ rev: passing.baseSha });
    expect(r.report!.head).toEqual({ rev: passing.mergeSha });
    expectCents(r.outputs['monthly-base'], 54.585);
    expect(r.outputs['monthly-head']).toBe('909.75');
    expectCents(r.outputs['monthly-delta'], 855.165);
    expect(r.outputs['monthly-delta-percent']).toBe('1566.67');
    expect(r.outputs['per-request-delta']).toMatch(/^0\.0042758[23]$/);
    expect(r.outputs.breached).toBe('false');
    expect(r.outputs.violations).toBe('0');
    expect(r.outputs['comment-url']).toMatch(/^https:\/\/github\.com\/acme\/shop\/pull\/1#issuecomment-\d+$/);
    // The job summary is the report without the marker.
    expect(r.summary).toContain('aicost: +$855/month');
    expect(r.summary).not.toContain('<!-- aicost:');
    // One notice on the prompt's model line, with the change's dollars.
    const notices = commands(r.stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^::notice title=aicost%3A \+\$855\/month,file=prompts\/summary\.prompt\.yml,line=1::summary: model openai\/gpt-4o-mini → openai\/gpt-4o/,
    );
    // The token is printed only to register it as a secret (the runner masks it everywhere).
    expect(r.stdout.split('\n').filter((l) => l.includes('ghs_testtoken0123456789'))).toEqual([
      '::add-mask::ghs_testtoken0123456789',
    ]);
  });

  it('first run creates one comment: marker first, found by author, token sent as auth', async () => {
    const r = await run(passing, passWork, { runId: '2001' });
    expect(r.status).toBe(0);
    const posts = gh.hits('POST', /\/issues\/1\/comments$/);
    expect(posts).toHaveLength(1);
    const body = (posts[0].body as { body: string }).body;
    expect(body.startsWith(`<!-- aicost:tag=;sha=${passing.mergeSha};run=2001 -->\n`)).toBe(true);
    // One feature, no violation: the comment leaves nothing out, so it does not link to the summary.
    expect(body).not.toContain('https://github.com/acme/shop/actions/runs/2001');
    // The footer names the PR's head commit from the event, not the test-merge commit.
    expect(body).toContain(`head \`${passing.prSha.slice(0, 7)}\``);
    expect(body.length).toBeLessThanOrEqual(60000);
    expect(gh.hits('POST', /^\/graphql$/).map((h) => (h.body as { query: string }).query)).toEqual([
      'query { viewer { login } }',
    ]);
    expect(posts[0].authorization).toBe('token ghs_testtoken0123456789');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].user.login).toBe(BOT);
  });

  it('second run with the same result does not write; a changed result is PATCHed in place', async () => {
    await run(passing, passWork, { runId: '2001' });
    const first = gh.comments[0];
    await run(passing, passWork, { runId: '2002' });
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(1);
    expect(gh.hits('PATCH', /.*/)).toHaveLength(0);
    // An earlier run of ours that said something else: updated, not duplicated.
    first.body = first.body.replace('run=2001', 'run=1999') + '\nAn older figure.';
    const r = await run(passing, passWork, { runId: '2003' });
    const patches = gh.hits('PATCH', /\/issues\/comments\/\d+$/);
    expect(patches.map((p) => p.path)).toEqual([`/repos/acme/shop/issues/comments/${first.id}`]);
    expect((patches[0].body as { body: string }).body).toMatch(/^<!-- aicost:tag=;sha=[0-9a-f]{40};run=2003 -->/);
    expect(gh.comments).toHaveLength(1);
    expect(r.outputs['comment-url']).toBe(first.html_url);
  });

  it('an older run never overwrites a newer run’s comment; other authors’ marker copies are ignored', async () => {
    const fake = gh.addComment('<!-- aicost:tag=;sha=abc;run=1 -->\nI pasted your marker', 'mallory');
    const newer = gh.addComment('<!-- aicost:tag=;sha=abc;run=9000 -->\nnewer report', BOT);
    const r = await run(passing, passWork, { runId: '2001' });
    expect(r.status).toBe(0);
    expect(gh.hits('PATCH', /.*/)).toHaveLength(0);
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(0);
    expect(gh.comments.map((c) => c.body)).toEqual([fake.body, newer.body]);
    expect(r.stdout).toContain('written by a newer run (9000)');
    expect(r.outputs['comment-url']).toBe(newer.html_url);
  });

  it('hide-and-new minimises the old comment by node id and creates a new one', async () => {
    const old = gh.addComment('<!-- aicost:tag=nightly;sha=abc;run=5 -->\nold report', BOT);
    const otherTag = gh.addComment('<!-- aicost:tag=;sha=abc;run=5 -->\nthe untagged job', BOT);
    const r = await run(passing, passWork, {
      runId: '2001',
      inputs: { comment: 'hide-and-new', 'comment-tag': 'nightly' },
    });
    expect(r.status).toBe(0);
    const mutations = gh
      .hits('POST', /^\/graphql$/)
      .filter((h) => /minimizeComment/.test((h.body as { query: string }).query));
    expect(mutations.map((h) => (h.body as { variables: unknown }).variables)).toEqual([{ id: old.node_id }]);
    expect(old.minimized).toBe(true);
    expect(otherTag.minimized).toBeUndefined();
    const posts = gh.hits('POST', /\/issues\/1\/comments$/);
    expect(posts).toHaveLength(1);
    expect((posts[0].body as { body: string }).body).toMatch(/^<!-- aicost:tag=nightly;sha=/);
    expect(gh.comments).toHaveLength(3);
  });

  it('delete-and-new deletes our earlier comments and creates a new one', async () => {
    const a = gh.addComment('<!-- aicost:tag=;sha=abc;run=5 -->\nold', BOT);
    gh.addComment('a human comment', 'alice');
    const r = await run(passing, passWork, { runId: '2001', inputs: { comment: 'delete-and-new' } });
    expect(r.status).toBe(0);
    expect(gh.hits('DELETE', /.*/).map((h) => h.path)).toEqual([`/repos/acme/shop/issues/comments/${a.id}`]);
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(1);
    expect(gh.comments.map((c) => c.user.login)).toEqual(['alice', BOT]);
  });

  it('finds the marker on page 2 of 45 comments (30 a page, Link headers)', async () => {
    let ours = 0;
    for (let i = 0; i < 45; i++) {
      if (i === 40) ours = gh.addComment('<!-- aicost:tag=;sha=abc;run=7 -->\nstale', BOT).id;
      else gh.addComment(`comment ${i}`, i % 2 ? 'alice' : BOT);
    }
    const r = await run(passing, passWork, { runId: '2001' });
    expect(r.status).toBe(0);
    const lists = gh.hits('GET', /\/issues\/1\/comments$/);
    expect(lists.map((l) => l.query)).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }]);
    expect(gh.hits('PATCH', /.*/).map((h) => h.path)).toEqual([`/repos/acme/shop/issues/comments/${ours}`]);
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(0);
  });

  it('comment-threshold above the change: no comment, nothing deleted; comment: off likewise', async () => {
    const r = await run(passing, passWork, { inputs: { 'comment-threshold': '1000' } });
    expect(r.status).toBe(0);
    expect(gh.requests.filter((q) => q.method !== 'GET' && !(q.method === 'POST' && q.path === '/graphql'))).toEqual(
      [],
    );
    expect(r.outputs['comment-url']).toBe('');
    expect(r.outputs['monthly-delta']).not.toBe('');
    const off = await run(passing, passWork, { inputs: { comment: 'off' } });
    expect(off.status).toBe(0);
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(0);
  });

  it('a 502 on the first comment POST is retried once and succeeds', async () => {
    gh.fail('POST', /\/issues\/1\/comments$/, 502, { message: 'Server Error' }, 1);
    const r = await run(passing, passWork);
    expect(r.status).toBe(0);
    expect(gh.hits('POST', /\/issues\/1\/comments$/)).toHaveLength(2);
    expect(gh.comments).toHaveLength(1);
    expect(r.outputs['comment-url']).toBe(gh.comments[0].html_url);
  });
});

describe('read-only tokens (fork PRs)', () => {
  const forbid = () =>
    gh.fail(
      'POST',
      /\/issues\/1\/comments$/,
      403,
      {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403',
      },
      Infinity,
      {
        'x-accepted-github-permissions': 'issues=write; pull_requests=write',
      },
    );

  it('403 on commenting: one try, a warning, summary and outputs still there, exit 0', async () => {
    forbid();
    const r = await run(passing, passWork, { payload: pullRequestPayload(passing, { fork: true }) });
    expect(r.status).toBe(0);
    expect(gh.hits('POST', /\/issues\/1\/comments$/)).toHaveLength(1);
    expect(commands(r.stdout, 'warning').join('\n')).toContain(
      'cannot comment: the token is read-only for pull requests from forks',
    );
    expect(r.summary).toContain('aicost: +$855/month');
    expect(r.outputs.breached).toBe('false');
    expect(r.outputs['comment-url']).toBe('');
  });

  it('403 on commenting with a breach: the check still fails with the violation', async () => {
    forbid();
    const r = await run(breaching, breachWork);
    expect(r.status).toBe(1);
    expect(r.outputs.breached).toBe('true');
    const errors = commands(r.stdout, 'error');
    expect(errors.some((e) => e.startsWith('::error::aicost: 1 policy fails:%0A- max_monthly_increase:'))).toBe(true);
    expect(r.summary).toContain('❌ check fails');
  });
});

describe('breach, fail-on-breach and the override label', () => {
  it('a breach fails the check with an error annotation; fail-on-breach: false passes', async () => {
    const r = await run(breaching, breachWork);
    expect(r.status).toBe(1);
    expect(r.report!.violations.map((v) => [v.rule, v.severity, v.overridden])).toEqual([
      ['max_monthly_increase', 'error', false],
    ]);
    expect(
      commands(r.stdout, 'error').filter((e) => e.startsWith('::error title=aicost%3A max_monthly_increase')),
    ).toHaveLength(1);
    const lenient = await run(breaching, breachWork, { inputs: { 'fail-on-breach': 'false' } });
    expect(lenient.status).toBe(0);
    expect(lenient.outputs.breached).toBe('true');
  });

  it('the label applied after the event (payload has no labels) is read live and overrides', async () => {
    gh.applyLabel('aicost-approved', 'finops-lead');
    const r = await run(breaching, breachWork, { payload: pullRequestPayload(breaching, { labels: [] }) });
    expect(r.status).toBe(0);
    expect(r.report!.breached).toBe(false);
    expect(r.report!.violations.map((v) => [v.rule, v.severity, v.overridden])).toEqual([
      ['max_monthly_increase', 'warning', true],
    ]);
    expect(gh.hits('GET', /\/issues\/1\/labels$/)).toHaveLength(1);
    expect(gh.hits('GET', /\/issues\/1\/events$/)).toHaveLength(1);
    expect(JSON.stringify(r.report!.notices)).toContain('finops-lead');
  });

  it('a bad boolean input fails with a message naming the input', async () => {
    const r = await run(passing, passWork, { inputs: { 'fail-on-breach': 'yes' } });
    expect(r.status).toBe(1);
    expect(commands(r.stdout, 'error')).toEqual([
      expect.stringContaining('::error::input fail-on-breach must be true or false, not "yes"'),
    ]);
    expect(Object.keys(r.outputs).sort()).toEqual([
      'breached',
      'comment-url',
      'monthly-base',
      'monthly-delta',
      'monthly-delta-percent',
      'monthly-head',
      'per-request-delta',
      'report',
      'violations',
    ]);
  });
});
