/** An answer longer than the reader's cap: it was not read further, and its connection is closed. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * An answer's body read whole, at most `maxBytes` bytes of it as the stream yields them (after
 * any decoding the stream does: count what is held, not what crossed the wire). One byte more and
 * the read stops with BodyTooLargeError: leaving the loop ends the stream (a Node stream is
 * destroyed, a web stream cancelled), so the rest is neither read nor drained. Any stream of
 * bytes: a node:http answer or a fetch Response's body. The deadline is the caller's: an abort
 * signal given to the request ends the stream, and this read rejects with the stream's error.
 */
export async function readBoundedBody(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  // Node's web streams are async iterable; TypeScript's DOM typing of ReadableStream does not say so.
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, bytes);
}
