// Webhook receivers that attack the worker: each delivery ends by the timeout with an outcome
// PostgreSQL can store, nothing is followed, and another tenant's endpoint is delivered meanwhile.
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { isStorableText } from "@real-estate/types";
import { createWebhookEndpoint, type WebhookSettings } from "@real-estate/integrations";
import { defaultJobKinds } from "../src/job-kinds";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("hooks_hostile");
const TIMEOUT_MS = 1_000;
/** 999 characters, then an emoji: a cut at 1,000 UTF-16 units falls inside it. */
const CUT_IN_EMOJI = "a".repeat(999) + "😀";
/** NUL, a lone (CESU-8) surrogate, bytes that are no UTF-8 at all, a cut 4-byte character. */
const UNSTORABLE = Buffer.concat([
  Buffer.from('{"ok":true,"x":"\u0000'),
  Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe, 0xc3]),
  Buffer.from('"}'),
  Buffer.from([0xf0, 0x9f, 0x98]),
]);

const seen: string[] = [];
const timers = new Set<NodeJS.Timeout>();
let server: http.Server;
let base: string;
let settings: WebhookSettings;

function answer(path: string, res: http.ServerResponse) {
  switch (path) {
    case "/nul":
      return res.writeHead(200, { "content-type": "application/json" }).end(UNSTORABLE);
    case "/nul-500":
      return res.writeHead(500, { "content-type": "text/plain" }).end(UNSTORABLE);
    case "/emoji":
      return res.writeHead(200, { "content-type": "text/plain" }).end(CUT_IN_EMOJI);
    case "/trickle": {
      // A byte a second (here every 100 ms), for ever: never idle, never done.
      res.writeHead(200, { "content-type": "text/plain" });
      const t = setInterval(() => res.write("x"), 100);
      timers.add(t);
      return res.on("close", () => clearInterval(t));
    }
    case "/silent":
      return; // accepted, never answered
    case "/endless": {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, 0x78);
      const more = () => {
        while (res.write(chunk));
      };
      res.on("drain", more);
      return more();
    }
    case "/gzip":
      return res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(20_000_000, 0x78)));
    case "/redirect":
      // A 3xx to a private address (and to this server: neither is followed).
      return res.writeHead(307, { location: `${base}/landed?from=redirect` }).end();
    case "/redirect-private":
      return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    case "/headers": {
      const headers: [string, string][] = [];
      for (let i = 0; i < 5000; i++) headers.push([`x-h-${i}`, "y".repeat(20)]);
      return res.writeHead(200, headers.flat()).end("{}");
    }
    case "/retry-after":
      return res.writeHead(429, { "retry-after": "999999999" }).end("slow down");
    case "/gone":
      return res.writeHead(410, { "retry-after": "Fri, 31 Dec 9999 23:59:59 GMT" }).end("gone");
    default:
      return res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  }
}

