import { parseArtifact } from '../artifacts/index.js';
import { loadFeatureAgent } from '../artifacts/index.js';
import { loadConfig } from '../config/index.js';
import { AicostError, ConfigError, TrafficError } from '../errors.js';
import type { FeatureInput, RevisionSnapshot } from '../estimate/index.js';
import { readTraffic } from '../traffic/index.js';
import { checkTrafficFormat, triedFormat } from '../traffic/index.js';
import type { Config, TrafficSet } from '../types.js';
import { isGlob, matchGlob } from './glob.js';
import { safeRelativePath } from './paths.js';
import { absentReason, type RevisionReader } from './reader.js';
import { fallbackNotice, type TrafficDir } from './traffic-dir.js';

/**
 * Load one revision: the config, each feature's artifact and its traffic samples, as plain data
 * for the estimate. Everything is read through `reader` (git objects or the working tree), except
 * the samples of features that `trafficDir` (trusted samples on disk) holds files for.
 */
export async function loadSnapshot(reader: RevisionReader, configPath: string, options: { now?: Date; trafficDir?: TrafficDir } = {}): Promise<RevisionSnapshot> {
  const text = await reader.readText(configPath);
  const config = loadConfig(text, configPath);
  const features: FeatureInput[] = [];
  const notices: string[] = [];
  const fellBack: string[] = [];
  const trafficOf = async (featureId: string, patterns: string[]): Promise<TrafficSet | null> => {
    if (!patterns.length) return null;
    const fromDir = options.trafficDir ? await options.trafficDir.load(config, featureId, patterns) : null;
    if (fromDir) {
      notices.push(...fromDir.notices);
      return fromDir.traffic;
    }
    if (options.trafficDir) fellBack.push(featureId);
    return loadTraffic(reader, config, featureId, patterns);
  };
  for (const feature of Object.values(config.features)) {
    const artifactPath = feature.prompt ?? feature.agent!;
    if (feature.agent !== undefined) {
      // Agent features: the root agent and its sub-agents, every referenced file from this revision.
      const agent = await loadFeatureAgent(reader, feature.id, feature.agent, configPath, config.positions[`features.${feature.id}.agent`]);
      const traffic = await trafficOf(feature.id, feature.traffic);
      features.push({ feature, site: agent.agents[0].site, agent, traffic });
      continue;
    }
    const where = config.positions[`features.${feature.id}.prompt`];
    const rel = safeRelativePath(artifactPath, configPath);
    let artifactText: string;
    try {
      artifactText = await reader.readText(rel);
    } catch (e) {
      if (e instanceof AicostError) {
        throw new ConfigError(`feature "${feature.id}": ${e.message}`, {
          location: { file: configPath, line: where?.line, column: where?.column },
          hint: e.hint,
        });
      }
      throw e;
    }
    const site = parseArtifact(rel, artifactText);
    const traffic = await trafficOf(feature.id, feature.traffic);
    features.push({ feature, site, traffic });
  }
  if (options.trafficDir) {
    const notice = fallbackNotice(options.trafficDir, [{ where: reader.rev ? reader.rev.slice(0, 12) : 'the working tree', ids: fellBack }]);
    if (notice) notices.push(notice);
  }
  const links = reader.skipped();
  if (links.length) notices.push(`Skipped ${links.length} symbolic link(s) (aicost does not follow links): ${links.slice(0, 5).join(', ')}`);
  return {
    rev: reader.rev,
    label: reader.label,
    config,
    features,
    pricingDate: await pricingDate(reader, config, options.now ?? new Date()),
    notices,
  };
}

/** `pricing_date: commit` is the revision's commit date (today outside git); else the given day. */
async function pricingDate(reader: RevisionReader, config: Config, now: Date): Promise<Date> {
  if (config.pricingDate !== 'commit') return new Date(`${config.pricingDate}T00:00:00Z`);
  return (await reader.commitDate()) ?? now;
}

/** Expand a feature's traffic paths and globs at a revision and read the samples, streamed. */
export async function loadTraffic(reader: RevisionReader, config: Config, featureId: string, patterns: string[]): Promise<TrafficSet> {
  const format = checkTrafficFormat(config, featureId);
  const paths: string[] = [];
  for (const [i, p] of patterns.entries()) {
    const pos = config.positions[`features.${featureId}.traffic${patterns.length > 1 ? `.${i}` : ''}`] ?? config.positions[`features.${featureId}.traffic`];
    if (isGlob(p)) {
      const all = await reader.list();
      const hits = all.filter((f) => matchGlob(f, p));
      if (hits.length === 0) {
        const links = reader.skipped().filter((f) => matchGlob(f, p));
        const only = links.length ? ` (only symbolic links, which aicost does not follow: ${links.slice(0, 5).join(', ')})` : '';
        throw new ConfigError(`feature "${featureId}": traffic glob "${p}" matches no file${only}`, {
          location: { file: config.path, line: pos?.line, column: pos?.column },
          hint: links.length ? 'Commit the samples as regular files instead of links.' : 'Check the pattern; paths are relative to the repository root.',
        });
      }
      paths.push(...hits);
    } else {
      const rel = safeRelativePath(p, config.path);
      if (!(await reader.exists(rel))) {
        const link = await reader.isLink(rel);
        throw new ConfigError(`feature "${featureId}": traffic file ${rel} ${await absentReason(reader, rel, reader.label === 'working tree' ? 'the working tree' : reader.label.slice(0, 12))}`, {
          location: { file: config.path, line: pos?.line, column: pos?.column },
          hint: link ? 'Commit the samples as a regular file instead of a link.' : 'Commit the samples, fix the path, or remove traffic: to use a static estimate.',
        });
      }
      paths.push(rel);
    }
  }
  const unique = [...new Set(paths)].sort();
  try {
    return await readTraffic(
      unique.map((path) => ({ path, open: () => lazyStream(reader, path) })),
      { maxBadLines: config.replay.maxBadLines, maxSamples: config.replay.maxSamples, defaultFeature: featureId },
    );
  } catch (e) {
    if (!(e instanceof TrafficError)) throw e;
    // The location names the file already: "a.jsonl:3: a.jsonl: 2 of 2 lines …" says it twice.
    const file = e.location?.file;
    const message = file && e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message;
    throw new TrafficError(`${message} (${triedFormat(format)})`, { location: e.location, hint: e.hint });
  }
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
