/**
 * The action's own time budget (input `time-budget-minutes`): past it the step fails with a
 * message naming the stage it was in, instead of holding the job until GitHub's 6-hour limit.
 *
 * The pricing work is synchronous for long stretches (tokenizing, replaying), so a timer on the
 * main thread would fire only once that work yields: the watch runs beside it. When the budget
 * runs out the watchdog writes the `::error::` command and the job summary itself and ends the
 * process with SIGKILL.
 *
 * The watchdog is a small Perl process where the runner has /usr/bin/perl (Linux and macOS
 * runners do): its start costs a fork, while a worker thread boots a second Node environment
 * (~100 ms of CPU, on a 2-core runner the largest part of a small run's start besides loading the
 * bundle). Stages reach it as lines on its stdin; the end of its stdin (stop, or this process
 * ending in any way) ends it. Elsewhere (Windows, a container without Perl, or a watchdog that
 * fails to start or dies) a worker thread keeps the watch, sleeping on a shared word.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';

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

/** Test-only: `thread` keeps the watch on the worker thread even where Perl is found. */
export const WATCHDOG_ENV = 'AICOST_TEST_WATCHDOG';

const PERL = '/usr/bin/perl';

/** The message around the stage: "aicost stopped: … ran out while <stage>.\n  A larger …". */
function messageParts(minutes: number): [string, string] {
  return [
    `aicost stopped: its time budget of ${minutes} minute(s) ran out while `,
    '.\n  A larger repository may need more: raise the input time-budget-minutes; a run that never ends on one input is a bug to report.',
  ];
}

// Perl of perl-base only (no modules). The parent is checked before it is killed: a watchdog
// whose parent has already gone (and whose pid may be reused) exits without a word.
const WATCHDOG_PERL = `
my ($seconds, $before, $after, $summary) = @ARGV;
my $parent = getppid();
my $stage = 'starting';
$SIG{ALRM} = sub {
  exit 0 if getppid() != $parent;
  my $message = $before . $stage . $after;
  (my $escaped = $message) =~ s/%/%25/g;
  $escaped =~ s/\\r/%0D/g;
  $escaped =~ s/\\n/%0A/g;
  syswrite STDOUT, "::error::$escaped\\n";
  if ($summary ne '' && open(my $f, '>>', $summary)) { print $f "### aicost could not run\\n\\n\`\`\`\\n$message\\n\`\`\`\\n"; close $f; }
  kill 'KILL', $parent;
  exit 0;
};
alarm $seconds;
while (defined(my $line = <STDIN>)) { chomp $line; $stage = $line eq '' ? 'starting' : $line; }
`;

// CommonJS run by `new Worker(…, { eval: true })`: no file to ship next to the bundles.
const WATCHDOG_THREAD = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { sab, ms, before, after, summary } = workerData;
const ctl = new Int32Array(sab, 0, 2);
const text = new Uint8Array(sab, 8);
if (Atomics.wait(ctl, 0, 0, ms) === 'timed-out') {
  const where = Buffer.from(text.subarray(0, Atomics.load(ctl, 1))).toString('utf8') || 'starting';
  const message = before + where + after;
  const escaped = message.replace(/%/g, '%25').replace(/\\r/g, '%0D').replace(/\\n/g, '%0A');
  try { fs.writeSync(1, '::error::' + escaped + '\\n'); } catch {}
  if (summary) { try { fs.appendFileSync(summary, '### aicost could not run\\n\\n\`\`\`\\n' + message + '\\n\`\`\`\\n'); } catch {} }
  process.kill(process.pid, 'SIGKILL');
}
`;

/** What a watch needs to know: when it ends, the words around the stage, and the job summary. */
interface WatchSpec {
  deadline: number;
  before: string;
  after: string;
  summary: string;
}

/**
 * The watch on a worker thread. node:worker_threads is required here, synchronously: the watch is
 * running when this returns, whatever the main thread does next.
 */
function threadWatch(spec: WatchSpec): TimeBudget {
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
  const sab = new SharedArrayBuffer(8 + STAGE_BYTES);
  const ctl = new Int32Array(sab, 0, 2);
  const text = new Uint8Array(sab, 8);
  const encoder = new TextEncoder();
  const worker = new Worker(WATCHDOG_THREAD, {
    eval: true,
    workerData: {
      sab,
      ms: Math.max(0, spec.deadline - Date.now()),
      before: spec.before,
      after: spec.after,
      summary: spec.summary,
    },
  });
  // The watch never keeps the process alive, and a failure to start it must not fail the run.
  worker.unref();
  worker.on('error', () => undefined);
  return {
    stage(where) {
      const { written } = encoder.encodeInto(where, text);
      Atomics.store(ctl, 1, written);
    },
    stop() {
      Atomics.store(ctl, 0, 1);
      Atomics.notify(ctl, 0);
    },
  };
}

/**
 * The watch in a Perl process. Should it fail to start or end early, a thread takes over with
 * what is left of the budget and the current stage.
 */
function processWatch(spec: WatchSpec): TimeBudget {
  const seconds = Math.max(1, Math.ceil((spec.deadline - Date.now()) / 1000));
  const child = spawn(PERL, ['-e', WATCHDOG_PERL, String(seconds), spec.before, spec.after, spec.summary], {
    stdio: ['pipe', 'inherit', 'ignore'],
    // Nothing from the environment reaches Perl (PERL5OPT and the like could load code).
    env: {},
  });
  let stopped = false;
  let current = '';
  let thread: TimeBudget | undefined;
  const takeOver = () => {
    if (stopped || thread) return;
    thread = threadWatch(spec);
    thread.stage(current);
  };
  child.on('error', takeOver);
  child.on('exit', takeOver);
  child.stdin.on('error', () => undefined);
  // Neither the process nor its pipe keeps this process alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return {
    stage(where) {
      current = where;
      if (thread) thread.stage(where);
      // One line a stage; a pipe write of a short line is done before this returns.
      else if (child.stdin.writable) child.stdin.write(`${where.replace(/[\r\n]/g, ' ').slice(0, STAGE_BYTES)}\n`);
    },
    stop() {
      stopped = true;
      thread?.stop();
      child.stdin.end();
    },
  };
}

/**
 * Start watching: after `minutes` the process is ended with an `::error::` naming the current
 * stage (and the same text in the job summary at `summaryPath`).
 */
export function startTimeBudget(
  minutes: number,
  summaryPath: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): TimeBudget {
  const [before, after] = messageParts(minutes);
  const spec: WatchSpec = {
    deadline: Date.now() + Math.round(minutes * 60_000),
    before,
    after,
    summary: summaryPath ?? '',
  };
  const usePerl = env[WATCHDOG_ENV] !== 'thread' && process.platform !== 'win32' && existsSync(PERL);
  const watch = usePerl ? processWatch(spec) : threadWatch(spec);
  const stall = env[STALL_ENV];
  return {
    stage(where) {
      watch.stage(where);
      if (stall !== undefined && where === stall) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    },
    stop: () => watch.stop(),
  };
}
