/**
 * Hand computations for the agent tests: js-tiktoken counts (the reference tokenizer), OpenAI's
 * chat and tool rules written out from the cookbook, vendor prices typed in. None of aicost's own
 * tokenizer, catalog or replay code is used here.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

const enc = new Tiktoken(o200k);
export const tok = (s: string): number => enc.encode(s, [], []).length;

/** A system message by OpenAI's rule: 3 + role tokens + content tokens. */
export const systemTokens = (text: string): number => 3 + tok('system') + tok(text);

/** One tool by the cookbook's num_tokens_for_tools (gpt-4o constants), without the list's closing 12. */
export function toolTokens(t: {
  name: string;
  description: string;
  properties?: Record<string, { type: string; description?: string; enum?: string[] }>;
}): number {
  const drop = (s: string) => (s.endsWith('.') ? s.slice(0, -1) : s);
  let n = 7 + tok(`${t.name}:${drop(t.description)}`);
  const props = Object.entries(t.properties ?? {});
  if (props.length) {
    n += 3;
    for (const [key, p] of props) {
      n += 3;
      if (p.enum) {
        n += -3;
        for (const item of p.enum) n += 3 + tok(item);
      }
      n += tok(`${key}:${p.type}:${drop(p.description ?? '')}`);
    }
  }
  return n;
}

/** USD per 1M tokens (openai.com/api/pricing, anthropic.com/pricing). */
export const GPT_4O_MINI = { input: 0.15, cached: 0.075, output: 0.6 };
export const GPT_4O = { input: 2.5, cached: 1.25, output: 10 };
export const SONNET_45 = { input: 3, cacheRead: 0.3, cacheWrite: 3.75, output: 15 };

/** USD of one OpenAI call with `cached` of its input read from the cache. */
export function openaiCost(
  p: { input: number; cached: number; output: number },
  input: number,
  output: number,
  cached = 0,
): number {
  return ((input - cached) * p.input + cached * p.cached + output * p.output) / 1e6;
}

/** OpenAI's cache: prefixes of 1,024 tokens or more, in 128-token steps. */
export function openaiCacheable(tokens: number): number {
  return tokens < 1024 ? 0 : 1024 + Math.floor((tokens - 1024) / 128) * 128;
}

export const jsonl = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A repository on `main` with `base`, and a `pr` branch that writes `head` on top. */

/** `.aicost.yml` with one agent feature. */
export function agentConfig(
  o: { agent?: string; traffic?: string | null; rpm?: number; extra?: string; models?: string } = {},
): string {
  const traffic = o.traffic === null ? '' : `    traffic: ${o.traffic ?? 'traffic/triage.jsonl'}\n`;
  return `version: 1
features:
  triage:
    team: support
    agent: ${o.agent ?? 'agents/triage.yaml'}
${traffic}    requests_per_month: ${o.rpm ?? 100000}
${o.extra ?? ''}teams:
  support: { monthly_budget: 100000 }
${o.models ?? ''}`;
}

export { prRepo } from '../helpers/run.js';
