/**
 * `aicost suggest` on the demo repository (examples/demo as a real git repository): every figure
 * the advisor gives for routing and caching is reproduced here by independent arithmetic — tokens
 * from js-tiktoken (the reference tokenizer), literal catalog prices per 1M tokens, the volume of
 * .aicost.yml — including a candidate made ineligible by its context window and one filtered out
 * by a lower pass rate in the demo's promptfoo results file.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { parse } from 'yaml';
import type { FeatureSuggestions, Suggestion, SuggestReport } from '../../src/advisor/index.js';
import { runSuggest } from '../../src/run/suggest.js';
import { git, ROOT } from '../helpers/run.js';

const DEMO = join(ROOT, 'examples/demo');
const DAYS_PER_MONTH = 730 / 24;
const enc = new Tiktoken(o200k);

interface Line {
  ts: string;
  vars: Record<string, string>;
  usage: { input_tokens: number; output_tokens: number };
}
const lines = (file: string): Line[] =>
  readFileSync(join(DEMO, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function demoRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'aicost-suggest-'));
  cpSync(DEMO, repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

let report: SuggestReport;
const feature = (id: string): FeatureSuggestions => report.features.find((f) => f.feature === id)!;
const routing = (id: string, model: string): Suggestion =>
  feature(id).suggestions.find((s) => s.kind === 'routing' && s.candidate === model)!;
const caching = (id: string): Suggestion => feature(id).suggestions.find((s) => s.kind === 'caching')!;

beforeAll(async () => {
  ({ report } = await runSuggest({ repo: demoRepo(), rev: 'main', config: '.aicost.yml', workers: 0 }));
}, 120_000);

describe('aicost suggest on the demo', () => {
  it('lists routing and caching for every prompt feature with traffic, routing for the agent feature', () => {
    for (const id of [
      'ticket-summary',
      'reply-draft',
      'product-copy',
      'kb-answer',
      'onboarding-tips',
      'contract-review',
    ]) {
      const kinds = feature(id).suggestions.map((s) => s.kind);
      expect(kinds).toContain('routing');
      expect(kinds).toContain('caching');
    }
    // The agent feature: routing of its top agent on recorded runs (tests/advisor/agent-routing.test.ts).
    const triage = feature('support-triage');
    expect(triage.suggestions.filter((s) => s.kind === 'routing').length).toBeGreaterThan(0);
    expect(triage.notes).toEqual([
      'Agent feature: prompt caching, batch and output-cap levers are not looked at per agent yet.',
    ]);
    expect(feature('lead-scoring').notes).toEqual(['No traffic samples: routing needs recorded traffic to replay.']);
  });

  it('contract-review on gpt-4.1-nano: recorded tokens × list prices × 300 requests a day', () => {
    const samples = lines('traffic/contract-review.jsonl');
    const rpm = 300 * DAYS_PER_MONTH;
    // gpt-4.1-mini $0.40 in / $1.60 out, gpt-4.1-nano $0.10 / $0.40 per 1M; same tokenizer, so the
    // recorded input and output stand; outputs stay under max_tokens 1200.
    const base = mean(samples.map((s) => (s.usage.input_tokens * 0.4 + s.usage.output_tokens * 1.6) / 1e6)) * rpm;
    const nano = mean(samples.map((s) => (s.usage.input_tokens * 0.1 + s.usage.output_tokens * 0.4) / 1e6)) * rpm;
    const s = routing('contract-review', 'openai/gpt-4.1-nano');
    expect(s.monthly!.base).toBeCloseTo(base, 6);
    expect(s.monthly!.candidate).toBeCloseTo(nano, 6);
    expect(s.monthly!.saving).toBeCloseTo(base - nano, 6);
    expect(s.eligible).toBe(true);
    const [lo, hi] = s.monthly!.ci95!;
    expect(lo).toBeLessThan(base - nano);
    expect(hi).toBeGreaterThan(base - nano);
    expect(s.evidence!.candidate).toBeNull();
    expect(s.evidence!.command).toContain('gh models eval');
  });

  it('gpt-4o-mini is ineligible for contract-review: the samples over its 128,000-token window, counted', () => {
    const samples = lines('traffic/contract-review.jsonl');
    const over = samples.filter((s) => s.usage.input_tokens + s.usage.output_tokens > 128_000).length;
    expect(over).toBe(3);
    const s = routing('contract-review', 'openai/gpt-4o-mini');
    expect(s.eligible).toBe(false);
    expect(s.details.samples_over_window).toBe(over);
    expect(s.details.context_window).toBe(128_000);
    expect(s.ineligible_reason).toBe(
      `${over} of ${samples.length} samples exceed the 128,000-token context window of openai/gpt-4o-mini`,
    );
    // The saving is still priced, so the reader sees what the window costs them.
    const rpm = 300 * DAYS_PER_MONTH;
    const mini = mean(samples.map((s) => (s.usage.input_tokens * 0.15 + s.usage.output_tokens * 0.6) / 1e6)) * rpm;
    expect(s.monthly!.candidate).toBeCloseTo(mini, 6);
  });

  it('ticket-summary on gpt-4.1-nano is filtered out: its pass rate in the promptfoo results is below the current model’s', () => {
    const results = JSON.parse(readFileSync(join(DEMO, 'evals/ticket-summary.promptfoo.json'), 'utf8'));
    const rate = (provider: string) => {
      const rows = results.results.results.filter((r: { provider: { id: string } }) => r.provider.id === provider);
      return rows.filter((r: { success: boolean }) => r.success).length / rows.length;
    };
    expect(rate('openai:gpt-4o-mini')).toBe(19 / 20);
    expect(rate('openai:gpt-4.1-nano')).toBe(13 / 20);
    const s = routing('ticket-summary', 'openai/gpt-4.1-nano');
    expect(s.eligible).toBe(false);
    expect(s.evidence!.current).toMatchObject({ passes: 19, total: 20, source: 'evals/ticket-summary.promptfoo.json' });
    expect(s.evidence!.candidate).toMatchObject({ passes: 13, total: 20, pass_rate: 0.65 });
    expect(s.ineligible_reason).toBe(
      "pass rate 65.0% on evals/ticket-summary.promptfoo.json is below the current model's 95.0%",
    );
    // Filtered, yet priced: gpt-4o-mini $0.15/$0.60 → gpt-4.1-nano $0.10/$0.40, outputs clamped at 300.
    const samples = lines('traffic/ticket-summary.jsonl');
    const saving =
      mean(samples.map((x) => (x.usage.input_tokens * 0.05 + Math.min(x.usage.output_tokens, 300) * 0.2) / 1e6)) *
      1_200_000;
    expect(s.monthly!.saving).toBeCloseTo(saving, 6);
  });

  it('product-copy on gpt-4.1-nano stays eligible: equal pass rates in the gh models eval results', () => {
    const s = routing('product-copy', 'openai/gpt-4.1-nano');
    expect(s.eligible).toBe(true);
    expect(s.evidence!.current).toMatchObject({
      passes: 17,
      total: 20,
      source: 'evals/product-copy.gpt-4.1-mini.json',
    });
    expect(s.evidence!.candidate).toMatchObject({
      passes: 17,
      total: 20,
      source: 'evals/product-copy.gpt-4.1-nano.json',
    });
    expect(s.evidence!.command).toBeNull();
  });

  it('contract-review caching: the stable prefix by js-tiktoken, OpenAI’s 1,024 + 128-step rule, hits within 5 minutes', () => {
    const prompt = parse(readFileSync(join(DEMO, 'prompts/contract-review.prompt.yml'), 'utf8')) as {
      messages: { role: string; content: string }[];
    };
    const samples = lines('traffic/contract-review.jsonl');
    const render = (t: string, v: Record<string, string>) => t.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => v[k] ?? '');
    const tokens = samples.map((s) =>
      prompt.messages.flatMap((m) => enc.encode(`${m.role}\n${render(m.content, s.vars)}`)),
    );
    let stable = tokens[0].length;
    for (const t of tokens) {
      let i = 0;
      while (i < stable && t[i] === tokens[0][i]) i++;
      stable = i;
    }
    const system = enc.encode(`system\n${prompt.messages[0].content}`).length;
    expect(stable).toBeGreaterThan(system); // the user message's "Customer:" start is stable too
    const cacheable = 1024 + Math.floor((stable - 1024) / 128) * 128;
    const times = samples.map((s) => Date.parse(s.ts)).sort((a, b) => a - b);
    let hits = 0;
    for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] <= 5 * 60_000) hits++;
    const hitRate = hits / times.length;
    // gpt-4.1-mini: input $0.40, cached input $0.10 per 1M; no write fee.
    const saving = ((cacheable * hitRate * (0.4 - 0.1)) / 1e6) * 300 * DAYS_PER_MONTH;
    const s = caching('contract-review');
    expect(s.details).toMatchObject({
      stable_prefix_tokens: stable,
      cacheable_tokens: cacheable,
      hits,
      ttl_minutes: 5,
    });
    expect(s.monthly!.saving).toBeCloseTo(saving, 9);
    expect(s.eligible).toBe(true);
    expect(hits).toBeGreaterThan(30);
  });

  it('ticket-summary caching is listed with its figure: a stable prefix below the 1,024-token minimum saves nothing', () => {
    const prompt = parse(readFileSync(join(DEMO, 'prompts/ticket-summary.prompt.yml'), 'utf8')) as {
      messages: { role: string; content: string }[];
    };
    const system = enc.encode(`system\n${prompt.messages[0].content}`).length;
    const s = caching('ticket-summary');
    expect(s.details.stable_prefix_tokens).toBeGreaterThanOrEqual(system);
    expect(s.details.stable_prefix_tokens).toBeLessThan(1024);
    expect(s.eligible).toBe(false);
    expect(s.monthly!.saving).toBe(0);
  });

  it('kb-answer and onboarding-tips (usage-only spans of the shared OTel export): the prefix is the system message', () => {
    for (const id of ['kb-answer', 'onboarding-tips']) {
      const prompt = parse(readFileSync(join(DEMO, `prompts/${id}.prompt.yml`), 'utf8')) as {
        messages: { role: string; content: string }[];
      };
      // The spans capture no content: every request is known to start with the system message.
      expect(prompt.messages[0].content).not.toContain('{{');
      const s = caching(id);
      expect(s.details.stable_prefix_tokens).toBe(enc.encode(`system\n${prompt.messages[0].content}`).length);
      expect(s.details.stable_prefix_tokens).toBeGreaterThan(0);
      expect(s.ineligible_reason).toBe(
        `the stable prefix (${s.details.stable_prefix_tokens} tokens) is below the provider's minimum`,
      );
    }
  });

  it('product-copy (latency: async, billed at batch already) gets no batch suggestion, and says why', () => {
    const s = feature('product-copy').suggestions.find((x) => x.kind === 'batch')!;
    expect(s.eligible).toBe(false);
    expect(s.ineligible_reason).toBe('already billed at the batch tier');
  });
});
