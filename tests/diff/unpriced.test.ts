import { describe, expect, it } from '@jest/globals';
import { findUnpricedChanges, MAX_EDIT_DISTANCE, MAX_SCAN_LINE, unpricedWork } from '../../src/unpriced/index.js';
import type { ChangedFile, UnpricedChange } from '../../src/unpriced/index.js';
import type { UnpricedChangeJson } from '../../src/report/types.js';

/** Input prices (USD per 1M tokens) the stub catalog knows; anything else is unpriced. */
const INPUT_PRICE: Record<string, number> = {
  'gpt-4o-mini': 0.15,
  'gpt-4o': 2.5,
  'openai/gpt-4o-mini': 0.15,
  'openai/gpt-4o': 2.5,
  sonnet: 3,
  opus: 5,
};
const priceRatio = (from: string, to: string): number | null =>
  INPUT_PRICE[from] !== undefined && INPUT_PRICE[to] !== undefined ? INPUT_PRICE[to] / INPUT_PRICE[from] : null;

const none: ReadonlySet<string> = new Set();

function modified(path: string, base: string, head: string): ChangedFile {
  return { path, status: 'modified', base, head };
}

function scan(files: ChangedFile[], mapped: ReadonlySet<string> = none): UnpricedChange[] {
  return findUnpricedChanges(files, { mapped, priceRatio });
}

const REPLY_PY = `import openai

client = openai.OpenAI()

def reply(text):
    return client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": text}],
    )
`;

const DRAFT_TS = `import { generateText, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function draft(prompt: string) {
  return generateText({
    model: openai('gpt-4o-mini'),
    maxTokens: 256,
    stopWhen: stepCountIs(5),
    prompt,
  });
}
`;

const FAQ_PROMPT = `name: FAQ
model: openai/gpt-4o
modelParameters:
  maxTokens: 400
messages:
  - role: system
    content: You answer questions about {{product}}.
`;

const REVIEWER = `---
name: reviewer
description: Reviews code after each commit
tools: Read, Grep
model: sonnet
maxTurns: 10
---
You review code.
`;

const CREW_AGENTS = `researcher:
  role: >
    Senior Data Researcher
  goal: Find facts about {topic}
  llm: openai/gpt-4o-mini
  max_iter: 15
writer:
  role: Writer
  llm: openai/gpt-4o-mini
`;

const LITELLM = `model_list:
  - model_name: gpt-4o
    litellm_params:
      model: azure/gpt-4o-eu
      api_key: os.environ/AZURE_API_KEY
  - model_name: cheap
    litellm_params:
      model: openai/gpt-4o-mini
router_settings:
  num_retries: 3
`;

const REPLY_HINT_PROMPT =
  'features: { reply: { team: <team>, prompt: prompts/reply.prompt.yml, requests_per_month: <n> } }';
const REPLY_HINT_AGENT =
  'features: { reply: { team: <team>, agent: agents/reply.yaml, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }';

