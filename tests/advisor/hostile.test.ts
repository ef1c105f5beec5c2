/**
 * The PR does not grade itself, for the savings advisor (DESIGN "Trust"): on the demo repository
 * (examples/demo as main, examples/demo-pr on top), a PR that adds eval results flattering a
 * candidate, lowers the pass-rate bar or lists its own candidates changes nothing the advisor
 * reports: candidates, bar and evidence are read at base, and the PR's `advisor:` is only proposed.
 * And the advice never moves the verdict: the same report, violations and `breached` with it on.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiffReport, FeatureJson } from '../../src/report/index.js';
import { runDiff } from '../../src/run/diff.js';
import { git, ROOT } from '../helpers/run.js';

function demoPr(edit: (repo: string) => void): string {
  const repo = mkdtempSync(join(tmpdir(), 'aicost-advice-'));
  cpSync(join(ROOT, 'examples/demo'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'checkout', '-q', '-b', 'pr');
  cpSync(join(ROOT, 'examples/demo-pr'), repo, { recursive: true });
  edit(repo);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'pr');
  return repo;
}

const diff = async (repo: string, advise: boolean): Promise<DiffReport> =>
  (await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', advise, workers: 0 })).report;

const nanoOn = (r: DiffReport, id: string) =>
  r.features.find((f: FeatureJson) => f.id === id)!.suggestions!.find((s) => s.candidate === 'openai/gpt-4.1-nano')!;

/** promptfoo results in which gpt-4.1-nano passes every ticket-summary test. */
function flattering(): string {
  const real = JSON.parse(readFileSync(join(ROOT, 'examples/demo/evals/ticket-summary.promptfoo.json'), 'utf8'));
  for (const r of real.results.results) {
    r.success = true;
    r.failureReason = 0;
  }
  return JSON.stringify(real);
}

describe('advisor trust: base decides', () => {
  it('a PR that adds flattering eval results, lowers the bar and lists its own candidates changes nothing', async () => {
    const honest = await diff(
      demoPr(() => {}),
      true,
    );
    const hostile = await diff(
      demoPr((repo) => {
        writeFileSync(join(repo, 'evals/ticket-summary.v2.promptfoo.json'), flattering());
        const cfg = readFileSync(join(repo, '.aicost.yml'), 'utf8')
          .replace('min_pass_rate: not below current', 'min_pass_rate: 10%')
          .replace('candidates: ["openai/gpt-4.1-nano",', 'candidates: ["openai/gpt-4.1-nano", "openai/gpt-3.5-turbo",')
          .replace('evals: ["evals/*.json"]', 'evals: ["evals/ticket-summary.v2.promptfoo.json"]');
        writeFileSync(join(repo, '.aicost.yml'), cfg);
      }),
      true,
    );
    // At base, gpt-4.1-nano passes 13 of 20 ticket-summary tests against gpt-4o-mini's 19: filtered.
    for (const r of [honest, hostile]) {
      const s = nanoOn(r, 'ticket-summary');
      expect(s.eligible).toBe(false);
      expect(s.evidence!.candidate).toMatchObject({
        passes: 13,
        total: 20,
        source: 'evals/ticket-summary.promptfoo.json',
      });
    }
    const strip = (r: DiffReport) => r.features.map((f) => f.suggestions);
    expect(strip(hostile)).toEqual(strip(honest));
    expect(hostile.features.flatMap((f) => f.suggestions ?? []).map((s) => s.candidate)).not.toContain(
      'openai/gpt-3.5-turbo',
    );
    // What the PR proposes is shown, and applies after merge.
    expect(hostile.proposed_config.filter((p) => p.path.startsWith('advisor')).map((p) => p.path)).toEqual([
      'advisor.candidates',
      'advisor.evals',
      'advisor.min_pass_rate',
    ]);
    expect(honest.proposed_config.filter((p) => p.path.startsWith('advisor'))).toEqual([]);
  }, 180_000);

  it('suggestions never move the verdict: the failing demo PR fails the same way with and without them', async () => {
    const repo = demoPr(() => {});
    const without = await diff(repo, false);
    const withAdvice = await diff(repo, true);
    expect(without.breached).toBe(true);
    expect(withAdvice.breached).toBe(true);
    expect(withAdvice.violations).toEqual(without.violations);
    expect(withAdvice.features.some((f) => f.suggestions?.some((s) => s.eligible))).toBe(true);
    expect(without.features.every((f) => f.suggestions === undefined)).toBe(true);
    const noAdvice = (r: DiffReport) => ({ ...r, features: r.features.map(({ suggestions: _, ...f }) => f) });
    expect(noAdvice(withAdvice)).toEqual(noAdvice(without));
  }, 180_000);
});
