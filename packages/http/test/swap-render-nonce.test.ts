import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHexNonce, swapRenderNonce } from "../src/serve/swap-render-nonce";

const renderNonce = createHexNonce();
const policy = `script-src 'self' 'nonce-${renderNonce}' 'strict-dynamic'`;
/** A cached page as Next.js would hold it: rendered once, with the render nonce on its scripts. */
const page = `<!doctype html><html><head><script nonce="${renderNonce}" src="/_next/a.js"></script></head><body><script nonce="${renderNonce}">self.__next_f.push([1,"x"])</script></body></html>`;

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    swapRenderNonce(res, renderNonce);
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/streamed") {
      // Split inside a nonce, byte by byte at the edges, with writeHead's header object.
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": policy, etag: '"abc"' });
      const cut = page.indexOf(renderNonce) + 5;
      res.write(page.slice(0, cut));
      res.write(Buffer.from(page.slice(cut, cut + 1)));
      res.write(new Uint8Array(Buffer.from(page.slice(cut + 1, cut + 40))));
      res.end(page.slice(cut + 40));
      return;
    }
    if (url.pathname === "/whole") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", policy);
      res.setHeader("content-length", Buffer.byteLength(page));
      res.setHeader("etag", '"abc"');
      res.end(page);
      return;
    }
    if (url.pathname === "/other-policy") {
      // A page with a nonce of its own (the CRM's and studio's): streamed through untouched.
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", "script-src 'nonce-own' 'strict-dynamic'");
      res.setHeader("etag", '"p"');
      res.write(page.slice(0, 10));
      res.end(page.slice(10));
      return;
    }
    // Not a page: left as it is (an image or JSON naming the same bytes is not touched).
    res.setHeader("content-type", "application/json");
    res.setHeader("etag", '"j"');
    res.end(JSON.stringify({ text: renderNonce }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

function nonceOf(policyHeader: string | null): string | undefined {
  return /'nonce-([^']+)'/.exec(policyHeader ?? "")?.[1];
}

describe("swapRenderNonce", () => {
  for (const path of ["/whole", "/streamed"]) {
    it(`gives every response of a cached page (${path}) a fresh nonce in its policy and on every script`, async () => {
      const first = await get(path);
      const second = await get(path);
      for (const res of [first, second]) {
        const nonce = nonceOf(res.headers.get("content-security-policy"));
        expect(nonce).toMatch(/^[0-9a-f]{32}$/);
        expect(nonce).not.toBe(renderNonce);
        expect(res.body).not.toContain(renderNonce);
        const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts).toHaveLength(2);
        for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
        // Same length as the page: Content-Length stays right.
        expect(res.body.length).toBe(page.length);
        // A body that differs per response cannot be revalidated by ETag.
        expect(res.headers.get("etag")).toBeNull();
      }
      expect(nonceOf(first.headers.get("content-security-policy"))).not.toBe(nonceOf(second.headers.get("content-security-policy")));
    });
  }

  it("leaves pages whose policy does not name the render nonce alone", async () => {
    const res = await get("/other-policy");
    expect(res.body).toBe(page);
    expect(res.headers.get("etag")).toBe('"p"');
  });

  it("leaves other bodies and their ETag alone", async () => {
    const res = await get("/json");
    expect(JSON.parse(res.body)).toEqual({ text: renderNonce });
    expect(res.headers.get("etag")).toBe('"j"');
  });
});