describe('findUnpricedChanges: code', () => {
  it('reports a model id edited in a .py call with the catalog ratio', () => {
    const changes = scan([
      modified('src/reply.py', REPLY_PY, REPLY_PY.replace('model="gpt-4o-mini"', 'model="gpt-4o"')),
    ]);
    expect(changes).toHaveLength(1);
    const [c] = changes;
    // 2.50 / 0.15 = 16.666… → ×16.7
    expect(c.summary).toBe('model gpt-4o-mini → gpt-4o in src/reply.py:7 (×16.7 input price)');
    expect(c.kind).toBe('code');
    expect(c.file).toBe('src/reply.py');
    expect(c.line).toBe(7);
    expect(c.price_ratio).toBeCloseTo(16.6667, 4);
    expect(c.hint).toBe(
      `move the call into a prompt file (prompts/reply.prompt.yml with model: gpt-4o) and add ${REPLY_HINT_PROMPT}, or describe it as an aicost agent: ${REPLY_HINT_AGENT}`,
    );
    // The same shape as the JSON report's entry.
    const asJson: UnpricedChangeJson = c;
    expect(asJson.price_ratio).toBe(c.price_ratio);
  });

  it('reports an AI SDK model, output cap and step limit edited in TypeScript, one per line', () => {
    const head = DRAFT_TS.replace("openai('gpt-4o-mini')", "openai('gpt-4.1')")
      .replace('maxTokens: 256', 'maxTokens: 1024')
      .replace('stepCountIs(5)', 'stepCountIs(15)');
    const changes = scan([modified('src/agents/draft.ts', DRAFT_TS, head)]);
    expect(changes.map((c) => [c.line, c.summary, c.price_ratio])).toEqual([
      [6, 'model gpt-4o-mini → gpt-4.1 in src/agents/draft.ts:6', null],
      [7, 'maxTokens 256 → 1024 in src/agents/draft.ts:7 (×4 output cap)', null],
      [8, 'stepCountIs(5) → stepCountIs(15) in src/agents/draft.ts:8 (×3 loop limit)', null],
    ]);
    expect(changes[1].hint).toBe(
      'move the call into a prompt file (prompts/draft.prompt.yml with modelParameters: { maxTokens: 1024 }) and add features: { draft: { team: <team>, prompt: prompts/draft.prompt.yml, requests_per_month: <n> } }, or describe it as an aicost agent: features: { draft: { team: <team>, agent: agents/draft.yaml, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }',
    );
    expect(changes[2].hint).toBe(
      'describe the loop as an aicost agent (agents/draft.yaml with max_turns: 15) and add features: { draft: { team: <team>, agent: agents/draft.yaml, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }',
    );
  });

  it('reports AI SDK v4 maxSteps and Python loop limits, and pairs maxSteps with its stepCountIs replacement', () => {
    const base = `const r = await generateText({ model, maxSteps: 5 });\n`;
    const head = `const r = await generateText({ model, maxSteps: 15 });\n`;
    const py = `result = Runner.run_sync(agent, text, max_turns=8)\n`;
    const changes = scan([
      modified('src/loop.ts', base, head),
      modified('src/run.py', py, py.replace('max_turns=8', 'max_turns=20')),
      modified('src/v5.ts', base, `const r = await generateText({ model, stopWhen: stepCountIs(10) });\n`),
    ]);
    expect(changes.map((c) => c.summary)).toEqual([
      'maxSteps 5 → 15 in src/loop.ts:1 (×3 loop limit)',
      'max_turns 8 → 20 in src/run.py:1 (×2.5 loop limit)',
      'maxSteps 5 → stepCountIs(10) in src/v5.ts:1 (×2 loop limit)',
    ]);
  });

  it('reports a new call, a new model constant and a removed output cap', () => {
    const base = `from anthropic import Anthropic\n\nclient = Anthropic()\n\ndef ask(q):\n    return client.messages.create(model="claude-haiku-4-5", max_tokens=300, messages=q)\n`;
    const head = `from anthropic import Anthropic\n\nSUMMARY_MODEL = "claude-sonnet-4-5"\nclient = Anthropic()\n\ndef ask(q):\n    return client.messages.create(model="claude-haiku-4-5", messages=q)\n\ndef judge(q):\n    return client.messages.create(model="claude-opus-4-1", messages=q)\n`;
    const changes = scan([modified('src/ask.py', base, head)]);
    expect(changes.map((c) => [c.line, c.summary])).toEqual([
      [3, 'SUMMARY_MODEL claude-sonnet-4-5 added in src/ask.py:3'],
      [7, 'max_tokens 300 removed in src/ask.py:7 (output cap lifted)'],
      [10, 'new call with model claude-opus-4-1 in src/ask.py:10'],
    ]);
  });

  it('reports models named in an added file and constants edited with their ratio', () => {
    const base = `export const REPLY_DRAFT_MODEL = 'gpt-4o-mini';\n`;
    const head = `export const REPLY_DRAFT_MODEL = 'gpt-4o';\n`;
    const added: ChangedFile = {
      path: 'src/classify.mjs',
      status: 'added',
      base: null,
      head: `const m = process.env.CLASSIFY_MODEL ?? "gpt-4o-mini";\n`,
    };
    const changes = scan([modified('src/models.ts', base, head), added]);
    expect(changes.map((c) => c.summary)).toEqual([
      'CLASSIFY_MODEL default gpt-4o-mini added in src/classify.mjs:1',
      'REPLY_DRAFT_MODEL gpt-4o-mini → gpt-4o in src/models.ts:1 (×16.7 input price)',
    ]);
  });

  it('does not report unrelated edits, comments, non-id values or moved lines', () => {
    const base = REPLY_PY;
    const head = REPLY_PY.replace('client = openai.OpenAI()', 'client = openai.OpenAI(timeout=30)');
    const commented = `def pick(user):\n    modelName = user.model\n    return modelName\n`;
    const commentedHead = `def pick(user):\n    # model="gpt-4o" was too slow\n    modelName = user.model  # was model="gpt-4o-mini"\n    role = {"model": "user"}\n    path = load(model="./models/llama-7b.gguf")\n    return modelName\n`;
    const movedBase = `a = 1\nclient.create(model="gpt-4o", max_tokens=100)\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\nh = 8\n`;
    const movedHead = `a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\nh = 8\nclient.create(model="gpt-4o", max_tokens=100)\n`;
    expect(
      scan([
        modified('src/reply.py', base, head),
        modified('src/pick.py', commented, commentedHead),
        modified('src/moved.py', movedBase, movedHead),
        modified('tests/test_reply.py', REPLY_PY, REPLY_PY.replace('gpt-4o-mini', 'gpt-4o')),
        modified('src/reply.test.ts', DRAFT_TS, DRAFT_TS.replace('gpt-4o-mini', 'gpt-4o')),
      ]),
    ).toEqual([]);
  });

  it('never reports a mapped code file or a deleted one', () => {
    const head = REPLY_PY.replace('gpt-4o-mini', 'gpt-4o');
    expect(scan([modified('src/reply.py', REPLY_PY, head)], new Set(['src/reply.py']))).toEqual([]);
    expect(scan([{ path: 'src/old.py', status: 'deleted', base: REPLY_PY, head: null }])).toEqual([]);
  });
});

