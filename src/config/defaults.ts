/** Constants of `.aicost.yml` version 1 shared by the loader and the builder. */

/** A month is 730 hours (8,760 / 12), the convention of cloud pricing. */
export const HOURS_PER_MONTH = 730;

/** `advisor.min_pass_rate` value: a candidate must pass at least as often as the current model. */
export const NOT_BELOW_CURRENT = 'not below current';

/** Defaults of optional keys, as documented in DESIGN.md and the schema. */
export const CONFIG_DEFAULTS = {
  warnAt: 0.8,
  otherMonthlySpend: 0,
  minIncreaseUsd: 0,
  unpricedChanges: 'warn',
  staticEstimates: 'warn',
  onBaseError: 'warn',
  maxSamples: 5_000,
  maxBadLines: 0.01,
  pricingDate: 'commit',
  trafficFormat: 'auto',
  tier: 'standard',
  costStat: 'mean',
} as const;
