/**
 * The line scan of source code (`reference/formats.md` §3.9): model ids, output caps, loop limits
 * and reasoning budgets written on one line, found by fixed patterns. Used for files the syntax
 * tree scan (code-calls.ts) does not read, and for those it could not parse.
 *
 * Every pattern here is fixed and linear: alternatives are literals, quantified character classes
 * never overlap with what follows them, and lines over MAX_SCAN_LINE characters are not scanned
 * (minified or generated code), so a hostile line cannot make a match backtrack for long.
 */

import { MODEL_KEYS, isModelName, settingFamily, type Match } from './code-keys.js';
import { looksLikeModelId } from './model-id.js';
import { work } from './work.js';

/** Lines longer than this are not scanned. */
export const MAX_SCAN_LINE = 2_000;
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

/** Family, pairing key, label and style of an assigned name, or null when it is not cost-relevant. */
function nameKind(name: string, isNumber: boolean): Pick<Match, 'family' | 'key' | 'label' | 'style'> | null {
  if (isNumber) {
    const family = settingFamily(name);
    return family ? { family, key: name, label: name, style: 'setting' } : null;
  }
  if (MODEL_KEYS.has(name)) return { family: 'model', key: 'model', label: 'model', style: 'call' };
  if (isModelName(name)) return { family: 'model', key: name, label: name, style: 'named' };
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
