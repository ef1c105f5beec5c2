/**
 * Where a feature's prices come from (catalog and version, the fallback catalog, or `pricing:`),
 * and how a time-of-day price was applied: at each sample's own time, or the day-weighted mean.
 */
import type { PriceSource, Sample } from '../types.js';
import type { FeatureInput, FeaturePrice } from './types.js';

/** How a feature's samples met a time-of-day price. */
export function timeOfDayBasis(source: PriceSource, input: FeatureInput): FeaturePrice['timeOfDay'] {
  if (!source.timeOfDay) return null;
  const { timed, untimed } = countTimed(input);
  if (timed === 0) return 'day-weighted mean';
  return untimed === 0 ? 'sample time' : 'mixed';
}

/** The feature's price line for one model. */
export function featurePrice(model: string, source: PriceSource, input: FeatureInput): FeaturePrice {
  return { model, source, timeOfDay: timeOfDayBasis(source, input) };
}

/** The notices a feature's prices call for: a price from the fallback catalog, catalogs that disagree, a time-of-day price. */
export function priceNotices(featureId: string, p: FeaturePrice, input: FeatureInput): string[] {
  const out: string[] = [];
  const usd = (n: number): string => `$${Number(n.toPrecision(4))}`;
  const src = p.source;
  if (src.kind === 'fallback') {
    out.push(
      `${featureId}: ${p.model} is not in the primary price catalog; priced from the fallback catalog ${src.name} ${src.version ?? ''} (entry ${src.entry}).`,
    );
  }
  const d = src.disagreement;
  if (d) {
    out.push(
      `${featureId}: the price catalogs disagree on ${p.model}: ${src.name} ${src.version ?? ''} has ${usd(d.primary.input)}/${usd(d.primary.output)}, ${d.source} ${d.version} has ${usd(d.other.input)}/${usd(d.other.output)} per 1M input/output tokens (more than 1% apart); the primary's price is used.`,
    );
  }
  const tod = src.timeOfDay;
  if (tod) {
    const windows = tod.windows.map((w) => `${w.window} ${usd(w.input)}/${usd(w.output)}`).join(', ');
    const { timed, untimed } = countTimed(input);
    const how =
      timed === 0
        ? `priced at the day-weighted mean ${usd(tod.mean.input)}/${usd(tod.mean.output)} (no sample time to go by)`
        : `${timed} sample(s) priced at their own time (ts)` +
          (untimed
            ? `, ${untimed} without ts at the day-weighted mean ${usd(tod.mean.input)}/${usd(tod.mean.output)}`
            : '');
    out.push(
      `${featureId}: the price of ${p.model} varies by time of day (${windows} per 1M input/output tokens); ${how}. The pricing date picks the price version, never the time of day.`,
    );
  }
  return out;
}

function countTimed(input: FeatureInput): { timed: number; untimed: number } {
  let timed = 0;
  let untimed = 0;
  const samples: readonly Sample[] = input.traffic?.samples ?? [];
  for (const s of samples) {
    if (s.feature !== undefined && s.feature !== input.feature.id) continue;
    if (s.ts !== undefined) timed++;
    else untimed++;
  }
  return { timed, untimed };
}
