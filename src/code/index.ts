/** Prompts and model calls in source code (Python, TypeScript, JavaScript), read with tree-sitter. */
export { languageFor, parseCode, MAX_CODE_BYTES, MAX_CODE_NODES } from './parser.js';
export type { CodeLanguage, CodeNode, CodeTree, ParseCodeOptions } from './parser.js';
export { ModuleLoader, functionScope, moduleInfo, moduleScope, importCandidates } from './resolve.js';
export type { CodeFileReader, Definition, ModuleInfo } from './resolve.js';
export { evaluate, dottedName, toJson, MAX_EVAL_DEPTH } from './values.js';
export type { Scope, Value } from './values.js';
export { interpolations, pythonString, jsString } from './strings.js';
export { describe, findSdkCalls, messagesOf, readCall } from './sdk-calls.js';
export type { CallFacts, CallMessage, SdkCall, SdkKind } from './sdk-calls.js';
