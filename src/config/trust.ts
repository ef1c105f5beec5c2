/**
 * The trust merge of the design's trust table: what decides the verdict for what exists at base is
 * read at base; what the PR proposes to those keys is shown (`proposed_config`) and applies after
 * merge. The PR may add features, and prices or aliases for ids priced nowhere else.
 */
import type { Config, FeatureConfig, PriceOverride } from '../types.js';

/** A feature as the diff prices it. */
export interface MergedFeature {
  id: string;
  /** The trusted entry: base's for features at base, head's for features the PR adds. */
  entry: FeatureConfig;
  /** The entry comes from the PR (added feature, or adoption). */
  declaredInPr: boolean;
  /** Artifact path to read at base (null when the feature is new). */
  basePrompt: string | null;
  /** Artifact path to read at head: head's entry, or base's when the PR dropped the entry. */
  headPrompt: string;
  /**
   * promptfoo provider choice (`provider:`) at each side. Read like the artifact path, not
   * trusted from base: switching it is the PR's model change, priced at head and shown as one.
   */
  baseProvider?: string;
  headProvider?: string;
  /** The PR removed the entry from the config while (maybe) keeping the artifact. */
  droppedFromConfig: boolean;
  /**
   * A feature the PR declares in place of a base feature whose entry it drops, on that feature's
   * artifact file moved or kept: it is that base feature, priced with the base entry (`entry.id`
   * is the base id, so its traffic lines and config positions still match).
   */
  renamedFrom?: string;
  /**
   * A feature the PR declares whose artifact copies a base feature's: priced as added, but with
   * that base feature's trusted entry (team, volume, traffic), not the PR's.
   */
  copiedFrom?: string;
}

/** Where a head artifact file came from at base (git rename/copy detection, or the same path). */
export interface ArtifactOrigin {
  basePath: string;
  how: 'renamed' | 'copied' | 'same';
}

/** The file of an artifact reference (`agents/crew.yaml#writer` → `agents/crew.yaml`). */
export function artifactFile(ref: string): string {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
}

/** A trusted key the PR edits: shown, not applied. */
export interface ProposedChange {
  path: string;
  base: unknown;
  head: unknown;
  effect: string;
}

export interface MergedConfig {
  /** The trusted config: base's teams, policies, discounts, replay and pricing date. */
  config: Config;
  features: MergedFeature[];
  proposed: ProposedChange[];
  policySource: 'base' | 'head (adoption)';
  /** Price and alias keys the PR added for ids priced nowhere else ("declared in this PR"). */
  declared: string[];
  notices: string[];
  /** The base config exists but could not be read (its first error line). */
  baseError?: string;
}

const AFTER_MERGE = 'takes effect after merge';

