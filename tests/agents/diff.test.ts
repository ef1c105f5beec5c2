/**
 * Agent features priced at base and head on real git repositories, on the same recorded runs:
 * every figure computed by hand (js-tiktoken counts, vendor prices typed in).
 */
import { describe, expect, it } from '@jest/globals';
import type { FeatureDiff } from '../../src/diff/diff.js';
import { validateReport } from '../../src/report/schema.js';
import type { DiffReport } from '../../src/report/types.js';
import { runDiff } from '../../src/run/diff.js';
import {
  agentConfig,
  GPT_4O,
  GPT_4O_MINI,
  jsonl,
  mean,
  openaiCacheable,
  openaiCost,
  prRepo,
  systemTokens,
  tok,
  toolTokens,
} from './helpers.js';

const INSTR =
  'You are the triage agent for Acme support. Find the order, decide what the customer needs and hand refunds to the refund agent.';
const LOOKUP = {
  name: 'lookup_order',
  description: 'Look up an order by id.',
  properties: { order_id: { type: 'string', description: 'The order id' } },
};
const REFUND_TOOL = {
  name: 'issue_refund',
  description: 'Refund an order.',
  properties: {
    order_id: { type: 'string', description: 'The order' },
    kind: { type: 'string', description: 'Refund kind', enum: ['full', 'partial'] },
  },
};

function toolYaml(t: typeof LOOKUP | typeof REFUND_TOOL): string {
  const props = Object.entries(t.properties)
    .map(
      ([k, p]) =>
        `        ${k}: {type: ${p.type}, description: "${p.description}"${'enum' in p && p.enum ? `, enum: [${p.enum.join(', ')}]` : ''}}`,
    )
    .join('\n');
  return `  - name: ${t.name}\n    description: "${t.description}"\n    parameters:\n      type: object\n      properties:\n${props}\n`;
}

function triage(
  o: {
    instructions?: string;
    tools?: (typeof LOOKUP | typeof REFUND_TOOL)[];
    maxTurns?: number;
    model?: string;
    subAgents?: boolean;
  } = {},
): string {
  const tools = o.tools ?? [LOOKUP];
  return `name: triage
model: ${o.model ?? 'openai/gpt-4o-mini'}
instructions: "${o.instructions ?? INSTR}"
tools:
${tools.map(toolYaml).join('')}max_turns: ${o.maxTurns ?? 12}
${o.subAgents === false ? '' : 'sub_agents:\n  refund: agents/refund.yaml\n'}`;
}
const refund = (model = 'openai/gpt-4o', maxTurns = 3) =>
  `model: ${model}\ninstructions: You handle refunds for Acme. Check the policy first.\nmax_turns: ${maxTurns}\n`;

interface Row {
  id: string;
  trace_id: string;
  parent_id?: string;
  step: number;
  agent?: string;
  status?: string;
  weight?: number;
  usage: { input_tokens: number; output_tokens: number; cache_read_tokens?: number };
}

/** 36 runs of 1 to 12 root calls; every third run also calls the refund agent twice. */
function runs(): Row[] {
  const rows: Row[] = [];
  for (let t = 0; t < 36; t++) {
    const n = 1 + (t % 12);
    for (let k = 1; k <= n; k++) {
      rows.push({
        id: `r${t}-${k}`,
        trace_id: `r${t}`,
        ...(k > 1 ? { parent_id: `r${t}-1` } : {}),
        step: k,
        usage: { input_tokens: 800 + 150 * k + t, output_tokens: 60 + k },
      });
    }
    if (t % 3 === 0) {
      for (let k = 1; k <= 2; k++)
        rows.push({
          id: `r${t}-f${k}`,
          trace_id: `r${t}`,
          parent_id: `r${t}-1`,
          step: 100 + k,
          agent: 'refund',
          usage: { input_tokens: 400 + 20 * k, output_tokens: 80 },
        });
    }
  }
  return rows;
}

const RPM = 100000;
const baseFiles = (rows: Row[], files: Record<string, string> = {}) => ({
  '.aicost.yml': agentConfig({ rpm: RPM }),
  'agents/triage.yaml': triage(),
  'agents/refund.yaml': refund(),
  'traffic/triage.jsonl': jsonl(rows),
  ...files,
});

