/**
 * A synchronous code parser for the unpriced scan's tests: web-tree-sitter with the Python,
 * TypeScript, TSX and JavaScript grammars loaded once.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { CodeParser, ParsedCode } from '../../src/unpriced/index.js';

const require = createRequire(import.meta.url);

let ready: Promise<CodeParser> | null = null;

/** The parser, its grammars loaded. */
export function testCodeParser(): Promise<CodeParser> {
  ready ??= (async () => {
    await Parser.init();
    const dir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
    const load = (name: string) => Language.load(join(dir, `tree-sitter-${name}.wasm`));
    const [python, typescript, tsx, javascript] = await Promise.all(
      ['python', 'typescript', 'tsx', 'javascript'].map(load),
    );
    const parser = new Parser();
    return (path: string, text: string): ParsedCode | null => {
      const lang = /\.py$/i.test(path)
        ? python
        : /\.ts$/i.test(path) || /\.[cm]ts$/i.test(path)
          ? typescript
          : /\.tsx$/i.test(path)
            ? tsx
            : /\.[cm]?jsx?$/i.test(path)
              ? javascript
              : null;
      if (!lang) return null;
      parser.setLanguage(lang);
      const tree = parser.parse(text);
      if (!tree) throw new Error('no tree');
      return tree as unknown as ParsedCode;
    };
  })();
  return ready;
}
