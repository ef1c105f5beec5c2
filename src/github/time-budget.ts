/**
 * The action's own time budget (input `time-budget-minutes`): past it the step fails with a
 * message naming the stage it was in, instead of holding the job until GitHub's 6-hour limit.
 *
 * The pricing work is synchronous for long stretches (tokenizing, replaying), so a timer on the
 * main thread would fire only once that work yields. The watchdog is a small worker thread that
 * sleeps on a shared word: when the budget runs out it reads the current stage from shared
 * memory, writes the `::error::` command and the job summary itself (synchronous writes, which
 * do not need the main thread) and ends the process. `stop()` wakes it to exit early.
 */
import { Worker } from 'node:worker_threads';

/** Where the run is, for the message; and the end of the watch. */
export interface TimeBudget {
  /** The stage the run enters, e.g. `pricing feature ticket-summary` (finishes the sentence "ran out while …"). */
  stage(where: string): void;
  stop(): void;
}

/** Bytes kept of a stage's text. */
const STAGE_BYTES = 512;

/**
 * Test-only: when a stage of exactly this text is entered, the main thread blocks (without using
 * CPU) as a hung computation would, so tests/action can see the budget end a stuck run.
 */
export const STALL_ENV = 'AICOST_TEST_STALL_STAGE';

// CommonJS run by `new Worker(…, { eval: true })`: no file to ship next to the bundles.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { sab, ms, minutes, summary } = workerData;
const ctl = new Int32Array(sab, 0, 2);
const text = new Uint8Array(sab, 8);
if (Atomics.wait(ctl, 0, 0, ms) === 'timed-out') {
  const where = Buffer.from(text.subarray(0, Atomics.load(ctl, 1))).toString('utf8') || 'starting';
  const message = 'aicost stopped: its time budget of ' + minutes + ' minute(s) ran out while ' + where + '.\\n' +
    '  A larger repository may need more: raise the input time-budget-minutes; a run that never ends on one input is a bug to report.';
  const escaped = message.replace(/%/g, '%25').replace(/\\r/g, '%0D').replace(/\\n/g, '%0A');
  try { fs.writeSync(1, '::error::' + escaped + '\\n'); } catch {}
  if (summary) { try { fs.appendFileSync(summary, '### aicost could not run\\n\\n\`\`\`\\n' + message + '\\n\`\`\`\\n'); } catch {} }
  process.kill(process.pid, 'SIGKILL');
}
`;

/**
 * Start watching: after `minutes` the process is ended with an `::error::` naming the current
 * stage (and the same text in the job summary at `summaryPath`).
 */
export function startTimeBudget(
  minutes: number,
  summaryPath: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): TimeBudget {
  const sab = new SharedArrayBuffer(8 + STAGE_BYTES);
  const ctl = new Int32Array(sab, 0, 2);
  const text = new Uint8Array(sab, 8);
  const encoder = new TextEncoder();
  const worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { sab, ms: Math.round(minutes * 60_000), minutes, summary: summaryPath ?? '' },
  });
  // The watch never keeps the process alive, and a failure to start it must not fail the run.
  worker.unref();
  worker.on('error', () => undefined);
  const stall = env[STALL_ENV];
  return {
    stage(where) {
      const { written } = encoder.encodeInto(where, text);
      Atomics.store(ctl, 1, written);
      if (stall !== undefined && where === stall) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    },
    stop() {
      Atomics.store(ctl, 0, 1);
      Atomics.notify(ctl, 0);
    },
  };
}
