import { prPricedModels, type PrPricedModel } from '../config/index.js';
import { diffFeature, releaseFeature, seriesOf, type FeatureDiff } from '../diff/index.js';
import { AicostError } from '../errors.js';
import type { LoadedDiff } from '../load/index.js';
import type { BootstrapSession } from '../stats/index.js';
import type { DiffSchedule, DiffShared } from './schedule.js';

/** Every feature priced at base and head, and which figures rest on prices only the PR declares. */
export interface PricedFeatures {
  features: FeatureDiff[];
  prPriced: Record<string, PrPricedModel[]>;
}

/**
 * Replay every loaded feature at both sides (counted ahead by the schedule), hand each one's units
 * to the bootstrap as it is priced, and sort the features by id. An error on the base side only
 * (e.g. a model the base cannot price) marks the feature unpriced; the bootstrap is cancelled on
 * any other error.
 */
export async function priceFeatures(
  loaded: LoadedDiff,
  shared: DiffShared,
  schedule: DiffSchedule,
  boot: BootstrapSession,
  progress: (stage: string) => void,
): Promise<PricedFeatures> {
  const { ctx, where } = shared;
  const features: FeatureDiff[] = [];
  const resolvesWithPr = (id: string): boolean => {
    try {
      ctx.catalog.resolve(id);
      return true;
    } catch (e) {
      if (e instanceof AicostError) return false;
      throw e;
    }
  };
  // Which figures rest on prices or aliases only the PR declares (rule pr_declared_price).
  const prPriced: Record<string, PrPricedModel[]> = {};
  try {
    for (const input of loaded.features) {
      await schedule.ahead.before(input);
      progress(`pricing feature ${input.merged.entry.id}`);
      let f: FeatureDiff;
      try {
        f = diffFeature(input, ctx, loaded.dates, where);
      } catch (e) {
        if (!(e instanceof AicostError) || !input.baseSite) throw e;
        f = diffFeature({ ...input, baseError: e.format().split('\n')[0] }, ctx, loaded.dates, where);
      }
      const priced = prPricedModels(
        loaded.merged,
        { atBase: loaded.pricedAtBase, withPr: resolvesWithPr },
        {
          entry: input.merged.entry,
          base: { site: input.baseSite, agent: input.baseAgent },
          head: { site: input.headSite, agent: input.headAgent },
        },
      );
      const shown = priced.filter((p) => (p.side === 'base' ? f.base : f.head) !== null);
      if (shown.length) prPriced[f.id] = shown;
      schedule.ahead.after(input);
      releaseFeature(input);
      features.push(f);
      const s = seriesOf(f);
      if (s) boot.add(s);
    }
  } catch (e) {
    await boot.cancel();
    throw e;
  }
  features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { features, prPriced };
}
