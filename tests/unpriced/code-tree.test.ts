/**
 * The unpriced scan reads Python, TypeScript and JavaScript through their syntax tree: only model
 * ids handed to a model (or bound to a name) count, models passed through names are resolved in
 * the file, reasoning budgets are flagged, what cannot be resolved is listed as such, and a file
 * the parser cannot read is scanned line by line with a notice.
 */
import { describe, expect, it } from '@jest/globals';
import {
  findUnpricedChanges,
  factsOf,
  parseChangedCode,
  readCodeFacts,
  unpricedWork,
} from '../../src/unpriced/index.js';
import type { ChangedFile, CodeParser, UnpricedChange } from '../../src/unpriced/index.js';
import { scanLine } from '../../src/unpriced/code-lines.js';
import {
  AZURE_PY,
  AZURE_PY_HEAD,
  CLASSIFY_PY,
  CLASSIFY_PY_HEAD,
  DRAFT_TS,
  FALLBACK_TS,
  FALLBACK_TS_BASE,
  REPLY_PY,
  SUMMARIZE_PY,
  TITLE_JS,
} from './code-fixtures.js';

const INPUT_PRICE: Record<string, number> = { 'gpt-4o-mini': 0.15, 'gpt-4o': 2.5, 'gpt-4.1': 2 };
const priceRatio = (from: string, to: string): number | null =>
  INPUT_PRICE[from] !== undefined && INPUT_PRICE[to] !== undefined ? INPUT_PRICE[to] / INPUT_PRICE[from] : null;

function modified(path: string, base: string, head: string): ChangedFile {
  return { path, status: 'modified', base, head };
}

/** The scan as the diff runs it: facts read through the parser first, then the changes. */
async function scan(
  files: ChangedFile[],
  notices: string[] = [],
  parse: CodeParser = parseChangedCode,
): Promise<UnpricedChange[]> {
  const codeFacts = await readCodeFacts(files, { mapped: new Set(), parse });
  return findUnpricedChanges(files, { mapped: new Set(), priceRatio, codeFacts, notices });
}

const summaries = (changes: UnpricedChange[]): string[] => changes.map((c) => c.summary);

