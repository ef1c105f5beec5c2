/**
 * `diff` of a PR that edits the function-tool list kept in a `.prompt.yml`, on real git
 * repositories: the tools every call sends are priced and listed as a change, never "unchanged".
 * Expected counts follow the OpenAI cookbook's `num_tokens_for_tools` ("How to count tokens with
 * tiktoken"), written out here with js-tiktoken, and are cross-checked against aicost's own rule.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { runDiff } from '../../src/run/diff.js';
import { validateReport } from '../../src/report/schema.js';
import type { DiffReport } from '../../src/report/types.js';
import { toolDefinitionTokens } from '../../src/tokenize/tools.js';
import type { ToolDefinition } from '../../src/types.js';
import { git, makeRepo, writeFiles } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

// USD per 1M tokens (openai.com/api/pricing, gpt-4o-mini).
const MINI_INPUT = 0.15;
const RPM = 100000;

interface Prop {
  type: string;
  description: string;
  enum?: string[];
}
interface Fn {
  name: string;
  description: string;
  properties: Record<string, Prop>;
}

const LOOKUP: Fn = {
  name: 'lookup_order',
  description: 'Look up an order by id.',
  properties: { order_id: { type: 'string', description: 'The order id.' } },
};
const REFUND: Fn = {
  name: 'refund_order',
  description: 'Refund an order, fully or in part.',
  properties: {
    order_id: { type: 'string', description: 'The order id.' },
    amount: { type: 'number', description: 'Amount to refund in USD' },
    reason: {
      type: 'string',
      description: 'Why the customer asks for a refund.',
      enum: ['damaged', 'late', 'wrong_item'],
    },
  },
};

/**
 * The cookbook's per-function count for gpt-4o / gpt-4o-mini: func_init 7, `name:description`
 * (one final period dropped), prop_init 3, per property prop_key 3 and `key:type:description`,
 * per enum enum_init -3 and enum_item 3 + the item's tokens. func_end 12 is added once per list.
 */
function cookbookFunctionTokens(f: Fn): number {
  const strip = (s: string) => (s.endsWith('.') ? s.slice(0, -1) : s);
  let n = 7 + tok(`${f.name}:${strip(f.description)}`);
  const keys = Object.keys(f.properties);
  if (keys.length) n += 3;
  for (const key of keys) {
    const p = f.properties[key];
    n += 3;
    if (p.enum) {
      n += -3;
      for (const item of p.enum) n += 3 + tok(item);
    }
    n += tok(`${key}:${p.type}:${strip(p.description)}`);
  }
  return n;
}
const FUNC_END = 12;

const asDefinition = (f: Fn): ToolDefinition => ({
  name: f.name,
  description: f.description,
  parameters: { type: 'object', properties: f.properties },
});

/** An OpenAI chat function tool in YAML (`- type: function` / `function:` / …), as a runtime keeps it. */
function openaiToolYaml(f: Fn): string {
  const props = Object.entries(f.properties)
    .map(
      ([k, p]) =>
        `          ${k}:\n            type: ${p.type}\n            description: "${p.description}"\n${p.enum ? `            enum: [${p.enum.join(', ')}]\n` : ''}`,
    )
    .join('');
  return `  - type: function\n    function:\n      name: ${f.name}\n      description: "${f.description}"\n      parameters:\n        type: object\n        properties:\n${props}`;
}

/** The same tool in the flat shape `{name, description, parameters}`. */
function flatToolYaml(f: Fn): string {
  return `  - name: ${f.name}\n    description: "${f.description}"\n    parameters: ${JSON.stringify({ type: 'object', properties: f.properties })}\n`;
}

const prompt = (tools: string | null) => `model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 500
messages:
  - role: system
    content: "You answer questions about orders. Use the tools."
  - role: user
    content: "{{question}}"
${tools === null ? '' : `tools:\n${tools}`}`;

const CONFIG = `version: 1
features:
  orders:
    team: support
    prompt: prompts/orders.prompt.yml
    traffic: traffic/orders.jsonl
    requests_per_month: ${RPM}
teams:
  support: { monthly_budget: 1000 }
`;

/** 40 usage-only samples: nothing to render, so input moves by exactly the static difference. */
const usageRows = Array.from({ length: 40 }, (_, i) => ({
  id: `u${i}`,
  usage: { input_tokens: 1500 + i, output_tokens: 100 + (i % 4) * 25 },
}));

