/**
 * Agent definitions read from real git revisions: aicost agent YAML (inline and with
 * instructions_file / tools_file / sub_agents), Claude Code sub-agents, CrewAI agents.yaml with
 * tasks.yaml; every referenced file read from the same revision, paths outside the repository
 * refused, malformed definitions named by file and line.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  loadAgentSpec,
  loadFeatureAgent,
  CLAUDE_CODE_TOOL_TOKENS,
  CREWAI_TOOL_TOKENS,
  CREWAI_DEFAULT_MAX_ITER,
} from '../../src/artifacts/agents/index.js';
import { GitRevisionReader, resolveCommit } from '../../src/repo/index.js';
import { failure, git, makeRepo, writeFiles } from '../helpers/run.js';

const readers: GitRevisionReader[] = [];
afterEach(() => {
  for (const r of readers.splice(0)) r.close();
});

async function at(repo: string, rev = 'HEAD'): Promise<GitRevisionReader> {
  const r = new GitRevisionReader(repo, await resolveCommit(repo, rev), '');
  readers.push(r);
  return r;
}

const TOOLS_JSON = JSON.stringify([
  {
    type: 'function',
    function: {
      name: 'lookup_order',
      description: 'Look up an order by id',
      parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
    },
  },
]);

describe('aicost agent YAML', () => {
  it('reads instructions_file, tools_file and sub-agents from the same revision', async () => {
    const repo = makeRepo({
      'agents/triage.yaml':
        'name: triage\nmodel: openai/gpt-4o\ninstructions_file: prompts/triage.md\ntools_file: tools/triage.json\nmax_turns: 8\nsub_agents:\n  refund: agents/refund.yaml\n',
      'agents/refund.yaml':
        'instructions: You handle refunds.\ntools:\n  - web_search\nmax_turns: 3\nmax_tokens: 400\n',
      'prompts/triage.md': 'You are the triage agent, version one.',
      'tools/triage.json': TOOLS_JSON,
    });
    const first = await at(repo);
    // The working tree moves on; the revision still reads its own files.
    writeFiles(repo, { 'prompts/triage.md': 'You are the triage agent, version two.' });
    git(repo, 'commit', '-qam', 'v2');
    const spec = await loadAgentSpec(first, 'agents/triage.yaml', '.aicost.yml');
    expect(spec.root).toBe('triage');
    expect(spec.agents.map((a) => a.name)).toEqual(['triage', 'refund']);
    expect(spec.files).toEqual(['agents/refund.yaml', 'agents/triage.yaml', 'prompts/triage.md', 'tools/triage.json']);
    const [triage, refund] = spec.agents;
    expect(triage.site.messages).toEqual([
      { role: 'system', template: 'You are the triage agent, version one.', line: 1 },
    ]);
    expect(triage.where.instructions).toEqual({ file: 'prompts/triage.md', line: 1 });
    expect(triage.site.tools).toEqual([
      {
        name: 'lookup_order',
        description: 'Look up an order by id',
        parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
      },
    ]);
    expect(triage.maxTurns).toBe(8);
    expect(triage.where.max_turns).toEqual({ file: 'agents/triage.yaml', line: 5 });
    expect(triage.subAgents).toEqual(['refund']);
    // A sub-agent without a model runs on its parent's.
    expect(refund.site.model).toBe('openai/gpt-4o');
    expect(refund.inheritsModel).toBe(true);
    expect(refund.opaqueTools).toEqual(['web_search']);
    expect(refund.site.params.maxTokens).toBe(400);

    const second = await loadAgentSpec(await at(repo), 'agents/triage.yaml', '.aicost.yml');
    expect(second.agents[0].site.messages[0].template).toBe('You are the triage agent, version two.');
  });

  it('refuses paths outside the repository and missing referenced files, naming the line', async () => {
    const repo = makeRepo({
      'agents/a.yaml': 'model: openai/gpt-4o\ninstructions_file: ../secrets.txt\n',
      'agents/b.yaml': 'model: openai/gpt-4o\ninstructions: hi\nsub_agents:\n  refund: agents/missing.yaml\n',
      'agents/c.yaml': 'model: openai/gpt-4o\ninstrutions: hi\n',
      'agents/d.yaml': 'model: openai/gpt-4o\ninstructions: hi\nmax_turns: many\n',
      'agents/e.yaml': 'model: openai/gpt-4o\ninstructions: hi\ninstructions_file: p.md\n',
    });
    const r = await at(repo);
    const outside = await failure(loadAgentSpec(r, 'agents/a.yaml', '.aicost.yml'));
    expect(outside.message).toBe('path "../secrets.txt" points outside the repository');
    expect(outside.location?.file).toBe('agents/a.yaml');
    const missing = await failure(loadAgentSpec(r, 'agents/b.yaml', '.aicost.yml'));
    expect(missing.format()).toBe(
      'agents/b.yaml:4: sub-agent refund: agents/missing.yaml does not exist at this revision\n  Fix the path under sub_agents (paths are relative to the repository root) or commit the file.',
    );
    const typo = await failure(loadAgentSpec(r, 'agents/c.yaml', '.aicost.yml'));
    expect(typo.format().split('\n')[0]).toBe(
      'agents/c.yaml:2:1: unknown key "instrutions" in the agent definition; did you mean "instructions"?',
    );
    const turns = await failure(loadAgentSpec(r, 'agents/d.yaml', '.aicost.yml'));
    expect(turns.format().split('\n')[0]).toBe(
      'agents/d.yaml:3:12: max_turns must be a whole number of turns ≥ 1, got "many"',
    );
    const both = await failure(loadAgentSpec(r, 'agents/e.yaml', '.aicost.yml'));
    expect(both.format().split('\n')[0]).toBe(
      'agents/e.yaml:3: has both instructions and instructions_file; keep one of them',
    );
    const absent = await failure(
      loadFeatureAgent(r, 'triage', 'agents/none.yaml', '.aicost.yml', { line: 7, column: 12 }),
    );
    expect(absent.format().split('\n')[0]).toBe(
      '.aicost.yml:7:12: feature "triage": agent definition agents/none.yaml does not exist at this revision',
    );
  });
});

describe("loop limits above aicost's 10,000 turns (issue 12, reproduction 10)", () => {
  it('is an error naming file, line and limit in each definition format', async () => {
    const repo = makeRepo({
      'agents/big.yaml': 'model: openai/gpt-4o\ninstructions: hi\nmax_turns: 2147483648\n',
      'agents/edge.yaml': 'model: openai/gpt-4o\ninstructions: hi\nmax_turns: 10000\n',
      '.claude/agents/big.md': '---\nname: big\nmodel: sonnet\nmaxTurns: 10001\n---\nReview.\n',
      'crew/config/agents.yaml':
        'writer:\n  role: Writer\n  goal: Write\n  backstory: Terse.\n  max_iter: 9007199254740991\n',
    });
    const r = await at(repo);
    const big = await failure(loadAgentSpec(r, 'agents/big.yaml', '.aicost.yml'));
    expect(big.format()).toBe(
      "agents/big.yaml:3:12: max_turns is 2,147,483,648 turns, above aicost's limit of 10,000\n  Set max_turns to at most 10000 (max_turns: 50 is typical), or remove it and give the feature typical_turns: in .aicost.yml.",
    );
    expect((await loadAgentSpec(r, 'agents/edge.yaml', '.aicost.yml')).agents[0].maxTurns).toBe(10_000);
    const claude = await failure(loadAgentSpec(r, '.claude/agents/big.md', '.aicost.yml'));
    expect(claude.format().split('\n')[0]).toBe(
      ".claude/agents/big.md:4:11: maxTurns is 10,001 turns, above aicost's limit of 10,000",
    );
    const crew = await failure(loadAgentSpec(r, 'crew/config/agents.yaml', '.aicost.yml'));
    expect(crew.format().split('\n')[0]).toBe(
      "crew/config/agents.yaml:5:13: max_iter is 9,007,199,254,740,991 iterations, above aicost's limit of 10,000",
    );
  });
});

describe('Claude Code sub-agents', () => {
  it('reads front matter, counts built-in tools as estimates and follows Agent(name) to a sibling file', async () => {
    const repo = makeRepo({
      '.claude/agents/reviewer.md':
        '---\nname: reviewer\ndescription: Reviews diffs\nmodel: opus\neffort: high\nmaxTurns: 12\ntools: Read, Grep, Glob, Bash, Agent(tester)\n---\n\nYou are a senior reviewer.\n',
      '.claude/agents/tester.md': '---\nname: tester\nmodel: inherit\ntools: Bash\n---\nRun the tests.\n',
    });
    const spec = await loadAgentSpec(await at(repo), '.claude/agents/reviewer.md', '.aicost.yml');
    expect(spec.agents.map((a) => a.name)).toEqual(['reviewer', 'tester']);
    const [reviewer, tester] = spec.agents;
    expect(reviewer.format).toBe('claude-code');
    expect(reviewer.site.model).toBe('opus');
    expect(reviewer.maxTurns).toBe(12);
    expect(reviewer.opaqueTools).toEqual(['Read', 'Grep', 'Glob', 'Bash', 'Agent']);
    expect(reviewer.opaqueToolTokens).toBe(CLAUDE_CODE_TOOL_TOKENS);
    expect(reviewer.settings).toEqual({ effort: 'high' });
    // The body after the front matter is the system prompt; it starts on line 9.
    expect(reviewer.site.messages).toEqual([{ role: 'system', template: '\nYou are a senior reviewer.\n', line: 9 }]);
    expect(tester.inheritsModel).toBe(true);
    expect(tester.site.model).toBe('opus');
    expect(tester.opaqueTools).toEqual(['Bash']);
  });
});

describe('CrewAI agents.yaml', () => {
  const AGENTS = `researcher:
  role: >
    Senior Data Researcher
  goal: >
    Find facts about {topic}
  backstory: >
    You read analyst reports.
  llm: openai/gpt-4o
  function_calling_llm: openai/gpt-4o-mini
  max_iter: 15
  allow_delegation: false
  tools:
    - SerperDevTool
writer:
  role: Writer
  goal: Write the brief
  backstory: Terse.
`;
  const TASKS = `research_task:
  description: Research {topic}.
  expected_output: Ten bullet points.
  agent: researcher
write_task:
  description: Write it up.
  expected_output: A 600-word brief.
  agent: writer
`;

  it('builds instructions from role, goal and backstory; #key selects the root; tasks give the static loops', async () => {
    const repo = makeRepo({ 'crew/config/agents.yaml': AGENTS, 'crew/config/tasks.yaml': TASKS });
    const r = await at(repo);
    const crew = await loadAgentSpec(r, 'crew/config/agents.yaml', '.aicost.yml');
    expect(crew.root).toBe('researcher');
    expect(crew.files).toEqual(['crew/config/agents.yaml', 'crew/config/tasks.yaml']);
    expect(crew.staticLoops).toEqual([
      {
        agent: 'researcher',
        task: 'research_task',
        text: 'Research {topic}.\n\nTen bullet points.',
        file: 'crew/config/tasks.yaml',
        line: 1,
      },
      {
        agent: 'writer',
        task: 'write_task',
        text: 'Write it up.\n\nA 600-word brief.',
        file: 'crew/config/tasks.yaml',
        line: 5,
      },
    ]);
    const [researcher, writer] = crew.agents;
    expect(researcher.site.messages[0].template).toBe(
      'You are Senior Data Researcher. You read analyst reports.\nYour personal goal is: Find facts about {topic}',
    );
    expect(researcher.site.model).toBe('openai/gpt-4o');
    expect(researcher.maxTurns).toBe(15);
    expect(researcher.opaqueTools).toEqual(['SerperDevTool']);
    expect(researcher.opaqueToolTokens).toBe(CREWAI_TOOL_TOKENS);
    expect(researcher.settings).toEqual({ function_calling_llm: 'openai/gpt-4o-mini', allow_delegation: false });
    expect(writer.maxTurns).toBe(CREWAI_DEFAULT_MAX_ITER);
    expect(writer.maxTurnsIsDefault).toBe(true);
    expect(writer.site.model).toBeUndefined();

    const selected = await loadAgentSpec(r, 'crew/config/agents.yaml#writer', '.aicost.yml');
    expect(selected.root).toBe('writer');
    expect(selected.agents.map((a) => a.name)).toEqual(['writer', 'researcher']);
    expect(selected.staticLoops).toEqual([
      {
        agent: 'writer',
        task: 'write_task',
        text: 'Write it up.\n\nA 600-word brief.',
        file: 'crew/config/tasks.yaml',
        line: 5,
      },
    ]);

    const wrong = await failure(loadAgentSpec(r, 'crew/config/agents.yaml#editor', '.aicost.yml'));
    expect(wrong.message).toBe('no agent "editor" in crew/config/agents.yaml; it defines researcher, writer');
  });
});
