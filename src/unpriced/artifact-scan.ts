/**
 * One unpriced change per changed artifact file (prompt, agent or model config outside every
 * feature): what changed in cost terms when the settings tell it (`model a → b (×16.7 input
 * price)`, `maxTokens 256 → 1024 (×4 output cap)`), else that the file is new, changed or gone.
 */

import { isDotpromptPartial, promptfooFeatureChoice } from '../artifacts/index.js';
import type { Fact } from './artifact-facts.js';
import { factsOf } from './artifact-facts.js';
import { featureEntry, limitSuffix, oneLine, priceSuffix, safeRatio, show } from './format.js';
import { diffLines, splitLines } from './line-diff.js';
import type { ArtifactFormat } from './paths.js';
import { ARTIFACT_NOUN, featureIdFor, yamlScalar } from './paths.js';
import type { ChangedFile, UnpricedChange, UnpricedKind, UnpricedOptions } from './types.js';
import { unscannedChange } from './unscanned.js';

/** At most this many setting changes are spelled out in one summary. */
const MAX_LISTED = 6;

/** Copilot bills prompt files by premium-request multipliers, not tokens (§3.7). */
const COPILOT_NOTE = ' (Copilot bills premium requests, not tokens)';

interface FactChanges {
  texts: string[];
  /** Head line of the first change. */
  line: number | null;
  /** Price ratio of the first model change that has one. */
  ratio: number | null;
  /** The first model setting that changed or appeared. */
  model?: Fact;
}

/** The cost-relevant differences between two fact lists, in head order, removals last. */
function factChanges(format: ArtifactFormat, base: Fact[], head: Fact[], opts: UnpricedOptions): FactChanges {
  const texts: string[] = [];
  let line: number | null = null;
  let ratio: number | null = null;
  let model: Fact | undefined;
  // Labels come from YAML keys of the PR (agent and route names): keep them on one line.
  const byId = new Map(base.map((f) => [f.id, { ...f, label: oneLine(f.label) }]));
  for (const fact of head) {
    const now = { ...fact, label: oneLine(fact.label) };
    const was = byId.get(now.id);
    if (was && was.value === now.value) continue;
    line ??= now.line;
    if (now.kind === 'model') model ??= now;
    if (!was) {
      texts.push(`${now.label} ${show(now.value)} added`);
      continue;
    }
    const change =
      was.label === now.label
        ? `${now.label} ${show(was.value)} → ${show(now.value)}`
        : `${was.label} ${show(was.value)} → ${now.label} ${show(now.value)}`;
    let suffix = '';
    if (now.kind === 'model') {
      if (format === 'vscode-prompt') {
        suffix = COPILOT_NOTE;
      } else {
        const r = safeRatio(opts.priceRatio, was.value, now.value);
        ratio ??= r;
        suffix = priceSuffix(r);
      }
    } else if (now.kind === 'max-tokens' || now.kind === 'loop') {
      suffix = limitSuffix(Number(was.value), Number(now.value), now.kind === 'loop' ? 'loop limit' : 'output cap');
    }
    texts.push(change + suffix);
  }
  const inHead = new Set(head.map((f) => f.id));
  for (const was of byId.values()) if (!inHead.has(was.id)) texts.push(`${was.label} ${show(was.value)} removed`);
  return { texts, line, ratio, model };
}

/** ` (model openai/gpt-4o)`, ` (models a, b)` or nothing. */
function describeModels(facts: Fact[]): string {
  const models = [...new Set(facts.filter((f) => f.kind === 'model').map((f) => show(f.value)))];
  if (!models.length) return '';
  if (models.length === 1) return ` (model ${models[0]})`;
  const listed = models.slice(0, 3).join(', ');
  return ` (models ${listed}${models.length > 3 ? `, +${models.length - 3} more` : ''})`;
}

/** First head line the line diff marks as changed, or 1. */
function firstChangedLine(base: string | null, head: string | null): number {
  const headLines = splitLines(head);
  const block = diffLines(splitLines(base), headLines).blocks[0];
  if (!block) return 1;
  return block.added[0]?.line ?? Math.max(1, Math.min(block.headLine, headLines.length));
}

function featureKey(kind: UnpricedKind): 'prompt' | 'agent' {
  return kind === 'agent-file' ? 'agent' : 'prompt';
}

