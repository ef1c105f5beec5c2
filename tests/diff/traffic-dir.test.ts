/**
 * `traffic-dir` / `--traffic-dir`: trusted samples on disk replace a feature's samples from the
 * repository, on real git repositories, with figures computed by hand.
 *
 * The repository's samples: 40 recorded calls, input 1,000 + i tokens (mean 1,019.5), output
 * 100…300 (mean 200). traffic-dir's: 40 calls of input 3,000 and output 400. The PR swaps
 * openai/gpt-4o-mini ($0.15 in / $0.60 out per 1M) for openai/gpt-4o ($2.50 / $10), 100,000
 * requests a month:
 *   repository:  base (1,019.5 × 0.15 + 200 × 0.60) / 1e6 × 1e5 = $27.2925
 *                head (1,019.5 × 2.50 + 200 × 10)   / 1e6 × 1e5 = $454.875
 *   traffic-dir: base (3,000 × 0.15 + 400 × 0.60)   / 1e6 × 1e5 = $69
 *                head (3,000 × 2.50 + 400 × 10)     / 1e6 × 1e5 = $1,150
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { TrafficError, UsageError } from '../../src/errors.js';
import { diffMarkdown } from '../../src/render/diff-markdown.js';
import { validateReport } from '../../src/report/schema.js';
import type { DiffReport } from '../../src/report/types.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { failure, makeRepo, runCli, summaryPrompt, writeFiles, prRepo } from '../helpers/run.js';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const repoRows = Array.from({ length: 40 }, (_, i) => ({
  id: `u${i}`,
  usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 50 },
}));
const rows = (n: number, input: number, output: number, tag = 'd') =>
  Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}`, usage: { input_tokens: input, output_tokens: output } }));
const dirRows = rows(40, 3000, 400);

const prompt = summaryPrompt;

/** One feature entry of team support at 100,000 requests a month. */
const feature = (id: string, traffic: string) => `  ${id}:
    team: support
    prompt: prompts/${id}.prompt.yml
    traffic: ${traffic}
    requests_per_month: 100000
`;
const config = (features: string) => `version: 1
features:
${features}teams:
  support: { monthly_budget: 100000 }
`;

const REPO = { base: 27.2925, head: 454.875 };
const DIR = { base: 69, head: 1150 };

/** main with `base`, branch pr with `head` on top. */

/** The model-swap PR on one feature whose samples live at traffic/summary.jsonl. */
function swapRepo(traffic = 'traffic/summary.jsonl', extra: Record<string, string> = {}): string {
  return prRepo(
    {
      '.aicost.yml': config(feature('summary', traffic)),
      'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
      'traffic/summary.jsonl': jsonl(repoRows),
      ...extra,
    },
    { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') },
  );
}

/** A fresh directory (outside every repository) holding `files`. */
function samplesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aicost-samples-'));
  writeFiles(dir, files);
  return dir;
}

