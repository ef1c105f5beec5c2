import { join } from 'node:path';
import { loadPromptArtifact } from '../artifacts/index.js';
import { createCatalog } from '../catalog/index.js';
import { artifactFile, loadConfig, mergeTrusted, type MergedConfig } from '../config/index.js';
import { GATEWAY_SNIFF_BYTES, type ChangedFile } from '../unpriced/index.js';
import { AicostError, ConfigError } from '../errors.js';
import type { CallSite } from '../types.js';
import {
  absentReason,
  changedPaths,
  differingPaths,
  fileOrigins,
  looksBinary,
  safeRelativePath,
  readHead,
  type RevisionReader,
} from '../repo/index.js';
import { loadAgentPair } from './agent-pair.js';
import { configAt, pricingDate } from './revision.js';
import { withModelsFrom } from './models-from.js';
import { TrafficDir } from './traffic-dir.js';
import { loadTraffic, repoTrafficPaths, TrafficDirFallback } from './traffic.js';
import type { DiffFeatureInput } from './types.js';
import { grouped } from '../text/index.js';

/** Both revisions of a project, loaded and merged by trust, ready for the diff. */
export interface LoadedDiff {
  merged: MergedConfig;
  features: DiffFeatureInput[];
  changedFiles: ChangedFile[];
  /** Paths that belong to a feature (artifacts, traffic, the config): never "unpriced". */
  mapped: Set<string>;
  dates: { base: Date; head: Date };
  notices: string[];
  /** Whether a model id has a price without the PR's help (catalog, base `pricing:` and `models:`). */
  pricedAtBase: (id: string) => boolean;
}

/**
 * A feature's prompt at one revision (`path#prompt` for one prompt of a promptfoo config, priced
 * with `provider`); the files it references (partials, prompt files) join `mapped`.
 */
async function readSite(
  reader: RevisionReader,
  ref: string,
  mapped: Set<string>,
  provider: string | undefined,
): Promise<CallSite> {
  const file = artifactFile(ref);
  const loaded = await loadPromptArtifact(reader, safeRelativePath(file, file) + ref.slice(file.length), undefined, {
    provider,
  });
  for (const f of loaded.files) mapped.add(f);
  return loaded.site;
}

const MAX_DIFF_TEXT = 1024 * 1024;

/** Where a feature's samples were read when traffic-dir has none: the groups of the one notice. */
const AT_BASE = 'base';
const AT_HEAD = 'head, declared in this PR';

/**
 * Files the PR changes under the project root, with their texts at both sides (null when binary
 * or over MAX_DIFF_TEXT; `unscanned` then says why, so the scan can report the file as not read).
 */
async function changedFiles(
  gitRoot: string,
  prefix: string,
  base: RevisionReader,
  head: RevisionReader,
): Promise<ChangedFile[]> {
  const read = async (reader: RevisionReader, path: string, side: string, why: string[]): Promise<string | null> => {
    try {
      return await reader.readText(path, MAX_DIFF_TEXT);
    } catch (e) {
      why.push(`${side} ${unreadableReason(e, path)}`);
      return null;
    }
  };
  const files: ChangedFile[] = [];
  for (const f of await changedPaths(gitRoot, prefix, base.rev!, head.rev!)) {
    const why: string[] = [];
    const changed: ChangedFile = {
      ...f,
      base: f.status === 'added' ? null : await read(base, f.oldPath ?? f.path, 'at base', why),
      head: f.status === 'deleted' ? null : await read(head, f.path, 'at head', why),
    };
    if (why.length) changed.unscanned = why.join('; ');
    if (changed.head === null && f.status !== 'deleted' && why.length && /\.ya?ml$/i.test(f.path))
      changed.headStart = await readHead(head, f.path, GATEWAY_SNIFF_BYTES);
    files.push(changed);
  }
  return files;
}

/** Why a changed file could not be read for the scan, in words for the report. */
function unreadableReason(e: unknown, path: string): string {
  const message = e instanceof AicostError ? e.message : e instanceof Error ? e.message : String(e);
  const size = /is ([\d,]+) bytes/.exec(message);
  if (size) return `${size[1]} bytes, over the ${grouped(MAX_DIFF_TEXT)} the scan reads`;
  if (/binary/.test(message)) return 'binary content';
  return message.startsWith(`${path} `) ? message.slice(path.length + 1) : message;
}

