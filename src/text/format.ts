/** Formatting of money, counts and percentages for people (Markdown and terminal). */

/** The one Markdown escaper lives in escape.ts; re-exported for the estimate report. */
export { escapeMarkdown } from './escape.js';

/** The minus sign for Markdown (U+2212), as wide as `+` so signed columns line up. */
export const MINUS = '\u2212';

/**
 * An integer with thousands separators, exactly as `n.toLocaleString('en-US')` writes it
 * (`-1,234,567`, `-0`), without calling it for safe integers: the first `toLocaleString` of a
 * process initialises ICU's number formatting, ~15–25 ms of a small run's start (BENCHMARKS.md,
 * cold start). Anything else (fractions, beyond 2^53, not finite) is the library's.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}

/**
 * Dollars for people: `$12,345` at $100 and above, `$12.34` from $1, and two significant digits
 * (at least four decimals) below a dollar: `$0.0042`. Negative values keep their sign: `-$300`.
 */
export function usd(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a === 0) return '$0';
  // Thresholds sit where rounding would carry into the next format ($99.996 is `$100`).
  if (a >= 99.995) return `${sign}$${grouped(Math.round(a))}`;
  if (a >= 0.99995) return `${sign}$${a.toFixed(2)}`;
  const decimals = Math.max(4, -Math.floor(Math.log10(a)) + 1);
  return `${sign}$${a.toFixed(Math.min(decimals, 10))}`;
}

/**
 * Signed dollars for deltas: `+$300`, `-$12.50`, `$0`. `minus` replaces the hyphen (Markdown
 * passes MINUS). Float noise below a billionth of a dollar counts as zero.
 */
export function signedUsd(x: number, minus = '-'): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) < 1e-9) return '$0';
  return x > 0 ? `+${usd(x)}` : `${minus}${usd(-x)}`;
}

/**
 * Signed percentage points: one decimal below 100 (`+23.6%`, `-3.1%`), whole numbers with
 * separators from 100 (`+1,567%`); `0%` when it rounds to zero.
 */
export function signedPct(points: number, minus = '-'): string {
  if (!Number.isFinite(points)) return 'n/a';
  const a = Math.abs(points);
  const body = a >= 99.95 ? grouped(Math.round(a)) : a.toFixed(1);
  if (body === '0.0') return '0%';
  return `${points > 0 ? '+' : minus}${body}%`;
}

/** Whole numbers with thousands separators; one decimal below 10 (e.g. effective samples). */
export function count(x: number): string {
  if (Math.abs(x) < 10 && !Number.isInteger(x)) return x.toFixed(1);
  return grouped(Math.round(x));
}

/** Percent from a fraction: 0.905 → `90.5%`. */
export function pct(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Pad a table for the terminal: left-align the first column, right-align the others. */
export function textTable(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => {
          const pad = ' '.repeat(widths[c] - [...cell].length);
          return align[c] === 'r' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
