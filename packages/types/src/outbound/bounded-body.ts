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
 * With `truncate`, a longer body answers its first `maxBytes` instead of failing (the stream is
 * ended the same way): for an error's quoted detail, where the start is what matters.
 */
export async function readBoundedBody(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  maxBytes: number,
  options: { truncate?: boolean } = {},
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  // Node's web streams are async iterable; TypeScript's DOM typing of ReadableStream does not say so.
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    if (bytes + chunk.byteLength > maxBytes) {
      if (!options.truncate) throw new BodyTooLargeError(maxBytes);
      // With `truncate`, the first maxBytes are the answer (e.g. an error's quoted detail).
      chunks.push(chunk.subarray(0, maxBytes - bytes));
      return Buffer.concat(chunks, maxBytes);
    }
    bytes += chunk.byteLength;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, bytes);
}
