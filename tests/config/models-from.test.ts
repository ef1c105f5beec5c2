/**
 * `models_from:` — a LiteLLM proxy config as the source of aliases and prices, on real git
 * repositories: the route the code calls is priced as the model the proxy bills, read at base
 * (trusted) and shown, not applied, when the PR edits it. Prices typed in from the vendors' pages
 * (USD per 1M tokens): gpt-4o-mini 0.15/0.60, gpt-4o 2.50/10, claude-sonnet-4-5 3/15.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { readLitellmConfig } from '../../src/config/litellm.js';
import { validateReport } from '../../src/report/schema.js';
import type { DiffReport } from '../../src/report/types.js';
import { failure, prRepo } from '../helpers/run.js';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
/** 20 samples: input 2,000 + 10·i, output 300: means 2,095 in, 300 out. */
const rows = Array.from({ length: 20 }, (_, i) => ({
  id: `r${i}`,
  usage: { input_tokens: 2000 + 10 * i, output_tokens: 300 },
}));
const IN = 2095;
const OUT = 300;
const RPM = 50_000;
const monthly = (p: { input: number; output: number }) => ((IN * p.input + OUT * p.output) / 1e6) * RPM;

/** A proxy config as a platform team writes one (named by what it holds, not config.yaml). */
const proxy = (
  o: { fast?: string; smart2?: string; strategy?: string; extra?: string } = {},
) => `# Routes of the support gateway. The app calls model_name; the proxy bills litellm_params.model.
model_list:
  - model_name: support-fast
    litellm_params:
      model: ${o.fast ?? 'openai/gpt-4o-mini'}
      api_key: os.environ/OPENAI_API_KEY
  - model_name: support-smart
    litellm_params:
      model: azure/prod-gpt4o-eastus
      api_base: https://support-east.openai.azure.com
      api_key: os.environ/AZURE_API_KEY_EAST
    model_info:
      base_model: azure/gpt-4o
  - model_name: support-smart
    litellm_params:
      model: ${o.smart2 ?? 'openai/gpt-4o-mini'}
      rpm: 600
  - model_name: private-llama
    litellm_params:
      model: openai/llama-3.3-70b-instruct
      api_base: http://vllm.internal:8000/v1
      input_cost_per_token: 0.0000004
      output_cost_per_token: 0.0000012
  - model_name: "team-b/*"
    litellm_params:
      model: "anthropic/*"
  - model_name: "openai/*"
    litellm_params:
      model: "openai/*"
  - model_name: experiment
    litellm_params:
      model: os.environ/EXPERIMENT_MODEL
${o.extra ?? ''}router_settings:
  routing_strategy: ${o.strategy ?? 'simple-shuffle'}
litellm_settings:
  fallbacks: [{ "support-smart": ["support-fast"] }]
`;

const prompt = (model: string, system = 'You answer billing questions in two sentences.') => `model: ${model}
messages:
  - role: system
    content: "${system}"
  - role: user
    content: "{{question}}"
`;

const config = (o: { model?: string; extra?: string } = {}) => `version: 1
models_from: [gateway/aliases_config.yaml]
features:
  billing-answer:
    team: support
    prompt: prompts/billing.prompt.yml
    traffic: traffic/billing.jsonl
    requests_per_month: ${RPM}
teams:
  support: { monthly_budget: 5000 }
${o.extra ?? ''}`;

const files = (model: string, p = proxy()) => ({
  '.aicost.yml': config(),
  'gateway/aliases_config.yaml': p,
  'prompts/billing.prompt.yml': prompt(model),
  'traffic/billing.jsonl': jsonl(rows),
});

