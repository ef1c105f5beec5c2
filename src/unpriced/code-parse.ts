/**
 * The parser the scan reads changed source files with: src/code's tree-sitter loader, whose
 * grammars load on the first parse (a pull request without a changed code file loads none).
 */

import { languageFor, parseCode } from '../code/index.js';
import type { CodeParser } from './types.js';

/** Parses a Python, TypeScript or JavaScript file; null for other languages. Throws over the size and node bounds. */
export const parseChangedCode: CodeParser = async (path, text) => {
  const language = languageFor(path);
  if (language === null) return null;
  const tree = await parseCode(language, text, { file: path });
  return { root: tree.root, firstError: tree.firstError, delete: () => tree.delete() };
};
