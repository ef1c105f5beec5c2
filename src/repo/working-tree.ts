import { createReadStream } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { RepoError } from '../errors.js';
import { gitText } from './git.js';
import { looksBinary, safeRelativePath } from './paths.js';
import { MAX_TEXT_BYTES, type RevisionReader } from './reader.js';
import { grouped } from '../text/index.js';

/** Directories never listed: they hold no project files and can be huge. */
const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * Reads files from a directory on disk (`estimate` without `--rev`). Symlinks are refused even
 * when they point inside the root, matching what the git reader does for mode 120000.
 */
export class WorkingTreeReader implements RevisionReader {
  readonly label = 'working tree';
  readonly rev = null;
  private readonly symlinks: string[] = [];
  private files?: string[];
  private rootReal?: string;

  constructor(private readonly root: string) {}

  private async resolve(path: string): Promise<string> {
    const rel = safeRelativePath(path, path);
    const abs = join(this.root, rel);
    let st;
    try {
      st = await lstat(abs);
    } catch {
      throw new RepoError(`${rel} does not exist`, {
        location: { file: rel },
        hint: 'Check the path in .aicost.yml; paths are relative to the repository root.',
      });
    }
    if (st.isSymbolicLink()) {
      throw new RepoError(`${rel} is a symbolic link; aicost does not follow links`, {
        location: { file: rel },
        hint: 'Point the config at the real file instead of the link.',
      });
    }
    if (!st.isFile()) throw new RepoError(`${rel} is not a regular file`, { location: { file: rel } });
    // A symlinked parent directory could still lead outside the root.
    this.rootReal ??= await realpath(this.root);
    const real = await realpath(abs);
    if (real !== this.rootReal && !real.startsWith(this.rootReal + sep)) {
      throw new RepoError(`${rel} resolves outside the repository`, { location: { file: rel } });
    }
    return abs;
  }

  async exists(path: string): Promise<boolean> {
    try {
      await this.resolve(path);
      return true;
    } catch {
      return false;
    }
  }

  async readText(path: string, maxBytes = MAX_TEXT_BYTES): Promise<string> {
    const abs = await this.resolve(path);
    const handle = await open(abs, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) {
        throw new RepoError(`${path} is ${grouped(size)} bytes; the limit for this file is ${grouped(maxBytes)}`, {
          location: { file: path },
          hint: 'Prompt and config files are read whole; keep them small or split them.',
        });
      }
      const buf = Buffer.alloc(size);
      await handle.read(buf, 0, size, 0);
      if (looksBinary(buf)) throw new RepoError(`${path} is a binary file, not text`, { location: { file: path } });
      return buf.toString('utf8').replace(/^\uFEFF/, '');
    } finally {
      await handle.close();
    }
  }

  async open(path: string): Promise<Readable> {
    return createReadStream(await this.resolve(path));
  }

  async list(): Promise<string[]> {
    if (this.files) return this.files;
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true });
      for (const e of entries) {
        const abs = join(dir, e.name);
        const rel = relative(this.root, abs).split(sep).join('/');
        if (e.isSymbolicLink()) this.symlinks.push(rel);
        else if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) await walk(abs);
        } else if (e.isFile()) out.push(rel);
      }
    };
    await walk(this.root);
    this.files = out.sort();
    return this.files;
  }

  skipped(): string[] {
    return [...this.symlinks];
  }

  async isLink(path: string): Promise<boolean> {
    try {
      return (await lstat(join(this.root, safeRelativePath(path, path)))).isSymbolicLink();
    } catch {
      return false;
    }
  }

  async commitDate(): Promise<Date | null> {
    try {
      // One git call, not rev-parse then show: each is a process to start (an estimate makes two in all).
      return new Date(await gitText(this.root, ['show', '-s', '--format=%cI', 'HEAD', '--']));
    } catch {
      return null;
    }
  }

  close(): void {}
}
