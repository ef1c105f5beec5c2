/**
 * Work done by the unpriced-change scan so far in this process, counted where it happens: steps of
 * the line diff (one per diagonal tried plus one per line compared along it), characters of the
 * lines handed to the patterns, and syntax-tree nodes visited. Tests bound hostile input by these
 * counts instead of a clock.
 */
export const work = { diffSteps: 0, scannedChars: 0, treeNodes: 0 };

/** A copy of the counts so far. */
export function unpricedWork(): { diffSteps: number; scannedChars: number; treeNodes: number } {
  return { ...work };
}
