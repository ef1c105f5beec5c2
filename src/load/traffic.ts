/**
 * A feature's traffic samples at a revision: its paths and globs read from the repository, or
 * from traffic-dir (trusted samples on disk) when that directory holds files for the feature.
 */
import { ConfigError, TrafficError } from '../errors.js';
import {
  absentReason,
  expandPattern,
  isGlob,
  matchGlob,
  safeRelativePath,
  type RevisionReader,
} from '../repo/index.js';
import { checkTrafficFormat, readTraffic, type TrafficSource } from '../traffic/index.js';
import type { Config, TrafficEntry, TrafficSet } from '../types.js';
import { fallbackNotice, type TrafficDir } from './traffic-dir.js';

/** Expand a feature's traffic paths and globs at a revision and read the samples, streamed. */
export async function loadTraffic(
  reader: RevisionReader,
  config: Config,
  featureId: string,
  patterns: string[],
): Promise<TrafficSet> {
  const format = checkTrafficFormat(config, featureId);
  const sources: TrafficSource[] = [];
  for (const [i, p] of patterns.entries()) {
    const entry = entryFor(config, featureId, patterns, i);
    const paths: string[] = [];
    const pos =
      config.positions[`features.${featureId}.traffic${patterns.length > 1 ? `.${i}` : ''}`] ??
      config.positions[`features.${featureId}.traffic`];
    if (isGlob(p)) {
      const hits = expandPattern(await reader.list(), p);
      if (hits.length === 0) {
        const links = reader.skipped().filter((f) => matchGlob(f, p));
        const only = links.length
          ? ` (only symbolic links, which aicost does not follow: ${links.slice(0, 5).join(', ')})`
          : '';
        throw new ConfigError(`feature "${featureId}": traffic glob "${p}" matches no file${only}`, {
          location: { file: config.path, line: pos?.line, column: pos?.column },
          hint: links.length
            ? 'Commit the samples as regular files instead of links.'
            : 'Check the pattern; paths are relative to the repository root.',
        });
      }
      paths.push(...hits);
    } else {
      const rel = safeRelativePath(p, config.path);
      if (!(await reader.exists(rel))) {
        const link = await reader.isLink(rel);
        throw new ConfigError(
          `feature "${featureId}": traffic file ${rel} ${await absentReason(reader, rel, reader.label === 'working tree' ? 'the working tree' : reader.label.slice(0, 12))}`,
          {
            location: { file: config.path, line: pos?.line, column: pos?.column },
            hint: link
              ? 'Commit the samples as a regular file instead of a link.'
              : 'Commit the samples, fix the path, or remove traffic: to use a static estimate.',
          },
        );
      }
      paths.push(rel);
    }
    for (const path of paths) {
      const source: TrafficSource = { path, open: () => lazyStream(reader, path), format: entry?.format ?? format };
      if (entry?.where) source.where = entry.where;
      sources.push(source);
    }
  }
  try {
    return await readTraffic(sources, {
      maxBadLines: config.replay.maxBadLines,
      maxSamples: config.replay.maxSamples,
      defaultFeature: featureId,
    });
  } catch (e) {
    if (!(e instanceof TrafficError)) throw e;
    // readTraffic's messages leave the file to the location, so it is printed once.
    throw new TrafficError(e.message, { location: e.location, hint: e.hint });
  }
}

/**
 * The `{ path, format, where }` entry pattern `i` came from, when the feature's config wrote one
 * (the patterns are the feature's `traffic:` paths, in order).
 */
export function entryFor(
  config: Config,
  featureId: string,
  patterns: readonly string[],
  i: number,
): TrafficEntry | undefined {
  const entries = config.features[featureId]?.trafficEntries;
  if (!entries) return undefined;
  const byIndex = entries[i];
  if (byIndex && byIndex.path === patterns[i] && entries.length === patterns.length) return byIndex;
  return entries.find((e) => e.path === patterns[i]);
}

/** An async iterable over a file's bytes that opens the file only when iteration starts. */
function lazyStream(reader: RevisionReader, path: string): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      const stream = await reader.open(path);
      for await (const chunk of stream) yield chunk as Buffer;
    },
  };
}

/** Repository files a feature's traffic patterns name at a revision (mapped, so never "unpriced"). */
export async function repoTrafficPaths(reader: RevisionReader, patterns: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (isGlob(p)) out.push(...expandPattern(await reader.list(), p));
    else out.push(safeRelativePath(p, p));
  }
  return out;
}

/**
 * traffic-dir first, the repository after: the samples traffic-dir holds for a feature, and the
 * record of the features it has none for (read from the repository instead), for the one notice.
 */
export class TrafficDirFallback {
  private readonly fellBack = new Map<string, string[]>();

  constructor(readonly dir: TrafficDir | null) {}

  /**
   * The feature's samples from traffic-dir (its notices appended to `notices`), or null: then the
   * caller reads the repository's, and the feature is listed (as `listAs`) under `where` in the notice.
   */
  async load(
    config: Config,
    featureId: string,
    patterns: string[],
    notices: string[],
    where: string,
    listAs = featureId,
  ): Promise<TrafficSet | null> {
    if (!this.dir || !patterns.length) return null;
    const hit = await this.dir.load(config, featureId, patterns);
    if (hit) {
      notices.push(...hit.notices);
      return hit.traffic;
    }
    const ids = this.fellBack.get(where) ?? [];
    ids.push(listAs);
    this.fellBack.set(where, ids);
    return null;
  }

  /** The one notice naming the features read from the repository, grouped in the order of `wheres`. */
  notice(wheres: readonly string[]): string | null {
    if (!this.dir) return null;
    return fallbackNotice(
      this.dir,
      wheres.map((where) => ({ where, ids: this.fellBack.get(where) ?? [] })),
    );
  }
}
