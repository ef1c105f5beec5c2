/**
 * One value of a traffic line, read without trusting it: own properties only, type checks whose
 * messages never echo customer text (short scalars as written, anything else by kind), whole-number
 * bounds, and deep copies without a prototype. A problem throws LineProblem (the line is skipped).
 */

import { MAX_TOKENS } from '../bounds.js';
import { grouped } from '../text/index.js';

/** Why a line was skipped; the message is the `BadLine.reason`. */
export class LineProblem extends Error {}

/** Nesting deeper than this in `vars`/`params` is refused rather than copied recursively. */
const MAX_DEPTH = 64;

/**
 * Bounds of a line's numbers. A value past one makes the line a bad line (counted against
 * `replay.max_bad_lines`), so that no weighted sum of a feature can overflow to Infinity and then
 * print as $0 or null: with 10^6 samples at the largest weight, token count and price (10^6 USD per
 * 1M tokens, the config's bound) every sum stays below 10^40.
 */
export const LINE_BOUNDS = {
  /** Tokens of one call, any kind (src/bounds.ts). */
  tokens: MAX_TOKENS,
  /** Real calls one line stands for: 10^12, the bound of a feature's monthly volume. */
  maxWeight: 1e12,
  /** Below this a weight is rounding noise that would underflow weighted sums to 0. */
  minWeight: 1e-6,
  /** Source-reported cost of one line, USD: a billion dollars is no real call. */
  costUsd: 1e9,
  /** Agent step index within a trace. */
  step: 1_000_000,
  /** Last millisecond of year 9999: later timestamps are not dates JavaScript can print. */
  tsMs: 253_402_300_799_999,
} as const;

export type Json = Record<string, unknown>;

/** A whole number ≥ 0 and ≤ `max` (by default the token bound). */
export function count(v: unknown, what: string, max: number = LINE_BOUNDS.tokens): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new LineProblem(`${what} must be a whole number ≥ 0 (found ${show(v)})`);
  }
  if (v > max) throw new LineProblem(`${what} must be ≤ ${bound(max)} (found ${show(v)})`);
  return v;
}

/** 100000000 → `100,000,000`; 1e-6 → `0.000001`. */
export function bound(n: number): string {
  return n < 1 ? n.toFixed(6).replace(/0+$/, '') : grouped(n);
}

/** A deep copy whose objects have no prototype and no `__proto__` key. */
export function safeCopy(v: unknown, where: string, depth: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) throw new LineProblem(`${where} nests deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(v)) return v.map((x) => safeCopy(x, where, depth + 1));
  const out = Object.create(null) as Json;
  for (const key of Object.keys(v)) {
    if (key === '__proto__') continue;
    out[key] = safeCopy((v as Json)[key], where, depth + 1);
  }
  return out;
}

/** An own property; JSON null counts as absent (exporters write null for "no value"). */
export function get(o: Json, key: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = o[key];
  return v === null ? undefined : v;
}

export function str(o: Json, key: string): string | undefined {
  const v = get(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new LineProblem(`${key} must be a string (found ${kindOf(v)})`);
  return v;
}

/** Ids may be written as numbers by some exporters; they are compared as text. */
export function idText(v: unknown, key: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new LineProblem(`${key} must be a string (found ${kindOf(v)})`);
}

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value for a message: short scalars as written, anything else by kind (lines may hold customer text). */
export function show(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string' && v.length <= 40) return JSON.stringify(v);
  return kindOf(v);
}

/** What a value is, in words (`an object`, `a string`, `number 3`), for messages that must not quote it. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `${typeof v} ${String(v)}`;
}
