import { describe, expect, it } from '@jest/globals';
import {
  classifyPath,
  diffLines,
  findUnpricedChanges,
  looksLikeModelId,
  MAX_DIFF_LINES,
} from '../../src/unpriced/index.js';
import type { ChangeBlock } from '../../src/unpriced/index.js';

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Length of the longest common subsequence, by dynamic programming (the reference). */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[b.length];
}

/** Rebuilds head from base and the blocks; checks line numbers on both sides. */
function apply(base: string[], blocks: ChangeBlock[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const b of blocks) {
    const from = b.removed[0]?.line ?? null;
    const upTo = from === null ? base.length : from - 1;
    // Equal lines before the block (for pure insertions, up to where the head says it sits).
    const keep = from === null ? b.headLine - 1 - out.length : upTo - i;
    for (let k = 0; k < keep; k++) out.push(base[i++]);
    for (const r of b.removed) {
      expect(base[r.line - 1]).toBe(r.text);
      i++;
    }
    for (const a of b.added) {
      expect(a.line).toBe(out.length + 1);
      out.push(a.text);
    }
  }
  while (i < base.length) out.push(base[i++]);
  return out;
}

describe('diffLines', () => {
  it('finds a shortest edit script (checked against LCS) that rebuilds head, on 300 random pairs', () => {
    const next = rng(42);
    const alphabet = ['a', 'b', 'c', 'd', 'model="gpt-4o"', ''];
    const pick = (n: number): string[] =>
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]);
    for (let t = 0; t < 300; t++) {
      const a = pick(Math.floor(next() * 25));
      const b = pick(Math.floor(next() * 25));
      const d = diffLines(a, b);
      expect(d.exact).toBe(true);
      const edits = d.blocks.reduce((n, blk) => n + blk.removed.length + blk.added.length, 0);
      expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
      expect(apply(a, d.blocks)).toEqual(b);
    }
  });

  it('groups blocks into hunks the way git -U3 does (at most 6 unchanged lines apart)', () => {
    const base = ['x', '1', '2', '3', '4', '5', '6', 'y', '1', '2', '3', '4', '5', '6', '7', 'z'];
    const head = ['X', '1', '2', '3', '4', '5', '6', 'Y', '1', '2', '3', '4', '5', '6', '7', 'Z'];
    expect(diffLines(base, head).blocks.map((b) => [b.removed[0].text, b.added[0].text, b.hunk])).toEqual([
      ['x', 'X', 0],
      ['y', 'Y', 0],
      ['z', 'Z', 1],
    ]);
  });

  it('falls back to line sets above the size limit, keeping added lines and their head lines', () => {
    const base = Array.from({ length: MAX_DIFF_LINES + 1 }, (_, i) => `line ${i}`);
    const head = base.slice();
    head[10] = 'model="gpt-4o"';
    const d = diffLines(base, head);
    expect(d.exact).toBe(false);
    expect(d.blocks.map((b) => [b.headLine, b.added.map((l) => l.text), b.removed.map((l) => l.line)])).toEqual([
      [11, ['model="gpt-4o"'], []],
      [1, [], [11]],
    ]);
  });

  it('pairs old and new values in a file over the size limit by order', () => {
    const base = Array.from({ length: MAX_DIFF_LINES + 5 }, (_, i) => `x${i} = ${i}`);
    base[100] = 'r = client.create(model="gpt-4o-mini")';
    const head = base.slice();
    head[100] = 'r = client.create(model="gpt-4o")';
    const [c] = findUnpricedChanges(
      [{ path: 'src/big.py', status: 'modified', base: base.join('\n'), head: head.join('\n') }],
      { mapped: new Set() },
    );
    expect([c.line, c.summary]).toEqual([101, 'model gpt-4o-mini → gpt-4o in src/big.py:101']);
  });
});

describe('looksLikeModelId', () => {
  it.each([
    'gpt-4o',
    'gpt-4o-mini',
    'o3',
    'o4-mini',
    'openai/gpt-4o',
    'openai:gpt-4.1',
    'anthropic:messages:claude-sonnet-4-6',
    'claude-haiku-4-5-20251001',
    'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
    'googleai/gemini-2.5-flash',
    'ollama/llama2:70b',
    'meta-llama/llama-3.1-70b-instruct',
    'mistral-large-latest',
    'command-r-plus',
    'deepseek-chat',
    'grok-4',
    'groq/some-model',
    'azure/prod-gpt4o',
    'ft:gpt-4o-mini:acme::abc123',
    'text-embedding-3-small',
  ])('%s is a model id', (id) => expect(looksLikeModelId(id)).toBe(true));

  it.each([
    'user',
    'assistant',
    'default',
    'gpt',
    'my-finetune',
    './models/llama.gguf',
    'llama-7b.gguf',
    'https://api.openai.com/v1',
    'gpt-${v}',
    'gpt 4o',
    '',
    'a'.repeat(300),
  ])('%j is not', (v) => expect(looksLikeModelId(v)).toBe(false));
});

