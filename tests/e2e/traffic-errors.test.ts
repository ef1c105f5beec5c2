/**
 * Unreadable traffic, traffic-line errors and small input defects, on real git repositories with
 * the CLI run as a process (issue 12, reproductions 8 and 9): every exit-2 error names a file and
 * line, never a silent $0; a line with a tier its model does not offer is a counted bad line.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, makeRepo, runCli, writeFiles, prRepo } from '../helpers/run.js';

// USD per 1M tokens (openai.com/api/pricing).
const MINI = { input: 0.15, output: 0.6 };

const prompt = (
  o: { model?: string; max?: number | null; note?: string } = {},
) => `model: ${o.model ?? 'openai/gpt-4o-mini'}
${o.max === null ? '' : `modelParameters:\n  maxTokens: ${o.max ?? 100}\n`}messages:
  - role: system
    content: You answer questions about invoices.${o.note ?? ''}
  - role: user
    content: "{{q}}"
`;
/** Line 5 is `prompt:`, line 6 `traffic:`, line 7 the extra key (tier:, traffic_format:). */
const config = (extra = '') => `version: 1
features:
  faq:
    team: web
    prompt: prompts/faq.prompt.yml
    traffic: traffic/faq.jsonl
${extra}    requests_per_month: 1000
teams:
  web: {}
`;
const row = (i: number, extra: object = {}) =>
  JSON.stringify({ id: `s${i}`, usage: { input_tokens: 100 + (i % 7), output_tokens: 20 }, ...extra });
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));
const jsonl = (lines: string[]) => lines.join('\n') + '\n';
/** Monthly USD of `n` rows of `rows(n)` at 1,000 requests a month on gpt-4o-mini. */
const monthlyOf = (n: number) =>
  (Array.from({ length: n }, (_, i) => ((100 + (i % 7)) * MINI.input + 20 * MINI.output) / 1e6).reduce(
    (a, b) => a + b,
  ) /
    n) *
  1000;

/** `main` with `base`, a `pr` branch with `head` written on top (and `remove` deleted). */

const files = (traffic: string, o: { extra?: string; max?: number | null } = {}) => ({
  '.aicost.yml': config(o.extra),
  'prompts/faq.prompt.yml': prompt({ max: o.max }),
  'traffic/faq.jsonl': traffic,
});