describe('findUnpricedChanges: prompt and agent files', () => {
  it('reports an unmapped new .prompt.yml with its model, and not a mapped one', () => {
    const changes = scan(
      [
        { path: 'prompts/faq.prompt.yml', status: 'added', base: null, head: FAQ_PROMPT },
        modified('prompts/summary.prompt.yml', FAQ_PROMPT, FAQ_PROMPT.replace('openai/gpt-4o', 'openai/gpt-4o-mini')),
      ],
      new Set(['prompts/summary.prompt.yml', '.aicost.yml']),
    );
    expect(changes).toEqual([
      {
        kind: 'prompt-file',
        file: 'prompts/faq.prompt.yml',
        line: 1,
        summary: 'new prompt file prompts/faq.prompt.yml (model openai/gpt-4o)',
        price_ratio: null,
        hint: 'features: { faq: { team: <team>, prompt: prompts/faq.prompt.yml, requests_per_month: <n> } }',
      },
    ]);
  });

  it('says what changed in an unmapped .prompt.yml: model with ratio and maxTokens, at the key line', () => {
    const head = FAQ_PROMPT.replace('model: openai/gpt-4o', 'model: openai/gpt-4o-mini').replace(
      'maxTokens: 400',
      'maxTokens: 1000',
    );
    const [c] = scan([modified('prompts/faq.prompt.yml', FAQ_PROMPT, head)]);
    // 0.15 / 2.50 = 0.06; 1000 / 400 = 2.5
    expect(c.summary).toBe(
      'prompt file prompts/faq.prompt.yml: model openai/gpt-4o → openai/gpt-4o-mini (×0.06 input price), maxTokens 400 → 1000 (×2.5 output cap)',
    );
    expect(c.line).toBe(2);
    expect(c.price_ratio).toBeCloseTo(0.06, 10);
  });

  it('reports a text-only prompt edit at the first changed line', () => {
    const head = FAQ_PROMPT.replace(
      'You answer questions about {{product}}.',
      'You answer questions about {{product}} in detail, with examples.',
    );
    const [c] = scan([modified('prompts/faq.prompt.yml', FAQ_PROMPT, head)]);
    expect([c.line, c.summary]).toEqual([7, 'prompt file prompts/faq.prompt.yml changed (model openai/gpt-4o)']);
  });

  it('reports a Claude Code agent model and maxTurns change', () => {
    const head = REVIEWER.replace('model: sonnet', 'model: opus').replace('maxTurns: 10', 'maxTurns: 30');
    const [c] = scan([modified('.claude/agents/reviewer.md', REVIEWER, head)]);
    expect(c).toEqual({
      kind: 'agent-file',
      file: '.claude/agents/reviewer.md',
      line: 5,
      // 5 / 3 = 1.666… → ×1.67; 30 / 10 = 3
      summary:
        'Claude Code agent .claude/agents/reviewer.md: model sonnet → opus (×1.67 input price), maxTurns 10 → 30 (×3 loop limit)',
      price_ratio: 5 / 3,
      hint: 'features: { reviewer: { team: <team>, agent: .claude/agents/reviewer.md, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }',
    });
  });

  it('reports a CrewAI agents.yaml llm change, and covers tasks.yaml by a mapped agents.yaml', () => {
    const head = CREW_AGENTS.replace('  llm: openai/gpt-4o-mini\n  max_iter', '  llm: openai/gpt-4o\n  max_iter');
    const [c] = scan([modified('src/research_crew/config/agents.yaml', CREW_AGENTS, head)]);
    expect(c).toEqual({
      kind: 'agent-file',
      file: 'src/research_crew/config/agents.yaml',
      line: 5,
      summary:
        'CrewAI agents file src/research_crew/config/agents.yaml: researcher.llm openai/gpt-4o-mini → openai/gpt-4o (×16.7 input price)',
      price_ratio: 2.5 / 0.15,
      hint: 'features: { research-crew: { team: <team>, agent: src/research_crew/config/agents.yaml, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }',
    });
    const tasks = modified(
      'src/research_crew/config/tasks.yaml',
      'research:\n  agent: researcher\n',
      'research:\n  agent: writer\n',
    );
    expect(scan([tasks], new Set(['src/research_crew/config/agents.yaml']))).toEqual([]);
    const [t] = scan([tasks]);
    expect([t.kind, t.line, t.summary, t.hint]).toEqual([
      'agent-file',
      2,
      'CrewAI tasks file src/research_crew/config/tasks.yaml: research.agent researcher → writer',
      'features: { research-crew: { team: <team>, agent: src/research_crew/config/agents.yaml, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }',
    ]);
  });

  it('reports a deleted prompt file without a line, and a renamed one', () => {
    const deleted: ChangedFile = {
      path: 'prompts/old-summary.md',
      status: 'deleted',
      base: 'Summarize {{text}}.\n',
      head: null,
    };
    const renamed: ChangedFile = {
      path: 'prompts/help/faq.prompt.yml',
      oldPath: 'prompts/faq.prompt.yml',
      status: 'renamed',
      base: FAQ_PROMPT,
      head: FAQ_PROMPT,
    };
    expect(scan([renamed, deleted])).toEqual([
      {
        kind: 'prompt-file',
        file: 'prompts/help/faq.prompt.yml',
        line: 1,
        summary: 'prompt file prompts/faq.prompt.yml renamed to prompts/help/faq.prompt.yml (model openai/gpt-4o)',
        price_ratio: null,
        hint: 'features: { faq: { team: <team>, prompt: prompts/help/faq.prompt.yml, requests_per_month: <n> } }',
      },
      {
        kind: 'prompt-file',
        file: 'prompts/old-summary.md',
        line: null,
        summary: 'deleted prompt file prompts/old-summary.md',
        price_ratio: null,
        hint: 'nothing to add if nothing loads prompts/old-summary.md any more; if its calls moved to another file, map that one: features: { old-summary: { team: <team>, prompt: <new file>, requests_per_month: <n> } }',
      },
    ]);
    // A rename away from a mapped path: the feature must follow it.
    const [r] = scan(
      [{ ...renamed, head: FAQ_PROMPT.replace('maxTokens: 400', 'maxTokens: 800') }],
      new Set(['prompts/faq.prompt.yml']),
    );
    expect([r.line, r.summary, r.hint]).toEqual([
      4,
      'prompt file prompts/faq.prompt.yml renamed to prompts/help/faq.prompt.yml: maxTokens 400 → 800 (×2 output cap)',
      'the feature that maps prompts/faq.prompt.yml must follow the rename: set its prompt: prompts/help/faq.prompt.yml',
    ]);
  });

  it('reads Prompty, Dotprompt and plain prompt files', () => {
    const prompty = `---\nname: Basic\nmodel:\n  id: claude-sonnet-4-5-20250929\n  provider: anthropic\n  options:\n    maxOutputTokens: 512\n---\nsystem:\nYou help.\n`;
    const dotprompt = `---\nmodel: googleai/gemini-2.5-flash\nconfig:\n  temperature: 1.0\n---\nWrite a tagline about {{subject}}.\n`;
    const changes = scan([
      modified('app/basic.prompty', prompty, prompty.replace('maxOutputTokens: 512', 'maxOutputTokens: 2048')),
      { path: 'genkit/prompts/tagline.prompt', status: 'added', base: null, head: dotprompt },
      { path: 'prompts/system/triage.md', status: 'added', base: null, head: 'You triage tickets.\n' },
      { path: 'prompts/README.md', status: 'added', base: null, head: '# Prompts\n' },
    ]);
    expect(changes.map((c) => [c.kind, c.file, c.line, c.summary, c.hint])).toEqual([
      [
        'prompt-file',
        'app/basic.prompty',
        7,
        'Prompty file app/basic.prompty: maxOutputTokens 512 → 2048 (×4 output cap)',
        'features: { basic: { team: <team>, prompt: app/basic.prompty, requests_per_month: <n> } }',
      ],
      [
        'prompt-file',
        'genkit/prompts/tagline.prompt',
        1,
        'new Dotprompt file genkit/prompts/tagline.prompt (model googleai/gemini-2.5-flash)',
        'features: { tagline: { team: <team>, prompt: genkit/prompts/tagline.prompt, typical_output_tokens: <n>, requests_per_month: <n> } }',
      ],
      [
        'prompt-file',
        'prompts/system/triage.md',
        1,
        'new prompt file prompts/system/triage.md',
        'features: { triage: { team: <team>, prompt: prompts/system/triage.md, model: <model id>, typical_output_tokens: <n>, requests_per_month: <n> } }',
      ],
    ]);
  });
});