function prRepo(basePrompt: string, headPrompt: string): string {
  const repo = makeRepo({
    '.aicost.yml': CONFIG,
    'prompts/orders.prompt.yml': basePrompt,
    'traffic/orders.jsonl': jsonl(usageRows),
  });
  git(repo, 'checkout', '-q', '-b', 'pr');
  writeFiles(repo, { 'prompts/orders.prompt.yml': headPrompt });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'pr');
  return repo;
}

async function diff(repo: string): Promise<DiffReport> {
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

/** Line of `tools:` in the prompt above: after model, modelParameters (2), messages (5). */
const TOOLS_LINE = 9;

describe('diff: a tools list in a .prompt.yml', () => {
  it('the PR adds a second tool: changed, a tools change naming it, + its tokens on every call', async () => {
    const perCall = cookbookFunctionTokens(REFUND);
    // Cross-check with aicost's rule, counted by js-tiktoken: func_end is once per list, so the
    // second tool adds exactly its own tokens.
    const rule = (fns: Fn[]) => toolDefinitionTokens(fns.map(asDefinition), 'o200k_base', tok);
    expect(rule([LOOKUP, REFUND]) - rule([LOOKUP])).toBe(perCall);
    expect(rule([LOOKUP])).toBe(cookbookFunctionTokens(LOOKUP) + FUNC_END);
    expect(perCall).toBeGreaterThan(40);

    const r = await diff(
      prRepo(prompt(openaiToolYaml(LOOKUP)), prompt(openaiToolYaml(LOOKUP) + openaiToolYaml(REFUND))),
    );
    const f = r.features[0];
    expect(f.status).toBe('changed');
    expect(f.head!.input_tokens.mean - f.base!.input_tokens.mean).toBeCloseTo(perCall, 9);
    const monthly = ((perCall * MINI_INPUT) / 1e6) * RPM;
    expect(f.delta.monthly).toBeCloseTo(monthly, 9);
    expect(f.delta.per_request.mean).toBeCloseTo((perCall * MINI_INPUT) / 1e6, 15);
    expect(f.changes).toHaveLength(1);
    expect(f.changes[0]).toMatchObject({
      kind: 'tools',
      file: 'prompts/orders.prompt.yml',
      line: TOOLS_LINE,
      summary: `tools added refund_order: +${perCall} tokens per call`,
    });
    expect(f.changes[0].monthly_effect).toBeCloseTo(monthly, 9);
    expect(r.totals.monthly.delta).toBeCloseTo(monthly, 9);
    // Every sample moves by the same amount: a zero-width interval.
    expect(f.delta.monthly_ci95![0]).toBeCloseTo(monthly, 9);
    expect(f.delta.monthly_ci95![1]).toBeCloseTo(monthly, 9);
  });

  it('the first tools list on a prompt that had none adds the list overhead too', async () => {
    const perCall = cookbookFunctionTokens(LOOKUP) + FUNC_END;
    const r = await diff(prRepo(prompt(null), prompt(flatToolYaml(LOOKUP))));
    const f = r.features[0];
    expect(f.status).toBe('changed');
    expect(f.changes).toHaveLength(1);
    expect(f.changes[0]).toMatchObject({
      kind: 'tools',
      line: TOOLS_LINE,
      summary: `tools added lookup_order: +${perCall} tokens per call`,
    });
    expect(f.delta.monthly).toBeCloseTo(((perCall * MINI_INPUT) / 1e6) * RPM, 9);
  });

  it('removing a tool is a saving of its tokens', async () => {
    const perCall = cookbookFunctionTokens(REFUND);
    const r = await diff(
      prRepo(prompt(openaiToolYaml(LOOKUP) + openaiToolYaml(REFUND)), prompt(openaiToolYaml(LOOKUP))),
    );
    const f = r.features[0];
    expect(f.changes[0]).toMatchObject({
      kind: 'tools',
      summary: `tools removed refund_order: -${perCall} tokens per call`,
    });
    expect(f.delta.monthly).toBeCloseTo(-((perCall * MINI_INPUT) / 1e6) * RPM, 9);
  });

  it('rewriting the same tools from the OpenAI shape to the flat shape changes nothing', async () => {
    const r = await diff(
      prRepo(
        prompt(openaiToolYaml(LOOKUP) + openaiToolYaml(REFUND)),
        prompt(flatToolYaml(LOOKUP) + flatToolYaml(REFUND)),
      ),
    );
    const f = r.features[0];
    expect(f.status).toBe('unchanged');
    expect(f.changes).toEqual([]);
    expect(f.delta.monthly).toBe(0);
  });
});
