/**
 * The string → rank index over a packed table (packed-table.ts): its hash, the layout of its
 * slots and records (written by index-builder.ts), and the lookup that reads them.
 *
 * The lookup compares keys with the latin1 and UTF-16 units where they lie in the table's
 * payload (no per-token string objects), with the `get` of the Map it stands in for inside
 * gpt-tokenizer (gpt-tokenizer-internals.ts). It lives with the hash and the layout constants so
 * that its hot loop reads them as locals of one module.
 */

/**
 * What the lookup reads of a packed table (packed-table.ts's PackedTable has these members). Stated
 * here so that this file, whose constants the table is laid out by, does not import the table back.
 */
export interface IndexedTable {
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly records: Int32Array;
  readonly narrowSlots: Int32Array;
  readonly wideSlots: Int32Array;
  readonly narrowMask: number;
  readonly wideMask: number;
  readonly narrowAt: number;
  readonly wideAt: number;
  readonly wideIndexed: boolean;
  readonly size: number;
  indexWide(): void;
}

// Module-level alias: inside a vm context (jest) every read of the global `Math` is slow.
const imul = Math.imul;

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/**
 * The hash of the index: FNV-1a over the UTF-16 code units taken two at a time (first | second
 * << 16; an odd last one alone), then the high half folded into the low one (FNV carries bits
 * only upwards, and the slot is chosen by the low bits).
 */
export function hashKey(key: string): number {
  return hashRange(key, 0, key.length);
}

/** {@link hashKey} of `text.slice(start, end)`, without making that string. */
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  let i = start;
  for (; i + 1 < end; i += 2) h = imul(h ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), FNV_PRIME);
  if (i < end) h = imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h ^ (h >>> 16);
}

// A slot: 0 (empty), or the hash's bits above RANK_BITS | rank + 1 (most probes end on the tag,
// without reading a record). A record, per rank: length << 24 | wide << 23 | offset of the text in
// its part of the payload (bytes in the narrow text, units in the wide text); 0 for a byte token.
export const RANK_BITS = 18;
export const RANK_MASK = (1 << RANK_BITS) - 1;
export const TAG_MASK = ~RANK_MASK;
export const WIDE_FLAG = 1 << 23;
export const OFFSET_MASK = WIDE_FLAG - 1;

/** Text token → rank, with the `get` of the Map it stands in for (over the table's index). */
export class RankLookup {
  private readonly u8: Uint8Array;
  private readonly u16: Uint16Array;
  private readonly records: Int32Array;
  private readonly narrowSlots: Int32Array;
  private readonly wideSlots: Int32Array;
  private readonly narrowMask: number;
  private readonly wideMask: number;
  private readonly narrowAt: number;
  private readonly wideAt: number;
  private wideIndexed: boolean;

  /**
   * `nonAsciiMiss`, if given, is called (once) before the first miss of a key with a unit above
   * 0x7F returns (gpt-tokenizer-internals.ts fills the byte tokens then).
   */
  constructor(
    private readonly table: IndexedTable,
    private nonAsciiMiss?: () => void,
  ) {
    this.u8 = table.u8;
    this.u16 = table.u16;
    this.records = table.records;
    this.narrowSlots = table.narrowSlots;
    this.wideSlots = table.wideSlots;
    this.narrowMask = table.narrowMask;
    this.wideMask = table.wideMask;
    this.narrowAt = table.narrowAt;
    this.wideAt = table.wideAt;
    this.wideIndexed = table.wideIndexed;
  }

  /**
   * The rank of a text token, undefined for any other string. (Small enough for V8 to inline it
   * into the package's loops: the rare paths are other methods.)
   */
  get(key: string): number | undefined {
    const h = hashKey(key);
    const rank = this.narrowRange(key, 0, key.length, h);
    return rank >= 0 ? rank : this.notNarrow(key, h);
  }

  /**
   * The rank of `text.slice(start, end)` among the latin1 text tokens (split-scanner.ts), -1 when it
   * is none of them (a wide token is found by `get`); no string is made.
   */
  rankOfRange(text: string, start: number, end: number): number {
    return this.narrowRange(text, start, end, hashRange(text, start, end));
  }

  /** The narrow index's rank of `text.slice(start, end)` (`h`: its hash), or -1. */
  private narrowRange(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    const { narrowSlots: slots, narrowMask: mask, records, u8 } = this;
    const tag = h & TAG_MASK;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0) return -1;
      if ((e & TAG_MASK) !== tag) continue;
      const rank = (e & RANK_MASK) - 1;
      const rec = records[rank]!;
      if (rec >>> 24 !== len) continue;
      const at = this.narrowAt + (rec & OFFSET_MASK) - start;
      let i = start;
      while (i < end && u8[at + i] === text.charCodeAt(i)) i++;
      if (i === end) return rank;
    }
  }

  /** Not a narrow token: a wide one if the key has a unit above 0xFF (`h`: its hash). */
  private notNarrow(key: string, h: number): number | undefined {
    let units = 0;
    for (let i = 0; i < key.length; i++) units |= key.charCodeAt(i);
    if (units < 0x80) return undefined;
    if (this.nonAsciiMiss) {
      this.nonAsciiMiss();
      this.nonAsciiMiss = undefined;
    }
    if (units <= 0xff) return undefined;
    if (!this.wideIndexed) {
      this.table.indexWide();
      this.wideIndexed = true;
    }
    const len = key.length;
    const { wideSlots: slots, wideMask: mask, records, u16 } = this;
    const tag = h & TAG_MASK;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0) return undefined;
      if ((e & TAG_MASK) !== tag) continue;
      const rank = (e & RANK_MASK) - 1;
      const rec = records[rank]!;
      if (rec >>> 24 !== len) continue;
      const at = this.wideAt + (rec & OFFSET_MASK);
      let j = 0;
      while (j < len && u16[at + j] === key.charCodeAt(j)) j++;
      if (j === len) return rank;
    }
  }

  /** Number of text tokens. */
  get size(): number {
    return this.table.size;
  }
}
