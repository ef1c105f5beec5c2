import { inputPriceRatio, type Catalog } from '../catalog/index.js';
import type { LoadedDiff } from '../load/index.js';
import type { RevisionReader } from '../repo/index.js';
import {
  checkCodePrompts,
  findUnpricedChanges,
  parseChangedCode,
  readCodeFacts,
  type UnpricedChange,
} from '../unpriced/index.js';

/**
 * The unpriced stage: the PR's changed files scanned for AI changes no feature prices, code read
 * through its syntax tree (the grammars load only when a changed file is Python, TypeScript or
 * JavaScript), with the scan's notices (a parse that fell back to the line scan).
 */
export async function scanUnpriced(
  loaded: LoadedDiff,
  catalog: Catalog,
  head: RevisionReader,
): Promise<{ unpriced: UnpricedChange[]; notices: string[] }> {
  const priceRatio = (from: string, to: string) => inputPriceRatio(catalog, loaded.dates.head, from, to);
  const codeFacts = await readCodeFacts(loaded.changedFiles, { mapped: loaded.mapped, parse: parseChangedCode });
  // Hints propose `prompt: file#function` only where the code prompt reader (at head) accepts it.
  const proposed = new Set<string>();
  findUnpricedChanges(loaded.changedFiles, { mapped: loaded.mapped, codeFacts, proposedCodePrompts: proposed });
  const codePrompts = await checkCodePrompts(proposed, head);
  const notices: string[] = [];
  const unpriced = findUnpricedChanges(loaded.changedFiles, {
    mapped: loaded.mapped,
    priceRatio,
    codeFacts,
    codePrompts,
    notices,
  });
  return { unpriced, notices };
}
