/**
 * Quality evidence for the advisor, read from eval result files in the repository (never
 * invented): promptfoo's `promptfoo eval --output results.json` and `gh models eval --json`.
 *
 * - `readEvalEvidence(files: { path: string; text: string }[]): EvalEvidence[]` — one entry per
 *   (file, prompt, model), in file order; throws an ArtifactError naming the file for a file that
 *   is not JSON or not one of the two shapes.
 * - `findEvidence(evidence: EvalEvidence[], prompt: string, model: string): EvalEvidence | undefined`
 *   — the entry for a feature's prompt (its path, promptfoo label or `.prompt.yml` `name:`) and a
 *   catalog model id; the one with the most test cases when several files name both.
 * - `evidenceCommand(promptPath: string, model: string, outDir?: string): string` — the shell
 *   command that produces the missing evidence for that prompt and model.
 *
 * Shapes (read from the tools' sources):
 * - promptfoo `OutputFile` (promptfoo/promptfoo src/types/index.ts): `{ evalId, results:
 *   EvaluateSummaryV3 | EvaluateSummaryV2, config, shareableUrl, metadata? }`, where
 *   `results.results[]` is `EvaluateResult`: `{ provider: { id, label? }, prompt: { raw, label },
 *   success: boolean, failureReason, gradingResult?, … }`. A result that errored (failureReason 2)
 *   counts as a failure: an answer that never came is not a pass.
 * - `gh models eval --json` `EvaluationSummary` (github/gh-models cmd/eval/eval.go): `{ name,
 *   description, model, testResults[], summary: { totalTests, passedTests, failedTests, passRate } }`
 *   with `passRate` in percent; a test passes when every evaluator passed.
 */

import { posix } from 'node:path';
import { canonicalId, parseModelId } from '../catalog/index.js';
import { ArtifactError } from '../errors.js';

/** One file as read from the repository. */
export interface EvalFile {
  /** Repository-relative path. */
  path: string;
  text: string;
}

/** A model's recorded pass rate on one prompt, from one results file. */
export interface EvalEvidence {
  /** Repository path of the results file. */
  source: string;
  /**
   * promptfoo: the prompt's label (`prompts/summary.txt: …` for file prompts, `file://` dropped);
   * gh models: the `.prompt.yml` file's `name:`. Null when the file names no prompt.
   */
  prompt: string | null;
  /** Catalog id as aicost writes it (`openai/gpt-4.1-mini`, `anthropic/claude-…`, `google/gemini-…`). */
  model: string;
  passes: number;
  total: number;
  /** passes ÷ total, 0..1. */
  passRate: number;
}

const SHAPES =
  'aicost reads promptfoo results (`promptfoo eval --output results.json`: { results: { results: [...] } }) and `gh models eval <file>.prompt.yml --json` output ({ model, summary: { totalTests, passedTests } }).';

/** Every pass rate the files record, one entry per (file, prompt, model) in file order. */
export function readEvalEvidence(files: readonly EvalFile[]): EvalEvidence[] {
  const out: EvalEvidence[] = [];
  for (const file of files) out.push(...readOne(file));
  return out;
}

function readOne(file: EvalFile): EvalEvidence[] {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    // The parser's message quotes the text; results may hold customer data, so only the line is kept.
    throw new ArtifactError('eval results are not JSON', {
      location: { file: file.path, line: jsonErrorLine(file.text, error) },
      hint: `Point advisor.evals at result files only. ${SHAPES}`,
    });
  }
  if (!isRecord(data)) throw bad(file, 'the file is not a JSON object');
  if (isRecord(data.summary) && 'model' in data) return [readGhModels(file, data)];
  const summary = isRecord(data.results) ? data.results : Array.isArray(data.results) ? data : undefined;
  if (summary && Array.isArray(summary.results)) return readPromptfoo(file, summary.results);
  throw bad(file, 'neither promptfoo results (results.results[]) nor gh models eval output (model, summary)');
}

