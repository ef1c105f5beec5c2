/**
 * Issue 14, class 7: promptfoo configs as the prompt + model artifact. A feature points at
 * `promptfooconfig.yaml#<prompt>` and chooses a provider with `provider:`; prompts come from
 * `file://` paths (relative to the config, inside the repository) or inline; `tests[].vars` over
 * `defaultTest.vars` are the test data.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { loadPromptArtifact, parseArtifact } from '../../src/artifacts/index.js';
import { renderTemplate } from '../../src/artifacts/render.js';
import { AicostError } from '../../src/errors.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { failure, makeRepo, prRepo } from '../helpers/run.js';

const o2 = new Tiktoken(o200k);

const AICOST = (prompt: string, provider?: string) => `version: 1
features:
  support-reply:
    team: support
    prompt: ${prompt}
${provider ? `    provider: ${provider}\n` : ''}    typical_output_tokens: 300
    requests_per_month: 50000
teams:
  support: { monthly_budget: 5000 }
`;

const PROMPTFOO = (
  fastModel = 'gpt-4o-mini',
) => `# yaml-language-server: $schema=https://promptfoo.dev/config-schema.json
description: Support reply drafts and ticket triage
prompts:
  - id: file://prompts/reply.txt
    label: reply
  - label: triage
    raw: |
      Classify this ticket as billing, bug or question. Answer with one word.
      Ticket: {{ticket}}
providers:
  - id: openai:chat:${fastModel}
    label: fast
    config:
      temperature: 0.2
      max_tokens: 400
  - id: anthropic:messages:claude-3-5-haiku-20241022
    label: claude
    config:
      max_tokens: 300
defaultTest:
  vars:
    product: Acme Router X2
tests:
  - description: wifi drops
    vars:
      ticket: My router drops Wi-Fi every evening around 8pm and comes back after a restart.
    assert:
      - type: icontains
        value: restart
  - description: double charge
    vars:
      ticket: I was charged twice for the March invoice, please refund one of them.
      product: Acme Billing Portal
`;

const REPLY = `You are a support agent for {{product}}. Write a short, friendly reply to the customer.
Quote the order number if the customer gives one.

Customer message:
{{ticket}}
`;
const REPLY_GROWN = `You are a support agent for {{product}}. Write a short, friendly reply to the customer.
Quote the order number if the customer gives one.
Always end with a link to https://status.acme.example and never promise a refund or a delivery date;
if the customer is angry, apologise once and offer a call back from a senior agent within one working day.

Customer message:
{{ticket}}
`;
const ROWS = [
  {
    product: 'Acme Router X2',
    ticket: 'My router drops Wi-Fi every evening around 8pm and comes back after a restart.',
  },
  {
    product: 'Acme Billing Portal',
    ticket: 'I was charged twice for the March invoice, please refund one of them.',
  },
];

/** Mean o200k tokens of a template rendered with each test row. */
function meanTokens(template: string): number {
  const counts = ROWS.map((r) => o2.encode(renderTemplate(template, r).text).length);
  return counts.reduce((a, b) => a + b, 0) / counts.length;
}

const reader = (files: Record<string, string>) => ({
  exists: async (p: string) => p in files,
  readText: async (p: string) => {
    if (!(p in files)) throw new Error(`no ${p}`);
    return files[p];
  },
});

