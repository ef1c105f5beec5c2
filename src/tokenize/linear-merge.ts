/**
 * Byte-pair merging of long pieces in O(n log n), with the same result as gpt-tokenizer's own
 * merge (issue 12, reproduction 11).
 *
 * The package's `bytePairMerge` (as tiktoken's reference) finds the lowest-ranked adjacent pair by
 * scanning every pair and splices arrays for each merge: O(n²) in the piece's length. A piece is
 * what the split regex yields, and nothing bounds it: a 900,000-character run of one letter, a
 * base64 blob or a minified line is one piece, and took minutes. The rule itself is: while some
 * adjacent pair of parts is a token, merge the pair of lowest rank, the leftmost of equal ranks.
 * Here the candidate pairs sit in a binary heap keyed by (rank, start byte) — the smallest key is
 * exactly that pair, since parts keep their start bytes in order — and the parts in a linked list;
 * a merge changes the two pairs around it, whose old heap entries are dropped when they surface
 * (a version per part). Every rank lookup goes through the package's own `getBpeRankFromBytes`, so
 * the tokens are the package's. tests/tokenize/linear-merge.test.ts compares the two merges.
 *
 * This module only computes; gpt-tokenizer-internals.ts installs it in the package's encoding
 * core (and states what of gpt-tokenizer 4.0.0 that relies on).
 */

/** Pieces of at least this many bytes are merged here; shorter ones by the package (no heap to set up). */
export const LINEAR_MERGE_MIN_BYTES = 128;

/** The package's rank lookup (gpt-tokenizer 4.0.0 BytePairEncodingCore). */
export interface RankSource {
  getBpeRankFromString(key: string): number | undefined;
  getBpeRankFromBytes(key: Uint8Array): number | undefined;
  getBpeRankFromBytesOrThrow(key: Uint8Array): number;
}

/** Work done by the linear merge since the process started, for tests that bound work by counting. */
export const linearMergeStats = { pieces: 0, bytes: 0, lookups: 0, heapPops: 0, cacheClears: 0 };

/** Runs `work` (a probe, not the run's own counting) and leaves {@link linearMergeStats} as it was. */
export function outsideStats<T>(work: () => T): T {
  const stats = { ...linearMergeStats };
  try {
    return work();
  } finally {
    Object.assign(linearMergeStats, stats);
  }
}

// Ranks are below 2^21 and starts below 2^32: (rank, start) packs into one exact double.
const START_SPAN = 2 ** 32;

/** Tokens of one piece's bytes by the byte-pair rule, merged with a heap (see the module comment). */
export function linearBytePairMerge(piece: Uint8Array, ranks: RankSource): number[] {
  const n = piece.length;
  linearMergeStats.pieces++;
  linearMergeStats.bytes += n;
  // Parts by start byte: next part's start (n at the end), previous part's start, version.
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  const version = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  const heapKey: number[] = [];
  const heapVer: number[] = [];
  const push = (key: number, ver: number): void => {
    let i = heapKey.length;
    heapKey.push(key);
    heapVer.push(ver);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapKey[p]! <= key) break;
      heapKey[i] = heapKey[p]!;
      heapVer[i] = heapVer[p]!;
      i = p;
    }
    heapKey[i] = key;
    heapVer[i] = ver;
  };
  const pop = (): void => {
    const lastKey = heapKey.pop()!;
    const lastVer = heapVer.pop()!;
    const size = heapKey.length;
    if (!size) return;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapKey[c + 1]! < heapKey[c]!) c++;
      if (heapKey[c]! >= lastKey) break;
      heapKey[i] = heapKey[c]!;
      heapVer[i] = heapVer[c]!;
      i = c;
    }
    heapKey[i] = lastKey;
    heapVer[i] = lastVer;
  };
  // The pair that starts at part `s` (s with the part after it), when it is a token.
  const offer = (s: number): void => {
    const mid = next[s]!;
    if (mid >= n) return;
    const end = next[mid]!;
    linearMergeStats.lookups++;
    const key = piece.subarray(s, end);
    // ASCII bytes are their own UTF-8 text: skip the package's validation and TextDecoder call.
    let ascii = true;
    for (let k = 0; k < key.length; k++) {
      if (key[k]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    const rank = ascii
      ? ranks.getBpeRankFromString(String.fromCharCode.apply(null, key as unknown as number[]))
      : ranks.getBpeRankFromBytes(key);
    if (rank !== undefined) push(rank * START_SPAN + s, version[s]!);
  };
  for (let i = 0; i + 1 < n; i++) offer(i);
  while (heapKey.length) {
    const key = heapKey[0]!;
    const ver = heapVer[0]!;
    pop();
    linearMergeStats.heapPops++;
    const s = key % START_SPAN;
    if (version[s] !== ver) continue;
    // Merge s with the part after it; the pairs that start at s and at the part before change.
    const gone = next[s]!;
    const after = next[gone]!;
    next[s] = after;
    if (after <= n) prev[after] = s;
    version[gone] = -1;
    version[s]++;
    offer(s);
    const before = prev[s]!;
    if (before >= 0) {
      version[before]++;
      offer(before);
    }
  }
  const out: number[] = [];
  for (let s = 0; s < n; s = next[s]!) out.push(ranks.getBpeRankFromBytesOrThrow(piece.subarray(s, next[s]!)));
  return out;
}