describe('findUnpricedChanges: model config and env', () => {
  it('finds a LiteLLM config by its model_list whatever its name (aliases_config.yaml)', () => {
    const head = LITELLM.replace('model: openai/gpt-4o-mini', 'model: openai/gpt-4o');
    const changes = scan([modified('gateway/aliases_config.yaml', LITELLM, head)]);
    expect(changes.map((c) => [c.kind, c.file, c.line, c.summary])).toEqual([
      [
        'model-config',
        'gateway/aliases_config.yaml',
        8,
        'LiteLLM config gateway/aliases_config.yaml: cheap: openai/gpt-4o-mini → openai/gpt-4o (×16.7 input price)',
      ],
    ]);
    expect(changes[0].hint).toContain('models_from: [gateway/aliases_config.yaml]');
  });

  it('reports a LiteLLM config.yaml model_list change, and ignores other config.yaml files', () => {
    const head = LITELLM.replace('model: openai/gpt-4o-mini', 'model: openai/gpt-4o');
    const changes = scan([
      modified('config.yaml', LITELLM, head),
      modified('deploy/config.yaml', 'replicas: 2\nmodel: gpt-4o-mini\n', 'replicas: 3\nmodel: gpt-4o\n'),
    ]);
    expect(changes).toEqual([
      {
        kind: 'model-config',
        file: 'config.yaml',
        line: 8,
        summary: 'LiteLLM config config.yaml: cheap: openai/gpt-4o-mini → openai/gpt-4o (×16.7 input price)',
        price_ratio: 2.5 / 0.15,
        hint: 'read its routes as aliases: models_from: [config.yaml], and price the calls that send cheap: features: { <feature>: { team: <team>, prompt: <prompt file>, model: cheap, requests_per_month: <n> } }',
      },
    ]);
  });

  it('reports an env model variable change with the ratio, never a key', () => {
    const base = '# Model the crew uses\nOPENAI_MODEL_NAME=gpt-4o-mini\nOPENAI_API_KEY=\nLLM_API_KEY=sk-old\n';
    const head =
      '# Model the crew uses\nOPENAI_MODEL_NAME=gpt-4o\nOPENAI_API_KEY=\nLLM_API_KEY=sk-new\nAZURE_OPENAI_CHAT_DEPLOYMENT="prod-chat" # deployment alias\n';
    const changes = scan([modified('.env.example', base, head)]);
    expect(changes).toEqual([
      {
        kind: 'env',
        file: '.env.example',
        line: 2,
        summary: 'OPENAI_MODEL_NAME gpt-4o-mini → gpt-4o in .env.example:2 (×16.7 input price)',
        price_ratio: 2.5 / 0.15,
        hint: 'map the calls that read OPENAI_MODEL_NAME to a feature: features: { <feature>: { team: <team>, prompt: <prompt file>, model: gpt-4o, requests_per_month: <n> } } (model: applies when the prompt file names none)',
      },
      {
        kind: 'env',
        file: '.env.example',
        line: 5,
        summary: 'AZURE_OPENAI_CHAT_DEPLOYMENT=prod-chat added in .env.example:5',
        price_ratio: null,
        hint: 'map the calls that read AZURE_OPENAI_CHAT_DEPLOYMENT to a feature: features: { <feature>: { team: <team>, prompt: <prompt file>, model: <model id>, requests_per_month: <n> } } (model: applies when the prompt file names none)',
      },
    ]);
    expect(JSON.stringify(changes)).not.toContain('sk-');
  });

  it('orders results by file path, then line', () => {
    const head = DRAFT_TS.replace('maxTokens: 256', 'maxTokens: 512').replace(
      "openai('gpt-4o-mini')",
      "openai('gpt-4o')",
    );
    const changes = scan([
      modified('src/b.ts', DRAFT_TS, head),
      { path: 'prompts/z.prompt.yml', status: 'added', base: null, head: FAQ_PROMPT },
      modified('.env', 'MODEL=gpt-4o\n', 'MODEL=gpt-4o-mini\n'),
      modified('src/a.ts', DRAFT_TS, head),
    ]);
    expect(changes.map((c) => `${c.file}:${c.line}`)).toEqual([
      '.env:1',
      'prompts/z.prompt.yml:1',
      'src/a.ts:6',
      'src/a.ts:7',
      'src/b.ts:6',
      'src/b.ts:7',
    ]);
  });
});

