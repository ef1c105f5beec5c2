/**
 * Issue 12, reproductions 5–7 on real git repositories, through the CLI process: numbers past
 * their bounds (requests_per_day: 1e308, traffic weight 1e308) and YAML aliases inside the node
 * they name are exit 2 with one message naming file:line, never $0, null, ∞ or "internal error".
 */
import { describe, expect, it } from '@jest/globals';
import { runCli, summaryPrompt, prRepo } from '../helpers/run.js';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const usageRows = Array.from({ length: 40 }, (_, i) => ({
  id: `u${i}`,
  usage: { input_tokens: 1000 + i, output_tokens: 200 },
}));

const config = (o: { volume?: string; traffic?: boolean; extra?: string; feature?: string } = {}) => `version: 1
teams:
  support: { monthly_budget: 1000 }
features:
  summary:
    team: support
    ${o.feature ?? 'prompt: prompts/summary.prompt.yml'}
    ${o.volume ?? 'requests_per_month: 100000'}
${o.traffic ? '    traffic: traffic/summary.jsonl\n' : ''}${o.extra ?? ''}`;

/** A repository whose branch `pr` changes `head` over `base`. */

/** `diff` and `estimate` at the PR: both exit 2 with `message` as the first line of stderr. */
function expectRefused(repo: string, firstLine: string): void {
  for (const args of [
    ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json'],
    ['estimate', '--repo', repo, '--rev', 'pr', '--format', 'json'],
  ]) {
    const r = runCli(args);
    expect({ command: args[0], status: r.status, stdout: r.stdout, first: r.stderr.split('\n')[0] }).toEqual({
      command: args[0],
      status: 2,
      stdout: '',
      first: firstLine,
    });
    expect(r.stderr).not.toMatch(/internal error|∞|Infinity/);
  }
}

describe('reproduction 5: a volume past its bound', () => {
  it('requests_per_day: 1e308 is exit 2 at the key, for diff and estimate', () => {
    const repo = prRepo(
      { '.aicost.yml': config(), 'prompts/summary.prompt.yml': summaryPrompt() },
      { '.aicost.yml': config({ volume: 'requests_per_day: 1e308' }) },
    );
    expectRefused(
      repo,
      'aicost: .aicost.yml:8:23: features.summary.requests_per_day: must be ≤ 30,000,000,000, got 1e+308',
    );
  });

  it('a price of 1e308 per 1M tokens in pricing: is exit 2 at the price', () => {
    const pricing = 'pricing:\n  openai/gpt-4o-mini: { input: 1e308, output: 1 }\n';
    const repo = prRepo(
      { '.aicost.yml': config(), 'prompts/summary.prompt.yml': summaryPrompt() },
      { '.aicost.yml': config({ extra: pricing }) },
    );
    expectRefused(repo, 'aicost: .aicost.yml:10:32: pricing.openai/gpt-4o-mini.input: must be ≤ 1,000,000, got 1e+308');
  });
});

