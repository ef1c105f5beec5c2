/**
 * Which traffic formats are read. Only aicost's normalised JSONL (v1) is implemented: `auto`
 * reads it, and the importer formats the schema lists are refused by name rather than read as
 * JSONL (their lines would all be "bad", or worse, partly read as something they are not).
 */

import { ConfigError } from '../errors.js';
import type { Config, TrafficFormat } from '../types.js';

/** What a reading error says it tried, e.g. "read as aicost traffic JSONL v1, traffic_format: auto". */
export function triedFormat(format: TrafficFormat): string {
  return `read as aicost traffic JSONL v1, traffic_format: ${format}`;
}

/** Throws a ConfigError at the feature's `traffic_format:` key when aicost cannot read that format yet. */
export function checkTrafficFormat(config: Config, featureId: string): TrafficFormat {
  const format = config.features[featureId]?.trafficFormat ?? 'auto';
  if (format === 'auto' || format === 'aicost') return format;
  const pos = config.positions[`features.${featureId}.traffic_format`] ?? config.positions[`features.${featureId}`];
  throw new ConfigError(
    `feature "${featureId}": traffic_format "${format}" is not supported yet: aicost reads only its own traffic JSONL (traffic_format: aicost or auto)`,
    {
      location: { file: config.path, line: pos?.line, column: pos?.column },
      hint: 'Convert the samples to aicost traffic JSONL v1 (README, "Traffic samples") and set traffic_format: aicost, or remove traffic: to use a static estimate.',
    },
  );
}
