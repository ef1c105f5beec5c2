import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { RepoError } from '../errors.js';
import { commitDate, FULL_SHA, git, spawnGit } from './git.js';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { looksBinary, safeRelativePath } from './paths.js';
import { MAX_TEXT_BYTES, type RevisionReader } from './reader.js';
import { grouped } from '../text/index.js';

/** Blobs up to this size are opened through `cat-file --batch` (whole, in memory); larger ones are streamed. */
const MAX_BATCH_BLOB = 64 * 1024 * 1024;
interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  size: number;
}

/** A commit's files under a prefix, and the symbolic links skipped there. */
interface Listing {
  map: Map<string, TreeEntry>;
  links: string[];
}

/**
 * Listings by repository, commit and prefix: a run opens the same commit several times (finding
 * the project, reading config and artifacts), and a commit's tree never changes. Bounded, because
 * tests run many repositories in one process.
 */
const listings = new Map<string, Promise<Listing>>();
const LISTINGS_MAX = 16;

/**
 * The listing of `rev` under `prefix` (relative to `cwd`'s top level), paths relative to the
 * prefix. `inCwd` lists the subtree of the directory git runs in instead (paths relative to it:
 * git's own behaviour without `--full-tree`), the same listing when `cwd` is that prefix.
 */
async function listTree(cwd: string, rev: string, prefix: string, inCwd = false): Promise<Listing> {
  const args = inCwd ? ['ls-tree', '-r', '-z', '-l', rev] : ['ls-tree', '-r', '-z', '-l', '--full-tree', rev];
  if (prefix) args.push('--', prefix);
  const out = (await git(cwd, args)).toString('utf8');
  const map = new Map<string, TreeEntry>();
  const links: string[] = [];
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, sha, size] = rec.slice(0, tab).split(/\s+/);
    let path = rec.slice(tab + 1);
    if (prefix) {
      if (!path.startsWith(prefix + '/')) continue;
      path = path.slice(prefix.length + 1);
    }
    if (mode === '120000') links.push(path);
    else if (type === 'blob') map.set(path, { mode, type, sha, size: Number(size) });
  }
  return { map, links };
}

const listingKey = (gitRoot: string, rev: string, prefix: string): string => `${gitRoot}\0${rev}\0${prefix}`;

function keepListing(key: string, p: Promise<Listing>): void {
  if (listings.size >= LISTINGS_MAX) listings.delete(listings.keys().next().value!);
  listings.set(key, p);
  p.catch(() => listings.delete(key));
}

function listing(gitRoot: string, rev: string, prefix: string): Promise<Listing> {
  if (!FULL_SHA.test(rev)) return listTree(gitRoot, rev, prefix);
  const key = listingKey(gitRoot, rev, prefix);
  let p = listings.get(key);
  if (!p) keepListing(key, (p = listTree(gitRoot, rev, prefix)));
  return p;
}

/**
 * Starts listing each full-SHA commit in `revs` under `dir` while the caller is still asking git
 * where the clone starts (`top`): run in `dir`, `ls-tree` lists that directory's subtree of the
 * commit, so the two git processes run side by side instead of in turn (on a small run, each
 * process in turn is ~15 ms of the start). Once `top` names the clone, the listing serves
 * readers of those commits whose project is `dir` (the usual case: the config sits in the working
 * directory); should it fail, it is asked again from the top level, so a reader sees the message
 * it would have seen without this.
 */
export function listAhead(dir: string, revs: readonly string[], top: Promise<string | null>): void {
  for (const rev of new Set(revs)) {
    if (!FULL_SHA.test(rev)) continue;
    const early = listTree(dir, rev, '', true);
    early.catch(() => undefined);
    top.then(
      (root) => {
        if (!root) return;
        // The prefix a project at `dir` has (as locating one computes it).
        const prefix = relative(root, resolve(dir)).split(sep).join('/');
        if (prefix.startsWith('..') || isAbsolute(prefix)) return;
        const key = listingKey(root, rev, prefix);
        if (!listings.has(key))
          keepListing(
            key,
            early.catch(() => listTree(root, rev, prefix)),
          );
      },
      () => undefined,
    );
  }
}

/**
 * Reads files of one commit straight from git objects (`ls-tree`, `cat-file --batch`), never
 * checking anything out: nothing from the revision is written to disk or executed.
 * `prefix` is the project root inside the repository ('' for the top level).
 */
export class GitRevisionReader implements RevisionReader {
  readonly label: string;
  private tree?: Listing;
  private batch?: BatchReader;
  /** The blob `open` read last, until the next `open`. */
  private lastBlob?: { sha: string; blob: Promise<Buffer[]> };

  constructor(
    private readonly gitRoot: string,
    readonly rev: string,
    private readonly prefix = '',
  ) {
    this.label = rev;
  }

  private async entries(): Promise<Map<string, TreeEntry>> {
    this.tree ??= await listing(this.gitRoot, this.rev, this.prefix);
    return this.tree.map;
  }

