/**
 * Which figures rest on prices or aliases only the PR declares (rule `pr_declared_price`): a PR
 * may price the features it adds, never re-price one that exists at base.
 */
import type { AgentSpec, CallSite, FeatureConfig } from '../types.js';
import type { MergedConfig } from './trust.js';

/** A model of one side of a feature that only a price or alias declared in the PR can price. */
export interface PrPricedModel {
  side: 'base' | 'head';
  /** The id as written in the artifact (or the feature's `model:`). */
  model: string;
  file: string | null;
  line: number | null;
  /** The PR's `pricing.<id>` / `models.<alias>` entries the price rests on, with their values. */
  declared: { key: string; value: unknown }[];
}

/** The model ids one side of a feature writes, where they are written. */
function writtenModels(
  entry: FeatureConfig,
  site: CallSite | null,
  agent: AgentSpec | null | undefined,
): { model: string; file: string | null; line: number | null }[] {
  if (agent) {
    return agent.agents.map((a, i) => {
      const own = a.site.model ?? (i === 0 ? entry.model : undefined);
      const where = a.where.model;
      return { model: own ?? '', file: where?.file ?? a.file, line: where?.line ?? null };
    });
  }
  if (!site) return [];
  const fromSite = site.model !== undefined && !(site.format === 'code' && entry.model);
  return [
    {
      model: (fromSite ? site.model : entry.model) ?? '',
      file: fromSite ? site.file : null,
      line: fromSite ? (site.lines.model ?? null) : null,
    },
  ];
}

/**
 * The models of a feature's sides that resolve only through prices or aliases the PR declares
 * (`merged.declared`): `priced.atBase` answers without the PR's help (catalog and base config),
 * `priced.withPr` with the merged prices and aliases. The
 * declared entries named are those on the id's alias chain and the price its chain ends at.
 */
export function prPricedModels(
  merged: Pick<MergedConfig, 'config' | 'declared'>,
  priced: { atBase: (id: string) => boolean; withPr: (id: string) => boolean },
  sides: {
    entry: FeatureConfig;
    base: { site: CallSite | null; agent?: AgentSpec | null };
    head: { site: CallSite | null; agent?: AgentSpec | null };
  },
): PrPricedModel[] {
  if (merged.declared.length === 0) return [];
  const declared = new Set(merged.declared);
  const lower = (m: Record<string, unknown>) => new Map(Object.keys(m).map((k) => [k.toLowerCase(), k]));
  const aliasKeys = lower(merged.config.models);
  const priceKeys = lower(merged.config.pricing);
  const out: PrPricedModel[] = [];
  for (const side of ['base', 'head'] as const) {
    const seen = new Set<string>();
    for (const w of writtenModels(sides.entry, sides[side].site, sides[side].agent)) {
      if (!w.model || seen.has(w.model) || priced.atBase(w.model) || !priced.withPr(w.model)) continue;
      seen.add(w.model);
      const keys: { key: string; value: unknown }[] = [];
      // Follow the alias chain as the catalog does (case-insensitive, bounded by the alias count).
      let cur = w.model;
      for (let hops = 0; hops <= aliasKeys.size; hops++) {
        const p = priceKeys.get(cur.toLowerCase());
        if (p !== undefined && declared.has(`pricing.${p}`))
          keys.push({ key: `pricing.${p}`, value: merged.config.pricing[p] });
        const a = aliasKeys.get(cur.toLowerCase());
        if (a === undefined) break;
        if (declared.has(`models.${a}`)) keys.push({ key: `models.${a}`, value: merged.config.models[a] });
        cur = merged.config.models[a];
      }
      // Priced through a key the chain does not name (e.g. a price keyed by the canonical id).
      if (keys.length === 0)
        for (const k of merged.declared)
          keys.push({
            key: k,
            value: k.startsWith('pricing.') ? merged.config.pricing[k.slice(8)] : merged.config.models[k.slice(7)],
          });
      out.push({ side, model: w.model, file: w.file, line: w.line, declared: keys });
    }
  }
  return out;
}