function readGhModels(file: EvalFile, data: Record<string, unknown>): EvalEvidence {
  const summary = data.summary as Record<string, unknown>;
  const total = summary.totalTests;
  const passes = summary.passedTests;
  if (typeof data.model !== 'string' || data.model.trim() === '') throw bad(file, 'model is not a model id');
  if (!isCount(total)) throw bad(file, `summary.totalTests is ${describe(total)}, not a count of tests`);
  if (!isCount(passes) || passes > total)
    throw bad(file, `summary.passedTests is ${describe(passes)}, not a count between 0 and totalTests (${total})`);
  if (total === 0) throw bad(file, 'summary.totalTests is 0: the prompt file has no testData, so no pass rate');
  const name = typeof data.name === 'string' && data.name.trim() !== '' ? data.name.trim() : null;
  return { source: file.path, prompt: name, model: modelId(data.model), passes, total, passRate: passes / total };
}

function readPromptfoo(file: EvalFile, results: unknown[]): EvalEvidence[] {
  const byKey = new Map<string, EvalEvidence>();
  results.forEach((result, i) => {
    const where = `results.results[${i}]`;
    if (!isRecord(result)) throw bad(file, `${where} is not an object`);
    const provider = result.provider;
    const id = isRecord(provider) ? provider.id : provider;
    if (typeof id !== 'string') throw bad(file, `${where}.provider has no id`);
    if (typeof result.success !== 'boolean')
      throw bad(file, `${where}.success is ${describe(result.success)}, not true/false`);
    const model = promptfooModel(id);
    // Script and HTTP providers (`file://…`, `exec:…`, `http`) name no model aicost prices.
    if (model === null) return;
    const prompt = promptLabel(result.prompt);
    const key = JSON.stringify([prompt, model]);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { source: file.path, prompt, model, passes: 0, total: 0, passRate: 0 };
      byKey.set(key, entry);
    }
    entry.total += 1;
    if (result.success) entry.passes += 1;
  });
  const out = [...byKey.values()];
  for (const e of out) e.passRate = e.passes / e.total;
  return out;
}

