import { createCatalog, type Catalog } from '../catalog/index.js';
import { loadSnapshot, TrafficDir, type RevisionSnapshot } from '../load/index.js';
import { locateProject, openRevision, type ProjectLocation, type RevisionReader } from '../repo/index.js';

/** Where one revision is read from, for `estimate` and `suggest`. */
export interface RevisionRun {
  repo: string;
  rev?: string;
  config: string;
  /** Absolute path of a directory of trusted samples (the action's traffic-dir, --traffic-dir). */
  trafficDir?: string;
  /** Told each stage as the run enters it: the action's time budget names it. */
  progress?: (stage: string) => void;
}

/** One revision, read: its project, a reader still open on it, what it holds and its price catalog. */
export interface OpenedRevision {
  location: ProjectLocation;
  reader: RevisionReader;
  snapshot: RevisionSnapshot;
  catalog: Catalog;
  progress: (stage: string) => void;
}

/**
 * Locates the project, reads the revision (config, artifacts, traffic) and builds its catalog,
 * then hands them to `use`; the reader and the traffic directory are closed however `use` ends.
 */
export async function withRevision<T>(run: RevisionRun, use: (opened: OpenedRevision) => Promise<T>): Promise<T> {
  const location = await locateProject(run.repo, run.config, run.rev);
  const trafficDir = run.trafficDir ? await TrafficDir.open(run.trafficDir, { projectRoot: location.root }) : undefined;
  const reader = await openRevision(location, run.rev);
  const progress = run.progress ?? (() => undefined);
  try {
    progress(`loading revision ${run.rev ?? 'HEAD'} (config, artifacts, traffic)`);
    const snapshot = await loadSnapshot(reader, location.configPath, { trafficDir });
    const { config } = snapshot;
    const catalog = createCatalog({
      pricing: config.pricing,
      discounts: config.discounts,
      models: config.models,
      configFile: config.path,
      positions: config.positions,
    });
    return await use({ location, reader, snapshot, catalog, progress });
  } finally {
    reader.close();
    trafficDir?.close();
  }
}
