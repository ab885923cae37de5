// The feed server is someone else's: a local server answering what a hostile MLS could (real HTTP).
// How it sends its answers (too large, compressed into a bomb, trickled, with nextLinks elsewhere)
// may fail one request; it may not exhaust the worker's memory, hold it forever or reach another
// host. What it sends inside them: hostile-feed-content.test.ts.
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { failure } from "@real-estate/types/testing";
import { createResoClient, FeedRequestError } from "../src";
import { FAST_CLIENT } from "./support/feed-fixtures";
import { useHostileServer } from "./support/hostile-server";

const hostile = useHostileServer();
const { handlers, requests } = hostile;

const client = (token: string, extra: Partial<Parameters<typeof createResoClient>[0]> = {}) =>
  createResoClient({
    baseUrl: `${hostile.origin}/odata`,
    auth: { kind: "bearer", token },
    allowedHosts: [new URL(hostile.origin).host],
    ...FAST_CLIENT,
    ...extra,
  });

describe("answers too large or too slow", () => {
  it("an endless chunked body is cut at the size cap, not read until memory runs out", async () => {
    handlers.set("endless", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"value":[],"pad":"');
      const chunk = "x".repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    const started = Date.now();
    const error = await failure(client("endless", { maxBodyBytes: 1024 * 1024, timeoutMs: 20_000 }).get("Property", {}), FeedRequestError);
    expect(error.message).toContain(`more than ${1024 * 1024} bytes`);
    expect(error.transient).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a gzip bomb is capped on the decoded bytes", async () => {
    // 32 MB of JSON in about 32 KB on the wire.
    const bomb = zlib.gzipSync(`{"value":[],"pad":"${"0".repeat(32 * 1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(200_000);
    handlers.set("bomb", (_req, res) => void res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(bomb));
    const error = await failure(client("bomb", { maxBodyBytes: 1024 * 1024 }).get("Property", {}), FeedRequestError);
    expect(error.message).toContain("more than");
  });

  it("a token endpoint's answer is read up to 64 KiB", async () => {
    handlers.set(
      "/token",
      (_req, res) =>
        void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: "t0ken-value", pad: "p".repeat(1024 * 1024) })),
    );
    const c = createResoClient({
      baseUrl: `${hostile.origin}/odata`,
      auth: { kind: "client_credentials", tokenUrl: `${hostile.origin}/token`, clientId: "id", clientSecret: "secret-value" },
      allowedHosts: [new URL(hostile.origin).host],
      ...FAST_CLIENT,
    });
    const error = await failure(c.get("Property", {}), FeedRequestError);
    expect(error.message).toContain(`more than ${64 * 1024} bytes`);
    expect(requests.filter((r) => r.startsWith("/odata"))).toHaveLength(0);
  });

  it("a server trickling its body is cut off by the request's timeout, as a failure to retry", async () => {
    handlers.set("trickle", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"value":[');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 100);
      res.on("close", () => clearInterval(timer));
    });
    const started = Date.now();
    const error = await failure(client("trickle", { timeoutMs: 800, maxAttempts: 2 }).get("Property", {}), FeedRequestError);
    expect(error.message).toContain("timed out after 800 ms");
    expect(error.transient).toBe(true);
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("URLs the server returns", () => {
  it("a nextLink to another host, a private address or another scheme is not followed", async () => {
    const c = client("any");
    for (const link of [
      "https://evil.example/odata/Property?page=2",
      "http://169.254.169.254/latest/meta-data",
      "file:///etc/passwd",
      "http://127.0.0.1:1/odata",
    ]) {
      const error = await failure(
        Promise.resolve().then(() => c.getNextLink(link)),
        FeedRequestError,
      );
      expect(error.message).toContain("another origin");
    }
    expect(requests).toHaveLength(0);
  });
});
