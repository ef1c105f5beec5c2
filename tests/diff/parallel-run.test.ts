/**
 * The diff with its helper threads (tokenizer worker counting the next feature ahead, bootstrap
 * worker) gives the same report as the diff on the main thread alone, on a real repository big
 * enough for the worker to take work: prompt features with text samples, an agent feature whose
 * trace calls carry recorded conversations, and a PR that edits a prompt, swaps a model, adds a
 * tool and edits an agent's instructions.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { git, makeRepo, writeFiles } from '../helpers/run.js';

// A seeded generator, so every run of the test sees the same texts.
let seed = 11;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const WORDS =
  'invoice refund customer order payment the a of to and shipment ledger {"id": 42} const x = 1; error timeout'.split(
    ' ',
  );
function text(n: number): string {
  let s = '';
  while (s.length < n) s += (s ? ' ' : '') + WORDS[Math.floor(rand() * WORDS.length)];
  return s;
}
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

const prompt = (system: string, model = 'openai/gpt-4o-mini') => `model: ${model}
modelParameters:
  maxTokens: 400
messages:
  - role: system
    content: ${JSON.stringify(system)}
  - role: user
    content: "Context: {{context}}"
`;
const TOOL = `tools:
  - name: lookup_order
    description: Look an order up by id.
    parameters: {type: object, properties: {order_id: {type: string}}, required: [order_id]}
`;
const agent = (instructions: string, tools = '') => `name: helper
model: openai/gpt-4o-mini
instructions: ${JSON.stringify(instructions)}
max_turns: 6
${tools}`;

function repository(): string {
  const files: Record<string, string> = {};
  const systems: Record<string, string> = {};
  for (const id of ['a', 'b']) {
    systems[id] = `You answer questions about feature ${id}. ${text(300)}`;
    files[`prompts/${id}.prompt.yml`] = prompt(systems[id]);
    files[`traffic/${id}.jsonl`] = jsonl(
      Array.from({ length: 1400 }, (_, i) => ({
        id: `${id}${i}`,
        vars: { context: text(200 + Math.floor(rand() * 1600)) },
        usage: { output_tokens: 50 + (i % 300), ...(id === 'a' ? { input_tokens: 900 + (i % 500) } : {}) },
      })),
    );
  }
  const instructions = `You are the helper agent. ${text(400)}`;
  files['agents/helper.yaml'] = agent(instructions);
  const lines: object[] = [];
  for (let r = 0; r < 250; r++) {
    const ticket = text(300 + Math.floor(rand() * 1200));
    const history: { role: string; content: string }[] = [
      { role: 'system', content: instructions },
      { role: 'user', content: ticket },
    ];
    for (let step = 1; step <= 3; step++) {
      lines.push({
        id: `t${r}-${step}`,
        trace_id: `t${r}`,
        step,
        ...(step > 1 ? { parent_id: `t${r}-1` } : {}),
        messages: history.slice(),
        usage: { output_tokens: 40 + step * 10 },
      });
      history.push({ role: 'assistant', content: text(60) }, { role: 'user', content: text(150) });
    }
  }
  files['traffic/helper.jsonl'] = jsonl(lines);
  files['.aicost.yml'] = `version: 1
features:
  a: { team: web, prompt: prompts/a.prompt.yml, traffic: traffic/a.jsonl, requests_per_month: 200000 }
  b: { team: web, prompt: prompts/b.prompt.yml, traffic: traffic/b.jsonl, requests_per_month: 50000 }
  helper: { team: ops, agent: agents/helper.yaml, traffic: traffic/helper.jsonl, requests_per_month: 10000 }
teams:
  web: { monthly_budget: 100000 }
  ops: { monthly_budget: 100000 }
`;
  const repo = makeRepo(files);
  git(repo, 'checkout', '-q', '-b', 'pr');
  writeFiles(repo, {
    'prompts/a.prompt.yml': prompt(`You answer questions about feature a, briefly. ${text(500)}`),
    'prompts/b.prompt.yml': prompt(systems.b, 'openai/gpt-4.1-mini'),
    'agents/helper.yaml': agent(`${instructions} Always quote the order id. ${text(200)}`, TOOL),
  });
  git(repo, 'commit', '-qam', 'pr');
  return repo;
}

describe('diff with helper threads', () => {
  it('gives the same report as the main thread alone, and the worker counted part of the texts', async () => {
    const repo = repository();
    const run = { repo, base: 'main', head: 'pr', config: '.aicost.yml' };
    const alone = await runDiff({ ...run, workers: 0 });
    const helped = await runDiff({ ...run, workers: 1 });
    expect(alone.counting.offloaded).toBe(0);
    expect(helped.counting.offloaded).toBeGreaterThan(1000);
    expect(helped.report).toEqual(alone.report);
    // The run priced real changes: every feature changed and the figures are not zero.
    const byId = Object.fromEntries(alone.report.features.map((f) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual(['a', 'b', 'helper']);
    for (const f of alone.report.features) {
      expect(f.status).toBe('changed');
      expect(f.base!.monthly).toBeGreaterThan(0);
    }
    expect(byId.a.changes.map((c) => c.kind)).toEqual(['prompt']);
    expect(byId.helper.changes.map((c) => c.kind).sort()).toEqual(['agent', 'tools']);
    expect(byId.b.changes.map((c) => c.kind)).toEqual(['model']);
    expect(alone.report.totals.monthly.delta).not.toBe(0);
  }, 120_000);
});
