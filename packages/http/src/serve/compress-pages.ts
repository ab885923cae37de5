import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { pickEncoding, toBuffer } from "./compress-static";

/** Bodies compressed on their way out: pages and Next.js's RSC payloads. */
const PAGE_TYPES = /^\s*(text\/html|text\/x-component)\b/i;

/**
 * Compresses a page (or an RSC payload) on its way out, Brotli or gzip as the client accepts,
 * as a stream flushed at every write, so a streamed page still reaches the browser part by
 * part. Installed beneath the nonce swap (swapRenderNonce), which works on the uncompressed
 * bytes: each response is compressed after it got its own nonce. Only a 200 with a page type
 * and no encoding of its own; a HEAD, or a client that accepts no compression, is left alone.
 * The caller leaves alone a response that goes to a proxy it trusts: the edge compresses, and
 * caches one copy of each page for every client (decision 0030).
 */
export function compressPage(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET") return;
  const encoding = pickEncoding(req.headers["accept-encoding"]);
  if (!encoding) return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (callback?: () => void) => ServerResponse;
  /** undefined: not decided yet; null: sent as it is. */
  let stream: zlib.BrotliCompress | zlib.Gzip | null | undefined;

  const decide = (declaredType?: unknown): zlib.BrotliCompress | zlib.Gzip | null => {
    if (stream !== undefined) return stream;
    const type = declaredType ?? res.getHeader("content-type");
    if (res.statusCode !== 200 || !PAGE_TYPES.test(String(type ?? "")) || res.getHeader("content-encoding")) return (stream = null);
    res.removeHeader("content-length");
    const vary = String(res.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.setHeader("content-encoding", encoding);
    stream = encoding === "br" ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : zlib.createGzip({ level: 6 });
    stream.on("data", (chunk: Buffer) => write(chunk));
    return stream;
  };

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((a) => a && typeof a === "object" && !Array.isArray(a)) as OutgoingHttpHeaders | undefined;
    const typeKey = headers && Object.keys(headers).find((k) => k.toLowerCase() === "content-type");
    if (decide(typeKey ? headers[typeKey] : undefined) && headers) {
      for (const key of Object.keys(headers)) if (key.toLowerCase() === "content-length") delete headers[key];
    }
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;

  res.write = ((chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const z = decide();
    if (!z) return write(...[chunk, encodingOrCallback, callback].filter((a) => a !== undefined));
    const done = [encodingOrCallback, callback].find((a) => typeof a === "function") as (() => void) | undefined;
    z.write(toBuffer(chunk, encodingOrCallback));
    z.flush(() => done?.());
    return true;
  }) as typeof res.write;

  res.end = ((chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const z = decide();
    const done = [chunk, encodingOrCallback, callback].find((a) => typeof a === "function") as (() => void) | undefined;
    if (!z) return (end as (...args: unknown[]) => ServerResponse)(...[chunk, encodingOrCallback, callback].filter((a) => a !== undefined));
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") z.write(toBuffer(chunk, encodingOrCallback));
    z.once("end", () => end(done));
    z.end();
    return res;
  }) as typeof res.end;
}
