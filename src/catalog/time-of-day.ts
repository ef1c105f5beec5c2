/**
 * Time-of-day prices (DeepSeek's off-peak and peak windows): a price must not depend on the clock
 * time of a commit. The pricing date picks the price *version* (its UTC day); the time of day comes
 * from the call itself (a sample's `ts`), and a call without one (a static estimate, a sample
 * without `ts`) is priced at the mean over the day, each window weighted by its hours.
 *
 * The catalog engine picks a price set from a timestamp (start-date and time-of-day constraints,
 * the last matching one wins). The day is cut at every window boundary of the entry; inside one
 * piece the engine's pick does not change, so one timestamp per piece (its start on the version
 * day) stands for the whole piece.
 */
import type { ModelInfo } from '@pydantic/genai-prices';

const DAY_SECONDS = 86_400;
const DAY_MS = DAY_SECONDS * 1000;

/** A stretch of the UTC day, in seconds from midnight: [start, end). */
export interface DayWindow {
  start: number;
  end: number;
}

/** One price set to use, and its share of the call's price (1 at a known time; hours ÷ 24 for the mean). */
export interface PricePoint {
  at: Date;
  weight: number;
}

/**
 * The pieces of the UTC day between the entry's time-of-day boundaries, in order; one whole-day
 * piece when its prices do not depend on the time of day.
 */
export function dayWindows(model: ModelInfo): DayWindow[] {
  const cuts = new Set([0, DAY_SECONDS]);
  if (Array.isArray(model.prices)) {
    for (const p of model.prices) {
      const c = p.constraint;
      if (c?.type !== 'time_of_date') continue;
      cuts.add(secondsOfDay(c.start_time));
      cuts.add(secondsOfDay(c.end_time));
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(1).map((end, i) => ({ start: sorted[i], end }));
}

/**
 * `HH:MM:SS[.fff](Z|±HH:MM)` → seconds after UTC midnight, the way the engine reads its
 * constraints (an offset moves the time to UTC).
 */
export function secondsOfDay(time: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!m) throw new Error(`catalog has an unreadable time-of-day constraint: ${time}`); // pinned data: a bug, not input
  const local = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(`0.${m[4] ?? ''}`);
  const offset = m[5] === 'Z' ? 0 : (m[6] === '+' ? 1 : -1) * (Number(m[7]) * 3600 + Number(m[8]) * 60);
  return (((local - offset) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
}

/** UTC midnight of `date`, in epoch ms: the price version a pricing date stands for. */
export function versionDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS) * DAY_MS;
}

/**
 * Where to read prices for a call: at the call's own time of day on the version day when `time`
 * (epoch ms) is given, else every piece of the version day weighted by its length. Memoised per
 * version day in `memo` (one Date per piece).
 */
export function pricePoints(
  windows: readonly DayWindow[],
  date: Date,
  time: number | undefined,
  memo: Map<number, PricePoint[]>,
): PricePoint[] {
  const day = versionDay(date);
  let points = memo.get(day);
  if (!points) {
    points = windows.map((w) => ({ at: new Date(day + w.start * 1000), weight: (w.end - w.start) / DAY_SECONDS }));
    memo.set(day, points);
  }
  if (points.length === 1 || time === undefined || !Number.isFinite(time)) return points;
  const s = (((time % DAY_MS) + DAY_MS) % DAY_MS) / 1000;
  let i = 0;
  while (i < windows.length - 1 && s >= windows[i].end) i++;
  return [{ at: points[i].at, weight: 1 }];
}

/** Whether prices of this entry change during the day. */
export function variesByTimeOfDay(windows: readonly DayWindow[]): boolean {
  return windows.length > 1;
}

/** `00:30–16:30 UTC` for a window, for notices. */
export function windowLabel(w: DayWindow): string {
  const hhmm = (s: number): string =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
  return `${hhmm(w.start)}–${hhmm(w.end)} UTC`;
}
