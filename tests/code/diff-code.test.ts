/**
 * Prompts in code priced through the real `diff` on temporary git repositories: a PR that grows a
 * system-prompt constant, swaps the model literal, raises the output cap and adds a tool, in a
 * Python OpenAI file, a Python Anthropic file, a TypeScript Vercel AI SDK file and a JavaScript
 * OpenAI file. Every figure is computed here by hand: token counts from js-tiktoken (o200k), tool
 * tokens by the OpenAI cookbook's rule (src/tokenize/tools.ts cites it), prices typed in.
 * Fixtures that TypeScript, ESLint or Prettier would check carry a .txt suffix; the repositories
 * get them under their real names.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { readFileSync } from 'node:fs';
import { runDiff } from '../../src/run/diff.js';
import { validateReport } from '../../src/report/schema.js';
import type { DiffReport } from '../../src/report/types.js';
import { prRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// USD per 1M tokens: openai.com/api/pricing (gpt-4o-mini $0.15/$0.60, gpt-4o $2.50/$10);
// anthropic.com/pricing (Claude Haiku 4.5 $1/$5, Claude Sonnet 4.5 $3/$15).
const MINI = { input: 0.15, output: 0.6 };
const GPT4O = { input: 2.5, output: 10 };
const HAIKU = { input: 1, output: 5 };
const SONNET = { input: 3, output: 15 };
const VOLUME = 100_000;

/** 40 recorded samples: input 1,000 + i, output 100, 200, …, 500 repeating. */
const rows = Array.from({ length: 40 }, (_, i) => ({
  id: `s${i}`,
  vars: { ticket: `Printer ${i} is on fire`, customer_plan: 'pro', question: `Question ${i}` },
  usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 100 },
}));
const meanIn = 1000 + 19.5;
/** Outputs capped at 300: 100, 200, 300, 300, 300. */
const meanOut300 = 240;
/** Outputs under a 600 cap: as recorded. */
const meanOut600 = 300;

/** Tokens of one tool with string properties, by the cookbook's rule (gpt-4o family: func_init 7). */
const toolTokens = (name: string, description: string, props: [string, string][]) =>
  7 +
  tok(`${name}:${description.replace(/\.$/, '')}`) +
  (props.length ? 3 + props.reduce((a, [k, d]) => a + 3 + tok(`${k}:string:${d.replace(/\.$/, '')}`), 0) : 0);

const config = (prompt: string, extra = '') => `version: 1
features:
  support:
    team: support
    prompt: ${prompt}
    traffic: traffic/support.jsonl
    requests_per_month: ${VOLUME}
teams:
  support: { monthly_budget: 100000 }
${extra}`;

