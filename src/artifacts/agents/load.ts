/**
 * Loads an agent feature's definition at one revision: the definition file, the files it
 * references (instructions_file, tools_file, sub-agent files, CrewAI's tasks.yaml) read through
 * the same revision's reader, resolved from the repository root, never outside it.
 */

import { collectTemplateFacts } from '../render.js';
import { AicostError, ArtifactError, ConfigError } from '../../errors.js';
import { safeRelativePath } from '../../repo/index.js';
import { parseYaml } from '../yaml-source.js';
import type { AgentDefinition, AgentFormat, AgentSpec, CallSite } from '../../types.js';
import { parseAicostAgent } from './aicost-yaml.js';
import { parseClaudeAgent } from './claude-code.js';
import { parseCrewAgents } from './crewai.js';
import type { AgentDraft } from './draft.js';
import { parseToolsFile } from './tools.js';

/** The two reader calls the loader needs (a RevisionReader has both). */
export interface AgentFileReader {
  exists(path: string): Promise<boolean>;
  readText(path: string): Promise<string>;
  /** True when the path is a symbolic link (which `exists` counts as absent). */
  isLink?(path: string): Promise<boolean>;
}

/** Most agents one feature may define, sub-agents included: a guard against runaway references. */
export const MAX_AGENTS = 64;
/** Deepest chain of sub-agents followed. */
export const MAX_AGENT_DEPTH = 8;

/** `path#key` → path and key (CrewAI selects one agent of agents.yaml with `#key`). */
export function splitAgentRef(ref: string): { path: string; selector?: string } {
  const hash = ref.indexOf('#');
  if (hash < 0) return { path: ref };
  const selector = ref.slice(hash + 1).trim();
  return selector ? { path: ref.slice(0, hash), selector } : { path: ref.slice(0, hash) };
}

/**
 * The definition format of a file: `.md` is a Claude Code sub-agent; a YAML whose top-level
 * values are mappings with `role`, `goal` or `backstory` (or any `#key` reference) is CrewAI;
 * any other YAML is aicost's agent YAML.
 */
export function agentFormatOf(path: string, text: string, selector?: string): AgentFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.md')) return 'claude-code';
  if (!lower.endsWith('.yaml') && !lower.endsWith('.yml')) {
    throw new ArtifactError(
      'not an agent format aicost reads; supported: aicost agent YAML (.yaml), Claude Code sub-agents (.md), CrewAI agents.yaml',
      {
        location: { file: path },
        hint: "Point the feature's agent: at one of these, or describe the agent in an aicost agent YAML.",
      },
    );
  }
  if (selector !== undefined) return 'crewai';
  let value: unknown;
  try {
    value = parseYaml(path, text).value;
  } catch (e) {
    // The aicost parser reads it again and reports the YAML error with its position.
    if (e instanceof AicostError) return 'aicost';
    throw e;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const crewKeys = ['role', 'goal', 'backstory'];
    const isCrew = Object.values(value as Record<string, unknown>).some(
      (v) =>
        v !== null &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        crewKeys.some((k) => Object.prototype.hasOwnProperty.call(v, k)),
    );
    if (isCrew) return 'crewai';
  }
  return 'aicost';
}

function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(?:ya?ml|md)$/i, '');
}

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
}

/**
 * Loads the agent a feature's `agent:` names (`path` or `path#key`), with every sub-agent.
 * `configFile` locates path errors. Throws ArtifactError for malformed definitions and RepoError
 * for unreadable files (the caller names the feature).
 */
