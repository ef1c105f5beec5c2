import { catalogAgeWarning, type Catalog } from '../catalog/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { LoadedDiff } from '../load/index.js';
import type { ProjectLocation, RevisionReader } from '../repo/index.js';

/**
 * The diff report's notices, in report order: loading's, a nested config the PR proposes (also
 * listed as a proposed config change), the catalog's age, each side's feature notices, and the
 * symbolic links skipped at either revision.
 */
export function diffNotices(
  loaded: LoadedDiff,
  features: readonly FeatureDiff[],
  catalog: Catalog,
  location: ProjectLocation,
  nestedAtHead: string | null,
  readers: readonly RevisionReader[],
): string[] {
  const notices = [...loaded.notices];
  if (nestedAtHead !== null) {
    const project = location.prefix ? `${location.prefix}/${location.configPath}` : location.configPath;
    notices.unshift(
      `This PR adds ${nestedAtHead} (from the project root), a config nested in the project of ${project}: a proposed new project that takes effect after merge. This check uses ${project}, as the base revision has it.`,
    );
    loaded.merged.proposed.unshift({
      path: nestedAtHead,
      base: null,
      head: 'a new project config',
      effect: `proposed: not used by this check (the project is located at base, ${project}); takes effect after merge`,
    });
  }
  const age = catalogAgeWarning(catalog.info, loaded.dates.head);
  if (age) notices.push(age);
  for (const f of features) for (const n of [...(f.base?.notices ?? []), ...(f.head?.notices ?? [])]) notices.push(n);
  const links = readers.flatMap((r) => r.skipped());
  if (links.length)
    notices.push(
      `Skipped ${new Set(links).size} symbolic link(s) (aicost does not follow links): ${[...new Set(links)].slice(0, 5).join(', ')}`,
    );
  return notices;
}
