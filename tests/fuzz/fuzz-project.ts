/**
 * The project the fuzz test mutates: a small but complete aicost repository (a GitHub Models
 * prompt with traffic, a Markdown prompt with a static estimate, an agent with a tools file and
 * agent traffic), and fast-check arbitraries for hostile edits of each of its files.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

/** The files of the base project, as parsed data (YAML, JSON) or text. */
export const BASE = {
  '.aicost.yml': {
    version: 1,
    features: {
      summary: {
        team: 'support',
        prompt: 'prompts/summary.prompt.yml',
        traffic: 'traffic/summary.jsonl',
        requests_per_month: 120000,
      },
      reply: { team: 'support', prompt: 'prompts/reply.md', requests_per_day: 400, typical_output_tokens: 150 },
      triage: { team: 'ops', agent: 'agents/triage.yaml', traffic: 'traffic/triage.jsonl', requests_per_month: 9000 },
    },
    teams: {
      support: { monthly_budget: 900, warn_at: '80%', owners: ['@acme/support'] },
      ops: { monthly_budget: 400, max_monthly_increase: 50 },
    },
    policies: {
      max_monthly_increase: 100,
      max_monthly_increase_percent: '25%',
      min_increase_usd: 1,
      unpriced_changes: 'fail',
    },
    // Half the lines may be bad, so that one broken line is skipped and the rest is priced.
    replay: { max_bad_lines: '50%' },
  } as Record<string, unknown>,
  'prompts/summary.prompt.yml': {
    name: 'Summary',
    model: 'openai/gpt-4o-mini',
    modelParameters: { maxTokens: 300, temperature: 0.2 },
    messages: [
      { role: 'system', content: 'You summarise support tickets in three short bullet points.' },
      { role: 'user', content: 'Subject: {{subject}}\n{% for line in lines %}- {{line}}\n{% endfor %}' },
    ],
    testData: [{ subject: 'CSV export', lines: ['VAT column missing', 'since Monday'] }],
  } as Record<string, unknown>,
  'prompts/reply.md': {
    front: { model: 'anthropic/claude-sonnet-4-5', max_tokens: 400 } as Record<string, unknown>,
    body: 'system:\nYou draft short, friendly replies to support tickets.\nuser:\n{{#if vip}}VIP customer.{{/if}} {{ticket}}\n',
  },
  'agents/triage.yaml': {
    name: 'triage',
    model: 'openai/gpt-4o-mini',
    instructions: 'You triage inbound tickets: look the customer up, answer or hand refunds on.',
    tools: [
      {
        name: 'lookup_customer',
        description: 'Find a customer by email',
        parameters: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
      },
    ],
    max_turns: 6,
  } as Record<string, unknown>,
  'traffic/summary.jsonl': [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
    id: `s-${i}`,
    ts: `2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`,
    model: 'gpt-4o-mini',
    vars: { subject: `Ticket ${i}`, lines: ['one', 'two', 'three'].slice(0, 1 + (i % 3)) },
    usage: { input_tokens: 80 + i * 7, output_tokens: 40 + i * 5 },
  })) as Record<string, unknown>[],
  'traffic/triage.jsonl': [0, 1, 2, 3].flatMap((t) =>
    [1, 2].map((step) => ({
      id: `t-${t}-${step}`,
      ts: `2026-11-1${t}T10:00:0${step}Z`,
      trace_id: `t-${t}`,
      step,
      model: 'gpt-4o-mini',
      usage: { input_tokens: 300 + 40 * step + t, output_tokens: 30 + t },
    })),
  ) as Record<string, unknown>[],
};

export type ProjectData = typeof BASE;
type Key = string | number;

/** Turn project data into the files written to the repository. */
export function render(p: ProjectData, raw: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {
    '.aicost.yml': stringify(p['.aicost.yml']),
    'prompts/summary.prompt.yml': stringify(p['prompts/summary.prompt.yml']),
    'prompts/reply.md': `---\n${stringify(p['prompts/reply.md'].front)}---\n${p['prompts/reply.md'].body}`,
    'agents/triage.yaml': stringify(p['agents/triage.yaml']),
    'traffic/summary.jsonl': p['traffic/summary.jsonl'].map((l) => JSON.stringify(l)).join('\n') + '\n',
    'traffic/triage.jsonl': p['traffic/triage.jsonl'].map((l) => JSON.stringify(l)).join('\n') + '\n',
  };
  return { ...files, ...raw };
}

/** A deep copy of the base project (structuredClone keeps it independent between runs). */
export function fresh(): ProjectData {
  return structuredClone(BASE);
}

/** Set `value` at `path` inside `root`, creating maps on the way. */
export function setAt(root: unknown, path: Key[], value: unknown): void {
  let cur = root as Record<Key, unknown>;
  for (const k of path.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<Key, unknown>;
  }
  cur[path[path.length - 1]] = value;
}

