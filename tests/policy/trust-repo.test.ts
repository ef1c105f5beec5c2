/**
 * The PR does not grade itself, on the demo repository (examples/demo as the base branch,
 * examples/demo-pr on top): the four ways a hostile-PR pass found (issue 12) and their variants,
 * each a real git repository whose verdict must be the one taken from base numbers.
 *  1. A feature renamed with its prompt file moved (or copied) keeps the base feature's team,
 *     volume and traffic.
 *  2. and 3. A price or alias only the PR declares cannot price a feature that exists at base
 *     (rule pr_declared_price); the model id is shown as written.
 *  4. The project and its config are found at base: a config the PR adds in a subdirectory is a
 *     proposed change, not the project.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileOrigins } from '../../src/repo/origins.js';
import { runDiff } from '../../src/run/diff.js';
import { diffMarkdown } from '../../src/render/diff-markdown.js';
import { diffText } from '../../src/render/diff-text.js';
import { validateReport } from '../../src/report/schema.js';
import type { OverrideState } from '../../src/policy/types.js';
import type { DiffReport, FeatureJson } from '../../src/report/types.js';
import { git, makeRepo, ROOT, runCli, summaryPrompt, writeFiles } from '../helpers/run.js';

const DEMO = join(ROOT, 'examples/demo');
const DEMO_PR = join(ROOT, 'examples/demo-pr');
const TS = 'prompts/ticket-summary.prompt.yml';
const TS_V2 = 'prompts/ticket-summary-v2.prompt.yml';

/**
 * The demo repository: main from examples/demo; branch pr from `prFiles` (examples/demo-pr by
 * default) then `edit` (git commands and file writes on the checked-out pr branch).
 */
function demoRepo(
  edit: (repo: string) => void = () => {},
  options: { prFiles?: string | null; base?: (repo: string) => void } = {},
): string {
  const repo = mkdtempSync(join(tmpdir(), 'aicost-trust-'));
  cpSync(DEMO, repo, { recursive: true });
  options.base?.(repo);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'checkout', '-q', '-b', 'pr');
  const prFiles = options.prFiles === undefined ? DEMO_PR : options.prFiles;
  if (prFiles) cpSync(prFiles, repo, { recursive: true });
  edit(repo);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'pr', '--allow-empty');
  return repo;
}