describe('code scan on the syntax tree', () => {
  it('Python OpenAI: a model constant swap and a max_tokens edit, priced and hinted at the function', async () => {
    const head = REPLY_PY.replace('REPLY_MODEL = "gpt-4o-mini"', 'REPLY_MODEL = "gpt-4o"').replace(
      'max_tokens=400',
      'max_tokens=1200',
    );
    const changes = await scan([modified('src/support/reply.py', REPLY_PY, head)]);
    // 2.50 / 0.15 = 16.67; 1200 / 400 = 3.
    expect(summaries(changes)).toEqual([
      'REPLY_MODEL gpt-4o-mini → gpt-4o in src/support/reply.py:9 (×16.7 input price)',
      'max_tokens 400 → 1200 in src/support/reply.py:17 (×3 output cap)',
    ]);
    expect(changes[0].price_ratio).toBeCloseTo(16.667, 3);
    expect(changes[0].hint).toBe(
      'price the call in place: add features: { draft-reply: { team: <team>, prompt: "src/support/reply.py#draft_reply", requests_per_month: <n> } }',
    );
  });

  it('Python Anthropic: a thinking budget edit reads old → new with its ratio', async () => {
    const head = SUMMARIZE_PY.replace('"budget_tokens": 1024', '"budget_tokens": 8192');
    expect(summaries(await scan([modified('src/summarize.py', SUMMARIZE_PY, head)]))).toEqual([
      'thinking.budget_tokens 1024 → 8192 in src/summarize.py:10 (×8 reasoning budget)',
    ]);
  });

  it('TypeScript AI SDK: provider model, output cap, step limit and budgetTokens edits', async () => {
    const head = DRAFT_TS.replace("openai('gpt-4o-mini')", "openai('gpt-4.1')")
      .replace('maxOutputTokens: 300', 'maxOutputTokens: 900')
      .replace('stepCountIs(3)', 'stepCountIs(6)')
      .replace('budgetTokens: 2000', 'budgetTokens: 16000');
    const changes = await scan([modified('src/copy/draft.ts', DRAFT_TS, head)]);
    expect(summaries(changes)).toEqual([
      'model gpt-4o-mini → gpt-4.1 in src/copy/draft.ts:9 (×13.3 input price)',
      'maxOutputTokens 300 → 900 in src/copy/draft.ts:12 (×3 output cap)',
      'stepCountIs(3) → stepCountIs(6) in src/copy/draft.ts:21 (×2 loop limit)',
      'thinking.budgetTokens 2000 → 16000 in src/copy/draft.ts:22 (×8 reasoning budget)',
    ]);
    expect(changes[0].hint).toContain('prompt: "src/copy/draft.ts#draftCopy"');
    expect(changes[3].hint).toContain('prompt: "src/copy/draft.ts#review"');
  });

  it('JavaScript OpenAI: a model swap and max_completion_tokens in an object argument', async () => {
    const head = TITLE_JS.replace("model: 'gpt-4o-mini'", "model: 'gpt-4o'").replace(
      'max_completion_tokens: 60',
      'max_completion_tokens: 30',
    );
    expect(summaries(await scan([modified('src/title.js', TITLE_JS, head)]))).toEqual([
      'model gpt-4o-mini → gpt-4o in src/title.js:7 (×16.7 input price)',
      'max_completion_tokens 60 → 30 in src/title.js:8 (×0.5 output cap)',
    ]);
  });

  it('the known false positive: four model ids in a template-literal error log are not calls', async () => {
    const logLine = FALLBACK_TS.split('\n').find((l) => l.includes('logger.error'))!;
    // The line scan reads four model ids there: the false positive the tree removes.
    expect(scanLine(logLine, 'js').map((m) => m.value)).toEqual([
      'gpt-4o',
      'claude-sonnet-4-5',
      'gemini-2.5-pro',
      'o3-mini',
    ]);
    expect(await scan([modified('src/fallback.ts', FALLBACK_TS_BASE, FALLBACK_TS)])).toEqual([]);
    // Without a parser the same diff still reports them (the line scan is the fallback).
    const lines = findUnpricedChanges([modified('src/fallback.ts', FALLBACK_TS_BASE, FALLBACK_TS)], {
      mapped: new Set(),
    });
    expect(lines).toHaveLength(4);
  });

  it('the known miss: a new call whose model comes from a settings dict is found and resolved', async () => {
    const changes = await scan([modified('src/classify.py', CLASSIFY_PY, CLASSIFY_PY_HEAD)]);
    expect(summaries(changes)).toEqual(['new call with model gpt-4o in src/classify.py:17']);
    expect(changes[0].hint).toContain('prompt: "src/classify.py#explain"');
    // The line scan misses it: no literal on the added lines.
    expect(
      findUnpricedChanges([modified('src/classify.py', CLASSIFY_PY, CLASSIFY_PY_HEAD)], { mapped: new Set() }),
    ).toEqual([]);
  });

  it('the known miss: a new call on an Azure deployment read from the environment is listed as not resolvable', async () => {
    const changes = await scan([modified('src/azure.py', AZURE_PY, AZURE_PY_HEAD)]);
    expect(summaries(changes)).toEqual(['new call with model not resolvable (deployment) in src/azure.py:11']);
    expect(changes[0].hint).toBe(
      'price the call in place: add features: { answer: { team: <team>, prompt: "src/azure.py#answer", model: <model id>, requests_per_month: <n> } } (model: names what the code passes at run time)',
    );
  });

  it('ignores comments, log calls, error text and non-model dict entries', async () => {
    const base = REPLY_PY;
    const head = REPLY_PY.replace(
      '    log.info("drafting a reply with %s", REPLY_MODEL)\n',
      '    # was model="gpt-4o" until March\n    log.info("drafting", model="gpt-4o", fallback="claude-opus-4-1")\n    role = {"model": "user"}\n    if not ticket:\n        raise ValueError(f"empty ticket for model=\'gpt-4o\'")\n',
    );
    expect(await scan([modified('src/support/reply.py', base, head)])).toEqual([]);
  });
});

