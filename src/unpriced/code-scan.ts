/**
 * Model ids, output caps and loop limits edited in source code (`reference/formats.md` §3.9).
 * Changed lines come from our own line diff; each edited value is paired with the old value of
 * the same key in the same change block (else the same hunk), so an edit reads
 * `model gpt-4o-mini → gpt-4o` and a new call reads `new call with model gpt-4o`.
 *
 * Every pattern here is fixed and linear: alternatives are literals, quantified character classes
 * never overlap with what follows them, and lines over MAX_SCAN_LINE characters are not scanned
 * (minified or generated code), so a hostile line cannot make a match backtrack for long.
 */

import type { ChangeBlock, DiffLine } from './line-diff.js';
import { diffLines, splitLines } from './line-diff.js';
import { featureEntry, limitSuffix, priceSuffix, safeRatio, show } from './format.js';
import { looksLikeModelId } from './model-id.js';
import { featureIdFor } from './paths.js';
import type { ChangedFile, UnpricedChange, UnpricedOptions } from './types.js';
import { longLinesChange } from './unscanned.js';
import { work } from './work.js';

/** Lines longer than this are not scanned. */
export const MAX_SCAN_LINE = 2_000;
/** Changes listed per source file; the rest are counted in one last entry (generated files). */
export const MAX_CODE_CHANGES_PER_FILE = 25;

type Family = 'model' | 'max-tokens' | 'loop';

/** One cost-relevant value on one line. */
interface Match {
  family: Family;
  /** What old and new values are paired by: `model` for call arguments, else the name written. */
  key: string;
  /** The name shown in the summary. */
  label: string;
  /** `call` (model argument), `named` (a constant or env default), `step` (`stepCountIs(n)`), `setting`. */
  style: 'call' | 'named' | 'step' | 'setting';
  value: string;
  column: number;
}

/**
 * `name = "…"`, `name: '…'`, `"name": "…"`, `NAME: str = "…"`, `name=1024`. Group 1 the name,
 * 3 a string value (2 its quote), 4 a number.
 */
