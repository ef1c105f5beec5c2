/**
 * A model edit hidden from the unpriced scan (issue 12, reproduction 12), on real git repositories
 * through the CLI: a code file padded past the 1 MiB the scan reads, or an edit on a
 * 300,000-character line, is listed as "not scanned" and fails under `unpriced_changes: fail`; a
 * large data file the scanner would never read stays quiet.
 */
import { describe, expect, it } from '@jest/globals';
import { git, makeRepo, runCli, writeFiles } from '../helpers/run.js';

const config = `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 1000
teams:
  support: { monthly_budget: 1000 }
policies:
  unpriced_changes: fail
`;
const prompt = `model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 100
messages:
  - role: user
    content: "Summarise: {{body}}"
`;
const app = (model: string, pad = '') =>
  `import openai\n\n${pad}def reply(text):\n    return openai.chat.completions.create(model="${model}", messages=[{"role": "user", "content": text}])\n`;
const base = {
  '.aicost.yml': config,
  'prompts/summary.prompt.yml': prompt,
  'src/app.py': app('gpt-4o-mini'),
  'data/rows.csv': 'a,b\n1,2\n',
};

function prRepo(head: Record<string, string>): string {
  const repo = makeRepo(base);
  git(repo, 'checkout', '-q', '-b', 'pr');
  writeFiles(repo, head);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'pr');
  return repo;
}

function diff(repo: string) {
  const r = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json']);
  expect(r.stderr).not.toMatch(/internal error/);
  return {
    status: r.status,
    report: JSON.parse(r.stdout) as {
      unpriced_changes: { kind: string; file: string; line: number | null; summary: string }[];
      violations: { rule: string; severity: string }[];
    },
  };
}

describe('changed files the unpriced scan cannot read', () => {
  it('the visible edit is found (the control case)', () => {
    const { status, report } = diff(prRepo({ 'src/app.py': app('gpt-4o') }));
    expect(status).toBe(1);
    expect(report.unpriced_changes.map((c) => c.summary)).toEqual([
      'model gpt-4o-mini → gpt-4o in src/app.py:4 (×16.7 input price)',
    ]);
  });

  it('a model edit in a file padded past 1 MiB is listed as not scanned and fails the check', () => {
    const pad = '# padding line to push the file past the size the scan reads\n'.repeat(18_000);
    const head = app('gpt-4o', pad);
    expect(head.length).toBeGreaterThan(1024 * 1024);
    const { status, report } = diff(prRepo({ 'src/app.py': head }));
    expect(report.unpriced_changes).toEqual([
      expect.objectContaining({
        kind: 'code',
        file: 'src/app.py',
        line: null,
        summary: `src/app.py not scanned: at head ${head.length.toLocaleString('en-US')} bytes, over the 1,048,576 the scan reads`,
      }),
    ]);
    expect(report.violations.map((v) => [v.rule, v.severity])).toEqual([['unpriced_change', 'error']]);
    expect(status).toBe(1);
  });

  it('a model edit on a 300,000-character line is listed as not scanned and fails the check', () => {
    const line = `CONFIG = ${JSON.stringify({ filler: 'z'.repeat(300_000) })}; MODEL = "gpt-4o"`;
    const head = `import openai\n\n${line}\n\ndef reply(text):\n    return openai.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}])\n`;
    const { status, report } = diff(prRepo({ 'src/app.py': head }));
    const summaries = report.unpriced_changes.map((c) => [c.kind, c.line, c.summary]);
    expect(summaries).toContainEqual([
      'code',
      3,
      `src/app.py:3 not scanned: the changed line is ${line.length.toLocaleString('en-US')} characters, over the 2,000 the scan reads`,
    ]);
    // The syntax-tree scan also resolves the call's MODEL through that line: the swap is listed at the call.
    expect(summaries).toContainEqual(['code', 6, 'model gpt-4o-mini → gpt-4o in src/app.py:6 (×16.7 input price)']);
    expect(report.violations.map((v) => v.rule)).toEqual(['unpriced_change', 'unpriced_change']);
    expect(status).toBe(1);
  });

  it('a binary code file is listed; a 2 MB data file the scanner never reads is not', () => {
    const { status, report } = diff(
      prRepo({ 'src/tool.py': 'model = "gpt-4o"\u0000\n', 'data/rows.csv': 'a,b\n'.repeat(600_000) }),
    );
    expect(report.unpriced_changes.map((c) => [c.file, c.summary])).toEqual([
      ['src/tool.py', 'src/tool.py not scanned: at head binary content'],
    ]);
    expect(status).toBe(1);
  });
});