describe('promptfoo configs: reading', () => {
  it('reads the file:// prompt relative to the config, the chosen provider, and tests over defaultTest', async () => {
    const loaded = await loadPromptArtifact(
      reader({ 'evals/promptfooconfig.yaml': PROMPTFOO(), 'evals/prompts/reply.txt': REPLY }),
      'evals/promptfooconfig.yaml#reply',
      undefined,
      { provider: 'fast' },
    );
    expect(loaded.files).toEqual(['evals/promptfooconfig.yaml', 'evals/prompts/reply.txt']);
    const site = loaded.site;
    expect(site.format).toBe('promptfoo');
    expect(site.model).toBe('openai/gpt-4o-mini');
    expect(site.lines.model).toBe(11);
    expect(site.params).toEqual({ maxTokens: 400, temperature: 0.2 });
    expect(site.messages).toEqual([{ role: 'user', template: REPLY, line: 4 }]);
    expect(site.variables).toEqual(['product', 'ticket']);
    expect(site.testData).toEqual(ROWS);
    expect(site.notes).toEqual(['the prompt text is read from file://prompts/reply.txt (prompts entry at line 4)']);
  });

  it('reads the inline prompt by label or index, priced with the other provider', () => {
    const byLabel = parseArtifact('promptfooconfig.yaml', PROMPTFOO(), {
      promptfoo: {
        choice: { prompt: 'triage', provider: 'anthropic:messages:claude-3-5-haiku-20241022' },
        files: new Map(),
      },
    });
    expect(byLabel.model).toBe('anthropic/claude-3-5-haiku-20241022');
    expect(byLabel.params).toEqual({ maxTokens: 300 });
    expect(byLabel.messages).toEqual([
      {
        role: 'user',
        template: 'Classify this ticket as billing, bug or question. Answer with one word.\nTicket: {{ticket}}\n',
        line: 6,
      },
    ]);
    const byIndex = parseArtifact('promptfooconfig.yaml', PROMPTFOO(), {
      promptfoo: { choice: { prompt: '1', provider: 'claude' }, files: new Map() },
    });
    expect(byIndex.messages).toEqual(byLabel.messages);
  });

  it('reads chat-message prompts from JSON and YAML files, and maps provider ids to catalog ids', async () => {
    const config = `prompts:
  - file://chat.json
  - file://chat.yaml
providers:
  - openrouter:anthropic/claude-3.5-sonnet
  - vertex:gemini-1.5-pro
  - bedrock:anthropic.claude-3-haiku-20240307-v1:0
  - azure:chat:support-4o
  - openai:embedding:text-embedding-3-small
`;
    const files = {
      'p/promptfooconfig.yaml': config,
      'p/chat.json': JSON.stringify([
        { role: 'system', content: 'You summarise {{doc}}.' },
        { role: 'user', content: 'Summarise it.' },
      ]),
      'p/chat.yaml': '- role: system\n  content: Be terse.\n- role: user\n  content: "{{question}}"\n',
    };
    const load = (anchor: string, provider: string) =>
      loadPromptArtifact(reader(files), `p/promptfooconfig.yaml#${anchor}`, undefined, { provider });
    const json = (await load('0', 'openrouter:anthropic/claude-3.5-sonnet')).site;
    expect(json.messages.map((m) => [m.role, m.template])).toEqual([
      ['system', 'You summarise {{doc}}.'],
      ['user', 'Summarise it.'],
    ]);
    expect(json.model).toBe('openrouter/anthropic/claude-3.5-sonnet');
    const yaml = (await load('file://chat.yaml', 'vertex:gemini-1.5-pro')).site;
    expect(yaml.messages.map((m) => [m.role, m.template])).toEqual([
      ['system', 'Be terse.'],
      ['user', '{{question}}'],
    ]);
    expect(yaml.model).toBe('vertex/gemini-1.5-pro');
    expect((await load('0', 'bedrock:anthropic.claude-3-haiku-20240307-v1:0')).site.model).toBe(
      'bedrock/anthropic.claude-3-haiku-20240307-v1:0',
    );
    const azure = (await load('0', 'azure:chat:support-4o')).site;
    expect(azure.model).toBe('azure/support-4o');
    expect(azure.notes).toContain(
      'provider azure:chat:support-4o (line 8) is an Azure deployment, read as "azure/support-4o"; map it under models: in .aicost.yml',
    );
    const embed = (await load('0', 'openai:embedding:text-embedding-3-small')).site;
    expect([embed.model, embed.api]).toEqual(['openai/text-embedding-3-small', 'embedding']);
  });

  it('unread keys that hold text, a model or a limit get a notice (no silent miss)', () => {
    const config = `prompts:
  - "Answer {{q}}"
providers:
  - id: openai:gpt-4o-mini
    config:
      max_tokens: 200
      max_new_tokens: 900
      systemPrompt: You are a careful assistant who always answers in French.
judgeModel: openai:gpt-4o
tests:
  - vars: { q: hi }
    provider: openai:gpt-4o
`;
    const site = parseArtifact('promptfooconfig.yaml', config);
    expect(site.notes).toEqual([
      'provider openai:gpt-4o-mini config.max_new_tokens at line 7 is not read by aicost, so the limit it holds is not priced',
      'provider openai:gpt-4o-mini config.systemPrompt at line 8 is not read by aicost, so the text it holds is not priced',
      "tests[0].provider at line 12 runs this test with another provider; aicost prices every test with the feature's provider",
      'judgeModel at line 9 is not read by aicost, so the model it holds is not priced',
    ]);
  });
});