async function diff(repo: string): Promise<DiffReport> {
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

const monthly = (inTokens: number, outTokens: number, price: { input: number; output: number }) =>
  ((inTokens * price.input + outTokens * price.output) / 1e6) * VOLUME;

/** Checks base, head and delta of the one feature against the hand-computed figures. */
function expectPriced(r: DiffReport, base: number, head: number): void {
  const f = r.features[0]!;
  expect(f.status).toBe('changed');
  expect(f.base!.monthly).toBeCloseTo(base, 6);
  expect(f.head!.monthly).toBeCloseTo(head, 6);
  expect(f.delta.monthly).toBeCloseTo(head - base, 6);
  expect(f.delta.per_request.mean).toBeCloseTo((head - base) / VOLUME, 12);
}

describe('a PR editing a prompt in code is priced by diff', () => {
  it('Python, OpenAI SDK: longer system constant, gpt-4o-mini → gpt-4o, max_tokens 300 → 600, one more tool', async () => {
    const py = fixture('support_bot.py');
    const addition = 'Mention the customer plan when it changes the next step. ';
    const head = py
      .replace('"Reply with three', `"${addition}"\n    "Reply with three`)
      .replace('MODEL = "gpt-4o-mini"', 'MODEL = "gpt-4o"')
      .replace('max_tokens=300', 'max_tokens=600')
      .replace(
        '    }\n]\n',
        `    },
    {
        "type": "function",
        "function": {
            "name": "open_incident",
            "description": "Open an incident for an outage.",
            "parameters": {
                "type": "object",
                "properties": {"summary": {"type": "string", "description": "One-line summary"}},
            },
        },
    },
]
`,
      );
    expect(head).not.toBe(py);
    const repo = prRepo(
      {
        '.aicost.yml': config('app/support_bot.py#summarize'),
        'app/support_bot.py': py,
        'app/prompts.py': fixture('prompts.py'),
        'traffic/support.jsonl': jsonl(rows),
      },
      { 'app/support_bot.py': head },
    );
    const r = await diff(repo);
    const system = (s: string) => `${s}\nWrite plainly. Never promise refunds.`;
    const baseSystem =
      'You summarise customer support tickets for the on-call engineer. Reply with three bullet points: the problem, the customer impact, the next step.';
    const headSystem = baseSystem.replace('engineer. ', `engineer. ${addition}`);
    const dSystem = tok(system(headSystem)) - tok(system(baseSystem));
    const dTool = toolTokens('open_incident', 'Open an incident for an outage.', [['summary', 'One-line summary']]);
    expect(dSystem).toBeGreaterThan(8);
    const f = r.features[0]!;
    expect(f.head!.input_tokens.mean - f.base!.input_tokens.mean).toBeCloseTo(dSystem + dTool, 9);
    expectPriced(r, monthly(meanIn, meanOut300, MINI), monthly(meanIn + dSystem + dTool, meanOut600, GPT4O));
    // Lines at head: the system message (38 + 12 added lines), the first tool, max_tokens, MODEL.
    expect(f.changes.map((c) => [c.kind, c.file, c.line])).toEqual([
      ['prompt', 'app/support_bot.py', 50],
      ['tools', 'app/support_bot.py', 19],
      ['params', 'app/support_bot.py', 53],
      ['model', 'app/support_bot.py', 10],
    ]);
    expect(r.unpriced_changes).toEqual([]);
  });

  it('Python: a PR that edits only the imported prompts.py (one import hop) is priced, not missed', async () => {
    const longer = 'Write plainly. Never promise refunds. Quote the ticket id in the first bullet.';
    const repo = prRepo(
      {
        '.aicost.yml': config('app/support_bot.py#summarize'),
        'app/support_bot.py': fixture('support_bot.py'),
        'app/prompts.py': fixture('prompts.py'),
        'traffic/support.jsonl': jsonl(rows),
      },
      { 'app/prompts.py': `STYLE_GUIDE = "${longer}"\n` },
    );
    const r = await diff(repo);
    const before =
      'You summarise customer support tickets for the on-call engineer. Reply with three bullet points: the problem, the customer impact, the next step.\n';
    const d = tok(before + longer) - tok(before + 'Write plainly. Never promise refunds.');
    expect(d).toBeGreaterThan(3);
    expectPriced(r, monthly(meanIn, meanOut300, MINI), monthly(meanIn + d, meanOut300, MINI));
    expect(r.unpriced_changes).toEqual([]);
  });

  it('Python, Anthropic SDK (a method): longer system constant, Haiku → Sonnet, max_tokens 300 → 600, one more tool', async () => {
    const py = fixture('triage_claude.py');
    const head = py
      .replace('billing, outage, or how-to."""', 'billing, outage, or how-to.\nSay why in one sentence."""')
      .replace('model="claude-haiku-4-5"', 'model="claude-sonnet-4-5"')
      .replace('max_tokens=300', 'max_tokens=600')
      .replace(
        '    },\n]\n',
        `    },
    {"name": "escalate", "description": "Escalate to a human.", "input_schema": {"type": "object", "properties": {}}},
]
`,
      );
    // Claude has no public tokenizer: the base's pricing: entries make o200k exact for both models.
    const pricing = `pricing:
  anthropic/claude-haiku-4-5: { input: ${HAIKU.input}, output: ${HAIKU.output}, tokenizer: o200k_base }
  anthropic/claude-sonnet-4-5: { input: ${SONNET.input}, output: ${SONNET.output}, tokenizer: o200k_base }
`;
    const repo = prRepo(
      {
        '.aicost.yml': config('app/triage_claude.py#Triage.run', pricing),
        'app/triage_claude.py': py,
        'traffic/support.jsonl': jsonl(rows),
      },
      { 'app/triage_claude.py': head },
    );
    const r = await diff(repo);
    const base = 'You triage incoming support tickets.\nAssign one queue: billing, outage, or how-to.';
    const dSystem = tok(`${base}\nSay why in one sentence.`) - tok(base);
    const dTool = toolTokens('escalate', 'Escalate to a human.', []);
    expect(r.features[0]!.head!.input_tokens.mean - r.features[0]!.base!.input_tokens.mean).toBeCloseTo(
      dSystem + dTool,
      9,
    );
    expectPriced(r, monthly(meanIn, meanOut300, HAIKU), monthly(meanIn + dSystem + dTool, meanOut600, SONNET));
  });

  it('TypeScript, Vercel AI SDK: longer system template literal, model swap, maxOutputTokens 300 → 600, one more zod tool', async () => {
    const ts = fixture('answer.ts.txt');
    const head = ts
      .replace(
        'Cite the documentation page you used.`',
        'Cite the documentation page you used.\nKeep answers under 120 words.`',
      )
      .replace("const MODEL_ID = 'gpt-4o-mini'", "const MODEL_ID = 'gpt-4o'")
      .replace('maxOutputTokens: 300', 'maxOutputTokens: 600')
      .replace(
        '    },\n  });',
        `      openTicket: tool({
        description: 'Open a bug ticket.',
        inputSchema: z.object({ title: z.string().describe('Bug title') }),
      }),
    },
  });`,
      );
    const repo = prRepo(
      { '.aicost.yml': config('src/answer.ts#answer'), 'src/answer.ts': ts, 'traffic/support.jsonl': jsonl(rows) },
      { 'src/answer.ts': head },
    );
    const r = await diff(repo);
    const base = 'You answer questions about the Acme API.\nCite the documentation page you used.';
    const dSystem = tok(`${base}\nKeep answers under 120 words.`) - tok(base);
    const dTool = toolTokens('openTicket', 'Open a bug ticket.', [['title', 'Bug title']]);
    expectPriced(r, monthly(meanIn, meanOut300, MINI), monthly(meanIn + dSystem + dTool, meanOut600, GPT4O));
  });

  it('JavaScript, OpenAI SDK: the imported system constant grows, model swap, max_tokens 300 → 600, a first tool', async () => {
    const js = fixture('reply.mjs.txt');
    const head = js.replace("model: 'gpt-4o-mini'", "model: 'gpt-4o'").replace(
      'max_tokens: 300,',
      `max_tokens: 600,
    tools: [
      {
        type: 'function',
        function: {
          name: 'get_order',
          description: 'Fetch an order by id.',
          parameters: { type: 'object', properties: { id: { type: 'string', description: 'Order id' } } },
        },
      },
    ],`,
    );
    const longer = 'You draft a polite first reply to a support ticket. Offer a workaround when there is one.';
    const repo = prRepo(
      {
        '.aicost.yml': config('lib/reply.mjs#draftReply'),
        'lib/reply.mjs': js,
        'lib/reply-prompts.mjs': fixture('reply-prompts.mjs.txt'),
        'traffic/support.jsonl': jsonl(rows),
      },
      { 'lib/reply.mjs': head, 'lib/reply-prompts.mjs': `export const REPLY_SYSTEM = '${longer}';\n` },
    );
    const r = await diff(repo);
    const dSystem = tok(longer) - tok('You draft a polite first reply to a support ticket.');
    // The first tool of a request also adds the list's closing overhead (12).
    const dTool = toolTokens('get_order', 'Fetch an order by id.', [['id', 'Order id']]) + 12;
    expectPriced(r, monthly(meanIn, meanOut300, MINI), monthly(meanIn + dSystem + dTool, meanOut600, GPT4O));
    expect(r.unpriced_changes).toEqual([]);
  });
});
