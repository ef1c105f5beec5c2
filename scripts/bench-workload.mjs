// The benchmark's workload (scripts/bench.mjs): a git repository with 14 prompt features and 6
// agent features (aicost agent YAML, some with a sub-agent), traffic for each, and a PR branch
// that changes 7 of them across every kind: prompt text, agent instructions, models, max tokens,
// tools. Everything is seeded, so two runs generate the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

// ---------------------------------------------------------------------------------------------
// Seeded text: prose, code and JSON fragments, 50 to 4,000 characters per variable.
// ---------------------------------------------------------------------------------------------
let seed = 7;
/** Seeded uniform [0, 1) (mulberry32). */
export function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
/** Log-uniform integer in [lo, hi]: many short texts, a long tail. */
const logUniform = (lo, hi) => Math.floor(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))));
const words =
  'invoice customer refund export payment account billing error timeout request order shipment delivery address warehouse credit card subscription plan seat user admin report dashboard schedule reminder integration webhook token session browser mobile tablet desktop language currency tax rate discount coupon balance statement ledger journal entry approval workflow manager team support agent ticket priority status resolved pending escalated the a of to and in for on with is was it that this we you they please can could would should not no yes thanks hello regards'.split(
    ' ',
  );
const codeBits = [
  'const total = items.reduce((a, b) => a + b.amount, 0);',
  'if (!user) throw new Error("missing user");',
  'def handler(event, context):',
  '    return {"statusCode": 200, "body": json.dumps(result)}',
  'for (let i = 0; i < rows.length; i++) {',
  '  await db.insert(rows[i]);',
  'SELECT id, amount FROM invoices WHERE customer_id = $1;',
  'export function parse(input: string): Node[] {',
  'import { readFile } from "node:fs/promises";',
  '}',
];
export function prose(n) {
  let s = '';
  while (s.length < n) s += (s ? ' ' : '') + pick(words) + (rand() < 0.08 ? '.' : '');
  return s.slice(0, n);
}
function code(n) {
  let s = '';
  while (s.length < n) s += pick(codeBits) + '\n';
  return s.slice(0, n);
}
function json(n) {
  const o = [];
  let len = 2;
  while (len < n) {
    const e = {
      id: Math.floor(rand() * 1e6),
      sku: `SKU-${Math.floor(rand() * 9999)}`,
      qty: Math.floor(rand() * 20),
      note: prose(10 + Math.floor(rand() * 30)),
    };
    len += JSON.stringify(e).length + 1;
    o.push(e);
  }
  return JSON.stringify(o).slice(0, n);
}
/** Log-uniform length between 50 and 4,000 characters, of one of three kinds. */
export function text() {
  const n = logUniform(50, 4000);
  const k = rand();
  return k < 0.5 ? prose(n) : k < 0.75 ? code(n) : json(n);
}
/** Multi-line prose of about n characters, lines of 60–90 characters (a YAML block scalar's body). */
function paragraph(n) {
  const lines = [];
  let len = 0;
  while (len < n) {
    const l = prose(between(60, 90)).trim();
    lines.push(l);
    len += l.length + 1;
  }
  return lines;
}

export function git(dir, ...args) {
  return execFileSync(
    'git',
    ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, stdio: 'pipe', maxBuffer: 1 << 30 },
  );
}

