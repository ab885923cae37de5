import http from "node:http";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticCompressor, pickEncoding, type AppHandler } from "../src/serve";
import { startTestFront, type TestFront } from "./support/test-front";

/** A script as a build emits it: large and repetitive enough to compress well. */
const SCRIPT = Buffer.from(Array.from({ length: 400 }, (_, i) => `function f${i}(a,b){return a+b*${i}}`).join(";\n"));
const SMALL = Buffer.from("console.log(1)");
let front: TestFront;
let port: number;
/** The paths the app behind the front was asked for. */
const served: string[] = [];

beforeAll(async () => {
  // As Next.js serves a build asset: headers one by one, then the file streamed in chunks.
  const handle: AppHandler = async (req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    served.push(pathname);
    if (pathname === "/_next/static/chunks/app.js") {
      res.statusCode = 200;
      res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      res.setHeader("Content-Type", "application/javascript; charset=UTF-8");
      res.setHeader("ETag", '"abc"');
      res.setHeader("Content-Length", SCRIPT.length);
      Readable.from([SCRIPT.subarray(0, 1000), SCRIPT.subarray(1000)]).pipe(res);
    } else if (pathname === "/_next/static/chunks/small.js") {
      res.writeHead(200, { "content-type": "application/javascript", "content-length": SMALL.length });
      res.end(SMALL);
    } else if (pathname === "/homes") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(SCRIPT);
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found ".repeat(200));
    }
  };
  front = await startTestFront({ handle, compressStatic: createStaticCompressor() });
  port = front.port;
});
afterAll(() => front.close());

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("build assets compressed by the app server", () => {
  it("sends Brotli to a client that accepts it, keeps the copy, and answers the next request from it", async () => {
    served.length = 0;
    const first = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br" });
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("br");
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(first.headers.etag).toBeUndefined();
    expect(Number(first.headers["content-length"])).toBe(first.body.length);
    expect(first.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(zlib.brotliDecompressSync(first.body).equals(SCRIPT)).toBe(true);

    const second = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" });
    // A query (a different one each time, say) is the same asset: no second copy, no second compression.
    const queried = await get("/_next/static/chunks/app.js?v=1", { "accept-encoding": "br" });
    expect(served).toEqual(["/_next/static/chunks/app.js"]);
    expect(queried.body.equals(first.body)).toBe(true);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(second.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    // Each response keeps its own request id: the cached copy holds only the app's headers.
    expect(second.headers["x-request-id"]).toBeTruthy();
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
  });

  it("sends gzip to a client that accepts only gzip", async () => {
    const res = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(res.body).equals(SCRIPT)).toBe(true);
  });

  it("sends the asset as it is to a client that accepts no compression, or refuses it", async () => {
    const clients: Record<string, string>[] = [{}, { "accept-encoding": "identity" }, { "accept-encoding": "br;q=0, gzip;q=0" }];
    for (const headers of clients) {
      const res = await get("/_next/static/chunks/app.js", headers);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers.etag).toBe('"abc"');
      expect(res.body.equals(SCRIPT)).toBe(true);
    }
  });

  it("leaves range and conditional requests, small assets, errors and pages to the app as they are", async () => {
    served.length = 0;
    const range = await get("/_next/static/chunks/app.js", { "accept-encoding": "br", range: "bytes=0-9" });
    expect(range.headers["content-encoding"]).toBeUndefined();
    const conditional = await get("/_next/static/chunks/app.js", { "accept-encoding": "br", "if-none-match": '"abc"' });
    expect(conditional.headers["content-encoding"]).toBeUndefined();
    const small = await get("/_next/static/chunks/small.js", { "accept-encoding": "br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.equals(SMALL)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const missing = await get("/_next/static/chunks/missing.js", { "accept-encoding": "br" });
      expect(missing.status).toBe(404);
      expect(missing.headers["content-encoding"]).toBeUndefined();
      expect(missing.body.toString()).toBe("not found ".repeat(200));
    }
    const page = await get("/homes", { "accept-encoding": "br" });
    expect(page.headers["content-encoding"]).toBeUndefined();
    expect(page.body.equals(SCRIPT)).toBe(true);
    // A 404 is never kept: the app was asked both times.
    expect(served.filter((p) => p === "/_next/static/chunks/missing.js")).toHaveLength(2);
  });

  it("picks Brotli, else gzip, by the client's Accept-Encoding", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("*, br;q=0")).toBe("gzip");
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});
