// Generates the sources in src/generated/ that make start-up cheap. `node scripts/generate.mjs`
// writes them; `--check` fails when they are not what the inputs and this script produce (run by
// `npm run build -- --check` and by tests/config/generated-validators.test.ts).
//
// 1. The JSON Schema validators as plain code (ajv "standalone"), so the bundles neither ship ajv
//    nor compile a schema at start-up (~110 ms for the config schema, ~70 ms for the report schema
//    on the CI machine).
// 3. The worker threads' scripts (tokenizing, bootstrap), bundled with ncc into single files the
//    bundles reference as `new URL('../generated/…', import.meta.url)`: ncc copies them next to
//    dist/index.js and dist/cli/index.js, and tests run them from src/generated/ as they are.
// 2. gpt-tokenizer's BPE rank tables as one ASCII string each (two deflated, base64 parts),
//    decoded and indexed on first use (src/tokenize/packed-table.ts). The package ships them as
//    200k-element array literals (3.5 MB of mostly non-ASCII source): every start-up parsed both,
//    ~250 ms, and their non-ASCII text made the whole bundle a two-byte source for V8.
//
// The validators' code validates exactly like `new Ajv(options).compile(schema)`: it is ajv's own
// output for these options. Two edits make it fit the sources: the schema objects ajv embeds as
// literals (for `schema` / `parentSchema` in errors) become references into the imported JSON, so
// the config checker can recognise schema nodes by identity as before; and ajv's one runtime
// helper used here (`ucs2length`, string length in code points) is inlined.
import { execFileSync } from 'node:child_process';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;

/** [schema file, ajv options, output file]: options as the validating modules used to pass them. */
export const VALIDATORS = [
  [
    'schema/aicost.schema.json',
    { allErrors: true, strict: true, strictRequired: false, verbose: true, logger: false },
    'src/generated/config-validator.ts',
  ],
  ['schema/report.schema.json', { allErrors: true, strict: true, logger: false }, 'src/generated/report-validator.ts'],
];

const UCS2LENGTH = `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`;

/** End index (exclusive) of the JSON value starting at `start` in `code`. */
function jsonEnd(code, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('generate: unterminated schema literal in ajv output');
}

/**
 * JS accessor path of the one node of `schema` deep-equal to `node`. Two equal nodes would make
 * the choice arbitrary (and identity checks on it wrong), so that is an error.
 */
function findNode(schema, node) {
  const found = [];
  const walk = (cur, path) => {
    if (isDeepStrictEqual(cur, node)) found.push(path);
    if (cur !== null && typeof cur === 'object') {
      for (const [k, v] of Object.entries(cur)) {
        if (v !== null && typeof v === 'object')
          walk(v, Array.isArray(cur) ? `${path}[${k}]` : `${path}[${JSON.stringify(k)}]`);
      }
    }
  };
  walk(schema, '');
  if (found.length > 1)
    throw new Error(
      `generate: an embedded schema matches ${found.length} nodes (${found.join(', ')}); make them distinct`,
    );
  return found[0];
}

/** The generated module text for one schema. */
export function generate(schemaFile, options) {
  const schema = JSON.parse(readFileSync(join(root, schemaFile), 'utf8'));
  const ajv = new Ajv({ ...options, code: { source: true, esm: true, lines: false } });
  let code = standaloneCode.default(ajv, ajv.compile(schema));

  // Embedded schema literals → references into the imported schema object.
  let out = '';
  let at = 0;
  const decl = /const (schema\d+) = \{/g;
  for (let m; (m = decl.exec(code));) {
    const start = m.index + m[0].length - 1;
    const end = jsonEnd(code, start);
    const path = findNode(schema, JSON.parse(code.slice(start, end)));
    if (path === undefined) throw new Error(`generate: ${m[1]} of ${schemaFile} is not a node of the schema`);
    out += code.slice(at, start) + `schema${path}`;
    at = end;
    decl.lastIndex = end;
  }
  code = out + code.slice(at);

  code = code.replace(/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, 'ucs2length');
  const left = /require\([^)]*\)/.exec(code);
  if (left) throw new Error(`generate: ajv output needs ${left[0]}; inline it here like ucs2length`);
  code = code.replace(/^"use strict";/, '');

  const rel = `../../${schemaFile}`;
  return [
    '/* eslint-disable */',
    '// @ts-nocheck',
    `// Generated by scripts/generate.mjs from ${schemaFile} with ajv ${JSON.stringify(options)}. Do not edit:`,
    '// run `node scripts/generate.mjs` after changing the schema.',
    `import schema from '${rel}' with { type: 'json' };`,
    UCS2LENGTH,
    code.trim(),
    '',
  ].join('\n');
}

