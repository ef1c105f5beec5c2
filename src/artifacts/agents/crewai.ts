/**
 * CrewAI `config/agents.yaml` (+ `tasks.yaml` beside it), formats.md §4.1. Each top-level key is
 * an agent: `role`, `goal`, `backstory` become its instructions in CrewAI's own wording
 * ("You are {role}. {backstory}\nYour personal goal is: {goal}"), `llm` its model, `max_iter` its
 * loop limit (CrewAI's default 20 when absent), `tools` names Python tools (no schema here: each
 * counted as CREWAI_TOOL_TOKENS, labelled). `function_calling_llm`, `allow_delegation`,
 * `max_retry_limit`, `reasoning` and `max_reasoning_attempts` change cost in ways recorded calls
 * already show and a config edit cannot replay: they are listed, not priced.
 *
 * Which agent is the root (trace lines without `agent` belong to it):
 * - `agent: config/agents.yaml#researcher` selects `researcher`;
 * - without `#key`, the agent of the first task in tasks.yaml, else the first agent of the file.
 * Every other agent of the file is a sub-agent, named by its key (trace lines carry it in `agent`).
 * A static estimate (no traces) runs one loop per task of tasks.yaml in order (only the selected
 * agent's tasks with `#key`), else one loop of the root.
 */

import type { Node } from 'yaml';
import { ArtifactError } from '../../errors.js';
import { findPair, isMap, isRecord, isScalar, keyLine, own, parseYaml, positionOf } from '../yaml-source.js';
import type { YamlSource } from '../yaml-source.js';
import { emptyDraft, type AgentDraft } from './draft.js';
import { MAX_TURNS, readWholeNumber } from './numbers.js';
import { CREWAI_TOOL_TOKENS } from './tools.js';
import { unusedKeyNotes } from './unused-keys.js';

/** CrewAI's `max_iter` when an agent sets none (docs: default 20; older releases used 25). */
export const CREWAI_DEFAULT_MAX_ITER = 20;

const SETTINGS = ['function_calling_llm', 'allow_delegation', 'max_retry_limit', 'reasoning', 'max_reasoning_attempts'];
const AGENT_KEYS = ['role', 'goal', 'backstory', 'llm', 'tools', 'max_iter', ...SETTINGS];
const TASK_KEYS = ['description', 'expected_output', 'agent'];

/** A CrewAI crew read from agents.yaml (and tasks.yaml). */
export interface CrewRead {
  agents: AgentDraft[];
  root: string;
  staticLoops: { agent: string; task?: string; text?: string }[];
  notes: string[];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Reads agents.yaml; `selector` is the `#key` of the feature's `agent:`; `tasks` the tasks.yaml beside it. */
export function parseCrewAgents(
  file: string,
  yamlText: string,
  selector?: string,
  tasks?: { file: string; text: string },
): CrewRead {
  const src = parseYaml(file, yamlText);
  const root = src.doc.contents;
  if (!isMap(root) || root.items.length === 0) {
    throw new ArtifactError('not a CrewAI agents file: expected a mapping of agent keys to role, goal, backstory', {
      location: { file, ...positionOf(src, root) },
      hint: 'e.g.\nresearcher:\n  role: Senior Data Researcher\n  goal: …\n  backstory: …\n  llm: openai/gpt-4o',
    });
  }
  const agents: AgentDraft[] = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = own(src.value, key);
    if (!key || !isRecord(value)) {
      throw new ArtifactError(`agent "${key || '?'}" must be a mapping with role, goal and backstory`, {
        location: { file, ...positionOf(src, pair.key as Node) },
        hint: 'e.g. researcher:\n  role: Senior Data Researcher',
      });
    }
    agents.push(readAgent(src, key, value, pair.value as Node));
  }
  const names = agents.map((a) => a.name!);
  if (selector !== undefined && !names.includes(selector)) {
    throw new ArtifactError(`no agent "${selector}" in ${file}; it defines ${names.join(', ')}`, {
      location: { file, line: 1 },
      hint: `Point agent: at ${file}#<key> with one of: ${names.join(', ')}.`,
    });
  }
  const notes: string[] = [];
  const taskList = tasks ? readTasks(tasks.file, tasks.text, names, notes) : [];
  const rootName = selector ?? taskList.find((t) => t.agent !== '')?.agent ?? names[0];
  // A task without `agent:` is the crew process's: the hierarchical process hands it to the
  // manager agent, which crew.py defines (manager_llm / manager_agent), not these files.
  for (const t of taskList.filter((t) => t.agent === '')) {
    if (selector === undefined) {
      t.agent = rootName;
      notes.push(
        `${t.file}:${t.line}: task ${t.task} names no agent: CrewAI's hierarchical process gives it to the crew's manager agent (manager_llm in code, not read here), so it is priced as a loop of ${rootName} with the task's text`,
      );
    } else {
      notes.push(
        `${t.file}:${t.line}: task ${t.task} names no agent: it runs under the crew's manager, not ${selector}, so this feature does not price it (point agent: at ${file} without #${selector} to price the whole crew)`,
      );
    }
  }
  let staticLoops: CrewRead['staticLoops'] = taskList.filter(
    (t) => t.agent !== '' && (selector === undefined || t.agent === selector),
  );
  if (staticLoops.length === 0) staticLoops = [{ agent: rootName }];
  return { agents, root: rootName, staticLoops, notes };
}

