/** Prompts and model calls in source code (Python, TypeScript, JavaScript), read with tree-sitter. */
export { languageFor, parseCode, MAX_CODE_BYTES, MAX_CODE_NODES } from './parser.js';
export type { CodeLanguage, CodeNode, CodeTree, ParseCodeOptions } from './parser.js';
