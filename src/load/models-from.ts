import { createCatalog } from '../catalog/index.js';
import { readLitellmConfig, type DeploymentCost } from '../config/index.js';
import { AicostError, ConfigError } from '../errors.js';
import type { Config, PriceOverride } from '../types.js';
import { safeRelativePath, type RevisionReader } from '../repo/index.js';

/** A config with the aliases and prices of its `models_from:` files, and what they said. */
export interface WithModelsFrom {
  config: Config;
  notices: string[];
  /** The files read (repository paths), which belong to the config rather than being unpriced. */
  files: string[];
}

/**
 * Adds the `model_list` of each `models_from:` LiteLLM config, read from the same revision as
 * `config` (so base's files decide at base, and the trust merge treats them like `models:`).
 * Entries of the config's own `models:` and `pricing:` win; of two files, the first listed wins.
 * A missing or unreadable file is a ConfigError at its `models_from:` line.
 */
export async function withModelsFrom(reader: RevisionReader, config: Config, now: Date): Promise<WithModelsFrom> {
  const paths = config.modelsFrom ?? [];
  if (paths.length === 0) return { config, notices: [], files: [] };
  const models: Record<string, string> = Object.assign(Object.create(null), config.models);
  const pricing: Record<string, PriceOverride> = Object.assign(Object.create(null), config.pricing);
  const sourcedFrom: Record<string, string> = Object.create(null);
  const notices: string[] = [];
  const files: string[] = [];
  const cost = deploymentCost(config, now);
  for (const [i, path] of paths.entries()) {
    const where = config.positions[`models_from.${i}`] ?? config.positions.models_from;
    let text: string;
    let rel: string;
    try {
      rel = safeRelativePath(path, config.path);
      if (!(await reader.exists(rel))) {
        throw new ConfigError(`models_from: ${path} does not exist at ${reader.label}`, {
          location: { file: config.path, line: where?.line, column: where?.column },
          hint: 'Point models_from: at the LiteLLM proxy config (the file with model_list:), relative to the repository root.',
        });
      }
      text = await reader.readText(rel);
    } catch (e) {
      if (e instanceof ConfigError || !(e instanceof AicostError)) throw e;
      throw new ConfigError(`models_from: ${e.message}`, {
        location: { file: config.path, line: where?.line, column: where?.column },
        hint: e.hint,
      });
    }
    files.push(rel);
    const read = readLitellmConfig(text, rel, cost);
    notices.push(...read.notices);
    for (const [name, target] of Object.entries(read.models)) {
      if (hasKey(models, name)) continue;
      models[name] = target;
      sourcedFrom[`models.${name}`] = read.sources[`models.${name}`];
    }
    for (const [name, price] of Object.entries(read.pricing)) {
      if (hasKey(pricing, name)) continue;
      pricing[name] = price;
      sourcedFrom[`pricing.${name}`] = read.sources[`pricing.${name}`];
    }
  }
  return { config: { ...config, models, pricing, sourcedFrom }, notices, files };
}

/** Case-insensitive, as the catalog looks names up. */
function hasKey(record: Record<string, unknown>, key: string): boolean {
  const lower = key.toLowerCase();
  return Object.keys(record).some((k) => k.toLowerCase() === lower);
}

/** A reference call's USD (1M in + 1M out) with the config's own prices and aliases, standard tier. */
function deploymentCost(config: Config, now: Date): DeploymentCost {
  const catalog = createCatalog({ pricing: config.pricing, discounts: {}, models: config.models });
  return (id, price) => {
    if (price) return price.input + price.output;
    try {
      const rates = catalog.rates(catalog.resolve(id), { tier: 'standard', date: now, inputTokens: 0 });
      return rates.input + rates.output;
    } catch (e) {
      if (e instanceof AicostError) return undefined;
      throw e;
    }
  };
}
