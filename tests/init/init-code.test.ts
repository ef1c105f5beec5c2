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
    // [prompt, model, typical_output_tokens]: a model where the call's is not a literal (the Azure
    // deployment from the environment), an output size where the call sets no max tokens.
    const shape = (f: Record<string, unknown>) => [f.prompt, f.model ?? null, f.typical_output_tokens ?? null];
    expect(Object.fromEntries(Object.entries(written.features).map(([id, f]) => [id, shape(f)]))).toEqual({
      answer: ['src/azure.py#answer', 'gpt-4o-mini', 300],
      classify: ['src/classify.py#classify', null, 300],
      'draft-copy': ['src/copy/draft.ts#draftCopy', null, null],
      review: ['src/copy/draft.ts#review', null, 300],
      summarize: ['src/summarize.py#summarize', null, null],
      'draft-reply': ['src/support/reply.py#draft_reply', null, null],
      'suggest-title': ['web/title.js#suggestTitle', null, null],
    });
    expect(text).toMatch(/model: gpt-4o-mini +# PLACEHOLDER \(aicost init\): the call's model is not a literal/);
    expect(out).toContain(
      'Fill in: 7 PLACEHOLDER volume(s), 1 PLACEHOLDER model(s), 3 PLACEHOLDER typical output size(s) in .aicost.yml; add teams, budgets and owners.',
    );

    const { report } = await runEstimate({ repo: dir, config: '.aicost.yml' });
    expect(report.features.map((f) => f.id).sort()).toEqual(Object.keys(written.features).sort());
    for (const f of report.features)
      expect({ id: f.id, positive: f.monthly > 0 }).toEqual({ id: f.id, positive: true });
    expect(report.notices.filter((n) => n.includes('PLACEHOLDER'))).toEqual([
      '.aicost.yml still holds values `aicost init` guessed (marked PLACEHOLDER, from line 8): answer (model, typical_output_tokens, requests_per_month), classify (typical_output_tokens, requests_per_month), draft-copy (requests_per_month), review (typical_output_tokens, requests_per_month), summarize (requests_per_month), draft-reply (requests_per_month), suggest-title (requests_per_month). These figures rest on them: set the real values and remove the marks.',
    ]);
    // The Azure call's model comes from the environment: the feature's model: prices it.
    expect(report.notices.some((n) => n.startsWith('answer: src/azure.py: model is'))).toBe(true);
  });
});

const PROMPTFOO = `description: Support reply drafts and ticket triage
prompts:
  - id: file://prompts/reply.txt
    label: reply
  - label: triage
    raw: "Classify this ticket as billing, bug or question: {{ticket}}"
providers:
  - id: openai:chat:gpt-4o-mini
    label: fast
  - id: anthropic:messages:claude-3-5-haiku-20241022
    label: claude
    config:
      max_tokens: 300
tests:
  - vars:
      ticket: My router drops Wi-Fi every evening.
`;

describe('aicost init on a promptfoo config', () => {
  it('proposes its first prompt on its first provider, and estimate prices it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicost-init-promptfoo-'));
    writeFiles(dir, {
      'evals/promptfooconfig.yaml': PROMPTFOO,
      'evals/prompts/reply.txt': 'Draft a friendly reply to this ticket: {{ticket}}\n',
    });
    await runInit({ command: 'init', repo: dir, config: '.aicost.yml', force: false });
    const written = parse(readFileSync(join(dir, '.aicost.yml'), 'utf8')) as {
      features: Record<string, Record<string, unknown>>;
    };
    // The `fast` provider sets no max tokens: a marked typical output size.
    expect(written.features).toEqual({
      evals: {
        team: 'default',
        prompt: 'evals/promptfooconfig.yaml#reply',
        provider: 'fast',
        typical_output_tokens: 300,
        requests_per_month: 1000,
      },
    });
    const { report } = await runEstimate({ repo: dir, config: '.aicost.yml' });
    expect(report.features.map((f) => [f.id, f.monthly > 0])).toEqual([['evals', true]]);
  });
});
