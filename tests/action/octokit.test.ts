/**
 * The Octokit factory against the local fake API, in-process: which failures are retried (502
 * yes, 403/422 no, a secondary rate limit at most twice), and where GraphQL goes.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createOctokit, DO_NOT_RETRY, statusOf } from '../../src/github/octokit.js';
import { FakeGitHub } from './fake-github.js';

let gh: FakeGitHub;
let write: ReturnType<typeof jest.spyOn>;

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
  // core writes workflow commands (add-mask, warning) to stdout; keep the test log clean.
  write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  write.mockRestore();
  await gh.close();
});

const client = (graphqlPath = '/graphql', apiPath = '') =>
  createOctokit('ghs_unit', { apiUrl: `${gh.url}${apiPath}`, graphqlUrl: `${gh.url}${graphqlPath}` });
const create = (o: Awaited<ReturnType<typeof client>>['octokit']) =>
  o.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: 'x' });

describe('createOctokit', () => {
  it('retries a 502 and succeeds on the second try', async () => {
    gh.fail('POST', /\/comments$/, 502, { message: 'Bad Gateway' }, 1);
    const res = await create((await client()).octokit);
    expect(res.status).toBe(201);
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(2);
  });

  it('does not retry 403 (read-only token) or 422 (body too long)', async () => {
    gh.fail('POST', /\/comments$/, 403, { message: 'Resource not accessible by integration' }, 1, {
      'x-accepted-github-permissions': 'issues=write; pull_requests=write',
    });
    const e403 = await create((await client()).octokit).catch((e: unknown) => e);
    expect(statusOf(e403)).toBe(403);
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(1);
    gh.fail(
      'POST',
      /\/comments$/,
      422,
      {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      },
      1,
    );
    const e422 = await create((await client()).octokit).catch((e: unknown) => e);
    expect(statusOf(e422)).toBe(422);
    expect(gh.hits('POST', /\/comments$/)).toHaveLength(2);
    expect(DO_NOT_RETRY).toEqual([400, 401, 403, 404, 410, 422, 429, 451]);
  });

  it('a secondary rate limit is retried at most twice, with a warning each time', async () => {
    gh.fail(
      'GET',
      /\/issues\/1\/labels$/,
      403,
      { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
      Infinity,
      { 'retry-after': '1' },
    );
    const { octokit } = await client();
    const err = await octokit.rest.issues
      .listLabelsOnIssue({ owner: 'acme', repo: 'shop', issue_number: 1 })
      .catch((e: unknown) => e);
    expect(statusOf(err)).toBe(403);
    expect(gh.hits('GET', /\/labels$/)).toHaveLength(3);
    const warnings = write.mock.calls
      .map((c: unknown[]) => String(c[0]))
      .filter((l: string) => l.startsWith('::warning::GitHub API secondary rate limit'));
    expect(warnings).toHaveLength(3);
    expect(warnings[2]).toContain('giving up');
  });

  it('GraphQL posts to GITHUB_GRAPHQL_URL exactly, also beside a GHES /api/v3 REST base', async () => {
    gh.graphqlPath = '/custom/graphql';
    const { graphql } = await client('/custom/graphql', '/api/v3');
    const data = await graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(data).toEqual({ viewer: { login: 'github-actions[bot]' } });
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /custom/graphql']);
    expect(gh.requests[0].authorization).toBe('token ghs_unit');
  });
});
