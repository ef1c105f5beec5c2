/**
 * Logged OpenAI calls: Chat Completions and Responses request/response pairs as an app or proxy
 * logged them (`{request, response}`; the response as an object, an array of stream chunks or the
 * SSE text), or bare response objects (usage only). Streaming usage is in the last chunk, and only
 * with `stream_options: {"include_usage": true}`; a stream without it is refused, never priced at 0.
 * Reference: traffic-sources.md §5 and formats.md §7.1–7.2.
 */

import type { Importer } from '../types.js';
import { isOpenaiResponse, openaiLine } from './bodies.js';
import { loggedCalls } from './logged.js';

export const openaiChat: Importer = loggedCalls({
  format: 'openai-chat',
  label: 'logged OpenAI requests and responses',
  source: 'openai-chat',
  isResponse: isOpenaiResponse,
  line: openaiLine,
});
