/**
 * Agent files as people write them (issue 14, classes 4 and 5): CrewAI tasks without `agent:`,
 * Claude Code front matter that strict YAML refuses, `tools: ["*"]`, `@path` bodies. Real git
 * repositories; deltas by hand from js-tiktoken counts and vendor prices.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { CLAUDE_CODE_BUILTIN_TOOLS } from '../../src/artifacts/agents/tools.js';
import { runEstimate } from '../../src/run/estimate.js';
import { failure, makeRepo } from '../helpers/run.js';
import { agentConfig, GPT_4O_MINI, jsonl, prRepo, SONNET_45, tok } from './helpers.js';

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

describe('Claude Code sub-agents as people write them', () => {
  const models = 'models:\n  sonnet: anthropic/claude-sonnet-4-5\n';
  /** 20 runs of 2 calls: 6,000 + 1,000·k input, 250 output. */
  const rows = Array.from({ length: 20 }, (_, t) =>
    [1, 2].map((k) => ({
      id: `s${t}-${k}`,
      trace_id: `s${t}`,
      step: k,
      usage: { input_tokens: 6000 + 1000 * k, output_tokens: 250 },
    })),
  ).flat();
  const agentFile = (o: { tools?: string | null; body?: string; description?: string } = {}) =>
    `---
name: migration-reviewer
description: ${o.description ?? 'Reviews database migrations.'}
model: sonnet
${o.tools === null ? '' : `tools: ${o.tools ?? 'Read, Grep'}\n`}maxTurns: 12
---
${o.body ?? 'You review SQL migrations for locking and data loss. Reply with a verdict first.'}
`;
  const setup = (agent: string, extra: Record<string, string> = {}) => ({
    '.aicost.yml': agentConfig({ agent: '.claude/agents/migration-reviewer.md', models }),
    '.claude/agents/migration-reviewer.md': agent,
    'traffic/triage.jsonl': jsonl(rows),
    ...extra,
  });

  it('tools ["*"] is every built-in tool: +12 tools × 500 tokens on each of the 2 calls of a run', async () => {
    const repo = prRepo(setup(agentFile()), { '.claude/agents/migration-reviewer.md': agentFile({ tools: '["*"]' }) });
    const { features, report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = features[0];
    expect(CLAUDE_CODE_BUILTIN_TOOLS).toHaveLength(14);
    // Read and Grep were counted already; "*" adds the 12 other built-ins, 500 tokens each.
    expect(f.head!.perRequest.mean - f.base!.perRequest.mean).toBeCloseTo((2 * 12 * 500 * SONNET_45.input) / 1e6, 15);
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo(((2 * 12 * 500 * 3) / 1e6) * 100_000, 9); // $3,600
    expect(report.notices.join('\n')).toContain('tools "*" gives the agent every built-in tool');
  });

  it('no tools: line inherits every tool: priced as the built-ins (not as none)', async () => {
    const repo = prRepo(setup(agentFile()), { '.claude/agents/migration-reviewer.md': agentFile({ tools: null }) });
    const { features } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = features[0];
    expect(f.head!.perRequest.mean - f.base!.perRequest.mean).toBeCloseTo((2 * 12 * 500 * SONNET_45.input) / 1e6, 15);
  });

  it('a description with <example> blocks that strict YAML refuses is read as Claude Code reads it, with a notice', async () => {
    const description = `Use this agent when a PR adds a migration. Examples:
<example>Context: the user adds a column. user: "Review migrations/042_add_index.sql" assistant: "I'll use the migration-reviewer agent."</example>`;
    const quoted = JSON.stringify(description.replace('\n', ' '));
    const longer =
      'You review SQL migrations for locking and data loss. Reply with a verdict first, then the risky statements.';
    const lenient = prRepo(setup(agentFile({ description })), {
      '.claude/agents/migration-reviewer.md': agentFile({ description, body: longer }),
    });
    const strict = prRepo(setup(agentFile({ description: quoted })), {
      '.claude/agents/migration-reviewer.md': agentFile({ description: quoted, body: longer }),
    });
    const a = await runDiff({ repo: lenient, base: 'main', head: 'pr', config: '.aicost.yml' });
    const b = await runDiff({ repo: strict, base: 'main', head: 'pr', config: '.aicost.yml' });
    expect(a.features[0].base!.monthly).toBeCloseTo(b.features[0].base!.monthly, 9);
    expect(a.features[0].head!.monthly).toBeCloseTo(b.features[0].head!.monthly, 9);
    expect(a.features[0].head!.monthly).toBeGreaterThan(a.features[0].base!.monthly);
    expect(a.report.notices.join('\n')).toContain(
      '.claude/agents/migration-reviewer.md:3: the front matter is not valid YAML',
    );
    expect(a.report.notices.join('\n')).toContain('the value of description taken as text');
  });

  it('a body that is an @path import is priced as the imported prompt; a PR editing that file changes the figure', async () => {
    const PROMPT = 'You review SQL migrations for locking and data loss.';
    const MORE = `${PROMPT} Check every ALTER TABLE for a full-table rewrite and name the lock it takes.`;
    const repo = prRepo(
      setup(agentFile({ body: '@../prompts/migration-review.md' }), { '.claude/prompts/migration-review.md': PROMPT }),
      { '.claude/prompts/migration-review.md': MORE },
    );
    const { features, report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = features[0];
    expect(f.head!.monthly).toBeGreaterThan(f.base!.monthly);
    expect(f.changes[0]).toMatchObject({ file: '.claude/prompts/migration-review.md' });
    expect(report.notices.join('\n')).toContain('the body imports ../prompts/migration-review.md');

    const outside = prRepo(setup(agentFile()), {
      '.claude/agents/migration-reviewer.md': agentFile({ body: '@../../../etc/prompt.md' }),
    });
    const e = await failure(runDiff({ repo: outside, base: 'main', head: 'pr', config: '.aicost.yml' }));
    expect(e.format()).toContain(
      '.claude/agents/migration-reviewer.md:8: the body imports ../../../etc/prompt.md, which is outside the repository',
    );
  });
});