export async function loadAgentSpec(reader: AgentFileReader, ref: string, configFile: string): Promise<AgentSpec> {
  const { path: rawPath, selector } = splitAgentRef(ref);
  const path = safeRelativePath(rawPath, configFile);
  const files = new Set<string>([path]);
  const notes: string[] = [];
  const text = await reader.readText(path);
  const format = agentFormatOf(path, text, selector);
  const agents: AgentDefinition[] = [];
  const byName = new Map<string, AgentDefinition>();
  const add = (def: AgentDefinition, draft: AgentDraft) => {
    const prior = byName.get(def.name);
    if (prior) {
      throw new ArtifactError(
        `two agents are named "${def.name}" (${prior.file} and ${def.file}); trace lines name agents, so names must be unique`,
        {
          location: { file: def.file },
          hint: 'Rename one of them (the sub_agents key is the name trace lines carry).',
        },
      );
    }
    if (agents.length >= MAX_AGENTS)
      throw new ArtifactError(`more than ${MAX_AGENTS} agents in one feature`, {
        location: { file: def.file },
        hint: 'Split the feature.',
      });
    byName.set(def.name, def);
    agents.push(def);
    notes.push(...draft.notes);
  };

  if (format === 'crewai') {
    const tasksPath = await firstExisting(reader, [`${dirOf(path)}tasks.yaml`, `${dirOf(path)}tasks.yml`]);
    const tasks = tasksPath ? { file: tasksPath, text: await reader.readText(tasksPath) } : undefined;
    if (tasksPath) files.add(tasksPath);
    const crew = parseCrewAgents(path, text, selector, tasks);
    notes.push(...crew.notes);
    // Root first, then the others in file order.
    const ordered = [
      ...crew.agents.filter((a) => a.name === crew.root),
      ...crew.agents.filter((a) => a.name !== crew.root),
    ];
    for (const draft of ordered) add(await resolveDraft(reader, draft, draft.name!, undefined, files), draft);
    return { root: crew.root, agents, staticLoops: crew.staticLoops, files: [...files].sort(), notes };
  }

  const rootDraft = format === 'claude-code' ? parseClaudeAgent(path, text) : parseAicostAgent(path, text);
  const rootName = rootDraft.name ?? baseName(path);
  const rootDef = await resolveDraft(reader, rootDraft, rootName, undefined, files);
  add(rootDef, rootDraft);

  // Breadth-first over sub-agents; a name seen twice is a cycle or a clash.
  const queue: { parent: AgentDefinition; draft: AgentDraft; depth: number }[] = [
    { parent: rootDef, draft: rootDraft, depth: 0 },
  ];
  while (queue.length) {
    const { parent, draft, depth } = queue.shift()!;
    for (const sub of draft.subAgents) {
      if (sub.name === rootName || byName.has(sub.name)) {
        const other = byName.get(sub.name)!;
        if (other.file === splitAgentRef(sub.ref.path).path) continue; // the same agent reached twice (a cycle): already loaded
      }
      if (depth + 1 > MAX_AGENT_DEPTH) {
        throw new ArtifactError(`sub-agents nest deeper than ${MAX_AGENT_DEPTH} levels`, {
          location: { file: draft.file, line: sub.ref.line ?? undefined },
          hint: 'Check the sub_agents references for a chain.',
        });
      }
      const ref = splitAgentRef(sub.ref.path);
      const subPath = safeRelativePath(ref.path, draft.file);
      if (!(await reader.exists(subPath))) {
        if (draft.format === 'claude-code') {
          notes.push(
            `${draft.file}: sub-agent ${sub.name} has no file ${subPath} (a built-in sub-agent?): its recorded calls are priced as recorded`,
          );
          continue;
        }
        throw new ArtifactError(`sub-agent ${sub.name}: ${subPath} does not exist at this revision`, {
          location: { file: draft.file, line: sub.ref.line ?? undefined },
          hint: 'Fix the path under sub_agents (paths are relative to the repository root) or commit the file.',
        });
      }
      files.add(subPath);
      const subText = await reader.readText(subPath);
      const subFormat = agentFormatOf(subPath, subText, ref.selector);
      let subDraft: AgentDraft;
      if (subFormat === 'crewai') {
        const crew = parseCrewAgents(subPath, subText, ref.selector);
        subDraft = crew.agents.find((a) => a.name === crew.root)!;
      } else {
        subDraft =
          subFormat === 'claude-code' ? parseClaudeAgent(subPath, subText) : parseAicostAgent(subPath, subText);
      }
      parent.subAgents.push(sub.name);
      const def = await resolveDraft(reader, subDraft, sub.name, parent, files);
      add(def, subDraft);
      queue.push({ parent: def, draft: subDraft, depth: depth + 1 });
    }
  }
  return { root: rootName, agents, staticLoops: [{ agent: rootName }], files: [...files].sort(), notes };
}

async function firstExisting(reader: AgentFileReader, paths: string[]): Promise<string | undefined> {
  for (const p of paths) if (await reader.exists(p)) return p;
  return undefined;
}

