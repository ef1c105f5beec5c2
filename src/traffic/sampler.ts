/**
 * Deterministic bottom-k sampling of whole units (a trace, or a single call), bounded in memory.
 *
 * Every unit gets a rank: the FNV-1a hash of its key (`trace_id` when present, else the sample's
 * id), ties broken by the key itself. The sample is the units of lowest rank whose lines together
 * fit in `k`. While streaming, a max-heap holds the kept units; when they exceed `k` lines the
 * highest-ranked unit is dropped and its rank becomes the threshold: every later line of a unit at
 * or above it is dropped on arrival. The threshold only falls, and it ends at the rank of the
 * lowest unit that no longer fits, whatever order the lines came in, so the same ids are kept on
 * every run, for any file order and any line order, and base and head replay the same samples.
 *
 * Memory: at most `k` lines, plus the lines of one unit bigger than `k` alone (a unit is never
 * split; if the lowest-ranked unit alone exceeds `k`, it is the whole sample).
 */

import type { Sample } from '../types.js';
import { hashKey } from './hash.js';

interface Unit {
  key: string;
  rank: number;
  /** [read order, sample] so the result can be put back in file order. */
  lines: [number, Sample][];
}

/** True when unit a ranks above (is dropped before) unit b. */
function above(a: { rank: number; key: string }, b: { rank: number; key: string }): boolean {
  return a.rank !== b.rank ? a.rank > b.rank : a.key > b.key;
}

/** The unit a sample is kept or dropped with. */
export function unitKey(sample: Sample): string {
  return sample.traceId !== undefined ? `trace:${sample.traceId}` : `id:${sample.id}`;
}

/** Streams samples in, keeps a deterministic subset of at most `k` lines (whole units). */
export class BottomKSampler {
  /** The kept units: in arrival order while nothing was dropped, a max-heap by rank after. */
  private readonly heap: Unit[] = [];
  private readonly units = new Map<string, Unit>();
  private threshold: { rank: number; key: string } | null = null;
  private kept = 0;
  private seq = 0;
  /**
   * Samples in arrival order until the first line too many: a file within `k` lines (the usual
   * case) is kept whole, so its units need no rank, no heap and no sort; ranks are computed and
   * the heap is built only when something must be dropped, which drops the same units.
   */
  private whole: Sample[] | null = [];

  constructor(private readonly k: number) {}

  /** Offers one sample; it may be dropped now or later, together with its unit. */
  add(sample: Sample): void {
    const order = this.seq++;
    const key = unitKey(sample);
    let unit = this.units.get(key);
    if (!unit) {
      if (this.whole) unit = { key, rank: NaN, lines: [] };
      else {
        const candidate = { key, rank: hashKey(key) };
        if (this.threshold && !above(this.threshold, candidate)) return;
        unit = { ...candidate, lines: [] };
      }
      this.units.set(key, unit);
      this.push(unit);
    }
    unit.lines.push([order, sample]);
    this.whole?.push(sample);
    this.kept++;
    if (this.kept > this.k && this.whole) this.rank();
    while (this.kept > this.k && this.heap.length > 1) {
      const top = this.popMax();
      this.units.delete(top.key);
      this.kept -= top.lines.length;
      this.threshold = { rank: top.rank, key: top.key };
    }
  }

  /** Samples kept, in the order they were offered. */
  result(): Sample[] {
    if (this.whole) return this.whole.slice();
    const all: [number, Sample][] = [];
    for (const unit of this.heap) for (const entry of unit.lines) all.push(entry);
    all.sort((a, b) => a[0] - b[0]);
    return all.map((e) => e[1]);
  }

  /** The first line too many: rank every unit and order them as a heap (Floyd's, linear). */
  private rank(): void {
    this.whole = null;
    const h = this.heap;
    for (const unit of h) unit.rank = hashKey(unit.key);
    for (let i = (h.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private push(unit: Unit): void {
    const h = this.heap;
    h.push(unit);
    if (this.whole) return;
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!above(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private popMax(): Unit {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && above(h[l]!, h[m]!)) m = l;
      if (r < h.length && above(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
