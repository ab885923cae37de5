// The direct lane (decision 0114): route handlers the proxy does not run for are answered by
// calling the compiled handler, without Next.js's router; everything else reaches the app
// (here a stand-in for Next.js that says so in `x-answered-by`). The build is a small fixture
// with the CRM's proxy matchers (support/direct-build.ts).
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../src/client-address/client-address";
import { createDirectLane, createMemoryLogger, type DirectLane } from "../src/serve";
import { writeDirectBuild } from "./support/direct-build";
import { startTestFront, type TestFront } from "./support/test-front";

let front: TestFront;
const laneLogger = createMemoryLogger({ service: "test" });
const KEY = { authorization: "Bearer fixture-key" };

beforeAll(async () => {
  const dir = writeDirectBuild();
  let lane: DirectLane | null = null;
  front = await startTestFront({
    dir,
    handle: async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-answered-by": "next" });
      res.end(JSON.stringify({ handler: "next" }));
    },
    direct: { take: (...args) => lane?.take(...args) ?? false },
  });
  lane = createDirectLane({ dir, port: front.port, logger: laneLogger });
});
afterAll(() => front.close());

type Answer = { status: number; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: string };

function request(target: string, options: { method?: string; headers?: Record<string, string>; body?: string[] } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: front.port, path: target, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }));
    });
    req.on("error", reject);
    for (const part of options.body ?? []) req.write(part);
    req.end();
  });
}

const lastAccessLine = () => front.logs.filter((e) => e.msg === "request").at(-1);

