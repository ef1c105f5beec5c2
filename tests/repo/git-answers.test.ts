/**
 * Answers a run asks git for, fewer processes for the same answers: the top level and the check
 * of a commit in one `rev-parse`, and a commit's date read through the reader's `cat-file --batch`
 * instead of a `git show`. Each answer is compared with the one git gives on its own, on real
 * repositories; processes are counted with a `git` shim first on PATH that logs each start.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRevisionReader, gitTopLevel, listAhead, resolveCommit } from '../../src/repo/index.js';
import { failure, git, makeRepo } from '../helpers/run.js';

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

let log: string;
let savedPath: string | undefined;

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'aicost-git-shim-'));
  log = join(dir, 'git.log');
  writeFileSync(log, '');
  writeFileSync(join(dir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(join(dir, 'git'), 0o755);
  savedPath = process.env.PATH;
  process.env.PATH = `${dir}:${savedPath}`;
});

afterEach(() => {
  process.env.PATH = savedPath;
});

/** The git subcommands aicost started (its calls carry `--no-pager`; the tests' own do not), hardening options left out. */
const calls = () =>
  readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l.includes(' --no-pager '))
    .map((l) => l.slice(l.indexOf(' --no-pager ') + 12));

describe('the top level and the commits a run names, in one git process', () => {
  it('answers both, and later checks of those commits start no process', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' });
    const sha = git(repo, 'rev-parse', 'HEAD').trim();
    const sub = join(repo, 'sub');
    execFileSync('mkdir', [sub]);
    const top = await gitTopLevel(sub, [sha, 'main', 'HEAD']);
    expect(top).toBe(realpathSync(repo));
    expect(await resolveCommit(top!, sha)).toBe(sha);
    // Names that can move (main, HEAD) are not asked along: only full SHAs are remembered.
    expect(calls()).toEqual([`rev-parse --show-toplevel ${sha}^{commit} --`]);
  });

  it('a commit the clone lacks: the top level is still found, and the commit gets its own message', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' });
    const sha = git(repo, 'rev-parse', 'HEAD').trim();
    const missing = 'f'.repeat(40);
    const top = await gitTopLevel(repo, [sha, missing]);
    expect(top).toBe(realpathSync(repo));
    const e = await failure(resolveCommit(top!, missing));
    expect(e.message).toContain(`revision "${missing}" is not a commit in ${top}`);
    // The shared call failed as a whole, so neither commit was remembered from it.
    expect(await resolveCommit(top!, sha)).toBe(sha);
    expect(calls()).toEqual([
      `rev-parse --show-toplevel ${sha}^{commit} ${missing}^{commit} --`,
      'rev-parse --show-toplevel',
      `rev-parse --verify --end-of-options ${missing}^{commit}`,
      `rev-parse --verify --end-of-options ${sha}^{commit}`,
    ]);
  });

  it('a tree or blob named by a full SHA is not a commit', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' });
    const tree = git(repo, 'rev-parse', 'HEAD^{tree}').trim();
    const top = await gitTopLevel(repo, [tree]);
    expect(top).toBe(realpathSync(repo));
    expect((await failure(resolveCommit(top!, tree))).message).toContain('is not a commit');
  });

  it('outside a clone: null, as before', async () => {
    expect(await gitTopLevel(mkdtempSync(join(tmpdir(), 'aicost-no-git-')), ['a'.repeat(40)])).toBeNull();
  });
});