/** The `.aicost.yml` entry (or the step) that would cover a changed artifact. */
function artifactHint(
  file: ChangedFile,
  format: ArtifactFormat,
  kind: UnpricedKind,
  firstModel: Fact | undefined,
  hasCap = true,
): string {
  const path = file.path;
  const id = featureIdFor(path, format);
  switch (format) {
    case 'claude-agent':
    case 'crewai-agents':
      return featureEntry(id, 'agent', path);
    case 'crewai-tasks':
      // A crew is one agent feature named by its agents file; its tasks come with it.
      return featureEntry(id, 'agent', path.replace(/tasks\.(ya?ml)$/i, 'agents.$1'));
    case 'litellm': {
      const route = firstModel?.route ?? '<model_name>';
      return `read its routes as aliases: models_from: [${yamlScalar(path)}], and price the calls that send ${yamlScalar(route)}: features: { <feature>: { team: <team>, prompt: <prompt file>, model: ${yamlScalar(route)}, requests_per_month: <n> } }`;
    }
    case 'promptfoo': {
      // The config is the prompt + model artifact: one of its prompts, priced with one of its providers.
      const choice = file.head === null ? null : promptfooFeatureChoice(path, file.head);
      if (!choice)
        return `promptfoo runs are eval spend: price them as a feature with the prompt they test: features: { evals: { team: <team>, prompt: <prompt file>, model: ${firstModel ? yamlScalar(firstModel.value) : '<model id>'}, requests_per_month: <runs × tests × providers> } }`;
      const output = choice.hasCap ? '' : ', typical_output_tokens: <n>';
      return `price one prompt of it with one provider (each prompt × provider the app sends is a feature): features: { ${id}: { team: <team>, prompt: ${yamlScalar(`${path}#${choice.prompt}`)}, provider: ${yamlScalar(choice.provider)}${output}, requests_per_month: <n> } }`;
    }
    case 'autogen': {
      const model = firstModel ? yamlScalar(firstModel.value) : '<model id>';
      return `describe the AutoGen agents in an aicost agent file (agents/autogen.yaml with model: ${model}) and add ${featureEntry('autogen', 'agent', 'agents/autogen.yaml')}`;
    }
    case 'vscode-prompt':
      return `Copilot runs it on premium requests; if your app also sends it to a model API, add ${featureEntry(id, 'prompt', path)}`;
    case 'prompty':
      if (firstModel && /deployment$/.test(firstModel.label)) {
        // An Azure deployment name is the owner's: only a models: alias tells what it runs.
        const alias = yamlScalar(`azure/${firstModel.value}`);
        return `map the deployment to the model it runs, and the file to a feature: models: { ${alias}: <vendor>/<model> } and ${featureEntry(id, 'prompt', path, undefined, !hasCap)}`;
      }
      return featureEntry(id, 'prompt', path, firstModel ? undefined : '<model id>', !hasCap);
    case 'dotprompt':
      if (isDotpromptPartial(path)) {
        const name = path
          .slice(path.lastIndexOf('/') + 1)
          .replace(/^_/, '')
          .replace(/\.prompt$/i, '');
        return `a Dotprompt partial is priced inside the prompts that include it ({{>${name}}}): map those, e.g. features: { <feature>: { team: <team>, prompt: <the .prompt that includes it>, requests_per_month: <n> } }`;
      }
      return featureEntry(id, 'prompt', path, firstModel ? undefined : '<model id>', !hasCap);
    default:
      return featureEntry(id, featureKey(kind), path, firstModel ? undefined : '<model id>', !hasCap);
  }
}

function deletedHint(file: ChangedFile, format: ArtifactFormat, kind: UnpricedKind): string {
  if (kind === 'model-config') return `nothing to add if nothing reads ${file.path} any more`;
  const id = featureIdFor(file.path, format);
  return `nothing to add if nothing loads ${file.path} any more; if its calls moved to another file, map that one: features: { ${id}: { team: <team>, ${featureKey(kind)}: <new file>, requests_per_month: <n> } }`;
}

/**
 * The unpriced change of one artifact file, or null when nothing changed (a mode-only change).
 * `oldMapped`: the file was renamed away from a path a feature maps.
 */
export function scanArtifact(
  file: ChangedFile,
  format: ArtifactFormat,
  kind: UnpricedKind,
  opts: UnpricedOptions,
  oldMapped = false,
): UnpricedChange | null {
  const noun = ARTIFACT_NOUN[format];
  const baseRead = file.base === null ? [] : factsOf(format, file.base, file.oldPath ?? file.path);
  const headRead = file.head === null ? [] : factsOf(format, file.head, file.path);
  // A head the YAML reader refuses (invalid, an alias bomb, too deep) could hide any setting: it is
  // "not scanned", not "changed". An unreadable base only loses the old values.
  if (!Array.isArray(headRead) && file.status !== 'deleted')
    return unscannedChange(file, { type: 'artifact', format, kind }, headRead.reason, headRead.line);
  const base = Array.isArray(baseRead) ? baseRead : [];
  const head = Array.isArray(headRead) ? headRead : [];
  const result = (line: number | null, summary: string, ratio: number | null, hint: string): UnpricedChange => ({
    kind,
    file: file.path,
    line,
    summary,
    price_ratio: ratio,
    hint,
  });

  if (file.status === 'deleted') {
    return result(null, `deleted ${noun} ${file.path}${describeModels(base)}`, null, deletedHint(file, format, kind));
  }
  const bothSides = file.base !== null && file.head !== null;
  if (bothSides && file.base === file.head && file.status !== 'renamed') return null;
  const changes: FactChanges =
    bothSides && file.status !== 'added'
      ? factChanges(format, base, head, opts)
      : { texts: [], line: null, ratio: null };
  const hint =
    oldMapped && file.oldPath
      ? `the feature that maps ${file.oldPath} must follow the rename: set its ${featureKey(kind)}: ${yamlScalar(file.path)}`
      : artifactHint(
          file,
          format,
          kind,
          changes.model ?? head.find((f) => f.kind === 'model'),
          head.some((f) => f.kind === 'max-tokens'),
        );
  if (file.status === 'added') return result(1, `new ${noun} ${file.path}${describeModels(head)}`, null, hint);

  const renamed = file.status === 'renamed' && file.oldPath !== undefined && file.oldPath !== file.path;
  const subject = renamed ? `${noun} ${file.oldPath} renamed to ${file.path}` : `${noun} ${file.path}`;
  if (bothSides && file.base === file.head)
    return renamed ? result(1, `${subject}${describeModels(head)}`, null, hint) : null;
  if (changes.texts.length) {
    const listed = changes.texts.slice(0, MAX_LISTED).join(', ');
    const more = changes.texts.length > MAX_LISTED ? `, +${changes.texts.length - MAX_LISTED} more` : '';
    const line = changes.line ?? firstChangedLine(file.base, file.head);
    return result(line, `${subject}: ${listed}${more}`, changes.ratio, hint);
  }
  const line = bothSides ? firstChangedLine(file.base, file.head) : 1;
  return result(line, `${subject}${renamed ? ' and' : ''} changed${describeModels(head)}`, null, hint);
}
