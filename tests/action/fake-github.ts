/**
 * A local stand-in for api.github.com (node:http on 127.0.0.1, random port) that answers the
 * endpoints the action uses with the shapes GitHub returns, paginates with Link headers at 30
 * items per page whatever `per_page` asks for, and records every request it receives.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization?: string;
}

/** A GitHub user object (REST "simple user"). */
export function user(login: string, type: 'User' | 'Bot' = 'User', id = 1000 + login.length) {
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    type,
    site_admin: false,
  };
}

/** An issue comment as `GET /repos/{o}/{r}/issues/{n}/comments` returns it. */
export interface CommentObject {
  url: string;
  html_url: string;
  issue_url: string;
  id: number;
  node_id: string;
  user: ReturnType<typeof user>;
  created_at: string;
  updated_at: string;
  author_association: string;
  body: string;
  performed_via_github_app: null;
  reactions: Record<string, unknown>;
  /** Not a REST field: what the minimizeComment mutation did (GraphQL `isMinimized`). */
  minimized?: boolean;
}

/** A failure to inject: the next `times` requests matching method and path get this answer. */
interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  times: number;
}

const PAGE = 30;
export const BOT = 'github-actions[bot]';

/** The fake API for one repository. */
export class FakeGitHub {
  readonly requests: Recorded[] = [];
  comments: CommentObject[] = [];
  labels: string[] = [];
  events: Record<string, unknown>[] = [];
  /** `org/slug` → active member logins. */
  teams: Record<string, string[]> = {};
  /** sha → pulls of `GET /repos/{o}/{r}/commits/{sha}/pulls`. */
  pullsForCommit: Record<string, Record<string, unknown>[]> = {};
  viewer = BOT;
  graphqlPath = '/graphql';
  private failures: Failure[] = [];
  private nextId = 1_000_000;
  private server?: Server;
  url = '';

  constructor(
    readonly owner = 'acme',
    readonly repo = 'shop',
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Answer the next `times` matching requests with `status` and `body`. */
  fail(
    method: string,
    path: RegExp,
    status: number,
    body: unknown,
    times = Number.POSITIVE_INFINITY,
    headers: Record<string, string> = {},
  ): void {
    this.failures.push({ method, path, status, body, headers, times });
  }

  /** A comment that exists before the run. */
  addComment(body: string, login = BOT, issue = 1): CommentObject {
    const id = this.nextId++;
    const c: CommentObject = {
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${issue}`,
      id,
      node_id: `IC_kwDOA${id.toString(36).toUpperCase()}`,
      user: user(login, login.endsWith('[bot]') ? 'Bot' : 'User', login === BOT ? 41898282 : undefined),
      created_at: '2026-11-27T12:00:00Z',
      updated_at: '2026-11-27T12:00:00Z',
      author_association: login === BOT ? 'NONE' : 'CONTRIBUTOR',
      body,
      performed_via_github_app: null,
      reactions: {
        url: '',
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
    };
    this.comments.push(c);
    return c;
  }

  /** A label applied to the PR by `login` (live state plus the `labeled` event). */
  applyLabel(name: string, login: string, at = '2026-11-28T09:30:00Z'): void {
    this.labels.push(name);
    this.events.push({
      id: 900 + this.events.length,
      node_id: `LE_lADO${this.events.length}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/events/${900 + this.events.length}`,
      actor: user(login),
      event: 'labeled',
      commit_id: null,
      commit_url: null,
      created_at: at,
      label: { name, color: 'd73a4a' },
      performed_via_github_app: null,
    });
  }

  /** Requests matching method and a path pattern. */
  hits(method: string, path: RegExp): Recorded[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...headers,
    });
    res.end(text);
  }

  /** A page of `items` with GitHub's Link header (30 per page, whatever per_page says). */
  private page(res: ServerResponse, path: string, query: Record<string, string>, items: unknown[]): void {
    const page = Math.max(1, Number(query.page ?? '1') || 1);
    const last = Math.max(1, Math.ceil(items.length / PAGE));
    const link = (p: number) => {
      const q = new URLSearchParams({ ...query, page: String(p) });
      return `${this.url}${path}?${q.toString()}`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`);
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    this.send(res, 200, items.slice((page - 1) * PAGE, page * PAGE), rels.length ? { link: rels.join(', ') } : {});
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const u = new URL(req.url ?? '/', this.url);
    const query = Object.fromEntries(u.searchParams.entries());
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: u.pathname, query, body, authorization: req.headers.authorization });

    const failure = this.failures.find((f) => f.times > 0 && f.method === method && f.path.test(u.pathname));
    if (failure) {
      failure.times--;
      return this.send(res, failure.status, failure.body, failure.headers);
    }

