// aicost's own o200k count of the raw tokenizer bound's texts (scripts/bench.mjs, part 2), in a
// process of its own like scripts/bench-bound.mjs: the distinct texts (a JSON array in argv[2])
// counted once each by the tokenizer the bundles ship (src/tokenize; TypeScript, so that ncc, which
// the benchmark bundles it with, reads the sources), the faster of two passes. Prints
// { ms, tokens, path } as one JSON line.
import { readFileSync } from 'node:fs';
import { encodingFor } from '../src/tokenize/ranks.js';
import { countPlainText } from '../src/tokenize/plain-text.js';
import { encodingPathOf } from '../src/tokenize/gpt-tokenizer-internals.js';

const texts: string[] = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const o200k = encodingFor('o200k_base');
let ms = Infinity;
let tokens = 0;
for (let pass = 0; pass < 2; pass++) {
  const t = performance.now();
  tokens = 0;
  for (const s of texts) tokens += countPlainText(o200k, s);
  ms = Math.min(ms, performance.now() - t);
}
process.stdout.write(JSON.stringify({ ms, tokens, path: encodingPathOf(o200k) }));
