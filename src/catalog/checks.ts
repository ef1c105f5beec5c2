/** Checks of what callers hand the catalog: usage counts and the pricing date. */
import type { SourceLocation } from '../errors.js';
import { ConfigError, TrafficError } from '../errors.js';
import type { CallUsage } from '../types.js';

/** Usage counts: finite, non-negative, cache reads and writes inside the input (inclusive semantics). */
export function checkUsage(u: CallUsage, where?: SourceLocation): void {
  // The five fields by name first (every priced call comes here); the generic walk only to name the culprit.
  if (
    !(
      okCount(u.inputTokens) &&
      okCount(u.cacheReadTokens) &&
      okCount(u.cacheWriteTokens) &&
      okCount(u.cacheWrite1hTokens) &&
      okCount(u.outputTokens)
    ) ||
    Object.keys(u).length !== 5
  ) {
    for (const [k, v] of Object.entries(u)) {
      if (!okCount(v))
        throw new TrafficError(`usage ${k} must be a non-negative number (got ${String(v)})`, { location: where });
    }
  }
  const cached = u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens;
  if (cached > u.inputTokens) {
    throw new TrafficError(`usage has ${cached} cache read/write tokens but only ${u.inputTokens} input tokens`, {
      location: where,
      hint: 'input_tokens must include cache reads and writes (OpenTelemetry semantics); Anthropic-style exclusive counts are summed by the importers.',
    });
  }
}

function okCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** A valid Date, or the ConfigError that names pricing_date. */
export function checkDate(d: Date): Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new ConfigError('pricing date is not a valid date', { hint: 'Write pricing_date as commit or YYYY-MM-DD.' });
  }
  return d;
}