const PATHS = ["/nul", "/nul-500", "/emoji", "/trickle", "/silent", "/endless", "/gzip", "/redirect", "/redirect-private", "/headers", "/retry-after", "/gone"];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url ?? "");
    req.resume();
    answer(new URL(req.url ?? "/", "http://x").pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  settings = { allowedHosts: [`127.0.0.1:${port}`], timeoutMs: TIMEOUT_MS };
  process.env.WEBHOOK_ALLOWED_HOSTS = settings.allowedHosts.join(",");
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  for (const t of timers) clearInterval(t);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function endpoint(db: Db, tenantId: string, path: string) {
  const created = await createWebhookEndpoint({ db, tenantId, input: { url: `${base}${path}`, events: ["contact.created"] }, createdByUserId: null });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
  return created.endpoint.id;
}

async function deliveries(db: Db, tenantId: string) {
  const rows = await db.webhookDelivery.findMany({ where: { tenantId }, include: { endpoint: { select: { url: true } } } });
  return new Map(rows.map((r) => [new URL(r.endpoint.url).pathname, r]));
}

describe("webhook receivers that attack the worker", () => {
  it("every hostile answer ends in bounded time with a stored outcome; another tenant is delivered meanwhile", async () => {
    const { db } = testDb();
    const hostile = await createTenantFixture(db, { slug: "hooks-hostile-a" });
    const other = await createTenantFixture(db, { slug: "hooks-hostile-b" });
    for (const path of PATHS) await endpoint(db, hostile.tenantId, path);
    await endpoint(db, other.tenantId, "/ok");
    const { worker } = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }), concurrency: 16, batchSize: 20 });
    await enqueue(db, hostile.tenantId, { firstName: "Dana", email: "dana@example.test" });
    await enqueue(db, other.tenantId, { firstName: "Eli", email: "eli@example.test" });
    await worker.drainOnce(); // the website events: deliveries queued
    const started = performance.now();
    await worker.drainOnce(); // every delivery's first attempt
    // All in parallel, each within its timeout (with room for a loaded machine).
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 6);

    const ok = await deliveries(db, other.tenantId);
    expect(ok.get("/ok")).toMatchObject({ status: "DELIVERED", responseStatus: 200, responseExcerpt: '{"ok":true}' });

    const got = await deliveries(db, hostile.tenantId);
    expect([...got.keys()].sort()).toEqual([...PATHS].sort());
    for (const [path, d] of got) {
      // Every attempt was recorded (no write failed), and what is stored is what PostgreSQL keeps.
      expect({ path, attempts: d.attempts }).toEqual({ path, attempts: 1 });
      expect(d.lastAttemptAt).not.toBeNull();
      expect(isStorableText(d.responseExcerpt ?? "")).toBe(true);
      expect((d.responseExcerpt ?? "").length).toBeLessThanOrEqual(1000);
    }
    // A 2xx answer with NUL and broken UTF-8 is a delivery, its excerpt without the NUL.
    expect(got.get("/nul")).toMatchObject({ status: "DELIVERED", responseStatus: 200 });
    expect(got.get("/nul")!.responseExcerpt).toMatch(/^\{"ok":true,"x":"/);
    expect(got.get("/nul-500")).toMatchObject({ status: "PENDING", responseStatus: 500, lastError: "endpoint answered HTTP 500" });
    expect(got.get("/emoji")).toMatchObject({ status: "DELIVERED", responseExcerpt: "a".repeat(999) });
    // The deadline covers the body: a trickle and silence are timeouts, retried.
    for (const path of ["/trickle", "/silent"]) expect(got.get(path)).toMatchObject({ status: "PENDING", lastError: `no answer within ${TIMEOUT_MS} ms` });
    // A body of any size is read up to about 4 KB; compressed bodies are kept as sent, not undone.
    expect(got.get("/endless")).toMatchObject({ status: "DELIVERED", responseStatus: 200 });
    expect(got.get("/gzip")).toMatchObject({ status: "DELIVERED", responseStatus: 200 });
    // Redirects are answers, never followed.
    expect(got.get("/redirect")).toMatchObject({ status: "PENDING", responseStatus: 307 });
    expect(got.get("/redirect-private")).toMatchObject({ status: "PENDING", responseStatus: 302 });
    expect(seen.filter((u) => u.startsWith("/landed"))).toEqual([]);
    // Thousands of headers: a connection failure, retried.
    expect(got.get("/headers")).toMatchObject({ status: "PENDING", responseStatus: null });
    expect(got.get("/headers")!.lastError).toMatch(/^connection failed: /);
    // A 429's Retry-After of years waits an hour at most (decision 0117); a 410's is not read:
    // the policy's own schedule (5 s next).
    for (const path of ["/retry-after", "/gone"]) {
      const job = await db.ingestionJob.findFirstOrThrow({
        where: { tenantId: hostile.tenantId, kind: "webhook.deliver", payload: { path: ["deliveryId"], equals: got.get(path)!.id } },
      });
      expect(got.get(path)).toMatchObject({ status: "PENDING", responseStatus: path === "/gone" ? 410 : 429 });
      expect(job.nextAttemptAt.getTime() - job.lastAttemptAt!.getTime()).toBeLessThanOrEqual(path === "/gone" ? 10 * 60_000 : 3_600_000);
    }
  });
});
