/** Prompts and model calls in source code (Python, TypeScript, JavaScript), read with tree-sitter. */
import type * as Reading from './reading.js';

export { languageFor, parseCode, MAX_CODE_BYTES, MAX_CODE_NODES } from './parser.js';
export type { CodeLanguage, CodeNode, CodeTree, ParseCodeOptions } from './parser.js';
export type { CodeFileReader, Definition, ModuleInfo } from './resolve.js';
export type { Scope, Value } from './values.js';
export type { CallFacts, CallMessage, SdkCall, SdkKind } from './sdk-calls.js';

/** What ./reading.ts exports: ModuleLoader, scopes, evaluate, the string forms and the SDK calls. */
export type CodeReading = typeof Reading;

/** The static reading of code (./reading.ts), imported on first use (a chunk of the bundles). */
export async function loadCodeReading(): Promise<CodeReading> {
  return import('./reading.js');
}
