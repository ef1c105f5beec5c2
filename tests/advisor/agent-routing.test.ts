/**
 * Model routing for an agent feature (issue 18): the recorded runs of an aicost agent YAML feature
 * in a real git repository replayed with the top agent on each candidate, sub-agents on their own
 * models. Every figure is reproduced by hand: recorded tokens × list prices per 1M (typed in from
 * openai.com/api/pricing) × requests_per_month, a run as one request; one candidate made
 * ineligible by its context window (runs counted, calls named), one filtered out by the pass rate
 * of a promptfoo results file; the counter's memo serves every same-tokenizer candidate.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureSuggestions, Suggestion } from '../../src/advisor/index.js';
import { estimateRevision, type EstimateContext } from '../../src/estimate/index.js';
import { withRevision } from '../../src/run/revision.js';
import { runSuggest, suggestWith } from '../../src/run/suggest.js';
import { TokenCounter } from '../../src/tokenize/index.js';
import { runDiff } from '../../src/run/diff.js';
import { validateReport } from '../../src/report/schema.js';
import { git, makeRepo, writeFiles } from '../helpers/run.js';
import { jsonl, mean } from '../agents/helpers.js';

/** USD per 1M tokens. */
const GPT_41 = { input: 2, output: 8 };
const GPT_41_MINI = { input: 0.4, output: 1.6 };
const GPT_41_NANO = { input: 0.1, output: 0.4 };
const GPT_4O = { input: 2.5, output: 10 };
const cost = (p: { input: number; output: number }, input: number, output: number) =>
  (input * p.input + output * p.output) / 1e6;

const RPM = 50_000;

interface Row {
  id: string;
  trace_id: string;
  parent_id?: string;
  step: number;
  agent?: string;
  messages?: { role: string; content: string }[];
  usage: { input_tokens: number; output_tokens: number };
}

/**
 * 40 runs of 1 to 4 triage calls (recorded messages: the ticket and the answers so far); every
 * fourth run hands two calls to the refund sub-agent. Run r0's two triage calls send 129,000 and
 * 131,000 tokens: over gpt-4o-mini's 128,000-token window, well within gpt-4.1's 1,047,576.
 */
function runs(): Row[] {
  const rows: Row[] = [];
  for (let t = 0; t < 40; t++) {
    const n = t === 0 ? 2 : 1 + (t % 4);
    const ticket = `Ticket ${t}: order A-${1000 + t} arrived damaged, the customer asks what to do next (${'detail '.repeat(t % 7)}).`;
    for (let k = 1; k <= n; k++) {
      const input = t === 0 ? 127_000 + 2_000 * k : 2_000 + 300 * k + t;
      rows.push({
        id: `r${t}-${k}`,
        trace_id: `r${t}`,
        ...(k > 1 ? { parent_id: `r${t}-1` } : {}),
        step: k,
        messages: [
          { role: 'user', content: ticket },
          ...Array.from({ length: k - 1 }, (_, j) => ({ role: 'assistant', content: `Step ${j + 1} for run ${t}.` })),
        ],
        usage: { input_tokens: input, output_tokens: 100 + 10 * k + (t % 5) },
      });
    }
    if (t % 4 === 0)
      for (let k = 1; k <= 2; k++)
        rows.push({
          id: `r${t}-f${k}`,
          trace_id: `r${t}`,
          parent_id: `r${t}-1`,
          step: 100 + k,
          agent: 'refund',
          usage: { input_tokens: 500 + 20 * k, output_tokens: 80 },
        });
  }
  return rows;
}

const TRIAGE = `name: triage
model: openai/gpt-4.1
instructions: "You are the triage agent for Acme support. Find the order and hand refunds to the refund agent."
max_turns: 8
sub_agents:
  refund: agents/refund.yaml
`;
const REFUND =
  'model: openai/gpt-4o\ninstructions: You handle refunds for Acme. Check the policy first.\nmax_turns: 3\n';

/** promptfoo `--output results.json` rows for the agent definition: 20 tests per provider. */
function promptfoo(passes: Record<string, number>): string {
  const results = Object.entries(passes).flatMap(([provider, n]) =>
    Array.from({ length: 20 }, (_, i) => ({
      provider: { id: provider, label: '' },
      prompt: { raw: 'triage', label: 'agents/triage.yaml: triage' },
      vars: { ticket: `ticket ${i}` },
      success: i < n,
      failureReason: i < n ? 0 : 1,
      score: i < n ? 1 : 0,
    })),
  );
  return JSON.stringify({ evalId: 'eval-1', results: { version: 3, results }, config: {}, shareableUrl: null });
}

/** The rows with the input of odd runs' triage calls left out (counted from their messages: a band at an estimate). */
const uncounted = (rows: Row[]): object[] =>
  rows.map((r) =>
    Number(r.trace_id.slice(1)) % 2 === 1 && !r.agent ? { ...r, usage: { output_tokens: r.usage.output_tokens } } : r,
  );

