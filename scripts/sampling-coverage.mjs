// Is the sampled estimate of a large traffic file unbiased, and does its 95% interval cover the
// full-file figure as often as it should? Generates many files like the benchmark's 1,000,000-line
// one (usage-only lines, skewed costs, ids `<prefix><k>`), samples each with the real bottom-k
// sampler (src/traffic/sampler.ts), bootstraps the kept samples with the real bootstrap
// (src/stats/bootstrap.ts), and reports coverage and the mean and spread of the miss in standard
// errors (z). Unbiased: mean z ≈ 0. Sampling n of N without replacement: sd z ≈ √(1 − n/N).
//
//   node scripts/sampling-coverage.mjs [--lines 100000] [--keep 20000] [--trials 60] [--prefixes b,req-,,uuid]
//
// The TypeScript sources are compiled with the project's tsc into a temporary directory first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const LINES = Number(arg('lines', 100_000));
const KEEP = Number(arg('keep', 20_000));
const TRIALS = Number(arg('trials', 60));
const PREFIXES = arg('prefixes', 'b,req-,,uuid').split(',');

const out = mkdtempSync(join(tmpdir(), 'aicost-coverage-'));
try {
  execFileSync(
    join(root, 'node_modules/.bin/tsc'),
    ['-p', join(root, 'tsconfig.json'), '--outDir', out, '--noEmit', 'false'],
    { stdio: 'inherit' },
  );
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  const { BottomKSampler } = await import(pathToFileURL(join(out, 'src/traffic/sampler.js')).href);
  const { pairedBootstrap } = await import(pathToFileURL(join(out, 'src/stats/bootstrap.js')).href);
  const { Pcg32 } = await import(pathToFileURL(join(out, 'src/stats/pcg32.js')).href);

  // One independent PCG32 stream per file (consecutive seeds of a weaker generator can correlate
  // across files, which would make the spread of z between files look wider or narrower).
  const stream = (name) => {
    const g = Pcg32.fromString(name);
    return () => g.nextFloat();
  };
  const uuid = (rand) => Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');

  console.log(
    `${LINES.toLocaleString('en-US')}-line files, ${KEEP.toLocaleString('en-US')} kept, ${TRIALS} files per id scheme, 1,000 resamples`,
  );
  let allInside = 0;
  let all = 0;
  for (const prefix of PREFIXES) {
    const zs = [];
    let inside = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const rand = stream(`coverage-data-${trial}`);
      const idRand = stream(`coverage-ids-${trial}`);
      const sampler = new BottomKSampler(KEEP);
      let sum = 0;
      for (let k = 0; k < LINES; k++) {
        // The benchmark's line: exponential input and output tokens, gpt-4o-mini prices.
        const input = 200 + Math.floor(-Math.log(1 - rand()) * 800);
        const output = 20 + Math.floor(-Math.log(1 - rand()) * 150);
        const cost = (input * 0.15 + output * 0.6) / 1e6;
        sum += cost;
        const id = prefix === 'uuid' ? uuid(idRand) : `${prefix}${k}`;
        sampler.add({
          id,
          weight: 1,
          usage: {
            inputTokens: input,
            outputTokens: output,
            cacheReadTokens: 0,
            cacheWriteTokens: 0,
            cacheWrite1hTokens: 0,
          },
          cost,
        });
      }
      const units = sampler.result().map((s) => ({ weight: 1, base: s.cost, head: s.cost }));
      const mean = units.reduce((a, u) => a + u.base, 0) / units.length;
      const full = sum / LINES;
      const r = pairedBootstrap([{ id: 'f', team: 't', units, requestsPerMonth: { base: 1, head: 1 } }], {
        seed: `coverage-${prefix}-${trial}`,
        resamples: 1000,
      });
      const { lo, hi } = r.features.f.headMonthly;
      zs.push((mean - full) / ((hi - lo) / 2 / 1.96));
      if (lo <= full && full <= hi) inside++;
    }
    const mz = zs.reduce((a, b) => a + b, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((a, b) => a + (b - mz) ** 2, 0) / (zs.length - 1));
    console.log(
      `  ids ${prefix === 'uuid' ? 'random hex' : JSON.stringify(`${prefix}0…`)}: inside ${inside}/${TRIALS}, mean z ${mz.toFixed(3)} ± ${(sd / Math.sqrt(zs.length)).toFixed(3)}, sd z ${sd.toFixed(3)} (√(1 − n/N) = ${Math.sqrt(1 - KEEP / LINES).toFixed(3)})`,
    );
    allInside += inside;
    all += TRIALS;
  }
  console.log(`  all: inside ${allInside}/${all} (${((allInside / all) * 100).toFixed(1)}%)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