async function diff(repo: string, o: { dir?: string; override?: OverrideState } = {}): Promise<DiffReport> {
  const { report } = await runDiff({
    repo: o.dir ? join(repo, o.dir) : repo,
    base: 'main',
    head: 'pr',
    config: '.aicost.yml',
    override: o.override,
  });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

/** The text report with the 100-column wraps undone, so a sentence can be matched whole. */
const flatText = (r: DiffReport) => diffText(r).replace(/\n {2,}/g, ' ');
const read = (repo: string, path: string) => readFileSync(join(repo, path), 'utf8');
const edit = (repo: string, path: string, f: (s: string) => string) =>
  writeFileSync(join(repo, path), f(read(repo, path)));
const feature = (r: DiffReport, id: string): FeatureJson => {
  const f = r.features.find((x) => x.id === id);
  if (!f) throw new Error(`no feature ${id} in ${r.features.map((x) => x.id).join(', ')}`);
  return f;
};
const errors = (r: DiffReport) => r.violations.filter((v) => v.severity === 'error').map((v) => v.rule);

/** The ticket-summary entry of the demo config, renamed (and pointed at `prompt`) with the PR's own volume and team. */
function renameEntry(
  repo: string,
  o: { id?: string; prompt?: string; rpm?: number; team?: string; keepOld?: boolean } = {},
): void {
  edit(repo, '.aicost.yml', (s) => {
    const entry = `  ${o.id ?? 'ticket-summary-v2'}:
    team: ${o.team ?? 'growth'}
    prompt: ${o.prompt ?? TS_V2}
    requests_per_month: ${o.rpm ?? 10}
`;
    const old = /  ticket-summary:\n(?: {4}.*\n)+/;
    expect(s).toMatch(old);
    return o.keepOld ? s.replace(old, (m) => `${m}\n${entry}`) : s.replace(old, entry);
  });
}

describe('the PR cannot grade itself (demo repository)', () => {
  // The honest PR's report, made on first use by whichever test needs it first: no test relies
  // on another having run (each passes alone, under -t, or in any order).
  let honestRun: Promise<DiffReport> | undefined;
  const honestReport = (): Promise<DiffReport> => (honestRun ??= diff(demoRepo()));
  const honestTicket = (honest: DiffReport) => feature(honest, 'ticket-summary');

  it('the demo PR fails: +$2,580/month (Claude counted per content kind) against the $500 limit', async () => {
    const honest = await honestReport();
    expect(honest.totals.monthly.delta).toBeGreaterThan(2579);
    expect(honest.totals.monthly.delta).toBeLessThan(2581);
    expect(errors(honest)).toEqual(['max_monthly_increase', 'max_monthly_increase_percent']);
    // The new feature's volume is the PR's own: said next to its figure.
    expect(feature(honest, 'invoice-qa').volume_declared_in_pr).toBe(true);
    expect(feature(honest, 'ticket-summary').volume_declared_in_pr).toBeUndefined();
    expect(diffMarkdown(honest)).toContain('—\u00a0→\u00a0$30.61<br><sub>volume declared in this PR</sub>');
  });

  describe('1. renames', () => {
    it('git mv of the prompt, its own requests_per_month: 10 and another team: priced as ticket-summary, the check still fails', async () => {
      const honest = await honestReport();
      const repo = demoRepo((r) => {
        git(r, 'mv', TS, TS_V2);
        renameEntry(r);
      });
      const r = await diff(repo);
      expect(r.features.map((f) => f.id)).not.toContain('ticket-summary');
      const v2 = feature(r, 'ticket-summary-v2');
      expect(v2).toMatchObject({
        renamed_from: 'ticket-summary',
        team: 'support',
        status: 'changed',
        declared_in_pr: false,
      });
      expect(v2.volume_declared_in_pr).toBeUndefined();
      expect(v2.head!.requests_per_month).toBe(1_200_000);
      expect(v2.base!.traffic!.paths).toEqual(['traffic/ticket-summary.jsonl']);
      // Base numbers: the same delta as the honest PR's ticket-summary, the same total and verdict.
      expect(v2.base!.monthly).toBeCloseTo(honestTicket(honest).base!.monthly, 6);
      expect(v2.delta.monthly).toBeCloseTo(honestTicket(honest).delta.monthly, 6);
      expect(r.totals.monthly.delta).toBeCloseTo(honest.totals.monthly.delta, 6);
      expect(errors(r)).toEqual(errors(honest));
      expect(r.breached).toBe(true);
      expect(v2.changes.map((c) => c.summary)).toContain(`prompt file ${TS} → ${TS_V2}`);
      // The PR's volume and team are proposals under the new id.
      expect(
        r.proposed_config
          .filter((p) => p.path.startsWith('features.ticket-summary'))
          .map((p) => [p.path, p.base, p.head]),
      ).toEqual([
        ['features.ticket-summary', 'declared', null],
        ['features.ticket-summary-v2.requests_per_month', 1_200_000, 10],
        ['features.ticket-summary-v2.team', 'support', 'growth'],
        ['features.ticket-summary-v2.traffic', ['traffic/ticket-summary.jsonl'], []],
      ]);
      expect(diffMarkdown(r)).toContain('_renamed from ticket-summary_');
      expect(flatText(r)).toContain(
        "ticket-summary-v2: renamed from ticket-summary: priced with the base entry's team, volume and traffic",
      );
    });

    it('a copy instead of a move (the old entry kept, the copy on gpt-4o): the copy is priced at the base volume, and fails', async () => {
      const honest = await honestReport();
      const repo = demoRepo((r) => {
        writeFiles(r, { [TS_V2]: read(r, TS), [TS]: readFileSync(join(DEMO, TS), 'utf8') });
        renameEntry(r, { keepOld: true });
      });
      const r = await diff(repo);
      const v2 = feature(r, 'ticket-summary-v2');
      expect(v2).toMatchObject({
        copied_from: 'ticket-summary',
        team: 'support',
        status: 'added',
        declared_in_pr: false,
        base: null,
      });
      expect(v2.head!.requests_per_month).toBe(1_200_000);
      expect(v2.volume_declared_in_pr).toBeUndefined();
      // The copy on gpt-4o costs what ticket-summary costs on gpt-4o in the honest PR.
      expect(v2.head!.monthly).toBeCloseTo(honestTicket(honest).head!.monthly, 6);
      expect(feature(r, 'ticket-summary').status).toBe('unchanged');
      expect(r.totals.monthly.delta).toBeGreaterThan(honest.totals.monthly.delta);
      expect(errors(r)).toEqual(['max_monthly_increase', 'max_monthly_increase_percent']);
      expect(diffMarkdown(r)).toContain('_copied from ticket-summary: priced with its team, volume and traffic_');
    });

    it('a rename with the content edited too (git still pairs the files) keeps the base feature', async () => {
      const honest = await honestReport();
      const repo = demoRepo((r) => {
        git(r, 'mv', TS, TS_V2);
        edit(r, TS_V2, (s) =>
          s.replace("Keep the customer's own product terms.", "Keep the customer's own product terms and plan name."),
        );
        renameEntry(r);
      });
      const r = await diff(repo);
      const v2 = feature(r, 'ticket-summary-v2');
      expect(v2).toMatchObject({ renamed_from: 'ticket-summary', team: 'support', status: 'changed' });
      expect(v2.head!.requests_per_month).toBe(1_200_000);
      expect(v2.delta.monthly).toBeGreaterThan(honestTicket(honest).delta.monthly);
      expect(errors(r)).toEqual(errors(honest));
    });

    it('only the entry renamed (same prompt file): the base entry prices it, nothing is counted twice', async () => {
      const honest = await honestReport();
      const repo = demoRepo((r) => renameEntry(r, { prompt: TS }));
      const r = await diff(repo);
      const v2 = feature(r, 'ticket-summary-v2');
      expect(v2).toMatchObject({ renamed_from: 'ticket-summary', team: 'support' });
      expect(r.features.map((f) => f.id)).not.toContain('ticket-summary');
      expect(r.totals.monthly.delta).toBeCloseTo(honest.totals.monthly.delta, 6);
      expect(errors(r)).toEqual(errors(honest));
    });

    it('an agent feature renamed with its definition moved keeps its runs and volume', async () => {
      const honest = await honestReport();
      const repo = demoRepo((r) => {
        git(r, 'mv', 'agents/triage.yaml', 'agents/triage-v2.yaml');
        edit(r, '.aicost.yml', (s) =>
          s.replace(
            /  support-triage:\n(?: {4}.*\n)+/,
            '  triage-v2:\n    team: growth\n    agent: agents/triage-v2.yaml\n    requests_per_month: 10\n',
          ),
        );
      });
      const r = await diff(repo);
      const f = feature(r, 'triage-v2');
      const before = feature(honest, 'support-triage');
      expect(f).toMatchObject({ renamed_from: 'support-triage', team: 'support', status: 'changed' });
      expect(f.head!.requests_per_month).toBe(150_000);
      expect(f.base!.monthly).toBeCloseTo(before.base!.monthly, 6);
      expect(f.head!.monthly).toBeCloseTo(before.head!.monthly, 6);
      expect(r.totals.monthly.delta).toBeCloseTo(honest.totals.monthly.delta, 6);
      expect(errors(r)).toEqual(errors(honest));
    });

    it('a rename whose moved prompt points at a model priced only by the PR fails pr_declared_price', async () => {
      const repo = demoRepo(
        (r) => {
          git(r, 'mv', TS, TS_V2);
          edit(r, TS_V2, (s) => s.replace('model: openai/gpt-4o-mini', 'model: acme/free-model'));
          renameEntry(r);
          edit(r, '.aicost.yml', (s) => `${s}\npricing:\n  acme/free-model: { input: 0, output: 0 }\n`);
        },
        { prFiles: null },
      );
      const r = await diff(repo);
      const v2 = feature(r, 'ticket-summary-v2');
      expect(v2).toMatchObject({ renamed_from: 'ticket-summary', team: 'support' });
      expect(v2.head!.monthly).toBe(0);
      expect(errors(r)).toContain('pr_declared_price');
      expect(r.breached).toBe(true);
    });
  });

  it('1. a copy of a base prompt as a "new" feature on a model only the PR prices: the base feature, and pr_declared_price', async () => {
    const repo = demoRepo(
      (r) => {
        writeFiles(r, {
          'prompts/private.prompt.yml': read(r, TS).replace('model: openai/gpt-4o-mini', 'model: acme/private-7b'),
        });
        edit(
          r,
          '.aicost.yml',
          (s) =>
            s.replace(
              '\nteams:',
              '\n  private-summary:\n    team: growth\n    prompt: prompts/private.prompt.yml\n    requests_per_day: 1\n\nteams:',
            ) + '\npricing:\n  acme/private-7b: { input: 0.01, output: 0.01, tokenizer: cl100k_base }\n',
        );
      },
      { prFiles: null },
    );
    const r = await diff(repo);
    const f = feature(r, 'private-summary');
    expect(f).toMatchObject({ copied_from: 'ticket-summary', team: 'support', status: 'added', declared_in_pr: false });
    expect(f.head!.requests_per_month).toBe(1_200_000);
    expect(r.violations.map((v) => [v.rule, v.severity, v.feature])).toEqual([
      ['pr_declared_price', 'error', 'private-summary'],
    ]);
  });

  describe('2. and 3. prices and aliases only the PR declares', () => {
    /** The base demo with ticket-summary's model replaced and `extra` appended to the config. */
    const pointAt = (model: string, extra: string) =>
      demoRepo(
        (r) => {
          edit(r, TS, (s) => s.replace('model: openai/gpt-4o-mini', `model: ${model}`));
          edit(r, '.aicost.yml', (s) => `${s}\n${extra}`);
        },
        { prFiles: null },
      );

    it('acme/free-model priced at $0 by the PR: the $146 feature is shown at the PR’s $0, marked, and fails pr_declared_price', async () => {
      const r = await diff(pointAt('acme/free-model', 'pricing:\n  acme/free-model: { input: 0, output: 0 }\n'));
      const f = feature(r, 'ticket-summary');
      expect(f.base!.monthly).toBeGreaterThan(145);
      expect(f.base!.monthly).toBeLessThan(147);
      expect(f.head!.monthly).toBe(0);
      expect(f.priced_by_pr).toEqual([
        {
          side: 'head',
          model: 'acme/free-model',
          file: TS,
          line: 3,
          declared: [{ key: 'pricing.acme/free-model', value: { input: 0, output: 0 } }],
        },
      ]);
      expect(r.violations.map((v) => [v.rule, v.severity, v.feature, v.file, v.line])).toEqual([
        ['pr_declared_price', 'error', 'ticket-summary', TS, 3],
      ]);
      const message = r.violations[0].message;
      expect(message).toContain(
        "priced by this PR: ticket-summary (which exists at base) calls acme/free-model, which has no price at base; $0.00/month rests on this PR's pricing.acme/free-model: input 0, output 0.",
      );
      expect(message).toContain('Add the price to .aicost.yml on the base branch first');
      expect(r.breached).toBe(true);
      expect(r.notices).toContain(
        "Figures priced by this PR (prices or aliases its .aicost.yml declares, not the base's): ticket-summary head (acme/free-model: pricing.acme/free-model).",
      );
      expect(diffMarkdown(r)).toContain('<sub>priced by this PR: `acme/free-model` (`pricing.acme/free-model`)</sub>');
      expect(flatText(r)).toContain(
        'ticket-summary: priced by this PR: acme/free-model (pricing.acme/free-model = {"input":0,"output":0})',
      );
    });

    it('azure/gpt-4o-prod aliased by the PR to gpt-4o-mini: shown as written, not "unchanged", and fails pr_declared_price', async () => {
      const r = await diff(pointAt('azure/gpt-4o-prod', 'models:\n  azure/gpt-4o-prod: openai/gpt-4o-mini\n'));
      const f = feature(r, 'ticket-summary');
      expect(f.status).toBe('changed');
      expect(f.delta.monthly).toBeCloseTo(0, 9);
      expect(f.changes.map((c) => [c.kind, c.file, c.line, c.summary, c.monthly_effect])).toEqual([
        ['model', TS, 3, 'model id openai/gpt-4o-mini → azure/gpt-4o-prod (both priced as openai/gpt-4o-mini)', 0],
      ]);
      expect(f.priced_by_pr).toEqual([
        {
          side: 'head',
          model: 'azure/gpt-4o-prod',
          file: TS,
          line: 3,
          declared: [{ key: 'models.azure/gpt-4o-prod', value: 'openai/gpt-4o-mini' }],
        },
      ]);
      expect(errors(r)).toEqual(['pr_declared_price']);
      expect(r.violations[0].message).toMatch(
        /calls azure\/gpt-4o-prod, which has no price at base; .* models\.azure\/gpt-4o-prod: openai\/gpt-4o-mini\. Add the alias to \.aicost\.yml on the base branch first/,
      );
      const md = diffMarkdown(r);
      expect(md).toContain('model id openai/gpt-4o-mini → azure/gpt-4o-prod');
      expect(md).toContain('`azure/gpt-4o-prod`');
    });

    it('an alias whose target the PR also prices names both entries', async () => {
      const r = await diff(
        pointAt(
          'azure/cheap-prod',
          'models:\n  azure/cheap-prod: acme/cheap\npricing:\n  acme/cheap: { input: 0.01, output: 0.01 }\n',
        ),
      );
      expect(feature(r, 'ticket-summary').priced_by_pr![0].declared.map((d) => d.key)).toEqual([
        'models.azure/cheap-prod',
        'pricing.acme/cheap',
      ]);
      expect(errors(r)).toEqual(['pr_declared_price']);
    });

    it('a sub-agent of an existing agent feature moved to a model only the PR prices fails too', async () => {
      const repo = demoRepo(
        (r) => {
          edit(r, 'agents/refund.yaml', (s) => s.replace(/^model: .*$/m, 'model: acme/free-model'));
          edit(r, '.aicost.yml', (s) => `${s}\npricing:\n  acme/free-model: { input: 0, output: 0 }\n`);
        },
        { prFiles: null },
      );
      const r = await diff(repo);
      const f = feature(r, 'support-triage');
      expect(f.priced_by_pr!.map((p) => [p.side, p.model, p.file])).toEqual([
        ['head', 'acme/free-model', 'agents/refund.yaml'],
      ]);
      expect(f.head!.monthly).toBeLessThan(f.base!.monthly);
      expect(r.violations.map((v) => [v.rule, v.severity, v.feature, v.file])).toEqual([
        ['pr_declared_price', 'error', 'support-triage', 'agents/refund.yaml'],
      ]);
    });

    it('the override label applies to pr_declared_price as to every rule', async () => {
      const r = await diff(pointAt('acme/free-model', 'pricing:\n  acme/free-model: { input: 0, output: 0 }\n'), {
        override: { applied: true, by: '@acme/finops' },
      });
      expect(r.violations.map((v) => [v.rule, v.severity, v.overridden])).toEqual([
        ['pr_declared_price', 'warning', true],
      ]);
      expect(r.breached).toBe(false);
    });

    it('fails even when a base fail_on leaves it out, and the PR cannot narrow fail_on itself', async () => {
      const narrowAtBase = demoRepo(
        (r) => {
          edit(r, TS, (s) => s.replace('model: openai/gpt-4o-mini', 'model: acme/free-model'));
          edit(r, '.aicost.yml', (s) => `${s}\npricing:\n  acme/free-model: { input: 0, output: 0 }\n`);
        },
        {
          prFiles: null,
          base: (r) =>
            edit(r, '.aicost.yml', (s) =>
              s.replace('  min_increase_usd: 1\n', '  min_increase_usd: 1\n  fail_on: [budget]\n'),
            ),
        },
      );
      // fail_on [budget] predates the rule; the PR's $0 price would otherwise hide what budget reads.
      const narrowed = await diff(narrowAtBase);
      expect(narrowed.violations.map((v) => [v.rule, v.severity])).toEqual([['pr_declared_price', 'error']]);
      expect(narrowed.breached).toBe(true);
      const narrowInPr = demoRepo(
        (r) => {
          edit(r, TS, (s) => s.replace('model: openai/gpt-4o-mini', 'model: acme/free-model'));
          edit(
            r,
            '.aicost.yml',
            (s) =>
              `${s.replace('  min_increase_usd: 1\n', '  min_increase_usd: 1\n  fail_on: [budget]\n')}\npricing:\n  acme/free-model: { input: 0, output: 0 }\n`,
          );
        },
        { prFiles: null },
      );
      const failed = await diff(narrowInPr);
      expect(errors(failed)).toEqual(['pr_declared_price']);
      expect(failed.proposed_config.map((p) => p.path)).toContain('policies.fail_on');
    });

    it('a feature the PR adds may be priced by the PR: marked, no violation', async () => {
      const repo = demoRepo(
        (r) => {
          writeFiles(r, { 'prompts/private.prompt.yml': summaryPrompt('acme/private-7b') });
          edit(
            r,
            '.aicost.yml',
            (s) =>
              s.replace(
                '\nteams:',
                '\n  private-summary:\n    team: support\n    prompt: prompts/private.prompt.yml\n    requests_per_day: 100\n    typical_output_tokens: 100\n\nteams:',
              ) + '\npricing:\n  acme/private-7b: { input: 0.2, output: 0.8, tokenizer: cl100k_base }\n',
          );
        },
        { prFiles: null },
      );
      const r = await diff(repo);
      const f = feature(r, 'private-summary');
      expect(f).toMatchObject({ status: 'added', declared_in_pr: true, volume_declared_in_pr: true });
      expect(f.priced_by_pr!.map((p) => [p.side, p.model])).toEqual([['head', 'acme/private-7b']]);
      expect(f.head!.monthly).toBeGreaterThan(0);
      expect(r.violations).toEqual([]);
      expect(r.breached).toBe(false);
    });
  });

  describe('4. the project is located at base', () => {
    /** A nested config the PR adds: its own feature on the same prompt and a budget nothing breaks. */
    const nested = `version: 1
features:
  summary:
    team: mine
    prompt: ticket-summary.prompt.yml
    requests_per_month: 10
teams:
  mine: { monthly_budget: 1000000 }
policies:
  max_monthly_increase: 1000000
`;

    it('--repo prompts with prompts/.aicost.yml added by the PR: the root project (base) decides, the nested config is proposed', async () => {
      const honest = await honestReport();
      const repo = demoRepo((r) => writeFiles(r, { 'prompts/.aicost.yml': nested }));
      const r = await diff(repo, { dir: 'prompts' });
      expect(r.policy_source).toBe('base');
      expect(r.features.map((f) => f.id).sort()).toEqual(honest.features.map((f) => f.id).sort());
      expect(r.totals.monthly.delta).toBeCloseTo(honest.totals.monthly.delta, 6);
      expect(errors(r)).toEqual(errors(honest));
      expect(r.breached).toBe(true);
      expect(r.proposed_config).toContainEqual({
        path: 'prompts/.aicost.yml',
        base: null,
        head: 'a new project config',
        effect:
          'proposed: not used by this check (the project is located at base, .aicost.yml); takes effect after merge',
      });
      expect(r.notices[0]).toBe(
        'This PR adds prompts/.aicost.yml (from the project root), a config nested in the project of .aicost.yml: a proposed new project that takes effect after merge. This check uses .aicost.yml, as the base revision has it.',
      );
    });

    it('a nested config that exists at base is its own project, as before', async () => {
      const repo = demoRepo(() => {}, { prFiles: null, base: (r) => writeFiles(r, { 'prompts/.aicost.yml': nested }) });
      const r = await diff(repo, { dir: 'prompts' });
      expect(r.features.map((f) => f.id)).toEqual(['summary']);
      expect(r.notices.some((n) => n.includes('proposed new project'))).toBe(false);
    });

    it('adoption still works: no config at base anywhere, so the nested head config applies with the adoption notice', async () => {
      const repo = demoRepo((r) => writeFiles(r, { 'prompts/.aicost.yml': nested }), {
        prFiles: null,
        base: (r) => rmSync(join(r, '.aicost.yml')),
      });
      const r = await diff(repo, { dir: 'prompts' });
      expect(r.policy_source).toBe('head (adoption)');
      expect(r.features.map((f) => [f.id, f.team, f.status])).toEqual([['summary', 'mine', 'added']]);
      expect(r.notices.some((n) => n.includes('this PR adopts aicost'))).toBe(true);
      expect(r.breached).toBe(false);
    });
  });

  const cli = existsSync(join(ROOT, 'dist/cli/index.js')) ? it : it.skip;
  cli('the CLI exits 1 on the rename and on the PR-declared price', () => {
    const args = (repo: string) => ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json'];
    const renamed = runCli(
      args(
        demoRepo((r) => {
          git(r, 'mv', TS, TS_V2);
          renameEntry(r);
        }),
      ),
    );
    expect(renamed.status).toBe(1);
    expect(feature(JSON.parse(renamed.stdout) as DiffReport, 'ticket-summary-v2').renamed_from).toBe('ticket-summary');
    const priced = runCli(
      args(
        demoRepo((r) => {
          edit(r, TS, (s) => s.replace('model: openai/gpt-4o', 'model: acme/free-model'));
          edit(r, '.aicost.yml', (s) => `${s}\npricing:\n  acme/free-model: { input: 0, output: 0 }\n`);
        }),
      ),
    );
    expect(priced.status).toBe(1);
    expect((JSON.parse(priced.stdout) as DiffReport).violations.map((v) => v.rule)).toContain('pr_declared_price');
  });
});

describe('fileOrigins: which base file a new artifact is', () => {
  /** 20 distinct lines; `changed` of them rewritten. */
  const text = (tag: string, changed = 0) =>
    Array.from({ length: 20 }, (_, i) =>
      i < changed
        ? `rewritten ${i}: quite other words entirely`
        : `${tag} prompt, line ${i}: summarise the ${tag} ticket`,
    ).join('\n') + '\n';

  it('a move at git’s 50%, a copy only from 75% similarity, identical content and the same path always; inside a project prefix', async () => {
    const repo = makeRepo({
      'pkg/a.yml': text('a'),
      'pkg/b.yml': text('b'),
      'pkg/c.yml': text('c'),
      'pkg/d.yml': text('d'),
    });
    git(repo, 'checkout', '-q', '-b', 'pr');
    git(repo, 'mv', 'pkg/a.yml', 'pkg/a2.yml');
    writeFiles(repo, {
      'pkg/a2.yml': text('a', 8), // moved, 60% the same
      'pkg/b-copy.yml': text('b', 2), // copied, 90% the same
      'pkg/c-copy.yml': text('c', 8), // copied, 60% the same: a new file
      'pkg/d-same.yml': text('d'), // identical content
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'pr');
    const origins = await fileOrigins({
      gitRoot: repo,
      prefix: 'pkg',
      baseRev: git(repo, 'rev-parse', 'main').trim(),
      headRev: git(repo, 'rev-parse', 'pr').trim(),
      basePaths: ['a.yml', 'b.yml', 'c.yml', 'd.yml'],
      headPaths: ['a2.yml', 'b-copy.yml', 'c-copy.yml', 'd-same.yml', 'b.yml'],
    });
    expect(Object.fromEntries(origins)).toEqual({
      'a2.yml': { basePath: 'a.yml', how: 'renamed' },
      'b-copy.yml': { basePath: 'b.yml', how: 'copied' },
      'd-same.yml': { basePath: 'd.yml', how: 'copied' },
      'b.yml': { basePath: 'b.yml', how: 'same' },
    });
  });
});