    const repo = `/repos/${this.owner}/${this.repo}`;
    const p = u.pathname;
    let m: RegExpExecArray | null;
    if (method === 'POST' && p === this.graphqlPath)
      return this.graphql(res, body as { query: string; variables?: Record<string, unknown> });
    if ((m = new RegExp(`^${repo}/issues/(\\d+)/comments$`).exec(p))) {
      const issue = Number(m[1]);
      if (method === 'GET')
        return this.page(
          res,
          p,
          query,
          this.comments.filter((c) => c.issue_url.endsWith(`/issues/${issue}`)),
        );
      if (method === 'POST') {
        const c = this.addComment((body as { body: string }).body, this.viewer, issue);
        c.created_at = c.updated_at = '2026-11-28T10:00:00Z';
        const { minimized: _m, ...rest } = c;
        return this.send(res, 201, rest);
      }
    }
    if ((m = new RegExp(`^${repo}/issues/comments/(\\d+)$`).exec(p))) {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c)
        return this.send(res, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
          status: '404',
        });
      if (method === 'PATCH') {
        c.body = (body as { body: string }).body;
        c.updated_at = '2026-11-28T10:00:00Z';
        const { minimized: _m, ...rest } = c;
        return this.send(res, 200, rest);
      }
      if (method === 'DELETE') {
        this.comments = this.comments.filter((x) => x !== c);
        res.writeHead(204);
        res.end();
        return;
      }
    }
    if (method === 'GET' && new RegExp(`^${repo}/issues/\\d+/labels$`).test(p)) {
      return this.page(
        res,
        p,
        query,
        this.labels.map((name, i) => ({
          id: 5000 + i,
          node_id: `LA_kwDO${i}`,
          url: `${this.url}${repo}/labels/${encodeURIComponent(name)}`,
          name,
          color: 'd73a4a',
          default: false,
          description: null,
        })),
      );
    }
    if (method === 'GET' && new RegExp(`^${repo}/issues/\\d+/events$`).test(p))
      return this.page(res, p, query, this.events);
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(p))) {
      const members = this.teams[`${m[1]}/${m[2]}`] ?? [];
      if (members.includes(decodeURIComponent(m[3]))) {
        return this.send(res, 200, { url: `${this.url}${p}`, role: 'member', state: 'active' });
      }
      return this.send(res, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/teams/members#get-team-membership-for-a-user',
        status: '404',
      });
    }
    if (method === 'GET' && (m = new RegExp(`^${repo}/commits/([0-9a-f]{40})/pulls$`).exec(p))) {
      return this.send(res, 200, this.pullsForCommit[m[1]] ?? []);
    }
    if (method === 'GET' && p === `${repo}/pulls`) return this.send(res, 200, []);
    return this.send(res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
  }

  private graphql(res: ServerResponse, body: { query: string; variables?: Record<string, unknown> }): void {
    const q = body?.query ?? '';
    if (/minimizeComment/.test(q)) {
      const id = body.variables?.id;
      const c = this.comments.find((x) => x.node_id === id);
      if (!c) {
        return this.send(res, 200, {
          data: { minimizeComment: null },
          errors: [
            {
              type: 'NOT_FOUND',
              path: ['minimizeComment'],
              locations: [{ line: 2, column: 3 }],
              message: `Could not resolve to a node with the global id of '${String(id)}'`,
            },
          ],
        });
      }
      c.minimized = true;
      return this.send(res, 200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
    }
    if (/viewer/.test(q)) return this.send(res, 200, { data: { viewer: { login: this.viewer } } });
    return this.send(res, 200, { errors: [{ message: 'Unknown query' }] });
  }
}

/** The pull object of `GET /repos/{o}/{r}/commits/{sha}/pulls` (the fields aicost reads, in their real places). */
export function pullObject(gh: FakeGitHub, n: number, headSha: string, headRepo: string) {
  const base = { full_name: `${gh.owner}/${gh.repo}`, name: gh.repo, owner: user(gh.owner), id: 42 };
  return {
    url: `${gh.url}/repos/${gh.owner}/${gh.repo}/pulls/${n}`,
    id: 7000 + n,
    node_id: `PR_kwDO${n}`,
    html_url: `https://github.com/${gh.owner}/${gh.repo}/pull/${n}`,
    number: n,
    state: 'open',
    locked: false,
    title: 'Use a bigger model',
    user: user(headRepo.split('/')[0]),
    head: {
      label: `${headRepo.split('/')[0]}:pr`,
      ref: 'pr',
      sha: headSha,
      user: user(headRepo.split('/')[0]),
      repo: { id: 43, name: headRepo.split('/')[1], full_name: headRepo },
    },
    base: { label: `${gh.owner}:main`, ref: 'main', sha: '0'.repeat(40), user: user(gh.owner), repo: base },
  };
}
