/**
 * Bedrock model invocation logs written for this test after traffic-sources.md §8b, with each
 * pitfall: exclusive inputTokenCount (cache added), the 1h write share only inside an Anthropic
 * body, Converse content parts, a body moved to S3, a cross-region profile model id.
 */
import { describe, expect, it } from '@jest/globals';
import { bedrock } from '../../../src/traffic/import/sources/bedrock.js';
import { EXAMPLES } from './examples.js';
import { callsOf, linesOf, reasonOf } from './helpers.js';

const LOG = EXAMPLES.bedrock[0] as Record<string, unknown>;

describe('bedrock importer', () => {
  it('reads the reference Converse record', () => {
    const [call] = callsOf(bedrock, [LOG]);
    expect(JSON.parse(JSON.stringify(call!.line))).toEqual({
      id: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      ts: '2026-07-14T16:20:44.000Z',
      source: 'bedrock',
      provider: 'bedrock',
      model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      messages: [{ role: 'user', content: [{ type: 'text', text: '…' }] }],
      params: { max_tokens: 800 },
      // 64 + 3072.
      usage: { input_tokens: 3136, cache_read_tokens: 3072, output_tokens: 290 },
      finish_reason: 'end_turn',
      status: 'ok',
      user: 'arn:aws:sts::123456789012:assumed-role/app-role/worker-3',
    });
    expect(call!.fields['requestMetadata.feature']).toBe('kb-answer');
    expect(call!.fields['operation']).toBe('Converse');
  });

  it('splits writes by the 1h share of an Anthropic InvokeModel body', () => {
    const log = {
      ...LOG,
      operation: 'InvokeModel',
      modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      input: {
        inputTokenCount: 20,
        cacheReadInputTokenCount: 0,
        cacheWriteInputTokenCount: 3000,
        inputBodyJson: {
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 500,
          system: 'Be brief.',
          messages: [{ role: 'user', content: 'Hi' }],
        },
      },
      output: {
        outputTokenCount: 12,
        outputBodyJson: {
          stop_reason: 'end_turn',
          usage: {
            input_tokens: 20,
            cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
          },
        },
      },
    };
    expect(linesOf(bedrock, [log])[0]).toMatchObject({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      params: { max_tokens: 500 },
      usage: { input_tokens: 3020, cache_write_tokens: 1000, cache_write_1h_tokens: 2000, output_tokens: 12 },
    });
  });

  it('keeps usage when the body went to S3, names bad counts', () => {
    const log = {
      ...LOG,
      input: { inputTokenCount: 64, inputBodyS3Path: 's3://logs/big.json' },
      output: { outputTokenCount: 9 },
    };
    expect(linesOf(bedrock, [log])[0]!['usage']).toEqual({ input_tokens: 64, output_tokens: 9 });
    expect(linesOf(bedrock, [log])[0]!['messages']).toBeUndefined();
    expect(reasonOf(bedrock, { ...LOG, output: { outputTokenCount: '290 tokens' } })).toBe(
      'output.outputTokenCount must be a whole number ≥ 0 (found "290 tokens")',
    );
    expect(reasonOf(bedrock, { ...LOG, output: {} })).toBe('output.outputTokenCount is missing');
  });
});
