/** Token counting: which tokenizer a model uses, and counts of texts, chats, tools and schemas. */
export { tokenizerFor } from './choice.js';
export { TokenCounter, CHAT_OVERHEAD, PARALLEL_MIN_SAMPLES } from './counter.js';
export type { CountableMessage, QueuedCounts, TokenCounterOptions, TokenCounterStats } from './counter.js';
export { toolDefinitionTokens, TOOL_TOKEN_CONSTANTS } from './tools.js';
export { encodeText } from './encode.js';
