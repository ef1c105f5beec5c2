/**
 * How `@pydantic/genai-prices` finds the entry for a model id and the price set in force at a date
 * (its `calcPrice` up to the arithmetic, which fast-price.ts does), over catalog-data.ts's data, so
 * that the package is not loaded at run time. tests/catalog/catalog-match.test.ts holds both to
 * the package for every model of every provider, in several spellings, and every dated price at
 * every hour of days around its changes.
 */
import type { MatchLogic, ModelInfo, ModelPrice, Provider } from '@pydantic/genai-prices';
import { providerAt, providerHeads, providerIndex, providerWithId } from './catalog-data.js';
import { secondsOfDay } from './time-of-day.js';

const regexes = new Map<string, RegExp>();

/** A match rule on an id: string tests ignore case, a regex is taken as written (the package's `f`). */
export function matchesRule(rule: MatchLogic, text: string): boolean {
  if ('or' in rule) return rule.or.some((r) => matchesRule(r, text));
  if ('and' in rule) return rule.and.every((r) => matchesRule(r, text));
  if ('equals' in rule) return text.toLowerCase() === rule.equals.toLowerCase();
  if ('starts_with' in rule) return text.toLowerCase().startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return text.toLowerCase().endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return text.toLowerCase().includes(rule.contains.toLowerCase());
  if ('regex' in rule) {
    let re = regexes.get(rule.regex);
    if (!re) regexes.set(rule.regex, (re = new RegExp(rule.regex)));
    return re.test(text);
  }
  return false;
}

/** A provider named by id (exactly), else by its provider rule; −1 when none. */
function providerIndexById(id: string): number {
  const key = id.toLowerCase().trim();
  const exact = providerIndex(key);
  return exact >= 0
    ? exact
    : providerHeads().findIndex((h) => h.provider_match !== undefined && matchesRule(h.provider_match, key));
}

/** The provider for a lookup: the one named, else (also for an unknown `litellm`) the first whose model rule matches. */
function providerIndexFor(modelId: string, providerId: string | undefined): number {
  if (providerId) {
    const i = providerIndexById(providerId);
    if (i >= 0 || providerId.toLowerCase() !== 'litellm') return i;
  }
  if (!modelId) return -1;
  return providerHeads().findIndex((h) => h.model_match !== undefined && matchesRule(h.model_match, modelId));
}

/** The first model of the provider whose rule matches; then (one level) its fallback providers'. */
function modelIn(provider: Provider, id: string, withFallbacks: boolean): ModelInfo | undefined {
  const found = provider.models.find((m) => matchesRule(m.match, id));
  if (found || !withFallbacks) return found;
  for (const fallbackId of provider.fallback_model_providers ?? []) {
    const fallback = providerWithId(fallbackId);
    const m = fallback && modelIn(fallback, id, false);
    if (m) return m;
  }
  return undefined;
}

/** `-20250514` dates in an id, when real dates, written `-2025-05-14` (the package's second try). */
const COMPACT_DATE = /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g;

function dashedDates(id: string): string {
  return id.replace(COMPACT_DATE, (whole: string, dash: string, y: string, m: string, d: string) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    const real =
      date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
    return real ? `${dash}${y}-${m}-${d}` : whole;
  });
}

/**
 * The catalog entry for a model id, under `providerId` when given (a `litellm` provider with a
 * `provider/model` id looks the model up under that provider), else under the first provider
 * whose rule matches the id: the provider and model the package's `calcPrice` would price.
 */
export function findEntry(model: string, providerId?: string): { providerId: string; model: ModelInfo } | undefined {
  let id = model.toLowerCase().trim();
  let pid = providerId;
  if (pid && pid.toLowerCase() === 'litellm' && id.includes('/')) {
    const slash = id.indexOf('/');
    const prefix = id.slice(0, slash);
    const rest = id.slice(slash + 1);
    if (prefix && rest && providerIndexFor('', prefix) >= 0) {
      pid = prefix;
      id = rest;
    }
  }
  const i = providerIndexFor(id, pid);
  if (i < 0) return undefined;
  const provider = providerAt(i);
  let found = modelIn(provider, id, true);
  if (!found) {
    const dashed = dashedDates(id);
    if (dashed !== id) found = modelIn(provider, dashed, true);
  }
  return found && { providerId: provider.id, model: found };
}

/**
 * The price set of `model` in force at `date`: the last of its dated sets whose constraint holds
 * (a start date reached, a time-of-day window containing the UTC time), else the first.
 */
export function priceSetAt(model: ModelInfo, date: Date): ModelPrice {
  const sets = model.prices;
  if (!Array.isArray(sets)) return sets;
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  for (let i = sets.length - 1; i >= 0; i--) {
    const c = sets[i].constraint;
    if (c === undefined) return sets[i].prices;
    if (c.type === 'start_date') {
      if (date >= new Date(c.start_date)) return sets[i].prices;
    } else if (c.type === 'time_of_date') {
      const now =
        date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds() + date.getUTCMilliseconds() / 1e3;
      const start = secondsOfDay(c.start_time);
      const end = secondsOfDay(c.end_time);
      if (end < start ? now >= start || now < end : now >= start && now < end) return sets[i].prices;
    } else {
      // scripts/generate.mjs refuses other constraints: a build bug, not input.
      throw new Error(`catalog: ${model.id} has a price constraint aicost cannot read`);
    }
  }
  return sets[0].prices;
}
