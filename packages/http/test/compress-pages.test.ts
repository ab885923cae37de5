import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandler } from "../src/serve";
import { createHexNonce } from "../src/serve/swap-render-nonce";
import { startTestFront, type TestFront } from "./support/test-front";

const renderNonce = createHexNonce();
const policy = `script-src 'self' 'nonce-${renderNonce}' 'strict-dynamic'`;
/** A cached page as Next.js holds it: rendered once, the render nonce on its scripts, long enough to compress. */
const page = `<!doctype html><html><head><script nonce="${renderNonce}" src="/_next/a.js"></script></head><body>${"<p>A listing in Westport.</p>".repeat(300)}<script nonce="${renderNonce}">self.__next_f.push([1,"x"])</script></body></html>`;

/** The page the front's app serves: streamed, whole, JSON, or a 404. */
const handle: AppHandler = async (req, res) => {
  const pathname = new URL(req.url ?? "/", "http://x").pathname;
  if (pathname === "/streamed") {
    // Streamed in parts, as a page with a Suspense boundary: headers in writeHead, a cut inside a nonce.
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": policy, "content-length": Buffer.byteLength(page) });
    const cut = page.indexOf(renderNonce) + 5;
    res.write(page.slice(0, cut));
    res.write(page.slice(cut, 2000));
    res.end(page.slice(2000));
  } else if (pathname === "/whole") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", policy);
    res.setHeader("content-length", Buffer.byteLength(page));
    res.end(page);
  } else if (pathname === "/api/items") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ text: page }));
  } else {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-security-policy": policy });
    res.end(page);
  }
};

/** The app server's front with the render nonce and page compression, trusting the given proxies. */
const startFront = (trustProxy: string) => startTestFront({ handle, trust: { TRUST_PROXY: trustProxy }, renderNonce, compressPages: true });

let direct: TestFront;
let behindProxy: TestFront;
beforeAll(async () => {
  direct = await startFront("");
  behindProxy = await startFront("loopback");
});
afterAll(async () => {
  for (const s of [direct, behindProxy]) await s.close();
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(port: number, pathname: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const nonceOf = (header: string | string[] | undefined) => /'nonce-([^']+)'/.exec(String(header ?? ""))?.[1];

describe("pages compressed by the app server", () => {
  for (const [pathname, encoding] of [
    ["/whole", "br"],
    ["/streamed", "br"],
    ["/whole", "gzip"],
    ["/streamed", "gzip"],
  ] as const) {
    it(`sends ${pathname} ${encoding}-compressed, with the response's own nonce in the policy and on every script`, async () => {
      const res = await get(direct.port, pathname, { "accept-encoding": encoding });
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers["content-length"]).toBeUndefined();
      const body = (encoding === "br" ? zlib.brotliDecompressSync(res.body) : zlib.gunzipSync(res.body)).toString();
      expect(res.body.length).toBeLessThan(body.length / 5);
      const nonce = nonceOf(res.headers["content-security-policy"]);
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
      expect(nonce).not.toBe(renderNonce);
      expect(body).toBe(page.replaceAll(renderNonce, nonce!));
    });
  }

  it("sends the page as it is to a client that accepts no compression, to a HEAD, and for an error status or a non-page type", async () => {
    const plain = await get(direct.port, "/whole");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(page.length);
    expect(plain.body.toString()).toBe(page.replaceAll(renderNonce, nonceOf(plain.headers["content-security-policy"])!));
    const head = await get(direct.port, "/whole", { "accept-encoding": "br" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    const missing = await get(direct.port, "/missing", { "accept-encoding": "br" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-encoding"]).toBeUndefined();
    const json = await get(direct.port, "/api/items", { "accept-encoding": "br" });
    expect(json.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(json.body.toString())).toEqual({ text: page });
  });

  it("leaves pages uncompressed for a proxy it trusts (the edge compresses and caches them)", async () => {
    const res = await get(behindProxy.port, "/streamed", { "accept-encoding": "gzip, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe(page.replaceAll(renderNonce, nonceOf(res.headers["content-security-policy"])!));
  });
});
