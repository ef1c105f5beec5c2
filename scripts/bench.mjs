// `npm run bench`: measures aicost against the raw tokenizer bound and against the reference way
// on a generated workload, in one run, and prints ratios (they hold on a noisy machine where
// absolute times do not). Options: --quick (1/10 of the samples), --skip-reference, --skip-million,
// --sweep (time and interval width for several replay.max_samples, to choose the default).
// Environment: BENCH_DIST (bundles to measure, default dist/), BENCH_KEEP=1 (keep the workload).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';

const root = new URL('..', import.meta.url).pathname;
const argv = new Set(process.argv.slice(2));
const QUICK = argv.has('--quick');
const FEATURES = 20;
const SAMPLES = QUICK ? 1000 : 10000;
const MILLION = QUICK ? 100_000 : 1_000_000;
// BENCH_DIST=DIR measures bundles built elsewhere (a private build while dist/ is being rebuilt).
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const CLI = join(DIST, 'cli/index.js');
const ACTION = join(DIST, 'index.js');
const CHILD = join(root, 'scripts/bench-child.mjs');

// ---------------------------------------------------------------------------------------------
// Seeded text: prose, code and JSON fragments, 50 to 4,000 characters per variable.
// ---------------------------------------------------------------------------------------------
let seed = 7;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const words = 'invoice customer refund export payment account billing error timeout request order shipment delivery address warehouse credit card subscription plan seat user admin report dashboard schedule reminder integration webhook token session browser mobile tablet desktop language currency tax rate discount coupon balance statement ledger journal entry approval workflow manager team support agent ticket priority status resolved pending escalated the a of to and in for on with is was it that this we you they please can could would should not no yes thanks hello regards'.split(' ');
const codeBits = ['const total = items.reduce((a, b) => a + b.amount, 0);', 'if (!user) throw new Error("missing user");', 'def handler(event, context):', '    return {"statusCode": 200, "body": json.dumps(result)}', 'for (let i = 0; i < rows.length; i++) {', '  await db.insert(rows[i]);', 'SELECT id, amount FROM invoices WHERE customer_id = $1;', 'export function parse(input: string): Node[] {', 'import { readFile } from "node:fs/promises";', '}'];
function prose(n) {
  let s = '';
  while (s.length < n) s += (s ? ' ' : '') + pick(words) + (rand() < 0.08 ? '.' : '');
  return s.slice(0, n);
}
function code(n) {
  let s = '';
  while (s.length < n) s += pick(codeBits) + '\n';
  return s.slice(0, n);
}
function json(n) {
  const o = [];
  let len = 2;
  while (len < n) {
    const e = { id: Math.floor(rand() * 1e6), sku: `SKU-${Math.floor(rand() * 9999)}`, qty: Math.floor(rand() * 20), note: prose(10 + Math.floor(rand() * 30)) };
    len += JSON.stringify(e).length + 1;
    o.push(e);
  }
  return JSON.stringify(o).slice(0, n);
}
/** Log-uniform length between 50 and 4,000 characters, of one of three kinds. */
function text() {
  const n = Math.floor(Math.exp(Math.log(50) + rand() * (Math.log(4000) - Math.log(50))));
  const k = rand();
  return k < 0.5 ? prose(n) : k < 0.75 ? code(n) : json(n);
}