describe('promptfoo configs: errors at file:line', () => {
  it('two providers and no provider: is an error listing them', async () => {
    const repo = makeRepo({
      '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply'),
      'evals/promptfooconfig.yaml': PROMPTFOO(),
      'evals/prompts/reply.txt': REPLY,
    });
    const e = await failure(runEstimate({ repo, config: '.aicost.yml' }));
    expect(e).toBeInstanceOf(AicostError);
    expect(e.message).toBe('the promptfoo config has 2 providers; the feature must choose one');
    expect(e.location).toEqual({ file: 'evals/promptfooconfig.yaml', line: 11 });
    expect(e.hint).toBe('Add provider: <label or id> to the feature in .aicost.yml; the providers are: fast, claude.');
  });

  it('provider: on a prompt file that is not a promptfoo config is an error, not ignored', async () => {
    const repo = makeRepo({
      '.aicost.yml': AICOST('prompts/reply.txt', 'fast').replace(
        'typical_output_tokens',
        'model: openai/gpt-4o\n    typical_output_tokens',
      ),
      'prompts/reply.txt': REPLY,
    });
    const e = await failure(runEstimate({ repo, config: '.aicost.yml' }));
    expect(e.message).toBe('the feature sets provider: fast, but prompts/reply.txt is not a promptfoo config');
  });

  it('two prompts and no #<prompt> is an error listing them', () => {
    let e: unknown;
    try {
      parseArtifact('promptfooconfig.yaml', PROMPTFOO(), {
        promptfoo: { choice: { provider: 'fast' }, files: new Map() },
      });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(AicostError);
    expect((e as AicostError).message).toBe('the promptfoo config has 2 prompts; the feature must name one');
    expect((e as AicostError).hint).toBe(
      'Write prompt: promptfooconfig.yaml#<label or index>; the prompts are: 0: reply, 1: triage.',
    );
  });

  it('a file:// prompt outside the repository is an error naming file:line', async () => {
    const repo = makeRepo({
      '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply', 'fast'),
      'evals/promptfooconfig.yaml': PROMPTFOO().replace('file://prompts/reply.txt', 'file://../../etc/reply.txt'),
    });
    const e = await failure(runEstimate({ repo, config: '.aicost.yml' }));
    expect(e.message).toBe('file://../../etc/reply.txt points outside the repository');
    expect(e.location).toEqual({ file: 'evals/promptfooconfig.yaml', line: 4 });
  });

  it('a file:// prompt that is not committed is an error naming file:line', async () => {
    const repo = makeRepo({
      '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply', 'fast'),
      'evals/promptfooconfig.yaml': PROMPTFOO(),
    });
    const e = await failure(runEstimate({ repo, config: '.aicost.yml' }));
    expect(e.message).toBe('file://prompts/reply.txt is not in the repository');
    expect(e.location).toEqual({ file: 'evals/promptfooconfig.yaml', line: 4 });
  });
});

describe('promptfoo configs: a PR', () => {
  it('growing the file:// prompt and swapping the provider model is priced at head, by hand', async () => {
    const repo = prRepo(
      {
        '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply', 'fast'),
        'evals/promptfooconfig.yaml': PROMPTFOO('gpt-4o-mini'),
        'evals/prompts/reply.txt': REPLY,
      },
      { 'evals/promptfooconfig.yaml': PROMPTFOO('gpt-4o'), 'evals/prompts/reply.txt': REPLY_GROWN },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.status).toBe('changed');
    const baseIn = f.base!.input_tokens.mean;
    // One user message either side: the framing is the same, so the growth is the text's tokens.
    const grown = meanTokens(REPLY_GROWN) - meanTokens(REPLY);
    expect(grown).toBeGreaterThan(40);
    expect(f.head!.input_tokens.mean - baseIn).toBeCloseTo(grown, 9);
    expect(f.base!.output_tokens.mean).toBe(300);
    // USD per 1M tokens: gpt-4o-mini 0.15 in / 0.60 out, gpt-4o 2.50 / 10.00; 50,000 requests a month.
    const baseMonthly = ((baseIn * 0.15 + 300 * 0.6) / 1e6) * 50000;
    const headMonthly = (((baseIn + grown) * 2.5 + 300 * 10) / 1e6) * 50000;
    expect(f.base!.monthly).toBeCloseTo(baseMonthly, 9);
    expect(f.head!.monthly).toBeCloseTo(headMonthly, 9);
    expect(f.delta.monthly).toBeCloseTo(headMonthly - baseMonthly, 9);
    expect(f.changes.map((c) => [c.kind, c.line])).toContainEqual(['model', 11]);
    expect(f.changes.map((c) => [c.kind, c.line])).toContainEqual(['prompt', 4]);
  });

  it('hostile: switching provider: in .aicost.yml is the PR’s model swap, priced at head and shown', async () => {
    // Base prices the reply prompt with `fast` (gpt-4o-mini). The PR touches only .aicost.yml,
    // pointing the feature at `claude`: were provider: trusted from base, the swap would hide
    // behind "takes effect after merge" with a $0 delta.
    const repo = prRepo(
      {
        '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply', 'fast'),
        'evals/promptfooconfig.yaml': PROMPTFOO(),
        'evals/prompts/reply.txt': REPLY,
      },
      { '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply', 'claude') },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.status).toBe('changed');
    expect(f.base!.models).toEqual(['openai/gpt-4o-mini']);
    expect(f.head!.models).toEqual(['anthropic/claude-3-5-haiku-20241022']);
    // claude-3-5-haiku: 0.80 in / 4.00 out per 1M tokens.
    const headIn = f.head!.input_tokens.mean;
    expect(f.head!.monthly).toBeCloseTo(((headIn * 0.8 + 300 * 4) / 1e6) * 50000, 9);
    expect(f.delta.monthly).toBeGreaterThan(0);
    expect(f.changes.map((c) => c.kind)).toContain('model');
  });

  it('hostile: dropping provider: with two providers stops at head, never a silent figure', async () => {
    const repo = prRepo(
      {
        '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply', 'fast'),
        'evals/promptfooconfig.yaml': PROMPTFOO(),
        'evals/prompts/reply.txt': REPLY,
      },
      { '.aicost.yml': AICOST('evals/promptfooconfig.yaml#reply') },
    );
    const e = await failure(runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' }));
    expect(e.message).toBe('the promptfoo config has 2 providers; the feature must choose one');
  });
});