function repo(candidates: string[], rows: object[] = runs()): string {
  return makeRepo({
    '.aicost.yml': `version: 1
features:
  triage:
    team: support
    agent: agents/triage.yaml
    traffic: traffic/triage.jsonl
    requests_per_month: ${RPM}
teams:
  support: { monthly_budget: 100000 }
advisor:
  candidates: [${candidates.map((c) => JSON.stringify(c)).join(', ')}]
  evals: [evals/triage.json]
`,
    'agents/triage.yaml': TRIAGE,
    'agents/refund.yaml': REFUND,
    'traffic/triage.jsonl': jsonl(rows),
    'evals/triage.json': promptfoo({ 'openai:gpt-4.1': 18, 'openai:gpt-4.1-mini': 18, 'openai:gpt-4.1-nano': 12 }),
  });
}

const readConfig = (dir: string): string => readFileSync(join(dir, '.aicost.yml'), 'utf8');

const byTrace = (rows: Row[]): Row[][] => {
  const m = new Map<string, Row[]>();
  for (const r of rows) m.set(r.trace_id, [...(m.get(r.trace_id) ?? []), r]);
  return [...m.values()];
};

/** Monthly cost with triage's calls on `root` and refund's on gpt-4o. */
const monthly = (root: { input: number; output: number }) =>
  mean(
    byTrace(runs()).map((t) =>
      t.reduce(
        (a, r) => a + cost(r.agent === 'refund' ? GPT_4O : root, r.usage.input_tokens, r.usage.output_tokens),
        0,
      ),
    ),
  ) * RPM;

const routing = (f: FeatureSuggestions, model: string): Suggestion =>
  f.suggestions.find((s) => s.kind === 'routing' && s.candidate === model)!;