type Work = ReturnType<typeof unpricedWork>;
/** The scan's counted work since `before`: line-diff steps and characters handed to the patterns. */
const since = (before: Work): Work => {
  const now = unpricedWork();
  return {
    diffSteps: now.diffSteps - before.diffSteps,
    scannedChars: now.scannedChars - before.scannedChars,
    treeNodes: now.treeNodes - before.treeNodes,
  };
};

/** Most steps the line diff may take: every diagonal up to the edit-distance cap, plus each line once. */
const diffBound = (lines: number): number => ((MAX_EDIT_DISTANCE + 1) * (MAX_EDIT_DISTANCE + 2)) / 2 + lines;

describe('findUnpricedChanges: hostile input', () => {
  it('scans a 100 KB adversarial line and thousands of long near-miss lines with bounded work', () => {
    const longLine = `x = dict(model="${'a'.repeat(100_000)}`;
    // Just under the scan limit: many near-misses for every pattern on one line.
    const nearMiss = `${'model="gpt-4o'.repeat(60)}${'max_tokens= '.repeat(40)}${"openai('gpt".repeat(40)}`.slice(
      0,
      1_999,
    );
    const idents = `${'A_MODEL_'.repeat(240)} = "gpt-4o`.slice(0, 1_999);
    const body = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? nearMiss : idents)).join('\n');
    const before = unpricedWork();
    const changes = scan([
      modified('src/long.py', 'x = 1\n', `${longLine}\n`),
      { path: 'src/near.ts', status: 'added', base: null, head: body },
      modified('.env', 'A=1\n', `${'MODEL'.repeat(30_000)}=gpt-4o\n`),
    ]);
    // Counted, not timed: the 100 KB and 150 KB lines are never handed to the patterns, the 2,000
    // near-miss lines are (3,630,008 characters); the added file needs no line diff, and the two
    // one-line edits take a handful of steps.
    const work = since(before);
    expect(work.scannedChars).toBeGreaterThan(2_000 * 1_000);
    expect(work.scannedChars).toBeLessThanOrEqual(2_000 * MAX_SCAN_LINE);
    expect(work.diffSteps).toBeLessThanOrEqual(10);
    // The long lines are not scanned, and say so (issue 12, reproduction 12); the near misses find nothing.
    expect(changes.map((c) => [c.kind, c.file, c.line, c.summary])).toEqual([
      ['env', '.env', 1, '.env:1 not scanned: the changed line is 150,007 characters, over the 2,000 the scan reads'],
      [
        'code',
        'src/long.py',
        1,
        'src/long.py:1 not scanned: the changed line is 100,016 characters, over the 2,000 the scan reads',
      ],
    ]);
  });

  it('scans each line built to make the patterns backtrack once, with bounded work', () => {
    const lines = [
      `x:${'a.'.repeat(999)}`,
      `a:${' '.repeat(1_997)}`,
      `${'a: '.repeat(660)}`,
      `${'"model": "'.repeat(199)}`,
      `${'stepCountIs( '.repeat(150)}`,
      `${'os.getenv("A_MODEL", '.repeat(95)}`,
    ];
    const body = Array.from({ length: 3_000 }, (_, i) => lines[i % lines.length]).join('\n');
    const before = unpricedWork();
    expect(scan([{ path: 'src/hostile.py', status: 'added', base: null, head: body }])).toEqual([]);
    // Every line is at most MAX_SCAN_LINE characters and is scanned once (5,957,000 in all). The
    // patterns are linear by construction (code-scan.ts); their time is the benchmark's business.
    const work = since(before);
    expect(work.scannedChars).toBe(body.length - 2_999);
    expect(work.scannedChars).toBeLessThanOrEqual(3_000 * MAX_SCAN_LINE);
    // An added file is all added lines: no line diff at all.
    expect(work.diffSteps).toBe(0);
  });

  it('an added or deleted file of 2,500 lines takes no line-diff step, and its lines keep their numbers', () => {
    const body =
      Array.from({ length: 2_500 }, (_, i) => (i === 2_399 ? 'client = OpenAI(model="gpt-4o")' : `x${i} = ${i}`)).join(
        '\n',
      ) + '\n';
    const before = unpricedWork();
    const added = scan([{ path: 'src/new_client.py', status: 'added', base: null, head: body }]);
    const deleted = scan([{ path: 'src/old_client.py', status: 'deleted', base: body, head: null }]);
    // Before, Myers walked every diagonal up to MAX_EDIT_DISTANCE against the empty side (about
    // 2 million steps) and then fell back to line sets; now the whole file is one added block.
    expect(since(before).diffSteps).toBe(0);
    expect(added.map((c) => [c.file, c.line])).toEqual([['src/new_client.py', 2_400]]);
    expect(added[0].summary).toContain('gpt-4o');
    expect(deleted).toEqual([]);
    // A block inserted into a file is the same case once the common lines are trimmed.
    const grown = body.replace('x2499 = 2499\n', `x2499 = 2499\n${'y = 1\n'.repeat(2_100)}`);
    const b2 = unpricedWork();
    scan([modified('src/new_client.py', body, grown)]);
    expect(since(b2).diffSteps).toBe(0);
  });

  it('lists at most 25 changes of a generated file and counts the rest', () => {
    const base = Array.from({ length: 19_000 }, (_, i) => `  {"id": ${i}, "model": "gpt-4o-mini"},`).join('\n');
    const before = unpricedWork();
    const changes = scan([modified('src/table.js', base, base.replace(/gpt-4o-mini/g, 'gpt-4o'))]);
    // 38,000 changed lines: the line diff gives up at its edit-distance cap (then compares line
    // sets), and no line is scanned more than once per side.
    const work = since(before);
    expect(work.diffSteps).toBeLessThanOrEqual(diffBound(38_000));
    expect(work.scannedChars).toBeLessThanOrEqual(2 * base.length);
    expect(changes).toHaveLength(25);
    expect(changes[0].summary).toBe('model gpt-4o-mini → gpt-4o in src/table.js:1 (×16.7 input price)');
    expect(changes[23].line).toBe(24);
    expect([changes[24].line, changes[24].summary, changes[24].price_ratio]).toEqual([
      25,
      '18976 more model, output-cap or loop-limit changes in src/table.js from line 25',
      null,
    ]);
  });
});