async function diff(repo: string, trafficDir?: string): Promise<DiffReport> {
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', trafficDir });
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

describe('diff with traffic-dir', () => {
  it('prices base and head on traffic-dir samples instead of the repository, and names them', async () => {
    const repo = swapRepo();
    const without = (await diff(repo)).features[0];
    expect(without.base!.monthly).toBeCloseTo(REPO.base, 9);
    expect(without.head!.monthly).toBeCloseTo(REPO.head, 9);

    const dir = samplesDir({ 'traffic/summary.jsonl': jsonl(dirRows) });
    const r = await diff(repo, dir);
    const f = r.features[0];
    expect(f.base!.monthly).toBeCloseTo(DIR.base, 9);
    expect(f.head!.monthly).toBeCloseTo(DIR.head, 9);
    expect(f.delta.monthly).toBeCloseTo(DIR.head - DIR.base, 9);
    expect(f.base!.samples).toBe(40);
    expect(f.base!.traffic!.paths).toEqual(['traffic-dir:traffic/summary.jsonl']);
    expect(f.head!.traffic!.paths).toEqual(['traffic-dir:traffic/summary.jsonl']);
    expect(r.notices.filter((n) => n.includes('traffic-dir'))).toEqual([]);
    // The "How this was estimated" table says where the samples came from.
    expect(diffMarkdown(r)).toContain('40 (40 effective) from `traffic-dir:traffic/summary.jsonl`');
    // The repository's sample file still belongs to the feature: no unpriced change anywhere.
    expect(r.unpriced_changes).toEqual([]);
  });

  it('matches globs inside traffic-dir, and only there', async () => {
    const repo = swapRepo('"traffic/*.jsonl"');
    // 20 calls of 3,000 / 400 and 20 of 1,000 / 200: means 2,000 in and 300 out.
    //   base (2,000 × 0.15 + 300 × 0.60) / 1e6 × 1e5 = $48; head (2,000 × 2.5 + 300 × 10) × 0.1 = $800
    const dir = samplesDir({
      'traffic/a.jsonl': jsonl(rows(20, 3000, 400, 'a')),
      'traffic/b.jsonl': jsonl(rows(20, 1000, 200, 'b')),
      'traffic/nested/c.jsonl': jsonl(rows(5, 9000, 100, 'c')),
      'other/summary.jsonl': jsonl(rows(5, 9000, 100, 'o')),
    });
    const f = (await diff(repo, dir)).features[0];
    expect(f.base!.traffic!.paths).toEqual(['traffic-dir:traffic/a.jsonl', 'traffic-dir:traffic/b.jsonl']);
    expect(f.base!.samples).toBe(40);
    expect(f.base!.monthly).toBeCloseTo(48, 9);
    expect(f.head!.monthly).toBeCloseTo(800, 9);
  });

  it('features without files in traffic-dir read the repository, listed in one notice', async () => {
    const base = {
      '.aicost.yml': config(feature('summary', 'traffic/summary.jsonl') + feature('triage', 'traffic/triage.jsonl')),
      'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
      'prompts/triage.prompt.yml': prompt('openai/gpt-4o-mini'),
      'traffic/summary.jsonl': jsonl(repoRows),
      'traffic/triage.jsonl': jsonl(repoRows),
    };
    const repo = prRepo(base, {
      '.aicost.yml': config(
        feature('summary', 'traffic/summary.jsonl') +
          feature('triage', 'traffic/triage.jsonl') +
          feature('drafts', 'traffic/drafts.jsonl'),
      ),
      // A prompt of its own: one identical to a base feature's would be that feature (a copy).
      'prompts/drafts.prompt.yml': `model: openai/gpt-4o-mini
messages:
  - role: system
    content: "You draft a short, polite reply to a customer email in the customer's own language."
  - role: user
    content: "Email from {{customer_name}}: {{email_body}}"
`,
      'traffic/drafts.jsonl': jsonl(repoRows),
    });
    const dir = samplesDir({ 'traffic/summary.jsonl': jsonl(dirRows) });
    const r = await diff(repo, dir);
    const byId = Object.fromEntries(r.features.map((f) => [f.id, f]));
    expect(byId.summary.base!.monthly).toBeCloseTo(DIR.base, 9);
    expect(byId.summary.base!.traffic!.paths).toEqual(['traffic-dir:traffic/summary.jsonl']);
    expect(byId.triage.base!.monthly).toBeCloseTo(REPO.base, 9);
    expect(byId.triage.base!.traffic!.paths).toEqual(['traffic/triage.jsonl']);
    expect(byId.drafts.head!.monthly).toBeCloseTo(REPO.base, 9);
    expect(byId.drafts.head!.traffic!.paths).toEqual(['traffic/drafts.jsonl']);
    expect(r.notices.filter((n) => n.startsWith('traffic-dir'))).toEqual([
      `traffic-dir ${dir} has no samples for features triage, drafts: their samples were read from the repository (base; drafts from head, declared in this PR).`,
    ]);
  });

  it('a feature with some of its files in traffic-dir reads only those, with a notice', async () => {
    const repo = prRepo(
      {
        '.aicost.yml': config(feature('summary', '["traffic/a.jsonl", "traffic/b.jsonl"]')),
        'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
        'traffic/a.jsonl': jsonl(repoRows),
        'traffic/b.jsonl': jsonl(repoRows),
      },
      { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') },
    );
    const dir = samplesDir({ 'traffic/a.jsonl': jsonl(dirRows) });
    const r = await diff(repo, dir);
    expect(r.features[0].base!.traffic!.paths).toEqual(['traffic-dir:traffic/a.jsonl']);
    expect(r.features[0].base!.monthly).toBeCloseTo(DIR.base, 9);
    expect(r.notices).toContain(
      `summary: traffic-dir ${dir} has no file for "traffic/b.jsonl"; the feature was priced from its other samples there (1 file).`,
    );
  });

  it('refuses a symbolic link in traffic-dir, naming it', async () => {
    const repo = swapRepo();
    const dir = samplesDir({ 'real/summary.jsonl': jsonl(dirRows) });
    mkdirSync(join(dir, 'traffic'));
    symlinkSync(join(dir, 'real/summary.jsonl'), join(dir, 'traffic/summary.jsonl'));
    const e = await failure(diff(repo, dir));
    expect(e).toBeInstanceOf(TrafficError);
    expect(e.message).toBe(
      `traffic-dir ${dir}: traffic/summary.jsonl is a symbolic link (traffic of feature "summary"); aicost does not follow links`,
    );

    // A linked directory on the way to the file, matched by a glob.
    const globRepo = swapRepo('"traffic/*.jsonl"');
    const linked = samplesDir({ 'real/summary.jsonl': jsonl(dirRows) });
    symlinkSync(join(linked, 'real'), join(linked, 'traffic'));
    const e2 = await failure(diff(globRepo, linked));
    expect(e2.message).toContain(`traffic-dir ${linked}: traffic is a symbolic link`);
  });

  it('a missing traffic-dir, or a file, is a usage error with the fix', async () => {
    const repo = swapRepo();
    const missing = join(tmpdir(), 'aicost-no-such-samples-dir');
    const e = await failure(diff(repo, missing));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.format()).toBe(
      `traffic-dir ${missing} does not exist\n  Create it in the step that exports the samples (before aicost runs), fix the path, or leave traffic-dir empty to read samples from the repository.`,
    );
    const file = join(samplesDir({ 'x.txt': 'x' }), 'x.txt');
    expect((await failure(diff(repo, file))).message).toBe(`traffic-dir ${file} is not a directory`);
  });

  it('a broken line in a traffic-dir file names the file as traffic-dir:… and its line', async () => {
    const repo = swapRepo();
    const dir = samplesDir({
      'traffic/summary.jsonl': `${JSON.stringify(dirRows[0])}\n{"usage": {"output_tokens": 5}, oops\n${JSON.stringify(dirRows[1])}\n`,
    });
    const e = await failure(diff(repo, dir));
    expect(e).toBeInstanceOf(TrafficError);
    expect(e.location).toEqual({ file: 'traffic-dir:traffic/summary.jsonl', line: 2 });
    expect(e.format()).toMatch(/^traffic-dir:traffic\/summary\.jsonl:2: 1 of 3 lines \(33\.33%\) cannot be used/);
    expect(e.format().split('traffic/summary.jsonl')).toHaveLength(2);
    expect(e.format()).toContain(`(traffic-dir: is ${dir})`);
  });

  it('refuses traffic-dir files the repository tracks at head: a PR could have written them', async () => {
    const repo = swapRepo();
    // The checkout's own traffic/ as "trusted samples" would let the PR grade itself.
    const e = await failure(diff(repo, repo));
    expect(e.message).toMatch(
      /^traffic-dir \.: traffic\/summary\.jsonl is committed in the repository at [0-9a-f]{12}, so a pull request could write it/,
    );

    // An untracked directory inside the checkout is fine, named relative to the project.
    writeFiles(repo, { 'aicost-samples/traffic/summary.jsonl': jsonl(dirRows) });
    const r = await diff(repo, join(repo, 'aicost-samples'));
    expect(r.features[0].base!.monthly).toBeCloseTo(DIR.base, 9);
    expect(r.features[0].base!.traffic!.paths).toEqual(['traffic-dir:traffic/summary.jsonl']);
  });
});

describe('estimate with traffic-dir', () => {
  it('prices the working tree on traffic-dir samples', async () => {
    const repo = makeRepo({
      '.aicost.yml': config(feature('summary', 'traffic/summary.jsonl')),
      'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
      'traffic/summary.jsonl': jsonl(repoRows),
    });
    const plain = await runEstimate({ repo, config: '.aicost.yml' });
    expect(plain.report.features[0].monthly).toBeCloseTo(REPO.base, 9);
    const dir = samplesDir({ 'traffic/summary.jsonl': jsonl(dirRows) });
    const { report } = await runEstimate({ repo, config: '.aicost.yml', trafficDir: dir });
    expect(report.features[0].monthly).toBeCloseTo(DIR.base, 9);
    expect(report.features[0].traffic!.paths).toEqual(['traffic-dir:traffic/summary.jsonl']);

    const empty = samplesDir({});
    const fallback = await runEstimate({ repo, config: '.aicost.yml', trafficDir: empty });
    expect(fallback.report.features[0].monthly).toBeCloseTo(REPO.base, 9);
    expect(fallback.report.notices).toContain(
      `traffic-dir ${empty} has no samples for feature summary: its samples were read from the repository (the working tree).`,
    );
  });
});

describe('CLI --traffic-dir', () => {
  it('diff and estimate read it relative to the current directory', () => {
    const repo = swapRepo();
    const dir = samplesDir({ 'traffic/summary.jsonl': jsonl(dirRows) });
    const d = runCli(
      ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json', '--traffic-dir', basename(dir)],
      { cwd: dirname(dir) },
    );
    expect(d.stderr).toBe('');
    expect(d.status).toBe(0);
    const r = JSON.parse(d.stdout) as DiffReport;
    expect(r.totals.monthly.base).toBeCloseTo(DIR.base, 6);
    expect(r.totals.monthly.head).toBeCloseTo(DIR.head, 6);
    expect(r.features[0].base!.traffic!.paths).toEqual(['traffic-dir:traffic/summary.jsonl']);

    const e = runCli(['estimate', '--repo', repo, '--rev', 'pr', '--format', 'json', `--traffic-dir=${dir}`]);
    expect(e.status).toBe(0);
    expect(JSON.parse(e.stdout).features[0].monthly).toBeCloseTo(DIR.head, 6);
  });

  it('exits 2 with one message when the directory does not exist', () => {
    const repo = swapRepo();
    const r = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--traffic-dir', 'no-such-samples'], {
      cwd: repo,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `aicost: traffic-dir ${join(repo, 'no-such-samples')} does not exist\n  Create it in the step that exports the samples (before aicost runs), fix the path, or leave traffic-dir empty to read samples from the repository.\n`,
    );
  });
});
