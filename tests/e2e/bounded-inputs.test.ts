/**
 * Inputs that used to hold a run for minutes (issue 12, reproductions 10 and 11), on real git
 * repositories through the CLI bundle: a loop limit of 2^31 turns is an error naming the file,
 * line and limit; a legal high limit and a huge typical_turns are priced in closed form (exact
 * figures computed here turn by turn); a 900,000-letter user message is priced exactly. Work is
 * bounded by counting in tests/estimate/turn-series.test.ts and tests/tokenize/linear-merge.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { countPlain } from '../../src/tokenize/counter.js';
import { runCli, prRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string): number => enc.encode(s, [], []).length;
const jsonl = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
// gpt-4o-mini, USD per 1M tokens (openai.com/api/pricing).
const MINI = { input: 0.15, output: 0.6 };
const cost = (input: number, output: number) => (input * MINI.input + output * MINI.output) / 1e6;

const agent = (maxTurns: number | string) => `name: triage
model: openai/gpt-4o-mini
instructions: "You triage tickets."
max_turns: ${maxTurns}
`;
const config = (o: { traffic?: boolean; extra?: string } = {}) => `version: 1
features:
  triage:
    team: support
    agent: agents/triage.yaml
${o.traffic === false ? '' : '    traffic: traffic/triage.jsonl\n'}    requests_per_month: 1000
${o.extra ?? ''}teams:
  support: { monthly_budget: 1000000000000 }
`;
// Ten runs of two calls each: every run reaches the base limit of 2 turns.
const rows = Array.from({ length: 10 }, (_, t) =>
  [1, 2].map((k) => ({
    id: `r${t}-${k}`,
    trace_id: `r${t}`,
    step: k,
    ...(k > 1 ? { parent_id: `r${t}-1` } : {}),
    usage: { input_tokens: 1000 * k, output_tokens: 100 },
  })),
).flat();
const agentBase = { '.aicost.yml': config(), 'agents/triage.yaml': agent(2), 'traffic/triage.jsonl': jsonl(rows) };
const diffArgs = (repo: string) => ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json'];

describe('agent loop limits (reproduction 10)', () => {
  it('max_tokens above the shared MAX_TOKENS bound (100,000,000) is an error at file:line naming the bound; at the bound it is priced', () => {
    const over = prRepo(agentBase, { 'agents/triage.yaml': `${agent(2)}max_tokens: 100000001\n` });
    for (const args of [diffArgs(over), ['estimate', '--repo', over, '--format', 'json']]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        "agents/triage.yaml:5:13: max_tokens is 100,000,001 tokens, above aicost's limit of 100,000,000",
      );
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    const at = prRepo(agentBase, { 'agents/triage.yaml': `${agent(2)}max_tokens: 100000000\n` });
    const r = runCli(diffArgs(at));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const f = JSON.parse(r.stdout).features[0];
    expect(Number.isFinite(f.head.monthly)).toBe(true);
  });

  it('max_turns: 2147483648 in the PR is an error naming the file, line and limit (exit 2)', () => {
    const repo = prRepo(agentBase, { 'agents/triage.yaml': agent(2147483648) });
    const r = runCli(diffArgs(repo));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "agents/triage.yaml:4:12: max_turns is 2,147,483,648 turns, above aicost's limit of 10,000",
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const est = runCli(['estimate', '--repo', repo, '--format', 'json']);
    expect(est.status).toBe(2);
    expect(est.stderr).toContain('agents/triage.yaml:4:12: max_turns is 2,147,483,648 turns');
  });

  it("a raised limit at aicost's maximum is priced in closed form: the upper bound equals the turn-by-turn sum", () => {
    const repo = prRepo(agentBase, { 'agents/triage.yaml': agent(10_000) });
    const r = runCli(diffArgs(repo));
    expect(r.stderr).toBe('');
    const f = JSON.parse(r.stdout).features[0];
    // Each run's last call sent 2,000 in, 100 out; extra turn j sends 2,000 + 100 j, j = 1 … 9,998.
    let ext = 0;
    for (let j = 1; j <= 9_998; j++) ext += cost(2_000 + 100 * j, 100);
    const perRun = cost(1_000, 100) + cost(2_000, 100);
    const cap = f.head.agent.turn_cap_increases[0];
    expect(cap).toMatchObject({
      agent: 'triage',
      base_max_turns: 2,
      head_max_turns: 10_000,
      cap_share: 1,
      extra_calls_per_run: 9_998,
    });
    expect(cap.upper_bound_monthly).toBeCloseTo((perRun + ext) * 1000, 6);
  });

  it('typical_turns past the schema bound (10,000) is exit 2 at the key, for diff and estimate', () => {
    const added = {
      '.aicost.yml': config({ traffic: false, extra: '    typical_turns: 2000000\n    typical_output_tokens: 10\n' }),
      'agents/triage.yaml': agent(5),
    };
    const repo = prRepo({ 'README.md': 'x\n' }, added);
    for (const r of [runCli(diffArgs(repo)), runCli(['estimate', '--repo', repo, '--format', 'json'])]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(
        /^aicost: \.aicost\.yml:\d+:\d+: features\.triage\.typical_turns: must be ≤ 10,000, got 2000000/,
      );
    }
  });

  it('typical_turns at its bound on an agent feature added in the PR is priced in closed form', () => {
    const turns = 10_000;
    const added = {
      '.aicost.yml': config({ traffic: false, extra: `    typical_turns: ${turns}\n    typical_output_tokens: 10\n` }),
      'agents/triage.yaml': agent(5),
    };
    const repo = prRepo({ 'README.md': 'x\n' }, added);
    const r = runCli(diffArgs(repo));
    expect(r.stderr).toBe('');
    const f = JSON.parse(r.stdout).features[0];
    // Every turn sends the instructions as a system message plus the reply priming, and the history.
    const fixed = 3 + tok('system') + tok('You triage tickets.') + 3;
    let perRun = 0;
    for (let k = 1; k <= turns; k++) perRun += cost(fixed + (k - 1) * 10, 10);
    expect(f.status).toBe('added');
    expect(f.head.per_request.mean).toBeCloseTo(perRun, 6);
    expect(f.head.monthly).toBeCloseTo(perRun * 1000, 3);
    const est = runCli(['estimate', '--repo', repo, '--format', 'json']);
    expect(est.stderr).toBe('');
    expect(JSON.parse(est.stdout).features[0].per_request.mean).toBeCloseTo(perRun, 6);
  });
});

describe('one huge pre-tokenized piece (reproduction 11)', () => {
  const SYSTEM = 'You summarise support tickets.';
  const prompt = (user: string) => `model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 500
messages:
  - role: system
    content: "${SYSTEM}"
  - role: user
    content: "${user}"
`;
  const cfg = `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 1000
teams:
  support: { monthly_budget: 1000 }
`;

  it('a 900,000-letter user message is priced exactly by estimate and diff', () => {
    const run = 'x'.repeat(900_000);
    const repo = prRepo(
      { '.aicost.yml': cfg, 'prompts/summary.prompt.yml': prompt('Ticket: short') },
      { 'prompts/summary.prompt.yml': prompt(run) },
    );
    // The run's tokens by the heap merge, which tests/tokenize/linear-merge.test.ts proves equal to the package's merge.
    const input = 3 + tok('system') + tok(SYSTEM) + 3 + tok('user') + countPlain(run, 'o200k_base') + 3;
    expect(countPlain(run, 'o200k_base')).toBeGreaterThan(900_000 / 16);
    const est = runCli(['estimate', '--repo', repo, '--format', 'json']);
    expect(est.status).toBe(0);
    const e = JSON.parse(est.stdout).features[0];
    expect(e.input_tokens.mean).toBe(input);
    expect(e.per_request.mean).toBeCloseTo(cost(input, 500), 12);
    const d = runCli(diffArgs(repo));
    expect(d.stderr).toBe('');
    const f = JSON.parse(d.stdout).features[0];
    expect(f.status).toBe('changed');
    expect(f.head.monthly).toBeCloseTo(cost(input, 500) * 1000, 9);
  });
});