// ---------------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------------
export const FEATURES = 20;
export const PROMPT_FEATURES = 14;
// Every model counts with o200k_base (Anthropic as a scaled o200k estimate): the tokenizer bound
// and the reference count with o200k only, so a cl100k model here would make them wrong.
export const MODELS = [
  'openai/gpt-4o-mini',
  'openai/gpt-4.1-mini',
  'openai/gpt-4o',
  'anthropic/claude-sonnet-4-5',
  'openai/gpt-4.1',
];
/** The savings advisor's candidates in the workload's config (bench: `suggest` vs `estimate`). */
export const ADVISOR_CANDIDATES = [
  'openai/gpt-4.1-nano',
  'openai/gpt-4o-mini',
  'openai/gpt-4.1-mini',
  'openai/gpt-5-mini',
  'anthropic/claude-haiku-4-5',
  'google/gemini-2.5-flash-lite',
];
export const feature = (i) => `f${String(i).padStart(2, '0')}`;
const ROOT_NAMES = ['triage', 'researcher', 'planner', 'coder', 'reviewer', 'dispatcher'];
const SUB_NAMES = ['refund', 'summarizer', 'fetcher', 'fixer', 'linter', 'notifier'];
/** Agent features (by index from PROMPT_FEATURES) with a sub-agent; the one at 2 inherits its parent's model. */
const WITH_SUB = [0, 2, 3, 5];
/** Prompt features that carry a `tools:` list in their .prompt.yml. */
const PROMPT_TOOLS = [2, 7, 11];

const TOOL_NAMES = [
  'lookup_customer',
  'lookup_order',
  'search_help_center',
  'issue_refund',
  'get_invoice',
  'list_payments',
  'create_ticket',
  'send_email',
  'read_file',
  'run_tests',
  'search_code',
  'post_comment',
  'get_weather',
  'translate',
  'schedule_call',
];
/** A tool in the flat shape of the agent YAML ({name, description, parameters}), 1–3 properties, some with an enum. */
function makeTool(name) {
  const properties = {};
  const n = between(1, 3);
  for (let k = 0; k < n; k++) {
    const key = `${pick(words)}_${k}`;
    properties[key] =
      rand() < 0.3
        ? { type: 'string', enum: [pick(words), pick(words) + '_x', pick(words) + '_y'] }
        : { type: pick(['string', 'number', 'boolean']), description: `${prose(between(15, 60)).trim()}.` };
  }
  return {
    name,
    description: `${prose(between(40, 140)).trim()}.`,
    parameters: { type: 'object', properties, required: [Object.keys(properties)[0]] },
  };
}
const openaiTool = (t) => ({ type: 'function', function: t });
function makeTools(n, prefix) {
  const names = [...TOOL_NAMES].sort(() => rand() - 0.5).slice(0, n);
  return names.map((name) => makeTool(`${prefix}${name}`));
}

function promptFile(i, v) {
  let s = `name: Feature ${i}\nmodel: ${v.model}\nmodelParameters:\n  maxTokens: ${v.max}\nmessages:\n  - role: system\n    content: ${JSON.stringify(v.system)}\n  - role: user\n    content: "Context:\\n{{context}}\\n\\nQuestion: {{question}}"\n`;
  // gh-models' schema has no tools; the key is here as teams write it (OpenAI function tools).
  if (v.tools) s += `tools: ${JSON.stringify(v.tools.map(openaiTool))}\n`;
  return s;
}

/** One agent's YAML (and its tools file, when it has one) as files. */
function agentFiles(a) {
  const files = {};
  let s = `# ${a.name} agent (defined in code, described for aicost)\nname: ${a.name}\n`;
  if (a.model) s += `model: ${a.model}\n`;
  s += `instructions: |\n${a.instructions.map((l) => `  ${l}`).join('\n')}\n`;
  if (a.toolsFile) {
    s += `tools_file: ${a.toolsFile}\n`;
    files[a.toolsFile] = JSON.stringify(a.tools.map(openaiTool), null, 2) + '\n';
  } else {
    s += `tools: ${JSON.stringify(a.tools)}\n`;
  }
  s += `max_turns: ${a.maxTurns}\n`;
  if (a.maxTokens) s += `max_tokens: ${a.maxTokens}\n`;
  if (a.sub) s += `sub_agents:\n  ${a.sub.name}: ${a.sub.file}\n`;
  files[a.file] = s;
  if (a.sub) Object.assign(files, agentFiles(a.sub));
  return files;
}

const clone = (x) => structuredClone(x);
const instructionsText = (lines) => lines.join('\n') + '\n';

