import crypto from "node:crypto";
import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** Bodies that carry script nonces: pages and Next.js's RSC payloads. */
const SWAPPED_TYPES = /^\s*(text\/html|text\/x-component)\b/i;

/** A nonce for this process's renders, or for one response: 128 random bits as 32 hex digits. */
export function createHexNonce(): string {
  return crypto.randomBytes(16).toString("hex");
}

function swapHeaderValue(value: OutgoingHttpHeader | number | readonly string[], from: string, to: string): OutgoingHttpHeader | number {
  if (typeof value === "string") return value.replaceAll(from, to);
  if (typeof value === "number") return value;
  return value.map((v) => v.replaceAll(from, to));
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/** Replaces every whole occurrence of `from` in `buf` with `to` (same length) in place. */
function replaceAllInPlace(buf: Buffer, from: Buffer, to: Buffer): void {
  for (let at = buf.indexOf(from); at !== -1; at = buf.indexOf(from, at + from.length)) to.copy(buf, at);
}

/**
 * Gives one response a nonce of its own: every occurrence of the process's render nonce (the
 * nonce the website's cached pages were rendered with, see pageSecurityHeaders) is replaced by a
 * fresh nonce of the same length, in the response's headers (the Content-Security-Policy) and
 * in the bodies of pages and RSC payloads whose policy names it, so the render nonce never leaves the server and a nonce is never shared
 * between two responses of this server. The body keeps its length (Content-Length stays right);
 * a body whose bytes differ per response loses its ETag, so a browser never revalidates a page
 * against a policy whose nonce it no longer carries. Compressed bodies are left alone: the
 * website is served uncompressed by Next.js (`compress: false`), compression belongs in front.
 */
export function swapRenderNonce(res: ServerResponse, renderNonce: string): void {
  const fresh = createHexNonce();
  const from = Buffer.from(renderNonce);
  const to = Buffer.from(fresh);
  let swapBody: boolean | null = null;
  // Only bodies whose policy names the nonce: the website's pages. The CRM's and studio's pages,
  // with a fresh nonce of their own, stream through untouched.
  const decide = (declared: { type?: unknown; policy?: unknown } = {}): boolean => {
    if (swapBody !== null) return swapBody;
    const type = declared.type ?? res.getHeader("content-type");
    const policy = declared.policy ?? res.getHeader("content-security-policy");
    swapBody = SWAPPED_TYPES.test(String(type ?? "")) && String(policy ?? "").includes(fresh) && !res.getHeader("content-encoding");
    return swapBody;
  };

  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => setHeader(name, swapHeaderValue(value, renderNonce, fresh));

  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((a, i) => i > 0 && a && typeof a === "object") as OutgoingHttpHeaders | undefined;
    const declared: { type?: unknown; policy?: unknown } = {};
    if (headers && !Array.isArray(headers)) {
      for (const key of Object.keys(headers)) {
        const value = headers[key];
        if (value !== undefined) headers[key] = swapHeaderValue(value, renderNonce, fresh);
        if (key.toLowerCase() === "content-type") declared.type = headers[key];
        if (key.toLowerCase() === "content-security-policy") declared.policy = headers[key];
      }
    }
    if (decide(declared)) {
      res.removeHeader("etag");
      if (headers && !Array.isArray(headers)) for (const key of Object.keys(headers)) if (key.toLowerCase() === "etag") delete headers[key];
    }
    return writeHead(...args);
  }) as typeof res.writeHead;

  // A render nonce split across two chunks: the last bytes of each chunk wait for the next one.
  let carry = Buffer.alloc(0);
  const hold = from.length - 1;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (!decide()) return write(chunk, encoding, callback);
    const cb = typeof encoding === "function" ? encoding : callback;
    const buf = Buffer.concat([carry, toBuffer(chunk, typeof encoding === "function" ? undefined : encoding)]);
    replaceAllInPlace(buf, from, to);
    const keep = Math.min(hold, buf.length);
    carry = Buffer.from(buf.subarray(buf.length - keep));
    return write(buf.subarray(0, buf.length - keep), cb);
  }) as typeof res.write;

  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (typeof chunk === "function") return end(...(carry.length && decide() ? [carry, chunk] : [chunk]));
    if (!decide()) return end(chunk, encoding, callback);
    const cb = typeof encoding === "function" ? encoding : callback;
    const tail = chunk === undefined || chunk === null ? Buffer.alloc(0) : toBuffer(chunk, typeof encoding === "function" ? undefined : encoding);
    const buf = Buffer.concat([carry, tail]);
    carry = Buffer.alloc(0);
    replaceAllInPlace(buf, from, to);
    return cb ? end(buf, cb) : end(buf);
  }) as typeof res.end;
}