describe('classifyPath', () => {
  it.each([
    ['prompts/faq.prompt.yml', 'github-models'],
    ['a/b.prompt.yaml', 'github-models'],
    ['app/chat.prompty', 'prompty'],
    ['prompts/joke.pirate.prompt', 'dotprompt'],
    ['.github/prompts/review.prompt.md', 'vscode-prompt'],
    ['.claude/agents/code-reviewer.md', 'claude-agent'],
    ['src/crew/config/agents.yaml', 'crewai-agents'],
    ['config/tasks.yml', 'crewai-tasks'],
    ['promptfooconfig.yaml', 'promptfoo'],
    ['OAI_CONFIG_LIST', 'autogen'],
    ['src/prompts/system/triage.j2', 'plain-prompt'],
    ['prompts/x.hbs', 'plain-prompt'],
  ])('%s → %s', (path, format) => expect(classifyPath(path)).toMatchObject({ type: 'artifact', format }));

  it('tells a LiteLLM config by its model_list, env files by name and skips tests and vendored code', () => {
    expect(
      classifyPath('litellm_config.yaml', ['general_settings: {}\n', 'model_list:\n  - model_name: a\n']),
    ).toMatchObject({ format: 'litellm' });
    expect(classifyPath('config.yaml', ['model_list_backup: []\n'])).toEqual({ type: 'none' });
    expect(classifyPath('deploy/.env.production')).toEqual({ type: 'env' });
    expect(classifyPath('services/api.env.example')).toEqual({ type: 'env' });
    expect(classifyPath('src/app/route.tsx')).toEqual({ type: 'code', lang: 'js' });
    expect(classifyPath('src/agent.py')).toEqual({ type: 'code', lang: 'python' });
    for (const p of [
      'tests/test_agent.py',
      'src/agent.spec.ts',
      'src/__tests__/a.ts',
      'node_modules/x/index.js',
      'dist/index.js',
      'src/types.d.ts',
      'prompts/README.md',
      'docs/guide.md',
    ]) {
      expect(classifyPath(p)).toEqual({ type: 'none' });
    }
  });
});

describe('other artifact formats', () => {
  const opts = { mapped: new Set<string>() };

  it('flags a Copilot prompt model change without a token price', () => {
    const base = "---\nmode: 'agent'\nmodel: GPT-4.1\n---\nReview the diff.\n";
    const [c] = findUnpricedChanges(
      [
        {
          path: '.github/prompts/review.prompt.md',
          status: 'modified',
          base,
          head: base.replace('GPT-4.1', 'Claude Sonnet 4'),
        },
      ],
      { ...opts, priceRatio: () => 3 },
    );
    expect([c.kind, c.line, c.summary, c.price_ratio]).toEqual([
      'prompt-file',
      3,
      'Copilot prompt file .github/prompts/review.prompt.md: model GPT-4.1 → Claude Sonnet 4 (Copilot bills premium requests, not tokens)',
      null,
    ]);
  });

  it('reads promptfoo providers and their max_tokens', () => {
    const base =
      'providers:\n  - id: anthropic:messages:claude-sonnet-4-6\n    config: {temperature: 0, max_tokens: 2048}\nprompts:\n  - file://prompts/extract.txt\n';
    const head = base.replace('max_tokens: 2048', 'max_tokens: 4096') + 'evaluateOptions:\n  repeat: 3\n';
    const [c] = findUnpricedChanges([{ path: 'promptfooconfig.yaml', status: 'modified', base, head }], opts);
    expect([c.kind, c.line, c.summary]).toEqual([
      'model-config',
      3,
      'promptfoo config promptfooconfig.yaml: provider anthropic:messages:claude-sonnet-4-6 max_tokens 2048 → 4096 (×2 output cap), repeat 3 added',
    ]);
  });

  it('reads an OAI_CONFIG_LIST with comment lines', () => {
    const base = '[\n  // the main model\n  {"model": "gpt-4-turbo", "api_key": ""}\n]\n';
    const [c] = findUnpricedChanges(
      [{ path: 'OAI_CONFIG_LIST', status: 'modified', base, head: base.replace('gpt-4-turbo', 'gpt-4o') }],
      opts,
    );
    expect([c.kind, c.line, c.summary, c.hint]).toEqual([
      'model-config',
      3,
      'AutoGen config OAI_CONFIG_LIST: model gpt-4-turbo → gpt-4o',
      'describe the AutoGen agents in an aicost agent file (agents/autogen.yaml with model: gpt-4o) and add features: { autogen: { team: <team>, agent: agents/autogen.yaml, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }',
    ]);
  });

  it('reports a prompt file it cannot parse as not scanned, at the line the YAML reader names', () => {
    const base = 'model: [unclosed\n';
    const [c] = findUnpricedChanges(
      [{ path: 'p/x.prompt.yml', status: 'modified', base, head: `${base}more: text\n` }],
      opts,
    );
    // Not "changed": a text the YAML reader refuses could hide any setting, so it is not scanned.
    expect([c.line, c.summary]).toEqual([
      2,
      'p/x.prompt.yml:2 not scanned: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('keeps summaries on one line whatever the YAML holds', () => {
    const base = 'researcher:\n  llm: openai/gpt-4o-mini\n';
    const head = '"researcher\\nFAKE: line":\n  llm: |\n    openai/gpt-4o\n    second line\n';
    const [c] = findUnpricedChanges([{ path: 'config/agents.yaml', status: 'modified', base, head }], opts);
    expect(c.summary).toBe(
      'CrewAI agents file config/agents.yaml: researcher FAKE: line.llm openai/gpt-4o second line added, researcher.llm openai/gpt-4o-mini removed',
    );
    expect([c.line, c.hint]).toEqual([
      2,
      'features: { crew: { team: <team>, agent: config/agents.yaml, requests_per_month: <n>, typical_turns: <turns>, typical_output_tokens: <tokens> } }',
    ]);
  });

  it('skips a modified file whose text did not change, and a mapped rename target', () => {
    const text = 'model: openai/gpt-4o\n';
    expect(findUnpricedChanges([{ path: 'a.prompt.yml', status: 'modified', base: text, head: text }], opts)).toEqual(
      [],
    );
    expect(
      findUnpricedChanges(
        [{ path: 'b.prompt.yml', oldPath: 'a.prompt.yml', status: 'renamed', base: text, head: text }],
        { mapped: new Set(['./b.prompt.yml']) },
      ),
    ).toEqual([]);
  });
});