const hostileNumber = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      1e308,
      -1e308,
      2 ** 53,
      2 ** 53 - 1,
      2 ** 31,
      -1,
      0,
      0.5,
      1e-320,
      1e15,
      12,
      1000000,
      Infinity,
      -Infinity,
      NaN,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 100000 }) },
);

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    'x'.repeat(20000),
    '{{',
    '{% for x in xs %}{% for y in xs %}{{x}}{{y}}{% endfor %}{% endfor %}',
    'acme/free-model',
    'openai/gpt-4o',
    'anthropic/claude-sonnet-4-5',
    'gpt-4o-mini',
    '../../etc/passwd',
    '/etc/passwd',
    'traffic/*.jsonl',
    'traffic/[a].jsonl',
    '*',
    '__proto__',
    'constructor',
    'flex',
    'batch',
    '25%',
    '2026-02-30',
    '@@@',
    '😀 emoji ☃',
    '\u0000nul',
  ),
  fc.string({ maxLength: 40 }),
);

/** Any value YAML or JSON can hold, with the hostile numbers and strings above at the leaves. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileNumber,
    hostileString,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom('role', 'content', 'name', 'type', 'parameters')),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value;

/** Values a real file could hold: most edits must reach pricing, not stop at validation. */
const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(
    'openai/gpt-4o',
    'openai/gpt-4.1-mini',
    'anthropic/claude-3-5-haiku',
    'gpt-4o-mini',
    'google/gemini-2.5-flash',
    'standard',
    'batch',
    '10%',
    'system',
    'user',
    'assistant',
  ),
  fc.string({ minLength: 1, maxLength: 300 }),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
);

/** Mostly plausible values, sometimes hostile ones. */
const anyValue = fc.oneof({ weight: 3, arbitrary: plausibleValue }, { weight: 2, arbitrary: hostileValue });

/** Keys that hold numbers: edits there are mostly numbers, to probe every bound. */
const NUMERIC = new Set([
  'requests_per_month',
  'requests_per_day',
  'typical_output_tokens',
  'typical_turns',
  'monthly_budget',
  'other_monthly_spend',
  'max_monthly_increase',
  'min_increase_usd',
  'maxTokens',
  'max_completion_tokens',
  'max_turns',
  'max_tokens',
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'reasoning_tokens',
  'weight',
  'cost_usd',
  'step',
  'max_samples',
  'openai',
]);

/** A value for the key at the end of `path`. */
function valueFor(path: Key[]): fc.Arbitrary<unknown> {
  return NUMERIC.has(String(path[path.length - 1]))
    ? fc.oneof({ weight: 3, arbitrary: hostileNumber }, { weight: 1, arbitrary: anyValue })
    : anyValue;
}

/** A path from `paths` with a value that suits it. */
function at(paths: Key[][]): fc.Arbitrary<{ path: Key[]; value: unknown }> {
  return fc.constantFrom(...paths).chain((path) => valueFor(path).map((value) => ({ path, value })));
}