describe('code scan: can the head hide a model swap?', () => {
  const swap = (expr: string): string => REPLY_PY.replace('model=REPLY_MODEL', `model=${expr}`);

  it('string concatenation is folded: "gpt-" + "4o" is gpt-4o', async () => {
    expect(summaries(await scan([modified('src/support/reply.py', REPLY_PY, swap('"gpt-" + "4o"'))]))).toEqual([
      'model gpt-4o-mini → gpt-4o in src/support/reply.py:16 (×16.7 input price)',
    ]);
    expect(summaries(await scan([modified('src/support/reply.py', REPLY_PY, swap('"gpt-" "4o"'))]))).toEqual([
      'model gpt-4o-mini → gpt-4o in src/support/reply.py:16 (×16.7 input price)',
    ]);
  });

  it('a name from another module, getattr and an f-string are listed as not resolvable', async () => {
    const imported = swap('settings.REPLY_MODEL').replace(
      'from openai import OpenAI',
      'from openai import OpenAI\nfrom . import settings',
    );
    const cases: [string, string][] = [
      [imported, 'model gpt-4o-mini → not resolvable (settings.REPLY_MODEL) in src/support/reply.py:17'],
      [
        swap('getattr(settings, "REPLY_MODEL")'),
        'model gpt-4o-mini → not resolvable (getattr(settings, "REPLY_MODEL")) in src/support/reply.py:16',
      ],
      [swap('f"gpt-{VERSION}"'), 'model gpt-4o-mini → not resolvable (f"gpt-{VERSION}") in src/support/reply.py:16'],
    ];
    for (const [head, summary] of cases) {
      const changes = await scan([modified('src/support/reply.py', REPLY_PY, head)]);
      expect(summaries(changes)).toEqual([summary]);
      expect(changes[0].price_ratio).toBeNull();
      expect(changes[0].hint).toContain('model: <model id>');
    }
  });

  it("wrapping the call in a log line does not hide it, while the log call's own arguments stay quiet", async () => {
    const head = REPLY_PY.replace(
      '    response = client.chat.completions.create(\n        model=REPLY_MODEL,',
      '    response = log.info("call", model="o1", response=client.chat.completions.create(\n        model="gpt-4o",',
    ).replace('    )\n    return', '    ))\n    return');
    const notices: string[] = [];
    expect(summaries(await scan([modified('src/support/reply.py', REPLY_PY, head)], notices))).toEqual([
      'model gpt-4o-mini → gpt-4o in src/support/reply.py:16 (×16.7 input price)',
    ]);
    expect(notices).toEqual([]);
  });

  it('a destructuring default in TypeScript is a name bound to a model id', async () => {
    const base =
      "export function pick(opts: { model?: string }) {\n  const { model = 'gpt-4o-mini' } = opts;\n  return model;\n}\n";
    expect(summaries(await scan([modified('src/pick.ts', base, base.replace("'gpt-4o-mini'", "'gpt-4o'"))]))).toEqual([
      'model gpt-4o-mini → gpt-4o in src/pick.ts:2 (×16.7 input price)',
    ]);
  });

  it('the other module edits its own constant: any name bound to a model id counts', async () => {
    const base = 'DEFAULT = "gpt-4o-mini"\nTIMEOUT = 30\n';
    expect(summaries(await scan([modified('src/settings.py', base, base.replace('gpt-4o-mini', 'gpt-4o'))]))).toEqual([
      'DEFAULT gpt-4o-mini → gpt-4o in src/settings.py:1 (×16.7 input price)',
    ]);
  });

  it('a syntax error in the head does not hide the edit: the file is scanned line by line, with a notice', async () => {
    const head = REPLY_PY.replace('model=REPLY_MODEL', 'model="gpt-4o"').replace(
      '    return response',
      '    return (response',
    );
    const notices: string[] = [];
    const changes = await scan([modified('src/support/reply.py', REPLY_PY, head)], notices);
    expect(summaries(changes)).toEqual(['new call with model gpt-4o in src/support/reply.py:16']);
    expect(notices).toEqual([
      'src/support/reply.py: not read as code (head has a syntax error at line 23); its changed lines were scanned line by line',
    ]);
  });

  it('a parser that throws falls back to the line scan with a notice, never silence', async () => {
    const notices: string[] = [];
    const head = REPLY_PY.replace('REPLY_MODEL = "gpt-4o-mini"', 'REPLY_MODEL = "gpt-4o"');
    const changes = await scan([modified('src/support/reply.py', REPLY_PY, head)], notices, () =>
      Promise.reject(new Error('out of memory')),
    );
    expect(summaries(changes)).toEqual([
      'REPLY_MODEL gpt-4o-mini → gpt-4o in src/support/reply.py:9 (×16.7 input price)',
    ]);
    expect(notices).toEqual([
      'src/support/reply.py: not read as code (the parser failed: out of memory); its changed lines were scanned line by line',
    ]);
  });
});

describe('code scan: bounded work, counted', () => {
  it('visits each node of both trees once, and stops at the node cap', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `  {"id": ${i}, "model": "gpt-4o-mini"},`).join('\n');
    const base = `TABLE = [\n${rows}\n]\n`;
    const head = base.replace('"id": 4999, "model": "gpt-4o-mini"', '"id": 4999, "model": "gpt-4o"');
    const tree = (await parseChangedCode('src/table.py', base))!;
    const before = unpricedWork();
    const all = factsOf(tree.root);
    const nodes = unpricedWork().treeNodes - before.treeNodes;
    // module, expression_statement, assignment, identifier, `=`, list, `[`, `]`; per row a
    // dictionary, two pairs, two string keys of 3 nodes each, an integer, a string of 3 nodes and
    // the punctuation `{ : , : } ,`: 22 nodes × 5,000. Each node is visited once.
    expect(nodes).toBe(8 + 22 * 5_000);
    expect(all!.facts).toHaveLength(5_000);
    const b2 = unpricedWork();
    expect(factsOf(tree.root, 1_000)).toBeNull();
    expect(unpricedWork().treeNodes - b2.treeNodes).toBe(1_001);
    tree.delete();
    const changes = await scan([modified('src/table.py', base, head)]);
    expect(summaries(changes)).toEqual(['model gpt-4o-mini → gpt-4o in src/table.py:5001 (×16.7 input price)']);
  });
});