  private async entry(path: string): Promise<TreeEntry> {
    const rel = safeRelativePath(path, path);
    const map = await this.entries();
    const e = map.get(rel);
    if (!e) {
      if (this.tree!.links.includes(rel)) {
        throw new RepoError(`${rel} is a symbolic link at ${this.rev.slice(0, 12)}; aicost does not follow links`, {
          location: { file: rel },
          hint: 'Point the config at the real file instead of the link.',
        });
      }
      throw new RepoError(`${rel} does not exist at ${this.rev.slice(0, 12)}`, {
        location: { file: rel },
        hint: 'Check the path in .aicost.yml; paths are relative to the repository root.',
      });
    }
    return e;
  }

  async exists(path: string): Promise<boolean> {
    try {
      await this.entry(path);
      return true;
    } catch {
      return false;
    }
  }

  async readText(path: string, maxBytes = MAX_TEXT_BYTES): Promise<string> {
    const e = await this.entry(path);
    if (e.size > maxBytes) {
      throw new RepoError(`${path} is ${grouped(e.size)} bytes; the limit for this file is ${grouped(maxBytes)}`, {
        location: { file: path },
        hint: 'Prompt and config files are read whole; keep them small or split them.',
      });
    }
    this.batch ??= acquireBatch(this.gitRoot);
    const buf = await this.batch.read(e.sha);
    if (looksBinary(buf)) throw new RepoError(`${path} is a binary file, not text`, { location: { file: path } });
    return buf.toString('utf8').replace(/^\uFEFF/, '');
  }

  async open(path: string): Promise<Readable> {
    const e = await this.entry(path);
    if (e.size <= MAX_BATCH_BLOB) {
      // Through the long-lived batch process: a new git process per file costs a fork of this
      // one, which grows with the samples already read (1.3 s of the benchmark's diff for 40).
      // The reader's first look at a file (its format) and the full read that follows share it.
      const last = this.lastBlob;
      this.lastBlob = undefined;
      let blob = last?.sha === e.sha ? last.blob : undefined;
      if (!blob) {
        this.batch ??= acquireBatch(this.gitRoot);
        blob = this.batch.readPieces(e.sha);
        this.lastBlob = { sha: e.sha, blob };
      }
      return Readable.from(await blob, { objectMode: false });
    }
    const child = spawnGit(this.gitRoot, ['cat-file', 'blob', e.sha]);
    child.stdin.end();
    child.stderr.resume();
    return child.stdout;
  }

  async list(): Promise<string[]> {
    return [...(await this.entries()).keys()].sort();
  }

  skipped(): string[] {
    return [...(this.tree?.links ?? [])];
  }

  async isLink(path: string): Promise<boolean> {
    await this.entries();
    return this.tree!.links.includes(safeRelativePath(path, path));
  }

  async commitDate(): Promise<Date | null> {
    // Through the batch process the reader has (or will have) open anyway: one git process less.
    if (FULL_SHA.test(this.rev)) {
      this.batch ??= acquireBatch(this.gitRoot);
      const date = committerDate(await this.batch.readCommit(this.rev));
      if (date) return date;
    }
    return commitDate(this.gitRoot, this.rev);
  }

  close(): void {
    if (this.batch) releaseBatch(this.gitRoot, this.batch);
    this.batch = undefined;
  }
}

/**
 * One `cat-file --batch` per repository, shared by the readers open on it, and kept (idle, not
 * holding this process) for the next one: a run opens readers in turn (the action's override
 * policy at base, then base and head for the diff), and each process is a fork of this one (5–25 ms
 * on a 2-core runner). A batch process reads any object of its repository, so readers of
 * different commits share it; requests are answered in order. Bounded: the idle ones beyond
 * BATCH_POOL_MAX repositories are ended (tests open many repositories in one process).
 */
const batchPool = new Map<string, { batch: BatchReader; users: number }>();
const BATCH_POOL_MAX = 4;

function acquireBatch(gitRoot: string): BatchReader {
  let entry = batchPool.get(gitRoot);
  if (!entry || !entry.batch.open) {
    entry = { batch: new BatchReader(gitRoot), users: 0 };
    batchPool.set(gitRoot, entry);
  }
  if (entry.users++ === 0) entry.batch.hold(true);
  return entry.batch;
}

function releaseBatch(gitRoot: string, batch: BatchReader): void {
  const entry = batchPool.get(gitRoot);
  if (entry?.batch !== batch) return batch.close();
  if (--entry.users > 0) return;
  batch.hold(false);
  // The least recently added idle ones go first.
  for (const [root, e] of batchPool) {
    if (batchPool.size <= BATCH_POOL_MAX) break;
    if (e.users === 0) {
      e.batch.close();
      batchPool.delete(root);
    }
  }
}

/**
 * The committer date of a raw commit object (`committer <name> <<email>> <seconds> <zone>`), the
 * instant `git show -s --format=%cI` names; null when the object has no such line.
 */
