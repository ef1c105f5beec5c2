/**
 * The config module: `.aicost.yml` text → typed `Config` (see DESIGN.md, "`.aicost.yml` version 1").
 */
export { loadConfig, CONFIG_DEFAULTS, HOURS_PER_MONTH } from './load.js';
export { parsePercent, checkPercent } from './percent.js';
export { configSchema } from './schema-check.js';
export { MAX_CONFIG_BYTES, MAX_ALIASES, MAX_ALIAS_EXPANSION, MAX_DEPTH, yamlNodesConverted } from './yaml-tree.js';
export { artifactFile, mergeTrusted } from './trust.js';
export { prPricedModels } from './pr-priced.js';
export type { PrPricedModel } from './pr-priced.js';
export type { MergedConfig, MergedFeature } from './trust.js';
export { readYamlTree } from './yaml-tree.js';
export { readLitellmConfig } from './litellm.js';
export type { DeploymentCost, LitellmModels } from './litellm.js';
