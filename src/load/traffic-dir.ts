/**
 * `traffic-dir` (`--traffic-dir`): trusted samples written by an earlier workflow step, e.g.
 * exported from a warehouse. A feature's `traffic:` paths and globs are matched inside that
 * directory on disk; a feature with no match there keeps reading its samples from the repository.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { AicostError, TrafficError, UsageError } from '../errors.js';
import { readTraffic } from '../traffic/index.js';
import { checkTrafficFormat, triedFormat } from '../traffic/index.js';
import type { Config, TrafficSet } from '../types.js';
import { git } from '../repo/index.js';
import { expandPattern, isGlob, matchGlob } from '../repo/index.js';
import { safeRelativePath } from '../repo/index.js';
import { WorkingTreeReader } from '../repo/index.js';

/** How a traffic-dir file is named in reports and messages: `traffic-dir:traffic/a.jsonl`. */
export const TRAFFIC_DIR_PREFIX = 'traffic-dir:';

/** A feature's samples from traffic-dir, and the patterns that matched nothing there. */
export interface TrafficDirHit {
  traffic: TrafficSet;
  /** Notices for the report (patterns of the feature with no file in traffic-dir). */
  notices: string[];
}

/** True when `child` is `parent` or below it (both absolute, real paths). */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The part of a glob before its first wildcard, cut back to a whole directory (`a/b/` or ''). */
function staticDir(pattern: string): string {
  const first = pattern.search(/[*?[{]/);
  const head = first < 0 ? pattern : pattern.slice(0, first);
  return head.slice(0, head.lastIndexOf('/') + 1);
}

/**
 * A directory of trusted samples. Files are read through a WorkingTreeReader rooted at the
 * directory (regular files only, never outside it); the traffic reader then applies the same
 * binary, gzip and Git LFS checks as to samples from the repository.
 */
export class TrafficDir {
  private constructor(
    /** Absolute path as given. */
    readonly root: string,
    /** Short form for messages: relative to the project root when inside it, else absolute. */
    readonly display: string,
    private readonly reader: WorkingTreeReader,
    /** Files of the directory that the repository tracks at the revision under review. */
    private readonly committed: { rev: string; paths: Set<string> } | null,
  ) {}

  /**
   * Open `dir` (absolute, or relative to the current directory). `projectRoot` shortens the name
   * in messages. With `repo`, files the repository tracks at `repo.rev` are refused: a pull
   * request could have written them, so they are not trusted samples.
   */
  static async open(
    dir: string,
    options: { projectRoot?: string; repo?: { gitRoot: string; rev: string } } = {},
  ): Promise<TrafficDir> {
    const root = resolve(dir);
    let isDir: boolean;
    try {
      isDir = (await stat(root)).isDirectory();
    } catch {
      throw new UsageError(`traffic-dir ${root} does not exist`, {
        hint: 'Create it in the step that exports the samples (before aicost runs), fix the path, or leave traffic-dir empty to read samples from the repository.',
      });
    }
    if (!isDir) {
      throw new UsageError(`traffic-dir ${root} is not a directory`, {
        hint: 'Give traffic-dir a directory that holds the samples at the paths of traffic: in .aicost.yml (e.g. DIR/traffic/summary.jsonl).',
      });
    }
    const display =
      options.projectRoot && isInside(resolve(options.projectRoot), root)
        ? relative(resolve(options.projectRoot), root).split(sep).join('/') || '.'
        : root;
    let committed: TrafficDir['committed'] = null;
    if (options.repo) {
      const real = await realpath(root);
      const gitReal = await realpath(options.repo.gitRoot);
      if (isInside(gitReal, real)) {
        const inRepo = relative(gitReal, real).split(sep).join('/');
        // Filtered here rather than by a pathspec, whose wildcards a directory name could hold.
        const out = (
          await git(options.repo.gitRoot, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', options.repo.rev])
        )
          .toString('utf8')
          .split('\0');
        const under = inRepo ? `${inRepo}/` : '';
        const paths = new Set(out.filter((p) => p !== '' && p.startsWith(under)).map((p) => p.slice(under.length)));
        committed = { rev: options.repo.rev, paths };
      }
    }
    return new TrafficDir(root, display, new WorkingTreeReader(root), committed);
  }

  /** Files of the directory that `patterns` select, sorted; refuses links a pattern could reach. */
  async match(patterns: readonly string[], featureId: string): Promise<{ files: string[]; unmatched: string[] }> {
    const all = await this.reader.list();
    const links = this.reader.skipped();
    const files = new Set<string>();
    const unmatched: string[] = [];
    for (const p of patterns) {
      let hits: string[];
      let reached: string[];
      if (isGlob(p)) {
        hits = expandPattern(all, p);
        const dir = staticDir(p);
        // A link matched by the glob, a linked directory on its fixed part, or any link below it for `**`.
        reached = links.filter(
          (l) => matchGlob(l, p) || dir.startsWith(`${l}/`) || (p.includes('**') && l.startsWith(dir)),
        );
      } else {
        const rel = safeRelativePath(p, `traffic of feature "${featureId}"`);
        hits = all.includes(rel) ? [rel] : [];
        reached = links.filter((l) => l === rel || rel.startsWith(`${l}/`));
      }
      if (reached.length) {
        throw new TrafficError(
          `traffic-dir ${this.display}: ${reached.slice(0, 5).join(', ')} ${reached.length === 1 ? 'is a symbolic link' : 'are symbolic links'} (traffic of feature "${featureId}"); aicost does not follow links`,
          {
            location: { file: `${TRAFFIC_DIR_PREFIX}${reached[0]}` },
            hint: 'Write the samples into traffic-dir as regular files (copy them, do not link them).',
          },
        );
      }
      if (hits.length === 0) unmatched.push(p);
      for (const h of hits) files.add(h);
    }
    const sorted = [...files].sort();
    const tracked = this.committed ? sorted.filter((f) => this.committed!.paths.has(f)) : [];
    if (tracked.length) {
      throw new TrafficError(
        `traffic-dir ${this.display}: ${tracked.slice(0, 5).join(', ')} ${tracked.length === 1 ? 'is' : 'are'} committed in the repository at ${this.committed!.rev.slice(0, 12)}, so a pull request could write ${tracked.length === 1 ? 'it' : 'them'}; traffic-dir must hold only samples from an earlier step`,
        {
          location: { file: `${TRAFFIC_DIR_PREFIX}${tracked[0]}` },
          hint: 'Point traffic-dir at a directory the repository does not track (e.g. one listed in .gitignore that the export step creates).',
        },
      );
    }
    return { files: sorted, unmatched };
  }

  /**
   * The feature's samples from this directory, or null when none of `patterns` matches a file
   * here (the caller then reads the repository). When some patterns match, only the matching
   * files are read and the others are named in a notice.
   */
  async load(config: Config, featureId: string, patterns: readonly string[]): Promise<TrafficDirHit | null> {
    const { files, unmatched } = await this.match(patterns, featureId);
    if (files.length === 0) return null;
    const format = checkTrafficFormat(config, featureId);
    let traffic: TrafficSet;
    try {
      traffic = await readTraffic(
        files.map((f) => ({ path: `${TRAFFIC_DIR_PREFIX}${f}`, open: () => this.reader.open(f) })),
        { maxBadLines: config.replay.maxBadLines, maxSamples: config.replay.maxSamples, defaultFeature: featureId },
      );
    } catch (e) {
      if (!(e instanceof AicostError)) throw e;
      // Say where traffic-dir is: the file names in the message are relative to it.
      throw new TrafficError(`${e.message} (${triedFormat(format)})`, {
        location: e.location,
        hint: `${e.hint ? `${e.hint} ` : ''}(traffic-dir: is ${this.root})`,
      });
    }
    const notices = unmatched.length
      ? [
          `${featureId}: traffic-dir ${this.display} has no file for ${unmatched.map((p) => `"${p}"`).join(', ')}; the feature was priced from its other samples there (${files.length} ${files.length === 1 ? 'file' : 'files'}).`,
        ]
      : [];
    return { traffic, notices };
  }

  close(): void {
    this.reader.close();
  }
}

/**
 * The one notice for features that traffic-dir has no samples for: `groups` says where each
 * group's samples were read instead (e.g. `base`, or `head, declared in this PR`).
 */
export function fallbackNotice(
  dir: TrafficDir,
  groups: readonly { where: string; ids: readonly string[] }[],
): string | null {
  const used = groups.filter((g) => g.ids.length > 0);
  const ids = used.flatMap((g) => g.ids);
  if (ids.length === 0) return null;
  const one = ids.length === 1;
  const where =
    used.length === 1
      ? used[0].where
      : used.map((g, i) => (i === 0 ? g.where : `${g.ids.join(', ')} from ${g.where}`)).join('; ');
  return `traffic-dir ${dir.display} has no samples for ${one ? 'feature' : 'features'} ${ids.join(', ')}: ${one ? 'its' : 'their'} samples were read from the repository (${where}).`;
}
