/**
 * Agent files as people write them (issue 14, classes 4 and 5): CrewAI tasks without `agent:`,
 * Claude Code front matter that strict YAML refuses, `tools: ["*"]`, `@path` bodies. Real git
 * repositories; deltas by hand from js-tiktoken counts and vendor prices.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { agentConfig, GPT_4O_MINI, prRepo, tok } from './helpers.js';

const RPM = 40_000;

describe('CrewAI: tasks without an agent belong to the crew process', () => {
  const agents = `researcher:
  role: >
    Market Researcher
  goal: >
    Find three facts about {topic} with sources
  backstory: >
    You worked ten years at an analyst firm and never guess.
  llm: openai/gpt-4o-mini
  max_iter: 3
`;
  const summarize = (d: string) => `research_task:
  description: >
    Research {topic} and list what changed this quarter.
  expected_output: >
    Three bullet points, each with a source link.
  agent: researcher

summary_task:
  description: >
    ${d}
  expected_output: >
    One paragraph for the weekly newsletter.
`;
  const OLD = 'Turn the research into a short summary for readers.';
  const NEW = 'Turn the research into a short summary for readers who are not analysts, and explain any jargon.';
  const cfg = agentConfig({
    agent: 'src/newsletter/config/agents.yaml',
    traffic: null,
    rpm: RPM,
    extra: '    typical_turns: 2\n    typical_output_tokens: 150\n',
  });

  it('a PR editing the agent-less task is priced (a loop of the root agent) and attributed to tasks.yaml at its line', async () => {
    const repo = prRepo(
      {
        '.aicost.yml': cfg,
        'src/newsletter/config/agents.yaml': agents,
        'src/newsletter/config/tasks.yaml': summarize(OLD),
      },
      { 'src/newsletter/config/tasks.yaml': summarize(NEW) },
    );
    const r = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = r.features[0];
    // The task's user message is description + "\n\n" + expected output; each of the loop's 2
    // turns sends it, at gpt-4o-mini's $0.15 per 1M input tokens.
    const text = (d: string) => `${d}\n\nOne paragraph for the weekly newsletter.`;
    const added = tok(text(NEW)) - tok(text(OLD));
    expect(added).toBe(9);
    const delta = ((2 * added * GPT_4O_MINI.input) / 1e6) * RPM; // $0.108
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo(delta, 9);
    expect(f.changes).toEqual([
      {
        kind: 'agent',
        file: 'src/newsletter/config/tasks.yaml',
        line: 8,
        summary: 'task summary_task edited (the task text each loop is sent)',
        monthlyEffect: expect.any(Number),
      },
    ]);
    expect(f.changes[0].monthlyEffect).toBeCloseTo(delta, 9);
    expect(r.report.notices.join('\n')).toContain(
      "src/newsletter/config/tasks.yaml:8: task summary_task names no agent: CrewAI's hierarchical process gives it to the crew's manager agent (manager_llm in code, not read here), so it is priced as a loop of researcher with the task's text",
    );
  });
});