/** Ten aliases per anchor, four levels: `d` alone expands into 10 × (1 + 10 × (1 + 10 × 11)) = 11,110 values. */
const ALIAS_BOMB = `description: evals
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
providers: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
`;

describe('findUnpricedChanges: gateway and eval configs the YAML reader refuses', () => {
  it('a LiteLLM config that is no longer valid YAML is "not scanned" at the line, not "changed"', () => {
    const head = LITELLM.replace('model: openai/gpt-4o-mini', 'model: openai: gpt-4o');
    const [c, ...rest] = scan([modified('config.yaml', LITELLM, head)]);
    expect(rest).toEqual([]);
    expect([c.kind, c.file, c.line]).toEqual(['model-config', 'config.yaml', 8]);
    expect(c.summary).toBe(
      'config.yaml:8 not scanned: invalid YAML: Nested mappings are not allowed in compact mappings',
    );
    // The valid edit is still read to its facts (the control).
    expect(
      scan([modified('config.yaml', LITELLM, LITELLM.replace('openai/gpt-4o-mini', 'openai/gpt-4o'))])[0].summary,
    ).toBe('LiteLLM config config.yaml: cheap: openai/gpt-4o-mini → openai/gpt-4o (×16.7 input price)');
  });

  it('an alias bomb or a 70-level nesting in a promptfoo config is "not scanned", with the limit that refused it', () => {
    const bomb = scan([{ path: 'promptfooconfig.yaml', status: 'added', base: null, head: ALIAS_BOMB }]);
    expect(bomb.map((c) => [c.kind, c.line, c.summary])).toEqual([
      [
        'model-config',
        5,
        'promptfooconfig.yaml:5 not scanned: YAML aliases expand into more than 10,000 values (here at *c); aicost refuses this to guard against alias bombs',
      ],
    ]);
    const deep = `providers: ${'['.repeat(70)}openai:gpt-4o${']'.repeat(70)}\n`;
    const [c] = scan([modified('promptfooconfig.yaml', 'providers: [openai:gpt-4o-mini]\n', deep)]);
    expect(c.summary).toMatch(/^promptfooconfig\.yaml:1 not scanned: the YAML is nested more than 64 levels deep$/);
    // A base the reader refuses only loses the old values: the head's facts are listed.
    expect(scan([modified('promptfooconfig.yaml', deep, 'providers: [openai:gpt-4o]\n')])[0].summary).toBe(
      'promptfoo config promptfooconfig.yaml: provider openai:gpt-4o added',
    );
  });
});

