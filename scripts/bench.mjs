// `npm run bench`: measures aicost against the raw tokenizer bound and against the reference way
// on a generated workload, in one run, and prints ratios (they hold on a noisy machine where
// absolute times do not). The workload is scripts/bench-workload.mjs. Options: --quick (1/10 of
// the samples), --skip-reference, --skip-million, --sweep (time and interval width for several
// replay.max_samples, to choose the default), --prompt-tool-change (the PR adds a tool to a
// .prompt.yml's tools: instead of to a sub-agent). The last part prices a 1 MB prompt
// (scripts/bench-long-prompt.mjs, in a process of its own; also runnable alone).
// Environment: BENCH_DIST (bundles to measure, default dist/), BENCH_KEEP=1 (keep the workload).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import { FEATURES, PROMPT_FEATURES, definitionsAt, git, makeWorkload, prose, rand, text } from './bench-workload.mjs';

const root = new URL('..', import.meta.url).pathname;
const argv = new Set(process.argv.slice(2));
const QUICK = argv.has('--quick');
const SAMPLES = QUICK ? 1000 : 10000;
const MILLION = QUICK ? 100_000 : 1_000_000;
// BENCH_DIST=DIR measures bundles built elsewhere (a private build while dist/ is being rebuilt).
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const CLI = join(DIST, 'cli/index.js');
const ACTION = join(DIST, 'index.js');
const CHILD = join(root, 'scripts/bench-child.mjs');

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------
function runChild(bundle, args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CHILD, bundle, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = performance.now() - t0;
  const m = /BENCH (\{.*\})/.exec(r.stderr ?? '');
  if (!m) throw new Error(`bench child failed (${r.status}): ${r.stderr}`);
  // `ms` is the wall time from spawn to exit (Node's own start and exit included); the child's
  // own figure, from its first line to its exit, is `inProcessMs`. (Until 2026-12-05 the child's
  // figure overwrote `ms`, so every time here was the in-process one.)
  const child = JSON.parse(m[1]);
  return {
    ms,
    inProcessMs: child.ms,
    maxRssKiB: child.maxRssKiB,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/**
 * Counts the texts of `textsFile` with aicost's tokenizer (scripts/bench-tokenizer.ts, bundled
 * here with ncc as scripts/build.mjs bundles the entries, the o200k image copied beside it).
 */
function ownTokenizer(work, textsFile) {
  const out = join(work, 'own-tokenizer');
  const build = spawnSync(
    join(root, 'node_modules/.bin/ncc'),
    ['build', join(root, 'scripts/bench-tokenizer.ts'), '-o', out, '-q', '--target', 'es2022'],
    { encoding: 'utf8' },
  );
  check(build.status === 0, `bundling scripts/bench-tokenizer.ts failed: ${build.stderr}`);
  copyFileSync(join(root, 'src/generated/o200k-index.bin'), join(out, 'o200k-index.bin'));
  const run = spawnSync(process.execPath, [join(out, 'index.js'), textsFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  check(run.status === 0, `aicost's tokenizer process failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function fmt(n, d = 0) {
  return n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
}

const out = [];
const log = (s = '') => {
  out.push(s);
  console.log(s);
};

/** Fails the run with the reason: a benchmark of a wrong report measures nothing. */
function check(ok, message) {
  if (!ok) throw new Error(`bench sanity check failed: ${message}`);
}

/**
 * 4. Cold start to a completed report on a tiny repository. Measured before anything else, from a
 * small parent: spawning a process forks the parent, and a parent that holds the workload (the
 * bound's 179 M characters) paid for that in every spawn-to-exit time (~60 ms more for the action
 * in the run of 2026-12-05 night).
 */
function coldStart(work) {
  const tiny = join(work, 'tiny');
  mkdirSync(join(tiny, 'prompts'), { recursive: true });
  writeFileSync(
    join(tiny, '.aicost.yml'),
    'version: 1\nfeatures:\n  faq:\n    team: web\n    prompt: prompts/faq.prompt.yml\n    requests_per_month: 1000\n    typical_output_tokens: 50\nteams:\n  web: {}\n',
  );
  writeFileSync(
    join(tiny, 'prompts/faq.prompt.yml'),
    'model: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "Hi {{name}}"\n',
  );
  git(tiny, 'init', '-q', '-b', 'main');
  git(tiny, 'add', '-A');
  git(tiny, 'commit', '-q', '-m', 'tiny');
  const cold = (bundle, args, env) => {
    const runs = Array.from({ length: 5 }, () => runChild(bundle, args, { env: { ...process.env, ...env } }));
    return { ms: median(runs.map((r) => r.ms)), inProcessMs: median(runs.map((r) => r.inProcessMs)) };
  };
  const summary = join(work, 'summary.md');
  writeFileSync(summary, '');
  const actionEnv = {
    GITHUB_WORKSPACE: tiny,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: join(work, 'out.txt'),
    RUNNER_TEMP: work,
    GITHUB_SHA: git(tiny, 'rev-parse', 'HEAD').toString().trim(),
    GITHUB_REPOSITORY: 'acme/tiny',
    'INPUT_WORKING-DIRECTORY': '.',
    INPUT_CONFIG: '.aicost.yml',
    INPUT_COMMENT: 'off',
  };
  writeFileSync(join(work, 'out.txt'), '');
  const coldCli = cold(CLI, ['estimate', '--repo', tiny, '--format', 'json'], {});
  const coldAction = cold(ACTION, [], actionEnv);
  const nodeOnly = median(
    Array.from({ length: 5 }, () => {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      return performance.now() - t0;
    }),
  );
  return { coldCli, coldAction, nodeOnly };
}

const work = mkdtempSync(join(tmpdir(), 'aicost-bench-'));
try {
  const { coldCli, coldAction, nodeOnly } = coldStart(work);
  log(`aicost benchmark — ${new Date().toISOString().slice(0, 10)}`);
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}${QUICK ? ' (--quick)' : ''}`,
  );
  log('');
  const repo = join(work, 'repo');
  mkdirSync(repo);
  let t = performance.now();
  const { features, changes } = makeWorkload(repo, {
    samples: SAMPLES,
    promptToolChange: argv.has('--prompt-tool-change'),
  });
  const agentFeatures = features.filter((f) => f.kind === 'agent');
  const agentRuns = agentFeatures.reduce((a, f) => a + new Set(f.calls.map((c) => c.run)).size, 0);
  log(
    `workload: ${FEATURES} features × ${fmt(SAMPLES)} traffic lines: ${PROMPT_FEATURES} prompt features (vars of 50–4,000 characters of prose, code and JSON; 3 with a tools: list), ${agentFeatures.length} agent features (aicost agent YAML, 4 with a sub-agent; ${fmt(agentRuns)} runs of 4–6 calls with recorded messages: instructions, a 50–4,000-character ticket, assistant turns and JSON tool results); input_tokens recorded on half of each kind; generated in ${fmt((performance.now() - t) / 1000, 1)} s`,
  );
  log(`PR changes ${changes.length} features: ${changes.map((c) => `${c.id} ${c.what}`).join('; ')}`);

  // 1. End to end: the committed CLI bundle, diff of the PR.
  const e2e = runChild(CLI, ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json']);
  if (e2e.status !== 0 && e2e.status !== 1) throw new Error(`diff failed: ${e2e.stderr}`);
  const report = JSON.parse(e2e.stdout);
  // The report must price what the PR did: 20 features, exactly the 7 changed ones with the change
  // kind each was made for, none unpriced.
  check(report.features.length === FEATURES, `the report has ${report.features.length} features, expected ${FEATURES}`);
  const unpriced = report.features.filter((f) => f.status === 'unpriced');
  check(
    unpriced.length === 0,
    `unpriced features: ${unpriced.map((f) => `${f.id} (${f.notes?.[0] ?? ''})`).join(', ')}`,
  );
  const changed = report.features.filter((f) => f.status === 'changed').map((f) => f.id);
  const expected = changes.map((c) => c.id);
  check(
    changed.length === expected.length && expected.every((id) => changed.includes(id)),
    `changed features ${changed.join(', ') || 'none'}, expected ${expected.join(', ')}`,
  );
  const kinds = {};
  for (const c of changes) {
    const f = report.features.find((x) => x.id === c.id);
    check(
      f.changes.some((x) => x.kind === c.kind),
      `${c.id} (${c.what}): no "${c.kind}" change in the report, got ${JSON.stringify(f.changes.map((x) => `${x.kind}: ${x.summary}`))}`,
    );
    for (const x of f.changes) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1;
  }
  const lines = FEATURES * SAMPLES;
  const tokens = report.features.reduce(
    (a, f) =>
      a +
      (f.base ? f.base.samples * f.base.input_tokens.mean : 0) +
      (f.head ? f.head.samples * f.head.input_tokens.mean : 0),
    0,
  );
  log('');
  log(
    `diff end to end (${CLI.startsWith(root) ? CLI.slice(root.length) : CLI}): ${fmt(e2e.ms / 1000, 2)} s, ${fmt(lines / (e2e.ms / 1000))} traffic lines/s, ${fmt(tokens / (e2e.ms / 1000) / 1e6, 2)} M input tokens/s (base + head), peak RSS ${fmt(e2e.maxRssKiB / 1024)} MB`,
  );
  log(
    `  report: ${report.features.length} features, ${changed.length} changed (${Object.entries(kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), 0 unpriced; exit ${e2e.status}`,
  );

  // What aicost has to count at each revision, read back from git: per feature and agent (null for
  // a prompt feature) the system text (a prompt's system message, an agent's instructions) and the
  // tool texts of OpenAI's tool rule; beside them every recorded text that is not a template.
  const defs = {
    base: features.map((f) => definitionsAt(repo, 'main', f)),
    head: features.map((f) => definitionsAt(repo, 'pr', f)),
  };

  // 2. The raw tokenizer bound: every distinct text of the workload counted once.
  const distinct = new Set();
  features.forEach((f, i) => {
    for (const side of [defs.base[i], defs.head[i]]) {
      for (const d of side.values()) {
        distinct.add(d.system);
        for (const s of d.tools) distinct.add(s);
      }
    }
    for (const c of f.calls) for (const s of c.texts) distinct.add(s);
  });
  let distinctChars = 0;
  for (const s of distinct) distinctChars += s.length;
  // Counted in a process of its own, holding only the texts (scripts/bench-bound.mjs): the best
  // case, and steady from run to run.
  const textsFile = join(work, 'bound-texts.json');
  writeFileSync(textsFile, JSON.stringify([...distinct]));
  const boundRun = spawnSync(process.execPath, [join(root, 'scripts/bench-bound.mjs'), textsFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  check(boundRun.status === 0, `the bound's process failed: ${boundRun.stderr}`);
  const { ms: boundMs, tokens: boundTokens } = JSON.parse(boundRun.stdout);
  const own = ownTokenizer(work, textsFile);
  rmSync(textsFile);
  log(
    `raw tokenizer bound (gpt-tokenizer o200k, ${fmt(distinct.size)} distinct texts: messages, system texts and agent tool texts at base and head, ${fmt(distinctChars / 1e6, 1)} M chars, ${fmt(boundTokens / 1e6, 1)} M tokens, counted once, faster of 2 passes): ${fmt(boundMs / 1000, 2)} s`,
  );
  log(`  → end to end / tokenizer bound: ×${fmt(e2e.ms / boundMs, 2)}  (target ≤ 1.5)`);
  // The same texts through aicost's own o200k count (the packed table, the scanner of o200k's
  // split): informative, and a check that it counts every token gpt-tokenizer does.
  check(own.tokens === boundTokens, `aicost counts ${own.tokens} tokens, gpt-tokenizer ${boundTokens}`);
  log(
    `  aicost's o200k count of the same texts (${own.path.scanner ? 'scanner' : 'NO scanner'}, in a process of its own, faster of 2 passes): ${fmt(own.ms / 1000, 2)} s for the same ${fmt(own.tokens)} tokens, ×${fmt(boundMs / own.ms, 2)} faster than gpt-tokenizer`,
  );

  // 2b. The savings advisor (issue 18): `suggest` of the base revision against `estimate` of the
  // same revision; every feature, prompt and agent, replayed on at least 5 candidates (target ≤ 3×).
  if (!argv.has('--skip-suggest')) {
    const est = runChild(CLI, ['estimate', '--repo', repo, '--rev', 'main', '--format', 'json']);
    check(est.status === 0, `estimate failed: ${est.stderr}`);
    const sug = runChild(CLI, ['suggest', '--repo', repo, '--rev', 'main', '--format', 'json']);
    check(sug.status === 0, `suggest failed: ${sug.stderr}`);
    const advice = JSON.parse(sug.stdout);
    const routes = (f) => f.suggestions.filter((x) => x.kind === 'routing' && x.monthly !== null).length;
    const routed = advice.features.filter((f) => routes(f) >= 5);
    check(
      routed.length === FEATURES,
      `${routed.length} features replayed on 5+ candidates, expected ${FEATURES} (${PROMPT_FEATURES} prompt, ${FEATURES - PROMPT_FEATURES} agent); not replayed: ${advice.features
        .filter((f) => routes(f) < 5)
        .map((f) => `${f.feature} (${f.notes.join(' ') || `${routes(f)} candidates`})`)
        .join(', ')}`,
    );
    // Agent features are replayed per run: their routing details count runs, not samples.
    const agentRouted = advice.features.filter((f) =>
      f.suggestions.some((x) => x.kind === 'routing' && x.details.runs !== undefined),
    );
    check(
      agentRouted.length === FEATURES - PROMPT_FEATURES,
      `${agentRouted.length} agent features routed per run, expected ${FEATURES - PROMPT_FEATURES}`,
    );
    const replays = advice.features.reduce((a, f) => a + routes(f), 0);
    log(
      `suggest (${replays} candidate replays of ${FEATURES} features (${FEATURES - PROMPT_FEATURES} agent, top agent per run) × ${fmt(SAMPLES)} samples, caching, batch, output cap; peak RSS ${fmt(sug.maxRssKiB / 1024)} MB): ${fmt(sug.ms / 1000, 2)} s vs estimate of the same revision ${fmt(est.ms / 1000, 2)} s`,
    );
    log(`  → suggest / estimate: ×${fmt(sug.ms / est.ms, 2)}  (target ≤ 3)`);
    log('');
  }

  // 3. The reference way: render every call fully at base and head (system text, recorded or
  // rendered messages, tool texts), count every piece with js-tiktoken, no memo.
  if (!argv.has('--skip-reference')) {
    const enc = new Tiktoken(o200kRanks);
    const count = (s) => enc.encode(s, [], []).length;
    t = performance.now();
    let refTokens = 0;
    features.forEach((f, i) => {
      for (const c of f.calls) {
        for (const side of [defs.base[i], defs.head[i]]) {
          const d = side.get(c.agent);
          refTokens += count(d.system);
          for (const s of d.tools) refTokens += count(s);
          for (const s of c.texts) refTokens += count(s);
        }
      }
    });
    const refMs = performance.now() - t;
    log(
      `reference way (render every call at base and head, js-tiktoken, no memo): ${fmt(refMs / 1000, 2)} s for ${fmt(refTokens / 1e6, 1)} M tokens`,
    );
    log(`  → reference / end to end: ×${fmt(refMs / e2e.ms, 2)} faster  (target ≥ 8)`);
  }

  // 4. Cold start (measured first, see coldStart), bundle sizes.
  log('');
  log(
    `cold start to a completed report (tiny repo, median of 5, spawn to exit, incl. Node's own ${fmt(nodeOnly)} ms for \`node -e 0\`): CLI ${fmt(coldCli.ms)} ms, action ${fmt(coldAction.ms)} ms  (target < 300); in process (first line to exit): CLI ${fmt(coldCli.inProcessMs)} ms, action ${fmt(coldAction.inProcessMs)} ms`,
  );
  log(
    `bundles: dist/index.js ${fmt(statSync(ACTION).size / 1e6, 2)} MB, dist/cli/index.js ${fmt(statSync(CLI).size / 1e6, 2)} MB  (target < 6 each)`,
  );

  // 5. A 1,000,000-line traffic file with sampling on.
  if (!argv.has('--skip-million')) {
    const big = join(work, 'big');
    mkdirSync(join(big, 'prompts'), { recursive: true });
    mkdirSync(join(big, 'traffic'), { recursive: true });
    writeFileSync(
      join(big, '.aicost.yml'),
      'version: 1\nfeatures:\n  big:\n    team: web\n    prompt: prompts/big.prompt.yml\n    traffic: traffic/big.jsonl\n    requests_per_month: 1000000\nteams:\n  web: {}\n',
    );
    writeFileSync(
      join(big, 'prompts/big.prompt.yml'),
      'model: openai/gpt-4o-mini\nmodelParameters:\n  maxTokens: 4000\nmessages:\n  - role: user\n    content: "{{q}}"\n',
    );
    // Usage-only lines with a skewed cost: the exact full-file mean is known here.
    let sum = 0;
    const stream = createWriteStream(join(big, 'traffic/big.jsonl'));
    for (let k = 0; k < MILLION; k++) {
      const input = 200 + Math.floor(-Math.log(1 - rand()) * 800);
      const output = 20 + Math.floor(-Math.log(1 - rand()) * 150);
      sum += (input * 0.15 + output * 0.6) / 1e6;
      if (!stream.write(`{"id":"b${k}","usage":{"input_tokens":${input},"output_tokens":${output}}}\n`))
        await new Promise((r) => stream.once('drain', r));
    }
    await new Promise((r) => stream.end(r));
    const fullMonthly = (sum / MILLION) * 1e6;
    git(big, 'init', '-q', '-b', 'main');
    git(big, 'add', '-A');
    git(big, 'commit', '-q', '-m', 'big');
    git(big, 'checkout', '-q', '-b', 'pr');
    git(big, 'commit', '-q', '--allow-empty', '-m', 'no change');
    const size = statSync(join(big, 'traffic/big.jsonl')).size;
    const r = runChild(CLI, ['diff', '--repo', big, '--base', 'main', '--head', 'pr', '--format', 'json']);
    const rep = JSON.parse(r.stdout);
    const f = rep.features[0];
    const team = rep.teams.find((x) => x.team === 'web');
    const [lo, hi] = team.head_ci95;
    const inside = fullMonthly >= lo && fullMonthly <= hi;
    log('');
    log(
      `${fmt(MILLION)}-line traffic file (${fmt(size / 1e6)} MB, sampled to ${fmt(f.base.samples)}): ${fmt(r.ms / 1000, 2)} s, peak RSS ${fmt(r.maxRssKiB / 1024)} MB  (targets < 30 s, < 512 MB)`,
    );
    // z: the miss in standard errors (half-width / 1.96). Sampling n of N lines without
    // replacement makes the true spread √(1 − n/N) of the bootstrap's, so |z| > 1.96 happens in
    // fewer than 5% of files (scripts/sampling-coverage.mjs measures it over many).
    const z = (f.base.monthly - fullMonthly) / ((hi - lo) / 2 / 1.96);
    log(
      `  sampled monthly $${fmt(f.base.monthly, 2)} (95%: $${fmt(lo, 2)}–$${fmt(hi, 2)}, ±${fmt(((hi - lo) / 2 / f.base.monthly) * 100, 2)}%) vs full file $${fmt(fullMonthly, 2)}: ${fmt(((f.base.monthly - fullMonthly) / fullMonthly) * 100, 2)}% off (z ${fmt(z, 2)}), ${inside ? 'inside' : 'OUTSIDE'} the interval`,
    );
  }

  // 6. replay.max_samples: time and interval width of a text-traffic feature for several values.
  if (argv.has('--sweep')) {
    const sw = join(work, 'sweep');
    mkdirSync(join(sw, 'prompts'), { recursive: true });
    mkdirSync(join(sw, 'traffic'), { recursive: true });
    const N = QUICK ? 20_000 : 40_000;
    const lines = [];
    for (let k = 0; k < N; k++) {
      const v = { context: text(), question: prose(30 + Math.floor(rand() * 120)) };
      lines.push(
        JSON.stringify({
          id: `s-${k}`,
          vars: v,
          usage: {
            input_tokens: 200 + Math.floor((v.context.length + v.question.length) / 3.8),
            output_tokens: 50 + Math.floor(rand() * 700),
          },
        }),
      );
    }
    writeFileSync(join(sw, 'traffic/s.jsonl'), lines.join('\n') + '\n');
    const sys = `You are the support assistant. ${prose(800)}`;
    const prompt = (extra, model = 'openai/gpt-4o-mini') =>
      `model: ${model}\nmessages:\n  - role: system\n    content: ${JSON.stringify(sys + extra)}\n  - role: user\n    content: "Context:\\n{{context}}\\n\\nQuestion: {{question}}"\n`;
    writeFileSync(join(sw, 'prompts/s.prompt.yml'), prompt(''));
    git(sw, 'init', '-q', '-b', 'init');
    git(sw, 'add', '-A');
    git(sw, 'commit', '-q', '-m', 'init');
    log('');
    log(
      `replay.max_samples sweep (1 feature, ${fmt(N)} text samples, PR swaps gpt-4o-mini → gpt-4.1-mini; 95% half-widths):`,
    );
    for (const m of [...new Set([1000, 2500, 5000, 10_000, 20_000, N])]) {
      git(sw, 'checkout', '-q', '-B', `base-${m}`, 'init');
      writeFileSync(
        join(sw, '.aicost.yml'),
        `version: 1\nfeatures:\n  s:\n    team: web\n    prompt: prompts/s.prompt.yml\n    traffic: traffic/s.jsonl\n    requests_per_month: 1000000\nteams:\n  web: {}\nreplay:\n  max_samples: ${m}\n`,
      );
      git(sw, 'add', '-A');
      git(sw, 'commit', '-q', '-m', `base ${m}`);
      git(sw, 'checkout', '-q', '-B', `head-${m}`);
      // A model swap: the per-sample delta varies with the sample, so its interval has a width.
      writeFileSync(join(sw, 'prompts/s.prompt.yml'), prompt('', 'openai/gpt-4.1-mini'));
      git(sw, 'commit', '-q', '-am', `head ${m}`);
      const r = runChild(CLI, ['diff', '--repo', sw, '--base', `base-${m}`, '--head', `head-${m}`, '--format', 'json']);
      const f = JSON.parse(r.stdout).features[0];
      const t = JSON.parse(r.stdout).teams.find((x) => x.team === 'web');
      const [dlo, dhi] = f.delta.monthly_ci95;
      const pct = (a, b, of) => ((b - a) / 2 / of) * 100;
      log(
        `  max_samples ${fmt(m).padStart(6)}: ${fmt(r.ms / 1000, 2).padStart(5)} s, monthly $${fmt(f.base.monthly, 0)} → $${fmt(f.head.monthly, 0)}: delta ±${fmt(pct(dlo, dhi, f.delta.monthly), 2)}% of the delta, head level ±${fmt(pct(t.head_ci95[0], t.head_ci95[1], f.head.monthly), 2)}% of the level`,
      );
    }
  }
  // 7. A 1 MB prompt of text no tokenizer splits: time per MB at 0.25, 0.5 and 1 MB. In a process
  // of its own: each figure is net of a tiny prompt's run, and runs started from this process
  // (which holds the workload) took longer and varied more, so the 0.25 MB figures were mostly
  // that noise (prose ×1.42–1.45 here, ×0.92 alone, in the same hour).
  const long = spawnSync(process.execPath, [join(root, 'scripts/bench-long-prompt.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_DIST: DIST },
    maxBuffer: 1 << 20,
  });
  check(long.status === 0, `the long-prompt process failed: ${long.stderr}`);
  for (const line of long.stdout.trimEnd().split('\n')) log(line);
  writeFileSync(join(root, 'bench-results.txt'), out.join('\n') + '\n');
} finally {
  // BENCH_KEEP=1 leaves the workload in place for profiling.
  if (process.env.BENCH_KEEP) console.log(`workload kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