/** Raw texts that attack a YAML reader: alias cycles and bombs, depth, bad syntax, binary. */
export const hostileYaml = fc.constantFrom(
  'a: &p {b: 1, c: *p}\n',
  'version: 1\nfeatures: &f\n  x: *f\n',
  'tools: &t [ {name: a, parameters: *t} ]\nmessages: []\n',
  `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
  '['.repeat(5000) + ']'.repeat(5000) + '\n',
  'key: [unclosed\n',
  'version: 1\nversion: 2\n',
  '\t- tab indented\n',
  '\u0000\u0001\u0002binary',
  '',
  '---\n---\n',
  'just a string',
  '- a\n- b\n',
);

/** Where a value may be put in each YAML file (paths the readers care about, plus strays). */
const CONFIG_PATHS: Key[][] = [
  ['version'],
  ['features', 'summary', 'requests_per_month'],
  ['features', 'summary', 'requests_per_day'],
  ['features', 'summary', 'traffic'],
  ['features', 'summary', 'prompt'],
  ['features', 'summary', 'model'],
  ['features', 'summary', 'tier'],
  ['features', 'summary', 'team'],
  ['features', 'reply', 'typical_output_tokens'],
  ['features', 'reply', 'requests_per_day'],
  ['features', 'triage', 'typical_turns'],
  ['features', 'triage', 'requests_per_month'],
  ['features', 'new-one'],
  ['teams', 'support', 'monthly_budget'],
  ['teams', 'support', 'warn_at'],
  ['teams', 'support', 'other_monthly_spend'],
  ['teams', 'ops', 'max_monthly_increase'],
  ['policies', 'max_monthly_increase'],
  ['policies', 'max_monthly_increase_percent'],
  ['policies', 'max_cost_per_request'],
  ['policies', 'allowed_models'],
  ['policies', 'fail_on'],
  ['pricing', 'acme/free-model'],
  ['pricing', 'openai/gpt-4o-mini'],
  ['models', 'gpt-4o-mini'],
  ['discounts', 'openai'],
  ['replay', 'max_samples'],
  ['replay', 'max_bad_lines'],
  ['pricing_date'],
];
const PROMPT_PATHS: Key[][] = [
  ['model'],
  ['modelParameters', 'maxTokens'],
  ['modelParameters', 'max_completion_tokens'],
  ['messages'],
  ['messages', 0, 'content'],
  ['messages', 1, 'content'],
  ['messages', 1, 'role'],
  ['messages', 2],
  ['testData'],
  ['testData', 0, 'lines'],
  ['tools'],
  ['responseFormat'],
  ['system'],
];
const AGENT_PATHS: Key[][] = [
  ['model'],
  ['instructions'],
  ['tools'],
  ['tools', 0, 'parameters'],
  ['max_turns'],
  ['sub_agents'],
  ['tools_file'],
  ['instructions_file'],
];
const FRONT_PATHS: Key[][] = [['model'], ['max_tokens'], ['temperature'], ['max_token']];
const TRAFFIC_PATHS: Key[][] = [
  ['usage', 'input_tokens'],
  ['usage', 'output_tokens'],
  ['usage', 'cache_read_tokens'],
  ['usage', 'reasoning_tokens'],
  ['weight'],
  ['ts'],
  ['tier'],
  ['model'],
  ['vars'],
  ['vars', 'lines'],
  ['messages'],
  ['cost_usd'],
  ['trace_id'],
  ['step'],
  ['finish_reason'],
];

/** One hostile edit of the project. */
export type Edit =
  | { file: 'config'; path: Key[]; value: unknown }
  | { file: 'prompt'; path: Key[]; value: unknown }
  | { file: 'agent'; path: Key[]; value: unknown }
  | { file: 'front'; path: Key[]; value: unknown }
  | {
      file: 'traffic';
      which: 'traffic/summary.jsonl' | 'traffic/triage.jsonl';
      line: number;
      path: Key[];
      value: unknown;
    }
  | { file: 'raw'; name: string; text: string };

const RAW_TARGETS = [
  '.aicost.yml',
  'prompts/summary.prompt.yml',
  'agents/triage.yaml',
  'prompts/reply.md',
  'traffic/summary.jsonl',
  'traffic/triage.jsonl',
];

/** An arbitrary hostile edit of any file of the project. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: at(CONFIG_PATHS).map((x) => ({ file: 'config' as const, ...x })) },
  { weight: 3, arbitrary: at(PROMPT_PATHS).map((x) => ({ file: 'prompt' as const, ...x })) },
  { weight: 2, arbitrary: at(AGENT_PATHS).map((x) => ({ file: 'agent' as const, ...x })) },
  { weight: 1, arbitrary: at(FRONT_PATHS).map((x) => ({ file: 'front' as const, ...x })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('traffic/summary.jsonl' as const, 'traffic/triage.jsonl' as const),
        fc.nat({ max: 7 }),
        at(TRAFFIC_PATHS),
      )
      .map(([which, line, x]) => ({ file: 'traffic' as const, which, line, ...x })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      file: fc.constant('raw' as const),
      name: fc.constantFrom(...RAW_TARGETS),
      text: fc.oneof(
        hostileYaml,
        fc.string({ maxLength: 200 }),
        fc.constantFrom('{"usage": {"output_tokens": 1}, "weight": 1e308}\n', '{not json\n', '[]\n', 'null\n'),
      ),
    }),
  },
);

/** Apply edits to a fresh copy of the base project; returns the files to write. */
export function applyEdits(edits: Edit[]): Record<string, string> {
  const p = fresh();
  const raw: Record<string, string> = {};
  for (const e of edits) {
    if (e.file === 'config') setAt(p['.aicost.yml'], e.path, e.value);
    else if (e.file === 'prompt') setAt(p['prompts/summary.prompt.yml'], e.path, e.value);
    else if (e.file === 'agent') setAt(p['agents/triage.yaml'], e.path, e.value);
    else if (e.file === 'front') setAt(p['prompts/reply.md'].front, e.path, e.value);
    else if (e.file === 'traffic') {
      const lines = p[e.which];
      setAt(lines[e.line % lines.length], e.path, e.value);
    } else if (e.file === 'raw') raw[e.name] = e.text;
  }
  return render(p, raw);
}

/** The files of the base project as text (a parse round trip proves they are what BASE says). */
export function baseFiles(): Record<string, string> {
  const files = render(fresh());
  parse(files['.aicost.yml']);
  return files;
}