const ASSIGN =
  /\b([A-Za-z_][A-Za-z0-9_]*)["']?[ \t]*(?::[ \t]*[A-Za-z_][A-Za-z0-9_.]*[ \t]*(?==))?[:=][ \t]*(?:(["'`])([^"'`\s\\]{1,200})\2|(\d[\d_]{0,11})(?![\w.]))/g;
/** `openai('gpt-4o')`, `openai.chat('…')`, `Agent('openai:gpt-4o')`, `ChatOpenAI("…")`. */
const MODEL_CALL =
  /\b(openai|anthropic|google|vertex|mistral|xai|groq|deepseek|cohere|perplexity|togetherai|fireworks|bedrock|azure|openrouter|ollama|gateway|Agent|init_chat_model|ChatOpenAI|ChatAnthropic|ChatGoogleGenerativeAI|ChatMistralAI|ChatGroq|ChatBedrock|ChatVertexAI|OpenAIModel|AnthropicModel|GeminiModel|LLM)(?:\.(?:chat|responses|completion|languageModel))?\([ \t]*(["'`])([^"'`\s\\]{1,200})\2/g;
/** AI SDK v5 `stopWhen: stepCountIs(8)`. */
const STEP_COUNT = /\bstepCountIs\([ \t]*(\d{1,9})[ \t]*\)/g;
/** `os.getenv("X_MODEL", "gpt-4o")`, `os.environ.get('X_MODEL', default='…')`. */
const PY_ENV_DEFAULT =
  /\b(?:getenv|environ\.get)\([ \t]*(["'])([A-Za-z_][A-Za-z0-9_]{0,100})\1[ \t]*,[ \t]*(?:default[ \t]*=[ \t]*)?(["'])([^"'`\s\\]{1,200})\3/g;
/** `process.env.X_MODEL ?? 'gpt-4o'` (or `||`). */
const JS_ENV_DEFAULT =
  /\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]{0,100})[ \t]*(?:\?\?|\|\|)[ \t]*(["'`])([^"'`\s\\]{1,200})\2/g;

/** Keyword arguments and properties that take a model id. */
const MODEL_KEYS: ReadonlySet<string> = new Set([
  'model',
  'model_name',
  'model_id',
  'modelName',
  'modelId',
  'llm',
  'function_calling_llm',
]);
const MAX_TOKENS_KEYS: ReadonlySet<string> = new Set([
  'max_tokens',
  'max_completion_tokens',
  'maxTokens',
  'maxCompletionTokens',
  'maxOutputTokens',
  'max_output_tokens',
  'max_new_tokens',
  'max_tokens_to_sample',
  'maxTokensToSample',
]);
const LOOP_KEYS: ReadonlySet<string> = new Set([
  'maxSteps',
  'max_steps',
  'max_turns',
  'maxTurns',
  'max_iter',
  'max_iterations',
  'maxIterations',
  'recursion_limit',
  'recursionLimit',
  'request_limit',
  'requestLimit',
  'max_round',
  'max_rounds',
  'max_consecutive_auto_reply',
]);
/** Constants holding a model id: `REPLY_MODEL`, `DEFAULT_MODEL_ID`, `summaryModel`, `default_model`. */
const UPPER_MODEL_NAME = /^[A-Z0-9_]*(?:^|_)(?:MODEL(?:_NAME|_ID)?|LLM)$/;
const CAMEL_MODEL_NAME = /^[a-z][A-Za-z0-9]*(?:Model|Llm|LLM)(?:Id|Name)?$/;
const SNAKE_MODEL_NAME = /^[a-z0-9_]*_(?:model|llm)(?:_name|_id)?$/;
const UPPER_MAX_TOKENS = /^[A-Z0-9_]*(?:^|_)MAX_(?:OUTPUT_|COMPLETION_|NEW_)?TOKENS$/;
const UPPER_LOOP = /^[A-Z0-9_]*(?:^|_)(?:MAX_(?:STEPS|TURNS|ITER|ITERATIONS|ROUNDS?)|RECURSION_LIMIT|REQUEST_LIMIT)$/;

/** Family, pairing key, label and style of an assigned name, or null when it is not cost-relevant. */
function nameKind(name: string, isNumber: boolean): Pick<Match, 'family' | 'key' | 'label' | 'style'> | null {
  if (isNumber) {
    if (MAX_TOKENS_KEYS.has(name) || UPPER_MAX_TOKENS.test(name))
      return { family: 'max-tokens', key: name, label: name, style: 'setting' };
    if (LOOP_KEYS.has(name) || UPPER_LOOP.test(name))
      return { family: 'loop', key: name, label: name, style: 'setting' };
    return null;
  }
  if (MODEL_KEYS.has(name)) return { family: 'model', key: 'model', label: 'model', style: 'call' };
  if (UPPER_MODEL_NAME.test(name) || CAMEL_MODEL_NAME.test(name) || SNAKE_MODEL_NAME.test(name)) {
    return { family: 'model', key: name, label: name, style: 'named' };
  }
  return null;
}

/**
 * The code part of a line: comment-only lines give '', a trailing comment is cut. Quote-aware and
 * single pass; block comments and Python docstrings spanning lines are not tracked.
 */
export function codePart(line: string, lang: 'python' | 'js'): string {
  const t = line.trimStart();
  if (lang === 'python' ? t.startsWith('#') : t.startsWith('//') || t.startsWith('/*') || t.startsWith('*')) return '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (lang === 'python' ? c === '#' : c === '/' && line[i + 1] === '/') {
      return line.slice(0, i);
    }
  }
  return line;
}

/** Cost-relevant values on one line of code, left to right. */
export function scanLine(raw: string, lang: 'python' | 'js'): Match[] {
  if (raw.length > MAX_SCAN_LINE) return [];
  const line = codePart(raw, lang);
  if (!line) return [];
  work.scannedChars += line.length;
  const out: Match[] = [];
  const seen = new Set<number>();
  const push = (m: Match): void => {
    if (seen.has(m.column)) return;
    seen.add(m.column);
    out.push(m);
  };
  const model = (key: string, label: string, style: Match['style'], value: string, column: number): void => {
    if (looksLikeModelId(value)) push({ family: 'model', key, label, style, value, column });
  };

  for (const m of line.matchAll(ASSIGN)) {
    const isNumber = m[4] !== undefined;
    const kind = nameKind(m[1], isNumber);
    if (!kind) continue;
    const value = isNumber ? m[4].replace(/_/g, '') : m[3];
    const column = m.index + m[0].length - (isNumber ? m[4].length : m[3].length + 1);
    if (kind.family === 'model') model(kind.key, kind.label, kind.style, value, column);
    else push({ ...kind, value, column });
  }
  for (const m of line.matchAll(MODEL_CALL))
    model('model', 'model', 'call', m[3], m.index + m[0].length - m[3].length - 1);
  for (const m of line.matchAll(STEP_COUNT)) {
    push({ family: 'loop', key: 'stepCountIs', label: 'stepCountIs', style: 'step', value: m[1], column: m.index });
  }
  const envDefaults = lang === 'python' ? line.matchAll(PY_ENV_DEFAULT) : line.matchAll(JS_ENV_DEFAULT);
  for (const m of envDefaults) {
    const [name, value] = lang === 'python' ? [m[2], m[4]] : [m[1], m[3]];
    model(name, `${name} default`, 'named', value, m.index + m[0].length - value.length - 1);
  }
  return out.sort((a, b) => a.column - b.column);
}

/** A value found on a changed line, with where it sits in the diff. */
interface Occurrence {
  match: Match;
  at: DiffLine;
  block: number;
  hunk: number;
  partner?: Occurrence;
  /** The same value removed elsewhere in the file: the line moved. */
  moved?: boolean;
}

function collect(blocks: readonly ChangeBlock[], side: 'removed' | 'added', lang: 'python' | 'js'): Occurrence[] {
  const out: Occurrence[] = [];
  blocks.forEach((b, i) => {
    for (const at of b[side])
      for (const match of scanLine(at.text, lang)) out.push({ match, at, block: i, hunk: b.hunk });
  });
  return out;
}

/**
 * Pairs each added value with a removed one: same block and key, then same block and family
 * (numbers only: `maxSteps` → `stopWhen: stepCountIs(…)`), then the same within the hunk.
 * Values left over that equal a removed value of the same key anywhere in the file moved.
 * Removed values are bucketed per pass, so pairing stays linear in generated files with
 * thousands of matches.
 */
function pair(added: Occurrence[], removed: Occurrence[]): void {
  const numberFamily = (o: Occurrence): string | null => (o.match.family === 'model' ? null : o.match.family);
  const passes: ((o: Occurrence) => string | null)[] = [
    (o) => `${o.block}\u0000${o.match.key}`,
    (o) => (numberFamily(o) === null ? null : `${o.block}\u0000${numberFamily(o)}`),
    (o) => `${o.hunk}\u0000${o.match.key}`,
    (o) => (numberFamily(o) === null ? null : `${o.hunk}\u0000${numberFamily(o)}`),
  ];
  const free = (o: Occurrence): boolean => !o.partner && !o.moved;
  for (const bucketOf of passes) {
    const take = buckets(removed.filter(free), bucketOf);
    for (const a of added) {
      if (a.partner) continue;
      const r = take(bucketOf(a), free);
      if (r) {
        a.partner = r;
        r.partner = a;
      }
    }
  }
  const sameValue = (o: Occurrence): string => `${o.match.key}\u0000${o.match.value}`;
  const take = buckets(removed.filter(free), sameValue);
  for (const a of added) {
    if (a.partner) continue;
    const r = take(sameValue(a), free);
    if (r) a.moved = r.moved = true;
  }
}

/** Groups `items` by `keyOf`; the returned function hands out the first still-usable item of a group. */
function buckets<T>(
  items: T[],
  keyOf: (t: T) => string | null,
): (key: string | null, usable: (t: T) => boolean) => T | undefined {
  const groups = new Map<string, { items: T[]; next: number }>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.items.push(item);
    else groups.set(key, { items: [item], next: 0 });
  }
  return (key, usable) => {
    const g = key === null ? undefined : groups.get(key);
    if (!g) return undefined;
    while (g.next < g.items.length && !usable(g.items[g.next])) g.next++;
    return g.items[g.next];
  };
}

/** `maxSteps 5`, `stepCountIs(5)`. */
function showNumber(m: Match): string {
  return m.style === 'step' ? `stepCountIs(${m.value})` : `${m.label} ${m.value}`;
}

function codeHint(file: string, m: Match): string {
  const id = featureIdFor(file);
  const promptFile = `prompts/${id}.prompt.yml`;
  const agentFile = `agents/${id}.yaml`;
  const agent = featureEntry(id, 'agent', agentFile);
  if (m.family === 'loop') {
    return `describe the loop as an aicost agent (${agentFile} with max_turns: ${m.value}) and add ${agent}`;
  }
  const inPrompt = m.family === 'model' ? `model: ${m.value}` : `modelParameters: { maxTokens: ${m.value} }`;
  return `move the call into a prompt file (${promptFile} with ${inPrompt}) and add ${featureEntry(id, 'prompt', promptFile)}, or describe it as an aicost agent: ${agent}`;
}

/** Unpriced changes in one changed source file (never called for deleted files). */
export function scanCode(file: ChangedFile, lang: 'python' | 'js', opts: UnpricedOptions): UnpricedChange[] {
  const headLines = splitLines(file.head);
  const { blocks } = diffLines(splitLines(file.base), headLines);
  const long = longLinesChange(
    file,
    'code',
    blocks.flatMap((b) => b.added),
    MAX_SCAN_LINE,
  );
  const added = collect(blocks, 'added', lang);
  const removed = collect(blocks, 'removed', lang);
  if (!added.length && !removed.length) return long;
  pair(added, removed);

  const out: UnpricedChange[] = [];
  const where = (line: number): string => `${file.path}:${line}`;
  const report = (line: number, summary: string, m: Match, priceRatio: number | null): void => {
    out.push({ kind: 'code', file: file.path, line, summary, price_ratio: priceRatio, hint: codeHint(file.path, m) });
  };

  for (const a of added) {
    if (a.moved) continue;
    const m = a.match;
    const old = a.partner?.match;
    if (old && old.value === m.value) continue;
    const line = a.at.line;
    if (m.family === 'model') {
      if (old) {
        const ratio = safeRatio(opts.priceRatio, old.value, m.value);
        report(
          line,
          `${m.label} ${show(old.value)} → ${show(m.value)} in ${where(line)}${priceSuffix(ratio)}`,
          m,
          ratio,
        );
      } else if (m.style === 'call') {
        report(line, `new call with model ${show(m.value)} in ${where(line)}`, m, null);
      } else {
        report(line, `${m.label} ${show(m.value)} added in ${where(line)}`, m, null);
      }
      continue;
    }
    const what = m.family === 'max-tokens' ? 'output cap' : 'loop limit';
    if (!old) {
      report(line, `${showNumber(m)} added in ${where(line)}`, m, null);
    } else {
      const change =
        old.label === m.label && old.style === m.style && m.style !== 'step'
          ? `${m.label} ${old.value} → ${m.value}`
          : `${showNumber(old)} → ${showNumber(m)}`;
      report(line, `${change} in ${where(line)}${limitSuffix(Number(old.value), Number(m.value), what)}`, m, null);
    }
  }
  // A cap or limit deleted without a replacement lifts it: output or turns become unbounded.
  for (const r of removed) {
    if (r.partner || r.moved || r.match.family === 'model') continue;
    const line = Math.max(1, Math.min(blocks[r.block].headLine, headLines.length));
    report(
      line,
      `${showNumber(r.match)} removed in ${where(line)} (${r.match.family === 'loop' ? 'loop limit' : 'output cap'} lifted)`,
      r.match,
      null,
    );
  }
  out.push(...long);
  out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (out.length <= MAX_CODE_CHANGES_PER_FILE) return out;
  const rest = out.slice(MAX_CODE_CHANGES_PER_FILE - 1);
  const first = rest[0];
  return [
    ...out.slice(0, MAX_CODE_CHANGES_PER_FILE - 1),
    {
      ...first,
      summary: `${rest.length} more model, output-cap or loop-limit changes in ${file.path} from line ${first.line}`,
      price_ratio: null,
    },
  ];
}
