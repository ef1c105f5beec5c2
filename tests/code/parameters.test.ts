/**
 * Parameter names are template variables of a code prompt: typed Python parameters (`ticket: str`,
 * `lang: str = "en"`) are how most Python code is written, so they must bind like untyped ones.
 */
import { describe, expect, it } from '@jest/globals';
import { parseCode } from '../../src/code/index.js';
import { parameterNames } from '../../src/code/resolve.js';
import { loadPromptArtifact, renderMessages } from '../../src/artifacts/index.js';

async function namesOf(lang: 'python' | 'typescript', text: string): Promise<string[]> {
  const tree = await parseCode(lang, text);
  try {
    const fn = tree.root.descendantsOfType(['function_definition', 'function_declaration'])[0]!;
    return parameterNames(fn);
  } finally {
    tree.delete();
  }
}

describe('parameterNames', () => {
  it('reads plain, typed, defaulted and splat Python parameters', async () => {
    expect(await namesOf('python', 'def f(a, ticket: str, lang: str = "en", n=3, *args, **kw):\n    pass\n')).toEqual([
      'a',
      'ticket',
      'lang',
      'n',
      'args',
      'kw',
    ]);
  });

  it('reads typed, optional and destructured TypeScript parameters', async () => {
    expect(await namesOf('typescript', 'function f(a: string, b?: number, { c, d }: X, ...rest: Y[]) {}\n')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'rest',
    ]);
  });
});

describe('a typed Python function as a prompt', () => {
  it('its typed parameters are the template variables of the call', async () => {
    const files: Record<string, string> = {
      'app/summary.py': `from openai import OpenAI

client = OpenAI()


def summarise(ticket: str, lang: str = "en") -> str:
    return client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": f"Answer in {lang}."},
            {"role": "user", "content": ticket},
        ],
    )
`,
    };
    const reader = {
      readText: async (p: string) => files[p]!,
      exists: async (p: string) => p in files,
      isLink: async () => false,
    };
    const { site } = await loadPromptArtifact(reader, 'app/summary.py#summarise');
    expect(site.variables).toEqual(['lang', 'ticket']);
    expect(renderMessages(site, { ticket: 'Printer on fire', lang: 'fr' }).messages.map((m) => m.content)).toEqual([
      'Answer in fr.',
      'Printer on fire',
    ]);
  });
});