describe('no silent miss: keys a reader does not use that look like text, a model or a limit', () => {
  it('CrewAI agents.yaml and tasks.yaml, and Claude Code front matter, name each such key with file:line', async () => {
    const crew = makeRepo({
      '.aicost.yml': agentConfig({
        agent: 'src/crew/config/agents.yaml',
        traffic: null,
        extra: '    typical_turns: 2\n    typical_output_tokens: 100\n',
      }),
      'src/crew/config/agents.yaml': `analyst:
  role: Analyst
  goal: Explain the numbers
  backstory: Former auditor.
  llm: openai/gpt-4o-mini
  verbose: true
  system_template: "You are {role}. Always answer in German. {backstory}"
  max_execution_time: 120
`,
      'src/crew/config/tasks.yaml': `explain:
  description: Explain the revenue drop.
  expected_output: Two paragraphs.
  agent: analyst
  output_file: report.md
  output_instructions: Format the answer as a memo to the board, with a subject line and a one-sentence summary.
`,
    });
    const { estimate } = await runEstimate({ repo: crew, config: '.aicost.yml' });
    const notices = estimate.notices.join('\n');
    expect(notices).toContain(
      'src/crew/config/agents.yaml:7: agent analyst: key system_template is not read by aicost, so its edits are not priced',
    );
    expect(notices).toContain('src/crew/config/agents.yaml:8: agent analyst: key max_execution_time is not read');
    expect(notices).toContain('src/crew/config/tasks.yaml:6: task explain: key output_instructions is not read');
    expect(notices).not.toContain('verbose');
    expect(notices).not.toContain('output_file');

    const claude = makeRepo({
      '.aicost.yml': agentConfig({
        agent: '.claude/agents/sql.md',
        traffic: null,
        extra: '    typical_turns: 2\n    typical_output_tokens: 100\n',
        models: 'models:\n  haiku: anthropic/claude-haiku-4-5\n',
      }),
      '.claude/agents/sql.md':
        '---\nname: sql\nmodel: haiku\ntools: Read, Bash\ndisallowedTools: Bash\ncolor: blue\n---\nYou write SQL.\n',
    });
    const c = await runEstimate({ repo: claude, config: '.aicost.yml' });
    expect(c.estimate.notices.join('\n')).toContain(
      '.claude/agents/sql.md:5: front matter: key disallowedTools is not read by aicost',
    );
    expect(c.estimate.notices.join('\n')).not.toContain('color');
  });
});