async function diff(repo: string): Promise<DiffReport> {
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

describe('models_from: LiteLLM routes priced as the models they bill', () => {
  it('a PR moving the code from support-fast to support-smart: priced as the costliest deployment (Azure gpt-4o), with a notice', async () => {
    const r = await diff(prRepo(files('support-fast'), { 'prompts/billing.prompt.yml': prompt('support-smart') }));
    const f = r.features[0];
    // Base: support-fast → openai/gpt-4o-mini. Head: support-smart load-balances Azure gpt-4o
    // (base_model) and gpt-4o-mini; priced as gpt-4o, the more expensive.
    expect(f.base!.monthly).toBeCloseTo(monthly({ input: 0.15, output: 0.6 }), 9); // $24.71
    expect(f.head!.monthly).toBeCloseTo(monthly({ input: 2.5, output: 10 }), 9); // $411.88
    expect(f.delta.monthly).toBeCloseTo(411.875 - 24.7125, 9);
    expect(r.notices.join('\n')).toContain(
      'gateway/aliases_config.yaml:7: support-smart is load-balanced over 2 deployments (azure/prod-gpt4o-eastus (line 7), openai/gpt-4o-mini (line 14)); the share of calls each gets is not known, so support-smart is priced as the most expensive, azure/prod-gpt4o-eastus',
    );
    expect(r.notices.join('\n')).toContain(
      'gateway/aliases_config.yaml:32: experiment is billed as the model in environment variable EXPERIMENT_MODEL',
    );
    expect(r.notices.join('\n')).toContain('litellm_settings.fallbacks names models called when a call fails');
    expect(r.unpriced_changes).toEqual([]);
  });

  it('routing_strategy cost-based-routing: the load-balanced route is priced as its cheapest deployment', async () => {
    const p = proxy({ strategy: 'cost-based-routing' });
    const r = await diff(prRepo(files('support-fast', p), { 'prompts/billing.prompt.yml': prompt('support-smart') }));
    expect(r.features[0].head!.monthly).toBeCloseTo(monthly({ input: 0.15, output: 0.6 }), 9);
    expect(r.notices.join('\n')).toContain(
      'sends calls to the cheapest, so support-smart is priced as openai/gpt-4o-mini',
    );
  });

  it('custom per-token prices price the route (not the model everywhere), and a wildcard route maps a prefix', async () => {
    const r = await diff(
      prRepo(files('private-llama'), { 'prompts/billing.prompt.yml': prompt('team-b/claude-sonnet-4-5') }),
    );
    const f = r.features[0];
    // 0.0000004 and 0.0000012 per token = 0.40 and 1.20 per 1M.
    expect(f.base!.monthly).toBeCloseTo(monthly({ input: 0.4, output: 1.2 }), 9); // $42.32
    // team-b/claude-sonnet-4-5 is anthropic/claude-sonnet-4-5: the same figure as the id written out
    // (above 3/15 × the recorded usage, $539.25, by the OpenAI → Claude tokenizer ratio of the swap).
    const direct = await diff(
      prRepo(files('private-llama'), { 'prompts/billing.prompt.yml': prompt('anthropic/claude-sonnet-4-5') }),
    );
    expect(f.head!.monthly).toBeCloseTo(direct.features[0].head!.monthly, 9);
    expect(f.head!.monthly).toBeGreaterThan(monthly({ input: 3, output: 15 }));
  });

  it('hostile: a PR re-pointing a route in the proxy config is shown, not applied — priced with base’s route', async () => {
    const r = await diff(
      prRepo(files('support-smart'), {
        'gateway/aliases_config.yaml': proxy({ smart2: 'openai/gpt-4o', fast: 'openai/gpt-4o' }),
        'prompts/billing.prompt.yml': prompt('support-fast', 'You answer billing questions in one sentence.'),
      }),
    );
    const f = r.features[0];
    // Base: support-smart (gpt-4o, costliest). Head: support-fast, still base's gpt-4o-mini, not
    // the PR's gpt-4o: the PR cannot raise or lower its own figure through the proxy config.
    expect(f.base!.monthly).toBeCloseTo(monthly({ input: 2.5, output: 10 }), 9);
    expect(f.head!.monthly).toBeCloseTo(monthly({ input: 0.15, output: 0.6 }), 9);
    expect(r.proposed_config).toContainEqual({
      path: 'models.support-fast',
      base: 'openai/gpt-4o-mini',
      head: 'openai/gpt-4o',
      effect: 'takes effect after merge (from gateway/aliases_config.yaml:3)',
    });
  });

  it('hostile: a route only the PR adds, at $0, cannot price a feature that exists at base (pr_declared_price)', async () => {
    const free = proxy({
      extra: `  - model_name: free-tier
    litellm_params:
      model: openai/internal-distilled
      input_cost_per_token: 0
      output_cost_per_token: 0
`,
    });
    const r = await diff(
      prRepo(files('support-fast'), {
        'gateway/aliases_config.yaml': free,
        'prompts/billing.prompt.yml': prompt('free-tier'),
      }),
    );
    const f = r.features[0];
    expect(f.head!.monthly).toBe(0);
    expect(f.priced_by_pr?.[0]).toMatchObject({ side: 'head', model: 'free-tier' });
    expect(r.violations.map((v) => [v.rule, v.severity, v.feature])).toEqual([
      ['pr_declared_price', 'error', 'billing-answer'],
    ]);
    expect(r.breached).toBe(true);
  });

  it('hostile: a PR pointing models_from at its own file is a proposed change; base’s routes still price', async () => {
    const r = await diff(
      prRepo(files('support-fast'), {
        '.aicost.yml': config().replace('gateway/aliases_config.yaml', 'gateway/mine.yaml'),
        'gateway/mine.yaml':
          'model_list:\n  - model_name: support-fast\n    litellm_params:\n      model: openai/gpt-4o\n',
        'prompts/billing.prompt.yml': prompt('support-fast', 'Answer billing questions.'),
      }),
    );
    // The shorter system text saves its tokens on every call (o200k: 9 → 5).
    const saved = tok('You answer billing questions in two sentences.') - tok('Answer billing questions.');
    expect(saved).toBe(4);
    expect(r.features[0].head!.monthly).toBeCloseTo((((IN - saved) * 0.15 + OUT * 0.6) / 1e6) * RPM, 9);
    expect(r.proposed_config.map((p) => p.path)).toEqual(
      expect.arrayContaining(['models_from', 'models.support-fast']),
    );
  });

  it('a models_from file missing at head is an error at its config line', async () => {
    const repo = prRepo(files('support-fast'), {
      '.aicost.yml': config().replace('gateway/aliases_config.yaml', 'gateway/missing.yaml'),
    });
    const e = await failure(runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' }));
    expect(e.format()).toContain('.aicost.yml:2');
    expect(e.format()).toContain('models_from: gateway/missing.yaml does not exist');
  });
});

describe('readLitellmConfig', () => {
  const cost = (id: string, price?: { input: number; output: number }) =>
    price
      ? price.input + price.output
      : ({ 'openai/gpt-4o': 12.5, 'openai/gpt-4o-mini': 0.75 } as Record<string, number>)[id];

  it('maps routes, Azure deployments through base_model, router aliases; notes unused limits', () => {
    const r = readLitellmConfig(
      proxy({
        extra: `  - model_name: gpt-4o
    litellm_params:
      model: gpt-4o
      max_tokens: 800
`,
      }).replace('router_settings:\n', 'router_settings:\n  model_group_alias: { "gpt-4": "support-smart" }\n'),
      'gateway/aliases_config.yaml',
      cost,
    );
    expect({ ...r.models }).toEqual({
      'support-fast': 'openai/gpt-4o-mini',
      'support-smart': 'azure/prod-gpt4o-eastus',
      'azure/prod-gpt4o-eastus': 'openai/gpt-4o',
      'private-llama': 'openai/llama-3.3-70b-instruct',
      'team-b/*': 'anthropic/*',
      'gpt-4': 'support-smart',
    });
    expect({ ...r.pricing }).toEqual({ 'private-llama': { input: 0.4, output: 1.2 } });
    expect(r.notices.join('\n')).toContain(
      'gateway/aliases_config.yaml:36: litellm_params.max_tokens of gpt-4o is not read by aicost',
    );
    expect(r.notices.join('\n')).toContain('the wildcard route openai/* passes names through');
  });

  it('refuses a file without model_list, and an entry without litellm_params.model, at its line', () => {
    expect(() => readLitellmConfig('general_settings: {}\n', 'proxy.yaml', cost)).toThrow(
      'proxy.yaml has no model_list: list',
    );
    let message = '';
    try {
      readLitellmConfig('model_list:\n  - model_name: a\n  - model_name: b\n    litellm_params: {}\n', 'p.yaml', cost);
    } catch (e) {
      message = (e as { format(): string }).format();
    }
    expect(message).toContain('p.yaml:2');
    expect(message).toContain('model_list[0]: needs model_name and litellm_params.model');
  });
});
