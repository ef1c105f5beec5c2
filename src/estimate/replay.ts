import { renderEmpty, renderMessages, templateVariables } from '../artifacts/index.js';
import type { TokenCounter } from '../tokenize/index.js';
import { atTrafficLine } from '../traffic/index.js';
import type {
  CallSite,
  CallUsage,
  CallCost,
  PriceSource,
  RecordedMessage,
  ResolvedModel,
  Sample,
  ServiceTier,
  TokenizerChoice,
} from '../types.js';
import type { FigureSource, SampleResult } from './types.js';
import { atOutputCap, bandCosts } from './pricing.js';

/** A chat message ready to count; null content is redacted or non-text and is never tokenised. */
export interface CountableMessage {
  role: string;
  content: string | null;
  name?: string;
}

/** What one revision of a feature needs to replay a sample. */
export interface ReplaySite {
  site: CallSite;
  model: ResolvedModel;
  tokenizer: TokenizerChoice;
  /** Tokens of tool definitions and the response schema, sent with every call. */
  fixedTokens: number;
  /** Max output tokens of the revision (artifact), if any. */
  maxTokens?: number;
  tier: ServiceTier;
  /** Where the model's prices come from (catalog and version, fallback catalog, or `pricing:`). */
  priceSource: PriceSource;
  /** Price one call; `time` (epoch ms, a sample's `ts`) picks a time-of-day price, else the day-weighted mean. */
  price: (usage: CallUsage, tier: ServiceTier, time?: number) => CallCost;
}

/** Roles that play the system part: recorded `developer` turns match a template `system` message. */
function sameRole(a: string, b: string): boolean {
  const norm = (r: string) => (r === 'developer' ? 'system' : r);
  return norm(a) === norm(b);
}

/**
 * The messages a sample sends at this revision. With `vars`, every template message is rendered.
 * With recorded `messages`, the messages that belong to the template (same role, same position)
 * are replaced by the revision's render and recorded history/user turns are kept; a template
 * message that needs variables the sample does not carry keeps the recorded text.
 * Returns null when the sample has nothing to render.
 */
export function messagesForSample(
  site: CallSite,
  sample: Sample,
): { messages: CountableMessage[]; missing: string[]; templated: number } | null {
  const vars = sample.vars ?? Object.create(null);
  if (sample.messages) {
    const rendered = renderMessages(site, vars);
    const out: CountableMessage[] = [];
    let templated = 0;
    let i = 0;
    for (; i < site.messages.length && i < sample.messages.length; i++) {
      const rec = sample.messages[i];
      const tpl = site.messages[i];
      if (!sameRole(rec.role, tpl.role)) break;
      const needs = varsOf(site, i);
      const complete = needs.every((v) => sample.vars !== undefined && v in vars);
      if (!complete) break;
      out.push({ role: rec.role, content: rendered.messages[i].content });
      templated++;
    }
    for (; i < sample.messages.length; i++) out.push(copyRecorded(sample.messages[i]));
    return { messages: out, missing: [], templated };
  }
  if (sample.vars) {
    const r = renderMessages(site, vars);
    return { messages: r.messages, missing: r.missing, templated: r.messages.length };
  }
  return null;
}

/** What {@link messagesForSample} returns. */
export type SampleMessages = NonNullable<ReturnType<typeof messagesForSample>>;

/**
 * Renders kept per site and sample. A diff renders each sample at base and head for the count
 * ahead (src/diff/prefill.ts), the replay and up to two attribution stages; rendering once saves
 * the work, and handing the counter the same string objects makes its memo lookups cheap (V8
 * keeps a string's hash once computed). Keyed weakly: renders at a temporary site (an attribution
 * hybrid) go with it; the pipeline releases a feature's own sites when it is done with them.
 */
const renders = new WeakMap<CallSite, WeakMap<Sample, SampleMessages | null>>();

/**
 * A site's render twin: the first live site with the same messages (roles and templates), which
 * is all {@link messagesForSample} reads. Base and head of a feature whose prompt did not change
 * (a model or parameter change, or no change) then render each sample once, and both replays
 * count the very same strings: half the rendering, half the garbage, and memo hits on identity.
 */
const twinOf = new WeakMap<CallSite, CallSite>();
const twinsByMessages = new Map<string, WeakRef<CallSite>>();

