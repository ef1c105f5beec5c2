/**
 * AWS Bedrock model invocation logs (S3 objects, gzip'd, or CloudWatch Logs exports): one
 * `ModelInvocationLog` record per call. Reference: traffic-sources.md §8b.
 *
 * `input.inputTokenCount` excludes cache: reads and writes are added. The 1-hour write share exists
 * only inside an Anthropic response body (`usage.cache_creation.ephemeral_1h_input_tokens`); the
 * rest of the writes are 5-minute. `model` is `modelId` as logged (a foundation-model id, a
 * cross-region profile such as `us.anthropic.…-v1:0`, or an inference-profile ARN). Converse
 * bodies (`content: [{text}]`) are converted to chat messages; bodies moved to S3
 * (`inputBodyS3Path`) leave usage only. `requestMetadata.*` and `identity.arn` are `where:` fields.
 */

import type { Importer } from '../types.js';
import {
  BadField,
  clean,
  count,
  get,
  isoTime,
  isRecord,
  pick,
  requestMessages,
  requestParams,
  text,
  usageJson,
  type Json,
} from './common.js';
import { BODY_KEYS, callOf, importer, lineOf, type Mapped } from './importer.js';

/** Converse content parts `{text}` → `{type: "text", text}`; other parts kept (never counted as text). */
function converseContent(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  return content.map((p) =>
    isRecord(p) && typeof get(p, 'text') === 'string' && !('type' in p) ? { type: 'text', text: get(p, 'text') } : p,
  );
}

/** A Converse or provider-native request body → chat messages. */
function bodyMessages(body: unknown): unknown[] | undefined {
  if (!isRecord(body)) return undefined;
  const messages = get(body, 'messages');
  const system = get(body, 'system');
  const converse =
    isRecord(get(body, 'inferenceConfig')) ||
    (Array.isArray(system) && system.some((s) => isRecord(s) && !('type' in s)));
  if (!converse) return requestMessages(body, 'input.inputBodyJson');
  const out: unknown[] = [];
  if (Array.isArray(system)) out.push({ role: 'system', content: converseContent(system) });
  if (Array.isArray(messages))
    for (const m of messages) out.push({ role: get(m, 'role'), content: converseContent(get(m, 'content')) });
  if (out.some((m) => typeof get(m, 'role') !== 'string'))
    throw new BadField('input.inputBodyJson.messages[].role must be a string');
  return out.length ? (clean(out, 'input.inputBodyJson') as unknown[]) : undefined;
}

function map(o: Json): Mapped {
  const input = get(o, 'input');
  const output = get(o, 'output');
  const uncached = count(pick(input, 'inputTokenCount'), 'input.inputTokenCount');
  const read = count(pick(input, 'cacheReadInputTokenCount'), 'input.cacheReadInputTokenCount') ?? 0;
  const writes = count(pick(input, 'cacheWriteInputTokenCount'), 'input.cacheWriteInputTokenCount') ?? 0;
  const out = count(pick(output, 'outputTokenCount'), 'output.outputTokenCount');
  if (out === undefined) return { reason: 'output.outputTokenCount is missing' };
  const body = get(output, 'outputBodyJson');
  const w1h =
    count(
      pick(body, 'usage.cache_creation.ephemeral_1h_input_tokens'),
      'output.outputBodyJson.usage.cache_creation.ephemeral_1h_input_tokens',
    ) ?? 0;
  if (w1h > writes)
    throw new BadField(`output.outputBodyJson 1h cache writes ${w1h} exceed input.cacheWriteInputTokenCount ${writes}`);
  const request = get(input, 'inputBodyJson');
  const inference = get(request, 'inferenceConfig');
  const stop = get(body, 'stopReason') ?? get(body, 'stop_reason');
  const line = lineOf({
    id: text(get(o, 'requestId'), 'requestId'),
    ts: isoTime(get(o, 'timestamp'), 'timestamp'),
    source: 'bedrock',
    provider: 'bedrock',
    model: text(get(o, 'modelId'), 'modelId'),
    messages: bodyMessages(request),
    params: isRecord(inference)
      ? requestParams(
          {
            max_tokens: get(inference, 'maxTokens'),
            temperature: get(inference, 'temperature'),
            top_p: get(inference, 'topP'),
          },
          'input.inputBodyJson.inferenceConfig',
        )
      : requestParams(request, 'input.inputBodyJson'),
    usage: usageJson({
      input: uncached === undefined ? undefined : uncached + read + writes,
      cacheRead: read,
      cacheWrite: writes - w1h,
      cacheWrite1h: w1h,
      output: out,
      reasoning: 0,
    }),
    finish_reason: typeof stop === 'string' ? stop : undefined,
    status: get(o, 'errorCode') !== undefined ? 'error' : 'ok',
    user: text(pick(o, 'identity.arn'), 'identity.arn'),
  });
  return { calls: [callOf(o, line, BODY_KEYS)] };
}

export const bedrock: Importer = importer({
  format: 'bedrock',
  label: 'AWS Bedrock model invocation logs',
  framing: 'json',
  detect: (o) => get(o, 'schemaType') === 'ModelInvocationLog',
  map,
});
