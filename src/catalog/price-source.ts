/**
 * Where a catalog price comes from, for the report: the catalog and its version, the time-of-day
 * windows of the entry on the version day, and how the fallback catalog's price for the same id
 * differs (over 1%) from the primary's.
 */
import type { PriceSource } from '../types.js';
import { ratesOn } from './genai.js';
import type { PricedEntry } from './genai.js';
import { CATALOG_SOURCE, CATALOG_VERSION } from './info.js';
import { FALLBACK_SOURCE, FALLBACK_VERSION } from './models-dev.js';
import { variesByTimeOfDay, versionDay, windowLabel } from './time-of-day.js';

/** Relative difference above which the two catalogs disagree on an id both know. */
const DISAGREEMENT = 0.01;

/**
 * The source of a catalog-priced entry at pricing date `date`: `origin` is the catalog it came
 * from, `alt` the fallback's entry for the same id when the primary prices it.
 */
export function catalogSource(
  origin: 'catalog' | 'fallback',
  entry: string,
  lookup: PricedEntry,
  alt: PricedEntry | undefined,
  date: Date,
): PriceSource {
  const fallback = origin === 'fallback';
  const windows = lookup.windows;
  return {
    kind: origin,
    name: fallback ? FALLBACK_SOURCE : CATALOG_SOURCE,
    version: fallback ? FALLBACK_VERSION : CATALOG_VERSION,
    entry,
    disagreement: alt ? disagreement(ratesOn(lookup, date, undefined, 0), ratesOn(alt, date, undefined, 0)) : null,
    timeOfDay: variesByTimeOfDay(windows)
      ? {
          windows: windows.map((w) => {
            const r = ratesOn(lookup, date, versionDay(date) + w.start * 1000, 0);
            return { window: windowLabel(w), input: r.input, output: r.output };
          }),
          mean: pick(ratesOn(lookup, date, undefined, 0)),
        }
      : null,
  };
}

/**
 * The fallback's standard input and output prices where either differs from the primary's by more
 * than 1%, else null. (Cache prices are left out: models.dev has no TTL split and often none.)
 */
function disagreement(
  primary: { input: number; output: number },
  other: { input: number; output: number },
): PriceSource['disagreement'] {
  const off = (a: number, b: number): boolean => Math.abs(a - b) > DISAGREEMENT * Math.max(Math.abs(a), Math.abs(b));
  if (!off(primary.input, other.input) && !off(primary.output, other.output)) return null;
  return {
    source: FALLBACK_SOURCE,
    version: FALLBACK_VERSION,
    primary: pick(primary),
    other: pick(other),
  };
}

function pick(r: { input: number; output: number }): { input: number; output: number } {
  return { input: r.input, output: r.output };
}
