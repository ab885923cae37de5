import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { currentRequestId } from "@real-estate/types/request-context";
import { REQUEST_ID_HEADER, requestIdOf } from "../src/index";
import {
  createHealthResponder,
  createJsonLogger,
  createMemoryLogger,
  createRequestFront,
  parseTrustSettings,
  resolveRequestId,
  type AppHandler,
} from "../src/serve";
import { createHttpMetrics, createMetricsRegistry, loadRouteMatcher } from "../src/metrics";
import { CLIENT_ADDRESS_HEADER } from "../src/client-address/client-address";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A build manifest as Next.js writes it, so access log lines carry real route templates. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "request-id-"));
  fs.mkdirSync(path.join(dir, ".next"));
  const manifest = {
    staticRoutes: [{ page: "/api/lead", regex: "^/api/lead(?:/)?$" }],
    dynamicRoutes: [{ page: "/homes/[listingKey]", regex: "^/homes/([^/]+?)(?:/)?$" }],
  };
  fs.writeFileSync(path.join(dir, ".next", "routes-manifest.json"), JSON.stringify(manifest));
  return dir;
}

const servers: http.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The app server's front on a real socket, in front of an app that answers with what it was given. */
async function startFront(env: { TRUST_PROXY?: string }) {
  const logger = createMemoryLogger({ service: "test" });
  const routes = loadRouteMatcher({ dir: fakeBuild(), extraRoutes: ["/healthz"] });
  const registry = createMetricsRegistry();
  const handle: AppHandler = async (req, res) => {
    if (req.url?.startsWith("/api/lead") && req.method === "DELETE") throw new Error("the app failed");
    // A slow page: its client may leave before the answer is written.
    if (req.url === "/homes/slow") await new Promise((resolve) => setTimeout(resolve, 300));
    // Code below the route reads the id from the context, across awaits (the queue stamps jobs with it).
    await new Promise((resolve) => setTimeout(resolve, 5));
    const inContext = currentRequestId();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        requestId: req.headers[REQUEST_ID_HEADER],
        seenByRoute: requestIdOf(new Headers({ [REQUEST_ID_HEADER]: String(req.headers[REQUEST_ID_HEADER]) })),
        inContext,
      }),
    );
  };
  const front = createRequestFront({
    trust: parseTrustSettings(env),
    routes,
    metrics: createHttpMetrics({ registry, routes: routes.templates }),
    health: createHealthResponder({ log: () => {} }),
    logger,
    handle,
    maxBytes: 1024,
  });
  const server = http.createServer(front);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (pathname: string, headers: Record<string, string> = {}, method = "GET", body?: string) => {
    const res = await fetch(base + pathname, { method, headers, body });
    const text = await res.text();
    return { status: res.status, id: res.headers.get(REQUEST_ID_HEADER), body: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
  };
  // The access line is written when the response finishes, which can come after the client has read it.
  const entryFor = async (requestId: string | null, msg = "request") => {
    for (let i = 0; i < 50; i++) {
      const entry = logger.entries.find((e) => e.requestId === requestId && e.msg === msg);
      if (entry) return entry;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no "${msg}" log entry for ${requestId}`);
  };
  return { get, logger, entryFor, port: (server.address() as AddressInfo).port };
}

describe("request ids and access logs (real HTTP server)", () => {
  it("without trusted proxies: a new id per request, echoed, seen by the app, and one JSON log line by route template", async () => {
    const { get, logger, entryFor } = await startFront({});
    const one = await get("/homes/CT12345?email=ann%40example.com", { [REQUEST_ID_HEADER]: "client-chosen-id-0001" });
    expect(one.status).toBe(200);
    expect(one.id).toMatch(UUID);
    expect(one.body).toEqual({ requestId: one.id, seenByRoute: one.id, inContext: one.id });
    expect(currentRequestId()).toBeNull();
    const two = await get("/homes/CT12345");
    expect(two.id).toMatch(UUID);
    expect(two.id).not.toBe(one.id);

    const entry = await entryFor(one.id);
    expect(entry).toMatchObject({ level: "info", service: "test", method: "GET", route: "/homes/[listingKey]", status: 200 });
    expect(typeof entry.durationMs).toBe("number");
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
    // Never the raw path or query: listing keys, e-mail addresses or tokens stay out of the log.
    const text = JSON.stringify(logger.entries);
    expect(text).not.toContain("CT12345");
    expect(text).not.toContain("example.com");
    expect(text).not.toContain("client-chosen");

    const health = await get("/healthz");
    expect(health.id).toMatch(UUID);
    expect(await entryFor(health.id)).toMatchObject({ route: "/healthz", status: 200 });
  });

  it("behind a trusted proxy: the proxy's well-formed id is kept; a malformed one is replaced", async () => {
    const { get, entryFor } = await startFront({ TRUST_PROXY: "loopback" });
    const fromProxy = await get("/api/lead", { [REQUEST_ID_HEADER]: "edge-7f3a9c:0001" });
    expect([fromProxy.id, fromProxy.body.requestId, fromProxy.body.inContext]).toEqual(["edge-7f3a9c:0001", "edge-7f3a9c:0001", "edge-7f3a9c:0001"]);
    expect(await entryFor("edge-7f3a9c:0001")).toMatchObject({ route: "/api/lead", status: 200 });
    for (const bad of ["short", "has space in it", "x".repeat(129), '"quoted-value"', "line\\nbreak-forged"]) {
      const res = await get("/api/lead", { [REQUEST_ID_HEADER]: bad });
      expect(res.id, bad).toMatch(UUID);
    }
  });

  it("a client that leaves before the app answers: one access line, status 499 at info level, after the app is done too", async () => {
    const { logger, port } = await startFront({});
    const from = logger.entries.length;
    await new Promise<void>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/homes/slow" });
      req.on("error", () => resolve());
      req.end();
      setTimeout(() => req.destroy(), 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const lines = logger.entries.slice(from).filter((e) => e.msg === "request");
    expect(lines).toMatchObject([{ level: "info", method: "GET", route: "/homes/[listingKey]", status: 499 }]);
    expect(lines[0]?.requestId).toMatch(UUID);
  });

  it("a failing app: 500, an error line and an access line with the same request id, no stack", async () => {
    const { get, logger, entryFor } = await startFront({});
    const res = await get("/api/lead", {}, "DELETE");
    expect(res.status).toBe(500);
    expect(await entryFor(res.id, "request failed")).toMatchObject({ level: "error", route: "/api/lead", error: "Error: the app failed" });
    expect(await entryFor(res.id)).toMatchObject({ level: "error", status: 500 });
    expect(JSON.stringify(logger.entries)).not.toContain("    at ");
  });

  it("a body past the cap: 413 before the app, still with an id and a log line", async () => {
    const { get, entryFor } = await startFront({});
    const res = await get("/api/lead", { "content-type": "application/json" }, "POST", "x".repeat(2048));
    expect(res.status).toBe(413);
    expect(res.id).toMatch(UUID);
    expect(await entryFor(res.id)).toMatchObject({ route: "/api/lead", status: 413 });
  });
});

describe("resolveRequestId", () => {
  const trust = (TRUST_PROXY: string) => parseTrustSettings({ TRUST_PROXY }).trust;
  it("takes the incoming id only from a peer the trust settings name", () => {
    const id = "lb-request-000001";
    expect(resolveRequestId({ socketAddress: "10.0.0.5", incoming: id, trust: trust("1") })).toBe(id);
    expect(resolveRequestId({ socketAddress: "::ffff:10.0.0.5", incoming: id, trust: trust("10.0.0.0/8") })).toBe(id);
    expect(resolveRequestId({ socketAddress: "203.0.113.9", incoming: id, trust: trust("10.0.0.0/8") })).toMatch(UUID);
    expect(resolveRequestId({ socketAddress: "10.0.0.5", incoming: id, trust: trust("0") })).toMatch(UUID);
    expect(resolveRequestId({ socketAddress: "10.0.0.5", incoming: [id, id], trust: trust("1") })).toMatch(UUID);
    expect(resolveRequestId({ socketAddress: "10.0.0.5", incoming: undefined, trust: trust("1") })).toMatch(UUID);
  });

  it("the client address header is still the server's own next to the id", async () => {
    // Guards the refactor of the front: both internal headers are stamped on every request.
    const logger = createJsonLogger({ destination: { write: () => {} } });
    const server = http.createServer(
      createRequestFront({
        trust: parseTrustSettings({}),
        routes: { match: () => "unmatched", routeHandler: () => false },
        metrics: { observe: () => {} },
        health: () => false,
        logger,
        handle: async (req, res) => void res.end(String(req.headers[CLIENT_ADDRESS_HEADER])),
      }),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, { headers: { [CLIENT_ADDRESS_HEADER]: "6.6.6.6" } });
    expect(await res.text()).toBe("127.0.0.1");
  });
});