/**
 * One recorded run of an agent feature: 4–6 calls (fewer only for the last run of a file), the
 * root's and, in about 60% of the runs of an agent with a sub-agent, 1–2 of the sub-agent's after
 * the root's second call (its first when the root makes only two). Every call records its
 * messages: the agent's system message (its instructions as recorded at base), the user text (the
 * ticket; for the sub-agent, the hand-off) and the history so far (assistant turns and tool
 * results as JSON text). Returns the JSONL lines and, per call, its run, its agent and its
 * non-system texts (for the bound and the reference).
 */
function agentRun(f, spec, run, budget, recorded) {
  const trace = `${f}-r${String(run).padStart(6, '0')}`;
  const n = Math.min(budget, between(4, 6));
  const subCalls = spec.sub && n >= 4 && rand() < 0.6 ? between(1, 2) : 0;
  const rootCalls = n - subCalls;
  const lines = [];
  const calls = [];
  const ticket = text();
  const rootHist = [];
  let step = 0;
  const call = (agent, system, user, hist, last) => {
    step++;
    const texts = [user, ...hist.map((m) => m.content)];
    const messages = [{ role: 'system', content: system }, { role: 'user', content: user }, ...hist];
    const usage = { output_tokens: last ? between(50, 700) : between(20, 200) };
    if (recorded)
      usage.input_tokens = 250 + Math.floor((system.length + texts.reduce((a, t) => a + t.length, 0)) / 3.8);
    const line = {
      id: `${trace}-${String(step).padStart(2, '0')}`,
      trace_id: trace,
      step,
      agent: agent.name,
      messages,
      usage,
      finish_reason: last ? 'stop' : 'tool_calls',
    };
    if (step > 1) line.parent_id = `${trace}-01`;
    lines.push(JSON.stringify(line));
    calls.push({ agent: agent.name, texts, run });
  };
  const turn = (hist, result) =>
    hist.push({ role: 'assistant', content: prose(logUniform(40, 300)) }, { role: 'tool', content: result });
  for (let k = 1; k <= rootCalls; k++) {
    call(spec, spec.recordedSystem, ticket, rootHist, k === rootCalls);
    if (k === rootCalls) break;
    if (k === Math.min(2, rootCalls - 1) && subCalls) {
      const handoff = prose(between(100, 400));
      const subHist = [];
      for (let j = 1; j <= subCalls; j++) {
        call(spec.sub, spec.sub.recordedSystem, handoff, subHist, j === subCalls);
        if (j < subCalls) turn(subHist, json(logUniform(80, 1500)));
      }
      turn(rootHist, JSON.stringify({ agent: spec.sub.name, answer: prose(between(80, 400)) }));
    } else {
      turn(rootHist, json(logUniform(80, 1500)));
    }
  }
  return { lines, calls };
}

/**
 * Writes the workload into `dir` (an empty directory): base commit on `main`, the PR on `pr`.
 * `promptToolChange`: the PR adds a tool to a prompt feature's `tools:` instead of to an agent's
 * sub-agent.
 * Returns per feature its kind, its recorded calls (agent and non-template texts) and the PR's
 * changes with the report change kind each should produce.
 */
