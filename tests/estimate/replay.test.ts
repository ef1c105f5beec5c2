/**
 * Replay at one revision on real temporary git repositories: output clamp, usage-only samples,
 * recorded messages whose template messages are replaced by the revision's render, static
 * estimates, weights and derived volume. Expected figures are computed by hand from vendor prices
 * and js-tiktoken counts.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { runEstimate } from '../../src/run/estimate.js';
import { makeRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;
const chat = (msgs: { role: string; content: string }[]) =>
  msgs.reduce((a, m) => a + 3 + tok(m.role) + tok(m.content), 3);
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

// gpt-4o-mini, USD per 1M tokens (openai.com/api/pricing).
const IN = 0.15;
const CACHED = 0.075;
const OUT = 0.6;

const SYSTEM = 'You are a terse assistant for Acme. Answer in one sentence.';
const promptYml = (max: number, system = SYSTEM) => `model: openai/gpt-4o-mini
modelParameters:
  maxTokens: ${max}
messages:
  - role: system
    content: "${system}"
  - role: user
    content: "Question: {{q}}"
`;
const config = (extra = '') => `version: 1
features:
  faq:
    team: web
    prompt: prompts/faq.prompt.yml
    traffic: traffic/faq.jsonl
    requests_per_month: 100000
${extra}teams:
  web: {}
`;

describe('replay at one revision', () => {
  it('clamps recorded output at the revision max tokens and reports the share at the cap', async () => {
    const rows = [
      { id: 'a', usage: { input_tokens: 1000, output_tokens: 500 } },
      { id: 'b', usage: { input_tokens: 1000, output_tokens: 100 } },
      { id: 'c', usage: { input_tokens: 1000, output_tokens: 250 }, finish_reason: 'length' },
      { id: 'd', usage: { input_tokens: 1000, output_tokens: 50 } },
    ];
    const repo = makeRepo({
      '.aicost.yml': config(),
      'prompts/faq.prompt.yml': promptYml(200),
      'traffic/faq.jsonl': jsonl(rows),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = report.features[0];
    // Outputs 500, 100, 250, 50 clamp to 200, 100, 200, 50.
    const costs = [200, 100, 200, 50].map((o) => (1000 * IN + o * OUT) / 1e6);
    const mean = costs.reduce((a, b) => a + b) / 4;
    expect(f.per_request.mean).toBeCloseTo(mean, 12);
    expect(f.monthly).toBeCloseTo(mean * 100000, 6);
    expect(f.output_tokens.mean).toBe((200 + 100 + 200 + 50) / 4);
    expect(f.output_cap_share).toBe(0.5);
    expect(f.source).toEqual({ usage: 1, replay: 0, static: 0 });
    // Usage-only samples have nothing to render: no calibration, reconciliation from the record.
    expect(f.calibration).toBeNull();
    expect(f.reconciliation!.replayed).toBeNull();
  });

  it('prices usage-only samples with cache reads at the cached rate, weighted', async () => {
    const rows = [
      { id: 'a', usage: { input_tokens: 2048, cache_read_tokens: 1024, output_tokens: 10 }, weight: 3 },
      { id: 'b', usage: { input_tokens: 500, output_tokens: 90 }, weight: 1 },
    ];
    const repo = makeRepo({
      '.aicost.yml': config(),
      'prompts/faq.prompt.yml': promptYml(400),
      'traffic/faq.jsonl': jsonl(rows),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const a = (1024 * IN + 1024 * CACHED + 10 * OUT) / 1e6;
    const b = (500 * IN + 90 * OUT) / 1e6;
    const f = report.features[0];
    expect(f.per_request.mean).toBeCloseTo((3 * a + b) / 4, 12);
    // a ($0.0002364) carries 3/4 of the weight, so it is the weighted median; b ($0.000129) is cheaper.
    expect(a).toBeGreaterThan(b);
    expect(f.per_request.p50).toBeCloseTo(a, 12);
    expect(f.per_request.p95).toBeCloseTo(a, 12);
    expect(f.effective_samples).toBeCloseTo(16 / 10, 12);
    expect(f.insufficient_samples).toBe(true);
  });

  it('replaces the recorded system message by the revision render and keeps recorded turns', async () => {
    const history = [
      { role: 'user', content: 'Question: where is my invoice?' },
      { role: 'assistant', content: 'Under Billing, then Invoices.' },
      { role: 'user', content: 'And the PDF?' },
    ];
    const rows = [
      {
        id: 'm1',
        messages: [
          {
            role: 'system',
            content: 'an OLD system prompt that is much longer than the new one, it rambles on and on',
          },
          ...history,
        ],
        usage: { output_tokens: 20 },
      },
    ];
    const repo = makeRepo({
      '.aicost.yml': config(),
      'prompts/faq.prompt.yml': promptYml(400),
      'traffic/faq.jsonl': jsonl(rows),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    // The template's user message needs {{q}}, which the sample lacks: the recorded user turn stays.
    const expectedInput = chat([{ role: 'system', content: SYSTEM }, ...history]);
    const f = report.features[0];
    expect(f.input_tokens.mean).toBe(expectedInput);
    expect(f.per_request.mean).toBeCloseTo((expectedInput * IN + 20 * OUT) / 1e6, 12);
    expect(f.source.replay).toBe(1);
  });

  it('splices by template variables, not by words: a system prompt that mentions "q" still replaces the recorded one', async () => {
    const system = 'Read the q carefully. Every q deserves one sentence.';
    const rows = [
      {
        id: 'm1',
        messages: [
          { role: 'system', content: '[redacted]' },
          { role: 'user', content: 'Question: refund?' },
        ],
        usage: { output_tokens: 5 },
      },
    ];
    const repo = makeRepo({
      '.aicost.yml': config(),
      'prompts/faq.prompt.yml': promptYml(400, system),
      'traffic/faq.jsonl': jsonl(rows),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    expect(report.features[0].input_tokens.mean).toBe(
      chat([
        { role: 'system', content: system },
        { role: 'user', content: 'Question: refund?' },
      ]),
    );
  });

  it('renders vars into every template message and counts them exactly', async () => {
    const rows = [
      { id: 'v1', vars: { q: 'How do I export invoices to CSV?' }, usage: { output_tokens: 30 } },
      { id: 'v2', vars: { q: '请问如何更改发票上的货币？' }, usage: { output_tokens: 40 } },
    ];
    const repo = makeRepo({
      '.aicost.yml': config(),
      'prompts/faq.prompt.yml': promptYml(400),
      'traffic/faq.jsonl': jsonl(rows),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const inputs = rows.map((r) =>
      chat([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: `Question: ${r.vars.q}` },
      ]),
    );
    const f = report.features[0];
    expect(f.input_tokens.mean).toBe((inputs[0] + inputs[1]) / 2);
    expect(f.per_request.mean).toBeCloseTo(
      ((inputs[0] * IN + 30 * OUT) / 1e6 + (inputs[1] * IN + 40 * OUT) / 1e6) / 2,
      12,
    );
  });

  it('derives the monthly volume from weight over a window of at least 7 days', async () => {
    const rows = [
      { id: 'a', ts: '2026-11-01T00:00:00Z', usage: { input_tokens: 100, output_tokens: 10 }, weight: 700 },
      { id: 'b', ts: '2026-11-03T00:00:00Z', usage: { input_tokens: 100, output_tokens: 10 }, weight: 700 },
    ];
    const cfg = `version: 1
features:
  faq:
    team: web
    prompt: prompts/faq.prompt.yml
    traffic: traffic/faq.jsonl
teams:
  web: {}
`;
    const repo = makeRepo({
      '.aicost.yml': cfg,
      'prompts/faq.prompt.yml': promptYml(400),
      'traffic/faq.jsonl': jsonl(rows),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = report.features[0];
    // 1,400 calls in a 2-day span count over the 7-day minimum: 200/day × 730/24 days.
    expect(f.requests_per_month).toBeCloseTo(200 * (730 / 24), 9);
    expect(f.volume_source).toBe('traffic');
    expect(f.traffic!.window_days).toBe(7);
  });

  it('without traffic prices a static estimate at max tokens and labels it an upper bound', async () => {
    const cfg = `version: 1
features:
  faq:
    team: web
    prompt: prompts/faq.prompt.yml
    requests_per_day: 240
teams:
  web: {}
`;
    const repo = makeRepo({ '.aicost.yml': cfg, 'prompts/faq.prompt.yml': promptYml(120) });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = report.features[0];
    const input = chat([
      { role: 'system', content: SYSTEM },
      { role: 'user', content: 'Question: ' },
    ]);
    expect(f.input_tokens.mean).toBe(input);
    expect(f.upper_bound).toBe(true);
    expect(f.source.static).toBe(1);
    expect(f.monthly).toBeCloseTo(((input * IN + 120 * OUT) / 1e6) * 240 * (730 / 24), 9);
    expect(report.notices.join('\n')).toMatch(/upper bound/);
  });

  it('applies the batch tier of the feature and a negotiated discount', async () => {
    const rows = [{ id: 'a', usage: { input_tokens: 1_000_000, output_tokens: 1_000_000 } }];
    const repo = makeRepo({
      '.aicost.yml': config('    tier: batch\n').replace('teams:', 'discounts: { openai: 10% }\nteams:'),
      'prompts/faq.prompt.yml': promptYml(2_000_000),
      'traffic/faq.jsonl': jsonl(rows),
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    // (0.15 + 0.60) × 50% batch × 90% after discount.
    expect(report.features[0].per_request.mean).toBeCloseTo(0.75 * 0.5 * 0.9, 12);
  });
});
