/**
 * The run's context from the runner's environment and event payload: which event, which
 * repository, which commit, which pull request. Read once, plain data afterwards.
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** Owner and name of a repository. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** What the action needs to know about the run. */
export interface ActionContext {
  eventName: string;
  /** The event payload (GITHUB_EVENT_PATH), `{}` when there is none (local runs). */
  payload: Record<string, unknown>;
  /** GITHUB_SHA: on `pull_request` the test-merge commit, on `pull_request_target` the base tip. */
  sha: string;
  repo: RepoRef;
  /** GITHUB_RUN_ID as digits ('0' when unknown). */
  runId: string;
  serverUrl: string;
  apiUrl: string;
  /** GITHUB_GRAPHQL_URL, or derived from the API URL. */
  graphqlUrl: string;
  /** The run's page: the job summary is one click from there. */
  runUrl: string;
  /** RUNNER_TEMP, where the report file goes. */
  runnerTemp?: string;
}

/** Event payloads larger than this are not read (GitHub's are far smaller). */
const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    if (statSync(path).size > MAX_PAYLOAD_BYTES)
      throw new UsageError(`the event payload ${path} is larger than 25 MiB`);
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${e instanceof Error ? e.message : String(e)}`,
      {
        hint: 'Run the action inside GitHub Actions, or point GITHUB_EVENT_PATH at a JSON event payload.',
      },
    );
  }
}

/** GitHub's default GraphQL endpoint for an API URL: api.github.com/graphql, or GHES's /api/graphql. */
function graphqlFor(apiUrl: string): string {
  const trimmed = apiUrl.replace(/\/+$/, '');
  if (/\/api\/v3$/.test(trimmed)) return trimmed.replace(/\/api\/v3$/, '/api/graphql');
  return `${trimmed}/graphql`;
}

/** Read the context from the environment the runner provides. */
export function readContext(env: NodeJS.ProcessEnv = process.env): ActionContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const runId = /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? (env.GITHUB_RUN_ID as string) : '0';
  const attempt =
    /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') && env.GITHUB_RUN_ATTEMPT !== '1'
      ? `/attempts/${env.GITHUB_RUN_ATTEMPT}`
      : '';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    sha: env.GITHUB_SHA ?? '',
    repo: { owner, repo },
    runId,
    serverUrl,
    apiUrl,
    graphqlUrl: (env.GITHUB_GRAPHQL_URL || graphqlFor(apiUrl)).replace(/\/+$/, ''),
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${attempt}`,
    runnerTemp: env.RUNNER_TEMP || undefined,
  };
}

/** A nested value of the payload, or undefined. */
export function field(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A nested string of the payload, or undefined. */
export function stringField(obj: unknown, ...path: string[]): string | undefined {
  const v = field(obj, ...path);
  return typeof v === 'string' ? v : undefined;
}

/** The pull request number of a `pull_request`/`pull_request_target` payload. */
export function pullNumber(payload: Record<string, unknown>): number | undefined {
  const n = field(payload, 'pull_request', 'number') ?? payload.number;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