// ---------------------------------------------------------------------------------------------
// The workload repository: 20 prompt features, 10,000 samples each; a PR changing a third.
// ---------------------------------------------------------------------------------------------
const MODELS = ['openai/gpt-4o-mini', 'openai/gpt-4.1-mini', 'openai/gpt-4o', 'anthropic/claude-sonnet-4-5', 'openai/gpt-4.1'];
const feature = (i) => `f${String(i).padStart(2, '0')}`;
function promptFile(i, variant) {
  const model = variant.model ?? MODELS[i % MODELS.length];
  const system = `You are assistant ${i} for Acme. ${prose(400 + (i % 5) * 300)}${variant.extra ?? ''}`;
  return `name: Feature ${i}\nmodel: ${model}\nmodelParameters:\n  maxTokens: ${variant.max ?? 800}\nmessages:\n  - role: system\n    content: ${JSON.stringify(system)}\n  - role: user\n    content: "Context:\\n{{context}}\\n\\nQuestion: {{question}}"\n`;
}
const baseVariant = Array.from({ length: FEATURES }, () => ({}));
// A third of the features change: prompts (0, 3, 6), models (9, 12), max tokens (15, 18).
const headVariant = baseVariant.map((v, i) => {
  if ([0, 3, 6].includes(i)) return { extra: ` ${prose(600)}` };
  if (i === 9) return { model: 'openai/gpt-4.1' };
  if (i === 12) return { model: 'openai/gpt-4o-mini' };
  if ([15, 18].includes(i)) return { max: 200 };
  return v;
});

function git(dir, ...args) {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe', maxBuffer: 1 << 30 });
}