describe('a commit listed while git finds the clone (listAhead)', () => {
  /** A clone with a project in sub/ (a link there too) and a file at the top. */
  const clone = () => {
    const repo = makeRepo({ 'top.txt': 'top\n', 'sub/a.txt': 'a\n', 'sub/deep/b.txt': 'b\n' });
    execFileSync('ln', ['-s', 'a.txt', join(repo, 'sub/link.txt')]);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'link');
    return { repo, sha: git(repo, 'rev-parse', 'HEAD').trim(), sub: join(repo, 'sub') };
  };

  it('serves the readers of the project at the working directory with what they list themselves', async () => {
    const { sha, sub } = clone();
    const top = gitTopLevel(sub, [sha]);
    listAhead(sub, [sha, 'main'], top);
    const root = (await top)!;
    const inSub = new GitRevisionReader(root, sha, 'sub');
    const atTop = new GitRevisionReader(root, sha);
    const ahead = {
      b: await inSub.readText('deep/b.txt'),
      top: await inSub.exists('top.txt'),
      a: await inSub.exists('a.txt'),
      link: (await failure(inSub.readText('link.txt'))).message,
    };
    expect(ahead).toEqual({
      b: 'b\n',
      top: false,
      a: true,
      link: expect.stringContaining('link.txt is a symbolic link'),
    });
    // Both started before the top level was known, side by side; a name that can move ('main')
    // was not listed ahead.
    expect(calls()).toEqual([
      `rev-parse --show-toplevel ${sha}^{commit} --`,
      `ls-tree -r -z -l ${sha}`,
      'cat-file --batch',
    ]);
    // A reader of another prefix (the top) lists its own.
    expect(await atTop.readText('sub/deep/b.txt')).toBe('b\n');
    expect(calls().slice(3)).toEqual([`ls-tree -r -z -l --full-tree ${sha}`]);
    inSub.close();
    atTop.close();
    // The same answers as a reader of a fresh clone that lists its prefix itself.
    const fresh = clone();
    const own = new GitRevisionReader(fresh.repo, fresh.sha, 'sub');
    expect({
      b: await own.readText('deep/b.txt'),
      top: await own.exists('top.txt'),
      a: await own.exists('a.txt'),
      link: (await failure(own.readText('link.txt'))).message,
    }).toEqual(ahead);
    own.close();
    expect(calls().slice(4, 5)).toEqual([`ls-tree -r -z -l --full-tree ${fresh.sha} -- sub`]);
  });

  it('a commit the clone lacks: the reader gets the message it gets without listAhead', async () => {
    const { repo } = clone();
    const missing = 'e'.repeat(40);
    const top = gitTopLevel(repo, [missing]);
    listAhead(repo, [missing], top);
    const root = (await top)!;
    const reader = new GitRevisionReader(root, missing);
    const e = await failure(reader.readText('top.txt'));
    reader.close();
    const plain = new GitRevisionReader(clone().repo, missing);
    const without = await failure(plain.readText('top.txt'));
    plain.close();
    expect(e.message).toContain('git ls-tree failed');
    expect(e.message).toBe(without.message);
    // Listed ahead from the working directory, then asked again from the top level for the message.
    expect(calls().filter((c) => c.startsWith('ls-tree'))).toEqual([
      `ls-tree -r -z -l ${missing}`,
      `ls-tree -r -z -l --full-tree ${missing}`,
      `ls-tree -r -z -l --full-tree ${missing}`,
    ]);
  });
});

describe('the commit date through the reader’s batch process', () => {
  it('is the instant git show %cI gives, in any time zone, and shares the process that reads the files', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' });
    const shas: string[] = [];
    for (const date of ['2026-03-01T23:30:00+05:30', '1999-12-31T20:15:07-08:00']) {
      execFileSync(
        realGit,
        ['-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', date],
        {
          cwd: repo,
          env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z' },
        },
      );
      const sha = execFileSync(realGit, ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
      const iso = execFileSync(realGit, ['show', '-s', '--format=%cI', sha], { cwd: repo, encoding: 'utf8' }).trim();
      shas.push(sha);
      const reader = new GitRevisionReader(repo, sha);
      try {
        expect(await reader.readText('a.txt')).toBe('a\n');
        const d = await reader.commitDate();
        expect(d!.getTime()).toBe(new Date(iso).getTime());
        expect(d!.getTime()).toBe(new Date(date).getTime());
      } finally {
        reader.close();
      }
    }
    // The second commit's reader found the first one's batch process idle and took it over.
    expect(calls()).toEqual([
      `ls-tree -r -z -l --full-tree ${shas[0]}`,
      'cat-file --batch',
      `ls-tree -r -z -l --full-tree ${shas[1]}`,
    ]);
  });

  it('readers of one repository share one batch process, open at once or in turn', async () => {
    const repo = makeRepo({ 'a.txt': 'base\n' });
    git(repo, 'checkout', '-q', '-b', 'pr');
    writeFileSync(join(repo, 'a.txt'), 'head\n');
    git(repo, 'commit', '-q', '-am', 'pr');
    const [base, head] = ['main', 'pr'].map((b) => git(repo, 'rev-parse', b).trim());
    const other = makeRepo({ 'a.txt': 'other\n' });
    const otherSha = git(other, 'rev-parse', 'HEAD').trim();
    const readers = [new GitRevisionReader(repo, base!), new GitRevisionReader(repo, head!)];
    expect(await Promise.all(readers.map((r) => r.readText('a.txt')))).toEqual(['base\n', 'head\n']);
    for (const r of readers) r.close();
    const again = new GitRevisionReader(repo, base!);
    const elsewhere = new GitRevisionReader(other, otherSha);
    expect([await again.readText('a.txt'), await elsewhere.readText('a.txt')]).toEqual(['base\n', 'other\n']);
    again.close();
    elsewhere.close();
    expect(calls().filter((c) => c === 'cat-file --batch')).toHaveLength(2);
  });

  it('a name that is not a full SHA is still dated by git show', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' });
    const reader = new GitRevisionReader(repo, 'main');
    try {
      expect((await reader.commitDate())!.toISOString()).toBe('2026-11-27T12:00:00.000Z');
    } finally {
      reader.close();
    }
    expect(calls()).toEqual(['show -s --format=%cI main']);
  });
});