export function makeWorkload(dir, { samples, promptToolChange = false }) {
  mkdirSync(join(dir, 'prompts'), { recursive: true });
  mkdirSync(join(dir, 'agents'), { recursive: true });
  mkdirSync(join(dir, 'traffic'), { recursive: true });
  const features = [];
  const base = [];
  for (let i = 0; i < FEATURES; i++) {
    if (i < PROMPT_FEATURES) {
      const v = {
        model: MODELS[i % MODELS.length],
        max: 800,
        system: `You are assistant ${i} for Acme. ${prose(400 + (i % 5) * 300)}`,
      };
      if (PROMPT_TOOLS.includes(i)) v.tools = makeTools(between(2, 3), '');
      base.push({ kind: 'prompt', v });
    } else {
      const j = i - PROMPT_FEATURES;
      const root = {
        name: ROOT_NAMES[j],
        file: `agents/${feature(i)}.yaml`,
        model: MODELS[i % MODELS.length],
        instructions: [
          `You are the ${ROOT_NAMES[j]} agent of Acme for feature ${i}. Work step by step with your tools.`,
          ...paragraph(600 + j * 200),
        ],
        tools: makeTools(between(2, 4), ''),
        maxTurns: 8,
        maxTokens: 1000,
      };
      if (j % 2 === 0) root.toolsFile = `agents/${feature(i)}-tools.json`;
      if (WITH_SUB.includes(j)) {
        root.sub = {
          name: SUB_NAMES[j],
          file: `agents/${feature(i)}-${SUB_NAMES[j]}.yaml`,
          instructions: [
            `You are the ${SUB_NAMES[j]} sub-agent. You receive a hand-off from the ${ROOT_NAMES[j]} agent.`,
            ...paragraph(300 + j * 100),
          ],
          tools: makeTools(between(1, 2), `${SUB_NAMES[j]}_`),
          maxTurns: 3,
        };
        if (j !== 2) root.sub.model = MODELS[(i + 2) % MODELS.length];
      }
      base.push({ kind: 'agent', v: root });
    }
  }

  // The PR: 7 features, every kind of change.
  const head = base.map((f) => ({ kind: f.kind, v: clone(f.v) }));
  const changes = [];
  const change = (i, kind, what) => changes.push({ id: feature(i), kind, what });
  head[0].v.system += ` ${prose(600)}`;
  change(0, 'prompt', 'prompt text +600 chars');
  head[5].v.model = 'openai/gpt-4.1-mini';
  change(5, 'model', `prompt model ${base[5].v.model} → openai/gpt-4.1-mini`);
  head[9].v.max = 200;
  change(9, 'params', 'prompt max tokens 800 → 200');
  head[14].v.tools.push(makeTool('escalate_to_human'));
  change(14, 'tools', `agent tools file +1 tool (${head[14].v.toolsFile})`);
  head[15].v.instructions.push(...paragraph(500));
  change(15, 'agent', 'agent instructions +500 chars');
  head[17].v.model = 'openai/gpt-4.1';
  change(17, 'model', `agent model ${base[17].v.model} → openai/gpt-4.1`);
  if (promptToolChange) {
    head[2].v.tools.push(makeTool('escalate_to_human'));
    change(2, 'tools', 'prompt tools: +1 tool');
  } else {
    head[19].v.sub.tools.push(makeTool(`${SUB_NAMES[5]}_retry`));
    change(19, 'tools', 'sub-agent inline tools +1 tool');
  }

  let cfg = 'version: 1\nfeatures:\n';
  for (let i = 0; i < FEATURES; i++) {
    const id = feature(i);
    const { kind, v } = base[i];
    const recorded = i % 2 === 0;
    const lines = [];
    const calls = [];
    if (kind === 'prompt') {
      writeFileSync(join(dir, `prompts/${id}.prompt.yml`), promptFile(i, v));
      for (let k = 0; k < samples; k++) {
        const vars = { context: text(), question: prose(30 + Math.floor(rand() * 120)) };
        const usage = { output_tokens: 50 + Math.floor(rand() * 700) };
        if (recorded) usage.input_tokens = 200 + Math.floor((vars.context.length + vars.question.length) / 3.8);
        lines.push(JSON.stringify({ id: `${id}-${k}`, vars, usage }));
        calls.push({ agent: null, texts: [`Context:\n${vars.context}\n\nQuestion: ${vars.question}`] });
      }
      cfg += `  ${id}:\n    team: t${i % 4}\n    prompt: prompts/${id}.prompt.yml\n    traffic: traffic/${id}.jsonl\n    requests_per_month: ${100000 + i * 10000}\n`;
    } else {
      for (const [path, body] of Object.entries(agentFiles(v))) writeFileSync(join(dir, path), body);
      // The traffic was recorded at base: its system messages are the base instructions.
      v.recordedSystem = instructionsText(v.instructions);
      if (v.sub) v.sub.recordedSystem = instructionsText(v.sub.instructions);
      for (let run = 0; lines.length < samples; run++) {
        const r = agentRun(id, v, run, samples - lines.length, recorded);
        lines.push(...r.lines);
        calls.push(...r.calls);
      }
      cfg += `  ${id}:\n    team: t${i % 4}\n    agent: ${v.file}\n    traffic: traffic/${id}.jsonl\n    requests_per_month: ${20000 + i * 2000}\n`;
    }
    writeFileSync(join(dir, `traffic/${id}.jsonl`), lines.join('\n') + '\n');
    features.push({ id, kind, file: kind === 'prompt' ? `prompts/${id}.prompt.yml` : v.file, calls });
  }
  cfg += 'teams:\n' + [0, 1, 2, 3].map((t) => `  t${t}: { monthly_budget: 100000 }\n`).join('');
  // Every line is replayed, whatever the default of replay.max_samples: the bound below counts them all.
  cfg += `replay:\n  max_samples: ${samples}\n`;
  // `aicost suggest` replays every prompt feature on these (at least 5 each: a feature's own model is skipped).
  cfg += `advisor:\n  candidates: [${ADVISOR_CANDIDATES.map((c) => JSON.stringify(c)).join(', ')}]\n`;
  writeFileSync(join(dir, '.aicost.yml'), cfg);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'pr');
  for (const c of changes) {
    const i = Number(c.id.slice(1));
    const { kind, v } = head[i];
    if (kind === 'prompt') writeFileSync(join(dir, `prompts/${c.id}.prompt.yml`), promptFile(i, v));
    else for (const [path, body] of Object.entries(agentFiles(v))) writeFileSync(join(dir, path), body);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'pr');
  return { features, changes };
}

