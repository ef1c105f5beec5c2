/**
 * The unpriced scan on realistic Python, TypeScript and JavaScript files through the real diff
 * (a git repository, `runDiff`): model swaps, a model read from a settings dict and an Azure
 * deployment variable on new calls, output-cap and reasoning-budget edits, and a template-literal
 * error log naming four models that is not reported at all.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { prRepo, summaryPrompt } from '../helpers/run.js';
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
} from '../unpriced/code-fixtures.js';

const CONFIG = `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 1000
    typical_output_tokens: 200
teams:
  support: { monthly_budget: 1000 }
`;

const BASE = {
  '.aicost.yml': CONFIG,
  'prompts/summary.prompt.yml': summaryPrompt(),
  'src/support/reply.py': REPLY_PY,
  'src/summarize.py': SUMMARIZE_PY,
  'src/classify.py': CLASSIFY_PY,
  'src/azure.py': AZURE_PY,
  'src/copy/draft.ts': DRAFT_TS,
  'src/title.js': TITLE_JS,
  'src/fallback.ts': FALLBACK_TS_BASE,
};

const HEAD = {
  'src/support/reply.py': REPLY_PY.replace('"gpt-4o-mini"', '"gpt-4o"').replace('max_tokens=400', 'max_tokens=1200'),
  'src/summarize.py': SUMMARIZE_PY.replace('"budget_tokens": 1024', '"budget_tokens": 8192'),
  'src/classify.py': CLASSIFY_PY_HEAD,
  'src/azure.py': AZURE_PY_HEAD,
  'src/copy/draft.ts': DRAFT_TS.replace("openai('gpt-4o-mini')", "openai('gpt-4.1')").replace(
    'maxOutputTokens: 300',
    'maxOutputTokens: 600',
  ),
  'src/title.js': TITLE_JS.replace("model: 'gpt-4o-mini'", "model: 'gpt-4o'"),
  'src/fallback.ts': FALLBACK_TS,
};

describe('unpriced code changes through the real diff', () => {
  it('lists each model, cap and budget edit once, resolves names, and ignores the error log', async () => {
    const repo = prRepo(BASE, HEAD);
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', workers: 0 });
    const rows = report.unpriced_changes.map((c) => [c.file, c.line, c.summary]);
    // Input prices per 1M tokens in the catalog: gpt-4o-mini 0.15, gpt-4o 2.50, gpt-4.1 2.00.
    expect(rows).toEqual([
      ['src/azure.py', 11, 'new call with model not resolvable (deployment) in src/azure.py:11'],
      ['src/classify.py', 17, 'new call with model gpt-4o in src/classify.py:17'],
      ['src/copy/draft.ts', 9, 'model gpt-4o-mini → gpt-4.1 in src/copy/draft.ts:9 (×13.3 input price)'],
      ['src/copy/draft.ts', 12, 'maxOutputTokens 300 → 600 in src/copy/draft.ts:12 (×2 output cap)'],
      ['src/summarize.py', 10, 'thinking.budget_tokens 1024 → 8192 in src/summarize.py:10 (×8 reasoning budget)'],
      ['src/support/reply.py', 9, 'REPLY_MODEL gpt-4o-mini → gpt-4o in src/support/reply.py:9 (×16.7 input price)'],
      ['src/support/reply.py', 17, 'max_tokens 400 → 1200 in src/support/reply.py:17 (×3 output cap)'],
      ['src/title.js', 7, 'model gpt-4o-mini → gpt-4o in src/title.js:7 (×16.7 input price)'],
    ]);
    // Nothing from src/fallback.ts: its four model ids sit in a template-literal error log.
    expect(report.notices.filter((n) => n.includes('not read as code'))).toEqual([]);
  });

  it('a head that does not parse is scanned line by line, and the report says so', async () => {
    const broken = REPLY_PY.replace('model=REPLY_MODEL', 'model="gpt-4o"').replace(
      '    return response',
      '    return (response',
    );
    const repo = prRepo(BASE, { 'src/support/reply.py': broken });
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', workers: 0 });
    expect(report.unpriced_changes.map((c) => c.summary)).toEqual([
      'new call with model gpt-4o in src/support/reply.py:16',
    ]);
    expect(report.notices).toContain(
      'src/support/reply.py: not read as code (head has a syntax error at line 23); its changed lines were scanned line by line',
    );
  });
});
