/**
 * `aicost init`: what a repository holds that aicost can price, as a first `.aicost.yml`. One
 * feature per artifact (a promptfoo config: its first prompt on its first priced provider), found with the same path classes as the unpriced-change scan
 * (unpriced/paths.ts: prompt files of every format it reads, agent definitions), plus aicost
 * agent YAML (`name`, `model`, `instructions`) that is not another agent's sub-agent. A traffic
 * file whose name matches the artifact's feature id gives the volume; else a placeholder volume,
 * marked in a comment, that the user must replace. Each SDK call in a named function of the code
 * (found by the unpriced scan's syntax-tree reading, unpriced/code-calls.ts) is a feature whose
 * prompt is the function (`prompt: src/reply.py#draft_reply`), with a placeholder `model:` when
 * the call's model is not a literal in its file. Pure: the entry lists the files and their calls.
 */
import { parse as parseYaml } from 'yaml';
import { posix } from 'node:path';
import { looksLikePromptfoo, promptfooFeatureChoice } from '../artifacts/index.js';
import { classifyPath, codeFeatureId, featureIdFor, type CallSite, type CodePromptCheck } from '../unpriced/index.js';
import { PLACEHOLDER_MARK, PLACEHOLDER_MODEL, PLACEHOLDER_OUTPUT, PLACEHOLDER_VOLUME } from './placeholders.js';

/** A file of the repository: its path relative to the root and its text (null when too large). */
export interface RepoFile {
  path: string;
  text: string | null;
}

/** One proposed feature. */
export interface ProposedFeature {
  id: string;
  key: 'prompt' | 'agent';
  path: string;
  /** A traffic file for it (by name), or null: then the volume is a placeholder. */
  traffic: string | null;
  /** The provider a promptfoo prompt runs on. */
  provider?: string;
  /** A code prompt whose call's model is not a literal: the placeholder model written, marked for the user. */
  placeholderModel?: string;
  /** A code prompt whose call sets no max tokens (and no traffic): the placeholder output size written. */
  placeholderOutput?: number;
}

/** What init found. */
export interface Discovery {
  features: ProposedFeature[];
  /** Files aicost reads but could not map to a feature, with why. */
  unmapped: { path: string; why: string }[];
}

/** Formats a feature entry can point at with `prompt:` / `agent:`. */
const PROMPT_FORMATS = new Set(['github-models', 'prompty', 'dotprompt', 'vscode-prompt', 'plain-prompt']);
const AGENT_FORMATS = new Set(['claude-agent', 'crewai-agents']);

