/**
 * `aicost suggest` as a process (the committed CLI bundle): exit 0 with advice, the same JSON as
 * the engine (the report's suggestion definition), text and Markdown that name the figures, and
 * exit 2 with one message naming the file for an eval results file that is not one.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SuggestReport } from '../../src/advisor/index.js';
import { git, ROOT, runCli } from '../helpers/run.js';

function demo(edit: (repo: string) => void = () => {}): string {
  const repo = mkdtempSync(join(tmpdir(), 'aicost-suggest-cli-'));
  cpSync(join(ROOT, 'examples/demo'), repo, { recursive: true });
  edit(repo);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

describe('aicost suggest (CLI)', () => {
  it('exits 0 and prints every feature; JSON, text and Markdown agree on the figures', () => {
    const repo = demo();
    const json = runCli(['suggest', '--repo', repo, '--rev', 'main', '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as SuggestReport;
    expect(report.features.map((f) => f.feature)).toContain('contract-review');
    const nano = report.features
      .find((f) => f.feature === 'contract-review')!
      .suggestions.find((s) => s.candidate === 'openai/gpt-4.1-nano')!;
    const text = runCli(['suggest', '--repo', repo, '--rev', 'main']);
    expect(text.status).toBe(0);
    const saving = `$${nano.monthly!.saving.toFixed(2)}/mo`;
    expect(text.stdout).toContain(saving);
    expect(text.stdout).toContain(
      'not eligible: 3 of 53 samples exceed the 128,000-token context window of openai/gpt-4o-mini',
    );
    const md = runCli(['suggest', '--repo', repo, '--rev', 'main', '--format', 'markdown']);
    expect(md.status).toBe(0);
    // Ids carry word joiners (U+2060) so that a browser never splits them.
    const plain = md.stdout.replace(/\u2060/g, '');
    expect(plain).toContain(`| contract-review | route to \`gpt-4.1-nano\` | ${saving}`);
    expect(plain).toContain(
      'pass rate 65.0% (13/20) vs current 95.0% (19/20) from evals/ticket-summary.promptfoo.json',
    );
  });

  it('a malformed eval results file is exit 2 naming it', () => {
    const repo = demo((r) => writeFileSync(join(r, 'evals/broken.json'), '{"results": [oops'));
    const r = runCli(['suggest', '--repo', repo, '--rev', 'main']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^aicost: evals\/broken\.json(:\d+)?: eval results are not JSON/);
    expect(r.stderr).not.toContain('internal error');
  });
});
