/**
 * How many git processes a diff starts. A git process per traffic file meant a fork of an aicost
 * process already holding the samples read so far (1.3 s of the benchmark's diff for 40 of them);
 * traffic blobs now come through the reader's long-lived `cat-file --batch`, so the count does not
 * grow with the features. Counted with a `git` shim first on PATH that logs each start.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prRepo, runCli } from '../helpers/run.js';

/** The git the tests would run (the shim hands every call on to it). */
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** A directory with a `git` that appends its arguments to `log`, then runs the real git. */
function gitShim(log: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aicost-git-shim-'));
  const shim = join(dir, 'git');
  writeFileSync(shim, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

/** A repository with `n` prompt features, each with its own traffic file; the PR edits one prompt. */
function repoWith(n: number): string {
  const files: Record<string, string> = {};
  const features: string[] = [];
  for (let i = 0; i < n; i++) {
    files[`prompts/f${i}.prompt.yml`] =
      `model: openai/gpt-4o-mini\nmessages:\n  - role: system\n    content: You answer question ${i}.\n  - role: user\n    content: "{{q}}"\n`;
    files[`traffic/f${i}.jsonl`] = Array.from(
      { length: 30 },
      (_, k) =>
        JSON.stringify({
          id: `r${k}`,
          vars: { q: `question ${k} about item ${i}` },
          usage: { output_tokens: 20 + k },
        }) + '\n',
    ).join('');
    features.push(
      `  f${i}:\n    prompt: prompts/f${i}.prompt.yml\n    traffic: traffic/f${i}.jsonl\n    team: t\n    requests_per_day: 1000`,
    );
  }
  files['.aicost.yml'] = `version: 1\nteams:\n  t: { monthly_budget: 1000 }\nfeatures:\n${features.join('\n')}\n`;
  return prRepo(files, {
    'prompts/f0.prompt.yml': files['prompts/f0.prompt.yml']!.replace('You answer', 'You briefly answer'),
  });
}

function gitStarts(n: number): string[] {
  const repo = repoWith(n);
  const log = join(mkdtempSync(join(tmpdir(), 'aicost-git-log-')), 'git.log');
  writeFileSync(log, '');
  const shim = gitShim(log);
  const r = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json'], {
    env: { PATH: `${shim}:${process.env.PATH}` },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const report = JSON.parse(r.stdout) as { features: { id: string; status: string }[] };
  expect(report.features).toHaveLength(n);
  expect(report.features.filter((f) => f.status === 'changed').map((f) => f.id)).toEqual(['f0']);
  return readFileSync(log, 'utf8').trim().split('\n');
}

describe('git processes of a diff', () => {
  it('do not grow with the traffic files read: no `cat-file blob` per file', () => {
    const two = gitStarts(2);
    const eight = gitStarts(8);
    expect(eight.filter((l) => / cat-file blob /.test(` ${l} `))).toEqual([]);
    expect(eight.filter((l) => l.includes('cat-file --batch')).length).toBeLessThanOrEqual(2);
    expect(eight.length).toBe(two.length);
  });
});
