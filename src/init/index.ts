/** The front door of src/init/: discovery of features for a first `.aicost.yml`. */
export {
  discoverFeatures,
  initConfigText,
  PLACEHOLDER_MARK,
  PLACEHOLDER_MODEL,
  PLACEHOLDER_VOLUME,
} from './discover.js';
export type { Discovery, ProposedFeature, RepoFile } from './discover.js';
export { placeholderNotice, placeholdersIn } from './placeholders.js';
export type { Placeholder } from './placeholders.js';