/**
 * Load base and head of a project for the diff: both configs (the head's must be valid; an
 * invalid or missing base config is reported, not fatal), the trust merge, every feature's
 * artifact at both revisions and its trusted traffic, and the files the PR changes.
 * With `trafficDir`, a feature's traffic patterns are first matched in that directory of trusted
 * samples; features with no file there read the repository as without it (one notice lists them).
 */
export async function loadDiff(options: {
  gitRoot: string;
  prefix: string;
  configPath: string;
  base: RevisionReader;
  head: RevisionReader;
  now?: Date;
  trafficDir?: string;
  /** Called with each feature as soon as it is loaded (the pipeline starts counting it then). */
  onFeature?: (input: DiffFeatureInput, loaded: Pick<LoadedDiff, 'merged' | 'dates' | 'pricedAtBase'>) => void;
}): Promise<LoadedDiff> {
  const { base, head, configPath } = options;
  const now = options.now ?? new Date();
  const projectRoot = options.prefix ? join(options.gitRoot, options.prefix) : options.gitRoot;
  const trafficDir = options.trafficDir
    ? await TrafficDir.open(options.trafficDir, { projectRoot, repo: { gitRoot: options.gitRoot, rev: head.rev! } })
    : null;
  if (!(await head.exists(configPath))) {
    throw new ConfigError(`no ${configPath} at head ${head.label.slice(0, 12)}`, {
      location: { file: configPath },
      hint: 'Add the config to the project root, or pass --config.',
    });
  }
  const headRead = await withModelsFrom(head, loadConfig(await head.readText(configPath), configPath), now);
  const headConfig = headRead.config;
  const baseRead = await configAt(base, configPath, now);
  const baseConfig = baseRead.config;
  // The LiteLLM files the head config reads say what the PR proposes; base's are what applies.
  const notices: string[] = [...headRead.notices];

  // Ids priced without the PR's help: the catalog plus base's own prices and aliases.
  const baseCatalog = createCatalog({
    pricing: baseConfig?.pricing ?? {},
    discounts: {},
    models: baseConfig?.models ?? {},
  });
  const isPriced = (id: string): boolean => {
    try {
      baseCatalog.resolve(id);
      return true;
    } catch (e) {
      if (e instanceof AicostError) return false;
      throw e;
    }
  };
  // A feature the PR declares on a base feature's moved or copied artifact is that base feature.
  const origins = baseConfig
    ? await fileOrigins({
        gitRoot: options.gitRoot,
        prefix: options.prefix,
        baseRev: base.rev!,
        headRev: head.rev!,
        basePaths: Object.values(baseConfig.features).map((f) => artifactFile(f.prompt ?? f.agent!)),
        headPaths: Object.values(headConfig.features)
          .filter((f) => !baseConfig.features[f.id])
          .map((f) => artifactFile(f.prompt ?? f.agent!)),
      })
    : undefined;
  const merged = mergeTrusted(baseConfig, headConfig, isPriced, { baseError: baseRead.error, origins });
  const trusted = merged.config;
  const dates = { base: await pricingDate(base, trusted, now), head: await pricingDate(head, trusted, now) };
  const features: DiffFeatureInput[] = [];
  const mapped = new Set<string>([configPath, ...headRead.files, ...(baseRead.files ?? [])]);
  const fromDir = new TrafficDirFallback(trafficDir);
  let changed: Set<string> | undefined;
  for (const m of merged.features) {
    let baseSite: CallSite | null = null;
    let baseError: string | undefined;
    // Agent features: definitions (and the files they reference) at both revisions.
    const agents = await loadAgentPair(m, base, head, headConfig, configPath);
    if (agents) {
      ({ baseSite, baseError } = agents);
      for (const f of agents.files) mapped.add(f);
    }
    if (m.basePrompt && !agents) {
      mapped.add(artifactFile(m.basePrompt));
      try {
        baseSite = await readSite(base, m.basePrompt, mapped, m.baseProvider);
      } catch (e) {
        if (!(e instanceof AicostError)) throw e;
        baseError = e.format().split('\n')[0];
      }
    }
    const headFile = artifactFile(m.headPrompt);
    mapped.add(headFile);
    let headSite: CallSite | null = null;
    if (agents) {
      headSite = agents.headSite;
    } else if (await head.exists(headFile)) {
      headSite = await readSite(head, m.headPrompt, mapped, m.headProvider);
    } else if (!m.droppedFromConfig) {
      const pos = headConfig.positions[`features.${m.id}.prompt`] ?? headConfig.positions[`features.${m.id}`];
      const link = await head.isLink(headFile);
      throw new ConfigError(`feature "${m.id}": ${headFile} ${await absentReason(head, headFile, 'head')}`, {
        location: { file: configPath, line: pos?.line, column: pos?.column },
        hint: link
          ? 'Point prompt: at the real file instead of the link (or commit the file in its place).'
          : 'Fix the prompt: path, or remove the feature entry together with its file.',
      });
    }
    // Trusted traffic: traffic-dir's samples when it has some for the feature, else base's for
    // features that exist there and head's for added ones.
    const trafficReader = m.declaredInPr ? head : base;
    const trafficConfig = m.declaredInPr ? headConfig : trusted;
    let traffic = null;
    const dirTraffic = await fromDir.load(
      trafficConfig,
      m.entry.id,
      m.entry.traffic,
      notices,
      m.declaredInPr ? AT_HEAD : AT_BASE,
      m.id,
    );
    if (dirTraffic) {
      traffic = dirTraffic;
      for (const p of await repoTrafficPaths(trafficReader, m.entry.traffic)) mapped.add(p);
    } else if (m.entry.traffic.length) {
      const headPatterns = headConfig.features[m.id]?.traffic ?? [];
      let readAtHead = m.declaredInPr;
      try {
        traffic = await loadTraffic(trafficReader, trafficConfig, m.entry.id, m.entry.traffic);
        for (const p of traffic.paths) mapped.add(p);
        for (const n of traffic.notices ?? []) notices.push(`${m.id}: ${n}`);
      } catch (e) {
        if (!(e instanceof AicostError) || m.declaredInPr) throw e;
        // Base's samples cannot be read. That is base's fault only when the PR's own traffic: reads
        // at head (the PR repairs it): otherwise the error stands at head and the run stops there,
        // never a silent static figure or $0.
        if (headPatterns.length) {
          readAtHead = true;
          // Head's paths and format, read with the trusted limits (a PR cannot loosen max_bad_lines to pass).
          traffic = await loadTraffic(head, { ...headConfig, replay: trusted.replay }, m.id, headPatterns);
          for (const p of traffic.paths) mapped.add(p);
          notices.push(
            `${m.id}: the samples at base cannot be read, so the head side is priced on the PR's samples (${traffic.paths.join(', ')}); the change is not charged to this PR.`,
          );
        }
        baseError ??= e.format().split('\n')[0];
      }
      // The PR's samples of an existing feature are not priced (base's are trusted), but a PR that
      // leaves them unreadable is bad input at head: it stops here, as `estimate` at head would,
      // rather than pass and break every later PR. Read only when the PR touches them.
      if (!readAtHead && headPatterns.length) {
        changed ??= await differingPaths(options.gitRoot, options.prefix, base.rev!, head.rev!);
        // A new format or where: on the same files is a change too: the PR's reading must work.
        const headEntries = headConfig.features[m.id]?.trafficEntries;
        const moved =
          headPatterns.join('\0') !== m.entry.traffic.join('\0') ||
          JSON.stringify(headEntries ?? null) !== JSON.stringify(m.entry.trafficEntries ?? null) ||
          headConfig.features[m.id]?.trafficFormat !== m.entry.trafficFormat;
        if (moved || (await repoTrafficPaths(head, headPatterns)).some((p) => changed!.has(p))) {
          await loadTraffic(head, { ...headConfig, replay: trusted.replay }, m.id, headPatterns);
        }
      }
    }
    const input: DiffFeatureInput = {
      merged: m,
      baseSite,
      headSite,
      traffic,
      baseError,
      ...(agents ? { baseAgent: agents.baseAgent, headAgent: agents.headAgent } : {}),
    };
    features.push(input);
    options.onFeature?.(input, { merged, dates, pricedAtBase: isPriced });
  }
  const notice = fromDir.notice([AT_BASE, AT_HEAD]);
  if (notice) notices.push(notice);
  trafficDir?.close();
  const files = await changedFiles(options.gitRoot, options.prefix, base, head);
  for (const f of files) {
    if (f.path.split('/').some((p) => p === '..')) continue;
    if (f.head !== null && looksBinary(Buffer.from(f.head.slice(0, 8000)))) f.head = null;
  }
  return { merged, features, changedFiles: files, mapped, dates, notices, pricedAtBase: isPriced };
}