/** Trusted keys of a feature that exists at base. */
const FEATURE_KEYS: (keyof FeatureConfig)[] = [
  'team',
  'requestsPerMonth',
  'traffic',
  'trafficEntries',
  'trafficFormat',
  'tier',
  'typicalOutputTokens',
  'typicalTurns',
];
const FEATURE_KEY_NAMES: Partial<Record<keyof FeatureConfig, string>> = {
  requestsPerMonth: 'requests_per_month',
  trafficFormat: 'traffic_format',
  trafficEntries: 'traffic (format, where)',
  typicalOutputTokens: 'typical_output_tokens',
  typicalTurns: 'typical_turns',
};

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Flatten an object into dotted snake_case paths → leaf values (arrays are leaves). */
function flatten(prefix: string, value: unknown, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${snake(k)}` : snake(k), v, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
}

/** Compare one section of base and head config and record every changed leaf as proposed. */
function propose(
  section: string,
  base: unknown,
  head: unknown,
  out: ProposedChange[],
  keep?: (path: string) => boolean,
  source = '',
): void {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten('', base, a);
  flatten('', head, b);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const k of keys) {
    const path = k ? `${section}.${k}` : section;
    if (keep && !keep(path)) continue;
    if (!same(a.get(k), b.get(k)))
      out.push({ path, base: a.get(k) ?? null, head: b.get(k) ?? null, effect: `${AFTER_MERGE}${source}` });
  }
}

/**
 * Merge base and head configs by trust. `isPriced(id)` tells whether an id already has a price
 * (catalog or base `pricing:`/`models:`), so the PR cannot re-price it. With no base config the
 * head's applies (adoption); `baseError` marks a base config that could not be read.
 */
export function mergeTrusted(
  base: Config | null,
  head: Config,
  isPriced: (id: string) => boolean,
  options: { baseError?: string; origins?: ReadonlyMap<string, ArtifactOrigin> } = {},
): MergedConfig {
  const notices: string[] = [];
  if (!base) {
    notices.push(
      options.baseError
        ? `The base config could not be read (${options.baseError}); the PR's ${head.path} applies to this run. Fix the base config on the default branch.`
        : `No ${head.path} at base: this PR adopts aicost, so its own config applies (policies included) and every feature counts as added.`,
    );
    return {
      config: head,
      features: Object.values(head.features).map((f) => ({
        id: f.id,
        entry: f,
        declaredInPr: true,
        basePrompt: null,
        headPrompt: f.prompt ?? f.agent!,
        headProvider: f.provider,
        droppedFromConfig: false,
      })),
      proposed: [],
      policySource: 'head (adoption)',
      declared: [],
      notices,
      baseError: options.baseError,
    };
  }

  const proposed: ProposedChange[] = [];
  const declared: string[] = [];
  const features: MergedFeature[] = [];

  const lineage = lineageOf(base, head, options.origins);
  for (const b of Object.values(base.features)) {
    const h = head.features[b.id];
    const successor = [...lineage].find(([, l]) => l.from === b.id && l.how === 'renamed')?.[0];
    if (successor !== undefined) {
      // The entry lives on under the PR's new id: its trusted keys are base's, the PR's are proposed.
      const n = head.features[successor];
      proposeFeatureKeys(b, n, successor, proposed);
      proposed.push({
        path: `features.${b.id}`,
        base: 'declared',
        head: null,
        effect: `renamed to features.${successor}: priced with this base entry (team, volume, traffic) until merge`,
      });
      features.push({
        id: successor,
        entry: b,
        declaredInPr: false,
        basePrompt: b.prompt ?? b.agent!,
        headPrompt: n.prompt ?? n.agent!,
        baseProvider: b.provider,
        headProvider: n.provider,
        droppedFromConfig: false,
        renamedFrom: b.id,
      });
      continue;
    }
    if (h) proposeFeatureKeys(b, h, b.id, proposed);
    if (!h)
      proposed.push({
        path: `features.${b.id}`,
        base: 'declared',
        head: null,
        effect: 'the entry is dropped; its artifact stays priced under the base entry until merge',
      });
    features.push({
      id: b.id,
      entry: b,
      declaredInPr: false,
      basePrompt: b.prompt ?? b.agent!,
      // The artifact is what the PR changes: read head's path; a dropped entry keeps base's.
      headPrompt: h ? (h.prompt ?? h.agent!) : (b.prompt ?? b.agent!),
      baseProvider: b.provider,
      headProvider: h ? h.provider : b.provider,
      droppedFromConfig: !h,
    });
  }
  for (const h of Object.values(head.features)) {
    if (base.features[h.id]) continue;
    const l = lineage.get(h.id);
    if (l?.how === 'renamed') continue;
    if (l) {
      const b = base.features[l.from];
      proposeFeatureKeys(b, h, h.id, proposed);
      features.push({
        id: h.id,
        entry: b,
        declaredInPr: false,
        basePrompt: null,
        headPrompt: h.prompt ?? h.agent!,
        headProvider: h.provider,
        droppedFromConfig: false,
        copiedFrom: b.id,
      });
      continue;
    }
    if (!base.teams[h.team]) {
      notices.push(
        `Feature ${h.id} (declared in this PR) names team ${h.team}, which the base config does not have; its spend is counted for that team from merge on.`,
      );
    }
    features.push({
      id: h.id,
      entry: h,
      declaredInPr: true,
      basePrompt: null,
      headPrompt: h.prompt ?? h.agent!,
      headProvider: h.provider,
      droppedFromConfig: false,
    });
  }

  // Prices: base's; the PR may only add one for an id priced nowhere else.
  const pricing: Record<string, PriceOverride> = Object.assign(Object.create(null), base.pricing);
  for (const [id, price] of Object.entries(head.pricing)) {
    if (id in base.pricing) {
      if (!same(base.pricing[id], price))
        propose(`pricing.${id}`, base.pricing[id], price, proposed, undefined, sourceOf(head, `pricing.${id}`));
    } else if (isPriced(id)) {
      proposed.push({
        path: `pricing.${id}`,
        base: null,
        head: price,
        effect: `ignored: ${id} already has a catalog price; a PR cannot re-price it (${AFTER_MERGE})${sourceOf(head, `pricing.${id}`)}`,
      });
    } else {
      pricing[id] = price;
      declared.push(`pricing.${id}`);
    }
  }
  for (const id of Object.keys(base.pricing)) {
    if (!(id in head.pricing))
      proposed.push({
        path: `pricing.${id}`,
        base: base.pricing[id],
        head: null,
        effect: `${AFTER_MERGE}${sourceOf(base, `pricing.${id}`)}`,
      });
  }

  // Aliases: base's; the PR may add one for a name that resolves nowhere else.
  const models: Record<string, string> = Object.assign(Object.create(null), base.models);
  for (const [alias, target] of Object.entries(head.models)) {
    if (alias in base.models) {
      if (base.models[alias] !== target)
        proposed.push({
          path: `models.${alias}`,
          base: base.models[alias],
          head: target,
          effect: `${AFTER_MERGE}${sourceOf(head, `models.${alias}`) || sourceOf(base, `models.${alias}`)}`,
        });
    } else if (isPriced(alias)) {
      proposed.push({
        path: `models.${alias}`,
        base: null,
        head: target,
        effect: `ignored: ${alias} already resolves to a price; a PR cannot re-map it (${AFTER_MERGE})${sourceOf(head, `models.${alias}`)}`,
      });
    } else {
      models[alias] = target;
      declared.push(`models.${alias}`);
    }
  }
  for (const alias of Object.keys(base.models)) {
    if (!(alias in head.models))
      proposed.push({
        path: `models.${alias}`,
        base: base.models[alias],
        head: null,
        effect: `${AFTER_MERGE}${sourceOf(base, `models.${alias}`)}`,
      });
  }

  if (!same(base.modelsFrom ?? [], head.modelsFrom ?? []))
    proposed.push({
      path: 'models_from',
      base: base.modelsFrom ?? null,
      head: head.modelsFrom ?? null,
      effect: AFTER_MERGE,
    });
  propose('teams', base.teams, head.teams, proposed);
  propose('policies', base.policies, head.policies, proposed);
  propose('discounts', base.discounts, head.discounts, proposed);
  propose('replay', base.replay, head.replay, proposed);
  // The advisor's candidates, bar and eval files are read at base too (its policy hook must not grade the PR by the PR).
  propose('advisor', base.advisor ?? null, head.advisor ?? null, proposed);
  if (base.pricingDate !== head.pricingDate)
    proposed.push({ path: 'pricing_date', base: base.pricingDate, head: head.pricingDate, effect: AFTER_MERGE });

  const config: Config = { ...base, pricing, models };
  return { config, features, proposed: dedupe(proposed), policySource: 'base', declared, notices };
}

