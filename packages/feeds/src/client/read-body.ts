// Reading a feed server's answer within a size (decision 0109): the body is read as a stream and
// its decoded bytes counted, so that no answer, however sent, is held whole past the cap. The
// reader is the one every outbound client shares (@real-estate/types/outbound, decision 0110).
import { readBoundedBody } from "@real-estate/types/outbound";

export { BodyTooLargeError } from "@real-estate/types/outbound";

/** A token endpoint's answer and an error's quoted detail are small; more is not read. */
export const TOKEN_BODY_BYTES = 64 * 1024;
export const DETAIL_BODY_BYTES = 4 * 1024;

/**
 * The body as text, reading at most `limit` bytes (as decoded: undici's fetch undoes gzip and
 * deflate as it reads). More fails with BodyTooLargeError (or, with `truncate`, returns what was
 * read); the connection is cancelled, not drained. A read that fails (the request's timeout
 * fires mid-body, the server hangs up) rejects as the stream does.
 */
export async function readBody(response: Response, limit: number, truncate = false): Promise<string> {
  if (!response.body) return "";
  return (await readBoundedBody(response.body, limit, { truncate })).toString("utf8");
}

/** The text as JSON, or null when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
