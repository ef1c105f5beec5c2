/**
 * The guardrail end to end on real temporary git repositories: the PR cannot pass by editing what
 * decides its verdict (budget, prices, volume, team, the entry itself, the policy); adoption
 * applies the PR's own policy; a broken base only warns; the CLI's exit codes and --override.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { validateReport } from '../../src/report/schema.js';
import type { OverrideState } from '../../src/policy/types.js';
import type { DiffReport } from '../../src/report/types.js';
import { runCli, summaryPrompt, prRepo } from '../helpers/run.js';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

const prompt = summaryPrompt;

interface Cfg {
  rpm?: number;
  team?: string;
  budget?: number;
  policies?: string;
  pricing?: string;
  features?: string;
}
const config = (o: Cfg = {}) => `version: 1
features:
${
  o.features ??
  `  summary:
    team: ${o.team ?? 'support'}
    prompt: prompts/summary.prompt.yml
    traffic: traffic/summary.jsonl
    requests_per_month: ${o.rpm ?? 100000}
`
}teams:
  support: { monthly_budget: ${o.budget ?? 300}, owners: ["@acme/support-leads"] }
  sandbox: { owners: ["@acme/lab"] }
policies:
${o.policies ?? '  max_monthly_increase: 400\n'}${o.pricing ?? ''}`;

/** 40 usage samples: input 1,000 + i, output 100 + (i % 5) × 50: means 1,019.5 in, 200 out. */
const usage = jsonl(
  Array.from({ length: 40 }, (_, i) => ({
    id: `u${i}`,
    usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 50 },
  })),
);
// USD per 1M tokens (openai.com/api/pricing): gpt-4o-mini 0.15 / 0.60, gpt-4o 2.50 / 10.00.
const BASE_MONTHLY = ((1019.5 * 0.15 + 200 * 0.6) / 1e6) * 100000; // $27.29
const HEAD_MONTHLY = ((1019.5 * 2.5 + 200 * 10) / 1e6) * 100000; // $454.88

