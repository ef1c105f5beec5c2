import { isAbsolute, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { RepoError } from '../errors.js';
import { commitDate, FULL_SHA, git, spawnGit } from './git.js';
import { acquireBatch, committerDate, releaseBatch, type BatchReader } from './git-batch.js';
import { looksBinary, projectPrefix, safeRelativePath } from './paths.js';
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
        const prefix = projectPrefix(root, resolve(dir));
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
