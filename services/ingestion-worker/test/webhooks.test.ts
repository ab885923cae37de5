import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDeliveries,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  WEBHOOK_RETRY_POLICY,
  webhookJobKinds,
  type WebhookEventType,
  type WebhookSettings,
} from "@real-estate/integrations";
import { updateLead } from "@real-estate/crm";
import type { WebhookSink } from "@real-estate/webhook-sink";
import { startTestWebhookSink, stopTestWebhookSink } from "./support/webhook-sink";
import { defaultJobKinds, websiteEventKind } from "../src/job-kinds";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("hooks_webhooks");
let sink: WebhookSink;
let settings: WebhookSettings;

beforeAll(async () => {
  ({ sink, settings } = await startTestWebhookSink(2_000));
});
afterAll(() => stopTestWebhookSink(sink));

async function endpoint(db: Db, tenantId: string, path: string, events: WebhookEventType[] = ["contact.created", "lead.created", "lead.status_changed"]) {
  const created = await createWebhookEndpoint({ db, tenantId, input: { url: `${sink.url}${path}`, events }, createdByUserId: null });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
  return created;
}

function requestsTo(prefix: string) {
  return sink.received().filter((r) => r.path.startsWith(prefix));
}

describe("outbound webhooks (Standard Webhooks, through the queue)", () => {
  it("signs deliveries the library's verifier accepts, for the endpoint's own tenant only", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "hooks-sign-a" });
    const b = await createTenantFixture(db, { slug: "hooks-sign-b" });
    const ea = await endpoint(db, a.tenantId, "/hooks/sign-a");
    const eb = await endpoint(db, b.tenantId, "/hooks/sign-b");
    expect(ea.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    sink.clear();
    const { worker } = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }) });
    await enqueue(db, a.tenantId, { firstName: "Dana", email: "dana@example.test" });
    await worker.drainOnce(); // the website event: contact + lead, deliveries queued in the same transaction
    await worker.drainOnce(); // the deliveries
    const got = requestsTo("/hooks/sign-a");
    expect(got.map((r) => JSON.parse(r.body).type).sort()).toEqual(["contact.created", "lead.created"]);
    for (const r of got) {
      const verified = new Webhook(ea.secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> };
      expect(r.headers["webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
      if (verified.type === "contact.created") expect(verified.data.contact).toMatchObject({ firstName: "Dana", email: "dana@example.test" });
      // Another endpoint's secret does not verify it.
      expect(() => new Webhook(eb.secret).verify(r.body, r.headers)).toThrow();
    }
    expect(requestsTo("/hooks/sign-b")).toHaveLength(0);
    // The log: delivered, with status, latency and the answer.
    const log = await listWebhookDeliveries({ db, tenantId: a.tenantId, endpointId: ea.endpoint.id });
    expect(log!.deliveries).toHaveLength(2);
    for (const d of log!.deliveries) expect(d).toMatchObject({ status: "DELIVERED", attempts: 1, responseStatus: 200, responseExcerpt: '{"ok":true}' });
    // Two tenants never see each other's endpoints or deliveries.
    expect((await listWebhookEndpoints({ db, tenantId: b.tenantId })).map((e) => e.id)).toEqual([eb.endpoint.id]);
    expect(await listWebhookDeliveries({ db, tenantId: b.tenantId, endpointId: ea.endpoint.id })).toBeNull();
    expect(await resendWebhookDeliveries({ db, tenantId: b.tenantId, endpointId: ea.endpoint.id, actorUserId: null })).toBeNull();
    expect(await rotateWebhookSecret({ db, tenantId: b.tenantId, endpointId: ea.endpoint.id, actorUserId: null })).toBeNull();
    expect(await updateWebhookEndpoint({ db, tenantId: b.tenantId, endpointId: ea.endpoint.id, change: { enabled: false }, actorUserId: null })).toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("retries a failing endpoint on the backoff schedule for about a day, then fails the delivery (dead letter) and re-drives it; a day of failures disables the endpoint", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "hooks-retry" });
    // Two owners (told when the endpoint is disabled, the first by their member profile's name) and an agent (not told).
    for (const [email, role, displayName] of [
      ["owner1@hooks-retry.test", "OWNER", "Olga Owner"],
      ["owner2@hooks-retry.test", "OWNER", null],
      ["agent@hooks-retry.test", "AGENT", null],
    ] as const) {
      const user = await db.user.create({ data: { id: crypto.randomUUID(), email, name: email.split("@")[0]!, emailVerified: true } });
      await db.tenantMembership.create({ data: { tenantId: t.tenantId, userId: user.id, role, displayName } });
    }
    const notices = () =>
      db.emailMessage.findMany({
        where: { tenantId: t.tenantId, template: "webhook-disabled" },
        select: { toAddress: true, toName: true, subject: true, text: true },
        orderBy: { toAddress: "asc" },
      });
    const e = await endpoint(db, t.tenantId, "/status/500/retry");
    const { worker, clock } = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }) });
    sink.clear();
    await enqueue(db, t.tenantId, { email: "retry@example.test" });
    const schedule = WEBHOOK_RETRY_POLICY.backoffMs!;
    for (let attempt = 1; attempt <= WEBHOOK_RETRY_POLICY.attempts!; attempt++) {
      // (The first pass also applies the website event whose transaction queued the deliveries.)
      await worker.drainOnce();
      const log = await listWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: e.endpoint.id });
      const [delivery] = log!.deliveries.filter((d) => d.eventType === "contact.created");
      expect(delivery).toMatchObject({
        attempts: attempt,
        responseStatus: 500,
        status: attempt < WEBHOOK_RETRY_POLICY.attempts! ? "PENDING" : "FAILED",
        lastError: "endpoint answered HTTP 500",
      });
      if (attempt < WEBHOOK_RETRY_POLICY.attempts!) clock.advance(schedule[attempt - 1]! + 1); // random() = 0.5: no jitter
    }
    // Every attempt reached the receiver with the same webhook-id and a fresh timestamp.
    const attempts = requestsTo("/status/500/retry").filter((r) => JSON.parse(r.body).type === "contact.created");
    expect(attempts).toHaveLength(WEBHOOK_RETRY_POLICY.attempts!);
    expect(new Set(attempts.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(attempts.map((r) => r.headers["webhook-timestamp"])).size).toBe(WEBHOOK_RETRY_POLICY.attempts!);
    const dead = await db.ingestionJob.count({ where: { tenantId: t.tenantId, kind: "webhook.deliver", status: "DEAD_LETTERED" } });
    expect(dead).toBe(2); // contact.created and lead.created
    // Re-drive: every FAILED delivery again, with fresh attempts; this one fails past a day of failures: the endpoint is disabled.
    clock.advance(3_600_000);
    expect(await resendWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: e.endpoint.id, actorUserId: null })).toEqual({
      queued: 2,
      endpointDisabled: false,
    });
    await worker.drainOnce();
    const after = (await listWebhookEndpoints({ db, tenantId: t.tenantId }))[0]!;
    expect(after.disabledReason).toBe("failing");
    expect(after.disabledAt).not.toBeNull();
    // The owners are e-mailed through the outbox, once.
    const told = await notices();
    expect(told.map((m) => [m.toAddress, m.toName])).toEqual([
      ["owner1@hooks-retry.test", "Olga Owner"],
      ["owner2@hooks-retry.test", "owner2"],
    ]);
    expect(told[0]!.subject).toBe(`Webhook endpoint disabled: ${sink.url}/status/500/retry`);
    expect(told[0]!.text).toContain("has failed for a day");
    expect(told[0]!.text).toContain("endpoint answered HTTP 500");
    // Its deliveries still waiting fail at their next attempt without a request.
    const before = sink.received().length;
    clock.advance(schedule[0]! + 1);
    await worker.drainOnce();
    const failed = await listWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: e.endpoint.id });
    expect(failed!.deliveries.map((d) => [d.status, d.lastError])).toEqual([
      ["FAILED", "endpoint disabled"],
      ["FAILED", "endpoint disabled"],
    ]);
    expect(sink.received().length).toBe(before);
    expect(await notices()).toHaveLength(2);
    // The owner fixes the receiver, enables the endpoint again and re-drives.
    const enabled = await updateWebhookEndpoint({
      db,
      tenantId: t.tenantId,
      endpointId: e.endpoint.id,
      change: { enabled: true, url: `${sink.url}/hooks/fixed` },
      actorUserId: null,
    });
    expect(enabled).toMatchObject({ ok: true, endpoint: { disabledAt: null, failingSince: null } });
    expect(await resendWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: e.endpoint.id, actorUserId: null })).toEqual({
      queued: 2,
      endpointDisabled: false,
    });
    await worker.drainOnce();
    const log = await listWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: e.endpoint.id });
    expect(log!.deliveries.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED"]);
    expect(requestsTo("/hooks/fixed")).toHaveLength(2);
  });

  it("times out a slow endpoint and retries it", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "hooks-slow" });
    const e = await endpoint(db, t.tenantId, "/slow/5000/x", ["contact.created"]);
    const { worker } = testWorker(db, { kinds: defaultJobKinds({ webhooks: { ...settings, timeoutMs: 300 } }) });
    await enqueue(db, t.tenantId, { email: "slow@example.test" });
    await worker.drainOnce();
    await worker.drainOnce();
    const [d] = (await listWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: e.endpoint.id }))!.deliveries;
    expect(d).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null, lastError: "no answer within 300 ms" });
  });

  it("refuses destinations inside the platform's networks: at registration, after DNS, and behind redirects", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "hooks-ssrf" });
    for (const url of [
      "http://127.0.0.1:5432/",
      "http://[::1]/x",
      "http://169.254.169.254/latest/meta-data",
      "http://10.1.2.3/",
      "http://192.168.1.1/",
      "http://172.16.0.1/",
      "http://100.64.0.1/",
      "http://[::ffff:127.0.0.1]/",
      "http://localhost:3001/",
      "http://0.0.0.0/",
      "file:///etc/passwd",
      "http://user:pw@example.com/",
    ]) {
      const created = await createWebhookEndpoint({ db, tenantId: t.tenantId, input: { url, events: ["contact.created"] }, createdByUserId: null });
      expect(created.ok, url).toBe(false);
    }
    // Another port of the allowed host is not allowed.
    expect(
      (
        await createWebhookEndpoint({
          db,
          tenantId: t.tenantId,
          input: { url: `http://127.0.0.1:${sink.port + 1}/`, events: ["contact.created"] },
          createdByUserId: null,
        })
      ).ok,
    ).toBe(false);
    // A public-looking name that resolves to a private address is refused when delivering: FAILED at once, nothing sent.
    const named = await createWebhookEndpoint({
      db,
      tenantId: t.tenantId,
      input: { url: "http://hooks.attacker.example/in", events: ["contact.created"] },
      createdByUserId: null,
    });
    expect(named.ok).toBe(true);
    const redirect = await endpoint(db, t.tenantId, `/redirect/x?to=${encodeURIComponent(`${sink.url}/hooks/redirect-target`)}`, ["contact.created"]);
    const lookup = async (host: string) => (host === "hooks.attacker.example" ? [{ address: "10.0.0.7", family: 4 }] : []);
    const { worker } = testWorker(db, { kinds: { "website-event": websiteEventKind, ...webhookJobKinds({ settings, lookup }) } });
    sink.clear();
    await enqueue(db, t.tenantId, { email: "ssrf@example.test" });
    await worker.drainOnce();
    await worker.drainOnce();
    const [refused] = (await listWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: named.ok ? named.endpoint.id : "" }))!.deliveries;
    expect(refused).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(refused!.lastError).toContain("resolves to a private, loopback or link-local address");
    // The redirect is an answer (3xx: a failure to retry), never followed.
    const [redirected] = (await listWebhookDeliveries({ db, tenantId: t.tenantId, endpointId: redirect.endpoint.id }))!.deliveries;
    expect(redirected).toMatchObject({ status: "PENDING", responseStatus: 302 });
    expect(requestsTo("/hooks/redirect-target")).toHaveLength(0);
  });

  it("signs with both secrets during a rotation's overlap, then with the new one only", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "hooks-rotate" });
    const e = await endpoint(db, t.tenantId, "/hooks/rotate");
    const { worker, clock } = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }) });
    const rotated = await rotateWebhookSecret({
      db,
      tenantId: t.tenantId,
      endpointId: e.endpoint.id,
      actorUserId: null,
      overlapMs: 3_600_000,
      now: clock.now(),
    });
    expect(rotated!.secret).not.toBe(e.secret);
    sink.clear();
    await enqueue(db, t.tenantId, { email: "rotate@example.test" });
    await worker.drainOnce();
    await worker.drainOnce();
    const [during] = requestsTo("/hooks/rotate");
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(e.secret).verify(during!.body, during!.headers)).toBeTruthy();
    expect(new Webhook(rotated!.secret).verify(during!.body, during!.headers)).toBeTruthy();
    // After the overlap: a status change is signed with the new secret only.
    clock.advance(3_600_001);
    const lead = await db.lead.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    await updateLead({ db, tenantId: t.tenantId, leadId: lead.id, change: { status: "CONTACTED" }, actor: { userId: null } });
    sink.clear();
    await worker.drainOnce();
    const [after] = requestsTo("/hooks/rotate");
    expect(JSON.parse(after!.body)).toMatchObject({ type: "lead.status_changed", data: { leadId: lead.id, from: "NEW", to: "CONTACTED" } });
    expect(after!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    // The verifier checks the timestamp against its own clock: give it the worker's.
    vi.useFakeTimers({ toFake: ["Date"], now: clock.now() });
    try {
      expect(() => new Webhook(e.secret).verify(after!.body, after!.headers)).toThrow(/No matching signature/);
      expect(new Webhook(rotated!.secret).verify(after!.body, after!.headers)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