/** A draft with its referenced files read, as an AgentDefinition. */
async function resolveDraft(
  reader: AgentFileReader,
  d: AgentDraft,
  name: string,
  parent: AgentDefinition | undefined,
  files: Set<string>,
): Promise<AgentDefinition> {
  const where = { ...d.where };
  let instructions = d.instructions ?? '';
  let start = d.instructionsStart ?? where.instructions?.line ?? 1;
  if (d.instructionsFile) {
    const p = safeRelativePath(d.instructionsFile.path, d.file);
    instructions = await readReferenced(reader, p, d, d.instructionsFile.line, 'instructions_file');
    files.add(p);
    start = 1;
    where.instructions = { file: p, line: 1 };
  }
  let tools = d.tools;
  let opaque = d.opaqueTools;
  if (d.toolsFile) {
    const p = safeRelativePath(d.toolsFile.path, d.file);
    const list = parseToolsFile(p, await readReferenced(reader, p, d, d.toolsFile.line, 'tools_file'));
    files.add(p);
    tools = list.tools;
    opaque = list.opaque;
    where.tools = { file: p, line: 1 };
  }
  let model = d.model;
  let inherits = d.inheritsModel;
  if (model === undefined && parent) {
    // A sub-agent without a model of its own runs on its parent's (Claude Code `inherit`, the default).
    model = parent.site.model;
    inherits = true;
  }
  const site: CallSite = {
    file: d.file,
    format: 'agent',
    lines: {},
    messages: instructions ? [{ role: 'system', template: instructions, line: start }] : [],
    params: {},
    tools,
    testData: [],
    variables: [],
    unsupported: [],
    notes: d.notes,
  };
  if (model !== undefined) site.model = model;
  if (d.maxTokens !== undefined) site.params.maxTokens = d.maxTokens;
  for (const [k, key] of [
    ['model', 'model'],
    ['tools', 'tools'],
    ['maxTokens', 'max_tokens'],
  ] as const) {
    const w = where[key];
    if (w && w.file === d.file && w.line !== null) site.lines[k] = w.line;
  }
  collectTemplateFacts(site, [start]);
  const def: AgentDefinition = {
    name,
    format: d.format,
    file: d.file,
    site,
    inheritsModel: inherits,
    opaqueTools: opaque,
    opaqueToolTokens: d.opaqueToolTokens,
    subAgents: [],
    where,
    settings: d.settings,
  };
  if (d.maxTurns !== undefined) def.maxTurns = d.maxTurns;
  if (d.maxTurnsIsDefault) def.maxTurnsIsDefault = true;
  return def;
}

async function readReferenced(
  reader: AgentFileReader,
  path: string,
  d: AgentDraft,
  line: number | null,
  key: string,
): Promise<string> {
  if (!(await reader.exists(path))) {
    throw new ArtifactError(`${key} ${path} does not exist at this revision`, {
      location: { file: d.file, line: line ?? undefined },
      hint: `Fix the path (relative to the repository root) or commit the file.`,
    });
  }
  return reader.readText(path);
}

/**
 * Loads the agent of a feature whose `agent:` is `ref`: as `loadAgentSpec`, with a missing or
 * unreadable definition reported at the feature's `agent:` key in the config.
 */
export async function loadFeatureAgent(
  reader: AgentFileReader,
  featureId: string,
  ref: string,
  configFile: string,
  position?: { line: number; column: number },
): Promise<AgentSpec> {
  const { path } = splitAgentRef(ref);
  const at = { file: configFile, line: position?.line, column: position?.column };
  let exists: boolean;
  try {
    exists = await reader.exists(safeRelativePath(path, configFile));
  } catch (e) {
    if (e instanceof AicostError)
      throw new ConfigError(`feature "${featureId}": ${e.message}`, { location: at, hint: e.hint });
    throw e;
  }
  if (!exists) {
    if (await reader.isLink?.(safeRelativePath(path, configFile))) {
      throw new ConfigError(
        `feature "${featureId}": agent definition ${path} is a symbolic link at this revision; aicost does not follow links`,
        {
          location: at,
          hint: 'Point agent: at the real file instead of the link (or commit the file in its place).',
        },
      );
    }
    throw new ConfigError(`feature "${featureId}": agent definition ${path} does not exist at this revision`, {
      location: at,
      hint: 'Fix the agent: path (relative to the repository root), or commit the file.',
    });
  }
  return loadAgentSpec(reader, ref, configFile);
}
