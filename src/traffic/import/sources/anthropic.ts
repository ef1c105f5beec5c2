/**
 * Logged Anthropic Messages calls: request/response pairs (`{request, response}`; the response as a
 * Message, an array of stream events or the SSE text) or bare Message objects (usage only).
 * Streaming: `message_start` carries the input side, `message_delta` usage is cumulative (the last
 * value wins, never a sum). Input is exclusive of cache: reads and writes are added, writes split
 * by TTL. Reference: traffic-sources.md §6 and formats.md §7.3.
 */

import type { Importer } from '../types.js';
import { anthropicLine, isAnthropicResponse } from './bodies.js';
import { loggedCalls } from './logged.js';

export const anthropic: Importer = loggedCalls({
  format: 'anthropic',
  label: 'logged Anthropic Messages requests and responses',
  source: 'anthropic',
  isResponse: isAnthropicResponse,
  line: anthropicLine,
});
