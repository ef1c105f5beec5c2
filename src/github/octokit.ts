/**
 * The one Octokit of the action: REST at GITHUB_API_URL, GraphQL at GITHUB_GRAPHQL_URL, bounded
 * retries for rate limits and transient server errors, none for answers that will not change.
 */
import * as core from './core.js';
import type { getOctokit } from '@actions/github';

/** The client type the rest of src/github works with. */
export type Octokit = ReturnType<typeof getOctokit>;

/** GraphQL as a function of query and variables, posting to the configured endpoint. */
export type GraphQL = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** Rate-limit waits retried at most this many times (three attempts in all). */
const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * Statuses that are the answer, not a hiccup: retrying a 403 (read-only fork token) or a 422
 * (body too long) only repeats it. 429 is the throttling plugin's to handle.
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** Options of the factory (tests shorten the waits). */
export interface OctokitSettings {
  apiUrl: string;
  graphqlUrl: string;
  /** Retries of 5xx and network errors (plugin-retry; waits 1 s, 4 s, …). */
  retries?: number;
}

/**
 * Build the client (the caller has registered the token as a secret, so that the runner masks it
 * in any log line, before anything could print). GraphQL goes to `graphqlUrl` exactly: @octokit/graphql would post to `${baseUrl}/graphql`
 * (or `/api/graphql` for a GHES `/api/v3` base), which is wrong for proxies and custom setups.
 * Octokit and its plugins are loaded here, on first use (a separate chunk of the bundle): the
 * action calls this only on the paths that may call the API (a diff, comment-from-report), so an
 * estimate (push, workflow_dispatch) does not pay their start-up.
 */
export async function createOctokit(
  token: string,
  settings: OctokitSettings,
): Promise<{ octokit: Octokit; graphql: GraphQL }> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const octokit = getOctokit(
    token,
    {
      baseUrl: settings.apiUrl,
      throttle: {
        onRateLimit: (
          retryAfter: number,
          options: { method?: string; url?: string },
          _o: unknown,
          retryCount: number,
        ) => {
          core.warning(
            `GitHub API rate limit hit on ${options.method ?? ''} ${options.url ?? ''}; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying after ${retryAfter} s` : 'giving up'}.`,
          );
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method?: string; url?: string },
          _o: unknown,
          retryCount: number,
        ) => {
          core.warning(
            `GitHub API secondary rate limit hit on ${options.method ?? ''} ${options.url ?? ''}; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying after ${retryAfter} s` : 'giving up'}.`,
          );
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
      },
      retry: { doNotRetry: DO_NOT_RETRY, retries: settings.retries ?? 2 },
    },
    throttling,
    retry,
  );
  // An absolute `url` wins over `baseUrl`; the base is set too because @octokit/graphql rewrites
  // the URL itself when the base ends in /api/v3.
  const gql = octokit.graphql.defaults({ baseUrl: settings.graphqlUrl, url: settings.graphqlUrl });
  const graphql: GraphQL = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables);
  return { octokit, graphql };
}

/** The HTTP status of an Octokit error, or undefined for other errors. */
export function statusOf(error: unknown): number | undefined {
  const s = error && typeof error === 'object' ? (error as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : undefined;
}