// ---------------------------------------------------------------------------------------------
// Reading the definitions back from git: the texts aicost sees at a revision.
// ---------------------------------------------------------------------------------------------
const show = (dir, rev, path) => git(dir, 'show', `${rev}:${path}`).toString('utf8');

/** The strings OpenAI's tool-token rule counts for a tool list (src/tokenize/tools.ts): name:description, key:type:description, enum values. */
export function toolTexts(tools) {
  const dropDot = (s) => (typeof s === 'string' ? (s.endsWith('.') ? s.slice(0, -1) : s) : '');
  const out = [];
  for (const item of tools) {
    const t = item.type === 'function' && item.function ? item.function : item;
    out.push(`${t.name}:${dropDot(t.description)}`);
    for (const [key, p] of Object.entries(t.parameters?.properties ?? {})) {
      if (Array.isArray(p.enum)) for (const e of p.enum) out.push(String(e));
      out.push(`${key}:${Array.isArray(p.type) ? p.type.join(', ') : (p.type ?? '')}:${dropDot(p.description)}`);
    }
  }
  return out;
}

/**
 * What a feature sends beside its recorded texts at `rev`, by agent name (null for a prompt
 * feature): the system text, and the tool texts aicost counts.
 */
export function definitionsAt(dir, rev, f) {
  const out = new Map();
  if (f.kind === 'prompt') {
    const doc = parseYaml(show(dir, rev, f.file));
    out.set(null, { system: doc.messages[0].content, tools: toolTexts(doc.tools ?? []) });
    return out;
  }
  const queue = [f.file];
  while (queue.length) {
    const doc = parseYaml(show(dir, rev, queue.shift()));
    const tools = doc.tools_file ? JSON.parse(show(dir, rev, doc.tools_file)) : (doc.tools ?? []);
    out.set(doc.name, { system: doc.instructions, tools: toolTexts(tools) });
    queue.push(...Object.values(doc.sub_agents ?? {}));
  }
  return out;
}