function renderTwin(site: CallSite): CallSite {
  let twin = twinOf.get(site);
  if (twin) return twin;
  const key = JSON.stringify(site.messages.map((m) => [m.role, m.template]));
  twin = twinsByMessages.get(key)?.deref();
  if (!twin) {
    twin = site;
    twinsByMessages.set(key, new WeakRef(site));
  }
  twinOf.set(site, twin);
  return twin;
}

/** {@link messagesForSample}, rendered once per site (or its render twin) and sample (see `renders`). */
export function renderedMessages(site: CallSite, sample: Sample): SampleMessages | null {
  const twin = renderTwin(site);
  let bySample = renders.get(twin);
  if (!bySample) renders.set(twin, (bySample = new WeakMap()));
  let m = bySample.get(sample);
  if (m === undefined) bySample.set(sample, (m = messagesForSample(twin, sample)));
  return m;
}

/**
 * Drops the renders kept for a site and its twin (its feature is priced: they would only hold
 * memory). Another feature with the same messages, still to be replayed, renders its samples
 * again then: the same texts, only not the same strings.
 */
export function releaseRenders(site: CallSite): void {
  const twin = twinOf.get(site);
  renders.delete(site);
  if (twin) renders.delete(twin);
  for (const [key, ref] of twinsByMessages) {
    const s = ref.deref();
    if (s === undefined || s === site || s === twin) twinsByMessages.delete(key);
  }
}

function copyRecorded(m: RecordedMessage): CountableMessage {
  return m.name !== undefined
    ? { role: m.role, content: m.content, name: m.name }
    : { role: m.role, content: m.content };
}

const varsCache = new WeakMap<CallSite, string[][]>();

/** Variables referenced by template message i. */
function varsOf(site: CallSite, i: number): string[] {
  let per = varsCache.get(site);
  if (!per) {
    per = site.messages.map((m) => templateVariables(m.template));
    varsCache.set(site, per);
  }
  return per[i] ?? [];
}

/** How many of the template's messages, from the first, reference no variable. */
function leadingStaticCount(site: CallSite): number {
  let k = 0;
  while (k < site.messages.length && varsOf(site, k).length === 0) k++;
  return k;
}

/**
 * The leading messages of the revision's template that reference no variable, rendered: what
 * every request of the feature starts with whatever its variables, and so all that is known of
 * the prompt a usage-only sample sent (an OpenTelemetry span without captured content).
 */
export function leadingStaticMessages(site: CallSite): CountableMessage[] {
  const k = leadingStaticCount(site);
  if (k === 0) return [];
  return renderEmpty(site)
    .messages.slice(0, k)
    .map((m) => ({ role: m.role, content: m.content }));
}

/**
 * Tokens of the static prefix of the revision's messages (tools, schema and the leading messages
 * that reference no variable), i.e. what an exact-prefix cache could hold for every request. The
 * messages as sent (rendered): a template comment is no part of the prefix, and head cache reads
 * scale with it (diff/pair.ts).
 */
export function staticPrefixTokens(rs: ReplaySite, counter: TokenCounter): number {
  const msgs = leadingStaticMessages(rs.site);
  if (msgs.length === 0) return rs.fixedTokens;
  // countChat adds the 3-token reply priming, which is not part of a cached prefix.
  if (rs.site.api === 'embedding') return rs.fixedTokens + inputTokens(rs, msgs, counter);
  return rs.fixedTokens + counter.countChat(msgs, rs.tokenizer).tokens - 3;
}

/**
 * Input tokens of rendered messages: with the chat framing, except for an embeddings call, whose
 * input is the text alone (Prompty `api: embedding` sends the rendered contents, no roles).
 */
function inputTokens(
  rs: ReplaySite,
  messages: readonly { role: string; content: string | null }[],
  counter: TokenCounter,
): number {
  if (rs.site.api === 'embedding')
    return counter.countText(messages.map((m) => m.content ?? '').join('\n'), rs.tokenizer);
  return counter.countChat(messages, rs.tokenizer).tokens;
}

/**
 * Count the input tokens of a sample at a revision from `vars` or `messages`; with only
 * `var_tokens`, count the template with empty variables and add the recorded per-variable counts.
 */
export function countSample(
  rs: ReplaySite,
  sample: Sample,
  counter: TokenCounter,
): { tokens: number | null; missing: string[] } {
  const m = renderedMessages(rs.site, sample);
  if (m) return { tokens: inputTokens(rs, m.messages, counter) + rs.fixedTokens, missing: m.missing };
  if (sample.varTokens) {
    let extra = 0;
    for (const v of rs.site.variables) {
      const n = sample.varTokens[v]?.[rs.tokenizer.encoding];
      if (n === undefined) return { tokens: null, missing: [v] };
      extra += n;
    }
    const r = renderEmpty(rs.site);
    const scaled = Math.round(extra * rs.tokenizer.scale);
    return { tokens: inputTokens(rs, r.messages, counter) + rs.fixedTokens + scaled, missing: [] };
  }
  return { tokens: null, missing: [] };
}

