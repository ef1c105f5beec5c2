import { prPricedModels, type PrPricedModel } from '../config/index.js';
import { diffFeature, releaseFeature, seriesOf, type FeatureDiff } from '../diff/index.js';
import { AicostError } from '../errors.js';
import type { LoadedDiff } from '../load/index.js';
import type { BootstrapSession } from '../stats/index.js';
import { loadDiffProject, type DiffProject } from './diff-project.js';
import { FeatureStream } from './feature-stream.js';
import type { DiffSchedule } from './schedule.js';

/** Every feature priced at base and head, and which figures rest on prices only the PR declares. */
export interface PricedFeatures {
  features: FeatureDiff[];
  prPriced: Record<string, PrPricedModel[]>;
}

/**
 * Loads the project and prices each feature as soon as it is loaded (see feature-stream.ts), with
 * the bootstrap fed beside. Errors come out as they did when pricing waited for the whole load:
 * a load error wins over a pricing error of an earlier feature.
 */
export async function loadAndPrice(
  project: DiffProject,
  trafficDir: string | undefined,
  schedule: DiffSchedule,
  boot: BootstrapSession,
  progress: (stage: string) => void,
): Promise<{ loaded: LoadedDiff; priced: PricedFeatures }> {
  const stream = new FeatureStream();
  const loading = loadDiffProject(project, trafficDir, (input, l) => {
    schedule.loaded(input, l);
    stream.push({ input, loaded: l });
  });
  loading.then(
    () => {
      try {
        schedule.loadedAll();
        stream.end();
      } catch (e) {
        stream.fail(e);
      }
    },
    (e: unknown) => stream.fail(e),
  );
  try {
    const priced = await priceFeatures(stream, schedule, boot, progress);
    return { loaded: await loading, priced };
  } catch (e) {
    await loading;
    throw e;
  }
}

/**
 * Replay every feature at both sides as it arrives (counted ahead by the schedule), hand each
 * one's units to the bootstrap as it is priced, and sort the features by id. An error on the
 * base side only (e.g. a model the base cannot price) marks the feature unpriced; the bootstrap
 * is cancelled on any other error.
 */
export async function priceFeatures(
  stream: FeatureStream,
  schedule: DiffSchedule,
  boot: BootstrapSession,
  progress: (stage: string) => void,
): Promise<PricedFeatures> {
  const features: FeatureDiff[] = [];
  // Which figures rest on prices or aliases only the PR declares (rule pr_declared_price).
  const prPriced: Record<string, PrPricedModel[]> = {};
  try {
    for await (const { input, loaded } of stream) {
      const { ctx, where } = schedule.shared(loaded.merged, loaded.dates);
      const resolvesWithPr = (id: string): boolean => {
        try {
          ctx.catalog.resolve(id);
          return true;
        } catch (e) {
          if (e instanceof AicostError) return false;
          throw e;
        }
      };
      // While loading goes on, the main thread reads the next features and the worker counts this
      // one; once loading is over, the main thread joins in on what is left.
      await Promise.race([schedule.ahead.taken(input), stream.over]);
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