/** Runs grouped by trace, in file order. */
function byTrace(rows: Row[]): Row[][] {
  const m = new Map<string, Row[]>();
  for (const r of rows) m.set(r.trace_id, [...(m.get(r.trace_id) ?? []), r]);
  return [...m.values()];
}

/** Base cost of a recorded call: root on gpt-4o-mini, refund on gpt-4o. */
const baseCallCost = (r: Row) =>
  openaiCost(
    r.agent === 'refund' ? GPT_4O : GPT_4O_MINI,
    r.usage.input_tokens,
    r.usage.output_tokens,
    r.usage.cache_read_tokens ?? 0,
  );

async function diff(repo: string): Promise<{ report: DiffReport; f: FeatureDiff }> {
  const { report, features } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
  expect(validateReport(report)).toEqual({ ok: true });
  return { report, f: features.find((x) => x.id === 'triage')! };
}

describe('agent diff on recorded runs', () => {
  const rows = runs();
  const traces = byTrace(rows);
  const rootCalls = traces.map((t) => t.filter((r) => r.agent === undefined).length);
  const baseMonthly = mean(traces.map((t) => t.reduce((a, r) => a + baseCallCost(r), 0))) * RPM;

  it('+N instruction tokens cost N × calls per run × input price (runs of 1 to 12 calls, no cache)', async () => {
    const longer = `${INSTR} Always quote the order number and keep answers under five sentences.`;
    const n = tok(longer) - tok(INSTR);
    expect(n).toBeGreaterThan(10);
    const { report, f } = await diff(
      prRepo(baseFiles(rows), { 'agents/triage.yaml': triage({ instructions: longer }) }),
    );
    expect(f.status).toBe('changed');
    expect(f.base!.monthly).toBeCloseTo(baseMonthly, 9);
    expect(f.base!.samples).toBe(36);
    expect(rootCalls).toEqual(Array.from({ length: 36 }, (_, t) => 1 + (t % 12)));
    const perRun = mean(rootCalls.map((c) => (n * c * GPT_4O_MINI.input) / 1e6));
    expect(f.head!.perRequest.mean - f.base!.perRequest.mean).toBeCloseTo(perRun, 15);
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo(perRun * RPM, 9);
    // Each run moves by N × its own root calls: a 12-call run by 12 N.
    const pair = f.pairs!.find((p) => p.base.unit === 'r11')!;
    expect(pair.head.cost - pair.base.cost).toBeCloseTo((12 * n * GPT_4O_MINI.input) / 1e6, 15);
    expect(f.changes).toEqual([
      {
        kind: 'agent',
        file: 'agents/triage.yaml',
        line: 3,
        summary: `instructions +${n} tokens (${systemTokens(INSTR)} → ${systemTokens(longer)}) × 6.5 calls per run`,
        monthlyEffect: expect.any(Number),
      },
    ]);
    expect(f.changes[0].monthlyEffect).toBeCloseTo(perRun * RPM, 9);
    expect(report.features[0].delta.monthly).toBeCloseTo(perRun * RPM, 9);
    expect(f.head!.agent!.agents[0]).toMatchObject({
      name: 'triage',
      instructionsTokens: systemTokens(longer),
      callsPerRun: 6.5,
    });
  });

  it('with recorded cache reads, the instruction edit moves cached tokens by the cache rule', async () => {
    // Instructions long enough for a cacheable prefix (≥ 1,024 tokens).
    const long = Array.from(
      { length: 60 },
      (_, i) => `Rule ${i + 1}: check the order status, the refund policy and the customer tier before answering.`,
    ).join(' ');
    const longer = `${long} ${Array.from({ length: 12 }, (_, i) => `Escalation ${i + 1}: orders above ${500 + 100 * i} euros go to a human.`).join(' ')}`;
    const n = tok(longer) - tok(long);
    expect(n).toBeGreaterThan(128);
    const prefix0 = systemTokens(long) + toolTokens(LOOKUP) + 12;
    const prefix1 = prefix0 + n;
    expect(prefix0).toBeGreaterThan(1024);
    // Later calls read the instructions and the history so far from the cache; the first reads a
    // share of the prefix (a cache that held only part of it).
    const cached: Row[] = [];
    for (let t = 0; t < 30; t++) {
      for (let k = 1; k <= 1 + (t % 6); k++) {
        const input = prefix0 + 3 + 200 * k + t;
        const read = k === 1 ? (t % 2 ? 0 : 1024) : openaiCacheable(prefix0 + 200 * (k - 1));
        cached.push({
          id: `c${t}-${k}`,
          trace_id: `c${t}`,
          step: k,
          usage: { input_tokens: input, output_tokens: 50, cache_read_tokens: read },
        });
      }
    }
    const { f } = await diff(
      prRepo(baseFiles(cached, { 'agents/triage.yaml': triage({ instructions: long }) }), {
        'agents/triage.yaml': triage({ instructions: longer }),
      }),
    );
    // The rule: reads covering the whole prefix move with it; partial reads keep their share of it.
    const headCall = (r: Row) => {
      const c0 = r.usage.cache_read_tokens!;
      const moved = c0 === 0 ? 0 : c0 >= prefix0 ? c0 + n : Math.round((c0 / prefix0) * prefix1);
      return openaiCost(GPT_4O_MINI, r.usage.input_tokens + n, r.usage.output_tokens, openaiCacheable(moved));
    };
    const t2 = byTrace(cached);
    const base = mean(t2.map((t) => t.reduce((a, r) => a + baseCallCost(r), 0)));
    const head = mean(t2.map((t) => t.reduce((a, r) => a + headCall(r), 0)));
    expect(f.base!.perRequest.mean).toBeCloseTo(base, 15);
    expect(f.head!.perRequest.mean).toBeCloseTo(head, 15);
    // Not the uncached figure: some of the N tokens are read from the cache at half price.
    const uncached = mean(t2.map((t) => (t.length * n * GPT_4O_MINI.input) / 1e6));
    expect(head - base).toBeLessThan(uncached * 0.9);
    expect(f.changes[0].monthlyEffect).toBeCloseTo((head - base) * RPM, 9);
    const fmt = (x: number) => x.toLocaleString('en-US');
    expect(f.changes[0].summary).toBe(
      `instructions +${n} tokens (${fmt(systemTokens(long))} → ${fmt(systemTokens(longer))}) × 3.5 calls per run, partly cached`,
    );
  });

  it('a tool added costs its schema tokens on every call of its agent, and only of it', async () => {
    const per = toolTokens(REFUND_TOOL);
    const { f } = await diff(
      prRepo(baseFiles(rows), { 'agents/triage.yaml': triage({ tools: [LOOKUP, REFUND_TOOL] }) }),
    );
    const perRun = mean(rootCalls.map((c) => (per * c * GPT_4O_MINI.input) / 1e6));
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo(perRun * RPM, 9);
    expect(f.changes).toHaveLength(1);
    expect(f.changes[0]).toMatchObject({
      kind: 'tools',
      file: 'agents/triage.yaml',
      line: 4,
      summary: `tools added issue_refund: +${per} tokens per call × 6.5 calls per run`,
    });
    expect(f.changes[0].monthlyEffect).toBeCloseTo(perRun * RPM, 9);
    expect(f.head!.agent!.agents[0].toolTokens - f.base!.agent!.agents[0].toolTokens).toBe(per);
  });

  it("a sub-agent's model swap changes only its calls", async () => {
    const { f } = await diff(prRepo(baseFiles(rows), { 'agents/refund.yaml': refund('openai/gpt-4o-mini') }));
    const delta = mean(
      traces.map((t) =>
        t
          .filter((r) => r.agent === 'refund')
          .reduce(
            (a, r) =>
              a + openaiCost(GPT_4O_MINI, r.usage.input_tokens, 80) - openaiCost(GPT_4O, r.usage.input_tokens, 80),
            0,
          ),
      ),
    );
    expect(delta).toBeLessThan(0);
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo(delta * RPM, 9);
    // Runs without refund calls cost the same at head.
    const noRefund = f.pairs!.filter((p) => Number(p.base.unit.slice(1)) % 3 !== 0);
    expect(noRefund).toHaveLength(24);
    for (const p of noRefund) expect(p.head.cost).toBe(p.base.cost);
    expect(f.changes).toEqual([
      {
        kind: 'model',
        file: 'agents/refund.yaml',
        line: 1,
        summary: 'refund: model openai/gpt-4o → openai/gpt-4o-mini (×0.06 price)',
        monthlyEffect: expect.any(Number),
      },
    ]);
    expect(f.changes[0].monthlyEffect).toBeCloseTo(delta * RPM, 9);
    expect(f.head!.models).toEqual(['openai/gpt-4o-mini']);
    expect(f.base!.models).toEqual(['openai/gpt-4o-mini', 'openai/gpt-4o']);
  });

  it('lowering max turns drops the turns beyond it; a failed call and its retry share a turn', async () => {
    // Run e0: turn 1, turn 2 fails and is retried, turn 3.
    const extra: Row[] = [
      { id: 'e0-1', trace_id: 'e0', step: 1, usage: { input_tokens: 900, output_tokens: 40 } },
      {
        id: 'e0-2',
        trace_id: 'e0',
        parent_id: 'e0-1',
        step: 2,
        status: 'error',
        usage: { input_tokens: 1000, output_tokens: 0 },
      },
      { id: 'e0-3', trace_id: 'e0', parent_id: 'e0-1', step: 3, usage: { input_tokens: 1000, output_tokens: 45 } },
      { id: 'e0-4', trace_id: 'e0', parent_id: 'e0-1', step: 4, usage: { input_tokens: 1100, output_tokens: 50 } },
    ];
    const all = [...rows, ...extra];
    const { f } = await diff(prRepo(baseFiles(all), { 'agents/triage.yaml': triage({ maxTurns: 2 }) }));
    const t3 = byTrace(all);
    const head = t3.map((t) => {
      let turn = 0;
      let cost = 0;
      for (const r of t) {
        if (r.agent === 'refund') {
          cost += baseCallCost(r);
          continue;
        }
        const thisTurn = turn + 1;
        if (r.status !== 'error') turn++;
        if (thisTurn <= 2) cost += baseCallCost(r);
      }
      return cost;
    });
    expect(f.head!.perRequest.mean).toBeCloseTo(mean(head), 15);
    const e0 = f.pairs!.find((p) => p.base.unit === 'e0')!;
    expect(e0.head.cost).toBeCloseTo(
      openaiCost(GPT_4O_MINI, 900, 40) + openaiCost(GPT_4O_MINI, 1000, 0) + openaiCost(GPT_4O_MINI, 1000, 45),
      15,
    );
    // Runs with more than 2 root turns: 30 of the 36 runs (3 to 12 calls) plus e0.
    expect(f.head!.agent!.truncatedShare).toBeCloseTo(31 / 37, 12);
    expect(f.changes).toEqual([
      {
        kind: 'agent',
        file: 'agents/triage.yaml',
        line: 11,
        summary: 'max turns 12 → 2: truncates 83.8% of recorded runs',
        monthlyEffect: expect.any(Number),
      },
    ]);
    expect(f.changes[0].monthlyEffect).toBeCloseTo(f.head!.monthly - f.base!.monthly, 9);
  });

  it('raising max turns over runs at the old limit reports the share at the cap, a bound and a warning', async () => {
    // Base limit 4: runs of 1 to 4 root calls; a quarter of them used all 4.
    const capped: Row[] = [];
    for (let t = 0; t < 40; t++) {
      for (let k = 1; k <= 1 + (t % 4); k++)
        capped.push({
          id: `m${t}-${k}`,
          trace_id: `m${t}`,
          step: k,
          ...(k > 1 ? { parent_id: `m${t}-1` } : { weight: 1 + (t % 2) }),
          usage: { input_tokens: 1000 + 100 * k, output_tokens: 70 },
        });
    }
    const repo = prRepo(baseFiles(capped, { 'agents/triage.yaml': triage({ maxTurns: 4 }) }), {
      'agents/triage.yaml': triage({ maxTurns: 8 }),
    });
    const { f, report } = await diff(repo);
    // Weighted by the root line: runs t with t % 4 = 3 are all odd t, weight 2; total weight 60.
    const w = (t: number) => 1 + (t % 2);
    const totalW = Array.from({ length: 40 }, (_, t) => w(t)).reduce((a, b) => a + b);
    const cappedW = Array.from({ length: 40 }, (_, t) => (t % 4 === 3 ? w(t) : 0)).reduce((a, b) => a + b);
    expect(cappedW / totalW).toBeCloseTo(20 / 60, 12);
    expect(f.head!.monthly).toBeCloseTo(f.base!.monthly, 12);
    // Each capped run's last call (input 1,400, output 70) runs on for 4 more turns, its output added to the history.
    const ext = [1, 2, 3, 4].reduce((a, j) => a + openaiCost(GPT_4O_MINI, 1400 + j * 70, 70), 0);
    const cap = f.head!.agent!.turnCapIncreases;
    expect(cap).toHaveLength(1);
    expect(cap[0]).toMatchObject({ agent: 'triage', baseMaxTurns: 4, headMaxTurns: 8 });
    expect(cap[0].capShare).toBeCloseTo(1 / 3, 12);
    expect(cap[0].extraCallsPerRun).toBeCloseTo((4 * cappedW) / totalW, 12);
    expect(cap[0].upperBoundPerRequest).toBeCloseTo(f.head!.perRequest.mean + (ext * cappedW) / totalW, 15);
    expect(cap[0].upperBoundMonthly).toBeCloseTo((f.head!.perRequest.mean + (ext * cappedW) / totalW) * RPM, 9);
    const bound = cap[0].upperBoundMonthly!;
    const usd = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(f.changes).toEqual([
      {
        kind: 'agent',
        file: 'agents/triage.yaml',
        line: 11,
        summary: `max turns 4 → 8: 33.3% of recorded runs reached the old limit, so the increase may be larger; up to ${usd(bound)}/month if they run to the new limit`,
        monthlyEffect: 0,
      },
    ]);
    // The policy rule reads the same bound from the report (unbounded_increase warns unless fail_on lists it).
    const v = report.violations.filter((x) => x.rule === 'unbounded_increase');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ severity: 'warning', feature: 'triage', file: 'agents/triage.yaml', line: 11 });
    expect(v[0].message).toContain(`max turns of agent triage 4 → 8 and 33.3% of runs reached the old limit`);
    expect(v[0].message).toContain(`(${usd(bound)}/month, +${usd(bound - f.base!.monthly)}/month against base)`);
    expect(report.features[0].head!.agent!.turn_cap_increases[0].upper_bound_monthly).toBeCloseTo(bound, 9);
    expect(f.notes).toEqual([
      `unbounded_increase: max turns of agent triage raised 4 → 8 while 33.3% of recorded runs reached the old limit, so the replayed delta is a lower bound; running them on to 8 turns could cost up to ${usd(bound)}/month (${usd(bound - f.base!.monthly)} over base).`,
    ]);
  });

  it('several changes at once: staged effects, each as computed by hand, add up to the delta', async () => {
    const longer = `${INSTR} Always quote the order number.`;
    const n = tok(longer) - tok(INSTR);
    const per = toolTokens(REFUND_TOOL);
    const head = {
      'agents/triage.yaml': triage({ instructions: longer, tools: [LOOKUP, REFUND_TOOL], maxTurns: 5 }),
      'agents/refund.yaml': refund('openai/gpt-4o-mini'),
    };
    const { f } = await diff(prRepo(baseFiles(rows), head));
    expect(f.changes.map((c) => c.kind)).toEqual(['agent', 'tools', 'agent', 'model']);
    const [instr, tools, turns, model] = f.changes.map((c) => c.monthlyEffect);
    // Instructions and tools first, on every recorded root call (6.5 per run).
    expect(instr).toBeCloseTo(((n * 6.5 * GPT_4O_MINI.input) / 1e6) * RPM, 9);
    expect(tools).toBeCloseTo(((per * 6.5 * GPT_4O_MINI.input) / 1e6) * RPM, 9);
    // Then max turns 12 → 5 drops root turns 6 to 12, each with the new instructions and tool.
    const dropped = mean(
      traces.map((t) =>
        t
          .filter((r) => r.agent === undefined && r.step > 5)
          .reduce((a, r) => a + openaiCost(GPT_4O_MINI, r.usage.input_tokens + n + per, r.usage.output_tokens), 0),
      ),
    );
    expect(turns).toBeCloseTo(-dropped * RPM, 9);
    // Then the refund agent's model.
    const swap = mean(
      traces.map((t) =>
        t
          .filter((r) => r.agent === 'refund')
          .reduce(
            (a, r) =>
              a + openaiCost(GPT_4O_MINI, r.usage.input_tokens, 80) - openaiCost(GPT_4O, r.usage.input_tokens, 80),
            0,
          ),
      ),
    );
    expect(model).toBeCloseTo(swap * RPM, 9);
    expect(instr + tools + turns + model).toBeCloseTo(f.head!.monthly - f.base!.monthly, 9);
  });

  it('a root model swap also moves a sub-agent that inherits it, listed as inherited', async () => {
    const inheriting = 'instructions: You handle refunds for Acme. Check the policy first.\nmax_turns: 3\n';
    const base = baseFiles(rows, {
      'agents/triage.yaml': triage({ model: 'openai/gpt-4o' }),
      'agents/refund.yaml': inheriting,
    });
    const { f } = await diff(prRepo(base, { 'agents/triage.yaml': triage({ model: 'openai/gpt-4o-mini' }) }));
    const callDelta = (r: Row) =>
      openaiCost(GPT_4O_MINI, r.usage.input_tokens, r.usage.output_tokens) -
      openaiCost(GPT_4O, r.usage.input_tokens, r.usage.output_tokens);
    const rootDelta = mean(
      traces.map((t) => t.filter((r) => r.agent === undefined).reduce((a, r) => a + callDelta(r), 0)),
    );
    const subDelta = mean(
      traces.map((t) => t.filter((r) => r.agent === 'refund').reduce((a, r) => a + callDelta(r), 0)),
    );
    expect(f.changes.map((c) => [c.kind, c.file, c.line, c.summary])).toEqual([
      ['model', 'agents/triage.yaml', 2, 'model openai/gpt-4o → openai/gpt-4o-mini (×0.06 price)'],
      ['model', 'agents/triage.yaml', 2, 'refund: model openai/gpt-4o → openai/gpt-4o-mini (×0.06 price, inherited)'],
    ]);
    expect(f.changes[0].monthlyEffect).toBeCloseTo(rootDelta * RPM, 9);
    expect(f.changes[1].monthlyEffect).toBeCloseTo(subDelta * RPM, 9);
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo((rootDelta + subDelta) * RPM, 9);
  });

  it('a removed sub-agent drops its calls; an added one is listed with no effect; effects add up', async () => {
    const head = {
      'agents/triage.yaml': triage({ subAgents: false }).replace(
        'max_turns: 12\n',
        'max_turns: 12\nsub_agents:\n  billing: agents/billing.yaml\n',
      ),
      'agents/billing.yaml':
        'model: openai/gpt-4o\ninstructions: You answer billing questions.\nmax_turns: 2\nmax_tokens: 70\n',
    };
    const { f } = await diff(prRepo(baseFiles(rows), head));
    const dropped = mean(
      traces.map((t) => t.filter((r) => r.agent === 'refund').reduce((a, r) => a + baseCallCost(r), 0)),
    );
    expect(f.head!.monthly - f.base!.monthly).toBeCloseTo(-dropped * RPM, 9);
    // One invocation of billing as a static loop: 2 turns (its max turns) of 70 output tokens (its
    // max tokens); turn 2 carries turn 1's output. Fixed part: the system message and the reply priming.
    const fixed = systemTokens('You answer billing questions.') + 3;
    const billingRun = openaiCost(GPT_4O, fixed, 70) + openaiCost(GPT_4O, fixed + 70, 70);
    expect(f.changes.map((c) => [c.kind, c.file, c.line, c.summary])).toEqual([
      [
        'agent',
        'agents/triage.yaml',
        12,
        'sub-agent refund removed: its 0.7 call(s) per run are dropped (work it did may move to other agents, not priced)',
      ],
      [
        'agent',
        'agents/triage.yaml',
        12,
        `sub-agent billing added (openai/gpt-4o): no recorded calls yet, so it is not priced until traffic records it; one invocation of 2 turn(s) would cost $${Number(billingRun.toPrecision(2))}`,
      ],
    ]);
    expect(f.changes[0].monthlyEffect).toBeCloseTo(-dropped * RPM, 9);
    expect(f.changes[1].monthlyEffect).toBe(0);
  });
});
