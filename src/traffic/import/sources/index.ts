/**
 * The source importers of this module, in the order auto-detection should try them. A source with
 * two framings (Langfuse JSON and CSV) has one importer per framing, both of the same `format`.
 * The OTel importer lives beside these and is merged into this list by the reader.
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
import { phoenix } from './phoenix.js';

export const sourceImporters: readonly Importer[] = [
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
