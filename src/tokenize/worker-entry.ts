/**
 * The tokenizer worker thread (bundled by scripts/generate.mjs into src/generated/tokenize-worker.js,
 * which the bundles ship next to themselves): takes texts of a batch from the counter it shares
 * with the main thread and counts them with the same encodings and the same rule (plain-text.ts),
 * built from the packed tables it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Encoding } from '../types.js';
import { buildTokenizer, type TextTokenizer, type TokenizerTable } from './build-tokenizer.js';
import { countPlainText } from './plain-text.js';
import { serveRequests } from '../workers/index.js';
import type { CountRequest, TokenizeWorkerData } from './pool.js';

const data = workerData as TokenizeWorkerData;
const built = new Map<Encoding, TextTokenizer>();

function encoding(name: Encoding, sent?: TokenizerTable): TextTokenizer {
  let e = built.get(name);
  if (!e) {
    const packed = data.packed[name] ?? sent;
    if (packed === undefined) throw new Error(`tokenize worker: no rank table for ${name}`);
    e = buildTokenizer(name, packed);
    built.set(name, e);
  }
  return e;
}

// Build what the run will need while the main thread is still loading.
for (const name of data.preload) encoding(name);

serveRequests<CountRequest, number>(parentPort!, ({ encoding: name, texts, next, counts, packed }) => {
  const e = encoding(name, packed);
  const nextIndex = new Int32Array(next);
  const out = new Int32Array(counts);
  let done = 0;
  for (let i = Atomics.add(nextIndex, 0, 1); i < texts.length; i = Atomics.add(nextIndex, 0, 1)) {
    Atomics.store(out, i, countPlainText(e, texts[i]!));
    done++;
  }
  return { result: done };
});
