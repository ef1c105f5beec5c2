/**
 * Which format a feature's traffic is read as: `auto` (the default: each file's first record
 * decides, src/traffic/read.ts), `aicost` (normalised JSONL) or a source with an importer
 * (src/traffic/import/). A format with no importer in this build is refused by name rather than
 * read as JSONL (its lines would all be "bad", or worse, partly read as something they are not).
 */

import { ConfigError } from '../errors.js';
import type { Config, TrafficFormat } from '../types.js';
import { formatLabel, formatNames, importerFor } from './import/registry.js';

/** What a reading error says it tried, e.g. "read as aicost traffic JSONL v1, traffic_format: auto". */
export function triedFormat(format: TrafficFormat): string {
  if (format === 'auto') return 'traffic_format: auto';
  return `read as ${formatLabel(format)}`;
}

/** Throws a ConfigError at the feature's `traffic_format:` key when aicost cannot read that format. */
export function checkTrafficFormat(config: Config, featureId: string): TrafficFormat {
  const feature = config.features[featureId];
  const format = feature?.trafficFormat ?? 'auto';
  const formats = [format, ...(feature?.trafficEntries ?? []).map((e) => e.format ?? format)];
  for (const f of formats) {
    if (f === 'auto' || f === 'aicost' || importerFor(f)) continue;
    const pos = config.positions[`features.${featureId}.traffic_format`] ?? config.positions[`features.${featureId}`];
    throw new ConfigError(
      `feature "${featureId}": traffic_format "${f}" is not supported yet by this build of aicost`,
      {
        location: { file: config.path, line: pos?.line, column: pos?.column },
        hint: `Formats read: ${formatNames().join(', ')}. Convert the samples to aicost traffic JSONL v1 (README, "Traffic samples") or remove traffic: to use a static estimate.`,
      },
    );
  }
  return format;
}
