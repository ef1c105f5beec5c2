/**
 * The unpriced-change hints for LiteLLM configs, CrewAI crews and Claude Code sub-agents lead to a
 * config aicost accepts: each hint's entry, placeholders filled, is committed and run through the
 * real CLI's `estimate` (exit 0 and a positive figure).
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { git, makeRepo, prRepo, runCli, summaryPrompt, writeFiles } from '../helpers/run.js';

const BASE = {
  '.aicost.yml': `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 1000
    typical_output_tokens: 200
teams:
  support: { monthly_budget: 1000 }
`,
  'prompts/summary.prompt.yml': summaryPrompt(),
};

const PR = {
  'gateway/aliases_config.yaml': `model_list:
  - model_name: cheap
    litellm_params:
      model: openai/gpt-4o-mini
`,
  'prompts/reply.prompt.yml': summaryPrompt('cheap'),
  '.claude/agents/reviewer.md':
    '---\nname: reviewer\nmodel: claude-sonnet-4-5\ntools: Read, Grep\n---\nYou review code.\n',
  'src/newsletter/config/agents.yaml':
    'writer:\n  role: Writer\n  goal: Write the weekly letter\n  backstory: Ten years at a paper.\n  llm: openai/gpt-4o-mini\n',
  'src/newsletter/config/tasks.yaml': 'draft:\n  description: Draft the letter.\n  expected_output: One page.\n',
};

/** The YAML lines a hint asks for, placeholders filled in. */
function configOf(hint: string): string {
  const fill = (s: string) =>
    s
      .replace(/<team>/g, 'support')
      .replace(/<n>/g, '1000')
      .replace(/<turns>/g, '3')
      .replace(/<tokens>/g, '200')
      .replace(/<feature>/g, 'hinted')
      .replace(/<prompt file>/g, 'prompts/reply.prompt.yml');
  const modelsFrom = /models_from: \[[^\]]*\]/.exec(hint)?.[0];
  const features = /features: \{.*\} \}/.exec(hint)?.[0];
  expect(features).toBeDefined();
  return `version: 1\n${modelsFrom ? `${fill(modelsFrom)}\n` : ''}${fill(features!)}\nteams:\n  support: { monthly_budget: 1000 }\n`;
}

describe('unpriced-change hints lead to configs aicost accepts', () => {
  it('LiteLLM (models_from), Claude Code and CrewAI hints, each run through `estimate`', async () => {
    const repo = prRepo(BASE, PR);
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const byFile = new Map(report.unpriced_changes.map((c) => [c.file, c.hint]));
    const files = ['gateway/aliases_config.yaml', '.claude/agents/reviewer.md', 'src/newsletter/config/agents.yaml'];
    for (const f of files) expect(byFile.has(f)).toBe(true);
    expect(byFile.get('gateway/aliases_config.yaml')).toContain('models_from: [gateway/aliases_config.yaml]');

    for (const file of [...files, 'src/newsletter/config/tasks.yaml']) {
      const hint = byFile.get(file)!;
      const dir = makeRepo({ ...BASE, ...PR });
      writeFiles(dir, { '.aicost.yml': configOf(hint) });
      git(dir, 'commit', '-qam', 'config from the hint');
      const r = runCli(['estimate', '--repo', dir, '--format', 'json']);
      expect({ file, status: r.status, stderr: r.stderr }).toEqual({ file, status: 0, stderr: '' });
      const json = JSON.parse(r.stdout) as { totals: { monthly: number } };
      expect(json.totals.monthly).toBeGreaterThan(0);
    }
  });
});
