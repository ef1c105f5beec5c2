/**
 * The committed CLI bundle as a process: exit codes, one clear message for bad input (never a
 * stack trace), reading a revision from git objects, and the bundles on Node 20 (tools/node20).
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, assertFreshDist, git, makeRepo, runCli, writeFiles } from '../helpers/run.js';

const PROMPT = `model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 100
messages:
  - role: system
    content: You answer questions about invoices.
  - role: user
    content: "{{q}}"
`;
const CONFIG = `version: 1
features:
  faq:
    team: web
    prompt: prompts/faq.prompt.yml
    traffic: traffic/faq.jsonl
    requests_per_month: 1000
teams:
  web: {}
`;
const line = (i: number) => JSON.stringify({ id: `s${i}`, usage: { input_tokens: 100 + (i % 7), output_tokens: 20 } });
const traffic = (n: number, bad: number[] = []) =>
  Array.from({ length: n }, (_, i) => (bad.includes(i) ? '{"usage": {"input_tokens": 5}}' : line(i))).join('\n') + '\n';

function repoWith(files: Record<string, string>): string {
  return makeRepo({
    '.aicost.yml': CONFIG,
    'prompts/faq.prompt.yml': PROMPT,
    'traffic/faq.jsonl': traffic(40),
    ...files,
  });
}

function expectCleanError(r: { status: number; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('aicost CLI', () => {
  it('prices a valid repository with exit code 0 in every format', () => {
    const repo = repoWith({});
    const json = runCli(['estimate', '--repo', repo, '--format', 'json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    // Mean input 100 + mean of (i % 7) over i < 40 (= 111/40), output 20; gpt-4o-mini $0.15/$0.60 per 1M.
    const meanInput = 100 + Array.from({ length: 40 }, (_, i) => i % 7).reduce((a, b) => a + b) / 40;
    expect(report.features[0].per_request.mean).toBeCloseTo((meanInput * 0.15 + 20 * 0.6) / 1e6, 12);
    const md = runCli(['estimate', '--repo', repo, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^### aicost estimate/);
    expect(md.stdout).toMatch(/\| faq \| web \| openai\/gpt-4o-mini \|/);
    const text = runCli(['estimate', '--repo', repo]);
    expect(text.stdout).toMatch(/total: \$0\.\d+\/month/);
    const out = join(repo, 'report.json');
    expect(runCli(['estimate', '--repo', repo, '--format', 'json', '--output', out]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).totals.monthly).toBeCloseTo(report.totals.monthly, 12);
  });

  it('reads --rev from git objects, not from the working tree', () => {
    const repo = repoWith({});
    const atHead = JSON.parse(runCli(['estimate', '--repo', repo, '--format', 'json']).stdout);
    writeFiles(repo, { 'prompts/faq.prompt.yml': PROMPT.replace('openai/gpt-4o-mini', 'openai/gpt-4o') });
    const worktree = JSON.parse(runCli(['estimate', '--repo', repo, '--format', 'json']).stdout);
    const rev = JSON.parse(runCli(['estimate', '--repo', repo, '--rev', 'HEAD', '--format', 'json']).stdout);
    expect(rev.features[0].models).toEqual(['openai/gpt-4o-mini']);
    expect(rev.features[0].monthly).toBeCloseTo(atHead.features[0].monthly, 12);
    expect(rev.rev).toBe(git(repo, 'rev-parse', 'HEAD').trim());
    expect(worktree.features[0].models).toEqual(['openai/gpt-4o']);
    // gpt-4o costs $2.50/$10 per 1M vs $0.15/$0.60: exactly ×16.67 for this input/output mix.
    expect(worktree.features[0].monthly / atHead.features[0].monthly).toBeCloseTo(2.5 / 0.15, 9);
    expect(rev.pricing_date).toBe('2026-11-27');
  });

  it('finds the project config from a subdirectory', () => {
    const repo = repoWith({ 'src/app/README.md': 'x' });
    const r = runCli(['estimate', '--repo', join(repo, 'src/app'), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).features[0].id).toBe('faq');
  });

  it('exits 2 naming file, line and column for a config error', () => {
    const repo = repoWith({ '.aicost.yml': CONFIG.replace('requests_per_month', 'requets_per_month') });
    expectCleanError(
      runCli(['estimate', '--repo', repo]),
      /\.aicost\.yml:7:5: .*requets_per_month.*did you mean "requests_per_month"/,
    );
  });

  it('exits 2 with the closest ids for an unknown model', () => {
    const repo = repoWith({ 'prompts/faq.prompt.yml': PROMPT.replace('openai/gpt-4o-mini', 'openai/gpt-4o-minni') });
    expectCleanError(
      runCli(['estimate', '--repo', repo]),
      /prompts\/faq\.prompt\.yml:1.*unknown model "openai\/gpt-4o-minni".*gpt-4o-mini/s,
    );
  });

  it('skips and reports 3 bad lines in 1,000, fails on 30', () => {
    const ok = repoWith({ 'traffic/faq.jsonl': traffic(1000, [10, 500, 998]) });
    const r = runCli(['estimate', '--repo', ok, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.features[0].samples).toBe(997);
    expect(report.features[0].traffic.bad_lines).toBe(3);
    expect(report.notices.join('\n')).toMatch(/skipped 3 bad traffic line\(s\) of 1000: traffic\/faq\.jsonl:11 /);
    const bad = repoWith({
      'traffic/faq.jsonl': traffic(
        1000,
        Array.from({ length: 30 }, (_, i) => i * 33),
      ),
    });
    expectCleanError(runCli(['estimate', '--repo', bad]), /traffic\/faq\.jsonl.*30.*line 1\b.*max_bad_lines/s);
  });

  it('exits 2 for a Git LFS pointer, a missing traffic file and a symlinked prompt', () => {
    const lfs = repoWith({
      'traffic/faq.jsonl':
        'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
    });
    expectCleanError(runCli(['estimate', '--repo', lfs]), /Git LFS pointer/);
    const missing = repoWith({ '.aicost.yml': CONFIG.replace('traffic/faq.jsonl', 'traffic/nope.jsonl') });
    expectCleanError(
      runCli(['estimate', '--repo', missing]),
      /\.aicost\.yml:6:\d+: .*traffic\/nope\.jsonl does not exist/,
    );
    const linked = repoWith({ 'prompts/real.prompt.yml': PROMPT, 'prompts/faq.prompt.yml': '' });
    execFileSync('rm', [join(linked, 'prompts/faq.prompt.yml')]);
    symlinkSync('real.prompt.yml', join(linked, 'prompts/faq.prompt.yml'));
    expectCleanError(runCli(['estimate', '--repo', linked]), /symbolic link/);
    git(linked, 'add', '-A');
    git(linked, 'commit', '-qm', 'link');
    expectCleanError(runCli(['estimate', '--repo', linked, '--rev', 'HEAD']), /symbolic link at [0-9a-f]{12}/);
  });

  it('exits 2 for bad usage and a missing config', () => {
    expectCleanError(runCli(['estimate', '--frmat', 'json']), /unknown option "--frmat"/);
    expectCleanError(runCli(['estimate', '--format', 'yaml']), /--format must be text, markdown or json/);
    expectCleanError(runCli(['frobnicate']), /unknown command "frobnicate"/);
    const empty = mkdtempSync(join(tmpdir(), 'aicost-empty-'));
    expectCleanError(runCli(['estimate', '--repo', empty]), /no \.aicost\.yml found/);
    expectCleanError(
      runCli(['estimate', '--repo', repoWith({}), '--rev', 'no-such-branch']),
      /revision "no-such-branch" is not a commit/,
    );
    expect(runCli(['--help']).stdout).toMatch(/Usage:/);
  });
});

/**
 * Node 20 (the oldest Node aicost supports), installed by `npm ci` as tools/node20's dependency.
 * Missing, it fails the test: the bundle must really run on both Nodes, not on whatever is on PATH.
 */
