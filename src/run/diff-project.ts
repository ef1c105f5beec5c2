import { loadDiff, type LoadedDiff } from '../load/index.js';
import { defaultBase, GitRevisionReader, locateDiffProject, type DiffLocation } from '../repo/index.js';

/** A diff's project, located at base, with a reader open on each revision. */
export interface DiffProject extends DiffLocation {
  base: GitRevisionReader;
  head: GitRevisionReader;
  /** Closes both readers (their git processes). */
  close(): void;
}

/**
 * Locates the diff's project at base (src/repo `locateDiffProject`: a PR cannot choose its own
 * project) and opens both revisions. `baseRev` is the base as given, else the head's default base.
 */
export async function openDiffProject(
  repo: string,
  config: string,
  headRev: string,
  baseRev: string | undefined,
): Promise<DiffProject> {
  const found = await locateDiffProject(repo, config, headRev, (root, head) =>
    baseRev !== undefined ? Promise.resolve(baseRev) : defaultBase(root, head),
  );
  const { location, baseSha, headSha } = found;
  const base = new GitRevisionReader(location.gitRoot!, baseSha, location.prefix);
  const head = new GitRevisionReader(location.gitRoot!, headSha, location.prefix);
  return {
    ...found,
    base,
    head,
    close() {
      base.close();
      head.close();
    },
  };
}

/**
 * The load stage: both revisions of the project read and paired (configs merged by trust,
 * artifacts, traffic; `trafficDir` first when given). `onFeature` is told each feature as it loads.
 */
export function loadDiffProject(
  project: DiffProject,
  trafficDir: string | undefined,
  onFeature: Parameters<typeof loadDiff>[0]['onFeature'],
): Promise<LoadedDiff> {
  const { location } = project;
  return loadDiff({
    gitRoot: location.gitRoot!,
    prefix: location.prefix,
    configPath: location.configPath,
    base: project.base,
    head: project.head,
    trafficDir,
    onFeature,
  });
}
