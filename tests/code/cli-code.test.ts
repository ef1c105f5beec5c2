/**
 * The CLI bundle on prompts in code, as a process: the tree-sitter runtime and grammars load from
 * beside the bundle, and bad input at head is exit 2 with one message naming file and line.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { makeRepo, runCli } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const config = (prompt: string) => `version: 1
features:
  support:
    team: support
    prompt: ${prompt}
    requests_per_month: 1000
    typical_output_tokens: 100
teams:
  support: { monthly_budget: 1000 }
`;
const estimate = (files: Record<string, string>) => runCli(['estimate', '--repo', makeRepo(files), '--format', 'json']);

describe('CLI estimate on a prompt in code', () => {
  it('prices a Python function (the grammar loads from beside the bundle)', () => {
    const r = estimate({
      '.aicost.yml': config('app/support_bot.py#summarize'),
      'app/support_bot.py': fixture('support_bot.py'),
      'app/prompts.py': fixture('prompts.py'),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      features: { models: string[]; monthly: number; input_tokens: { mean: number } }[];
    };
    const f = report.features[0]!;
    expect(f.models).toEqual(['openai/gpt-4o-mini']);
    // Static (no traffic): the variables render empty. Chat framing 3 per message + role + content,
    // 3 to prime the reply; the tool by the cookbook rule (7 + name:description + 3 + property + 12).
    const system =
      'You summarise customer support tickets for the on-call engineer. Reply with three bullet points: the problem, the customer impact, the next step.\nWrite plainly. Never promise refunds.';
    const messages = 3 + tok('system') + tok(system) + 3 + tok('user') + tok('Plan: \nTicket:\n') + 3;
    const tools =
      7 + tok('lookup_account:Look up a customer account by email') + 3 + 3 + tok('email:string:Customer email') + 12;
    expect(f.input_tokens.mean).toBe(messages + tools);
    // gpt-4o-mini $0.15 / $0.60 per 1M (openai.com/api/pricing), 100 typical output tokens, 1,000 a month.
    expect(f.monthly).toBeCloseTo((((messages + tools) * 0.15 + 100 * 0.6) / 1e6) * 1000, 4);
  });

  it.each([
    [
      'an unknown #NAME',
      { 'app/bot.py': fixture('support_bot.py'), 'app/prompts.py': fixture('prompts.py') },
      'app/bot.py#summarise',
      /^aicost: app\/bot\.py: #summarise is not defined at the top level of this file; it defines client, MODEL, SYSTEM_PROMPT, TOOLS, summarize, log_failure\n/,
    ],
    [
      'a syntax error',
      { 'app/bot.py': 'X = "a"\ndef broken(:\n    pass\n' },
      'app/bot.py#X',
      /^aicost: app\/bot\.py:2:\d+: syntax error at line 2: the file is not valid python\n/,
    ],
    ['a binary file', { 'app/bot.py': 'X = 1\n\0\0\0binary' }, 'app/bot.py#X', /^aicost: .*app\/bot\.py.*binary/],
  ])('%s is exit 2 with one message', (_what, files, prompt, message) => {
    const r = estimate({ '.aicost.yml': config(prompt), ...files });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });
});
