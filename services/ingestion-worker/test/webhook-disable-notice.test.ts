// An endpoint disabled after a day of failures and the owners' e-mail about it commit together:
// a failure injected between them, or the worker process killed after queueing the notice and
// before its commit, leaves neither; the retried attempt then leaves both, once.
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createWebhookEndpoint, queueWebhookEvents, webhookJobKinds, type WebhookSettings } from "@real-estate/integrations";
import type { WebhookSink } from "@real-estate/webhook-sink";
import { startTestWebhookSink, stopTestWebhookSink } from "./support/webhook-sink";
import { defaultJobKinds } from "../src/job-kinds";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("a18_disable_notice");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let sink: WebhookSink;
let settings: WebhookSettings;

beforeAll(async () => {
  ({ sink, settings } = await startTestWebhookSink(5_000));
});
afterAll(() => stopTestWebhookSink(sink));

/** A tenant with two owners and an endpoint answering 500 that has been failing for 25 hours, one delivery due. */
async function failingForADay(db: Db, slug: string) {
  const t = await createTenantFixture(db, { slug });
  for (const n of [1, 2]) {
    const user = await db.user.create({ data: { id: crypto.randomUUID(), email: `owner${n}@${slug}.test`, name: `Owner ${n}`, emailVerified: true } });
    await db.tenantMembership.create({ data: { tenantId: t.tenantId, userId: user.id, role: "OWNER" } });
  }
  const created = await createWebhookEndpoint({
    db,
    tenantId: t.tenantId,
    input: { url: `${sink.url}/status/500/${slug}`, events: ["contact.created"] },
    createdByUserId: null,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
  const endpointId = created.endpoint.id;
  await db.webhookEndpoint.update({
    where: { tenantId_id: { tenantId: t.tenantId, id: endpointId } },
    data: { failingSince: new Date(Date.now() - 25 * 3_600_000) },
  });
  await queueWebhookEvents(db, { tenantId: t.tenantId, events: [{ type: "contact.created", data: { contact: { id: crypto.randomUUID() } } }] });
  const state = async () => {
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenantId, id: endpointId } },
      select: { disabledAt: true, disabledReason: true },
    });
    const notices = await db.emailMessage.findMany({ where: { tenantId: t.tenantId, template: "webhook-disabled" }, select: { toAddress: true } });
    const noticeJobs = await db.ingestionJob.count({ where: { tenantId: t.tenantId, kind: "email.deliver" } });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { tenantId: t.tenantId, endpointId }, select: { attempts: true, status: true } });
    return { disabled: endpoint.disabledAt !== null, reason: endpoint.disabledReason, notices: notices.map((n) => n.toAddress).sort(), noticeJobs, delivery };
  };
  return { tenantId: t.tenantId, state };
}

const told = (slug: string) => [`owner1@${slug}.test`, `owner2@${slug}.test`];

describe("the auto-disable notice commits with the disabling", () => {
  it("a failure between the disabling and the notice leaves neither; the retried attempt leaves both, once", async () => {
    const { db } = testDb();
    const slug = "a18-inject";
    const { state } = await failingForADay(db, slug);
    const { worker, clock } = testWorker(db, {
      kinds: webhookJobKinds({
        settings,
        onEndpointDisabled: async () => {
          throw new Error("injected: the mail system is unreachable");
        },
      }),
    });
    await worker.drainOnce();
    // Rolled back together: not disabled, no e-mail, and this attempt not even logged (it is retried).
    expect(await state()).toMatchObject({ disabled: false, notices: [], noticeJobs: 0, delivery: { attempts: 0, status: "PENDING" } });
    const job = await db.ingestionJob.findFirstOrThrow({
      where: { kind: "webhook.deliver", tenantId: (await db.tenant.findFirstOrThrow({ where: { slug } })).id },
    });
    expect(job).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(job.lastError).toContain("injected");

    // The real worker's kinds retry it: the endpoint is disabled and both owners are told, in one commit.
    const real = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }), clock });
    clock.advance(10 * 60_000);
    await real.worker.drainOnce();
    expect(await state()).toMatchObject({ disabled: true, reason: "failing", notices: told(slug), noticeJobs: 2, delivery: { attempts: 1 } });
  });

  it("a worker killed after queueing the notice and before the commit leaves neither; a restarted worker leaves both, once", async () => {
    const { db, url } = testDb();
    const slug = "a18-crash";
    const { state } = await failingForADay(db, slug);
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "test/support/disable-then-die.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, WEBHOOK_ALLOWED_HOSTS: settings.allowedHosts.join(",") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, s) => resolve(s)));
    expect(output).toContain("notice queued, dying");
    expect(signal, output).toBe("SIGKILL");
    // The notice was written in the open transaction; the server rolled it back with the disabling.
    expect(await state()).toMatchObject({ disabled: false, notices: [], noticeJobs: 0, delivery: { attempts: 0, status: "PENDING" } });

    // A restarted worker takes the job over once its lease is gone (a minute): the worker's clock is moved past it.
    const { worker, clock } = testWorker(db, { kinds: defaultJobKinds({ webhooks: settings }) });
    clock.advance(2 * 60_000);
    await worker.drainOnce();
    expect(await state()).toMatchObject({ disabled: true, reason: "failing", notices: told(slug), noticeJobs: 2, delivery: { attempts: 1 } });
    // Later attempts of the same endpoint tell nobody again.
    await worker.drainOnce();
    expect((await state()).notices).toHaveLength(2);
  }, 180_000);
});