/** ` (from litellm.yaml:7)` when a `models_from:` file holds the entry `key`, else ''. */
function sourceOf(config: Config, key: string): string {
  const at = config.sourcedFrom?.[key];
  return at ? ` (from ${at})` : '';
}

/** Each trusted key the PR's entry `h` sets differently from base's `b`, proposed under `features.<id>`. */
function proposeFeatureKeys(b: FeatureConfig, h: FeatureConfig, id: string, out: ProposedChange[]): void {
  for (const key of FEATURE_KEYS) {
    if (!same(b[key], h[key]))
      out.push({
        path: `features.${id}.${FEATURE_KEY_NAMES[key] ?? key}`,
        base: b[key] ?? null,
        head: h[key] ?? null,
        effect: AFTER_MERGE,
      });
  }
}

/**
 * Which features the PR declares are base features under a new id. A declared feature whose
 * artifact file is a base feature's file moved, copied or unmoved continues that feature; it is
 * its rename when the base entry is gone from the head config and its file was moved or kept
 * (the first such feature by id), otherwise a copy. Several base features on one file: the
 * first by id.
 */
function lineageOf(
  base: Config,
  head: Config,
  origins: ReadonlyMap<string, ArtifactOrigin> | undefined,
): Map<string, { from: string; how: 'renamed' | 'copied' }> {
  const out = new Map<string, { from: string; how: 'renamed' | 'copied' }>();
  if (!origins?.size) return out;
  const byFile = new Map<string, string>();
  for (const b of Object.values(base.features).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const file = artifactFile(b.prompt ?? b.agent!);
    if (!byFile.has(file)) byFile.set(file, b.id);
  }
  const renamed = new Set<string>();
  for (const h of Object.values(head.features).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (base.features[h.id]) continue;
    const origin = origins.get(artifactFile(h.prompt ?? h.agent!));
    const from = origin ? byFile.get(origin.basePath) : undefined;
    if (from === undefined) continue;
    const rename = !head.features[from] && origin!.how !== 'copied' && !renamed.has(from);
    if (rename) renamed.add(from);
    out.set(h.id, { from, how: rename ? 'renamed' : 'copied' });
  }
  return out;
}

function dedupe(list: ProposedChange[]): ProposedChange[] {
  const seen = new Set<string>();
  return list
    .filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
