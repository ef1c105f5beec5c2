import type { RevisionReader } from './reader.js';

/**
 * The first `bytes` bytes of a file at a revision as UTF-8 text (for sniffing what a file is),
 * or '' when it cannot be read: a sniff never fails a run, the full read reports the problem.
 */
export async function readHead(reader: RevisionReader, path: string, bytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await reader.open(path);
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
    stream.destroy();
  } catch {
    return '';
  }
  return Buffer.concat(chunks).subarray(0, bytes).toString('utf8');
}
