/**
 * The action's own time budget (input time-budget-minutes): a run that does not end fails the
 * step with a message naming the stage it was in. The hang is simulated by the documented
 * test-only AICOST_TEST_STALL_STAGE, which blocks the main thread synchronously when that stage is
 * entered (as a stuck computation would: no timer on the main thread could fire). No wall-clock
 * assertion: the test checks where the run stopped and what it said.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run.js';
import { FakeGitHub } from './fake-github.js';
import { checkout, commands, config, jsonl, makePr, prompt, pullRequestPayload, ROWS, runAction } from './harness.js';

let gh: FakeGitHub;

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});

afterEach(async () => {
  await gh.close();
});

const fixture = () =>
  makePr(
    {
      '.aicost.yml': config(),
      'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
      'traffic/summary.jsonl': jsonl(ROWS),
    },
    { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') },
    { 'README.md': '# shop, moved on\n' },
  );

/** The action on a fresh copy of the fixture's pull request, with these inputs and environment. */
const runOnPr = (inputs: Record<string, string>, env: Record<string, string> = {}) => {
  const fx = fixture();
  return runAction({
    workspace: checkout(fx),
    event: 'pull_request',
    payload: pullRequestPayload(fx),
    sha: fx.mergeSha,
    gh,
    inputs,
    env,
  });
};

describe('time-budget-minutes', () => {
  // The watchdog is a Perl process where /usr/bin/perl is (Linux and macOS runners), else a worker
  // thread; AICOST_TEST_WATCHDOG=thread makes the thread keep the watch here too.
  const watchdogs = existsSync('/usr/bin/perl') ? ['process', 'thread'] : ['thread'];
  it.each(watchdogs)(
    'a run stuck while pricing a feature fails the step, naming the feature, and posts nothing (%s)',
    async (watchdog) => {
      // 15 seconds: ample for the run to reach the stuck stage (a few seconds on a busy runner).
      const r = await runOnPr(
        { 'time-budget-minutes': '0.25' },
        { AICOST_TEST_STALL_STAGE: 'pricing feature summary', AICOST_TEST_WATCHDOG: watchdog },
      );
      expect(r.status).not.toBe(0);
      const errors = commands(r.stdout, 'error');
      expect(errors).toEqual([
        '::error::aicost stopped: its time budget of 0.25 minute(s) ran out while pricing feature summary.%0A  A larger repository may need more: raise the input time-budget-minutes; a run that never ends on one input is a bug to report.',
      ]);
      expect(r.summary).toContain('ran out while pricing feature summary');
      expect(gh.comments).toHaveLength(0);
    },
  );

  it('a stage it never reaches does not stop the run (the watch ends with it)', async () => {
    const r = await runOnPr(
      { 'time-budget-minutes': '5' },
      { AICOST_TEST_STALL_STAGE: 'pricing feature no-such-feature' },
    );
    expect(r.stderr).toBe('');
    expect(commands(r.stdout, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    expect(gh.comments).toHaveLength(1);
  });

  it('refuses a budget that is not a positive number of minutes up to 360', async () => {
    for (const bad of ['0', '-1', 'ten', '361']) {
      const r = await runOnPr({ 'time-budget-minutes': bad });
      expect(r.status).toBe(1);
      expect(commands(r.stdout, 'error')[0]).toContain(
        `input time-budget-minutes must be a number of minutes above 0 and at most 360, not "${bad}"`,
      );
    }
  });
});

describe('the watchdog process ending early', () => {
  // src/github/time-budget.ts imports nothing of aicost's, so Node (≥ 23, types stripped) runs it
  // as it is in a child; the child kills its Perl watchdog, enters a stage, then blocks for 10 s.
  const script = `
import { execFileSync } from 'node:child_process';
import { startTimeBudget } from ${JSON.stringify(join(ROOT, 'src/github/time-budget.ts'))};
const budget = startTimeBudget(1 / 60, process.argv[2], {});
budget.stage('stage one');
const pid = execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' })
  .split('\\n').map((l) => Number(l.trim())).find((p) => p > 0);
process.kill(pid, 'SIGKILL');
await new Promise((r) => setTimeout(r, 300));
budget.stage('stage two');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
process.stdout.write('not stopped\\n');
`;
  const canRun =
    process.platform === 'linux' && existsSync('/usr/bin/perl') && Number(process.versions.node.split('.')[0]) >= 23;
  (canRun ? it : it.skip)('a thread takes over with what is left of the budget and the current stage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicost-watch-'));
    writeFileSync(join(dir, 'watch.mjs'), script);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = spawnSync(process.execPath, [join(dir, 'watch.mjs'), summary], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(r.stdout).not.toContain('not stopped');
    expect(commands(r.stdout, 'error')).toEqual([
      '::error::aicost stopped: its time budget of 0.016666666666666666 minute(s) ran out while stage two.%0A  A larger repository may need more: raise the input time-budget-minutes; a run that never ends on one input is a bug to report.',
    ]);
    expect(readFileSync(summary, 'utf8')).toContain('ran out while stage two');
  });
});
