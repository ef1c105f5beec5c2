/**
 * Start-up work, bounded by what is loaded, never by time (timing belongs to the benchmark): the
 * cold start of BENCHMARKS.md (a one-feature repository without traffic, `estimate` and the action
 * on a workflow_dispatch event) loads each bundle's entry chunk only, reads the one rank table its
 * model counts with (o200k_base for gpt-4o-mini, as its image: the index built) and the catalog's
 * data file (not the catalog package: its code is in no bundle), and neither the chunks of the paired diff, the
 * bootstrap, the unpriced scanner, the policies, the advisor, the report validator, `init`, the
 * Parquet reader and (CLI, JSON) the renderers, nor tree-sitter, nor the other tokenizer tables,
 * nor (CLI) node:crypto, nor node:worker_threads. The processes a start runs are counted too: each
 * is a fork of the Node process (~10 ms on a 2-core runner). The action runs three git processes
 * (the top level with GITHUB_SHA checked, the tree, one `cat-file --batch` for the files and the
 * commit date) and its time-budget watchdog as a Perl process, not a thread (a worker thread
 * boots a second Node environment: ~100 ms of CPU).
 * A `diff` run through the same trace loads chunks, so the trace sees them when they load.
 *
 * tests/helpers/load-trace.mjs (preloaded with NODE_OPTIONS=--import) records every module, every
 * file read whole and every process started.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { FakeGitHub } from '../action/fake-github.js';
import { checkout, makePr, pullRequestPayload, runAction } from '../action/harness.js';
import { git, makeRepo, prRepo, ROOT, runCli } from '../helpers/run.js';

const TRACE = join(ROOT, 'tests/helpers/load-trace.mjs');
const CLI_DIR = dirname(process.env.AICOST_CLI_DIST || join(ROOT, 'dist/cli/index.js'));
const ACTION_DIR = dirname(process.env.AICOST_ACTION_DIST || join(ROOT, 'dist/index.js'));

/**
 * The code an estimate parses at start, at most: the CLI's entry chunk. It was 3.4 MB with the
 * o200k and cl100k tables inside (1.8 MB) and every command's code, and 1.17 MB with the catalog
 * package inside (its provider data as code); a change that pulls a large module back into the
 * entry chunk fails here and should load it where it is needed instead.
 */
const MAX_ENTRY_BYTES = 900_000;

const TINY = {
  '.aicost.yml':
    'version: 1\nfeatures:\n  faq:\n    team: web\n    prompt: prompts/faq.prompt.yml\n    requests_per_month: 1000\n    typical_output_tokens: 50\nteams:\n  web: {}\n',
  'prompts/faq.prompt.yml': 'model: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "Hi {{name}}"\n',
};

interface Trace {
  /** JavaScript files of the bundle's directory loaded (entry and chunks), by file name. */
  code: string[];
  /** Files of the bundle's directory read whole (data assets, tree-sitter), by path inside it. */
  data: string[];
  /** Node's built-in modules loaded (internal ones included). */
  builtins: string[];
  /** Processes started: git by its subcommand and arguments (`git ls-tree …`), others by program. */
  processes: string[];
}

/** `git -c … --no-pager rev-parse …` → `git rev-parse …`: the hardening options every call has are left out. */
function processOf([file, ...args]: string[]): string {
  if (file !== 'git') return file!;
  return ['git', ...args.slice(args.indexOf('--no-pager') + 1)].join(' ');
}

function traceOf(file: string, bundleDir: string): Trace {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    modules: string[];
    reads: string[];
    builtins: string[];
    processes: string[][];
  };
  const inside = (p: string) => p.startsWith(`${bundleDir}/`);
  return {
    code: [...new Set(raw.modules.filter(inside).map((p) => p.slice(bundleDir.length + 1)))].sort(),
    data: [...new Set(raw.reads.filter(inside).map((p) => p.slice(bundleDir.length + 1)))].sort(),
    builtins: raw.builtins,
    processes: raw.processes.map(processOf),
  };
}

/** The data asset (ncc names them by hash) whose first line names the encoding's table. */
function assetOf(bundleDir: string, encoding: string): string {
  const hits = readdirSync(bundleDir).filter(
    (f) =>
      f.endsWith('.txt') && readFileSync(join(bundleDir, f), 'latin1').slice(0, 200).split('\n')[0]!.includes(encoding),
  );
  expect(hits).toHaveLength(1);
  return hits[0]!;
}

const chunksIn = (dir: string) => readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f));
const traceEnv = (out: string) => ({ NODE_OPTIONS: `--import=${TRACE}`, AICOST_LOAD_TRACE: out });