function expectError(r: { status: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.status).toBe(2);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

const diffJson = (repo: string) =>
  runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json']);

describe('reproduction 8: unreadable traffic is an error in diff as in estimate', () => {
  // Starts like JSON, so it is cut as JSON lines, and no line parses.
  const notJsonl = '{time: 1, question: where}\n{2026-11-01, where is my invoice}\n';

  it('a CSV file that is no known export: exit 2 at its first row, saying it was read as CSV', () => {
    const csv = 'time,question\n2026-11-01,where is my invoice\n';
    const repo = prRepo(files(csv), { 'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }) });
    const message =
      /^aicost: traffic\/faq\.jsonl:2: traffic_format: auto does not recognise the first record \(line 2\): the file does not start with JSON, so it was read as CSV, and its first row is no langfuse or helicone export; it is not aicost traffic JSONL either/;
    expectError(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']), message);
    expectError(runCli(['estimate', '--repo', repo, '--rev', 'pr']), message);
  });

  it('a traffic file that is not JSONL at base and head: exit 2 naming file:line and the format tried, never $0', () => {
    const repo = prRepo(files(notJsonl), { 'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }) });
    const message =
      /traffic\/faq\.jsonl:1: 2 of 2 lines \(100%\) cannot be used.*line 1: is not valid JSON.*\(traffic_format: auto; no record could be read to detect the format\)/;
    expectError(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']), message);
    expectError(runCli(['estimate', '--repo', repo, '--rev', 'pr']), message);
  });

  it('without max tokens the message is the traffic file, not "has no traffic"', () => {
    const repo = prRepo(files(notJsonl, { max: null }), {
      'prompts/faq.prompt.yml': prompt({ max: null, note: ' Be brief.' }),
    });
    const r = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']);
    expectError(r, /^aicost: traffic\/faq\.jsonl:1: /);
    expect(r.stderr).not.toMatch(/has no traffic/);
  });

  it('unreadable at base, repaired by the PR: a base_error warning, the head priced on the PR samples', () => {
    const repo = prRepo(files(notJsonl), { 'traffic/faq.jsonl': jsonl(rows(40)) });
    const r = diffJson(repo);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const f = report.features[0];
    expect(f.status).toBe('unpriced');
    expect(f.head.samples).toBe(40);
    expect(f.head.monthly).toBeCloseTo(monthlyOf(40), 12);
    expect(report.violations.map((v: { rule: string; severity: string }) => [v.rule, v.severity])).toEqual([
      ['base_error', 'warning'],
    ]);
    expect(report.notices.join('\n')).toMatch(
      /faq: the samples at base cannot be read, so the head side is priced on the PR's samples \(traffic\/faq\.jsonl\)/,
    );
  });

  it('unreadable at base, the PR raises max_bad_lines in its config: the trusted limit still applies (exit 2)', () => {
    // Base broken; the PR "repairs" it by raising max_bad_lines in its own config: still base's limit (1%).
    const head = { '.aicost.yml': config().replace('teams:', 'replay:\n  max_bad_lines: 1\nteams:') };
    const repo = prRepo(files(notJsonl), head);
    expectError(
      runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']),
      /traffic\/faq\.jsonl:1: .*more than replay\.max_bad_lines \(1%\)/,
    );
  });

  it('readable at base, broken by the PR: exit 2 at head, as estimate at head; a valid edit still prices base samples', () => {
    const broken = prRepo(files(jsonl(rows(40))), { 'traffic/faq.jsonl': notJsonl });
    const message = /^aicost: traffic\/faq\.jsonl:1: 2 of 2 lines \(100%\) cannot be used/;
    expectError(runCli(['diff', '--repo', broken, '--base', 'main', '--head', 'pr']), message);
    expectError(runCli(['estimate', '--repo', broken, '--rev', 'pr']), message);
    // The PR's samples are checked, not priced: base's 40 lines stay the figure.
    const valid = prRepo(files(jsonl(rows(40))), { 'traffic/faq.jsonl': jsonl(rows(10)) });
    const r = diffJson(valid);
    expect(r.status).toBe(0);
    const f = JSON.parse(r.stdout).features[0];
    expect([f.base.samples, f.head.samples]).toEqual([40, 40]);
    expect(f.head.monthly).toBeCloseTo(monthlyOf(40), 12);
    // A PR that points traffic: at another, broken file is read there too.
    const moved = prRepo(files(jsonl(rows(40))), {
      '.aicost.yml': config().replace('traffic/faq.jsonl', 'traffic/other.jsonl'),
      'traffic/other.jsonl': notJsonl,
    });
    expectError(
      runCli(['diff', '--repo', moved, '--base', 'main', '--head', 'pr']),
      /^aicost: traffic\/other\.jsonl:1: /,
    );
  });

  // Every format the schema names has an importer now; a format that does not match the file is an
  // error naming the file, in estimate and diff (and from --traffic-dir), never a silent $0.
  it('a traffic_format the file is not written in: exit 2 naming the file, in estimate and diff', () => {
    const broken = files(jsonl(rows(40)), { extra: '    traffic_format: langfuse\n' });
    const repo = prRepo(broken, { 'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }) });
    const message =
      /^aicost: traffic\/faq\.jsonl:1: 40 of 40 records \(100%\) cannot be used.*line 1: usageDetails has no token counts.*\(read as Langfuse observations \(langfuse\)\)/;
    expectError(runCli(['estimate', '--repo', repo]), message);
    expectError(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']), message);
    const dir = mkdtempSync(join(tmpdir(), 'aicost-samples-'));
    writeFiles(dir, { 'traffic/faq.jsonl': jsonl(rows(40)) });
    expectError(
      runCli(['estimate', '--repo', repo, '--traffic-dir', dir]),
      /^aicost: traffic-dir:traffic\/faq\.jsonl:1: .*langfuse/,
    );
    // aicost and auto read the same file.
    const ok = makeRepo(files(jsonl(rows(40)), { extra: '    traffic_format: aicost\n' }));
    const r = runCli(['estimate', '--repo', ok, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).features[0].monthly).toBeCloseTo(monthlyOf(40), 12);
  });
});

describe('traffic read errors name the file once, from the repository and from --traffic-dir', () => {
  const binary = '{"id":"a\x00"}\n';
  const notJsonl = '{time: 1, question: where}\n{2026-11-01, where is my invoice}\n';

  it('a broken file: "file:line: message" with the file named once, in both paths', () => {
    const repo = prRepo(files(notJsonl), { 'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }) });
    const fromRepo = runCli(['estimate', '--repo', repo, '--rev', 'pr']);
    expectError(fromRepo, /^aicost: traffic\/faq\.jsonl:1: 2 of 2 lines \(100%\) cannot be used/);
    expect(fromRepo.stderr.split('\n')[0].split('faq.jsonl')).toHaveLength(2);

    const dir = mkdtempSync(join(tmpdir(), 'aicost-samples-'));
    writeFiles(dir, { 'traffic/faq.jsonl': notJsonl });
    for (const args of [
      ['estimate', '--repo', repo, '--rev', 'pr'],
      ['diff', '--repo', repo, '--base', 'main', '--head', 'pr'],
    ]) {
      const fromDir = runCli([...args, '--traffic-dir', dir]);
      expectError(
        fromDir,
        /^aicost: traffic-dir:traffic\/faq\.jsonl:1: 2 of 2 lines \(100%\) cannot be used, more than replay\.max_bad_lines \(1%\)\. They are: line 1: is not valid JSON/,
      );
      expect(fromDir.stderr.split('\n')[0].split('faq.jsonl')).toHaveLength(2);
    }
  });

  it('a file that is not text (a NUL byte): the same one message in both paths', () => {
    const repo = prRepo(files(binary), { 'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }) });
    const fromRepo = runCli(['estimate', '--repo', repo, '--rev', 'pr']);
    expectError(fromRepo, /^aicost: traffic\/faq\.jsonl: the file is binary \(it contains NUL bytes\), not JSON lines/);
    const dir = mkdtempSync(join(tmpdir(), 'aicost-samples-'));
    writeFiles(dir, { 'traffic/faq.jsonl': binary });
    const fromDir = runCli(['estimate', '--repo', repo, '--rev', 'pr', '--traffic-dir', dir]);
    expectError(
      fromDir,
      /^aicost: traffic-dir:traffic\/faq\.jsonl: the file is binary \(it contains NUL bytes\), not JSON lines/,
    );
    expect(fromDir.stderr.split('\n')[0].split('faq.jsonl')).toHaveLength(2);
  });
});

describe('traffic_format without traffic', () => {
  it('is an exit-2 config error at the key in estimate and diff (the PR dropped traffic: but kept the format)', () => {
    const base = files(jsonl(rows(40)), { extra: '    traffic_format: aicost\n' });
    const repo = prRepo(base, {
      '.aicost.yml': config('    traffic_format: aicost\n').replace('    traffic: traffic/faq.jsonl\n', ''),
    });
    const message =
      /^aicost: \.aicost\.yml:6:5: features\.faq\.traffic_format: is set but the feature has no traffic; traffic_format says how traffic files are read\n  Add traffic: with the samples the format describes, or remove traffic_format\./;
    expectError(runCli(['estimate', '--repo', repo, '--rev', 'pr']), message);
    expectError(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']), message);
    // Base, with traffic:, is priced on its 40 samples.
    const r = runCli(['estimate', '--repo', repo, '--rev', 'main', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).features[0].monthly).toBeCloseTo(monthlyOf(40), 12);
  });
});

describe('reproduction 9: a tier the model does not offer', () => {
  const flex = (i: number) =>
    row(i, { id: `flex${i}`, tier: 'flex', usage: { input_tokens: 1_000_000, output_tokens: 20 } });

  it('on one traffic line: a bad line named by file, line and reason, the rest priced (estimate and diff)', () => {
    const traffic = jsonl([...rows(200), flex(200)]);
    const repo = prRepo(files(traffic), { 'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }) });
    const named =
      /faq: skipped 1 bad traffic line\(s\) of 201: traffic\/faq\.jsonl:201 \(tier: service tier "flex" is not offered by openai for openai\/gpt-4o-mini \(offered: standard, batch, priority\)\)/;
    const est = runCli(['estimate', '--repo', repo, '--format', 'json']);
    expect(est.status).toBe(0);
    const e = JSON.parse(est.stdout);
    expect(e.features[0].samples).toBe(200);
    expect(e.features[0].monthly).toBeCloseTo(monthlyOf(200), 12);
    expect(e.notices.join('\n')).toMatch(named);
    const d = diffJson(repo);
    expect(d.status).toBe(0);
    const report = JSON.parse(d.stdout);
    expect(report.features[0].base.samples).toBe(200);
    expect(report.features[0].base.traffic.bad_lines).toBe(1);
    expect(report.features[0].base.monthly).toBeCloseTo(monthlyOf(200), 12);
    expect(report.notices.join('\n')).toMatch(named);
  });

  it('offered by the base model but not by the head model: the line is skipped at both sides (paired)', () => {
    const traffic = jsonl([...rows(200), flex(200)]);
    const base = { ...files(traffic), 'prompts/faq.prompt.yml': prompt({ model: 'openai/gpt-5-mini' }) };
    const repo = prRepo(base, { 'prompts/faq.prompt.yml': prompt() });
    const d = diffJson(repo);
    expect(d.stderr).toBe('');
    const f = JSON.parse(d.stdout).features[0];
    expect([f.base.samples, f.head.samples]).toEqual([200, 200]);
    expect(f.head.monthly).toBeCloseTo(monthlyOf(200), 12);
    expect(JSON.parse(d.stdout).notices.join('\n')).toMatch(
      /traffic\/faq\.jsonl:201 \(tier: service tier "flex" is not offered by openai for openai\/gpt-4o-mini/,
    );
  });

  it('on more lines than max_bad_lines: exit 2 naming the file and its first bad line', () => {
    const lines = rows(50);
    for (const i of [10, 20, 30]) lines[i] = flex(i);
    const repo = prRepo(files(jsonl(lines)), { 'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }) });
    const message =
      /^aicost: traffic\/faq\.jsonl:11: 3 of 50 lines \(6%\) cannot be used, more than replay\.max_bad_lines \(1%\)\. They are: line 11: tier: service tier "flex" is not offered/;
    expectError(runCli(['estimate', '--repo', repo]), message);
    expectError(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']), message);
  });

  it('in .aicost.yml: an error at the tier: key, in estimate and diff', () => {
    const repo = prRepo(files(jsonl(rows(40)), { extra: '    tier: flex\n' }), {
      'prompts/faq.prompt.yml': prompt({ note: ' Be brief.' }),
    });
    const message =
      /^aicost: \.aicost\.yml:7:5: service tier "flex" is not offered by openai for openai\/gpt-4o-mini \(offered: standard, batch, priority\)/;
    expectError(runCli(['estimate', '--repo', repo]), message);
    expectError(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']), message);
  });
});

describe('agent features name their skipped traffic lines', () => {
  const agent = `name: triage
model: openai/gpt-4o-mini
instructions: "You are the triage agent. Be brief."
max_turns: 6
`;
  const agentConfig = `version: 1
features:
  triage:
    team: support
    agent: agents/triage.yaml
    traffic: traffic/triage.jsonl
    requests_per_month: 1000
teams:
  support: {}
`;

  it('estimate and diff list file, line and reason of a bad line (as prompt features do)', () => {
    const lines = rows(150);
    lines[41] = '{"usage": {"input_tokens": 5}}';
    const base = { '.aicost.yml': agentConfig, 'agents/triage.yaml': agent, 'traffic/triage.jsonl': jsonl(lines) };
    const repo = prRepo(base, { 'agents/triage.yaml': agent.replace('Be brief.', 'Be very brief.') });
    const named =
      /triage: skipped 1 bad traffic line\(s\) of 150: traffic\/triage\.jsonl:42 \(usage\.output_tokens is missing\)/;
    const est = runCli(['estimate', '--repo', repo]);
    expect(est.status).toBe(0);
    expect(est.stdout).toMatch(named);
    const d = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']);
    expect(d.status).toBe(0);
    // The text report wraps at 100 columns: undo the wraps to match the notice whole.
    expect(d.stdout.replace(/\n {2,}/g, ' ')).toMatch(named);
    expect(d.stdout.match(/skipped 1 bad traffic line/g)).toHaveLength(1);
  });

  it('a line tier is checked against the model of the agent that made the call', () => {
    // refund runs on gpt-5-mini (flex offered), the root on gpt-4o-mini (no flex).
    const withRefund = agent + 'sub_agents:\n  refund: agents/refund.yaml\n';
    const refund = 'model: openai/gpt-5-mini\ninstructions: Refunds.\nmax_turns: 2\n';
    const lines = rows(150).map((l, i) =>
      i % 2 ? JSON.stringify({ ...JSON.parse(l), agent: 'refund', tier: 'flex' }) : l,
    );
    lines[10] = JSON.stringify({ ...JSON.parse(lines[10]), tier: 'flex' });
    const repo = makeRepo({
      '.aicost.yml': agentConfig,
      'agents/triage.yaml': withRefund,
      'agents/refund.yaml': refund,
      'traffic/triage.jsonl': jsonl(lines),
    });
    const r = runCli(['estimate', '--repo', repo, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    // 150 lines without trace ids are 150 runs; only line 11 (the root agent's, flex) is bad.
    expect(report.features[0].samples).toBe(149);
    expect(report.notices.join('\n')).toMatch(
      /triage: skipped 1 bad traffic line\(s\) of 150: traffic\/triage\.jsonl:11 \(tier: service tier "flex" is not offered by openai for openai\/gpt-4o-mini/,
    );
  });
});

describe('empty option values are usage errors', () => {
  it('--rev "" does not read the working tree; no option takes an empty value', () => {
    const repo = makeRepo(files(jsonl(rows(40))));
    expectError(
      runCli(['estimate', '--repo', repo, '--rev', '']),
      /^aicost: option --rev is given an empty value\n  Give --rev a value, or leave the option out for its default\./,
    );
    expectError(runCli(['estimate', '--repo', repo, '--rev=']), /option --rev is given an empty value/);
    expectError(runCli(['estimate', '--repo', repo, '--rev', '  ']), /option --rev is given an empty value/);
    for (const flag of ['--repo', '--config', '--output', '--traffic-dir', '--format']) {
      expectError(runCli(['estimate', '--repo', repo, flag, '']), new RegExp(`option ${flag} is given an empty value`));
    }
    for (const flag of ['--base', '--head']) {
      expectError(runCli(['diff', '--repo', repo, flag, '']), new RegExp(`option ${flag} is given an empty value`));
    }
  });
});

describe('a committed symbolic link is named as a link', () => {
  const base = () => ({
    ...files(jsonl(rows(40))),
    'real/faq.prompt.yml': prompt(),
    'real/faq.jsonl': jsonl(rows(40)),
  });

  function linkOnPr(repo: string, path: string, target: string): void {
    git(repo, 'checkout', '-q', '-b', 'pr');
    unlinkSync(join(repo, path));
    symlinkSync(target, join(repo, path));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'link');
  }

  it('a prompt: diff, estimate --rev and estimate of the working tree', () => {
    const repo = makeRepo(base());
    linkOnPr(repo, 'prompts/faq.prompt.yml', '../real/faq.prompt.yml');
    expectError(
      runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']),
      /^aicost: \.aicost\.yml:5:5: feature "faq": prompts\/faq\.prompt\.yml is a symbolic link at head; aicost does not follow links\n  Point prompt: at the real file/,
    );
    expectError(
      runCli(['estimate', '--repo', repo, '--rev', 'pr']),
      /^aicost: \.aicost\.yml:5:5: feature "faq": prompts\/faq\.prompt\.yml is a symbolic link at [0-9a-f]{12}; aicost does not follow links/,
    );
    expectError(
      runCli(['estimate', '--repo', repo]),
      /^aicost: \.aicost\.yml:5:5: feature "faq": prompts\/faq\.prompt\.yml is a symbolic link; aicost does not follow links/,
    );
  });

  it('a traffic file: estimate, and diff when the link is at base and head (not a base_error)', () => {
    const repo = makeRepo(base());
    linkOnPr(repo, 'traffic/faq.jsonl', '../real/faq.jsonl');
    const message =
      /^aicost: \.aicost\.yml:6:5: feature "faq": traffic file traffic\/faq\.jsonl is a symbolic link at (the working tree|[0-9a-f]{12}); aicost does not follow links\n  Commit the samples as a regular file/;
    expectError(runCli(['estimate', '--repo', repo, '--rev', 'pr']), message);
    expectError(runCli(['estimate', '--repo', repo]), message);
    expectError(runCli(['diff', '--repo', repo, '--base', 'pr', '--head', 'pr']), message);
  });

  it('an agent definition', () => {
    const repo = makeRepo({
      '.aicost.yml':
        'version: 1\nfeatures:\n  triage:\n    team: web\n    agent: agents/triage.yaml\n    requests_per_month: 10\nteams:\n  web: {}\n',
      'agents/triage.yaml':
        'name: triage\nmodel: openai/gpt-4o-mini\ninstructions: Triage.\nmax_turns: 2\nmax_tokens: 50\n',
      'real/triage.yaml':
        'name: triage\nmodel: openai/gpt-4o-mini\ninstructions: Triage.\nmax_turns: 2\nmax_tokens: 50\n',
    });
    linkOnPr(repo, 'agents/triage.yaml', '../real/triage.yaml');
    const message =
      /^aicost: \.aicost\.yml:5:5: feature "triage": agent definition agents\/triage\.yaml is a symbolic link at (this revision|head); aicost does not follow links/;
    expectError(runCli(['estimate', '--repo', repo, '--rev', 'pr']), message);
    expectError(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr']), message);
  });
});
