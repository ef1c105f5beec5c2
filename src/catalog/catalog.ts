/**
 * The price catalog: model id → priced entry, and a call's usage → USD. Wraps the pinned, offline
 * `@pydantic/genai-prices` with aicost's id mapping, `models:` aliases, `pricing:` overrides,
 * service tiers and `discounts:`.
 */
import type { AicostError, SourceLocation } from '../errors.js';
import { ConfigError, UnknownModelError } from '../errors.js';
import type { PriceOverride, ResolvedModel, ServiceTier } from '../types.js';
import { checkDate, checkUsage } from './checks.js';
import {
  aliasTable,
  caseInsensitive,
  checkPricing,
  discountTable,
  overrideRates,
  vendorPrefix,
} from './config-tables.js';
import { altEntry, catalogLookup, fallbackFound } from './find.js';
import type { Origin } from './find.js';
import { inputBreaksOn, isPriced, priceCallOn, pricedEntry, ratesOn } from './genai.js';
import type { PricedEntry } from './genai.js';
import { familyOf, parseModelId } from './ids.js';
import { catalogInfo } from './info.js';
import { catalogSource } from './price-source.js';
import { closestKnownIds } from './suggest.js';
import { offeredTiers, TIER_HINTS, tierMultiplier } from './tiers.js';
import type { TierMultiplier, TierSubject } from './tiers.js';
import type { Catalog, CatalogOptions } from './types.js';

export type { Catalog, CatalogOptions, ModelRates, PriceOptions, RateOptions } from './types.js';

/** Everything resolve() learned about an id, including what ResolvedModel does not carry. */
type Entry = {
  resolved: ResolvedModel;
  tier: TierSubject;
  /** Fraction off from `discounts:`. */
  discount: number;
  /** Tier multipliers looked up so far (undefined: not offered). */
  multipliers: Map<ServiceTier, TierMultiplier | undefined>;
} & (
  | { override: PriceOverride; lookup?: undefined }
  | {
      override?: undefined;
      /** Catalog entry to price with. */
      lookup: PricedEntry;
      /** Which catalog the entry comes from. */
      origin: Origin;
      /** The fallback catalog's entry for an id the primary prices too (cross-checked, never used to price). */
      alt?: PricedEntry;
    }
);

type Failure = (where?: SourceLocation) => AicostError;

const DEFAULT_CONFIG_FILE = '.aicost.yml';

