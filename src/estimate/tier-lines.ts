/**
 * A traffic line's `tier` must be offered for the models that price it. Which models those are is
 * known only once the artifacts are resolved, so the check runs here rather than in the reader; a
 * line that fails it is a bad line (src/traffic/screen.ts), not the end of the run.
 */

import type { Catalog } from '../catalog/index.js';
import { screenSamples } from '../traffic/index.js';
import type { FeatureConfig, Position, ResolvedModel, Sample, TrafficSet } from '../types.js';

/**
 * `traffic` without the lines of `featureId` whose tier one of `modelsOf(sample)` does not offer
 * (see {@link screenSamples} for the accounting). Lines without a tier are never looked at.
 */
export function withOfferedTiers(
  traffic: TrafficSet | null,
  featureId: string,
  catalog: Catalog,
  modelsOf: (sample: Sample) => readonly ResolvedModel[],
): TrafficSet | null {
  if (!traffic || !traffic.samples.some((s) => s.tier !== undefined)) return traffic;
  return screenSamples(traffic, (s) => {
    if (s.tier === undefined || (s.feature !== undefined && s.feature !== featureId)) return null;
    for (const m of modelsOf(s)) {
      const problem = catalog.tierProblem(m, s.tier);
      if (problem) return `tier: ${problem}`;
    }
    return null;
  });
}

/**
 * The feature's `tier:` must be offered for its model: an error at that key of the config (the
 * catalog's own error would name no file), before any sample is priced.
 */
export function checkFeatureTier(
  feature: FeatureConfig,
  model: ResolvedModel,
  ctx: { catalog: Catalog },
  date: Date,
  configFile: string,
  positions: Record<string, Position>,
): void {
  if (feature.tier === 'standard' || ctx.catalog.tierProblem(model, feature.tier) === null) return;
  const pos = positions[`features.${feature.id}.tier`] ?? positions[`features.${feature.id}`];
  // rates() throws the catalog's error (with its hint on where the tier exists) at this location.
  ctx.catalog.rates(model, {
    tier: feature.tier,
    date,
    inputTokens: 0,
    where: { file: configFile, line: pos?.line, column: pos?.column },
  });
}
