/** The front door of src/init/: discovery of features for a first `.aicost.yml`. */
import type * as Discover from './discover.js';

export type { Discovery, ProposedFeature, RepoFile } from './discover.js';
export {
  placeholderNotice,
  placeholdersIn,
  PLACEHOLDER_MARK,
  PLACEHOLDER_MODEL,
  PLACEHOLDER_OUTPUT,
  PLACEHOLDER_VOLUME,
} from './placeholders.js';
export type { Placeholder } from './placeholders.js';

/**
 * discover.ts (discoverFeatures, initConfigText), imported on first use: it reads code through
 * src/unpriced/, which only `aicost init` needs, while every `estimate` imports this folder for
 * the placeholders (a separate chunk of the bundles).
 */
export async function loadDiscovery(): Promise<typeof Discover> {
  return import('./discover.js');
}
