/**
 * Every importer aicost ships, in the order auto-detection tries them (detection must be
 * unambiguous, so the order only decides the order of candidates in messages). One module per
 * source; a source with two framings (Langfuse, Helicone: JSON and CSV) has one importer per
 * framing, both of the same `format`. Adding a source is adding it here.
 */

import type { Importer } from '../types.js';
import { anthropic } from './anthropic.js';
import { anthropicBatch } from './anthropic-batch.js';
import { bedrock } from './bedrock.js';
import { braintrust } from './braintrust.js';
import { gemini } from './gemini.js';
import { helicone, heliconeCsv } from './helicone.js';
import { langfuse, langfuseCsv } from './langfuse.js';
import { langsmith } from './langsmith.js';
import { litellm } from './litellm.js';
import { openaiBatch } from './openai-batch.js';
import { openaiChat } from './openai-chat.js';
import { otel } from './otel.js';
import { phoenix } from './phoenix.js';

export const importers: readonly Importer[] = [
  otel,
  langfuse,
  langfuseCsv,
  litellm,
  openaiBatch,
  anthropicBatch,
  openaiChat,
  anthropic,
  helicone,
  heliconeCsv,
  langsmith,
  braintrust,
  phoenix,
  bedrock,
  gemini,
];
