/**
 * "Closest known ids" for unknown models: edit distance (the did-you-mean rule of src/text/did-you-mean.ts)
 * over the canonical ids the catalog can resolve. Built on first use only (an error path), then kept.
 */
import type { ModelInfo, MatchLogic } from '@pydantic/genai-prices';
import { editDistance, maxDistanceFor } from '../text/index.js';
import { allProviders, isPriced, lookup } from './genai.js';
import { canonicalId, isDeploymentPrefix } from './ids.js';

/** A catalog model under a spelling that resolves back to it. */
export interface KnownId {
  canonical: string;
  providerId: string;
  model: string;
  deprecated: boolean;
}

let known: KnownId[] | undefined;

/** Every catalog model under a canonical id that `resolve()` maps back to the same entry. */
export function knownIds(): KnownId[] {
  if (known) return known;
  const out: KnownId[] = [];
  const seen = new Set<string>();
  for (const provider of allProviders()) {
    // Azure ids are deployment names: `azure/…` never resolves without an alias.
    if (isDeploymentPrefix(provider.id)) continue;
    for (const model of provider.models) {
      if (!isPriced(model)) continue;
      const spelling = writableSpelling(provider.id, model);
      if (!spelling) continue;
      const canonical = canonicalId(provider.id, spelling);
      if (seen.has(canonical)) continue;
      seen.add(canonical);
      out.push({ canonical, providerId: provider.id, model: spelling, deprecated: model.deprecated === true });
    }
  }
  known = out;
  return out;
}

/** The entry id when it matches itself, else the first literal of its match rule that does. */
function writableSpelling(providerId: string, model: ModelInfo): string | undefined {
  for (const s of [model.id.toLowerCase(), ...literals(model.match)]) {
    if (lookup(s, providerId)?.model.id === model.id) return s;
  }
  return undefined;
}

function literals(m: MatchLogic): string[] {
  if ('equals' in m) return [m.equals.toLowerCase()];
  if ('starts_with' in m) return [m.starts_with.toLowerCase()];
  if ('or' in m) return m.or.flatMap(literals);
  if ('and' in m) return m.and.flatMap(literals);
  return [];
}

/**
 * Up to `max` known canonical ids closest to `requested`. `model` is the requested model part and
 * `providerId` the provider its prefix named (same-provider ids rank first).
 */
export function closestKnownIds(requested: string, model: string, providerId: string | undefined, max = 3): string[] {
  const full = requested.trim().toLowerCase();
  const limit = maxDistanceFor(model);
  const scored: { id: string; score: number }[] = [];
  for (const k of knownIds()) {
    const byModel = editDistance(model, k.model, limit) + (providerId && providerId !== k.providerId ? 1 : 0);
    const score = Math.min(byModel, editDistance(full, k.canonical, limit)) + (k.deprecated ? 0.5 : 0);
    if (score <= limit) scored.push({ id: k.canonical, score });
  }
  scored.sort((a, b) => a.score - b.score || a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
  return scored.slice(0, max).map((s) => s.id);
}