describe("the direct lane", () => {
  it("answers an API-key call itself, with the dynamic segment decoded and the URL and headers the handler sees under Next.js", async () => {
    const r = await request("/api/echo/ab%20c?x=1", { headers: { ...KEY, host: "crm.example.test" } });
    expect(r.status).toBe(200);
    expect(r.headers["x-answered-by"]).toBeUndefined();
    const seen = JSON.parse(r.body) as { handler: string; params: unknown; url: string; headers: Record<string, string> };
    expect(seen.handler).toBe("direct-fixture");
    expect(seen.params).toEqual({ id: "ab c" });
    expect(seen.url).toBe(`http://localhost:${front.port}/api/echo/ab%20c?x=1`);
    expect(seen.headers).toMatchObject({
      host: "crm.example.test",
      "x-forwarded-host": "crm.example.test",
      "x-forwarded-proto": "http",
      "x-forwarded-port": String(front.port),
    });
    expect(lastAccessLine()).toMatchObject({ route: "/api/echo/[id]", status: 200, lane: "direct" });
    // The front's own headers are on it as on any answer.
    expect(r.headers["x-request-id"]).toBeTruthy();
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    // And the Vary Next.js's router sets on an app route's answer, then its compression's.
    expect(r.headers.vary).toBe("rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding");
  });

  it("compresses a body over 1 KB for a client that accepts gzip, as Next.js's router does (compress is on)", async () => {
    const answer = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      http
        .get(
          { host: "127.0.0.1", port: front.port, path: "/api/echo/big", headers: { ...KEY, "accept-encoding": "gzip", "x-padding": "p".repeat(2000) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
          },
        )
        .on("error", reject);
    });
    expect(answer.encoding).toBe("gzip");
    expect(JSON.parse(gunzipSync(answer.body).toString())).toMatchObject({ handler: "direct-fixture", params: { id: "big" } });
    expect(lastAccessLine()).toMatchObject({ route: "/api/echo/[id]", lane: "direct" });
  });

  it("leaves to Next.js what the proxy runs for: a call without Authorization, `/api/auth/…`, pages; and a trailing slash, a prerendered route", async () => {
    for (const [target, headers] of [
      ["/api/echo/abc", {}],
      ["/api/auth/sign-in", KEY],
      ["/dashboard", KEY],
      ["/api/echo/abc/", KEY],
      ["/api/prerendered", KEY],
      ["/api//echo/abc", KEY],
    ] as const) {
      const r = await request(target, { headers });
      expect([target, r.headers["x-answered-by"]]).toEqual([target, "next"]);
      expect(lastAccessLine()?.lane).toBeUndefined();
    }
    // An empty Authorization is absent to Next.js's matcher: the proxy runs.
    expect((await request("/api/echo/abc", { headers: { authorization: "" } })).headers["x-answered-by"]).toBe("next");
    // The same route with a key is the lane's.
    expect((await request("/api/echo/abc", { headers: KEY })).headers["x-answered-by"]).toBeUndefined();
  });

  it("gives a catch-all its segments, each decoded", async () => {
    const r = await request("/api/files/a/b%2Fc/d%C3%A9", { headers: KEY });
    expect(JSON.parse(r.body)).toMatchObject({ handler: "direct-fixture", params: { path: ["a", "b/c", "dé"] } });
    expect(lastAccessLine()).toMatchObject({ route: "/api/files/[...path]", lane: "direct" });
  });

  it("serves HEAD with GET (no body), answers OPTIONS with Allow and a method the route lacks with an empty 405, as Next.js does", async () => {
    const head = await request("/api/only-get", { method: "HEAD", headers: KEY });
    expect([head.status, head.headers["x-from"], head.body]).toEqual([200, "get", ""]);
    const options = await request("/api/only-get", { method: "OPTIONS", headers: KEY });
    expect([options.status, options.headers.allow, options.body]).toEqual([204, "GET, HEAD, OPTIONS", ""]);
    const del = await request("/api/only-get", { method: "DELETE", headers: KEY });
    expect([del.status, del.body]).toEqual([405, ""]);
    expect(lastAccessLine()).toMatchObject({ status: 405, lane: "direct" });
  });

  it("sends each Set-Cookie apart", async () => {
    const r = await request("/api/cookies", { headers: KEY });
    expect(r.headers["set-cookie"]).toEqual(["a=1; Path=/; HttpOnly", "b=2, c; Path=/"]);
    expect(lastAccessLine()?.lane).toBe("direct");
  });

  it("streams the request body to the handler (its first part before the client sent the rest)", async () => {
    let firstPartSeen!: () => void;
    const seen = new Promise<void>((resolve) => (firstPartSeen = resolve));
    (globalThis as { directUploadFirstPart?: () => void }).directUploadFirstPart = firstPartSeen;
    const answer = new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: front.port, path: "/api/upload", method: "POST", headers: { ...KEY, "content-type": "text/plain" } },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }));
        },
      );
      req.on("error", reject);
      req.write("x".repeat(1000));
      // The rest only once the handler has read the first part.
      void seen.then(() => req.end("y".repeat(500)));
    });
    const r = await answer;
    expect(JSON.parse(r.body)).toMatchObject({ bytes: 1500 });
    expect(lastAccessLine()).toMatchObject({ route: "/api/upload", lane: "direct" });
  });

  it("streams a streamed response: its first part reaches the client before the handler writes the second", async () => {
    const parts: string[] = [];
    const r = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: front.port, path: "/api/stream", headers: KEY }, (res) => {
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            parts.push(c);
            if (parts.length === 1) (globalThis as { releaseDirectStream?: () => void }).releaseDirectStream?.();
          });
          res.on("end", () => resolve(parts.join("")));
        })
        .on("error", reject);
    });
    expect(r).toBe("first part\nsecond part\n");
    expect(parts[0]).toBe("first part\n");
    expect(lastAccessLine()?.lane).toBe("direct");
  });

  it("answers a handler that throws with an empty 500, as Next.js does, and logs it", async () => {
    const r = await request("/api/fail", { headers: KEY });
    expect([r.status, r.body]).toEqual([500, ""]);
    expect(laneLogger.entries.filter((e) => e.msg === "route handler failed").at(-1)).toMatchObject({
      route: "/api/fail",
      error: "Error: fixture handler failed",
    });
    expect(lastAccessLine()).toMatchObject({ status: 500, lane: "direct" });
  });

  it("strips the internal headers a client sends (Next.js's and the client address) before the handler sees them", async () => {
    const r = await request("/api/echo/x", {
      headers: { ...KEY, "x-middleware-rewrite": "/evil", "x-matched-path": "/evil", "x-middleware-set-cookie": "s=1", [CLIENT_ADDRESS_HEADER]: "203.0.113.9" },
    });
    const seen = JSON.parse(r.body) as { handler: string; headers: Record<string, string> };
    expect(seen.handler).toBe("direct-fixture");
    expect(Object.keys(seen.headers).filter((h) => h.startsWith("x-middleware") || h === "x-matched-path")).toEqual([]);
    expect(seen.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("turns itself off for a module that cannot be loaded, with one warning line; Next.js answers", async () => {
    for (let i = 0; i < 2; i++) expect((await request("/api/broken", { headers: KEY })).headers["x-answered-by"]).toBe("next");
    const warnings = laneLogger.entries.filter((e) => e.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ route: "/api/broken", reason: "Error: fixture module cannot be loaded" });
  });

  it("is off, with one warning line, for a build whose manifests it does not understand", () => {
    const logger = createMemoryLogger({ service: "test" });
    expect(createDirectLane({ dir: writeDirectBuild({ functionsConfig: false }), port: 1, logger })).toBeNull();
    expect(logger.entries.map((e) => e.level)).toEqual(["warn"]);
  });
});