describe('cold start (what a start loads, counted)', () => {
  it('the CLI estimate loads the entry chunk and the o200k table only', () => {
    const repo = makeRepo(TINY);
    const out = join(mkdtempSync(join(tmpdir(), 'aicost-trace-')), 'trace.json');
    const r = runCli(['estimate', '--repo', repo, '--format', 'json'], { env: traceEnv(out) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).features[0].id).toBe('faq');
    const t = traceOf(out, CLI_DIR);
    // The bundles do have chunks; none of them is loaded.
    expect(chunksIn(CLI_DIR).length).toBeGreaterThanOrEqual(5);
    expect(t.code).toEqual(['index.js']);
    expect(statSync(join(CLI_DIR, 'index.js')).size).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    expect(t.data).toEqual([assetOf(CLI_DIR, 'genai-prices@'), 'o200k-index.bin'].sort());
    expect(t.data).not.toContain(assetOf(CLI_DIR, 'cl100k_base'));
    // The top level, and the commit date of HEAD (the pricing date). Hashing traffic (crypto) and
    // starting workers (worker_threads) do not happen here, and each brings dozens of internal modules.
    expect(t.processes).toEqual(['git rev-parse --show-toplevel', 'git show -s --format=%cI HEAD --']);
    expect(t.builtins).not.toContain('crypto');
    expect(t.builtins).not.toContain('worker_threads');
  });

  it('a CLI diff (Markdown) loads its chunks: the trace sees chunks when they load', () => {
    const repo = prRepo(TINY, { 'prompts/faq.prompt.yml': TINY['prompts/faq.prompt.yml'].replace('Hi', 'Hello') });
    const out = join(mkdtempSync(join(tmpdir(), 'aicost-trace-')), 'trace.json');
    const r = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'markdown'], {
      env: traceEnv(out),
    });
    expect(r.status).toBe(0);
    const t = traceOf(out, CLI_DIR);
    expect(t.code).toContain('index.js');
    // The diff's own chunk, the report validator's and the renderers' at least.
    expect(t.code.length).toBeGreaterThanOrEqual(4);
    expect(t.code.every((f) => f === 'index.js' || chunksIn(CLI_DIR).includes(f))).toBe(true);
  });

  it('the action on workflow_dispatch loads the entry chunk and the o200k table only', async () => {
    const workspace = makeRepo(TINY);
    const sha = git(workspace, 'rev-parse', 'HEAD').trim();
    const gh = new FakeGitHub();
    await gh.start();
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'aicost-trace-')), 'trace.json');
      const run = await runAction({
        workspace,
        event: 'workflow_dispatch',
        payload: {},
        sha,
        gh,
        inputs: { comment: 'off' },
        env: traceEnv(out),
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.summary).toContain('faq');
      expect(gh.requests).toEqual([]);
      const t = traceOf(out, ACTION_DIR);
      expect(chunksIn(ACTION_DIR).length).toBeGreaterThanOrEqual(5);
      expect(t.code).toEqual(['index.js']);
      expect(t.data).toEqual([assetOf(ACTION_DIR, 'genai-prices@'), 'o200k-index.bin'].sort());
      expect(t.data.some((f) => basename(f).includes('tree-sitter'))).toBe(false);
      // Five git processes before (the top level, GITHUB_SHA checked, the tree, the files, the
      // commit date apart) and a watchdog thread.
      expect(t.processes.filter((p) => p.startsWith('git '))).toEqual([
        `git rev-parse --show-toplevel ${sha}^{commit} --`,
        // Listed from the working directory while rev-parse runs (listAhead).
        `git ls-tree -r -z -l ${sha}`,
        'git cat-file --batch',
      ]);
      if (existsSync('/usr/bin/perl')) {
        expect(t.processes.filter((p) => !p.startsWith('git '))).toEqual(['/usr/bin/perl']);
        expect(t.builtins).not.toContain('worker_threads');
      } else {
        // Where Perl is not (a minimal container), the watch is the thread it was.
        expect(t.processes.filter((p) => !p.startsWith('git '))).toEqual([]);
        expect(t.builtins).toContain('worker_threads');
      }
    } finally {
      await gh.close();
    }
  });
  it('the action on pull_request: six git processes, one batch process for the override policy, base and head', async () => {
    const fx = makePr(
      TINY,
      { 'prompts/faq.prompt.yml': TINY['prompts/faq.prompt.yml'].replace('Hi', 'Hello') },
      {
        'README.md': '# moved on\n',
      },
    );
    const gh = new FakeGitHub();
    await gh.start();
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'aicost-trace-')), 'trace.json');
      const run = await runAction({
        workspace: checkout(fx),
        event: 'pull_request',
        payload: pullRequestPayload(fx),
        sha: fx.mergeSha,
        gh,
        inputs: { comment: 'off', 'github-token': '' },
        env: traceEnv(out),
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.report!.breached).toBe(false);
      const base = fx.baseSha;
      // Nine before: the first parent took `rev-list` and a check, the base was checked again, and
      // the override policy's reader, base and head each had their own `cat-file --batch`. The
      // event's commit is listed beside the first `rev-parse` (listAhead), not after the base.
      expect(traceOf(out, ACTION_DIR).processes.filter((p) => p.startsWith('git '))).toEqual([
        `git rev-parse --show-toplevel ${fx.mergeSha}^{commit} --`,
        `git ls-tree -r -z -l ${fx.mergeSha}`,
        `git rev-parse --verify --end-of-options ${fx.mergeSha}^1^{commit}`,
        `git ls-tree -r -z -l --full-tree ${base}`,
        'git cat-file --batch',
        `git diff --name-status -z -M --no-ext-diff --no-textconv ${base} ${fx.mergeSha}`,
      ]);
    } finally {
      await gh.close();
    }
  });
});
