import { loadPromptArtifact } from '../artifacts/index.js';
import { loadFeatureAgent } from '../artifacts/index.js';
import { loadConfig } from '../config/index.js';
import { AicostError, ConfigError } from '../errors.js';
import type { FeatureInput, RevisionSnapshot } from './types.js';
import type { Config, TrafficSet } from '../types.js';
import { safeRelativePath, type RevisionReader } from '../repo/index.js';
import type { TrafficDir } from './traffic-dir.js';
import { loadTraffic, TrafficDirFallback } from './traffic.js';
import { withModelsFrom } from './models-from.js';

/**
 * Load one revision: the config, each feature's artifact and its traffic samples, as plain data
 * for the estimate. Everything is read through `reader` (git objects or the working tree), except
 * the samples of features that `trafficDir` (trusted samples on disk) holds files for.
 */
export async function loadSnapshot(
  reader: RevisionReader,
  configPath: string,
  options: { now?: Date; trafficDir?: TrafficDir } = {},
): Promise<RevisionSnapshot> {
  const text = await reader.readText(configPath);
  const { config, notices: aliasNotices } = await withModelsFrom(
    reader,
    loadConfig(text, configPath),
    options.now ?? new Date(),
  );
  const features: FeatureInput[] = [];
  const notices: string[] = [...aliasNotices];
  const where = reader.rev ? reader.rev.slice(0, 12) : 'the working tree';
  const fromDir = new TrafficDirFallback(options.trafficDir ?? null);
  const trafficOf = async (featureId: string, patterns: string[]): Promise<TrafficSet | null> => {
    if (!patterns.length) return null;
    const fromDirSet = await fromDir.load(config, featureId, patterns, notices, where);
    if (fromDirSet) return fromDirSet;
    const set = await loadTraffic(reader, config, featureId, patterns);
    for (const n of set.notices ?? []) notices.push(`${featureId}: ${n}`);
    return set;
  };
  for (const feature of Object.values(config.features)) {
    const artifactPath = feature.prompt ?? feature.agent!;
    if (feature.agent !== undefined) {
      // Agent features: the root agent and its sub-agents, every referenced file from this revision.
      const agent = await loadFeatureAgent(
        reader,
        feature.id,
        feature.agent,
        configPath,
        config.positions[`features.${feature.id}.agent`],
      );
      const traffic = await trafficOf(feature.id, feature.traffic);
      features.push({ feature, site: agent.agents[0].site, agent, traffic });
      continue;
    }
    const where = config.positions[`features.${feature.id}.prompt`];
    const hash = artifactPath.indexOf('#');
    const anchor = hash < 0 ? '' : artifactPath.slice(hash);
    const rel = safeRelativePath(hash < 0 ? artifactPath : artifactPath.slice(0, hash), configPath);
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
    const { site } = await loadPromptArtifact(reader, rel + anchor, artifactText, { provider: feature.provider });
    const traffic = await trafficOf(feature.id, feature.traffic);
    features.push({ feature, site, traffic });
  }
  const notice = fromDir.notice([where]);
  if (notice) notices.push(notice);
  const links = reader.skipped();
  if (links.length)
    notices.push(
      `Skipped ${links.length} symbolic link(s) (aicost does not follow links): ${links.slice(0, 5).join(', ')}`,
    );
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
export async function pricingDate(reader: RevisionReader, config: Config, now: Date): Promise<Date> {
  if (config.pricingDate !== 'commit') return new Date(`${config.pricingDate}T00:00:00Z`);
  return (await reader.commitDate()) ?? now;
}

/**
 * The config at a revision, or null when the revision has none or an invalid one (`error` then
 * says why, in one line): for the trusted side of a diff, whose config may be absent or broken.
 */
export async function configAt(
  reader: RevisionReader,
  path: string,
  now: Date = new Date(),
): Promise<{ config: Config | null; error?: string; notices?: string[]; files?: string[] }> {
  if (!(await reader.exists(path))) return { config: null };
  try {
    const read = await withModelsFrom(reader, loadConfig(await reader.readText(path), path), now);
    return { config: read.config, notices: read.notices, files: read.files };
  } catch (e) {
    if (e instanceof AicostError) return { config: null, error: e.format().split('\n')[0] };
    throw e;
  }
}
