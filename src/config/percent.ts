/**
 * Percent values of `.aicost.yml` (`warn_at`, `max_monthly_increase_percent`, `discounts.*`,
 * `replay.max_bad_lines`): written `25%` or as a fraction `0.25`, stored as a fraction.
 */
import { ConfigError } from '../errors.js';

/** `25%`, `12.5 %`: digits, an optional decimal part, then the percent sign. */
const PERCENT_TEXT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;

/**
 * Why `value` is not a valid percent, or the fraction it stands for. A bare number above 1 is
 * refused rather than read as percentage points: `warn_at: 80` would otherwise silently mean
 * 8000%, and `discounts: { openai: 15 }` would mean a 1500% discount.
 */
export function checkPercent(value: unknown): { fraction: number } | { problem: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: `${String(value)} is not a percent; write e.g. 25% or 0.25` };
    if (value < 0) return { problem: `${value} is negative; a percent is between 0% and 100%` };
    if (value <= 1) return { fraction: value };
    if (value <= 100) return { problem: `${value} is not a fraction between 0 and 1; did you mean ${value}%?` };
    return { problem: `${value} is above 100%; a percent is written 25% or as a fraction 0.25` };
  }
  if (typeof value === 'string') {
    const m = PERCENT_TEXT.exec(value);
    if (!m) {
      return { problem: `"${clip(value)}" is not a percent; write it as 25% or as a fraction 0.25` };
    }
    const points = Number(m[1]);
    if (points > 100) return { problem: `${m[1]}% is above 100%` };
    // Dividing the digits keeps 12.5% → 0.125 free of the float noise of 12.5 * 0.01.
    return { fraction: points / 100 };
  }
  return { problem: `${describeValue(value)} is not a percent; write it as 25% or as a fraction 0.25` };
}

/**
 * Reads a percent (`25%`, `"12.5%"`, or a fraction `0.25`) as a fraction between 0 and 1.
 * Throws a ConfigError (without a location: callers that know one add it) for anything else,
 * e.g. `25` → "25 is not a fraction between 0 and 1; did you mean 25%?".
 */
export function parsePercent(value: unknown, key?: string): number {
  const result = checkPercent(value);
  if ('fraction' in result) return result.fraction;
  throw new ConfigError(key ? `${key}: ${result.problem}` : result.problem, {
    hint: 'A percent is written 25% (quoted or not) or as a fraction between 0 and 1 (0.25).',
  });
}

/** A short human description of a parsed YAML value, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `the string "${clip(value)}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `the number ${String(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a map';
}

/** Keeps quoted user text short in messages. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
