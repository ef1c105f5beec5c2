/**
 * Splits a byte stream into lines without holding more than one line (up to a limit) in memory.
 * LF and CRLF endings; a last line without a newline still counts. A line longer than the limit
 * is reported without its bytes: the rest of it is skipped up to the next newline.
 */

/** One physical line: 1-based number and bytes without the line ending, or null when too long. */
export interface RawLine {
  line: number;
  bytes: Buffer | null;
}

/** A stream's chunk as a Buffer: text as UTF-8, a Uint8Array as a view of the same bytes (no copy). */
export function asBuffer(piece: Buffer | string | Uint8Array): Buffer {
  return typeof piece === 'string'
    ? Buffer.from(piece, 'utf8')
    : Buffer.isBuffer(piece)
      ? piece
      : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
}

/**
 * Calls `onChunk` with every chunk as read (for hashing and sniffing) and `onLine` with every line.
 * Either callback may throw to stop reading; the stream's iterator is then closed.
 */
export async function forEachLine(
  chunks: AsyncIterable<Buffer | string | Uint8Array>,
  maxLineBytes: number,
  onChunk: (chunk: Buffer) => void,
  onLine: (line: RawLine) => void,
): Promise<void> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let lineNo = 0;
  // A trailing CR is not part of the line, so allow one byte over the limit until it is stripped.
  const limit = maxLineBytes + 1;

  const finish = (): void => {
    lineNo++;
    if (tooLong) {
      onLine({ line: lineNo, bytes: null });
    } else {
      // A line inside one chunk stays a view of it (decoded at once); only spanning lines are copied.
      let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      onLine({ line: lineNo, bytes: bytes.length > maxLineBytes ? null : bytes });
    }
    parts = [];
    length = 0;
    tooLong = false;
  };

  for await (const piece of chunks) {
    const chunk = asBuffer(piece);
    if (chunk.length === 0) continue;
    onChunk(chunk);
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!tooLong && end > start) {
        if (length + (end - start) > limit) {
          tooLong = true;
          parts = [];
          length = 0;
        } else {
          parts.push(chunk.subarray(start, end));
          length += end - start;
        }
      }
      if (nl === -1) break;
      finish();
      start = nl + 1;
    }
  }
  if (length > 0 || tooLong) finish();
}