function node20(): { path: string; version: string } {
  const path = join(ROOT, 'tools/node20/node_modules/node/bin/node');
  if (!existsSync(path))
    throw new Error(`Node 20 is not installed at ${path}: run \`npm ci\` (package.json's aicost-node20 installs it)`);
  return { path, version: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() };
}

describe('bundles on Node 20', () => {
  it('runs the tests on Node 24 and has Node 20 beside it', () => {
    expect([process.version.split('.')[0], node20().version.split('.')[0]]).toEqual(['v24', 'v20']);
  });

  it('dist/cli/index.js gives the same report on Node 20 as on Node 24', () => {
    const nodes = [node20()];
    const repo = repoWith({});
    const ref = runCli(['estimate', '--repo', repo, '--format', 'json']);
    for (const n of nodes) {
      const r = runCli(['estimate', '--repo', repo, '--format', 'json'], { node: n.path });
      expect({ node: n.version, status: r.status, stderr: r.stderr }).toEqual({
        node: n.version,
        status: 0,
        stderr: '',
      });
      expect(r.stdout).toBe(ref.stdout);
    }
  });

  it('dist/index.js (action) writes the job summary and outputs on Node 20', () => {
    const nodes = [node20()];
    const repo = repoWith({});
    for (const n of nodes) {
      const out = mkdtempSync(join(tmpdir(), 'aicost-runner-'));
      const summary = join(out, 'summary.md');
      const outputs = join(out, 'output.txt');
      writeFileSync(summary, '');
      writeFileSync(outputs, '');
      assertFreshDist();
      const r = execFileSync(n.path, [join(ROOT, 'dist/index.js')], {
        env: {
          ...process.env,
          GITHUB_WORKSPACE: repo,
          GITHUB_STEP_SUMMARY: summary,
          GITHUB_OUTPUT: outputs,
          RUNNER_TEMP: out,
          'INPUT_WORKING-DIRECTORY': '.',
          INPUT_CONFIG: '.aicost.yml',
        },
        encoding: 'utf8',
      });
      expect(r).not.toMatch(/::error::/);
      expect(readFileSync(summary, 'utf8')).toMatch(/### aicost estimate/);
      const written = readFileSync(outputs, 'utf8');
      const reportPath = /report<<(ghadelimiter_[\w-]+)\n(.*)\n\1/.exec(written)![2];
      const report = JSON.parse(readFileSync(reportPath, 'utf8'));
      // 1,000 requests × ((102.875 × $0.15 + 20 × $0.60) / 1M) = $0.02743125 → "0.03".
      expect(report.totals.monthly).toBeCloseTo(0.02743125, 9);
      expect(written).toMatch(/monthly-head<<(ghadelimiter_[\w-]+)\n0\.03\n\1\n/);
    }
  });
});
