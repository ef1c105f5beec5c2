/**
 * Agent features at one revision (the `estimate` command) and without traces (static runs), and
 * the other definition formats end to end: Claude Code sub-agents with model aliases, CrewAI
 * crews. Figures computed by hand from js-tiktoken counts and vendor prices.
 */
import { describe, expect, it } from '@jest/globals';
import { AicostError } from '../../src/errors.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { CLAUDE_CODE_TOOL_TOKENS } from '../../src/artifacts/agents/index.js';
import { agentSideJson } from '../../src/estimate/agent-json.js';
import { makeRepo } from '../helpers/run.js';
import {
  agentConfig,
  GPT_4O,
  GPT_4O_MINI,
  jsonl,
  mean,
  openaiCost,
  prRepo,
  SONNET_45,
  systemTokens,
  tok,
  toolTokens,
} from './helpers.js';

const INSTR = 'You are the triage agent for Acme support. Be brief.';
const LOOKUP = {
  name: 'lookup_order',
  description: 'Look up an order by id.',
  properties: { order_id: { type: 'string', description: 'The order id' } },
};
const triage = (o: { instructions?: string; maxTurns?: number; maxTokens?: number } = {}) => `name: triage
model: openai/gpt-4o-mini
instructions: "${o.instructions ?? INSTR}"
tools:
  - name: lookup_order
    description: "Look up an order by id."
    parameters: {type: object, properties: {order_id: {type: string, description: "The order id"}}}
max_turns: ${o.maxTurns ?? 6}
${o.maxTokens ? `max_tokens: ${o.maxTokens}\n` : ''}`;