/**
 * Encodings whose rank tables are generated, and their data files: read on first use
 * (src/tokenize/ranks.ts), so a start that counts nothing, or counts with the other encoding,
 * neither parses nor loads a table (as modules they were 1.8 MB of every bundle's start).
 */
export const RANK_TABLES = [
  ['o200k_base', 'src/generated/o200k-ranks.txt'],
  ['cl100k_base', 'src/generated/cl100k-ranks.txt'],
];

/** Unsigned LEB128. */
function varint(out, n) {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

/** How gpt-tokenizer's BytePairEncodingCore sorts its byte tokens (compareUint8Arrays). */
function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * One rank table as two parts, each base64 of deflate-raw, joined by a '.': the main part, and the
 * wide text tokens' (those with a code unit above 0xFF), which src/tokenize/packed-table.ts inflates
 * and indexes only when a key first needs them.
 *   main: a header of eight u32 LE (rank count; narrow, wide and byte tokens; narrow and wide
 *     heads' sizes in bytes; narrow and wide code units), the narrow heads, the narrow text tokens
 *     concatenated (one byte per code unit, latin1), then the byte tokens in the order the package
 *     sorts them (by their bytes): varint rank, varint length, the bytes;
 *   wide: the wide text tokens concatenated (UTF-16LE), then the wide heads.
 * A head, per text token in rank order: varint `length << 3 | min(gap - 1, 7)`, where gap is the
 * rank minus the previous token's of the same kind (-1 before the first), and when gap - 1 ≥ 7 a
 * varint gap - 8 after it. (Three bits of gap: the fewest bytes deflated, ~23 KB more than one
 * kind per rank in one stream, for a narrow pass that never reads the other kinds' heads.)
 * No text is UTF-8: the lookup compares keys with the units where they lie, without decoding
 * anything (and latin1 plus UTF-16 compress better than UTF-8: o200k 917 KB deflated, not 985).
 * Decoded into exactly the package's array (tests/tokenize/ranks.test.ts). Limits of the format:
 * fewer than 2^18 - 1 ranks, text tokens shorter than 256 units, no text token twice (the index
 * keeps one entry per text; a Map would keep the last rank).
 */
export async function encodeRanks(encoding) {
  return packRanks(encoding, (await import(`gpt-tokenizer/bpeRanks/${encoding}`)).default);
}

/**
 * A rank table (index = rank; the token's text, or its bytes when they are not valid UTF-8 on
 * their own) packed as {@link encodeRanks} describes. scripts/vendor-tokenizers.mjs packs Llama 3's.
 */
export function packRanks(encoding, table) {
  if (table.length >= (1 << 18) - 1)
    throw new Error(`generate: ${encoding} has ${table.length} ranks; the packed format holds fewer than 2^18 - 1`);
  const kinds = [
    { heads: [], texts: [], last: -1 },
    { heads: [], texts: [], last: -1 },
  ];
  const byteTokens = [];
  const seen = new Set();
  table.forEach((v, rank) => {
    if (typeof v !== 'string') {
      byteTokens.push([rank, v]);
      return;
    }
    if (seen.has(v)) throw new Error(`generate: ${encoding} has the text token ${JSON.stringify(v)} twice`);
    if (v.length > 255)
      throw new Error(
        `generate: ${encoding} text token ${rank} is ${v.length} units long; the packed format holds up to 255`,
      );
    seen.add(v);
    const kind = kinds[/[^\x00-\xff]/.test(v) ? 1 : 0];
    const gap = rank - kind.last;
    kind.last = rank;
    varint(kind.heads, (v.length << 3) | Math.min(gap - 1, 7));
    if (gap - 1 >= 7) varint(kind.heads, gap - 8);
    kind.texts.push(v);
  });
  const [narrow, wide] = kinds;
  const narrowText = Buffer.from(narrow.texts.join(''), 'latin1');
  const wideText = Buffer.from(wide.texts.join(''), 'utf16le');
  const bytes = [];
  for (const [rank, v] of byteTokens.sort((a, b) => compareBytes(a[1], b[1]))) {
    varint(bytes, rank);
    varint(bytes, v.length);
    bytes.push(...v);
  }
  const header = Buffer.alloc(32);
  const fields = [
    table.length,
    narrow.texts.length,
    wide.texts.length,
    byteTokens.length,
    narrow.heads.length,
    wide.heads.length,
    narrowText.length,
    wideText.length / 2,
  ];
  fields.forEach((n, i) => header.writeUInt32LE(n, 4 * i));
  const main = Buffer.concat([header, Buffer.from(narrow.heads), narrowText, Buffer.from(bytes)]);
  const deflate = (buf) => deflateRawSync(buf, { level: 9 }).toString('base64');
  return `${deflate(main)}.${deflate(Buffer.concat([wideText, Buffer.from(wide.heads)]))}`;
}

/**
 * The generated data file of one rank table: a first line naming the package, its version and
 * the format, then the packed table (ASCII), as src/tokenize/ranks.ts reads the vendored tables.
 */
export async function generateRanks(encoding) {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/gpt-tokenizer/package.json'), 'utf8')).version;
  const b64 = await encodeRanks(encoding);
  return `gpt-tokenizer@${version} bpeRanks/${encoding}, packed by scripts/generate.mjs encodeRanks (do not edit)\n${b64}\n`;
}

/** The catalog's data file (src/catalog/catalog-data.ts reads it). */
export const CATALOG_FILE = 'src/generated/genai-catalog.txt';

/**
 * `@pydantic/genai-prices`' providers as a data file: a first line naming the package and version,
 * a line of JSON with the data date and each provider's head (what matching needs: id, match
 * rules, API pattern, fallback providers), then each provider as one line of JSON, in the
 * package's order. The runtime parses a provider when a lookup first reaches it: importing the
 * package built all of them at every start (BENCHMARKS.md, 2026-12-05 night). The provider ids are
 * src/catalog/ids.ts's list (the package cannot list them); the price constraints must be the two
 * kinds the runtime reads (src/catalog/catalog-match.ts), else this fails rather than mis-price.
 */
export async function generateCatalog() {
  const { findProvider } = await import('@pydantic/genai-prices');
  const version = JSON.parse(
    readFileSync(join(root, 'node_modules/@pydantic/genai-prices/package.json'), 'utf8'),
  ).version;
  const list = /CATALOG_PROVIDER_IDS[^=]*=\s*\[([^\]]*)\]/.exec(readFileSync(join(root, 'src/catalog/ids.ts'), 'utf8'));
  if (!list) throw new Error('generate: CATALOG_PROVIDER_IDS not found in src/catalog/ids.ts');
  const ids = [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const providers = ids.map((id) => {
    const p = findProvider({ providerId: id });
    if (!p || p.id !== id)
      throw new Error(`generate: provider ${id} (src/catalog/ids.ts) is not in @pydantic/genai-prices@${version}`);
    return p;
  });
  for (const p of providers)
    for (const m of p.models)
      for (const c of Array.isArray(m.prices) ? m.prices : []) {
        const k = c.constraint === undefined ? '' : Object.keys(c.constraint).sort().join(',');
        if (k !== '' && k !== 'start_date,type' && k !== 'end_time,start_time,type')
          throw new Error(
            `generate: ${p.id}:${m.id} has a price constraint aicost cannot read: ${JSON.stringify(c.constraint)}`,
          );
      }
  const heads = providers.map((p) => ({
    id: p.id,
    provider_match: p.provider_match,
    model_match: p.model_match,
    api_pattern: p.api_pattern,
    fallback_model_providers: p.fallback_model_providers,
  }));
  // ASCII only (other characters as JSON escapes): the file is then read as latin1, a plain copy,
  // where UTF-8 text with a few non-ASCII characters decodes into a two-byte string.
  const ascii = (v) =>
    JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const index = ascii({ dataDate: catalogDataDate(providers), providers: heads });
  const body = providers.map(ascii).join('\n');
  return `@pydantic/genai-prices@${version} providers, written by scripts/generate.mjs generateCatalog (do not edit)\n${index}\n${body}\n`;
}

/**
 * Date of the newest price data: the newest `start_date` of a price change. A change the data
 * already knew to be in the future is left out: such a start date is marked by a price comment of
 * the same model naming the day before it (e.g. "Introductory rates apply through 2026-12-31"
 * before a 2027-01-01 price). For 0.1.8 this is 2026-09-22.
 */
function catalogDataDate(providers) {
  const DAY_MS = 86_400_000;
  let newest = '';
  for (const provider of providers)
    for (const model of provider.models) {
      if (!Array.isArray(model.prices)) continue;
      for (const p of model.prices) {
        const c = p.constraint;
        if (!c || c.type !== 'start_date') continue;
        const dayBefore = new Date(Date.parse(`${c.start_date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
        if (model.price_comments?.includes(dayBefore)) continue;
        if (c.start_date > newest) newest = c.start_date;
      }
    }
  return newest;
}

/**
 * Rank tables that also get an image (src/tokenize/table-image.ts): [packed table file, image file].
 * The image holds the index a fresh process would otherwise build at its first count.
 */
export const IMAGE_TABLES = [['src/generated/o200k-ranks.txt', 'src/generated/o200k-index.bin']];

/**
 * The table images, made by the table code itself (bundled with ncc for this, as the workers are)
 * from the packed tables `files` is about to write (or has checked), so the two never disagree.
 */
export async function generateImages(files) {
  const out = mkdtempSync(join(tmpdir(), 'aicost-image-'));
  try {
    execFileSync(
      join(root, 'node_modules/.bin/ncc'),
      ['build', 'src/tokenize/table-image.ts', '-o', out, '-q', '--target', 'es2022'],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const { writeTableImage } = await import(pathToFileURL(join(out, 'index.js')).href);
    return IMAGE_TABLES.map(([packedFile, imageFile]) => {
      const text = files.find(([f]) => f === packedFile)[1];
      return [imageFile, writeTableImage(text.slice(text.indexOf('\n') + 1).trimEnd())];
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Worker entries and the single-file scripts they become. */
export const WORKERS = [
  ['src/tokenize/worker-entry.ts', 'src/generated/tokenize-worker.js'],
  ['src/stats/worker.ts', 'src/generated/stats-worker.js'],
];

/** One worker entry bundled with ncc (as scripts/build.mjs bundles the entries), with a header. */
export function bundleWorker(entry) {
  const out = mkdtempSync(join(tmpdir(), 'aicost-worker-'));
  try {
    execFileSync(
      join(root, 'node_modules/.bin/ncc'),
      ['build', entry, '-o', out, '-q', '--target', 'es2022', '--minify'],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const code = readFileSync(join(out, 'index.js'), 'utf8');
    return `/* eslint-disable */\n// Generated by scripts/generate.mjs from ${entry} (ncc, minified). Do not edit: run \`node scripts/generate.mjs\`.\n${code}`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Writes every generated file (or, with check, lists the stale ones). `workers: false` leaves the
 * worker scripts out (they take an ncc build each; the unit test checks the rest).
 */
export async function run(check, { workers = true } = {}) {
  const files = [];
  for (const [schemaFile, options, outFile] of VALIDATORS) files.push([outFile, generate(schemaFile, options)]);
  for (const [encoding, outFile] of RANK_TABLES) files.push([outFile, await generateRanks(encoding)]);
  files.push([CATALOG_FILE, await generateCatalog()]);
  // The worker entries import no generated file (the rank tables are sent to the tokenizer worker).
  if (workers) for (const [entry, outFile] of WORKERS) files.push([outFile, bundleWorker(entry)]);
  if (workers) files.push(...(await generateImages(files)));
  const stale = [];
  for (const [outFile, content] of files) {
    const path = join(root, outFile);
    if (check) {
      const same = existsSync(path) && readFileSync(path).equals(Buffer.from(content));
      if (!same) stale.push(outFile);
    } else {
      writeOut(outFile, content);
    }
  }
  return stale;
}

function writeOut(outFile, text) {
  const path = join(root, outFile);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const stale = await run(check, { workers: !process.argv.includes('--no-workers') });
  if (stale.length) {
    console.error(`stale generated sources: ${stale.join(', ')}. Run \`node scripts/generate.mjs\` and commit them.`);
    process.exit(1);
  }
  if (check) console.log('generated sources are up to date.');
}
