import type { Catalog } from '../catalog/index.js';
import type { MergedConfig } from '../config/index.js';
import type { FeatureDiff } from '../diff/index.js';
import type { PolicyInputs } from './types.js';

/**
 * What the rules need beyond the report: why base-side figures are unpriced (by feature, '*' for
 * the whole base), each feature's artifact at head, and the USD per output token of its head model
 * (tier and discounts applied) at the pricing date.
 */
export function policyInputsOf(
  merged: MergedConfig,
  features: readonly FeatureDiff[],
  catalog: Catalog,
  date: Date,
): Required<Pick<PolicyInputs, 'baseErrors' | 'artifacts' | 'outputUsdPerToken'>> {
  const baseErrors: Record<string, string> = {};
  if (merged.baseError) baseErrors['*'] = merged.baseError;
  for (const f of features) if (f.baseError) baseErrors[f.id] = f.baseError;
  const artifacts: Record<string, string> = {};
  for (const m of merged.features) artifacts[m.id] = m.headPrompt;
  const outputUsdPerToken: Record<string, number> = {};
  for (const m of merged.features) {
    const f = features.find((x) => x.id === m.id);
    if (f?.head)
      outputUsdPerToken[f.id] = catalog.rates(f.head.model, { tier: m.entry.tier, date, inputTokens: 0 }).output / 1e6;
  }
  return { baseErrors, artifacts, outputUsdPerToken };
}
