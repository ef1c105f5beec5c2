/**
 * `aicost init` on a repository whose AI features live only in code (Python OpenAI and Anthropic,
 * TypeScript AI SDK, JavaScript OpenAI): one feature per SDK call in a named function, pointing
 * `prompt:` at the function, with a marked placeholder `model:` where the call's model is not a
 * literal in its file; `estimate` prices every feature and names the placeholders left.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runInit } from '../../src/cli/init.js';
import { runEstimate } from '../../src/run/estimate.js';
import { writeFiles } from '../helpers/run.js';
import { AZURE_PY_HEAD, CLASSIFY_PY, DRAFT_TS, REPLY_PY, SUMMARIZE_PY, TITLE_JS } from '../unpriced/code-fixtures.js';

describe('aicost init on code', () => {
  it('proposes a code prompt per SDK call, and estimate prices each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicost-init-code-'));
    writeFiles(dir, {
      'src/support/reply.py': REPLY_PY,
      'src/summarize.py': SUMMARIZE_PY,
      'src/classify.py': CLASSIFY_PY,
      'src/azure.py': AZURE_PY_HEAD,
      'src/copy/draft.ts': DRAFT_TS,
      'web/title.js': TITLE_JS,
      'tests/test_reply.py': REPLY_PY,
    });
    const out = await runInit({ command: 'init', repo: dir, config: '.aicost.yml', force: false });
    const text = readFileSync(join(dir, '.aicost.yml'), 'utf8');
    const written = parse(text) as { features: Record<string, Record<string, unknown>> };
    // Tests are not production code: tests/test_reply.py proposes nothing.
    expect(
      Object.fromEntries(Object.entries(written.features).map(([id, f]) => [id, [f.prompt, f.model ?? null]])),
    ).toEqual({
      answer: ['src/azure.py#answer', 'gpt-4o-mini'],
      classify: ['src/classify.py#classify', null],
      'draft-copy': ['src/copy/draft.ts#draftCopy', null],
      review: ['src/copy/draft.ts#review', null],
      summarize: ['src/summarize.py#summarize', null],
      'draft-reply': ['src/support/reply.py#draft_reply', null],
      'suggest-title': ['web/title.js#suggestTitle', null],
    });
    expect(text).toMatch(/model: gpt-4o-mini +# PLACEHOLDER \(aicost init\): the call's model is not a literal/);
    expect(out).toContain(
      'Fill in: 7 PLACEHOLDER volume(s) and 1 PLACEHOLDER model(s) in .aicost.yml; add teams, budgets and owners.',
    );

    const { report } = await runEstimate({ repo: dir, config: '.aicost.yml' });
    expect(report.features.map((f) => f.id).sort()).toEqual(Object.keys(written.features).sort());
    for (const f of report.features)
      expect({ id: f.id, positive: f.monthly > 0 }).toEqual({ id: f.id, positive: true });
    const notice = report.notices.find((n) => n.includes('PLACEHOLDER'))!;
    expect(notice).toContain('answer (model, .aicost.yml:');
    expect(notice).toContain('answer (requests_per_month, .aicost.yml:');
  });
});