function promptLabel(prompt: unknown): string | null {
  if (!isRecord(prompt)) return null;
  const label = typeof prompt.label === 'string' ? prompt.label : typeof prompt.raw === 'string' ? prompt.raw : null;
  if (label === null || label.trim() === '') return null;
  return label.trim().replace(/^file:\/\//, '');
}

/** Catalog id of a promptfoo provider id, or null when it names no hosted model. */
function promptfooModel(id: string): string | null {
  const parsed = parseModelId(id);
  if (parsed.deployment) return `azure/${parsed.model}`;
  if (!parsed.providerId || !/^[a-z0-9_-]+:/i.test(id.trim())) return null;
  return canonicalId(parsed.providerId, parsed.model);
}

/** Catalog id of a GitHub Models id (`openai/gpt-4.1-mini`); other publishers are kept as written. */
function modelId(raw: string): string {
  const parsed = parseModelId(raw);
  if (parsed.deployment) return `azure/${parsed.model}`;
  return parsed.providerId ? canonicalId(parsed.providerId, parsed.model) : parsed.model;
}

/**
 * The evidence for `prompt` on `model`: `prompt` is the feature's prompt path (`prompts/x.txt`),
 * a promptfoo config reference (`promptfooconfig.yaml#label`) or a `.prompt.yml` `name:`. A
 * promptfoo label `prompts/x.txt: <text>` matches its path; entries that name no prompt match any.
 */
export function findEvidence(
  evidence: readonly EvalEvidence[],
  prompt: string,
  model: string,
): EvalEvidence | undefined {
  const wanted = modelId(model);
  let best: EvalEvidence | undefined;
  for (const e of evidence) {
    if (e.model !== wanted || !promptMatches(e.prompt, prompt)) continue;
    if (!best || e.total > best.total) best = e;
  }
  return best;
}

function promptMatches(label: string | null, prompt: string): boolean {
  if (label === null) return true;
  const hash = prompt.indexOf('#');
  const candidates = hash >= 0 ? [prompt.slice(hash + 1), prompt] : [prompt];
  const head = label.split(/:\s/)[0];
  return candidates.some((p) => label === p || head === p || sameFile(head, p));
}

/** True when two relative paths name the same file seen from different folders (`../prompts/x.txt`, `prompts/x.txt`). */
function sameFile(a: string, b: string): boolean {
  if (!a.includes('/') && !b.includes('/')) return false;
  const na = posix.normalize(a).replace(/^(\.\.\/)+/, '');
  const nb = posix.normalize(b).replace(/^(\.\.\/)+/, '');
  return na === nb || na.endsWith(`/${nb}`) || nb.endsWith(`/${na}`);
}

/**
 * The command that records `model`'s pass rate on the prompt at `promptPath`, writing a results
 * file under `outDir` that `advisor.evals` can list:
 * - `.prompt.yml`: `gh models eval` runs the model named in the file (it has no model flag), so the
 *   command evaluates a copy whose `model:` is the candidate;
 * - a promptfoo config (`promptfooconfig.yaml`, or `file#label`): its tests on the candidate;
 * - any other prompt file: promptfoo with the prompt, the candidate and a tests file to write.
 */
export function evidenceCommand(promptPath: string, model: string, outDir = 'evals'): string {
  const hash = promptPath.indexOf('#');
  const file = hash >= 0 ? promptPath.slice(0, hash) : promptPath;
  const label = hash >= 0 ? promptPath.slice(hash + 1) : undefined;
  const stem = posix.basename(file).replace(/(\.prompt)?\.[a-z0-9]+$/i, '');
  const slug = modelId(model).replace(/[^a-z0-9.-]+/gi, '-');
  const out = posix.join(outDir, `${stem}.${slug}.json`);
  if (/\.prompt\.ya?ml$/i.test(file)) {
    const copy = posix.join(outDir, `${stem}.${slug}.prompt.yml`);
    return `sed 's#^model: .*#model: ${ghModelsId(model)}#' ${quote(file)} > ${quote(copy)} && gh models eval ${quote(copy)} --json > ${quote(out)}`;
  }
  const provider = promptfooProvider(model);
  if (label !== undefined || /(^|\/)promptfoo[^/]*\.ya?ml$/i.test(file)) {
    const filter = label !== undefined ? ` --filter-prompts ${quote(`^${escapeRegExp(label)}$`)}` : '';
    return `npx promptfoo@latest eval -c ${quote(file)} --providers ${quote(provider)}${filter} --output ${quote(out)}`;
  }
  const tests = posix.join(outDir, `${stem}.tests.yaml`);
  return `npx promptfoo@latest eval --prompts ${quote(`file://${file}`)} --providers ${quote(provider)} --tests ${quote(tests)} --output ${quote(out)}`;
}

/** promptfoo's provider id for a catalog id (`openai/gpt-4.1-mini` → `openai:gpt-4.1-mini`). */
function promptfooProvider(model: string): string {
  const id = modelId(model);
  const slash = id.indexOf('/');
  if (slash < 0) return id;
  const vendor = id.slice(0, slash);
  const name = id.slice(slash + 1);
  if (vendor === 'anthropic') return `anthropic:messages:${name}`;
  if (vendor === 'vertex_ai') return `vertex:${name}`;
  if (vendor === 'azure') return `azure:chat:${name}`;
  return `${vendor}:${name}`;
}

/** GitHub Models writes `publisher/model`, as aicost does for OpenAI and most others. */
function ghModelsId(model: string): string {
  return modelId(model);
}

function quote(s: string): string {
  return /^[A-Za-z0-9_./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function bad(file: EvalFile, what: string): ArtifactError {
  return new ArtifactError(`eval results: ${what}`, { location: { file: file.path }, hint: SHAPES });
}

function jsonErrorLine(text: string, error: unknown): number | undefined {
  const m = /position (\d+)/.exec((error as Error).message);
  if (!m) return undefined;
  return text.slice(0, Number(m[1])).split('\n').length;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function describe(v: unknown): string {
  return v === undefined ? 'missing' : JSON.stringify(v);
}
