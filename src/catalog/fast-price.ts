/**
 * The fast price path: one catalog price set (an entry's prices at one date) compiled into flat
 * per-bracket rates, so a call is priced with a few multiplications instead of a `calcPrice` run
 * (~5 µs each: it copies the provider, re-validates the price keys and joins usage units on every
 * call, and a replay prices every sample several times).
 *
 * Exactness: the result must equal `calcPrice` bit for bit, so this replays the engine's own
 * arithmetic in the engine's order, not an algebraically equal formula: usage is split into leaf
 * units the way the engine's `ne` does (most specific unit first, each minus its priced
 * descendants, in that order), each price term is `price × tokens / per` for a plain price and
 * `(price × tokens / 1e6) × 1e6 / per` for a tiered one (the engine goes through its `de` helper),
 * and terms are added per direction in the price set's key order. Long-context tiers are
 * whole-request (`input_tokens > start`, strict), so each bracket between consecutive tier starts
 * has fixed rates, resolved once here. tests/catalog/fast-price.test.ts compares the two on
 * thousands of random usages.
 */
import type { ModelPrice, TieredPrices } from '@pydantic/genai-prices';

/** Token counts of one call in the catalog's usage keys (as in genai.ts's TokenUsage). */
export interface FastUsage {
  input: number;
  cacheRead: number;
  /** 5-minute (or unknown TTL) cache writes. */
  cacheWrite: number;
  cacheWrite1h: number;
  output: number;
}

/** A call's price split like the engine splits it (`other` = per-request fees). */
export interface FastCost {
  input: number;
  output: number;
  other: number;
}

/** Compiled price set: prices a call; `undefined` when the engine would reject the usage. */
export type FastPricer = (usage: FastUsage) => FastCost | undefined;

// Usage slots, in a fixed order: input_tokens, output_tokens, cache_read_tokens,
// cache_write_tokens (both TTLs, the engine's parent unit), cache_write_1h_tokens, requests.
const IN = 0;
const OUT = 1;
const CR = 2;
const CW = 3;
const CW1H = 4;
const REQ = 5;

interface UnitDef {
  slot: number;
  usageKey: string;
  /** The engine's unit dimensions (a unit is a descendant of another when its dimensions include the other's). */
  dims: Readonly<Record<string, string>>;
  per: number;
  direction: 'input' | 'output' | 'other';
}

/**
 * The engine's units for the price keys aicost bills (copied from its unit registry; a unit
 * added or changed there shows up as a mismatch in the comparison test).
 */
export const UNITS: Readonly<Record<string, UnitDef>> = {
  input_mtok: {
    slot: IN,
    usageKey: 'input_tokens',
    dims: { direction: 'input', family: 'tokens' },
    per: 1e6,
    direction: 'input',
  },
  output_mtok: {
    slot: OUT,
    usageKey: 'output_tokens',
    dims: { direction: 'output', family: 'tokens' },
    per: 1e6,
    direction: 'output',
  },
  cache_read_mtok: {
    slot: CR,
    usageKey: 'cache_read_tokens',
    dims: { direction: 'input', family: 'tokens', token_type: 'cache_read' },
    per: 1e6,
    direction: 'input',
  },
  cache_write_mtok: {
    slot: CW,
    usageKey: 'cache_write_tokens',
    dims: { direction: 'input', family: 'tokens', token_type: 'cache_write' },
    per: 1e6,
    direction: 'input',
  },
  cache_write_1h_mtok: {
    slot: CW1H,
    usageKey: 'cache_write_1h_tokens',
    dims: { cache_ttl: '1h', direction: 'input', family: 'tokens', token_type: 'cache_write' },
    per: 1e6,
    direction: 'input',
  },
  requests_kcount: { slot: REQ, usageKey: 'requests', dims: { family: 'requests' }, per: 1e3, direction: 'other' },
};

/** `a`'s dimensions are all in `b` (the engine's `U(a, b)`: b is a, or more specific). */
function within(a: UnitDef, b: UnitDef): boolean {
  return Object.entries(a.dims).every(([k, v]) => b.dims[k] === v);
}

/** One leaf of the usage split: slot minus the leaves of its priced descendants, in order. */
interface Leaf {
  slot: number;
  minus: number[];
}

