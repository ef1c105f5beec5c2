/**
 * Issue 14, point 7: GitHub Models, Dotprompt, Prompty files and promptfoo configs outside every feature are found by
 * the unpriced-change scan (by content where the name is shared), and each hint, with its
 * placeholders filled in, is a config that `estimate` accepts and prices.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { makeRepo, prRepo, runCli } from '../helpers/run.js';

const BASE_CONFIG = `version: 1
features:
  faq:
    team: web
    prompt: prompts/faq.prompt.yml
    requests_per_month: 1000
teams:
  web: {}
`;
const FAQ = `model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 100
messages:
  - role: user
    content: "{{q}}"
`;

/** Files a PR adds, none declared as a feature. */
const ADDED: Record<string, string> = {
  'ops/label_prompt.yml': `model: openai/gpt-4o-mini
messages:
  - role: system
    content: Label the incident as outage, degradation or noise.
  - role: user
    content: "{{alert}}"
`,
  'genkit/prompts/menu.prompt': `---
model: googleai/gemini-2.5-flash
config:
  maxOutputTokens: 300
---
{{role "system"}}
Suggest a three-course menu.
{{role "user"}}
{{season}}
`,
  'docs/plan.prompt.md': `---
model: openai/gpt-4o-mini
input:
  default:
    goal: run a 10k
---
Write a four-week plan to {{goal}}.
`,
  'prompts/advisor.prompty': `---
name: Advisor
model:
  apiType: chat
  connection:
    type: serverless
    model: gpt-4o-mini
---
system:
Recommend one tent.
`,
  'evals/support_eval.yaml': `description: Reply drafts
prompts:
  - label: reply
    raw: "Draft a friendly reply to: {{ticket}}"
providers:
  - id: azure:chat:support-4o
  - id: openai:chat:gpt-4o-mini
    label: fast
tests:
  - vars: { ticket: The app logs me out every hour. }
`,
  'prompts/support.prompty': `---
name: Support
model:
  api: chat
  configuration:
    type: azure_openai
    azure_deployment: support-mini
  parameters:
    max_tokens: 200
---
system:
Answer order questions.
`,
};

/** A hint's flow YAML, placeholders filled, as a whole config. */
function configFromHint(hint: string): string {
  const fill = (s: string) =>
    s
      .replace(/<team>/g, 'ops')
      .replace(/<n>/g, '500')
      .replace(/<model id>/g, 'openai/gpt-4o-mini')
      .replace(/<vendor>\/<model>/g, 'openai/gpt-4o-mini');
  const features = /features: \{.*\} \}/.exec(hint);
  const models = /models: \{[^}]*\}/.exec(hint);
  expect(features).not.toBeNull();
  return `version: 1\n${fill(features![0])}\n${models ? `${fill(models[0])}\n` : ''}teams:\n  ops: {}\n`;
}

describe('discovery of prompt files outside every feature', () => {
  it('finds each format and its hint prices the file with estimate', async () => {
    const repo = prRepo({ '.aicost.yml': BASE_CONFIG, 'prompts/faq.prompt.yml': FAQ }, ADDED);
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const found = Object.fromEntries(report.unpriced_changes.map((u) => [u.file, u]));
    expect(Object.keys(found).sort()).toEqual(Object.keys(ADDED).sort());
    expect(found['ops/label_prompt.yml'].summary).toBe(
      'new prompt file ops/label_prompt.yml (model openai/gpt-4o-mini)',
    );
    expect(found['genkit/prompts/menu.prompt'].summary).toBe(
      'new Dotprompt file genkit/prompts/menu.prompt (model googleai/gemini-2.5-flash)',
    );
    expect(found['docs/plan.prompt.md'].summary).toBe(
      'new Dotprompt file docs/plan.prompt.md (model openai/gpt-4o-mini)',
    );
    expect(found['prompts/advisor.prompty'].summary).toBe(
      'new Prompty file prompts/advisor.prompty (model gpt-4o-mini)',
    );
    // A promptfoo config under any name, by content; the hint names a prompt and a provider with a catalog model.
    expect(found['evals/support_eval.yaml'].summary).toBe(
      'new promptfoo config evals/support_eval.yaml (models azure:chat:support-4o, openai:chat:gpt-4o-mini)',
    );
    expect(found['evals/support_eval.yaml'].hint).toBe(
      'price one prompt of it with one provider (each prompt × provider the app sends is a feature): features: { support-eval: { team: <team>, prompt: "evals/support_eval.yaml#reply", provider: fast, typical_output_tokens: <n>, requests_per_month: <n> } }',
    );
    expect(found['prompts/support.prompty'].hint).toContain('models: { azure/support-mini: <vendor>/<model> }');

    for (const [file, text] of Object.entries(ADDED)) {
      const config = configFromHint(found[file].hint);
      const hinted = makeRepo({ '.aicost.yml': config, [file]: text });
      const { report: est } = await runEstimate({ repo: hinted, config: '.aicost.yml' });
      expect(est.features).toHaveLength(1);
      expect(est.features[0].monthly).toBeGreaterThan(0);
      // The CLI itself accepts it too (exit 0, a JSON report).
      const cli = runCli(['estimate', '--repo', hinted, '--format', 'json']);
      expect({ file, status: cli.status, stderr: cli.stderr }).toEqual({ file, status: 0, stderr: '' });
      expect(JSON.parse(cli.stdout).features[0].monthly).toBeCloseTo(est.features[0].monthly, 9);
    }
  });
});
