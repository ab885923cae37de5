// Next.js's page and data cache shared by two website instances through Redis (REDIS_URL,
// apps/web/cache-handler.mjs): what one instance rendered, the other serves; a revalidation on
// one instance is seen by the other at once; with Redis gone, pages are still served.
// Straight to the instances (no nginx in front): this is the cache behind the edge's.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { httpRequest, REPO_DIR, snapshotWebBuild, startInstance, type AppInstance } from "./support/web-instances";

const REDIS_PORT = 4380;
// Fixed ports below Linux's ephemeral range (32768-60999), which a server on port 0 may take.
const WEB_PORTS = [4381, 4382];
const REDIS_BIN = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";

let testDb: TestDatabase;
let buildDir: string;
let redis: ChildProcess | undefined;
let tenant: { tenantId: string; host: string };
const instances: AppInstance[] = [];
const token = crypto.randomBytes(32).toString("base64url");
const keyPrefix = `test:shared-page-cache:${crypto.randomUUID()}:`;
const renderNonce = crypto.randomBytes(16).toString("hex");

const headline = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "";
const home = (port: number) => httpRequest(port, tenant.host, "/");
const setHeadline = (text: string) => testDb.db.websiteConfig.update({ where: { tenantId: tenant.tenantId }, data: { heroHeadline: text } });
const revalidateOn = (port: number) =>
  httpRequest(port, "127.0.0.1", "/api/internal/revalidate", {
    method: "POST",
    headers: { "content-type": "application/json", "x-internal-token": token },
    body: JSON.stringify({ tenantId: tenant.tenantId }),
  });

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** A Redis server of this suite's own (so it can be stopped), without persistence. */
async function startRedis(): Promise<ChildProcess> {
  const child = spawn(REDIS_BIN, ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 100 && !(await portAnswers(REDIS_PORT)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await portAnswers(REDIS_PORT))) throw new Error(`redis-server did not listen on :${REDIS_PORT}`);
  return child;
}

async function stopRedis(): Promise<void> {
  if (!redis || redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((r) => redis!.once("exit", r));
  redis.kill("SIGKILL");
  await exited;
}

describe.skipIf(!fs.existsSync(REDIS_BIN) && !process.env.CI)("Next.js cache shared by two website instances through Redis", () => {
  beforeAll(async () => {
    testDb = await createTestDatabase("shared_page_cache");
    const t = await createTenantFixture(testDb.db, { slug: "shared-a", name: "Shared Cache Realty", webHosts: ["shared-a.localhost"] });
    tenant = { tenantId: t.tenantId, host: t.webHost };
    await setHeadline("First edition");
    redis = await startRedis();
    buildDir = snapshotWebBuild("shared-cache");
    const env = {
      DATABASE_URL: testDb.url,
      INTERNAL_API_TOKEN: token,
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      NEXT_CACHE_KEY_PREFIX: keyPrefix,
      REAL_ESTATE_RENDER_NONCE: renderNonce,
    };
    for (const port of WEB_PORTS) instances.push(await startInstance({ dir: buildDir, port, env }));
  });

  afterAll(async () => {
    const logDir = path.join(REPO_DIR, "test-artifacts", "shared-page-cache");
    fs.mkdirSync(logDir, { recursive: true });
    for (const i of instances) fs.writeFileSync(path.join(logDir, `web-${i.port}.log`), i.logs());
    for (const i of instances) await i.stop();
    await stopRedis();
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
    await testDb?.drop();
  });

  it("serves on instance B the page instance A rendered, without rendering it again", async () => {
    const [a, b] = WEB_PORTS as [number, number];
    const first = await home(a);
    expect(first.status).toBe(200);
    expect(headline(first.body)).toBe("First edition");

    // The entries are in the shared store, under this run's prefix.
    const client = new Redis(`redis://127.0.0.1:${REDIS_PORT}`);
    try {
      expect((await client.keys(`${keyPrefix}*`)).length).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }

    // Changed in the database without any revalidation: an instance that renders the page reads
    // "Second edition"; B answers with A's page.
    await setHeadline("Second edition");
    const onB = await home(b);
    expect(onB.status).toBe(200);
    expect(headline(onB.body)).toBe("First edition");
    // A's page carries B's own fresh nonce: the instances render with the same render nonce
    // (REAL_ESTATE_RENDER_NONCE, as the profile sets it), which B swaps per response.
    const nonce = /'nonce-([0-9a-f]{32})'/.exec(String(onB.headers["content-security-policy"]))?.[1];
    expect(nonce).toBeDefined();
    const bodyNonces = new Set([...onB.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
    expect(bodyNonces.size).toBeGreaterThan(0);
    expect([...bodyNonces]).toEqual([nonce]);
    expect(onB.body).not.toContain(renderNonce);
  });

  it("a studio change revalidated on one instance is seen by both at once", async () => {
    const [a, b] = WEB_PORTS as [number, number];
    await setHeadline("Third edition");
    const started = Date.now();
    // Only A is told: the shared store carries the revalidation to B. The promise is within 5 s
    // (issue 20), not the very next request: an instance whose Redis read takes longer than its
    // timeout (a loaded machine) answers from its own copy until Redis answers in time again.
    expect((await revalidateOn(a)).status).toBe(200);
    const headlineWithin5s = async (port: number) => {
      for (;;) {
        const seen = headline((await home(port)).body);
        if (seen === "Third edition" || Date.now() - started >= 5_000) return seen;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    expect(await headlineWithin5s(b)).toBe("Third edition");
    expect(await headlineWithin5s(a)).toBe("Third edition");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("Redis gone: both instances still serve pages, take changes, and say so once", async () => {
    await stopRedis();
    await setHeadline("Fourth edition");
    for (const port of WEB_PORTS) expect((await revalidateOn(port)).status).toBe(200);
    for (let round = 0; round < 3; round++) {
      for (const port of WEB_PORTS) {
        const res = await home(port);
        expect(res.status).toBe(200);
        expect(headline(res.body)).toBe("Fourth edition");
      }
    }
    // ioredis reports the lost server when its first reconnect fails (its retry delay after the
    // close), which can come after the pages above were served: wait for that line on each
    // instance, let a few more reconnects fail while pages are served, then it is still one line.
    const unreachable = (i: AppInstance) => i.logs().match(/page cache: Redis unreachable/g)?.length ?? 0;
    const deadline = Date.now() + 10_000;
    while (instances.some((i) => unreachable(i) === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (let round = 0; round < 5; round++) {
      for (const port of WEB_PORTS) expect(headline((await home(port)).body)).toBe("Fourth edition");
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const i of instances) expect(unreachable(i)).toBe(1);
  });
});
