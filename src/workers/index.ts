/** The transport between the main thread and a helper worker thread (tokenizing, bootstrap). */
export { WorkerClient, SharedQueue, serveRequests, yieldToEvents } from './client.js';
export type { WorkerReply } from './client.js';
