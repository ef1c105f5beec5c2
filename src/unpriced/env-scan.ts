/**
 * Model variables in `.env*` and `*.env.example` files (`reference/formats.md` §5.3):
 * `OPENAI_MODEL_NAME=gpt-4o-mini`, `AZURE_OPENAI_CHAT_DEPLOYMENT=gpt-4o`, `CONTENT_ANALYSIS_LLM=…`.
 * Variables are compared by name between base and head (the last assignment of a name wins, as
 * dotenv loaders do), so moving a line is not a change. Secrets are never read into a summary.
 */

import { priceSuffix, safeRatio, show } from './format.js';
import { MAX_SCAN_LINE } from './code-scan.js';
import { work } from './work.js';
import { splitLines } from './line-diff.js';
import { looksLikeModelId } from './model-id.js';
import type { ChangedFile, UnpricedChange, UnpricedOptions } from './types.js';
import { longLinesChange } from './unscanned.js';

/** `NAME=value` or `export NAME=value`; group 1 the name, 2 the raw value. */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*)$/;
/** Names that hold a model choice. */
const MODEL_VAR = /(?:^|_)(?:MODEL|MODEL_NAME|DEPLOYMENT|LLM)(?:_|$)/i;
/** Names that end in the model part, so their value is a model even when it does not look like one. */
const MODEL_VAR_END = /(?:^|_)(?:MODEL|MODEL_NAME|MODEL_ID|DEPLOYMENT|DEPLOYMENT_NAME|LLM)$/i;
/** Never quote these, whatever else their name says (`LLM_API_KEY`). */
const SECRET_VAR = /KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH/i;

interface EnvValue {
  value: string;
  line: number;
}

/** The value part of an assignment: quoted (up to the closing quote) or bare (up to ` #`). */
function parseValue(raw: string): string {
  const q = raw[0];
  if (q === '"' || q === "'") {
    const end = raw.indexOf(q, 1);
    return end > 0 ? raw.slice(1, end) : raw.slice(1);
  }
  const hash = raw.search(/[ \t]#/);
  return (hash >= 0 ? raw.slice(0, hash) : raw).trim();
}

/** Model variables of one env text, by name. */
function readVars(text: string | null): Map<string, EnvValue> {
  const vars = new Map<string, EnvValue>();
  splitLines(text).forEach((line, i) => {
    if (line.length > MAX_SCAN_LINE) return;
    work.scannedChars += line.length;
    const m = ASSIGNMENT.exec(line);
    if (!m || !MODEL_VAR.test(m[1]) || SECRET_VAR.test(m[1])) return;
    vars.set(m[1], { value: parseValue(m[2]), line: i + 1 });
  });
  return vars;
}

/** A variable whose value is a model choice (by its name's ending, or by its value). */
function isModelChoice(name: string, ...values: string[]): boolean {
  return MODEL_VAR_END.test(name) || values.some((v) => v !== '' && looksLikeModelId(v));
}

function envHint(name: string, value: string): string {
  const model = value !== '' && looksLikeModelId(value) ? value : '<model id>';
  return `map the calls that read ${name} to a feature: features: { <feature>: { team: <team>, prompt: <prompt file>, model: ${model}, requests_per_month: <n> } } (model: applies when the prompt file names none)`;
}

/** Unpriced changes in one env file (never called for deleted files). */
export function scanEnv(file: ChangedFile, opts: UnpricedOptions): UnpricedChange[] {
  const base = readVars(file.base);
  const head = readVars(file.head);
  const out: UnpricedChange[] = [];
  const push = (line: number | null, summary: string, name: string, value: string, ratio: number | null): void => {
    out.push({ kind: 'env', file: file.path, line, summary, price_ratio: ratio, hint: envHint(name, value) });
  };
  for (const [name, now] of head) {
    const was = base.get(name);
    if (was && was.value === now.value) continue;
    if (!isModelChoice(name, now.value, was?.value ?? '')) continue;
    const where = `${file.path}:${now.line}`;
    if (!was) {
      push(now.line, `${name}=${show(now.value)} added in ${where}`, name, now.value, null);
      continue;
    }
    const ratio =
      looksLikeModelId(was.value) && looksLikeModelId(now.value)
        ? safeRatio(opts.priceRatio, was.value, now.value)
        : null;
    push(
      now.line,
      `${name} ${show(was.value)} → ${show(now.value)} in ${where}${priceSuffix(ratio)}`,
      name,
      now.value,
      ratio,
    );
  }
  for (const [name, was] of base) {
    if (head.has(name) || !isModelChoice(name, was.value)) continue;
    push(null, `${name}=${show(was.value)} removed from ${file.path}`, name, '', null);
  }
  // Lines too long to read are new when the base has no such line (their text is never quoted: secrets).
  const baseLines = new Set(splitLines(file.base).filter((l) => l.length > MAX_SCAN_LINE));
  const addedLong = splitLines(file.head).flatMap((text, i) =>
    text.length > MAX_SCAN_LINE && !baseLines.has(text) ? [{ line: i + 1, text }] : [],
  );
  out.push(...longLinesChange(file, 'env', addedLong, MAX_SCAN_LINE));
  return out;
}
