/**
 * `traffic-dir` (`--traffic-dir`): trusted samples written by an earlier workflow step, e.g.
 * exported from a warehouse. A feature's `traffic:` paths and globs are matched inside that
 * directory on disk; a feature with no match there keeps reading its samples from the repository.
 */
import { AicostError, TrafficError } from '../errors.js';
import { readTraffic } from '../traffic/index.js';
import { checkTrafficFormat, type TrafficSource } from '../traffic/index.js';
import type { Config, TrafficSet } from '../types.js';
import { openTrustedDir, type WorkingTreeReader } from '../repo/index.js';
import { expandPattern, isGlob, matchGlob } from '../repo/index.js';
import { safeRelativePath } from '../repo/index.js';

/** How a traffic-dir file is named in reports and messages: `traffic-dir:traffic/a.jsonl`. */
export const TRAFFIC_DIR_PREFIX = 'traffic-dir:';

/** A feature's samples from traffic-dir, and the patterns that matched nothing there. */
export interface TrafficDirHit {
  traffic: TrafficSet;
  /** Notices for the report (patterns of the feature with no file in traffic-dir). */
  notices: string[];
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
    const d = await openTrustedDir(dir, options);
    return new TrafficDir(d.root, d.display, d.reader, d.committed);
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
      const entries = config.features[featureId]?.trafficEntries ?? [];
      traffic = await readTraffic(
        files.map((f) => {
          // The entry whose path selects the file gives its format and where.
          const entry = entries.find((e) => e.path === f || (isGlob(e.path) && matchGlob(f, e.path)));
          const source: TrafficSource = {
            path: `${TRAFFIC_DIR_PREFIX}${f}`,
            open: () => this.reader.open(f),
            format: entry?.format ?? format,
          };
          if (entry?.where) source.where = entry.where;
          return source;
        }),
        { maxBadLines: config.replay.maxBadLines, maxSamples: config.replay.maxSamples, defaultFeature: featureId },
      );
    } catch (e) {
      if (!(e instanceof AicostError)) throw e;
      // Say where traffic-dir is: the file names in the message are relative to it.
      throw new TrafficError(e.message, {
        location: e.location,
        hint: `${e.hint ? `${e.hint} ` : ''}(traffic-dir: is ${this.root})`,
      });
    }
    const detected = (traffic.notices ?? []).map((n) => `${featureId}: ${n}`);
    const notices = unmatched.length
      ? [
          `${featureId}: traffic-dir ${this.display} has no file for ${unmatched.map((p) => `"${p}"`).join(', ')}; the feature was priced from its other samples there (${files.length} ${files.length === 1 ? 'file' : 'files'}).`,
        ]
      : [];
    return { traffic, notices: [...detected, ...notices] };
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
