import { describe, expect, it } from '@jest/globals';
import { MAX_CODE_BYTES, languageFor, parseCode } from '../../src/code/index.js';
import { ArtifactError } from '../../src/errors.js';

describe('languageFor', () => {
  it('maps extensions to the four grammars and nothing else', () => {
    expect(languageFor('app/llm.py')).toBe('python');
    expect(languageFor('src/a.ts')).toBe('typescript');
    expect(languageFor('src/A.TSX')).toBe('tsx');
    expect(languageFor('x/y.mjs')).toBe('javascript');
    expect(languageFor('x/y.cjs')).toBe('javascript');
    expect(languageFor('prompts/p.prompt.yml')).toBeNull();
    expect(languageFor('dir.py/README')).toBeNull();
  });
});

describe('parseCode', () => {
  it('parses each language with its grammar', async () => {
    const cases = [
      ['python', 'SYSTEM = f"Hi {name}"\n', 'module', 'interpolation'],
      ['typescript', 'const s: string = `Hi ${name}`;\n', 'program', 'template_substitution'],
      ['tsx', 'const e = <div>{`Hi ${name}`}</div>;\n', 'program', 'jsx_element'],
      ['javascript', 'export const s = `Hi ${name}`;\n', 'program', 'template_substitution'],
    ] as const;
    for (const [lang, text, rootType, inner] of cases) {
      const tree = await parseCode(lang, text);
      expect(tree.root.type).toBe(rootType);
      expect(tree.firstError).toBeNull();
      expect(tree.root.descendantsOfType(inner).length).toBe(1);
      expect(tree.nodeCount).toBeGreaterThan(5);
      tree.delete();
    }
  });

  it('reports the first syntax error, and refuses it when asked, at its line', async () => {
    const text = 'import os\n\ndef ok():\n    return 1\n\ndef broken(:\n    pass\n';
    const tree = await parseCode('python', text);
    expect(tree.firstError?.line).toBe(6);
    tree.delete();
    const err = await parseCode('python', text, { file: 'app/llm.py', refuseErrors: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactError);
    expect((err as ArtifactError).message).toContain('syntax error at line 6: the file is not valid python');
    expect((err as ArtifactError).location).toMatchObject({ file: 'app/llm.py', line: 6 });
  });

  it('refuses text over the byte bound before parsing', async () => {
    const text = `X = "${'a'.repeat(MAX_CODE_BYTES)}"\n`;
    await expect(parseCode('python', text, { file: 'big.py' })).rejects.toThrow(/big\.py is .* over the/);
  });
});
