// Generates the demo's traffic samples (examples/demo/traffic/*.jsonl) deterministically.
// Recorded OpenAI input counts are exact o200k counts with OpenAI's chat overhead, as the API
// reports them; Anthropic counts are what a Claude tokenizer would report (here o200k × 1.12).
// Run: node scripts/make-demo-traffic.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { parse } from 'yaml';

const root = new URL('../examples/demo/', import.meta.url).pathname;
let seed = 20261128;
function rand() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const count = (s) => countTokens(s, { disallowedSpecial: new Set() });
const chat = (msgs) => msgs.reduce((a, m) => a + 3 + count(m.role) + count(m.content), 3);
const render = (t, vars) => t.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, k) => String(vars[k] ?? ''));
const start = Date.parse('2026-11-10T00:00:00Z');
const ts = (i, n, days) =>
  new Date(start + Math.floor(((i + rand()) / n) * days * 86400000)).toISOString().replace(/\.\d+Z$/, 'Z');

const subjects = [
  'CSV export drops the VAT column',
  'Charged twice for November',
  'Cannot add a second user',
  'PDF export times out',
  'Bank feed not updating',
  'How do I change the invoice currency?',
  'Reminder emails go to spam',
  'Need a copy of an old invoice',
  'Tax rate wrong for Norway',
  'API returns 429 on bulk import',
];
const sentences = [
  'Since yesterday the export is missing data we need for filing.',
  'We tried logging out and back in, no change.',
  'Our accountant needs this by Friday.',
  'This started after we switched to the annual plan.',
  'Screenshots attached.',
  'The same happens in Chrome and Firefox.',
  'We have about 340 invoices a month.',
  'Can you tell me whether this is a known issue?',
  'It worked fine last month.',
  'Our bank is ING in Amsterdam.',
  'Please call me back at the number on file.',
  'I already cleared the cache.',
  'The error message says "Something went wrong (code 5021)".',
  'We use the Pro plan with three seats.',
  'Is there a workaround until it is fixed?',
];
const body = (n) => Array.from({ length: n }, () => pick(sentences)).join(' ');
const tiers = ['free', 'pro', 'pro', 'business', 'enterprise'];