const baseFiles = { '.aicost.yml': config(), 'prompts/summary.prompt.yml': prompt(), 'traffic/summary.jsonl': usage };
const swapped = { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') };

async function diff(repo: string, override?: OverrideState): Promise<DiffReport> {
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', override });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

const verdict = (r: DiffReport) => r.violations.map((v) => [v.rule, v.team, v.severity]);

describe('policies on real git repositories', () => {
  // The honest PR's report, made on first use by whichever test needs it first: no test relies
  // on another having run (each passes alone, under -t, or in any order).
  let honestRun: Promise<DiffReport> | undefined;
  const honestReport = (): Promise<DiffReport> => (honestRun ??= diff(prRepo(baseFiles, swapped)));

  it('the honest model swap breaks the support budget and the PR limit', async () => {
    const honest = await honestReport();
    expect(honest.totals.monthly.base).toBeCloseTo(BASE_MONTHLY, 9);
    expect(honest.totals.monthly.head).toBeCloseTo(HEAD_MONTHLY, 9);
    expect(verdict(honest)).toEqual([
      ['budget', 'support', 'error'],
      ['max_monthly_increase', null, 'error'],
    ]);
    expect(honest.breached).toBe(true);
    const budget = honest.violations[0];
    expect([budget.file, budget.line]).toEqual(['prompts/summary.prompt.yml', 1]);
    // $454.88 (a paired interval on recorded usage) against $300.
    expect(budget.message).toMatch(
      /^(likely |may be )?over budget: support would spend \$455\/month .*against a budget of \$300 \(\+\$155 over\); largest change: summary, model openai\/gpt-4o-mini → openai\/gpt-4o \(×16\.7 price\), \+\$428\/month \(prompts\/summary\.prompt\.yml:1\); owners: @acme\/support-leads$/,
    );
    expect(honest.violations[1].message).toMatch(
      /over the monthly increase limit: this PR raises spend by \+\$428\/month \(\$27\.29 → \$455.*\) against a limit of \$400\/month for the whole PR \(\+\$27\.58 over\)/,
    );
  });

  describe('trust bypasses still fail', () => {
    let honest: DiffReport;
    beforeAll(async () => {
      honest = await honestReport();
    });
    const same = (r: DiffReport) => {
      expect(verdict(r)).toEqual(verdict(honest));
      // The bootstrap is seeded by the revisions, so only the intervals may differ.
      const point = (r: DiffReport) => r.violations.map((v) => v.message.replace(/ \(95%: [^)]*\)|; 95%: [^)]*/g, ''));
      expect(point(r)).toEqual(point(honest));
      expect(r.breached).toBe(true);
    };

    it('the PR raises its own budget and limit', async () => {
      const r = await diff(
        prRepo(baseFiles, {
          ...swapped,
          '.aicost.yml': config({ budget: 100000, policies: '  max_monthly_increase: 100000\n' }),
        }),
      );
      same(r);
      expect(r.proposed_config.map((p) => [p.path, p.head])).toEqual([
        ['policies.max_monthly_increase', 100000],
        ['teams.support.monthly_budget', 100000],
      ]);
    });

    it('the PR narrows fail_on to nothing and names itself an approver', async () => {
      same(
        await diff(
          prRepo(baseFiles, {
            ...swapped,
            '.aicost.yml': config({
              policies: '  max_monthly_increase: 400\n  fail_on: []\n  override_approvers: ["@mallory"]\n',
            }),
          }),
        ),
      );
    });

    it('the PR lowers the price of the model it switches to', async () => {
      same(
        await diff(
          prRepo(baseFiles, {
            ...swapped,
            '.aicost.yml': config({ pricing: 'pricing:\n  openai/gpt-4o: { input: 0.01, output: 0.01 }\n' }),
          }),
        ),
      );
    });

    it('the PR lowers the volume', async () => {
      same(await diff(prRepo(baseFiles, { ...swapped, '.aicost.yml': config({ rpm: 10 }) })));
    });

    it('the PR moves the feature to a team without a budget', async () => {
      same(await diff(prRepo(baseFiles, { ...swapped, '.aicost.yml': config({ team: 'sandbox' }) })));
    });

    it('the PR drops the feature entry but keeps the prompt', async () => {
      same(await diff(prRepo(baseFiles, { ...swapped, '.aicost.yml': config({ features: '  {}\n' }) })));
    });
  });

  it("adoption: no config at base, so the PR's own policy applies, with a notice", async () => {
    const noConfig = { 'prompts/summary.prompt.yml': prompt(), 'traffic/summary.jsonl': usage };
    // Head $454.88 against the PR's $300 budget: fails; the PR's limit of $400 fails too (+$454.88 from $0).
    const r = await diff(prRepo(noConfig, { ...swapped, '.aicost.yml': config() }));
    expect(r.policy_source).toBe('head (adoption)');
    expect(verdict(r)).toEqual([
      ['budget', 'support', 'error'],
      ['max_monthly_increase', null, 'error'],
    ]);
    expect(r.notices).toContain(
      "Policies come from this PR's .aicost.yml: the base has no config (this PR adopts aicost), so the PR's own budgets and rules decide this check.",
    );
    const within = await diff(
      prRepo(noConfig, {
        ...swapped,
        '.aicost.yml': config({ budget: 1000, policies: '  max_monthly_increase: 500\n' }),
      }),
    );
    expect(verdict(within)).toEqual([]);
    expect(within.breached).toBe(false);
  });

  it('a broken base config is a base_error warning, and the PR that repairs it can pass', async () => {
    const broken = { ...baseFiles, '.aicost.yml': config().replace('monthly_budget: 300', 'monthly_budget: lots') };
    const r = await diff(prRepo(broken, { '.aicost.yml': config({ budget: 1000 }) }));
    expect(verdict(r)).toEqual([['base_error', null, 'warning']]);
    expect(r.violations[0].message).toMatch(/^the base cannot be priced: .*\.aicost\.yml:\d+:\d+/);
    expect(r.breached).toBe(false);
    expect(r.notices).toContain(
      "Policies come from this PR's .aicost.yml: the base config could not be read, so the PR's own budgets and rules decide this check.",
    );
    const strict = await diff(
      prRepo(broken, { '.aicost.yml': config({ budget: 1000, policies: '  on_base_error: fail\n' }) }),
    );
    expect(verdict(strict)).toEqual([['base_error', null, 'error']]);
  });

  it('a base model missing from the catalog marks the feature unpriced: a warning the fixing PR passes with', async () => {
    const r = await diff(
      prRepo(
        { ...baseFiles, 'prompts/summary.prompt.yml': prompt('openai/gpt-nonexistent-9') },
        { 'prompts/summary.prompt.yml': prompt() },
      ),
    );
    expect(r.features[0].status).toBe('unpriced');
    expect(verdict(r)).toEqual([['base_error', 'support', 'warning']]);
    expect(r.violations[0]).toMatchObject({ feature: 'summary', file: 'prompts/summary.prompt.yml' });
    expect(r.violations[0].message).toMatch(/^the base side of summary cannot be priced: .*gpt-nonexistent-9/);
    expect(r.breached).toBe(false);
  });

  it('an override from an approver turns the failures into overridden warnings', async () => {
    const r = await diff(prRepo(baseFiles, swapped), { applied: true, by: '@acme/finops', at: '2026-11-28T09:00:00Z' });
    expect(r.violations.map((v) => [v.rule, v.severity, v.overridden])).toEqual([
      ['budget', 'warning', true],
      ['max_monthly_increase', 'warning', true],
    ]);
    expect(r.breached).toBe(false);
    expect(r.notices).toContain(
      'Override: the override was applied by @acme/finops at 2026-11-28T09:00:00Z; 2 failing violations are reported as warnings (overridden).',
    );
  });

  it('the CLI exits 1 when the check fails, 0 when it passes or with --override', () => {
    const failing = prRepo(baseFiles, swapped);
    const args = (repo: string) => ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json'];
    const fail = runCli(args(failing));
    expect(fail.status).toBe(1);
    expect((JSON.parse(fail.stdout) as DiffReport).breached).toBe(true);
    const overridden = runCli([...args(failing), '--override']);
    expect(overridden.status).toBe(0);
    const report = JSON.parse(overridden.stdout) as DiffReport;
    expect(report.violations.map((v) => [v.severity, v.overridden])).toEqual([
      ['warning', true],
      ['warning', true],
    ]);
    expect(report.notices.some((n) => n.startsWith('Override: '))).toBe(true);
    const passing = prRepo(
      { ...baseFiles, '.aicost.yml': config({ budget: 1000, policies: '  max_monthly_increase: 500\n' }) },
      swapped,
    );
    expect(runCli(args(passing)).status).toBe(0);
  });
});
