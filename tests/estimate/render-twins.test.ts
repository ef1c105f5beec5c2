/**
 * Render twins: sites whose messages are the same (roles and templates) render each sample once,
 * so a diff whose prompt did not change renders every sample once for base and head together and
 * both replays count the very same strings. Work is counted in template steps (node visits), never
 * timed.
 */
import { describe, expect, it } from '@jest/globals';
import { templateWork } from '../../src/artifacts/render.js';
import { releaseRenders, renderedMessages } from '../../src/estimate/replay.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import type { CallSite, Sample } from '../../src/types.js';
import { prRepo } from '../helpers/run.js';

const site = (model: string, user = 'Ticket: {{body}}'): CallSite => ({
  file: 'prompts/t.prompt.yml',
  format: 'github-models',
  model,
  lines: {},
  messages: [
    { role: 'system', template: 'You summarise tickets.', line: 4 },
    { role: 'user', template: user, line: 6 },
  ],
  params: {},
  tools: [],
  testData: [],
  variables: ['body'],
  unsupported: [],
});

const sample = (body: string): Sample =>
  ({
    id: body,
    vars: { body },
    usage: { outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0 },
    weight: 1,
  }) as unknown as Sample;

const steps = () => templateWork().steps;

describe('render twins', () => {
  it('renders a sample once for two sites with the same messages, and apart for a changed one', () => {
    const base = site('openai/gpt-4o-mini');
    const head = site('openai/gpt-4.1-mini'); // a model change: same messages
    const edited = site('openai/gpt-4o-mini', 'Ticket (be brief): {{body}}');
    const s = sample('printer on fire');
    const t0 = steps();
    const a = renderedMessages(base, s);
    const perRender = steps() - t0;
    expect(perRender).toBeGreaterThan(0);
    const b = renderedMessages(head, s);
    expect(steps() - t0).toBe(perRender); // no second render
    expect(b).toBe(a);
    expect(b!.messages[1].content).toBe('Ticket: printer on fire');
    const c = renderedMessages(edited, s);
    expect(steps() - t0).toBe(2 * perRender);
    expect(c!.messages[1].content).toBe('Ticket (be brief): printer on fire');
    // Released with its feature: the next read renders again, and still agrees.
    releaseRenders(base);
    const again = renderedMessages(head, s);
    expect(steps() - t0).toBe(3 * perRender);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });

  it('diffs a model change with one render per sample, a prompt change with two', async () => {
    const prompt = (model: string, user: string) =>
      `model: ${model}\nmessages:\n  - role: system\n    content: "You summarise tickets."\n  - role: user\n    content: "${user}"\n`;
    const rows = Array.from({ length: 40 }, (_, i) => ({
      id: `r${i}`,
      vars: { body: `ticket number ${i}: ${'the printer jams again '.repeat(i % 7)}` },
      usage: { output_tokens: 20 + i },
    }));
    const files = (model: string, user: string) => ({
      '.aicost.yml':
        'version: 1\nfeatures:\n  summary:\n    team: support\n    prompt: prompts/s.prompt.yml\n    traffic: traffic/s.jsonl\n    requests_per_month: 1000\nteams:\n  support: {}\n',
      'prompts/s.prompt.yml': prompt(model, user),
      'traffic/s.jsonl': rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
    const work = async (run: () => Promise<unknown>) => {
      const t0 = steps();
      await run();
      return steps() - t0;
    };
    const modelPr = prRepo(
      files('openai/gpt-4o-mini', 'Ticket: {{body}}'),
      files('openai/gpt-4.1-mini', 'Ticket: {{body}}'),
    );
    const promptPr = prRepo(
      files('openai/gpt-4o-mini', 'Ticket: {{body}}'),
      files('openai/gpt-4o-mini', 'Ticket, briefly: {{body}}'),
    );
    const estimate = await work(() => runEstimate({ repo: modelPr, config: '.aicost.yml' }));
    const modelDiff = await work(() => runDiff({ repo: modelPr, base: 'main', head: 'pr', config: '.aicost.yml' }));
    const promptDiff = await work(() => runDiff({ repo: promptPr, base: 'main', head: 'pr', config: '.aicost.yml' }));
    // 40 samples × 3 steps (system text, user text, variable): one pass over the samples, and
    // the cacheable prefix (the leading static messages as sent) rendered once: 3 steps.
    expect(estimate).toBe(120 + 3);
    // Beside the samples, each replayed site's template is rendered with empty variables twice
    // (3 steps each: diff/pair.ts's static tokens, and the cacheable prefix): base and head for a
    // model change; base, head and the two attribution hybrids for a prompt change. Without twins
    // the model diff took 246 steps.
    expect(modelDiff).toBe(120 + 2 * 6);
    expect(promptDiff).toBe(2 * 120 + 4 * 6);
  });
});
