/**
 * The long-lived `git cat-file --batch` readers of the revision readers (git-revision.ts): one
 * process per repository, pooled, answering blob and commit requests in order.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { RepoError } from '../errors.js';
import { spawnGit } from './git.js';

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

/** The repository's batch reader, started if none is open; held (keeps the process alive) while it has users. */
export function acquireBatch(gitRoot: string): BatchReader {
  let entry = batchPool.get(gitRoot);
  if (!entry || !entry.batch.open) {
    entry = { batch: new BatchReader(gitRoot), users: 0 };
    batchPool.set(gitRoot, entry);
  }
  if (entry.users++ === 0) entry.batch.hold(true);
  return entry.batch;
}

/** A reader is done with the batch: idle once it has no user, ended beyond BATCH_POOL_MAX idle repositories. */
export function releaseBatch(gitRoot: string, batch: BatchReader): void {
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
export function committerDate(commit: Buffer): Date | null {
  const end = commit.indexOf('\n\n');
  const headers = commit.subarray(0, end < 0 ? commit.length : end).toString('utf8');
  const m = /^committer .*> (\d+) [+-]\d{4}$/m.exec(headers);
  return m ? new Date(Number(m[1]) * 1000) : null;
}

/**
 * One long-lived `git cat-file --batch` process: blobs are requested by SHA, one at a time,
 * instead of one process per file.
 */
export class BatchReader {
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
