/**
 * aicost's own agent YAML (DESIGN "Agent definition"), for agents defined in code:
 *
 *   name: triage
 *   model: openai/gpt-4o
 *   instructions: |            # or instructions_file: prompts/triage-system.md
 *     You are the triage agent …
 *   tools: [...]               # or tools_file: tools/triage.json (OpenAI function-tool list)
 *   max_turns: 8
 *   max_tokens: 600            # optional output cap per call
 *   sub_agents: { refund: agents/refund.yaml }
 *
 * A sub-agent without `model` uses its parent's. Unknown keys are errors with a did-you-mean, as
 * in `.aicost.yml`; `description` and `temperature` are accepted and do not change cost.
 */

import type { Node } from 'yaml';
import { didYouMean } from '../../text/index.js';
import { ArtifactError } from '../../errors.js';
import { findPair, isMap, isScalar, keyLine, own, parseYaml, positionOf, textStartLine } from '../yaml-source.js';
import type { YamlSource } from '../yaml-source.js';
import { emptyDraft, type AgentDraft } from './draft.js';
import { MAX_TOKENS } from '../../bounds.js';
import { MAX_TURNS, readWholeNumber } from './numbers.js';
import { NAMED_TOOL_TOKENS, readToolList } from './tools.js';

const KEYS = [
  'name',
  'model',
  'instructions',
  'instructions_file',
  'tools',
  'tools_file',
  'max_turns',
  'max_tokens',
  'sub_agents',
  'description',
  'temperature',
];
const EXAMPLE = 'e.g.\nname: triage\nmodel: openai/gpt-4o\ninstructions: |\n  You are the triage agent.\nmax_turns: 8';

/** Reads an aicost agent YAML file. Malformed files throw ArtifactError naming file:line. */
export function parseAicostAgent(file: string, text: string): AgentDraft {
  const src = parseYaml(file, text);
  const root = src.doc.contents;
  if (!isMap(root)) {
    throw new ArtifactError(
      'not an agent definition: the file must be a YAML mapping (name, model, instructions, tools, max_turns, sub_agents)',
      {
        location: { file, ...positionOf(src, root) },
        hint: EXAMPLE,
      },
    );
  }
  const d = emptyDraft('aicost', file, NAMED_TOOL_TOKENS);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KEYS.includes(key)) {
      const pos = positionOf(src, pair.key as Node);
      throw new ArtifactError(`unknown key "${key}" in the agent definition${didYouMean(key, KEYS)}`, {
        location: { file, ...pos },
        hint: `Agent definitions take ${KEYS.join(', ')}.`,
      });
    }
  }
  const v = src.value;
  const str = (key: string): { value: string; line: number; node: Node | null } | undefined => {
    const found = findPair(root, [key]);
    if (!found) return undefined;
    const raw = own(v, key);
    if (typeof raw !== 'string' || (key !== 'instructions' && !raw.trim())) {
      throw new ArtifactError(`${key} must be ${key === 'instructions' ? 'text' : 'a non-empty string'}`, {
        location: { file, ...positionOf(src, found.pair.value ?? found.pair.key) },
        hint: EXAMPLE,
      });
    }
    return { value: raw, line: keyLine(src, found.pair), node: found.pair.value };
  };

  const name = str('name');
  if (name) d.name = name.value.trim();
  const model = str('model');
  if (model) {
    d.model = model.value.trim();
    d.where.model = { file, line: model.line };
  }
  const instructions = str('instructions');
  const instructionsFile = str('instructions_file');
  if (instructions && instructionsFile) {
    throw new ArtifactError('has both instructions and instructions_file; keep one of them', {
      location: { file, line: instructionsFile.line },
      hint: EXAMPLE,
    });
  }
  if (instructions) {
    d.instructions = instructions.value;
    d.instructionsStart = textStartLine(src, instructions.node);
    d.where.instructions = { file, line: instructions.line };
  } else if (instructionsFile) {
    d.instructionsFile = { path: instructionsFile.value.trim(), line: instructionsFile.line };
  } else {
    d.notes.push(`${file}: no instructions or instructions_file; the agent sends no system message`);
  }

  const toolsPair = findPair(root, ['tools']);
  const toolsFile = str('tools_file');
  if (toolsPair && toolsFile) {
    throw new ArtifactError('has both tools and tools_file; keep one of them', {
      location: { file, line: toolsFile.line },
      hint: EXAMPLE,
    });
  }
  if (toolsPair) {
    const line = keyLine(src, toolsPair.pair);
    const list = readToolList(own(v, 'tools') ?? [], file, line, 'tools');
    d.tools = list.tools;
    d.opaqueTools = list.opaque;
    d.where.tools = { file, line };
  } else if (toolsFile) {
    d.toolsFile = { path: toolsFile.value.trim(), line: toolsFile.line };
  }

  const turns = readWholeNumber(src, root, 'max_turns', 'turns', d.notes, MAX_TURNS);
  if (turns) {
    d.maxTurns = turns.value;
    d.where.max_turns = { file, line: turns.line };
  }
  const maxTokens = readWholeNumber(src, root, 'max_tokens', 'tokens', d.notes, MAX_TOKENS);
  if (maxTokens) {
    d.maxTokens = maxTokens.value;
    d.where.max_tokens = { file, line: maxTokens.line };
  }

  const subs = findPair(root, ['sub_agents']);
  if (subs) {
    const line = keyLine(src, subs.pair);
    d.where.sub_agents = { file, line };
    readSubAgents(src, subs.pair.value, d, line);
  }
  return d;
}

function readSubAgents(src: YamlSource, node: Node | null, d: AgentDraft, line: number): void {
  if (node === null) return;
  if (!isMap(node)) {
    throw new ArtifactError('sub_agents must map each sub-agent name to its file', {
      location: { file: src.file, line },
      hint: 'e.g. sub_agents:\n  refund: agents/refund.yaml',
    });
  }
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    const at = positionOf(src, pair.key as Node).line;
    if (!name || typeof value !== 'string' || !value.trim()) {
      throw new ArtifactError(`sub_agents.${name || '?'} must be the path of the sub-agent's definition`, {
        location: { file: src.file, line: at },
        hint: 'e.g. sub_agents:\n  refund: agents/refund.yaml',
      });
    }
    d.subAgents.push({ name, ref: { path: value.trim(), line: at } });
  }
}
