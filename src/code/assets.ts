/**
 * Where the tree-sitter runtime and grammars are, and their bytes. The only file of src/code/ that
 * touches the file system, like src/tokenize/ranks.ts for the rank tables: the bundles carry them
 * as files beside themselves (scripts/build.mjs copies them into dist/tree-sitter/ and
 * dist/cli/tree-sitter/); from the sources (tests) they are read from node_modules.
 *
 * The runtime is imported by URL at run time rather than bundled: ncc's webpack rewrites
 * web-tree-sitter's `await import("module")` into a namespace without `createRequire` (its interop
 * does not copy the properties of a function export), and the package's CommonJS build reads
 * `__dirname`, which an ES module bundle lacks. As a separate file it runs exactly as published,
 * and only when a code file is parsed: a run without code features neither reads nor parses it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as WebTreeSitter from 'web-tree-sitter';

/** The runtime module (its types come from the package; the code from the file found here). */
export type TreeSitterModule = typeof WebTreeSitter;

/** Folder name beside a bundle that holds the runtime and the grammars. */
export const BUNDLED_DIR = 'tree-sitter';

interface Dirs {
  runtime: string;
  grammars: string;
  bundled: boolean;
}

let dirs: Dirs | undefined;

function findDirs(): Dirs {
  // Built at run time so the bundler does not try to resolve it as an asset of its own.
  const beside = join(dirname(fileURLToPath(import.meta.url)), [BUNDLED_DIR][0]!);
  if (existsSync(join(beside, 'web-tree-sitter.js'))) return { runtime: beside, grammars: beside, bundled: true };
  const require = createRequire(import.meta.url);
  // Files each package exports (web-tree-sitter's `exports` hides its package.json).
  const runtime = dirname(require.resolve('web-tree-sitter/web-tree-sitter.wasm'));
  const grammars = dirname(require.resolve('@vscode/tree-sitter-wasm'));
  return { runtime, grammars, bundled: false };
}

/** Imports the web-tree-sitter runtime (once per process). */
export async function importRuntime(): Promise<TreeSitterModule> {
  const d = (dirs ??= findDirs());
  if (!d.bundled) return (await import(/* webpackIgnore: true */ 'web-tree-sitter')) as TreeSitterModule;
  const url = pathToFileURL(join(d.runtime, 'web-tree-sitter.js')).href;
  return (await import(/* webpackIgnore: true */ url)) as TreeSitterModule;
}

/** The runtime's own WebAssembly module. */
export function runtimeWasm(): Uint8Array {
  const d = (dirs ??= findDirs());
  return readFileSync(join(d.runtime, 'web-tree-sitter.wasm'));
}

/** A grammar's WebAssembly module (`tree-sitter-python.wasm`, …). */
export function grammarWasm(file: string): Uint8Array {
  const d = (dirs ??= findDirs());
  return readFileSync(join(d.grammars, file));
}
