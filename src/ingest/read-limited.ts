// Collect a byte stream but stop as soon as it passes a limit, so a huge or endless input
// (a 2 GB download, /dev/zero, a runaway pipe) costs at most `maxBytes` of memory.

export type Limited = { ok: true; bytes: Uint8Array } | { ok: false; readBytes: number };

/** Works on Node Readables and web ReadableStreams; leaving the loop early closes the stream. */
export async function readLimited(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Limited> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    // A Readable with setEncoding() yields strings; turn them back into UTF-8 bytes.
    const part = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += part.length;
    if (total > maxBytes) return { ok: false, readBytes: total };
    parts.push(part);
  }
  return { ok: true, bytes: Buffer.concat(parts, total) };
}