// ticket-summary: vars + recorded usage, OpenAI (exact counts), 14 days.
{
  const p = parse(readFileSync(root + 'prompts/ticket-summary.prompt.yml', 'utf8'));
  const lines = [];
  const n = 400;
  for (let i = 0; i < n; i++) {
    const vars = { customer_tier: pick(tiers), subject: pick(subjects), body: body(int(1, 9)) };
    const msgs = p.messages.map((m) => ({ role: m.role, content: render(m.content, vars) }));
    const input = chat(msgs);
    let out = Math.round(70 + rand() * 180);
    const capped = rand() < 0.04;
    if (capped) out = 300;
    lines.push({
      id: `ts-${String(i).padStart(4, '0')}`,
      ts: ts(i, n, 14),
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
      api: 'chat',
      vars,
      usage: { input_tokens: input, output_tokens: out },
      finish_reason: capped ? 'length' : 'stop',
      cost_usd: +((input * 0.15 + out * 0.6) / 1e6).toFixed(8),
      source: 'openai-chat',
    });
  }
  writeFileSync(root + 'traffic/ticket-summary.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

// reply-draft: recorded messages (system redacted) + usage with cache reads/writes, Anthropic.
{
  const lines = [];
  const n = 300;
  // What Claude's own tokenizer reports for the system prompt: the o200k count × 1.12.
  const md = readFileSync(root + 'prompts/reply-draft.md', 'utf8');
  const systemBody = md.slice(md.indexOf('\nsystem:\n') + 9, md.indexOf('\nuser:\n') + 1);
  const systemTokens = Math.round((count('system') + count(systemBody)) * 1.12);
  for (let i = 0; i < n; i++) {
    const turns = rand() < 0.35 ? int(1, 3) : 0;
    const messages = [{ role: 'system', content: '[redacted]' }];
    for (let t = 0; t < turns; t++) {
      messages.push({ role: 'user', content: `${pick(subjects)}. ${body(int(2, 6))}` });
      messages.push({ role: 'assistant', content: `Hi there, ${body(int(3, 8))}` });
    }
    messages.push({ role: 'user', content: `${pick(subjects)}. ${body(int(1, 8))}` });
    const claude = (m) => 3 + Math.round((count(m.role) + count(m.content)) * 1.12);
    const history = messages.slice(1, -1).reduce((a, m) => a + claude(m), 0);
    const last = claude(messages[messages.length - 1]);
    const input = systemTokens + 3 + history + last + 3;
    // The system prompt and history sit behind a cache breakpoint; hits are reads, misses writes.
    const prefix = systemTokens + 3 + history;
    const hit = rand() < 0.7;
    const usage = {
      input_tokens: input,
      cache_read_tokens: hit ? prefix : 0,
      cache_write_tokens: hit ? 0 : prefix,
      output_tokens: int(90, 420),
    };
    lines.push({
      id: `rd-${String(i).padStart(4, '0')}`,
      ts: ts(i, n, 14),
      provider: 'anthropic',
      model: 'claude-sonnet-4-5-20250929',
      api: 'messages',
      messages,
      usage,
      weight: 250,
      finish_reason: 'stop',
      source: 'anthropic',
    });
  }
  writeFileSync(root + 'traffic/reply-draft.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

// product-copy: vars only (input counted by replay), batch tier, 10 days.
{
  const products = [
    'Invoice Scanner',
    'Payroll Lite',
    'Timesheets',
    'Expense Cards',
    'Inventory Sync',
    'Quote Builder',
  ];
  const cats = ['Accounting', 'HR', 'Operations', 'Sales'];
  const facts = [
    'Reads receipts in 30 languages',
    'Exports to DATEV and SAF-T',
    'Works offline on Android',
    'Two-way sync with Shopify',
    'Approvals in Slack',
    'SOC 2 Type II',
    'Free for up to 3 users',
    'Setup in 10 minutes',
  ];
  const lines = [];
  const n = 250;
  for (let i = 0; i < n; i++) {
    const vars = {
      product: pick(products),
      category: pick(cats),
      facts: Array.from({ length: int(2, 5) }, () => pick(facts)).join('; '),
    };
    lines.push({
      id: `pc-${String(i).padStart(4, '0')}`,
      ts: ts(i, n, 10),
      provider: 'openai',
      model: 'gpt-4.1-mini',
      api: 'batch',
      vars,
      usage: { output_tokens: int(45, 110) },
      tier: 'batch',
      source: 'openai-batch',
    });
  }
  writeFileSync(root + 'traffic/product-copy.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}
// triage: agent runs (one trace per run), the triage agent on gpt-4o-mini with a refund
// sub-agent on gpt-4o, 14 days. Its own random stream, so the files above do not move.
// Recorded input = the agent's fixed part (instructions + tool schemas, exact o200k counts with
// OpenAI's chat and tool rules) + the ticket + the history of earlier outputs and tool results.
// OpenAI caches the previous call's prompt: later calls read it back (1,024+ tokens, 128 steps).
{
  let s2 = 17;
  const r2 = () => {
    s2 = (s2 + 0x6d2b79f5) | 0;
    let t = Math.imul(s2 ^ (s2 >>> 15), 1 | s2);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick2 = (a) => a[Math.floor(r2() * a.length)];
  const int2 = (lo, hi) => lo + Math.floor(r2() * (hi - lo + 1));
  // OpenAI cookbook num_tokens_for_tools (gpt-4o constants).
  const toolTokens = (tools) => {
    if (!tools.length) return 0;
    const drop = (x) => (typeof x === 'string' ? (x.endsWith('.') ? x.slice(0, -1) : x) : '');
    let n = 0;
    for (const t of tools) {
      n += 7 + count(`${t.name}:${drop(t.description)}`);
      const props = Object.entries(t.parameters?.properties ?? {});
      if (!props.length) continue;
      n += 3;
      for (const [k, p] of props) {
        n += 3;
        if (Array.isArray(p.enum)) n += -3 + p.enum.reduce((a, e) => a + 3 + count(String(e)), 0);
        n += count(`${k}:${p.type ?? ''}:${drop(p.description)}`);
      }
    }
    return n + 12;
  };
  const cacheable = (x) => (x < 1024 ? 0 : 1024 + Math.floor((x - 1024) / 128) * 128);
  const triage = parse(readFileSync(root + 'agents/triage.yaml', 'utf8'));
  const refund = parse(readFileSync(root + 'agents/refund.yaml', 'utf8'));
  const triageTools = JSON.parse(readFileSync(root + 'agents/triage-tools.json', 'utf8')).map((t) => t.function);
  const fixed = (instructions, tools, user) =>
    chat([
      { role: 'system', content: instructions },
      { role: 'user', content: user },
    ]) + toolTokens(tools);
  const turnsPick = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8];
  const lines = [];
  const n = 150;
  for (let i = 0; i < n; i++) {
    const id = `tr-${String(i).padStart(4, '0')}`;
    const t0 = start + Math.floor(((i + r2()) / n) * 14 * 86400000);
    let step = 0;
    let clock = 0;
    const emit = (agent, model, input, cacheRead, output, extra) => {
      step++;
      clock += int2(2, 9) * 1000;
      const line = {
        id: `${id}-${String(step).padStart(2, '0')}`,
        ts: new Date(t0 + clock).toISOString().replace(/\.\d+Z$/, 'Z'),
        trace_id: id,
      };
      if (step > 1) line.parent_id = `${id}-01`;
      Object.assign(
        line,
        { step },
        agent ? { agent } : {},
        {
          provider: 'openai',
          model,
          api: 'chat',
          usage: cacheRead
            ? { input_tokens: input, cache_read_tokens: cacheRead, output_tokens: output }
            : { input_tokens: input, output_tokens: output },
        },
        extra,
        { source: 'otel' },
      );
      lines.push(line);
    };
    // One loop of an agent: each call sends the previous prompt, its output and a tool result.
    const loop = (agent, model, first, turns) => {
      let input = first;
      let prev = 0;
      for (let k = 1; k <= turns; k++) {
        const last = k === turns;
        const read = k > 1 && r2() < 0.85 ? cacheable(prev) : 0;
        if (k > 1 && r2() < 0.03) emit(agent, model, input, read, 0, { status: 'error', finish_reason: 'error' });
        const output = last ? int2(110, 280) : int2(18, 45);
        emit(agent, model, input, read, output, { status: 'ok', finish_reason: last ? 'stop' : 'tool_calls' });
        prev = input;
        input += output + int2(60, 420) + 7;
      }
    };
    const ticket = `${pick2(subjects)}. ${Array.from({ length: int2(1, 9) }, () => pick2(sentences)).join(' ')}`;
    const rootTurns = r2() < 0.06 ? triage.max_turns : pick2(turnsPick);
    const refundAt = r2() < 0.3 ? int2(1, rootTurns) : 0;
    const first = fixed(triage.instructions, triageTools, ticket);
    if (refundAt === 0) loop(undefined, 'gpt-4o-mini-2024-07-18', first, rootTurns);
    else {
      // The triage loop pauses for the hand-off; its later turns carry the refund agent's answer.
      loop(undefined, 'gpt-4o-mini-2024-07-18', first, refundAt);
      const handoff = `Order A-${int2(10000, 99999)}. ${pick2(sentences)} ${pick2(sentences)}`;
      loop('refund', 'gpt-4o-2024-08-06', fixed(refund.instructions, refund.tools, handoff), int2(1, refund.max_turns));
      if (rootTurns > refundAt) loop(undefined, 'gpt-4o-mini-2024-07-18', first + int2(400, 900), rootTurns - refundAt);
    }
  }
  writeFileSync(root + 'traffic/triage.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}
// One OpenTelemetry export (the collector file exporter's OTLP/JSON lines) shared by two features,
// kb-answer and onboarding-tips, told apart by gen_ai.prompt.name (their `where:`). kb-answer runs
// inside a retrieval workflow span that repeats its usage (skipped by the importer). 7 days.
// Written last, so the random draws of the files above are unchanged.
{
  const attr = (key, v) => ({ key, value: typeof v === 'string' ? { stringValue: v } : { intValue: String(v) } });
  const hex = (n, width) => n.toString(16).padStart(width, '0');
  const kb = parse(readFileSync(root + 'prompts/kb-answer.prompt.yml', 'utf8'));
  const tips = parse(readFileSync(root + 'prompts/onboarding-tips.prompt.yml', 'utf8'));
  const lines = [];
  const n = 240;
  for (let i = 0; i < n; i++) {
    const isKb = i % 3 !== 2;
    const p = isKb ? kb : tips;
    const vars = isKb
      ? { articles: body(int(40, 90)), question: `${pick(subjects)}?` }
      : { done: body(int(1, 3)), employees: String(int(1, 250)) };
    const input = chat(p.messages.map((m) => ({ role: m.role, content: render(m.content, vars) })));
    const output = isKb ? int(90, 320) : int(40, 150);
    const cached = isKb && input >= 1024 && rand() < 0.5 ? 1024 : 0;
    const startNs = BigInt(Date.parse(ts(i, n, 7))) * 1000000n;
    const traceId = hex(0x5eed0000 + i, 32);
    const callId = hex(0xca11000 + i, 16);
    const attrs = [
      attr('gen_ai.operation.name', 'chat'),
      attr('gen_ai.provider.name', 'openai'),
      attr('gen_ai.request.model', 'gpt-4o-mini'),
      attr('gen_ai.response.model', 'gpt-4o-mini-2024-07-18'),
      attr('gen_ai.prompt.name', isKb ? 'kb-answer' : 'onboarding-tips'),
      attr('gen_ai.request.max_tokens', p.modelParameters.maxTokens),
      attr('gen_ai.usage.input_tokens', input),
      ...(cached ? [attr('gen_ai.usage.cache_read.input_tokens', cached)] : []),
      attr('gen_ai.usage.output_tokens', output),
    ];
    const call = {
      traceId,
      spanId: callId,
      name: 'chat gpt-4o-mini',
      kind: 3,
      startTimeUnixNano: String(startNs + 5000000n),
      endTimeUnixNano: String(startNs + 1500000000n),
      attributes: attrs,
      status: {},
    };
    const spans = [call];
    if (isKb) {
      const workflow = hex(0xf10e000 + i, 16);
      call.parentSpanId = workflow;
      spans.unshift({
        traceId,
        spanId: workflow,
        name: 'invoke_workflow kb-answer',
        kind: 1,
        startTimeUnixNano: String(startNs),
        endTimeUnixNano: String(startNs + 1600000000n),
        attributes: [
          attr('gen_ai.operation.name', 'invoke_workflow'),
          attr('gen_ai.usage.input_tokens', input),
          attr('gen_ai.usage.output_tokens', output),
        ],
        status: {},
      });
    }
    lines.push({
      resourceSpans: [
        {
          resource: { attributes: [attr('service.name', isKb ? 'help-centre' : 'onboarding')] },
          scopeSpans: [{ scope: { name: 'opentelemetry.instrumentation.openai_v2', version: '2.4b0' }, spans }],
        },
      ],
    });
  }
  writeFileSync(root + 'traffic/otel-export.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}
console.log('demo traffic written');

// contract-review: the contract is a PDF attachment, which the recorded usage counts and the
// samples do not carry (a non-text part is never tokenised): vars + recorded input_tokens, where
// recorded = the rendered chat + the attachment's tokens. Reviews come in bursts (a sales rep
// uploads several contracts within minutes), which is what a prompt cache's TTL rewards. A few
// contracts are long enough (over 128,000 tokens with the answer) that a 128k-window model cannot
// take them. Its own seed, so the files above stay as they were.
{
  seed = 20261205;
  const file = parse(readFileSync(root + 'prompts/contract-review.prompt.yml', 'utf8'));
  const customers = [
    ['Nordlicht Logistik GmbH', 'Enterprise'],
    ['Harbour & Finch Ltd', 'Pro'],
    ['Solvik AB', 'Pro'],
    ['Maison Verdier SAS', 'Enterprise'],
    ['Kestrel Analytics Inc.', 'Starter'],
    ['Tammi Oy', 'Pro'],
    ['Van Dijk Bouw BV', 'Enterprise'],
  ];
  const lines = [];
  const bursts = 12;
  for (let b = 0; b < bursts; b++) {
    let t = start + Math.floor(((b + rand()) / bursts) * 14 * 86400000);
    const size = int(3, 7);
    for (let k = 0; k < size; k++) {
      const [customer, plan] = pick(customers);
      const vars = { customer, plan };
      const msgs = file.messages.map((m) => ({ role: m.role, content: render(m.content, vars) }));
      // PDF pages at ~1,150 tokens each; one contract in twelve is a 110–140 page master agreement.
      const pages = rand() < 1 / 12 ? int(110, 140) : int(4, 40);
      const input = chat(msgs) + pages * 1150;
      const output = int(350, 1100);
      lines.push({
        id: `cr-${String(lines.length).padStart(4, '0')}`,
        ts: new Date(t).toISOString().replace(/\.\d+Z$/, 'Z'),
        provider: 'openai',
        model: 'gpt-4.1-mini-2025-04-14',
        api: 'chat',
        vars,
        usage: { input_tokens: input, output_tokens: output },
        finish_reason: 'stop',
        source: 'openai',
      });
      t += int(40, 280) * 1000;
    }
  }
  writeFileSync(root + 'traffic/contract-review.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log('contract-review traffic written');
}