/** One price term of one bracket. */
interface Term {
  slot: number;
  price: number;
  per: number;
  /** Tiered prices go through the engine's `de` (zero below one token, an extra ×1e6 / 1e6). */
  tiered: boolean;
  direction: UnitDef['direction'];
}

/**
 * Compile a price set (the `model_price` calcPrice picked for the date). Returns undefined when it
 * holds a price key outside the billed units (the caller then keeps using the engine).
 */
export function compilePrices(prices: ModelPrice): FastPricer | undefined {
  const entries: [UnitDef, number | TieredPrices][] = [];
  for (const [key, value] of Object.entries(prices)) {
    if (value === undefined) continue;
    const unit = UNITS[key];
    if (!unit) return undefined;
    entries.push([unit, value as number | TieredPrices]);
  }

  // The engine's leaf order: more dimensions first, then usage key (requests is not a leaf).
  const tokenUnits = entries.map(([u]) => u).filter((u) => u.slot !== REQ);
  // The engine sorts usage keys with localeCompare; for these keys (lower-case ASCII, digits, `_`)
  // that is code-point order (tests/catalog/fast-price.test.ts), and a first localeCompare starts
  // ICU's collator: ~8 ms of a small run.
  const order = tokenUnits
    .slice()
    .sort(
      (a, b) =>
        Object.keys(b.dims).length - Object.keys(a.dims).length ||
        (a.usageKey < b.usageKey ? -1 : a.usageKey > b.usageKey ? 1 : 0),
    );
  const leaves: Leaf[] = order.map((n) => ({
    slot: n.slot,
    minus: order.filter((p) => p !== n && within(n, p)).map((p) => p.slot),
  }));
  const leafCount = order.length;

  // Brackets: between consecutive distinct tier starts every tiered price is one number.
  const starts = [
    ...new Set(entries.flatMap(([, v]) => (typeof v === 'number' ? [] : v.tiers.map((t) => t.start)))),
  ].sort((a, b) => a - b);
  const bracketTerms = (input: number): Term[] =>
    entries.map(([unit, v]) => {
      if (typeof v === 'number')
        return { slot: unit.slot, price: v, per: unit.per, tiered: false, direction: unit.direction };
      let price = v.base;
      for (const t of [...v.tiers].sort((a, b) => a.start - b.start)) if (input > t.start) price = t.price;
      return { slot: unit.slot, price, per: unit.per, tiered: true, direction: unit.direction };
    });
  // Bracket 0 is input ≤ starts[0]; bracket j is starts[j-1] < input ≤ starts[j].
  const brackets: Term[][] = [bracketTerms(-Infinity), ...starts.map((s) => bracketTerms(s + 0.5))];

  const leaf = new Float64Array(6);
  const raw = new Float64Array(6);
  return (u) => {
    raw[IN] = u.input;
    raw[OUT] = u.output;
    raw[CR] = u.cacheRead;
    raw[CW] = u.cacheWrite + u.cacheWrite1h;
    raw[CW1H] = u.cacheWrite1h;
    for (let i = 0; i < leafCount; i++) {
      const l = leaves[i];
      const s = raw[l.slot];
      let m = 0;
      for (let k = 0; k < l.minus.length; k++) m += leaf[l.minus[k]];
      let r = s - m;
      // The engine's tolerance for rounding in the subtraction, and its refusal beyond it.
      const tol = Number.EPSILON * Math.max(1, Math.abs(s), Math.abs(m)) * (leafCount + 1);
      if (r < 0 && Math.abs(r) <= tol) r = 0;
      if (r < 0) return undefined;
      leaf[l.slot] = r;
    }
    leaf[REQ] = 1;
    const input = u.input;
    let b = 0;
    while (b < starts.length && input > starts[b]) b++;
    const terms = brackets[b];
    let inSum = 0;
    let outSum = 0;
    let other = 0;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const n = leaf[t.slot];
      const v = t.tiered ? (n <= 0 ? 0 : ((t.price * n) / 1e6) * 1e6) / t.per : (t.price * n) / t.per;
      if (t.direction === 'input') inSum += v;
      else if (t.direction === 'output') outSum += v;
      else other += v;
    }
    // The engine reports total = in + out + other and aicost derives other = total − in − out.
    const total = inSum + outSum + other;
    return { input: inSum, output: outSum, other: total - inSum - outSum };
  };
}