/** Build a catalog from the config's `pricing:`, `discounts:` and `models:`. Pure; memoises per id. */
export function createCatalog(opts: CatalogOptions): Catalog {
  const file = opts.configFile ?? DEFAULT_CONFIG_FILE;
  const at = (key: string): SourceLocation | undefined => {
    const p = opts.positions?.[key];
    if (p) return { file, line: p.line, column: p.column };
    return opts.configFile ? { file } : undefined;
  };

  const pricing = checkPricing(opts.pricing, at);
  const discounts = discountTable(opts.discounts, at);
  const aliases = aliasTable(opts.models);
  const pricingKeys = caseInsensitive(Object.fromEntries(Object.keys(pricing).map((k) => [k, k])));
  // `pricing:` keys in any spelling also match by canonical id (`gpt-4o` prices `openai:gpt-4o`).
  const pricingByCanonical = new Map<string, string>();
  for (const key of Object.keys(pricing)) {
    const c = catalogLookup(parseModelId(key));
    if (c && !pricingByCanonical.has(c.canonical)) pricingByCanonical.set(c.canonical, key);
  }

  const entries = new Map<string, Entry>();
  const failures = new Map<string, Failure>();
  const byObject = new WeakMap<ResolvedModel, Entry>();

  function followAliases(id: string): { chain: string[]; aliasKey?: string } {
    const chain = [id];
    const seen = new Set([id.toLowerCase()]);
    let aliasKey: string | undefined;
    for (let cur = id, next = aliases.get(cur); next !== undefined; cur = next, next = aliases.get(cur)) {
      aliasKey = aliases.keyOf(cur);
      chain.push(next);
      // A prefix route may lengthen the name at each hop (`a/*` → `a/b/*`): bounded by the alias count.
      if (seen.has(next.toLowerCase()) || chain.length > aliases.size + 1) {
        throw new ConfigError(`models: aliases form a cycle: ${chain.join(' → ')}`, {
          location: at(`models.${aliases.keyOf(id) ?? id}`),
          hint: 'Point one of these aliases at a model id the catalog knows, e.g. openai/gpt-4o.',
        });
      }
      seen.add(next.toLowerCase());
    }
    return { chain, aliasKey };
  }

  /** An entry, or a failure that builds the error for a given location (memoised per id). */
  function resolveEntry(requested: string): Entry | Failure {
    const { chain, aliasKey } = followAliases(requested);
    const final = chain[chain.length - 1];
    const parsed = parseModelId(final);
    const found = catalogLookup(parsed) ?? fallbackFound(parsed);
    // A deployment name anywhere on the way means Azure bills the call.
    const viaAzure = chain.some((c) => parseModelId(c).deployment);

    let key: string | undefined;
    for (const c of chain) if ((key = pricingKeys.get(c))) break;
    if (!key && found) key = pricingKeys.get(found.canonical) ?? pricingByCanonical.get(found.canonical);
    if (key) {
      const override = pricing[key];
      const seller = viaAzure
        ? 'azure'
        : (found?.hit.providerId ?? parsed.providerId ?? vendorPrefix(key) ?? 'override');
      const resolved: ResolvedModel = {
        requested,
        canonical: found?.canonical ?? key,
        provider: 'override',
        priceId: key,
        family: found ? familyOf(parsed.model, found.hit.providerId) : familyOf(parsed.model, parsed.providerId),
        source: 'pricing',
      };
      if (override.tokenizer) resolved.tokenizer = override.tokenizer;
      return {
        resolved,
        override,
        tier: { seller, entryId: found?.hit.model.id, model: parsed.model },
        discount: discounts.of(seller),
        multipliers: new Map(),
      };
    }

    const aliasLocation = aliasKey !== undefined ? at(`models.${aliasKey}`) : undefined;
    if (parsed.deployment) {
      return (where) =>
        new UnknownModelError(final, [], {
          location: aliasLocation ?? where,
          hint: `Azure deployment names are yours to choose: map it under models: (e.g. models: { "${final}": openai/gpt-4o }), or price it under pricing:.`,
        });
    }
    if (!found) {
      const suggestions = closestKnownIds(final, parsed.model, parsed.providerId);
      let hint: string | undefined;
      const elsewhere = parsed.providerId ? catalogLookup({ model: parsed.model, deployment: false }) : undefined;
      if (elsewhere && parsed.prefix === 'openai') {
        // LiteLLM's `openai/<model>` names the OpenAI-compatible protocol of a gateway, not the vendor.
        suggestions.unshift(elsewhere.canonical);
        hint = `"openai/" in front of a non-OpenAI model names an OpenAI-compatible gateway, not the vendor, and the gateway's price is unknown: map it under models: (e.g. models: { "${final}": ${elsewhere.canonical} }) or put its price under pricing:.`;
      }
      const unique = [...new Set(suggestions)].slice(0, 3);
      return (where) => new UnknownModelError(final, unique, { location: aliasLocation ?? where, hint });
    }
    const { hit, canonical, origin } = found;
    if (!isPriced(hit.model)) {
      return (where) =>
        new UnknownModelError(final, [], {
          location: aliasLocation ?? where,
          hint: `The catalog lists ${hit.providerId}:${hit.model.id} without a per-token price (free, subscription or not priced per token). Put the price you pay under pricing: (e.g. pricing: { "${final}": { input: 0, output: 0 } } if it is free).`,
        });
    }
    const seller = viaAzure ? 'azure' : hit.providerId;
    return {
      resolved: {
        requested,
        canonical,
        provider: hit.providerId,
        priceId: hit.model.id,
        family: familyOf(parsed.model, hit.providerId),
        source: 'catalog',
      },
      lookup: pricedEntry(hit, parsed.model),
      origin,
      alt: origin === 'catalog' ? altEntry(hit.providerId, parsed) : undefined,
      tier: { seller, entryId: hit.model.id, model: parsed.model },
      discount: discounts.of(seller),
      multipliers: new Map(),
    };
  }

  function resolve(modelId: string, where?: SourceLocation): ResolvedModel {
    const failed = failures.get(modelId);
    if (failed) throw failed(where);
    let entry = entries.get(modelId);
    if (!entry) {
      const r = resolveEntry(modelId);
      if (typeof r === 'function') {
        failures.set(modelId, r);
        throw r(where);
      }
      entry = r;
      entries.set(modelId, entry);
      byObject.set(entry.resolved, entry);
    }
    return entry.resolved;
  }

  function entryOf(model: ResolvedModel, where?: SourceLocation): Entry {
    const e = byObject.get(model);
    if (e) return e;
    resolve(model.requested, where);
    return entries.get(model.requested) as Entry;
  }

  function lookupTier(e: Entry, tier: ServiceTier): TierMultiplier | undefined {
    // Memoised per entry: the tier table matches model names by regular expression.
    let m = e.multipliers.get(tier);
    if (m === undefined && !e.multipliers.has(tier)) {
      m = tierMultiplier(e.tier, tier);
      e.multipliers.set(tier, m);
    }
    return m;
  }

  function notOffered(e: Entry, tier: ServiceTier): string {
    return `service tier "${tier}" is not offered by ${e.tier.seller} for ${e.resolved.canonical} (offered: ${offeredTiers(e.tier).join(', ')})`;
  }

  function multiplier(e: Entry, tier: ServiceTier, where?: SourceLocation): TierMultiplier {
    const m = lookupTier(e, tier);
    if (m) return m;
    const offered = offeredTiers(e.tier).join(', ');
    throw new ConfigError(notOffered(e, tier), {
      location: where,
      hint: `${TIER_HINTS[tier as Exclude<ServiceTier, 'standard'>]}. Use one of ${offered} for this feature, or put the price you pay under pricing: and use tier: standard.`,
    });
  }

  return {
    resolve,

    price(model, usage, o) {
      const e = entryOf(model, o.where);
      checkUsage(usage, o.where);
      const date = checkDate(o.date);
      const m = multiplier(e, o.tier, o.where);
      const keep = 1 - e.discount;
      let input: number;
      let output: number;
      let other = 0;
      if (e.override) {
        const r = overrideRates(e.override);
        const uncached = usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens - usage.cacheWrite1hTokens;
        input =
          (uncached * r.input +
            usage.cacheReadTokens * r.cacheRead +
            usage.cacheWriteTokens * r.cacheWrite +
            usage.cacheWrite1hTokens * r.cacheWrite1h) /
          1e6;
        output = (usage.outputTokens * r.output) / 1e6;
      } else {
        const r = priceCallOn(
          e.lookup,
          {
            input: usage.inputTokens,
            cacheRead: usage.cacheReadTokens,
            cacheWrite: usage.cacheWriteTokens,
            cacheWrite1h: usage.cacheWrite1hTokens,
            output: usage.outputTokens,
          },
          date,
          o.time,
        );
        ({ input, output, other } = r);
      }
      input *= m.input * keep;
      output *= m.output * keep;
      other *= keep;
      return { input, output, total: input + output + other };
    },

    rates(model, o) {
      const e = entryOf(model, o.where);
      const date = checkDate(o.date);
      const m = multiplier(e, o.tier, o.where);
      const keep = 1 - e.discount;
      const r = e.override ? overrideRates(e.override) : ratesOn(e.lookup, date, o.time, o.inputTokens);
      const inF = m.input * keep;
      return {
        input: r.input * inF,
        output: r.output * m.output * keep,
        cacheRead: r.cacheRead * inF,
        cacheWrite: r.cacheWrite * inF,
        cacheWrite1h: r.cacheWrite1h * inF,
      };
    },

    tierProblem(model, tier) {
      const e = entryOf(model);
      return lookupTier(e, tier) ? null : notOffered(e, tier);
    },

    inputBreaks(model, date) {
      const e = entryOf(model);
      if (e.override) return [];
      return inputBreaksOn(e.lookup, checkDate(date));
    },

    priceSource(model, date) {
      const e = entryOf(model);
      if (e.override)
        return {
          kind: 'pricing',
          name: `pricing: in ${file}`,
          version: null,
          entry: model.priceId,
          timeOfDay: null,
          disagreement: null,
        };
      return catalogSource(e.origin, `${model.provider}:${model.priceId}`, e.lookup, e.alt, checkDate(date));
    },

    info: catalogInfo(Object.keys(pricing).length),
  };
}
