import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";

/** The apps' build assets: content-hashed file names, served by Next.js as immutable. */
const STATIC_PREFIX = "/_next/static/";
const COMPRESSIBLE = /^\s*(text\/(css|javascript|plain)|application\/(javascript|json)|image\/svg\+xml)\b/i;
/** Under this, compression saves less than it costs. */
const MIN_BYTES = 1024;
/** Most the compressed copies of one process may hold: every app's build assets fit many times over. */
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type ContentEncoding = "br" | "gzip";

/** The encoding to send for an Accept-Encoding header: Brotli, else gzip, each only when accepted (q > 0). */
export function pickEncoding(acceptEncoding: string | string[] | undefined): ContentEncoding | null {
  const accepted = new Map<string, number>();
  for (const part of String(acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(quality) ? quality : 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

type Entry = { headers: OutgoingHttpHeaders; body: Buffer };

export type StaticCompressor = {
  /**
   * For a GET of a build asset by a client that accepts compression: answers from the cache of
   * compressed copies ("served"), or sets the response up so the app's answer is compressed
   * and kept on its way out ("compressing"); "skip" for every other request.
   */
  (req: IncomingMessage, res: ServerResponse, pathname: string): "served" | "compressing" | "skip";
};

/**
 * Build assets (`/_next/static/…`: the pages' scripts and stylesheets) sent compressed, Brotli
 * or gzip as the client accepts. Next.js's own compression is off (`compress: false`, the
 * website's pages get a fresh nonce in their body on the way out, decision 0030); without a
 * compressing proxy in front (`npm start`), a phone downloaded every script at full size: about
 * 470 KB instead of 150 KB on each first visit. The assets never change under a name, so each is
 * compressed once per encoding and kept (up to `maxCacheBytes`, oldest dropped first). Only a
 * complete 200 of a compressible type is compressed; a range or conditional request goes to the
 * app untouched. The compressed copy carries no ETag (it would name the uncompressed bytes).
 */
export function createStaticCompressor(options: { maxCacheBytes?: number } = {}): StaticCompressor {
  const maxBytes = options.maxCacheBytes ?? DEFAULT_CACHE_BYTES;
  const cache = new Map<string, Entry>();
  let cachedBytes = 0;
  const keep = (key: string, entry: Entry) => {
    if (entry.body.length > maxBytes) return;
    cache.set(key, entry);
    cachedBytes += entry.body.length;
    for (const [oldKey, old] of cache) {
      if (cachedBytes <= maxBytes) break;
      cache.delete(oldKey);
      cachedBytes -= old.body.length;
    }
  };
  return (req, res, pathname) => {
    if (req.method !== "GET" || !pathname.startsWith(STATIC_PREFIX)) return "skip";
    if (req.headers.range || req.headers["if-none-match"] || req.headers["if-modified-since"]) return "skip";
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    if (!encoding) return "skip";
    // By path: a build asset's bytes are named by its path, so a query (one per request, say)
    // neither makes a second copy nor costs a second compression.
    const key = `${encoding} ${pathname}`;
    const hit = cache.get(key);
    if (hit) {
      for (const [name, value] of Object.entries(hit.headers)) if (value !== undefined) res.setHeader(name, value);
      res.writeHead(200);
      res.end(hit.body);
      return "served";
    }
    captureAndCompress(res, encoding, (entry) => keep(key, entry));
    return "compressing";
  };
}

/** Holds the app's answer, then sends it compressed (and hands the compressed copy to `keep`) when it qualifies, else as it was. */
function captureAndCompress(res: ServerResponse, encoding: ContentEncoding, keep: (entry: Entry) => void): void {
  const chunks: Buffer[] = [];
  /** The headers the app set: what a cached copy repeats (not the request id or the front's headers). */
  const appHeaders = new Set<string>();
  const setHeader = res.setHeader.bind(res);
  const writeHead = res.writeHead.bind(res) as (status: number) => ServerResponse;
  const end = res.end.bind(res) as (body?: Buffer) => ServerResponse;
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    appHeaders.add(name.toLowerCase());
    return setHeader(name, value);
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((a) => a && typeof a === "object") as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    chunks.push(toBuffer(chunk, encodingOrCallback));
    const done = [encodingOrCallback, callback].find((a) => typeof a === "function") as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, encodingOrCallback));
    const done = [chunk, encodingOrCallback, callback].find((a) => typeof a === "function") as (() => void) | undefined;
    if (done) res.once("finish", done);
    void finish();
    return res;
  }) as typeof res.end;

  const finish = async () => {
    const body = Buffer.concat(chunks);
    const qualifies =
      res.statusCode === 200 &&
      COMPRESSIBLE.test(String(res.getHeader("content-type") ?? "")) &&
      !res.getHeader("content-encoding") &&
      body.length >= MIN_BYTES;
    if (!qualifies) {
      writeHead(res.statusCode);
      end(body);
      return;
    }
    let compressed: Buffer;
    try {
      compressed =
        encoding === "br"
          ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : await gzip(body, { level: 9 });
    } catch {
      writeHead(res.statusCode);
      end(body);
      return;
    }
    res.removeHeader("etag");
    appHeaders.delete("etag");
    const vary = String(res.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.setHeader("content-encoding", encoding);
    res.setHeader("content-length", compressed.length);
    const headers: OutgoingHttpHeaders = {};
    for (const name of appHeaders) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = value;
    }
    keep({ headers, body: compressed });
    writeHead(200);
    end(compressed);
  };
}

/** A chunk handed to `res.write`/`res.end` as bytes. */
export function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}