function makeWorkload(dir) {
  mkdirSync(join(dir, 'prompts'), { recursive: true });
  mkdirSync(join(dir, 'traffic'), { recursive: true });
  let cfg = 'version: 1\nfeatures:\n';
  const samples = [];
  for (let i = 0; i < FEATURES; i++) {
    // Both revisions' system texts come from the same seeded stream, so generate the base now.
    writeFileSync(join(dir, `prompts/${feature(i)}.prompt.yml`), promptFile(i, baseVariant[i]));
    const recorded = i % 2 === 0;
    const lines = [];
    const vars = [];
    for (let k = 0; k < SAMPLES; k++) {
      const v = { context: text(), question: prose(30 + Math.floor(rand() * 120)) };
      vars.push(v);
      const usage = { output_tokens: 50 + Math.floor(rand() * 700) };
      if (recorded) usage.input_tokens = 200 + Math.floor((v.context.length + v.question.length) / 3.8);
      lines.push(JSON.stringify({ id: `${feature(i)}-${k}`, vars: v, usage }));
    }
    samples.push(vars);
    writeFileSync(join(dir, `traffic/${feature(i)}.jsonl`), lines.join('\n') + '\n');
    cfg += `  ${feature(i)}:\n    team: t${i % 4}\n    prompt: prompts/${feature(i)}.prompt.yml\n    traffic: traffic/${feature(i)}.jsonl\n    requests_per_month: ${100000 + i * 10000}\n`;
  }
  cfg += 'teams:\n' + [0, 1, 2, 3].map((t) => `  t${t}: { monthly_budget: 100000 }\n`).join('');
  // Every sample is replayed, whatever the default of replay.max_samples: the bound below counts them all.
  cfg += `replay:\n  max_samples: ${SAMPLES}\n`;
  writeFileSync(join(dir, '.aicost.yml'), cfg);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'pr');
  const sites = [];
  for (let i = 0; i < FEATURES; i++) {
    const saved = seed;
    // Re-create the base system text from the same seed position to keep it identical at head.
    sites.push({ base: null, head: null });
    seed = saved;
  }
  for (let i = 0; i < FEATURES; i++) {
    if (headVariant[i] !== baseVariant[i]) writeFileSync(join(dir, `prompts/${feature(i)}.prompt.yml`), promptFile(i, headVariant[i]));
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'pr');
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------
function runChild(bundle, args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CHILD, bundle, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = performance.now() - t0;
  const m = /BENCH (\{.*\})/.exec(r.stderr ?? '');
  if (!m) throw new Error(`bench child failed (${r.status}): ${r.stderr}`);
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr, ...JSON.parse(m[1]) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function fmt(n, d = 0) {
  return n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
}

/** Read the prompt files of both revisions back from git (what aicost sees). */
function promptsAt(dir, rev) {
  return Array.from({ length: FEATURES }, (_, i) => git(dir, 'show', `${rev}:prompts/${feature(i)}.prompt.yml`).toString('utf8'));
}

function systemOf(yml) {
  return JSON.parse(/content: (".*")\n/.exec(yml)[1]);
}
const userOf = (v) => `Context:\n${v.context}\n\nQuestion: ${v.question}`;

const out = [];
const log = (s = '') => {
  out.push(s);
  console.log(s);
};

const work = mkdtempSync(join(tmpdir(), 'aicost-bench-'));
try {
  log(`aicost benchmark — ${new Date().toISOString().slice(0, 10)}`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}${QUICK ? ' (--quick)' : ''}`);
  log('');
  const repo = join(work, 'repo');
  mkdirSync(repo);
  let t = performance.now();
  const samples = makeWorkload(repo);
  log(`workload: ${FEATURES} features × ${fmt(SAMPLES)} samples (vars of 50–4,000 characters of prose, code and JSON), PR changes 7 features; generated in ${fmt((performance.now() - t) / 1000, 1)} s`);

  // 1. End to end: the committed CLI bundle, diff of the PR.
  const e2e = runChild(CLI, ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json']);
  if (e2e.status !== 0 && e2e.status !== 1) throw new Error(`diff failed: ${e2e.stderr}`);
  const report = JSON.parse(e2e.stdout);
  const totalSamples = report.features.reduce((a, f) => a + (f.base?.samples ?? 0), 0);
  const tokens = report.features.reduce((a, f) => a + (f.base ? f.base.samples * f.base.input_tokens.mean : 0) + (f.head ? f.head.samples * f.head.input_tokens.mean : 0), 0);
  log('');
  log(`diff end to end (${CLI.startsWith(root) ? CLI.slice(root.length) : CLI}): ${fmt(e2e.ms / 1000, 2)} s, ${fmt(totalSamples / (e2e.ms / 1000))} samples/s, ${fmt(tokens / (e2e.ms / 1000) / 1e6, 2)} M input tokens/s (base + head), peak RSS ${fmt(e2e.maxRssKiB / 1024)} MB`);

  // 2. The raw tokenizer bound: every distinct message text of the workload counted once.
  const basePrompts = promptsAt(repo, 'main');
  const headPrompts = promptsAt(repo, 'pr');
  const distinct = new Set();
  for (let i = 0; i < FEATURES; i++) {
    distinct.add(systemOf(basePrompts[i]));
    distinct.add(systemOf(headPrompts[i]));
    for (const v of samples[i]) distinct.add(userOf(v));
  }
  let distinctChars = 0;
  for (const s of distinct) distinctChars += s.length;
  // The faster of two passes (the first also warms the JIT): the bound is a best case.
  let boundTokens = 0;
  let boundMs = Infinity;
  for (let pass = 0; pass < 2; pass++) {
    t = performance.now();
    boundTokens = 0;
    for (const s of distinct) boundTokens += countO200k(s, { disallowedSpecial: new Set() });
    boundMs = Math.min(boundMs, performance.now() - t);
  }
  log(`raw tokenizer bound (gpt-tokenizer, ${fmt(distinct.size)} distinct texts, ${fmt(distinctChars / 1e6, 1)} M chars, ${fmt(boundTokens / 1e6, 1)} M tokens, counted once, faster of 2 passes): ${fmt(boundMs / 1000, 2)} s`);
  log(`  → end to end / tokenizer bound: ×${fmt(e2e.ms / boundMs, 2)}  (target ≤ 1.5)`);

  // 3. The reference way: render every sample fully at base and head, count with js-tiktoken.
  if (!argv.has('--skip-reference')) {
    const enc = new Tiktoken(o200kRanks);
    t = performance.now();
    let refTokens = 0;
    for (let i = 0; i < FEATURES; i++) {
      const sb = systemOf(basePrompts[i]);
      const sh = systemOf(headPrompts[i]);
      for (const v of samples[i]) {
        const u = userOf(v);
        refTokens += enc.encode(sb, [], []).length + enc.encode(u, [], []).length;
        refTokens += enc.encode(sh, [], []).length + enc.encode(u, [], []).length;
      }
    }
    const refMs = performance.now() - t;
    log(`reference way (render every sample at base and head, js-tiktoken, no memo): ${fmt(refMs / 1000, 2)} s for ${fmt(refTokens / 1e6, 1)} M tokens`);
    log(`  → reference / end to end: ×${fmt(refMs / e2e.ms, 2)} faster  (target ≥ 8)`);
  }

  // 4. Cold start to a completed report on a tiny repository, bundle sizes.
  const tiny = join(work, 'tiny');
  mkdirSync(join(tiny, 'prompts'), { recursive: true });
  writeFileSync(join(tiny, '.aicost.yml'), 'version: 1\nfeatures:\n  faq:\n    team: web\n    prompt: prompts/faq.prompt.yml\n    requests_per_month: 1000\n    typical_output_tokens: 50\nteams:\n  web: {}\n');
  writeFileSync(join(tiny, 'prompts/faq.prompt.yml'), 'model: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "Hi {{name}}"\n');
  git(tiny, 'init', '-q', '-b', 'main');
  git(tiny, 'add', '-A');
  git(tiny, 'commit', '-q', '-m', 'tiny');
  const cold = (bundle, args, env) => median(Array.from({ length: 5 }, () => runChild(bundle, args, { env: { ...process.env, ...env } }).ms));
  const summary = join(work, 'summary.md');
  writeFileSync(summary, '');
  const actionEnv = { GITHUB_WORKSPACE: tiny, GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: join(work, 'out.txt'), RUNNER_TEMP: work, GITHUB_SHA: git(tiny, 'rev-parse', 'HEAD').toString().trim(), GITHUB_REPOSITORY: 'acme/tiny', 'INPUT_WORKING-DIRECTORY': '.', INPUT_CONFIG: '.aicost.yml', INPUT_COMMENT: 'off' };
  writeFileSync(join(work, 'out.txt'), '');
  const coldCli = cold(CLI, ['estimate', '--repo', tiny, '--format', 'json'], {});
  const coldAction = cold(ACTION, [], actionEnv);
  const nodeOnly = median(Array.from({ length: 5 }, () => {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t0;
  }));
  log('');
  log(`cold start to a completed report (tiny repo, median of 5, incl. Node's own ${fmt(nodeOnly)} ms): CLI ${fmt(coldCli)} ms, action ${fmt(coldAction)} ms  (target < 300)`);
  log(`bundles: dist/index.js ${fmt(statSync(ACTION).size / 1e6, 2)} MB, dist/cli/index.js ${fmt(statSync(CLI).size / 1e6, 2)} MB  (target < 6 each)`);

  // 5. A 1,000,000-line traffic file with sampling on.
  if (!argv.has('--skip-million')) {
    const big = join(work, 'big');
    mkdirSync(join(big, 'prompts'), { recursive: true });
    mkdirSync(join(big, 'traffic'), { recursive: true });
    writeFileSync(join(big, '.aicost.yml'), 'version: 1\nfeatures:\n  big:\n    team: web\n    prompt: prompts/big.prompt.yml\n    traffic: traffic/big.jsonl\n    requests_per_month: 1000000\nteams:\n  web: {}\n');
    writeFileSync(join(big, 'prompts/big.prompt.yml'), 'model: openai/gpt-4o-mini\nmodelParameters:\n  maxTokens: 4000\nmessages:\n  - role: user\n    content: "{{q}}"\n');
    // Usage-only lines with a skewed cost: the exact full-file mean is known here.
    let sum = 0;
    const stream = createWriteStream(join(big, 'traffic/big.jsonl'));
    for (let k = 0; k < MILLION; k++) {
      const input = 200 + Math.floor(-Math.log(1 - rand()) * 800);
      const output = 20 + Math.floor(-Math.log(1 - rand()) * 150);
      sum += (input * 0.15 + output * 0.6) / 1e6;
      if (!stream.write(`{"id":"b${k}","usage":{"input_tokens":${input},"output_tokens":${output}}}\n`)) await new Promise((r) => stream.once('drain', r));
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
    log(`${fmt(MILLION)}-line traffic file (${fmt(size / 1e6)} MB, sampled to ${fmt(f.base.samples)}): ${fmt(r.ms / 1000, 2)} s, peak RSS ${fmt(r.maxRssKiB / 1024)} MB  (targets < 30 s, < 512 MB)`);
    // z: the miss in standard errors (half-width / 1.96). Sampling n of N lines without
    // replacement makes the true spread √(1 − n/N) of the bootstrap's, so |z| > 1.96 happens in
    // fewer than 5% of files (scripts/sampling-coverage.mjs measures it over many).
    const z = (f.base.monthly - fullMonthly) / ((hi - lo) / 2 / 1.96);
    log(`  sampled monthly $${fmt(f.base.monthly, 2)} (95%: $${fmt(lo, 2)}–$${fmt(hi, 2)}, ±${fmt(((hi - lo) / 2 / f.base.monthly) * 100, 2)}%) vs full file $${fmt(fullMonthly, 2)}: ${fmt(((f.base.monthly - fullMonthly) / fullMonthly) * 100, 2)}% off (z ${fmt(z, 2)}), ${inside ? 'inside' : 'OUTSIDE'} the interval`);
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
      lines.push(JSON.stringify({ id: `s-${k}`, vars: v, usage: { input_tokens: 200 + Math.floor((v.context.length + v.question.length) / 3.8), output_tokens: 50 + Math.floor(rand() * 700) } }));
    }
    writeFileSync(join(sw, 'traffic/s.jsonl'), lines.join('\n') + '\n');
    const sys = `You are the support assistant. ${prose(800)}`;
    const prompt = (extra, model = 'openai/gpt-4o-mini') => `model: ${model}\nmessages:\n  - role: system\n    content: ${JSON.stringify(sys + extra)}\n  - role: user\n    content: "Context:\\n{{context}}\\n\\nQuestion: {{question}}"\n`;
    writeFileSync(join(sw, 'prompts/s.prompt.yml'), prompt(''));
    git(sw, 'init', '-q', '-b', 'init');
    git(sw, 'add', '-A');
    git(sw, 'commit', '-q', '-m', 'init');
    log('');
    log(`replay.max_samples sweep (1 feature, ${fmt(N)} text samples, PR swaps gpt-4o-mini → gpt-4.1-mini; 95% half-widths):`);
    for (const m of [...new Set([1000, 2500, 5000, 10_000, 20_000, N])]) {
      git(sw, 'checkout', '-q', '-B', `base-${m}`, 'init');
      writeFileSync(join(sw, '.aicost.yml'), `version: 1\nfeatures:\n  s:\n    team: web\n    prompt: prompts/s.prompt.yml\n    traffic: traffic/s.jsonl\n    requests_per_month: 1000000\nteams:\n  web: {}\nreplay:\n  max_samples: ${m}\n`);
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
      log(`  max_samples ${fmt(m).padStart(6)}: ${fmt(r.ms / 1000, 2).padStart(5)} s, monthly $${fmt(f.base.monthly, 0)} → $${fmt(f.head.monthly, 0)}: delta ±${fmt(pct(dlo, dhi, f.delta.monthly), 2)}% of the delta, head level ±${fmt(pct(t.head_ci95[0], t.head_ci95[1], f.head.monthly), 2)}% of the level`);
    }
  }
  writeFileSync(join(root, 'bench-results.txt'), out.join('\n') + '\n');
} finally {
  // BENCH_KEEP=1 leaves the workload in place for profiling.
  if (process.env.BENCH_KEEP) console.log(`workload kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
