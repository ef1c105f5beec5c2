/**
 * The demo estimate, reproduced independently: tokens with js-tiktoken (the reference tokenizer),
 * prices typed from the vendors' price pages, templates rendered by plain substitution. None of
 * aicost's own catalog, tokenizer or renderer code is used here.
 */
import { describe, expect, it, beforeAll } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/run.js';

const DEMO = join(ROOT, 'examples/demo');
const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;
/** OpenAI's chat rule: 3 per message, the role's tokens, the content's, 3 to prime the reply. */
const chat = (msgs: { role: string; content: string }[]) =>
  msgs.reduce((a, m) => a + 3 + tok(m.role) + tok(m.content), 3);
const render = (t: string, vars: Record<string, unknown>) =>
  t.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, k: string) => String(vars[k] ?? ''));
const lines = (f: string) =>
  readFileSync(join(DEMO, 'traffic', f), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const prompt = (f: string) => parse(readFileSync(join(DEMO, 'prompts', f), 'utf8'));

// USD per 1M tokens, from openai.com/api/pricing and anthropic.com/pricing.
const GPT_4O_MINI = { input: 0.15, output: 0.6 };
const GPT_4O_MINI_CACHED = 0.075;
const GPT_4O = { input: 2.5, cached: 1.25, output: 10 };
const GPT_41_MINI = { input: 0.4, output: 1.6 };
const SONNET_45 = { input: 3.0, cacheWrite5m: 3.75, cacheRead: 0.3, output: 15.0 };
const BATCH = 0.5;
const MONTH_DAYS = 730 / 24;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface FeatureJson {
  id: string;
  monthly: number;
  requests_per_month: number;
  per_request: { mean: number; p50: number; p95: number };
  samples: number;
  source: { usage: number; replay: number; static: number };
  exact: boolean;
  tokenizer: string;
  upper_bound: boolean;
  output_cap_share: number | null;
  calibration: { ratio: number; samples: number } | null;
  reconciliation: { recorded: number; reported: number | null } | null;
}

let report: {
  features: FeatureJson[];
  totals: { monthly: number };
  catalog: { version: string };
  teams: { team: string; monthly: number; status: string }[];
};
const feature = (id: string) => report.features.find((f) => f.id === id)!;

beforeAll(() => {
  const r = runCli(['estimate', '--repo', 'examples/demo', '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  report = JSON.parse(r.stdout);
});

describe('estimate --repo examples/demo --format json', () => {
  it('ticket-summary: recorded usage, output clamped at maxTokens 300, 1.2M requests/month', () => {
    const samples = lines('ticket-summary.jsonl');
    const costs = samples.map(
      (s) =>
        (s.usage.input_tokens * GPT_4O_MINI.input + Math.min(s.usage.output_tokens, 300) * GPT_4O_MINI.output) / 1e6,
    );
    const expected = mean(costs) * 1_200_000;
    expect(feature('ticket-summary').monthly).toBeCloseTo(expected, 2);
    expect(feature('ticket-summary').per_request.mean).toBeCloseTo(mean(costs), 9);
    expect(feature('ticket-summary').source.usage).toBe(1);
    // Recorded counts are exact o200k counts with chat overhead, so calibration is 1.
    const p = prompt('ticket-summary.prompt.yml');
    const counted = samples.map((s) =>
      chat(
        p.messages.map((m: { role: string; content: string }) => ({
          role: m.role,
          content: render(m.content, s.vars),
        })),
      ),
    );
    const recorded = samples.map((s) => s.usage.input_tokens);
    expect(feature('ticket-summary').calibration!.ratio).toBeCloseTo(
      recorded.reduce((a, b) => a + b) / counted.reduce((a, b) => a + b),
      6,
    );
    const atCap = samples.filter((s) => s.finish_reason === 'length' || s.usage.output_tokens >= 300).length;
    expect(feature('ticket-summary').output_cap_share).toBeCloseTo(atCap / samples.length, 9);
    expect(feature('ticket-summary').reconciliation!.reported).toBeCloseTo(mean(samples.map((s) => s.cost_usd)), 9);
  });

  it('reply-draft: Anthropic cache reads and 5-minute writes as recorded, volume derived from a 14-day window', () => {
    const samples = lines('reply-draft.jsonl');
    const costs = samples.map((s) => {
      const u = s.usage;
      const plain = u.input_tokens - u.cache_read_tokens - u.cache_write_tokens;
      return (
        (plain * SONNET_45.input +
          u.cache_read_tokens * SONNET_45.cacheRead +
          u.cache_write_tokens * SONNET_45.cacheWrite5m +
          u.output_tokens * SONNET_45.output) /
        1e6
      );
    });
    const ts = samples.map((s) => Date.parse(s.ts));
    const windowDays = Math.max(7, (Math.max(...ts) - Math.min(...ts)) / 86_400_000);
    const totalWeight = samples.reduce((a, s) => a + s.weight, 0);
    const rpm = (totalWeight / windowDays) * MONTH_DAYS;
    expect(feature('reply-draft').requests_per_month).toBeCloseTo(rpm, 6);
    expect(feature('reply-draft').monthly).toBeCloseTo(mean(costs) * rpm, 2);
    expect(feature('reply-draft').exact).toBe(false);
  });

  it('product-copy: input counted by replay (vars + json schema), batch tier halves the price', () => {
    const samples = lines('product-copy.jsonl');
    const p = prompt('product-copy.prompt.yml');
    const schemaTokens = tok(JSON.stringify(p.jsonSchema));
    const costs = samples.map((s) => {
      const input =
        chat(
          p.messages.map((m: { role: string; content: string }) => ({
            role: m.role,
            content: render(m.content, s.vars),
          })),
        ) + schemaTokens;
      return ((input * GPT_41_MINI.input + s.usage.output_tokens * GPT_41_MINI.output) / 1e6) * BATCH;
    });
    const rpm = 4000 * MONTH_DAYS;
    expect(feature('product-copy').requests_per_month).toBeCloseTo(rpm, 6);
    expect(feature('product-copy').monthly).toBeCloseTo(mean(costs) * rpm, 2);
    expect(feature('product-copy').source.replay).toBe(1);
    expect(feature('product-copy').exact).toBe(true);
  });

  it('lead-scoring: static estimate over testData with typical_output_tokens 40', () => {
    const p = prompt('lead-scoring.prompt.yml');
    const costs = p.testData.map((row: Record<string, unknown>) => {
      const input = chat(
        p.messages.map((m: { role: string; content: string }) => ({ role: m.role, content: render(m.content, row) })),
      );
      return (input * GPT_4O_MINI.input + 40 * GPT_4O_MINI.output) / 1e6;
    });
    expect(feature('lead-scoring').samples).toBe(3);
    expect(feature('lead-scoring').source.static).toBe(1);
    expect(feature('lead-scoring').upper_bound).toBe(false);
    expect(feature('lead-scoring').monthly).toBeCloseTo(mean(costs) * 5000 * MONTH_DAYS, 2);
  });

  it("support-triage: one agent run (trace) is one request; each call priced with its agent's model, cache reads at the cached rate", () => {
    const calls = lines('triage.jsonl');
    const runs = new Map<string, number>();
    for (const c of calls) {
      // Lines without `agent` are the root (triage, gpt-4o-mini); `refund` runs on gpt-4o.
      const p = c.agent === 'refund' ? GPT_4O : { ...GPT_4O_MINI, cached: GPT_4O_MINI_CACHED };
      const cached = c.usage.cache_read_tokens ?? 0;
      const cost =
        ((c.usage.input_tokens - cached) * p.input + cached * p.cached + c.usage.output_tokens * p.output) / 1e6;
      runs.set(c.trace_id, (runs.get(c.trace_id) ?? 0) + cost);
    }
    const f = feature('support-triage');
    expect(runs.size).toBe(150);
    expect(f.samples).toBe(150);
    expect(f.source.usage).toBe(1);
    expect(f.per_request.mean).toBeCloseTo(mean([...runs.values()]), 12);
    expect(f.monthly).toBeCloseTo(mean([...runs.values()]) * 150_000, 4);
    expect((f as unknown as { models: string[] }).models).toEqual(['openai/gpt-4o-mini', 'openai/gpt-4o']);
  });

  it('totals and teams add up to the features, and the catalog version is the pinned one', () => {
    const sum = report.features.reduce((a, f) => a + f.monthly, 0);
    expect(report.totals.monthly).toBeCloseTo(sum, 6);
    const support = report.teams.find((t) => t.team === 'support')!;
    expect(support.monthly).toBeCloseTo(
      feature('ticket-summary').monthly +
        feature('reply-draft').monthly +
        feature('support-triage').monthly +
        feature('kb-answer').monthly,
      6,
    );
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/@pydantic/genai-prices/package.json'), 'utf8'));
    expect(report.catalog.version).toBe(pkg.version);
  });
});
