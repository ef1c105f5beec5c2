// The raw tokenizer bound in a process of its own (scripts/bench.mjs, part 2): the distinct texts
// of the workload (a JSON array in argv[2]) counted once each with gpt-tokenizer's o200k
// `countTokens`, the faster of two passes (the first also warms the JIT). Measured here rather
// than in the benchmark's process: there the same loop ran beside the whole generated workload,
// whose heap the garbage collector walked too, and took 4.8–8.5 s from run to run.
import { readFileSync } from 'node:fs';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let ms = Infinity;
let tokens = 0;
for (let pass = 0; pass < 2; pass++) {
  const t = performance.now();
  tokens = 0;
  for (const s of texts) tokens += countTokens(s, { disallowedSpecial: new Set() });
  ms = Math.min(ms, performance.now() - t);
}
process.stdout.write(JSON.stringify({ ms, tokens }));
