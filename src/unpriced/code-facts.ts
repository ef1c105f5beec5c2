/**
 * Reads both sides of a changed source file through the parser (asynchronous: grammars load on
 * first use) and keeps only what the scan needs, the facts and SDK call sites, so that no tree
 * outlives its file. A file the parser refuses or cannot read cleanly is marked for the line scan,
 * with the reason the notice gives: a syntax error must not hide an edit from the scan.
 */

import { factsOf } from './code-calls.js';
import type { CallSite, CodeFact } from './code-calls.js';
import type { ChangedFile, CodeParser, FileFacts } from './types.js';

/** The facts of `file` at base and head, or why it is read line by line; null when the parser does not read its language. */
export async function factsOfFile(file: ChangedFile, parse: CodeParser): Promise<FileFacts | null> {
  const sides: CodeFact[][] = [];
  let calls: CallSite[] = [];
  for (const side of ['base', 'head'] as const) {
    const text = file[side];
    if (text === null) {
      sides.push([]);
      continue;
    }
    let tree;
    try {
      tree = await parse(file.path, text);
    } catch (e) {
      return { fallback: `the parser failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (tree === null) return null;
    try {
      if (tree.firstError) return { fallback: `${side} has a syntax error at line ${tree.firstError.line}` };
      const found = factsOf(tree.root);
      if (!found) return { fallback: `its ${side} syntax tree is over the node limit` };
      sides.push(found.facts);
      if (side === 'head') calls = found.calls;
    } finally {
      tree.delete();
    }
  }
  return { base: sides[0], head: sides[1], calls };
}

/**
 * The SDK calls in one source file that a `file#name` prompt can point at (each in a named
 * function), or null when the parser does not read the file's language or the file does not parse.
 */
export async function callSitesOf(path: string, text: string, parse: CodeParser): Promise<CallSite[] | null> {
  const tree = await parse(path, text).catch(() => null);
  if (tree === null) return null;
  try {
    if (tree.firstError) return null;
    return factsOf(tree.root)?.calls ?? null;
  } finally {
    tree.delete();
  }
}
