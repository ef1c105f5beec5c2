/**
 * What the catalog knows about models beyond their prices, for the savings advisor: the canonical
 * ids it can price (candidates for routing) and a model's context window.
 */
import type { ResolvedModel } from '../types.js';
import { lookup } from './genai.js';
import { knownIds, type KnownId } from './suggest.js';

export type { KnownId } from './suggest.js';

/** Every model the primary catalog prices, under a canonical id that resolves back to it. */
export function catalogModels(): readonly KnownId[] {
  return knownIds();
}

/**
 * The model's context window in tokens (input and output together, as the catalog states it), or
 * null when the catalog does not say (a `pricing:` override, a fallback-catalog id, an entry
 * without the field).
 */
export function contextWindow(model: ResolvedModel): number | null {
  if (model.source !== 'catalog') return null;
  const hit = lookup(model.priceId, model.provider);
  const w = hit?.model.context_window;
  return typeof w === 'number' && w > 0 ? w : null;
}
