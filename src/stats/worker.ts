/**
 * The bootstrap worker thread (bundled by scripts/generate.mjs into src/generated/stats-worker.js,
 * shipped next to each bundle): resamples whole features with the same code and the same
 * per-feature generators as the main thread, so where a feature is computed never changes its
 * resamples.
 */
import { parentPort } from 'node:worker_threads';
import { serveRequests } from '../workers/index.js';
import { featureGenerator, resampleFeature, ResampleScratch } from './resample.js';
import type { FeatureResamples, FeatureSeries } from './resample.js';

/** One feature to resample. */
export interface ResampleRequest {
  series: FeatureSeries;
  seed: string;
  resamples: number;
}

const scratch = new ResampleScratch();

serveRequests<ResampleRequest, FeatureResamples>(parentPort!, ({ series, seed, resamples }) => {
  const r = resampleFeature(series, featureGenerator(seed, series.id), resamples, scratch);
  return {
    result: r,
    transfer: [r.monthlyDelta.buffer, r.perRequestDelta.buffer, r.headMonthly.buffer] as ArrayBuffer[],
  };
});
