/** The front door of src/init/: discovery of features for a first `.aicost.yml`. */
export { discoverFeatures, initConfigText, PLACEHOLDER_VOLUME } from './discover.js';
export type { Discovery, ProposedFeature, RepoFile } from './discover.js';