function readAgent(src: YamlSource, key: string, value: Record<string, unknown>, node: Node): AgentDraft {
  const file = src.file;
  const d = emptyDraft('crewai', file, CREWAI_TOOL_TOKENS);
  d.name = key;
  const line = (k: string): number | null => {
    const p = findPair(node, [k]);
    return p ? keyLine(src, p.pair) : null;
  };
  const role = text(own(value, 'role'));
  const goal = text(own(value, 'goal'));
  const backstory = text(own(value, 'backstory'));
  if (!role && !goal && !backstory) d.notes.push(`${file}: agent ${key} has no role, goal or backstory`);
  // CrewAI's "role_playing" prompt slice; the ReAct scaffolding around it is the same at base and head.
  d.instructions = `You are ${role}. ${backstory}\nYour personal goal is: ${goal}`;
  d.where.instructions = {
    file,
    line: line('role') ?? line('goal') ?? line('backstory') ?? positionOf(src, node).line,
  };

  const llm = own(value, 'llm');
  const llmId = typeof llm === 'string' ? llm.trim() : isRecord(llm) ? text(own(llm, 'model')) : '';
  if (llmId) {
    d.model = llmId;
    d.where.model = { file, line: line('llm') };
  } else if (llm !== undefined && llm !== null) {
    throw new ArtifactError(`agent ${key}: llm must be a model id`, {
      location: { file, line: line('llm') ?? undefined },
      hint: 'e.g. llm: openai/gpt-4o',
    });
  } else {
    d.notes.push(
      `${file}: agent ${key} names no llm: CrewAI takes the model from the environment (OPENAI_MODEL_NAME); the feature's model: prices it`,
    );
  }

  const tools = own(value, 'tools');
  if (tools !== undefined && tools !== null) {
    if (!Array.isArray(tools)) {
      throw new ArtifactError(`agent ${key}: tools must be a list of tool names`, {
        location: { file, line: line('tools') ?? undefined },
        hint: 'e.g. tools:\n  - SerperDevTool',
      });
    }
    for (const t of tools)
      if (typeof t === 'string' && t.trim() && !d.opaqueTools.includes(t.trim())) d.opaqueTools.push(t.trim());
    d.where.tools = { file, line: line('tools') };
  }

  const iter = readWholeNumber(src, node, 'max_iter', 'iterations', d.notes, MAX_TURNS);
  if (iter) {
    d.maxTurns = iter.value;
    d.where.max_turns = { file, line: iter.line };
  } else {
    d.maxTurns = CREWAI_DEFAULT_MAX_ITER;
    d.maxTurnsIsDefault = true;
  }
  d.notes.push(...unusedKeyNotes(src, node, AGENT_KEYS, `agent ${key}`));
  for (const s of SETTINGS) {
    const v = own(value, s);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      d.settings[s] = v;
      d.where[s] = { file, line: line(s) };
    }
  }
  return d;
}

type TaskLoop = { agent: string; task: string; text: string; file: string; line: number };

/**
 * Tasks in file order: the agent each runs ('' when it names none) and its prompt text
 * (description + expected output), with the line of its key.
 */
function readTasks(file: string, yamlText: string, agents: string[], notes: string[]): TaskLoop[] {
  const src = parseYaml(file, yamlText);
  if (!isRecord(src.value)) return [];
  const root = src.doc.contents;
  const out: TaskLoop[] = [];
  for (const [task, spec] of Object.entries(src.value)) {
    if (!isRecord(spec)) continue;
    const agent = text(own(spec, 'agent'));
    const pair = findPair(root as Node, [task]);
    const line = pair ? keyLine(src, pair.pair) : 1;
    notes.push(...unusedKeyNotes(src, pair?.pair.value, TASK_KEYS, `task ${task}`));
    if (!agent) {
      out.push({ agent: '', task, text: taskText(spec), file, line });
      continue;
    }
    if (!agents.includes(agent)) {
      notes.push(
        `${file}: task ${task} runs agent "${agent}", which agents.yaml does not define; left out of the static estimate`,
      );
      continue;
    }
    out.push({ agent, task, text: taskText(spec), file, line });
  }
  return out;
}

function taskText(spec: Record<string, unknown>): string {
  return `${text(own(spec, 'description'))}\n\n${text(own(spec, 'expected_output'))}`.trim();
}