function committerDate(commit: Buffer): Date | null {
  const end = commit.indexOf('\n\n');
  const headers = commit.subarray(0, end < 0 ? commit.length : end).toString('utf8');
  const m = /^committer .*> (\d+) [+-]\d{4}$/m.exec(headers);
  return m ? new Date(Number(m[1]) * 1000) : null;
}

/**
 * One long-lived `git cat-file --batch` process: blobs are requested by SHA, one at a time,
 * instead of one process per file.
 */
class BatchReader {
  private readonly child: ChildProcessWithoutNullStreams;
  /** Output not yet handed out, in arrival order (joined only when a header or body spans pieces). */
  private chunks: Buffer[] = [];
  private length = 0;
  /** Size of the body being received, once its header is read. */
  private bodySize: number | null = null;
  private queue: { sha: string; resolve: (b: Buffer[], type: string) => void; reject: (e: Error) => void }[] = [];
  /** Type of the object whose body is being received. */
  private bodyType = '';
  private closed = false;

  constructor(cwd: string) {
    this.child = spawnGit(cwd, ['cat-file', '--batch']);
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.drain();
    });
    this.child.stderr.resume();
    this.child.on('error', (err) => this.fail(err));
    this.child.on('exit', () => this.fail(new Error('git cat-file exited')));
  }

  private fail(err: Error): void {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.reject(new RepoError(`reading ${q.sha} from git failed: ${err.message}`));
  }

  /** Removes the first `n` buffered bytes and returns them as the pieces they arrived in (no copy). */
  private take(n: number): Buffer[] {
    const out: Buffer[] = [];
    this.length -= n;
    while (n > 0) {
      const first = this.chunks[0]!;
      if (first.length <= n) {
        out.push(first);
        this.chunks.shift();
        n -= first.length;
      } else {
        out.push(first.subarray(0, n));
        this.chunks[0] = first.subarray(n);
        n = 0;
      }
    }
    return out;
  }

  /** Index of the first newline in the buffered output, or −1. */
  private newline(): number {
    let offset = 0;
    for (const c of this.chunks) {
      const i = c.indexOf(10);
      if (i >= 0) return offset + i;
      offset += c.length;
    }
    return -1;
  }

  private drain(): void {
    while (this.queue.length) {
      if (this.bodySize === null) {
        const nl = this.newline();
        if (nl < 0) return;
        const header = Buffer.concat(this.take(nl + 1))
          .subarray(0, nl)
          .toString('utf8');
        const [, type, sizeText] = header.split(' ');
        if (type === undefined || header.endsWith(' missing')) {
          const q = this.queue.shift()!;
          q.reject(
            new RepoError(`git object ${q.sha} is missing`, { hint: 'Fetch more history (fetch-depth: 2 or more).' }),
          );
          continue;
        }
        this.bodySize = Number(sizeText);
        this.bodyType = type;
      }
      const size = this.bodySize;
      if (this.length < size + 1) return;
      const body = this.take(size);
      this.take(1);
      this.bodySize = null;
      this.queue.shift()!.resolve(body, this.bodyType);
    }
  }

  /** Whether requests are still answered (false once closed, or once git has exited). */
  get open(): boolean {
    return !this.closed;
  }

  /**
   * Whether the process and its pipes keep this process alive: while a reader uses it (a pending
   * request must be answered), not while it waits idle for the next reader.
   */
  hold(on: boolean): void {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr]) {
      // (The pipes are sockets at run time; the stream types do not show ref/unref.)
      const h = handle as unknown as { ref?: () => void; unref?: () => void };
      if (on) h.ref?.();
      else h.unref?.();
    }
  }

  /** A blob, whole (copied once, so that a small file keeps no piece of the pipe's output alive). */
  async read(sha: string): Promise<Buffer> {
    return Buffer.concat(await this.readPieces(sha));
  }

  /** A blob as the pieces the pipe delivered it in (for streaming it on: nothing is copied). */
  readPieces(sha: string): Promise<Buffer[]> {
    return this.request(sha, (pieces) => pieces);
  }

  /** A commit object, whole; a RepoError when `sha` names another type of object. */
  readCommit(sha: string): Promise<Buffer> {
    return this.request(sha, (pieces, type) => {
      if (type !== 'commit') throw new RepoError(`git object ${sha} is a ${type}, not a commit`);
      return Buffer.concat(pieces);
    });
  }

  private request<T>(sha: string, take: (pieces: Buffer[], type: string) => T): Promise<T> {
    if (this.closed) return Promise.reject(new RepoError('git cat-file is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({
        sha,
        resolve: (pieces, type) => {
          try {
            resolve(take(pieces, type));
          } catch (e) {
            reject(e as Error);
          }
        },
        reject,
      });
      this.child.stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.child.stdin.end();
    // git exits on end of input by itself; its pipes must not hold this process (or a Jest
    // worker) open meanwhile.
    // (The pipes are sockets at run time; the stream types do not show unref.)
    for (const pipe of [this.child.stdin, this.child.stdout, this.child.stderr])
      (pipe as unknown as { unref?: () => void }).unref?.();
    this.child.unref();
  }
}
