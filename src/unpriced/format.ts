/**
 * Wording shared by the scanners: ratios (`×16.7`), the price ratio of a model swap, and the
 * `.aicost.yml` entries suggested in hints.
 */

import type { PriceRatio } from './types.js';
import { yamlScalar } from './paths.js';

/** Longest value quoted in a summary; longer ones are cut with `…`. */
const MAX_VALUE_CHARS = 80;

/** `16.7`, `4`, `1.25`, `0.06`: one decimal from 10 up, two below, two significant digits under 1. */
export function formatRatio(r: number): string {
  if (r >= 10) return String(Math.round(r * 10) / 10);
  if (r >= 1) return String(Math.round(r * 100) / 100);
  return String(Number(r.toPrecision(2)));
}

/** Whitespace runs and control characters as one space, trimmed. */
export function oneLine(s: string): string {
  return s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * A value for a one-line summary: whitespace runs and control characters become one space (a
 * YAML block scalar must not break the line), cut when long, `(empty)` when empty.
 */
export function show(value: string): string {
  const flat = oneLine(value);
  if (flat === '') return '(empty)';
  return flat.length > MAX_VALUE_CHARS ? `${flat.slice(0, MAX_VALUE_CHARS - 1)}…` : flat;
}

/** The caller's price ratio, or null when it is missing, unknown or not a positive number. */
export function safeRatio(priceRatio: PriceRatio | undefined, from: string, to: string): number | null {
  if (!priceRatio || from === to) return null;
  let r: number | null;
  try {
    r = priceRatio(from, to);
  } catch {
    return null;
  }
  return typeof r === 'number' && Number.isFinite(r) && r > 0 ? r : null;
}

/** ` (×16.7 input price)` or nothing. */
export function priceSuffix(ratio: number | null): string {
  return ratio === null ? '' : ` (×${formatRatio(ratio)} input price)`;
}

/** ` (×4 output cap)` / ` (×3 loop limit)` for two numeric limits, or nothing when old is 0. */
export function limitSuffix(
  oldValue: number,
  newValue: number,
  what: 'output cap' | 'loop limit' | 'reasoning budget',
): string {
  if (!(oldValue > 0) || !Number.isFinite(newValue)) return '';
  return ` (×${formatRatio(newValue / oldValue)} ${what})`;
}

/** `features: { faq: { team: <team>, prompt: prompts/faq.prompt.yml, requests_per_month: <n> } }`. */
export function featureEntry(
  id: string,
  key: 'prompt' | 'agent',
  path: string,
  model?: string,
  output = false,
): string {
  const modelPart = model === undefined ? '' : `, model: ${model}`;
  // Without traces an agent is priced as static loops, which need turns and output per turn; a
  // prompt without samples or an output cap in the file needs a typical output size.
  const extra = key === 'agent' ? ', typical_turns: <turns>, typical_output_tokens: <tokens>' : '';
  const outputPart = key === 'prompt' && output ? ', typical_output_tokens: <n>' : '';
  return `features: { ${id}: { team: <team>, ${key}: ${yamlScalar(path)}${modelPart}${outputPart}, requests_per_month: <n>${extra} } }`;
}