const litellm = (model: string) => `model_list:
  - model_name: cheap
    litellm_params:
      model: ${model}
router_settings:
  num_retries: 3
`;

describe('gateway and eval configs the YAML reader refuses (one YAML reader, with its limits)', () => {
  it('a LiteLLM config.yaml turned into invalid YAML is "not scanned" at its line and fails the check', () => {
    const repo = makeRepo({ ...base, 'config.yaml': litellm('openai/gpt-4o-mini') });
    git(repo, 'checkout', '-q', '-b', 'pr');
    writeFiles(repo, { 'config.yaml': litellm('openai: gpt-4o') });
    git(repo, 'commit', '-qam', 'pr');
    const { status, report } = diff(repo);
    expect(report.unpriced_changes.map((c) => [c.kind, c.file, c.line, c.summary])).toEqual([
      [
        'model-config',
        'config.yaml',
        4,
        'config.yaml:4 not scanned: invalid YAML: Nested mappings are not allowed in compact mappings',
      ],
    ]);
    expect(report.violations.map((v) => [v.rule, v.severity])).toEqual([['unpriced_change', 'error']]);
    expect(status).toBe(1);
  });

  it('a promptfoo config with an alias bomb is "not scanned" at the alias, with the limit', () => {
    const bomb = `providers: [openai:gpt-4o]
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
`;
    const { status, report } = diff(prRepo({ 'evals/promptfooconfig.yaml': bomb }));
    expect(report.unpriced_changes.map((c) => [c.kind, c.line, c.summary])).toEqual([
      [
        'model-config',
        5,
        'evals/promptfooconfig.yaml:5 not scanned: YAML aliases expand into more than 10,000 values (here at *c); aicost refuses this to guard against alias bombs',
      ],
    ]);
    expect(status).toBe(1);
  });
});

describe('YAML gateway configs too large to read', () => {
  // 1,140,000 bytes of comments after the model list: past the 1 MiB the scan reads.
  const padded = `${litellm('openai/gpt-4o')}${'# routing notes for the on-call team, kept here for reference\n'.repeat(19_000)}`;

  it('a LiteLLM config.yaml padded past 1 MiB is listed as not scanned and fails the check, as is another name with model_list: near the top', () => {
    expect(padded.length).toBeGreaterThan(1024 * 1024);
    const { status, report } = diff(prRepo({ 'config.yaml': padded, 'deploy/gateway.yaml': padded }));
    const bytes = padded.length.toLocaleString('en-US');
    expect(report.unpriced_changes.map((c) => [c.kind, c.file, c.line, c.summary])).toEqual([
      [
        'model-config',
        'config.yaml',
        null,
        `config.yaml not scanned: at head ${bytes} bytes, over the 1,048,576 the scan reads`,
      ],
      [
        'model-config',
        'deploy/gateway.yaml',
        null,
        `deploy/gateway.yaml not scanned: at head ${bytes} bytes, over the 1,048,576 the scan reads`,
      ],
    ]);
    // One violation per unpriced change.
    expect(report.violations.map((v) => [v.rule, v.severity])).toEqual([
      ['unpriced_change', 'error'],
      ['unpriced_change', 'error'],
    ]);
    expect(status).toBe(1);
  });

  it('a 1.2 MB YAML data file is not listed', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `- id: ${i}\n  text: sample row ${i}\n`).join('');
    expect(rows.length).toBeGreaterThan(1024 * 1024);
    const { status, report } = diff(prRepo({ 'data/rows.yaml': rows }));
    expect(report.unpriced_changes).toEqual([]);
    expect(status).toBe(0);
  });
});