describe('routing an agent feature', () => {
  it('replays the runs with triage on each candidate; refund keeps gpt-4o; window and pass rate filter', async () => {
    const { report } = await runSuggest({
      repo: repo(['openai/gpt-4.1-mini', 'openai/gpt-4.1-nano', 'openai/gpt-4o-mini']),
      rev: 'main',
      config: '.aicost.yml',
      workers: 0,
    });
    const f = report.features.find((x) => x.feature === 'triage')!;
    expect(f.model).toBe('openai/gpt-4.1');
    expect(f.notes).not.toContain('Agent feature: routing per agent is not replayed yet.');
    const base = monthly(GPT_41);
    expect(f.monthly).toBeCloseTo(base, 6);

    // gpt-4.1-mini: the same tokenizer, so recorded tokens stand; only triage's calls change price.
    const mini = routing(f, 'openai/gpt-4.1-mini');
    expect(mini.monthly!.base).toBeCloseTo(base, 6);
    expect(mini.monthly!.candidate).toBeCloseTo(monthly(GPT_41_MINI), 6);
    expect(mini.monthly!.saving).toBeCloseTo(base - monthly(GPT_41_MINI), 6);
    expect(mini.eligible).toBe(true);
    const [lo, hi] = mini.monthly!.ci95!;
    expect(lo).toBeLessThan(mini.monthly!.saving);
    expect(hi).toBeGreaterThan(mini.monthly!.saving);
    expect(mini.monthly!.band).toBeNull();
    expect(mini.evidence!.candidate).toMatchObject({ passes: 18, total: 20, source: 'evals/triage.json' });
    expect(mini.evidence!.current).toMatchObject({ passes: 18, total: 20 });
    // 40 runs; triage calls per run: r0 2, then 1 + (t mod 4) → (2 + Σ_{t=1..39} (1 + t mod 4)) / 40.
    let calls = 2;
    for (let t = 1; t < 40; t++) calls += 1 + (t % 4);
    expect(calls).toBe(101);
    expect(mini.details).toMatchObject({ runs: 40, agent: 'triage', moved_calls_per_run: 2.53 });
    expect(mini.caveats).toContain(
      'Agent feature: only the calls of triage (2.53 per run) move to openai/gpt-4.1-mini; sub-agents keep their models: refund (openai/gpt-4o).',
    );

    // gpt-4.1-nano saves more but its pass rate (12/20) is below the current model's (18/20).
    const nano = routing(f, 'openai/gpt-4.1-nano');
    expect(nano.monthly!.saving).toBeCloseTo(base - monthly(GPT_41_NANO), 6);
    expect(nano.eligible).toBe(false);
    expect(nano.ineligible_reason).toBe("pass rate 60.0% on evals/triage.json is below the current model's 90.0%");

    // gpt-4o-mini: r0's two triage calls (129,110+ and 131,120+ tokens) overflow its 128,000 window.
    const small = routing(f, 'openai/gpt-4o-mini');
    expect(small.eligible).toBe(false);
    expect(small.ineligible_reason).toBe(
      '1 of 40 runs have calls over the 128,000-token context window of openai/gpt-4o-mini (2 calls)',
    );
    expect(small.details).toMatchObject({ runs_over_window: 1, calls_over_window: 2, context_window: 128000 });
    expect(small.evidence!.candidate).toBeNull();
    expect(small.evidence!.command).toContain('agents/triage.yaml');

    // Eligible first: only mini is.
    expect(f.suggestions.filter((s) => s.eligible).map((s) => s.candidate)).toEqual(['openai/gpt-4.1-mini']);
  }, 120_000);

  it('candidates of the feature’s tokenizer count nothing again; another family counts and gets a ratio and band', async () => {
    const stats = async (candidates: string[], rows?: object[]) =>
      withRevision({ repo: repo(candidates, rows), rev: 'main', config: '.aicost.yml' }, async (o) => {
        const counter = new TokenCounter();
        try {
          const ctx: EstimateContext = { catalog: o.catalog, counter };
          const estimate = estimateRevision(o.snapshot, ctx);
          const before = counter.stats();
          const features = await suggestWith(o.snapshot, estimate, ctx, o.reader, { seed: 's', workers: 0 });
          const after = counter.stats();
          return { features, misses: after.misses - before.misses, hits: after.hits - before.hits };
        } finally {
          await counter.close();
        }
      });
    const same = await stats(['openai/gpt-4.1-mini', 'openai/gpt-4.1-nano', 'openai/gpt-4o-mini']);
    // o200k_base for all three: every text was counted by the estimate.
    expect(same.misses).toBe(0);
    expect(same.hits).toBeGreaterThan(0);

    // Claude is counted as an o200k_base estimate: the same memo, scaled; a tokenizer ratio, and a
    // band where the input is counted rather than recorded.
    const claude = await stats(['anthropic/claude-haiku-4-5'], uncounted(runs()));
    expect(claude.misses).toBe(0);
    const haiku = routing(claude.features[0], 'anthropic/claude-haiku-4-5');
    expect(haiku.monthly!.band).not.toBeNull();
    const [bLo, bHi] = haiku.monthly!.band!;
    expect(bLo).toBeLessThanOrEqual(haiku.monthly!.saving);
    expect(bHi).toBeGreaterThanOrEqual(haiku.monthly!.saving);
    expect(
      haiku.caveats.some((c) => c.startsWith('Output tokens of triage are the recorded ones × the tokenizer ratio')),
    ).toBe(true);

    // Gemini 2.5 has its own exact encoding (gemma3): its texts are counted, once each.
    const gemini = await stats(['google/gemini-2.5-flash']);
    expect(gemini.misses).toBeGreaterThan(0);
    const distinct = new Set(runs().flatMap((r) => (r.messages ?? []).map((m) => m.content))).size;
    expect(gemini.misses).toBeLessThanOrEqual(distinct + 10);
  }, 120_000);

  it('in a PR the base decides: a head that moves triage to nano and lists its own candidates changes no advice', async () => {
    const candidates = ['openai/gpt-4.1-mini', 'openai/gpt-4.1-nano', 'openai/gpt-4o-mini'];
    const advice = async (hostile: boolean) => {
      const r = repo(candidates);
      git(r, 'checkout', '-q', '-b', 'pr');
      writeFiles(r, {
        'agents/triage.yaml': TRIAGE.replace('model: openai/gpt-4.1', 'model: openai/gpt-4.1-nano'),
        ...(hostile
          ? {
              '.aicost.yml': readConfig(r).replace('candidates: [', 'candidates: ["openai/gpt-3.5-turbo", '),
              'evals/triage.json': promptfoo({ 'openai:gpt-4.1': 18, 'openai:gpt-4.1-nano': 20 }),
            }
          : {}),
      });
      git(r, 'add', '-A');
      git(r, 'commit', '-q', '-m', 'pr');
      const { report } = await runDiff({
        repo: r,
        base: 'main',
        head: 'pr',
        config: '.aicost.yml',
        advise: true,
        workers: 0,
      });
      expect(validateReport(report)).toEqual({ ok: true });
      const f = report.features.find((x) => x.id === 'triage')!;
      expect(f.status).toBe('changed');
      return f.suggestions!.map((x) => ({
        candidate: x.candidate,
        saving: x.monthly?.saving,
        eligible: x.eligible,
        reason: x.ineligible_reason,
      }));
    };
    const honest = await advice(false);
    expect(await advice(true)).toEqual(honest);
    // The base's figures: triage on gpt-4.1 → mini, the same as suggest at main.
    const mini = honest.find((x) => x.candidate === 'openai/gpt-4.1-mini')!;
    expect(mini.saving).toBeCloseTo(monthly(GPT_41) - monthly(GPT_41_MINI), 6);
    expect(honest.find((x) => x.candidate === 'openai/gpt-4.1-nano')!.eligible).toBe(false);
    expect(honest.map((x) => x.candidate)).not.toContain('openai/gpt-3.5-turbo');
  }, 120_000);
});
