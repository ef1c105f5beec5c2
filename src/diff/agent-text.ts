/** How change summaries print their numbers (prompt and agent changes alike): counts, shares, dollars and price ratios. */
import { grouped } from '../text/index.js';

/** An integer with its sign, grouped: "+1,234", "-56". */
export function signed(n: number): string {
  return n > 0 ? `+${grouped(n)}` : grouped(n);
}

/** A count per run: whole from 10 up, one decimal below. */
export function num(n: number): string {
  return n >= 10 ? n.toFixed(0) : n.toFixed(1).replace(/\.0$/, '');
}

/** A share as a percentage with at most one decimal. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** Dollars: cents from $1 up, two significant digits below (a run can cost $0.0029). */
export function usd(x: number): string {
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1 || a === 0)
    return `${sign}$${a.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `${sign}$${Number(a.toPrecision(2))}`;
}

/** A price ratio: "×5.0", "×1.25", "×0.125". */
export function ratioText(r: number): string {
  return `×${r >= 10 ? r.toFixed(1) : r >= 1 ? r.toFixed(2).replace(/0$/, '') : r.toFixed(3).replace(/0$/, '')}`;
}
