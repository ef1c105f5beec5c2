/** Formatting of money, counts and untrusted text for people (Markdown and terminal). */

/**
 * Dollars for people: `$12,345` at $100 and above, `$12.34` from $1, and two significant digits
 * (at least four decimals) below a dollar: `$0.0042`. Negative values keep their sign: `-$300`.
 */
export function usd(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a === 0) return '$0';
  if (a >= 100) return `${sign}$${Math.round(a).toLocaleString('en-US')}`;
  if (a >= 1) return `${sign}$${a.toFixed(2)}`;
  const decimals = Math.max(4, -Math.floor(Math.log10(a)) + 1);
  return `${sign}$${a.toFixed(Math.min(decimals, 10))}`;
}

/** Signed dollars for deltas: `+$300`, `-$12.50`, `$0`. */
export function signedUsd(x: number): string {
  if (x > 0) return `+${usd(x)}`;
  return usd(x);
}

/** Whole numbers with thousands separators; one decimal below 10 (e.g. effective samples). */
export function count(x: number): string {
  if (Math.abs(x) < 10 && !Number.isInteger(x)) return x.toFixed(1);
  return Math.round(x).toLocaleString('en-US');
}

/** Percent from a fraction: 0.905 → `90.5%`. */
export function pct(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/**
 * Make repository text inert in GitHub Markdown: no HTML, no table breaks, no @mentions or
 * #references that notify, no code spans or our comment marker.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/@/g, '@\u200b')
    .replace(/([\\*_[\]~#!])/g, '\\$1');
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
