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

import { posix } from 'node:path';
import type { Node } from 'yaml';
import { ArtifactError } from '../../errors.js';
import { findPair, isMap, keyLine, own, parseYaml, positionOf } from '../yaml-source.js';
import { emptyDraft, type AgentDraft } from './draft.js';
import { MAX_TURNS, readWholeNumber } from './numbers.js';
import { CLAUDE_CODE_BUILTIN_TOOLS, CLAUDE_CODE_TOOL_TOKENS } from './tools.js';
import { unusedKeyNotes } from './unused-keys.js';

/** Front matter keys this reader uses (`description` tells the parent when to call the agent). */
const FRONT_MATTER_KEYS = ['name', 'description', 'model', 'tools', 'maxTurns', 'effort'];

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
  let lenient: string | undefined;
  let src;
  try {
    src = parseYaml(file, fm.yaml, 1);
  } catch (e) {
    // Claude Code loads front matter that strict YAML refuses (a description holding `<example>`
    // blocks with `: ` in them): read each such key's value as text, as it does.
    // Only a syntax error: the limits (aliases, nesting, size) stand whatever the file's shape.
    if (!(e instanceof ArtifactError) || !e.message.startsWith('invalid YAML')) throw e;
    const repaired = lenientFrontMatter(fm.yaml);
    if (repaired === null) throw e;
    try {
      src = parseYaml(file, repaired.yaml, 1);
    } catch {
      throw e;
    }
    lenient = `${file}:${e.location?.line ?? 2}: the front matter is not valid YAML (${e.message.split('\n')[0]}); read as Claude Code reads it, the value of ${repaired.keys.join(', ')} taken as text`;
  }
  const root = src.doc.contents;
  if (!isMap(root)) {
    throw new ArtifactError('the front matter must be a YAML mapping', {
      location: { file, line: 2 },
      hint: 'e.g. name: code-reviewer',
    });
  }
  const d = emptyDraft('claude-code', file, CLAUDE_CODE_TOOL_TOKENS);
  if (lenient) d.notes.push(lenient);
  d.notes.push(...unusedKeyNotes(src, root, FRONT_MATTER_KEYS, 'front matter'));
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
      if (n === '*') {
        for (const t of CLAUDE_CODE_BUILTIN_TOOLS) if (!d.opaqueTools.includes(t)) d.opaqueTools.push(t);
        d.notes.push(
          `${file}:${d.where.tools.line}: tools "*" gives the agent every built-in tool: counted as the ${CLAUDE_CODE_BUILTIN_TOOLS.length} built-in tools of Claude Code, ${CLAUDE_CODE_TOOL_TOKENS} tokens each (an estimate); MCP tools of the session are not counted`,
        );
        continue;
      }
      const spawn = SPAWN.exec(n);
      if (spawn) {
        if (!d.opaqueTools.includes('Agent')) d.opaqueTools.push('Agent');
        d.subAgents.push({ name: spawn[1], ref: { path: `${dir}${spawn[1]}.md`, line: d.where.tools.line } });
      } else if (!d.opaqueTools.includes(n)) {
        d.opaqueTools.push(n);
      }
    }
  } else {
    // Claude Code: "If omitted, inherits all tools from the main thread".
    d.opaqueTools.push(...CLAUDE_CODE_BUILTIN_TOOLS);
    d.notes.push(
      `${file}: no tools: line, so the agent inherits every tool of the session: counted as the ${CLAUDE_CODE_BUILTIN_TOOLS.length} built-in tools of Claude Code, ${CLAUDE_CODE_TOOL_TOKENS} tokens each (an estimate); MCP tools are not counted (list the tools in tools: to price exactly those)`,
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

  const include = /^\s*@(\S+)\s*$/.exec(fm.body);
  if (include) {
    // A body that is only `@path` is Claude Code's import: the file's text is the prompt.
    // Relative to this file, as Claude Code resolves imports; the loader refuses paths outside.
    const ref = include[1];
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    if (ref.startsWith('~') || ref.startsWith('/') || posix.normalize(`${dir}${ref}`).startsWith('../')) {
      throw new ArtifactError(
        `the body imports ${ref}, which is outside the repository; aicost reads only files in it`,
        {
          location: { file, line: fm.bodyLine },
          hint: 'Move the prompt into the repository and import it by a path relative to this file (e.g. @../prompts/reviewer.md).',
        },
      );
    }
    const path = posix.normalize(`${dir}${ref}`);
    d.instructionsFile = { path, line: fm.bodyLine };
    d.where.instructions = { file, line: fm.bodyLine };
    d.notes.push(`${file}:${fm.bodyLine}: the body imports ${ref}; its text is priced as the system prompt`);
    return d;
  }
  d.instructions = fm.body;
  d.instructionsStart = fm.bodyLine;
  d.where.instructions = { file, line: fm.bodyLine };
  return d;
}

/**
 * Front matter as Claude Code reads it when strict YAML refuses it: a top-level `key: value`
 * whose value (with the lines up to the next top-level key) holds `: ` or starts with a
 * character YAML reserves becomes one double-quoted string, line for line (positions stay).
 * Null when nothing needed quoting.
 */
function lenientFrontMatter(yaml: string): { yaml: string; keys: string[] } | null {
  const lines = yaml.split('\n');
  const keyLine = /^([A-Za-z_][\w-]*):[ \t]*(.*)$/;
  const out: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < lines.length;) {
    const m = keyLine.exec(lines[i]);
    let j = i + 1;
    while (j < lines.length && !keyLine.test(lines[j])) j++;
    const value = m?.[2] ?? '';
    const rest = lines.slice(i + 1, j);
    const text = [value, ...rest].join('\n');
    const plain = m && value !== '' && !/^["'[{|>]/.test(value);
    if (plain && (/:\s|^[<@`%]/.test(text) || rest.some((l) => l.trim() && !/^\s/.test(l)))) {
      const esc = (t: string) => JSON.stringify(t).slice(1, -1);
      const quoted = [`${m[1]}: "${esc(value)}`, ...rest.map((l) => ` ${esc(l)}`)];
      quoted[quoted.length - 1] += '"';
      out.push(...quoted);
      keys.push(m[1]);
    } else {
      out.push(...lines.slice(i, j));
    }
    i = j;
  }
  return keys.length ? { yaml: out.join('\n'), keys } : null;
}
