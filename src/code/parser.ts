/**
 * Source files (Python, TypeScript, TSX, JavaScript) parsed by tree-sitter's WebAssembly build.
 *
 * Runtime: `web-tree-sitter` (pinned). Grammars: `@vscode/tree-sitter-wasm`, the prebuilt grammar
 * set VS Code ships: one package for all four languages, no install script and no native build
 * (the per-language `tree-sitter-python` / `-typescript` / `-javascript` npm packages carry the
 * same .wasm files but compile node bindings on install), kept current by the VS Code team. Its
 * grammars are ABI 14–15, which web-tree-sitter 0.27 loads (tests/code/parser.test.ts parses
 * each). Nothing is loaded until a code file is parsed (assets.ts).
 */
import type { Language, Node, Parser, Tree } from 'web-tree-sitter';
import { ArtifactError } from '../errors.js';
import { grammarWasm, importRuntime, runtimeWasm, type TreeSitterModule } from './assets.js';

/** A language aicost reads code in. */
export type CodeLanguage = 'python' | 'typescript' | 'tsx' | 'javascript';

/** A syntax node (web-tree-sitter's). */
export type CodeNode = Node;

/** Most bytes (UTF-16 units) of one code file parsed: the repository reader's own 1 MiB bound. */
export const MAX_CODE_BYTES = 1024 * 1024;

/** Most syntax nodes of one parsed file: bounds every walk over a tree (a dense 1 MiB file has ~400k). */
export const MAX_CODE_NODES = 2_000_000;

const GRAMMAR_FILES: Record<CodeLanguage, string> = {
  python: 'tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
};

const EXTENSIONS: Record<string, CodeLanguage> = {
  py: 'python',
  pyi: 'python',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
};

/** The language of a file by its extension, or null when aicost does not read it as code. */
export function languageFor(path: string): CodeLanguage | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  return EXTENSIONS[path.slice(dot + 1).toLowerCase()] ?? null;
}

/** A parsed file. Call `delete()` when done: the tree lives in WebAssembly memory. */
export interface CodeTree {
  language: CodeLanguage;
  text: string;
  root: CodeNode;
  /** Nodes in the tree (≤ MAX_CODE_NODES). */
  nodeCount: number;
  /** Where the first syntax error (an ERROR or MISSING node) is, 1-based; null for a clean parse. */
  firstError: { line: number; column: number } | null;
  delete(): void;
}

/** Options of {@link parseCode}. */
export interface ParseCodeOptions {
  /** Repository path, for error messages. */
  file?: string;
  /** Refuse a file with syntax errors (ArtifactError at the first one) instead of returning it. */
  refuseErrors?: boolean;
}

let runtime: Promise<TreeSitterModule> | undefined;
const parsers = new Map<CodeLanguage, Promise<Parser>>();

async function parserFor(language: CodeLanguage): Promise<Parser> {
  let parser = parsers.get(language);
  if (!parser) {
    parser = (async () => {
      const ts = await (runtime ??= importRuntime().then(async (m) => {
        await m.Parser.init({ wasmBinary: runtimeWasm() });
        return m;
      }));
      const grammar: Language = await ts.Language.load(grammarWasm(GRAMMAR_FILES[language]));
      const p = new ts.Parser();
      p.setLanguage(grammar);
      return p;
    })();
    parsers.set(language, parser);
    parser.catch(() => parsers.delete(language));
  }
  return parser;
}

/** The first ERROR or MISSING node in document order, or null. */
function firstErrorNode(root: Node): Node | null {
  if (!root.hasError) return null;
  let node: Node = root;
  // Descend into the first child that is or holds an error: depth-bounded by the tree.
  for (;;) {
    if (node.isError || node.isMissing) return node;
    const next = node.children.find((c) => c !== null && (c.isError || c.isMissing || c.hasError));
    if (!next) return node;
    node = next;
  }
}

/**
 * Parses `text` as `language`. Refuses text over MAX_CODE_BYTES and trees over MAX_CODE_NODES
 * (ArtifactError naming the file), and with `refuseErrors`, a file tree-sitter cannot parse
 * cleanly (at the line of its first error).
 */
export async function parseCode(
  language: CodeLanguage,
  text: string,
  options: ParseCodeOptions = {},
): Promise<CodeTree> {
  const file = options.file ?? `<${language}>`;
  if (text.length > MAX_CODE_BYTES) {
    throw new ArtifactError(`${file} is ${text.length} characters, over the ${MAX_CODE_BYTES} aicost parses as code`, {
      location: { file },
      hint: 'Point prompt: at a smaller file: move the prompt and its call into a module of their own.',
    });
  }
  const parser = await parserFor(language);
  const tree: Tree | null = parser.parse(text);
  if (!tree) throw new ArtifactError(`${file} could not be parsed as ${language}`, { location: { file } });
  const root = tree.rootNode;
  const nodeCount = root.descendantCount;
  if (nodeCount > MAX_CODE_NODES) {
    tree.delete();
    throw new ArtifactError(`${file} has ${nodeCount} syntax nodes, over the ${MAX_CODE_NODES} aicost reads`, {
      location: { file },
      hint: 'Point prompt: at a smaller file: move the prompt and its call into a module of their own.',
    });
  }
  const errorNode = firstErrorNode(root);
  const firstError = errorNode
    ? { line: errorNode.startPosition.row + 1, column: errorNode.startPosition.column + 1 }
    : null;
  if (firstError && options.refuseErrors) {
    tree.delete();
    throw new ArtifactError(`syntax error at line ${firstError.line}: the file is not valid ${language}`, {
      location: { file, ...firstError },
      hint: 'Fix the syntax error; aicost reads prompts from code only when the file parses.',
    });
  }
  return { language, text, root, nodeCount, firstError, delete: () => tree.delete() };
}
