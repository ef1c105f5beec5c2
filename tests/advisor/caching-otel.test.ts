/**
 * Prompt caching for a feature whose traffic is an OpenTelemetry export (issue 18): spans without
 * captured content carry usage only, yet each request sent the prompt's static start (the
 * template's messages before its first variable). The stable prefix is that start, counted here
 * by hand with js-tiktoken; spans that do capture content (`gen_ai.system_instructions`,
 * `gen_ai.input.messages`) agree with it. Hits and the saving are reproduced from the span times
 * and OpenAI's rule (1,024 tokens, 128-token steps, 5 minutes, cached input at half price).
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { runSuggest } from '../../src/run/suggest.js';
import { makeRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;

type V = { stringValue: string } | { intValue: string };
const s = (v: string): V => ({ stringValue: v });
const i = (v: number): V => ({ intValue: String(v) });
const attrs = (o: Record<string, V>) => Object.entries(o).map(([key, value]) => ({ key, value }));

const SYSTEM = Array.from(
  { length: 70 },
  (_, k) => `Rule ${k + 1}: answer from the help-centre articles, quote the article title and never promise a refund.`,
).join(' ');
const PROMPT = `name: Knowledge-base answer
model: openai/gpt-4o-mini
messages:
  - role: system
    content: ${JSON.stringify(SYSTEM)}
  - role: user
    content: "Question: {{question}}"
`;

/** Minutes after the first call: gaps of 2, 3, 9, 1, 4, 30, 2 … minutes (5-minute TTL: some hit, some miss). */
const MINUTES = [0, 2, 5, 14, 15, 19, 49, 51, 52, 60, 61, 63, 90, 91, 95, 96, 130, 131, 133, 140];

/**
 * One export line per call, as opentelemetry-instrumentation-openai-v2 writes them through a
 * collector's file exporter: a workflow span with rolled-up usage (skipped by the importer) and
 * the chat span. Every third chat span captured its content; the rest carry usage only.
 */
function exportLine(k: number): string {
  const trace = `00000000000000000000000000c0${String(k).padStart(4, '0')}`;
  const start = BigInt(1794269341000) * 1_000_000n + BigInt(MINUTES[k]) * 60_000_000_000n;
  const content: Record<string, V> =
    k % 3 === 0
      ? {
          'gen_ai.system_instructions': s(JSON.stringify([{ type: 'text', content: SYSTEM }])),
          'gen_ai.input.messages': s(
            JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: `Question: order ${k} is late` }] }]),
          ),
        }
      : {};
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: attrs({ 'service.name': s('help-centre') }) },
        scopeSpans: [
          {
            scope: { name: 'opentelemetry.instrumentation.openai_v2', version: '2.4b0' },
            spans: [
              {
                traceId: trace,
                spanId: `00000000000f${String(k).padStart(4, '0')}`,
                name: 'invoke_workflow kb-answer',
                kind: 1,
                startTimeUnixNano: String(start),
                attributes: attrs({
                  'gen_ai.operation.name': s('invoke_workflow'),
                  'gen_ai.usage.input_tokens': i(1900 + k),
                  'gen_ai.usage.output_tokens': i(200),
                }),
              },
              {
                traceId: trace,
                spanId: `0000000000ca${String(k).padStart(4, '0')}`,
                parentSpanId: `00000000000f${String(k).padStart(4, '0')}`,
                name: 'chat gpt-4o-mini',
                kind: 3,
                startTimeUnixNano: String(start + 5_000_000n),
                attributes: attrs({
                  'gen_ai.operation.name': s('chat'),
                  'gen_ai.provider.name': s('openai'),
                  'gen_ai.request.model': s('gpt-4o-mini'),
                  'gen_ai.response.model': s('gpt-4o-mini-2024-07-18'),
                  'gen_ai.prompt.name': s('kb-answer'),
                  'gen_ai.usage.input_tokens': i(1900 + k),
                  'gen_ai.usage.output_tokens': i(200),
                  ...content,
                }),
                status: {},
              },
            ],
          },
        ],
      },
    ],
  });
}

const RPM = 90_000;

describe('prompt caching on OpenTelemetry traffic', () => {
  it('the stable prefix is the prompt’s static start, counted by hand; usage-only spans no longer give 0', async () => {
    const repo = makeRepo({
      '.aicost.yml': `version: 1
features:
  kb-answer:
    team: support
    prompt: prompts/kb-answer.prompt.yml
    traffic:
      path: traffic/otel-export.jsonl
      where: { gen_ai.prompt.name: kb-answer }
    requests_per_month: ${RPM}
teams:
  support: {}
`,
      'prompts/kb-answer.prompt.yml': PROMPT,
      'traffic/otel-export.jsonl': `${MINUTES.map((_, k) => exportLine(k)).join('\n')}\n`,
    });
    const { report } = await runSuggest({ repo, rev: 'main', config: '.aicost.yml', workers: 0 });
    const c = report.features[0].suggestions.find((x) => x.kind === 'caching')!;

    // What every request starts with: the system message ("system\n" + its text, as the advisor
    // encodes a message). The captured user turns all start "Question: order", but the usage-only
    // spans' user turns are unknown, so the prefix ends with the system message.
    const stable = tok(`system\n${SYSTEM}`);
    expect(stable).toBeGreaterThan(1024);
    const cacheable = 1024 + Math.floor((stable - 1024) / 128) * 128;
    let hits = 0;
    for (let k = 1; k < MINUTES.length; k++) if (MINUTES[k] - MINUTES[k - 1] <= 5) hits++;
    expect(hits).toBe(13);
    // gpt-4o-mini: input $0.15, cached input $0.075 per 1M; no write fee.
    const saving = ((cacheable * (hits / MINUTES.length) * (0.15 - 0.075)) / 1e6) * RPM;
    expect(c.details).toMatchObject({
      samples: 20,
      stable_prefix_tokens: stable,
      cacheable_tokens: cacheable,
      hits,
      ttl_minutes: 5,
    });
    expect(c.monthly!.saving).toBeCloseTo(saving, 9);
    expect(c.eligible).toBe(true);
    expect(c.caveats).toContain(
      '13 samples carry no text (usage only): each is taken to send what the template sends before its first variable (1 message), then content that differs.',
    );
  }, 60_000);
});