describe('reproduction 6: traffic weights past their bound', () => {
  // A prompt of its own: one on a base feature's file (or a copy of it) is that feature, priced on its samples.
  const bulk = '  bulk:\n    team: support\n    prompt: prompts/bulk.prompt.yml\n    traffic: traffic/bulk.jsonl\n';
  const bulkPrompt =
    'model: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "Translate the following product description into German, keeping units and SKUs: {{text}}"\n';

  it('"weight": 1e308 on every line of a feature the PR adds is exit 2 naming the file, the line and the bound', () => {
    const repo = prRepo(
      { '.aicost.yml': config(), 'prompts/summary.prompt.yml': summaryPrompt() },
      {
        '.aicost.yml': config({ extra: bulk }),
        'prompts/bulk.prompt.yml': bulkPrompt,
        'traffic/bulk.jsonl': jsonl(usageRows.map((r) => ({ ...r, weight: 1e308 }))),
      },
    );
    const bound = 'weight must be between 0.000001 and 1,000,000,000,000 (found 1e+308)';
    expectRefused(
      repo,
      `aicost: traffic/bulk.jsonl:1: 40 of 40 lines (100%) cannot be used, more than replay.max_bad_lines (1%). First 3: line 1: ${bound}; line 2: ${bound}; line 3: ${bound} (read as aicost traffic JSONL v1, traffic_format: auto)`,
    );
  });

  it('one such line within max_bad_lines is skipped: the monthly is that of the 39 others, finite and not $0', () => {
    const rows = usageRows.map((r, i) => (i === 7 ? { ...r, weight: 1e308 } : r));
    const base = {
      '.aicost.yml': config({ traffic: true, extra: 'replay:\n  max_bad_lines: 5%\n' }),
      'prompts/summary.prompt.yml': summaryPrompt(),
      'traffic/summary.jsonl': jsonl(rows),
    };
    const repo = prRepo(base, { 'prompts/summary.prompt.yml': summaryPrompt('openai/gpt-4o') });
    const r = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      features: { base: { monthly: number; traffic: { bad_lines: number } }; head: { monthly: number } }[];
    };
    const kept = usageRows.filter((_, i) => i !== 7);
    const meanIn = kept.reduce((a, x) => a + x.usage.input_tokens, 0) / kept.length;
    // USD per 1M tokens: gpt-4o-mini 0.15 / 0.60, gpt-4o 2.50 / 10; 100,000 requests a month.
    expect(report.features[0].base.monthly).toBeCloseTo(((meanIn * 0.15 + 200 * 0.6) / 1e6) * 100_000, 9);
    expect(report.features[0].head.monthly).toBeCloseTo(((meanIn * 2.5 + 200 * 10) / 1e6) * 100_000, 9);
    expect(report.features[0].base.traffic.bad_lines).toBe(1);
  });
});

describe('reproduction 7: an alias inside the node it names', () => {
  const cycle = 'alias *p refers to a map or list that contains it';

  it("in a prompt file's tools", () => {
    const prompt = `${summaryPrompt()}tools:\n  - type: function\n    function: &p\n      name: lookup\n      parameters: { type: object, properties: { a: *p } }\n`;
    const repo = prRepo(
      { '.aicost.yml': config(), 'prompts/summary.prompt.yml': summaryPrompt() },
      { 'prompts/summary.prompt.yml': prompt },
    );
    expectRefused(repo, `aicost: prompts/summary.prompt.yml:13:52: ${cycle}`);
  });

  it("in a prompt file's testData", () => {
    const prompt = `${summaryPrompt()}testData:\n  - &p { body: hi, again: *p }\n`;
    const repo = prRepo(
      { '.aicost.yml': config(), 'prompts/summary.prompt.yml': summaryPrompt() },
      { 'prompts/summary.prompt.yml': prompt },
    );
    expectRefused(repo, `aicost: prompts/summary.prompt.yml:10:27: ${cycle}`);
  });

  it("in an agent's tool parameters", () => {
    const agent = (tools: string) =>
      `name: triage\nmodel: openai/gpt-4o-mini\ninstructions: You triage tickets.\nmax_turns: 4\n${tools}`;
    const tools =
      'tools:\n  - name: lookup\n    description: Look up an order\n    parameters: &p\n      type: object\n      properties: { order: *p }\n';
    const repo = prRepo(
      { '.aicost.yml': config({ feature: 'agent: agents/triage.yaml' }), 'agents/triage.yaml': agent('') },
      { 'agents/triage.yaml': agent(tools) },
    );
    expectRefused(repo, `aicost: agents/triage.yaml:10:28: ${cycle}`);
  });
});

describe('misspelled keys through the CLI', () => {
  it('maxToken: in modelParameters is exit 2 with a did-you-mean, instead of an estimate without the output cap', () => {
    const typo = summaryPrompt().replace('maxTokens: 500', 'maxToken: 500');
    const repo = prRepo(
      { '.aicost.yml': config(), 'prompts/summary.prompt.yml': summaryPrompt() },
      { 'prompts/summary.prompt.yml': typo },
    );
    expectRefused(
      repo,
      'aicost: prompts/summary.prompt.yml:3:3: unknown key "maxToken" in modelParameters; did you mean "maxTokens"?',
    );
  });
});
