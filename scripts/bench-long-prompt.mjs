// A 1 MB prompt priced in time linear in its size (issue 12, reproduction 11): `estimate` through
// the CLI bundle on prompts whose user message is 0.25, 0.5 and 1 MB of text no tokenizer splits
// (a run of one letter, a base64 blob, a minified line: each one pre-tokenized piece), and of
// prose for comparison. Printed: milliseconds per MB above a tiny prompt's run (the start-up),
// and the ratio of the 1 MB rate to the 0.25 MB rate measured in the same run (1.0 = linear; the
// quadratic merge this replaced gave ×4 per doubling). Run alone (`node scripts/bench-long-prompt.mjs`)
// or as the last part of `npm run bench`, which starts it as a process of its own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const SIZES = [250_000, 500_000, 1_000_000];

/** Deterministic text of `n` characters of one kind. */
function textOf(kind, n) {
  let seed = 7;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / (1 << 24);
  const from = (alphabet) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  if (kind === 'one letter') return 'x'.repeat(n);
  if (kind === 'base64') return from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
  if (kind === 'minified') return from('abcdefghij(){};,.=+-*<>!&|?:');
  const words = [
    'the',
    'ticket',
    'customer',
    'refund',
    'order',
    'was',
    'shipped',
    'late',
    'and',
    'asks',
    'for',
    'a',
    'reply',
  ];
  let s = '';
  while (s.length < n) s += words[Math.floor(next() * words.length)] + (next() < 0.1 ? '. ' : ' ');
  return s.slice(0, n);
}

function repoWith(dir, user) {
  mkdirSync(join(dir, 'prompts'), { recursive: true });
  writeFileSync(
    join(dir, '.aicost.yml'),
    'version: 1\nfeatures:\n  long:\n    team: web\n    prompt: prompts/long.prompt.yml\n    requests_per_month: 1000\n    typical_output_tokens: 50\nteams:\n  web: {}\n',
  );
  writeFileSync(
    join(dir, 'prompts/long.prompt.yml'),
    `model: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: ${JSON.stringify(user)}\n`,
  );
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['add', '-A'],
    ['-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '-m', 'long'],
  ])
    spawnSync('git', args, { cwd: dir });
  return dir;
}

/**
 * Runs the bench with the caller's helpers: `runChild(bundle, args)` → { ms, status, stdout },
 * `log(line)`, `work` (a temp dir), `cli` (the CLI bundle).
 */
function longPromptBench({ runChild, log, work, cli }) {
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (dir) => {
    const runs = Array.from({ length: 3 }, () => runChild(cli, ['estimate', '--repo', dir, '--format', 'json']));
    for (const r of runs) if (r.status !== 0) throw new Error(`estimate failed on ${dir}: ${r.stderr}`);
    return { ms: median(runs.map((r) => r.ms)), tokens: JSON.parse(runs[0].stdout).features[0].input_tokens.mean };
  };
  const base = time(repoWith(join(work, 'long-tiny'), 'Hi')).ms;
  log('');
  log(`a long prompt priced by estimate (CLI, median of 3, minus a tiny prompt's ${fmt(base)} ms):`);
  for (const kind of ['one letter', 'base64', 'minified', 'prose']) {
    const rates = SIZES.map((n) => {
      const r = time(repoWith(join(work, `long-${kind.replace(' ', '-')}-${n}`), textOf(kind, n)));
      return { n, perMb: Math.max(0, r.ms - base) / (n / 1e6), tokens: r.tokens };
    });
    const cells = rates
      .map((r) => `${fmt(r.n / 1e6, 2)} MB ${fmt(r.perMb)} ms/MB (${fmt(r.tokens)} tokens)`)
      .join(', ');
    log(
      `  ${kind.padEnd(10)}: ${cells}; 1 MB rate / 0.25 MB rate ×${fmt(rates[2].perMb / Math.max(1, rates[0].perMb), 2)}  (linear: ≈ 1)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cli = process.env.BENCH_DIST ? join(process.env.BENCH_DIST, 'cli/index.js') : join(root, 'dist/cli/index.js');
  const child = join(root, 'scripts/bench-child.mjs');
  const runChild = (bundle, args) => {
    const r = spawnSync(process.execPath, [child, bundle, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const m = /BENCH (\{.*\})/.exec(r.stderr ?? '');
    if (!m) throw new Error(`bench child failed (${r.status}): ${r.stderr}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ...JSON.parse(m[1]) };
  };
  const work = mkdtempSync(join(tmpdir(), 'aicost-bench-long-'));
  try {
    longPromptBench({ runChild, log: (s) => console.log(s), work, cli });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
