import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nginxAvailable } from "../src";
import { startStandInEdge, type StandInEdge } from "./support/stand-in-edge";

// The website's pages leave the app uncompressed (each response's script nonce is written into
// the body by the app server, decision 0030): the edge compresses them, and what it caches.
const WEB_PORT = 4663;
const page = `<!doctype html><html><body>${"<p>A listing in Westport.</p>".repeat(200)}</body></html>`;

let edge: StandInEdge | undefined;

describe.skipIf(!nginxAvailable() && !process.env.CI)("compression at the edge (nginx)", () => {
  beforeAll(async () => {
    edge = await startStandInEdge({
      label: "compression",
      webPort: WEB_PORT,
      handle: (req, res) => {
        const api = req.url?.startsWith("/api/");
        res.writeHead(200, {
          "content-type": api ? "application/json" : "text/html; charset=utf-8",
          "cache-control": api ? "no-store" : "public, s-maxage=60",
        });
        res.end(api ? JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i, town: "Westport" })) }) : page);
      },
    });
  });

  afterAll(async () => {
    await edge?.stop();
  });

  /** The raw answer (no automatic decoding, unlike fetch). */
  const get = (pathname: string, acceptEncoding?: string) =>
    new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
      const headers: Record<string, string> = { host: "edge.localhost" };
      if (acceptEncoding) headers["accept-encoding"] = acceptEncoding;
      http
        .get({ host: "127.0.0.1", port: WEB_PORT, path: pathname, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], vary: String(res.headers.vary ?? ""), body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });

  it("gzips pages and JSON for clients that accept it, from the cache too, and sends them plain otherwise", async () => {
    for (let round = 0; round < 2; round++) {
      const zipped = await get("/towns/westport", "gzip, br");
      expect(zipped.encoding).toBe("gzip");
      expect(zipped.vary).toMatch(/accept-encoding/i);
      expect(zipped.body.length).toBeLessThan(page.length / 5);
      expect(zlib.gunzipSync(zipped.body).toString()).toBe(page);
    }
    const plain = await get("/towns/westport");
    expect([plain.encoding, plain.body.toString()]).toEqual([undefined, page]);
    const api = await get("/api/user/saved-searches", "gzip");
    expect(api.encoding).toBe("gzip");
    expect(JSON.parse(zlib.gunzipSync(api.body).toString()).items).toHaveLength(200);
  });
});