async function estimateError(repo: string): Promise<AicostError> {
  try {
    await runEstimate({ repo, config: '.aicost.yml' });
  } catch (e) {
    if (e instanceof AicostError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('recorded runs at one revision', () => {
  it('prices each call with its agent, aggregates per run weighted by the root line, derives runs per month', async () => {
    const rows: object[] = [];
    for (let t = 0; t < 30; t++) {
      const ts = (k: number) =>
        new Date(Date.parse('2026-11-01T00:00:00Z') + (t * 14 * 86_400_000) / 29 + k * 1000).toISOString();
      rows.push({
        id: `a${t}-1`,
        trace_id: `a${t}`,
        step: 1,
        ts: ts(0),
        weight: 2,
        usage: { input_tokens: 1200, output_tokens: 90 },
      });
      // Child lines carry their own weights; a run counts with its root line's.
      rows.push({
        id: `a${t}-2`,
        trace_id: `a${t}`,
        parent_id: `a${t}-1`,
        step: 2,
        ts: ts(1),
        weight: 7,
        usage: { input_tokens: 1500 + t, output_tokens: 40 },
      });
      if (t % 2)
        rows.push({
          id: `a${t}-3`,
          trace_id: `a${t}`,
          parent_id: `a${t}-1`,
          step: 3,
          ts: ts(2),
          agent: 'refund',
          weight: 7,
          usage: { input_tokens: 600, output_tokens: 120 },
        });
    }
    const cfg = agentConfig().replace('    requests_per_month: 100000\n', '');
    const refund = 'model: openai/gpt-4o\ninstructions: Refunds.\nmax_turns: 2\n';
    const repo = makeRepo({
      '.aicost.yml': cfg,
      'agents/triage.yaml': triage().replace(
        'max_turns: 6\n',
        'max_turns: 6\nsub_agents:\n  refund: agents/refund.yaml\n',
      ),
      'agents/refund.yaml': refund,
      'traffic/triage.jsonl': jsonl(rows),
    });
    const { report, estimate } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = estimate.features[0];
    const runCost = (t: number) =>
      openaiCost(GPT_4O_MINI, 1200, 90) +
      openaiCost(GPT_4O_MINI, 1500 + t, 40) +
      (t % 2 ? openaiCost(GPT_4O, 600, 120) : 0);
    const costs = Array.from({ length: 30 }, (_, t) => runCost(t));
    expect(f.samples).toBe(30);
    expect(f.perRequest.mean).toBeCloseTo(mean(costs), 15);
    // 30 runs of weight 2 over a 14-day window (at least 7 days): 60 / 14 runs a day.
    const windowDays = (29 * 14) / 29 + 2 / 86_400;
    expect(f.traffic!.windowDays).toBeCloseTo(windowDays, 9);
    expect(f.requestsPerMonth).toBeCloseTo((60 / windowDays) * (730 / 24), 6);
    expect(f.monthly).toBeCloseTo(mean(costs) * f.requestsPerMonth, 9);
    expect(f.models).toEqual(['openai/gpt-4o-mini', 'openai/gpt-4o']);
    expect(f.inputTokens.mean).toBeCloseTo(1200 + 1500 + 14.5 + 300, 9);
    expect(f.agent).toMatchObject({
      root: 'triage',
      calls: 75,
      callsPerRun: 2.5,
      truncatedShare: null,
      staticTurns: null,
    });
    expect(f.agent!.agents.map((a) => [a.name, a.callsPerRun, a.maxTurns, a.instructionsTokens, a.toolTokens])).toEqual(
      [
        ['triage', 2, 6, systemTokens(INSTR), toolTokens(LOOKUP) + 12],
        ['refund', 0.5, 2, systemTokens('Refunds.'), 0],
      ],
    );
    expect(report.features[0].monthly).toBeCloseTo(f.monthly, 9);
    // The report's agent block (proposed FeatureSideJson.agent), snake_case.
    expect(agentSideJson(f.agent)).toEqual({
      root: 'triage',
      calls: 75,
      calls_per_run: 2.5,
      agents: [
        {
          name: 'triage',
          root: true,
          model: 'openai/gpt-4o-mini',
          inherits_model: false,
          max_turns: 6,
          instructions_tokens: systemTokens(INSTR),
          tool_tokens: toolTokens(LOOKUP) + 12,
          estimated_tool_tokens: 0,
          tools_without_schema: [],
          calls_per_run: 2,
          turn_cap_share: 0,
        },
        {
          name: 'refund',
          root: false,
          model: 'openai/gpt-4o',
          inherits_model: false,
          max_turns: 2,
          instructions_tokens: systemTokens('Refunds.'),
          tool_tokens: 0,
          estimated_tool_tokens: 0,
          tools_without_schema: [],
          calls_per_run: 0.5,
          turn_cap_share: 0,
        },
      ],
      truncated_share: null,
      dropped_calls: 0,
      turn_cap_increases: [],
      static_turns: null,
    });
    expect(agentSideJson(undefined)).toBeNull();
  });
});

describe('static runs (no traces)', () => {
  const fixed = systemTokens(INSTR) + 3 + toolTokens(LOOKUP) + 12;
  const run = (turns: number, out: number) =>
    Array.from({ length: turns }, (_, i) => openaiCost(GPT_4O_MINI, fixed + i * out, out)).reduce((a, b) => a + b, 0);

  it('typical_turns × turns of instructions, tools and a growing history of earlier outputs', async () => {
    const cfg = agentConfig({
      traffic: null,
      rpm: 50000,
      extra: '    typical_turns: 4\n    typical_output_tokens: 100\n',
    });
    const repo = makeRepo({ '.aicost.yml': cfg, 'agents/triage.yaml': triage() });
    const { estimate } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = estimate.features[0];
    expect(f.perRequest.mean).toBeCloseTo(run(4, 100), 15);
    expect(f.monthly).toBeCloseTo(run(4, 100) * 50000, 9);
    expect(f.upperBound).toBe(false);
    expect(f.source).toEqual({ usage: 0, replay: 0, static: 1 });
    expect(f.agent!.staticTurns).toEqual({
      turns: 4,
      turnsFrom: 'typical_turns',
      outputTokens: 100,
      outputFrom: 'typical_output_tokens',
    });
  });

  it('without typical_turns the max turns are used and labelled an upper bound; no output figure is an error', async () => {
    const cfg = agentConfig({ traffic: null, rpm: 50000, extra: '    typical_output_tokens: 100\n' });
    const { estimate } = await runEstimate({
      repo: makeRepo({ '.aicost.yml': cfg, 'agents/triage.yaml': triage() }),
      config: '.aicost.yml',
    });
    expect(estimate.features[0].perRequest.mean).toBeCloseTo(run(6, 100), 15);
    expect(estimate.features[0].upperBound).toBe(true);
    expect(estimate.notices.some((n) => n.includes('6 turn(s) per loop (max turns, an upper bound)'))).toBe(true);

    const bare = agentConfig({ traffic: null, rpm: 50000 });
    const e = await estimateError(makeRepo({ '.aicost.yml': bare, 'agents/triage.yaml': triage() }));
    expect(e.format()).toBe(
      '.aicost.yml:3:3: feature "triage" has no traffic, no typical_output_tokens and agent triage (agents/triage.yaml) sets no max tokens\n  Add typical_output_tokens: to features.triage (or traffic samples) so each turn\'s output can be priced.',
    );
  });

  it('diff of a static run: +N instruction tokens × typical turns', async () => {
    const longer = `${INSTR} Quote the order number.`;
    const n = tok(longer) - tok(INSTR);
    const cfg = agentConfig({
      traffic: null,
      rpm: 50000,
      extra: '    typical_turns: 4\n    typical_output_tokens: 100\n',
    });
    const repo = prRepo(
      { '.aicost.yml': cfg, 'agents/triage.yaml': triage() },
      { 'agents/triage.yaml': triage({ instructions: longer }) },
    );
    const { features } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = features[0];
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo(((4 * n * GPT_4O_MINI.input) / 1e6) * 50000, 9);
    expect(f.changes.map((c) => c.summary)).toEqual([
      `instructions +${n} tokens (${systemTokens(INSTR)} → ${systemTokens(longer)}) × 4 calls per run`,
    ]);
    expect(f.changes[0].monthlyEffect).toBeCloseTo(f.head!.monthly - f.base!.monthly, 9);
    expect(f.pairs).toBeNull();
  });
});

describe('Claude Code sub-agents', () => {
  const reviewer = (tools: string) =>
    `---\nname: reviewer\nmodel: sonnet\ntools: ${tools}\nmaxTurns: 10\n---\nYou review pull requests.\n`;
  const rows = Array.from({ length: 20 }, (_, t) =>
    [1, 2, 3].map((k) => ({
      id: `c${t}-${k}`,
      trace_id: `c${t}`,
      step: k,
      usage: { input_tokens: 5000 + 1000 * k, output_tokens: 300 },
    })),
  ).flat();

  it('a model alias needs models: in .aicost.yml, and the error says how to add it', async () => {
    const repo = makeRepo({
      '.aicost.yml': agentConfig({ agent: '.claude/agents/reviewer.md' }),
      '.claude/agents/reviewer.md': reviewer('Read, Grep'),
      'traffic/triage.jsonl': jsonl(rows),
    });
    const e = await estimateError(repo);
    expect(e.format()).toBe(
      '.claude/agents/reviewer.md:3: unknown model "sonnet": no price in the catalog or in pricing:.\n  "sonnet" is a Claude Code model alias: say which model it means under models: in .aicost.yml, e.g. models: { sonnet: anthropic/claude-sonnet-4-5 }.',
    );
  });

  it('with the alias mapped, recorded usage prices at Sonnet 4.5 rates; an added built-in tool costs its estimate on every call', async () => {
    const models = 'models:\n  sonnet: anthropic/claude-sonnet-4-5\n';
    const base = {
      '.aicost.yml': agentConfig({ agent: '.claude/agents/reviewer.md', models }),
      '.claude/agents/reviewer.md': reviewer('Read, Grep'),
      'traffic/triage.jsonl': jsonl(rows),
    };
    const repo = prRepo(base, { '.claude/agents/reviewer.md': reviewer('Read, Grep, Bash') });
    const { features, report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = features[0];
    const perRun = [1, 2, 3].reduce(
      (a, k) => a + ((5000 + 1000 * k) * SONNET_45.input + 300 * SONNET_45.output) / 1e6,
      0,
    );
    expect(f.base!.perRequest.mean).toBeCloseTo(perRun, 15);
    expect(f.base!.models).toEqual(['anthropic/claude-sonnet-4-5']);
    // Bash has no schema in the repository: 500 tokens per call, 3 calls per run.
    expect(CLAUDE_CODE_TOOL_TOKENS).toBe(500);
    expect(f.head!.perRequest.mean - f.base!.perRequest.mean).toBeCloseTo((3 * 500 * SONNET_45.input) / 1e6, 15);
    expect(f.changes.map((c) => [c.kind, c.line, c.summary])).toEqual([
      ['tools', 4, 'tools added Bash: +500 tokens per call (tools without a schema estimated) × 3 calls per run'],
    ]);
    expect(report.notices).toContain(
      'triage: agent reviewer names 3 tool(s) without a schema in the repository (Read, Grep, Bash): counted as an estimate of 500 tokens each per call.',
    );
  });
});

describe('CrewAI crews', () => {
  it('calls naming a crew agent are priced with its llm; an agent without max_iter has CrewAI’s default of 20', async () => {
    const agents =
      'researcher:\n  role: Researcher\n  goal: Find facts\n  backstory: Careful.\n  llm: openai/gpt-4o\n  max_iter: 5\nwriter:\n  role: Writer\n  goal: Write\n  backstory: Terse.\n  llm: openai/gpt-4o-mini\n';
    const tasks =
      'research:\n  description: Research.\n  expected_output: Notes.\n  agent: researcher\nwrite:\n  description: Write.\n  expected_output: Brief.\n  agent: writer\n';
    const rows = Array.from({ length: 10 }, (_, t) => [
      {
        id: `k${t}-1`,
        trace_id: `k${t}`,
        step: 1,
        agent: 'researcher',
        usage: { input_tokens: 2000, output_tokens: 200 },
      },
      { id: `k${t}-2`, trace_id: `k${t}`, step: 2, agent: 'writer', usage: { input_tokens: 3000, output_tokens: 600 } },
    ]).flat();
    const repo = makeRepo({
      '.aicost.yml': agentConfig({ agent: 'crew/config/agents.yaml' }),
      'crew/config/agents.yaml': agents,
      'crew/config/tasks.yaml': tasks,
      'traffic/triage.jsonl': jsonl(rows),
    });
    const { estimate } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = estimate.features[0];
    expect(f.perRequest.mean).toBeCloseTo(openaiCost(GPT_4O, 2000, 200) + openaiCost(GPT_4O_MINI, 3000, 600), 15);
    expect(f.agent!.root).toBe('researcher');
    expect(f.agent!.agents.map((a) => [a.name, a.model, a.maxTurns])).toEqual([
      ['researcher', 'openai/gpt-4o', 5],
      ['writer', 'openai/gpt-4o-mini', 20],
    ]);
    expect(estimate.notices).toContain("triage: agent writer sets no max_iter; CrewAI's default of 20 applies.");
  });
});