function yamlOf(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const doc = parseYaml(text) as unknown;
    return doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An aicost agent definition (agents/*.yaml with name, model and instructions). */
function isAicostAgent(doc: Record<string, unknown> | null): boolean {
  return doc !== null && typeof doc.model === 'string' && typeof doc.instructions === 'string';
}

/** Sub-agent files an agent names (`sub_agents: { refund: agents/refund.yaml }`). */
function subAgentPaths(doc: Record<string, unknown>): string[] {
  const subs = doc.sub_agents;
  if (!subs || typeof subs !== 'object') return [];
  return Object.values(subs as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
}

/** `evals/promptfooconfig.yaml` → `evals`; `evals/support.yaml` → `support`. */
function promptfooFeatureId(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!/^promptfooconfig/i.test(name)) return featureIdFor(path);
  return path.includes('/') ? featureIdFor(`${path.slice(0, path.lastIndexOf('/'))}/index.yaml`) : 'evals';
}

/** Repository paths of the `file://` references in a promptfoo config, relative to its folder. */
function fileRefs(path: string, text: string): string[] {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return [...text.matchAll(/file:\/\/([^\s'"#,\]}]+)/g)].map((m) => posix.normalize(dir + m[1].replace(/^\.\//, '')));
}

/** A feature id unique among `taken`: `triage`, then `triage-2`, … */
function unique(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}

/**
 * Discover features in the repository's files (sorted by path for a stable config). `calls` holds
 * the SDK call sites of the code files that were parsed (unpriced `callSitesOf`), by path;
 * `checks` whether each `file#function` reads as a code prompt (unpriced `checkCodePrompts`): one
 * that does not is listed as not mapped, with the reason.
 */
export function discoverFeatures(
  files: readonly RepoFile[],
  calls: ReadonlyMap<string, readonly CallSite[]> = new Map(),
  checks: ReadonlyMap<string, CodePromptCheck> = new Map(),
): Discovery {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const traffic = sorted.filter((f) => /\.jsonl$/i.test(f.path)).map((f) => f.path);
  const agentDocs = new Map<string, Record<string, unknown>>();
  for (const f of sorted) {
    if (!/\.ya?ml$/i.test(f.path) || /\.prompt\.ya?ml$/i.test(f.path)) continue;
    const doc = yamlOf(f.text);
    if (isAicostAgent(doc)) agentDocs.set(f.path, doc!);
  }
  const subAgents = new Set([...agentDocs.values()].flatMap(subAgentPaths));
  // Prompt files a promptfoo config reads (`file://prompts/reply.txt`) are priced through it.
  const promptfooFiles = new Set(
    sorted
      .filter(
        (f) =>
          f.text !== null && classifyPath(f.path, [f.text]).type === 'artifact' && looksLikePromptfoo(f.path, f.text),
      )
      .flatMap((f) => fileRefs(f.path, f.text!)),
  );
  const taken = new Set<string>();
  const features: ProposedFeature[] = [];
  const unmapped: Discovery['unmapped'] = [];
  const trafficFor = (id: string, path: string): string | null => {
    const stems = new Set([id, path.replace(/^.*\//, '').replace(/\..*$/, '')]);
    return traffic.find((t) => stems.has(t.replace(/^.*\//, '').replace(/\.jsonl$/i, ''))) ?? null;
  };
  for (const f of sorted) {
    const cls = classifyPath(f.path, [f.text]);
    if (promptfooFiles.has(f.path)) continue;
    if (cls.type === 'artifact' && PROMPT_FORMATS.has(cls.format)) {
      const id = unique(featureIdFor(f.path, cls.format), taken);
      features.push({ id, key: 'prompt', path: f.path, traffic: trafficFor(id, f.path) });
    } else if (cls.type === 'artifact' && AGENT_FORMATS.has(cls.format)) {
      const id = unique(featureIdFor(f.path, cls.format), taken);
      features.push({ id, key: 'agent', path: f.path, traffic: trafficFor(id, f.path) });
    } else if (agentDocs.has(f.path)) {
      if (subAgents.has(f.path)) continue; // priced with the agent that calls it
      const id = unique(featureIdFor(f.path.replace(/\.ya?ml$/i, '.md')), taken);
      features.push({ id, key: 'agent', path: f.path, traffic: trafficFor(id, f.path) });
    } else if (cls.type === 'artifact' && cls.format === 'promptfoo') {
      // An eval config names prompts and providers: its first prompt on its first priced provider.
      const choice = f.text === null ? null : promptfooFeatureChoice(f.path, f.text);
      if (!choice) {
        unmapped.push({ path: f.path, why: 'promptfoo config aicost could not read (no prompt or provider)' });
        continue;
      }
      const id = unique(promptfooFeatureId(f.path), taken);
      const feature: ProposedFeature = {
        id,
        key: 'prompt',
        path: `${f.path}#${choice.prompt}`,
        provider: choice.provider,
        traffic: trafficFor(id, f.path),
      };
      if (!choice.hasCap && !feature.traffic) feature.placeholderOutput = PLACEHOLDER_OUTPUT;
      features.push(feature);
    } else if (cls.type === 'artifact') {
      unmapped.push({ path: f.path, why: `${cls.format} config: models, not a feature; map its callers` });
    } else if (cls.type === 'code' && f.text !== null) {
      const sites = calls.get(f.path) ?? [];
      const perHolder = new Map<string, CallSite[]>();
      for (const c of sites) perHolder.set(c.holder, [...(perHolder.get(c.holder) ?? []), c]);
      for (const [holder, list] of perHolder) {
        if (list.length > 1) {
          unmapped.push({
            path: `${f.path}#${holder}`,
            why: `${list.length} model calls in one function (lines ${list.map((c) => c.line).join(', ')}): a code prompt names a function holding one; move each call into a function of its own`,
          });
          continue;
        }
        const ref = `${f.path}#${holder}`;
        const check = checks.get(ref);
        if (check?.problem) {
          unmapped.push({ path: ref, why: `not readable as a code prompt: ${check.problem}` });
          continue;
        }
        const id = unique(codeFeatureId(holder), taken);
        const feature: ProposedFeature = { id, key: 'prompt', path: ref, traffic: trafficFor(id, f.path) };
        if (list[0].model === null) feature.placeholderModel = PLACEHOLDER_MODEL;
        if (check?.noMaxTokens && !feature.traffic) feature.placeholderOutput = PLACEHOLDER_OUTPUT;
        features.push(feature);
      }
      if (!perHolder.size && /\b(?:gpt-|claude-|gemini-|o[134]-|model\s*=)/.test(f.text)) {
        unmapped.push({
          path: f.path,
          why: 'code that mentions a model but holds no SDK call in a named function aicost can read: put the call in a function and point prompt: at it (file.py#function), or map it by hand',
        });
      }
    }
  }
  return { features, unmapped };
}

/** The `.aicost.yml` text for a discovery: team `default`, volumes from traffic or placeholders. */
export function initConfigText(d: Discovery): string {
  const lines = [
    '# Written by `aicost init`. Check every feature; replace each PLACEHOLDER value with the real one.',
    'version: 1',
    '',
    'features:',
  ];
  for (const f of d.features) {
    lines.push(
      `  ${f.id}:`,
      '    team: default',
      `    ${f.key}: ${f.path.includes('#') ? JSON.stringify(f.path) : f.path}`,
    );
    if (f.provider) lines.push(`    provider: ${JSON.stringify(f.provider)}`);
    if (f.placeholderModel)
      lines.push(
        `    model: ${f.placeholderModel}     # ${PLACEHOLDER_MARK}: the call's model is not a literal in the code; set the model it runs`,
      );
    if (f.placeholderOutput)
      lines.push(
        `    typical_output_tokens: ${f.placeholderOutput}     # ${PLACEHOLDER_MARK}: ${f.provider ? 'the provider' : 'the call'} sets no max tokens; set a typical output size`,
      );
    if (f.traffic) lines.push(`    traffic: ${f.traffic}            # volume derived from the samples' time window`);
    else
      lines.push(
        `    requests_per_month: ${PLACEHOLDER_VOLUME}     # ${PLACEHOLDER_MARK}: no traffic file found; set the real monthly volume`,
      );
    lines.push('');
  }
  lines.push('teams:', '  default: {}', '');
  return lines.join('\n');
}
