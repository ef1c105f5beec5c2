/**
 * Claude Code sub-agents (`.claude/agents/*.md`, formats.md §4.6): YAML front matter with `name`,
 * `model` (`sonnet` | `opus` | `haiku` | `inherit` | a full id; default inherit), `tools` (a comma
 * list of built-in tool names), `maxTurns`, `effort`; the body is the system prompt.
 *
 * Built-in tools have no schema in the repository: each is counted as CLAUDE_CODE_TOOL_TOKENS per
 * call, labelled as an estimate. `Agent(name)` (or the older `Task(name)`) in `tools` lets the
 * agent spawn the sub-agent `name`, read from `name.md` next to this file. Model aliases are kept
 * as written: the config's `models:` maps them (`models: { sonnet: anthropic/claude-sonnet-4-5 }`).
 */

import type { Node } from 'yaml';
import { ArtifactError } from '../../errors.js';
import { findPair, isMap, keyLine, own, parseYaml, positionOf } from '../yaml-source.js';
import { emptyDraft, type AgentDraft } from './draft.js';
import { MAX_TURNS, readWholeNumber } from './numbers.js';
import { CLAUDE_CODE_TOOL_TOKENS } from './tools.js';

/** Claude Code's model aliases; they resolve through `models:` in `.aicost.yml`. */
export const CLAUDE_MODEL_ALIASES: readonly string[] = ['sonnet', 'opus', 'haiku'];

const SPAWN = /^(?:Agent|Task)\(\s*([A-Za-z0-9_.-]+)\s*\)$/;

/** `---` on the first line and a closing `---` line; null without front matter. */
function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return null;
  const rest = text.slice(first[0].length);
  const close = /^---[ \t]*\r?$/m.exec(rest);
  if (!close) return null;
  const yaml = rest.slice(0, close.index);
  let bodyStart = close.index + close[0].length;
  if (rest[bodyStart] === '\n') bodyStart++;
  return { yaml, body: rest.slice(bodyStart), bodyLine: 2 + yaml.split('\n').length };
}

/** Reads a Claude Code sub-agent file. Front matter is required (it holds the name). */
export function parseClaudeAgent(file: string, text: string): AgentDraft {
  const src0 = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fm = splitFrontMatter(src0);
  if (!fm) {
    throw new ArtifactError(
      'not a Claude Code sub-agent: the file needs YAML front matter between --- lines (name, model, tools, maxTurns)',
      {
        location: { file, line: 1 },
        hint: 'e.g.\n---\nname: code-reviewer\nmodel: sonnet\ntools: Read, Grep\nmaxTurns: 10\n---\nYou review code …',
      },
    );
  }
  const src = parseYaml(file, fm.yaml, 1);
  const root = src.doc.contents;
  if (!isMap(root)) {
    throw new ArtifactError('the front matter must be a YAML mapping', {
      location: { file, line: 2 },
      hint: 'e.g. name: code-reviewer',
    });
  }
  const d = emptyDraft('claude-code', file, CLAUDE_CODE_TOOL_TOKENS);
  const v = src.value;
  const name = own(v, 'name');
  if (typeof name === 'string' && name.trim()) d.name = name.trim();

  const modelPair = findPair(root, ['model']);
  const model = own(v, 'model');
  if (modelPair) {
    if (typeof model !== 'string' || !model.trim()) {
      throw new ArtifactError('model must be sonnet, opus, haiku, inherit or a model id', {
        location: { file, ...positionOf(src, (modelPair.pair.value ?? modelPair.pair.key) as Node) },
        hint: 'e.g. model: sonnet (and map it in .aicost.yml: models: { sonnet: anthropic/claude-sonnet-4-5 })',
      });
    }
    d.where.model = { file, line: keyLine(src, modelPair.pair) };
    if (model.trim() === 'inherit') d.inheritsModel = true;
    else d.model = model.trim();
  } else {
    // Claude Code's default is `inherit`: the model of the conversation that spawns the agent.
    d.inheritsModel = true;
  }

  const toolsPair = findPair(root, ['tools']);
  if (toolsPair) {
    d.where.tools = { file, line: keyLine(src, toolsPair.pair) };
    const raw = own(v, 'tools');
    const names =
      typeof raw === 'string'
        ? raw.split(',')
        : Array.isArray(raw)
          ? raw.map((t) => (typeof t === 'string' ? t : ''))
          : null;
    if (names === null) {
      throw new ArtifactError('tools must be a comma-separated list of tool names', {
        location: { file, line: d.where.tools.line ?? undefined },
        hint: 'e.g. tools: Read, Grep, Glob, Bash',
      });
    }
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const n of names.map((t) => t.trim()).filter(Boolean)) {
      const spawn = SPAWN.exec(n);
      if (spawn) {
        if (!d.opaqueTools.includes('Agent')) d.opaqueTools.push('Agent');
        d.subAgents.push({ name: spawn[1], ref: { path: `${dir}${spawn[1]}.md`, line: d.where.tools.line } });
      } else if (!d.opaqueTools.includes(n)) {
        d.opaqueTools.push(n);
      }
    }
  } else {
    d.notes.push(
      `${file}: no tools: line, so the agent inherits every tool of the session; those are not counted (list them in tools: to price them)`,
    );
  }

  const turns = readWholeNumber(src, root, 'maxTurns', 'turns', d.notes, MAX_TURNS);
  if (turns) {
    d.maxTurns = turns.value;
    d.where.max_turns = { file, line: turns.line };
  }
  const effort = own(v, 'effort');
  if (typeof effort === 'string' || typeof effort === 'number') {
    d.settings.effort = effort;
    const p = findPair(root, ['effort']);
    if (p) d.where.effort = { file, line: keyLine(src, p.pair) };
  }

  d.instructions = fm.body;
  d.instructionsStart = fm.bodyLine;
  d.where.instructions = { file, line: fm.bodyLine };
  return d;
}