/**
 * Replay one recorded sample at one revision (design steps 1–6): input level from the record when
 * present, else the count; output clamped at the revision's cap; cache reads and writes as
 * recorded, never more than the input; priced at the sample's tier.
 */
export function replaySample(rs: ReplaySite, sample: Sample, counter: TokenCounter, unit: string): SampleResult {
  try {
    return replayLine(rs, sample, counter, unit);
  } catch (e) {
    throw atTrafficLine(e, sample);
  }
}

function replayLine(rs: ReplaySite, sample: Sample, counter: TokenCounter, unit: string): SampleResult {
  const counted = countSample(rs, sample, counter).tokens;
  const recordedInput = sample.usage.inputTokens;
  let input: number;
  let source: FigureSource;
  if (recordedInput !== undefined) {
    input = recordedInput;
    source = 'usage';
  } else if (counted !== null) {
    input = counted;
    source = 'replay';
  } else {
    // The reader guarantees one of input_tokens, vars or messages; var_tokens without a count
    // for this encoding lands here.
    input = 0;
    source = 'replay';
  }
  const cap = rs.maxTokens;
  const recordedOut = sample.usage.outputTokens;
  const output = cap !== undefined ? Math.min(recordedOut, cap) : recordedOut;
  const atCap = atOutputCap(sample.finishReason, recordedOut, cap);
  const cacheRead = Math.min(sample.usage.cacheReadTokens, input);
  const cacheWrite = Math.min(sample.usage.cacheWriteTokens, input - cacheRead);
  const cacheWrite1h = Math.min(sample.usage.cacheWrite1hTokens, input - cacheRead - cacheWrite);
  const tier = sample.tier ?? rs.tier;
  const usage: CallUsage = {
    inputTokens: input,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    cacheWrite1hTokens: cacheWrite1h,
    outputTokens: output,
  };
  const time = sample.ts;
  const cost = rs.price(usage, tier, time).total;
  // The band is relative to the scaled estimate; recorded figures carry no tokenizer error.
  const [costLow, costHigh] = bandCosts(
    rs.price,
    usage,
    tier,
    source === 'replay' ? rs.tokenizer.band : null,
    cost,
    time,
  );
  const result: SampleResult = {
    id: sample.id,
    unit,
    weight: sample.weight,
    ...(sample.user !== undefined ? { user: sample.user } : {}),
    counted,
    cacheablePrefix: 0,
    usage,
    cost,
    costLow,
    costHigh,
    source,
    atCap,
  };
  if (time !== undefined) result.ts = time;
  if (recordedInput !== undefined) {
    result.recordedInput = recordedInput;
    const recUsage: CallUsage = {
      inputTokens: recordedInput,
      cacheReadTokens: Math.min(sample.usage.cacheReadTokens, recordedInput),
      cacheWriteTokens: Math.min(sample.usage.cacheWriteTokens, recordedInput),
      cacheWrite1hTokens: Math.min(sample.usage.cacheWrite1hTokens, recordedInput),
      outputTokens: recordedOut,
    };
    result.recordedCost = rs.price(recUsage, tier, time).total;
  }
  if (sample.costUsd !== undefined) result.reportedCost = sample.costUsd;
  return result;
}

/** A static sample (no traffic): one render of the artifact with test data or empty variables. */
export function staticSample(
  rs: ReplaySite,
  vars: Record<string, unknown>,
  outputTokens: number,
  counter: TokenCounter,
  id: string,
): SampleResult {
  const r = renderMessages(rs.site, vars);
  const input = inputTokens(rs, r.messages, counter) + rs.fixedTokens;
  const usage: CallUsage = {
    inputTokens: input,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens,
  };
  const cost = rs.price(usage, rs.tier).total;
  const [costLow, costHigh] = bandCosts(rs.price, usage, rs.tier, rs.tokenizer.band, cost);
  return {
    id,
    unit: id,
    weight: 1,
    counted: input,
    cacheablePrefix: 0,
    usage,
    cost,
    costLow,
    costHigh,
    source: 'static',
    atCap: false,
  };
}