describe('findUnpricedChanges: YAML files too large to read', () => {
  const tooLarge = (path: string, headStart?: string): ChangedFile => ({
    path,
    status: 'added',
    base: null,
    head: null,
    unscanned: 'at head 2,000,000 bytes, over the 1,048,576 the scan reads',
    ...(headStart === undefined ? {} : { headStart }),
  });

  it('lists one named like a gateway config, or with model_list: in its first bytes; not other YAML data', () => {
    const changes = scan([
      tooLarge('deploy/config.yaml', '# padding\n'),
      tooLarge('proxy/prod-litellm.yml', ''),
      tooLarge('gateway.yaml', `# router\n${LITELLM}`),
      tooLarge('data/rows.yaml', '- id: 1\n  text: hello\n'),
      tooLarge('openapi.yaml', 'openapi: 3.1.0\npaths: {}\n'),
    ]);
    expect(changes.map((c) => [c.kind, c.file, c.line, c.summary])).toEqual([
      [
        'model-config',
        'deploy/config.yaml',
        null,
        'deploy/config.yaml not scanned: at head 2,000,000 bytes, over the 1,048,576 the scan reads',
      ],
      [
        'model-config',
        'gateway.yaml',
        null,
        'gateway.yaml not scanned: at head 2,000,000 bytes, over the 1,048,576 the scan reads',
      ],
      [
        'model-config',
        'proxy/prod-litellm.yml',
        null,
        'proxy/prod-litellm.yml not scanned: at head 2,000,000 bytes, over the 1,048,576 the scan reads',
      ],
    ]);
  });
});
