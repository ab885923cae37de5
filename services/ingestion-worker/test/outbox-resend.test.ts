// The studio's outbox view and re-send, end to end: messages of two tenants delivered by the real
// worker to a real SMTP server (the project's sink), failures recorded, listed and counted, then
// re-sent by an operator: the re-driven delivery job reaches the SMTP server again with the
// message's original Message-ID.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createSmtpTransport, queueEmails, type MailTransport } from "@real-estate/mail";
import {
  getOutboxHealth,
  listOperatorActions,
  listOutboxMessages,
  outboxQueryInput,
  resendFailedEmails,
  StudioError,
  ZOutboxQuery,
} from "@real-estate/operator";
import { mailJobKinds } from "@real-estate/mail";
import { useSmtpSink } from "./support/smtp";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("outboxresend");
const actor = { userId: "op-1", email: "operator@platform.example" };
const smtp = useSmtpSink({ maxConnections: 2 });

const reset = (to: string) => ({
  template: "password-reset" as const,
  to: { address: to },
  props: { resetUrl: "http://x.localhost/reset?t=1", validMinutes: 30 },
});

/** Runs every due job once with the worker's e-mail kinds over `via`. */
async function drain(db: Db, via: MailTransport) {
  const { worker } = testWorker(db, { kinds: mailJobKinds({ transport: via }) });
  return worker.drainOnce();
}

describe("outbox in the studio: list, health, re-send", () => {
  it("lists and counts per tenant and platform-wide, and re-sends failed messages with their Message-ID", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "box-a" });
    const b = await createTenantFixture(db, { slug: "box-b" });
    const [sentA, rejectedA, downA] = await queueEmails(db, {
      tenantId: a.tenantId,
      emails: [reset("ann@example.test"), reset("bob+reject@example.test"), reset("cid@example.test")],
    });
    const [rejectedB] = await queueEmails(db, { tenantId: b.tenantId, emails: [reset("dee+reject@example.test")] });
    // The relay is down for cid's message at its last attempt: a connection error, FAILED, dead-lettered.
    await db.ingestionJob.updateMany({ where: { tenantId: a.tenantId, eventId: downA!.id }, data: { attempts: 7 } });
    const down = createSmtpTransport({ url: "smtp://127.0.0.1:9", maxConnections: 1 });
    await drain(db, {
      sendMail: (message) => (String(message.messageId) === `<${downA!.messageId}>` ? down.sendMail(message) : smtp.transport.sendMail(message)),
    });
    down.close?.();
    expect(smtp.sink.messages().map((m) => m.messageId)).toEqual([`<${sentA!.messageId}>`]);

    const all = await listOutboxMessages({ limit: 50 });
    expect(all.items.map((m) => m.id).sort()).toEqual([sentA!.id, rejectedA!.id, downA!.id, rejectedB!.id].sort());
    const failedA = await listOutboxMessages({ tenantId: a.tenantId, status: "FAILED", limit: 50 });
    expect(failedA.items.map((m) => m.id).sort()).toEqual([rejectedA!.id, downA!.id].sort());
    expect(failedA.items.every((m) => m.jobStatus === "DEAD_LETTERED" && m.tenantSlug === "box-a")).toBe(true);
    expect(failedA.items.find((m) => m.id === rejectedA!.id)).toMatchObject({ smtpCode: 550, attempts: 1 });
    // Keyset pages of one cover everything once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOutboxMessages({ cursor, limit: 1 });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(all.items.map((m) => m.id).sort());
    await expect(listOutboxMessages({ cursor: "bm9wZQ", limit: 5 })).rejects.toBeInstanceOf(StudioError);

    const health = await getOutboxHealth();
    expect(health.totals).toEqual({ QUEUED: 0, SENT: 1, FAILED: 3, SUPPRESSED: 0 });
    expect(health.byTenant.map((t) => [t.slug, t.SENT, t.FAILED])).toEqual([
      ["box-a", 1, 2],
      ["box-b", 0, 1],
    ]);
    expect((await getOutboxHealth({ tenantId: b.tenantId })).totals).toEqual({ QUEUED: 0, SENT: 0, FAILED: 1, SUPPRESSED: 0 });

    // A tenant's re-send never reaches another tenant's message.
    expect(await resendFailedEmails({ selection: { tenantId: a.tenantId, emailIds: [rejectedB!.id] }, actor })).toMatchObject({ matched: 0, requeued: 0 });
    expect(await db.emailSuppression.count({ where: { tenantId: b.tenantId, reason: "bounce" } })).toBe(1);

    const resent = await resendFailedEmails({ selection: { tenantId: a.tenantId, allFailed: true }, actor });
    expect(resent).toMatchObject({ matched: 2, requeued: 2, skipped: 0, liftedSuppressions: 1 });
    expect((await listOperatorActions({ action: "outbox.resend" })).rows).toHaveLength(1);
    await expect.poll(() => db.ingestionJob.count({ where: { tenantId: b.tenantId, status: "DEAD_LETTERED" } }), { timeout: 10_000 }).toBe(1);
    // Re-sending the same again now matches nothing re-sendable (their jobs are queued).
    expect(await resendFailedEmails({ selection: { tenantId: a.tenantId, allFailed: true }, actor })).toMatchObject({ matched: 2, requeued: 0, skipped: 2 });

    smtp.sink.clear();
    await drain(db, smtp.transport);
    // cid's message now reaches the server, with the Message-ID it was queued with.
    expect(smtp.sink.messages().map((m) => m.messageId)).toEqual([`<${downA!.messageId}>`]);
    const after = await db.emailMessage.findMany({ where: { tenantId: a.tenantId }, orderBy: { toAddress: "asc" } });
    expect(after.map((m) => [m.toAddress, m.status, m.attempts])).toEqual([
      ["ann@example.test", "SENT", 1],
      ["bob+reject@example.test", "FAILED", 2],
      ["cid@example.test", "SENT", 2],
    ]);
    // bob's address was tried again (the bounce suppression lifted), refused again, suppressed again.
    expect(await db.emailSuppression.count({ where: { tenantId: a.tenantId, address: "bob+reject@example.test", reason: "bounce" } })).toBe(1);
    expect((await getOutboxHealth({ tenantId: a.tenantId })).totals).toEqual({ QUEUED: 0, SENT: 2, FAILED: 1, SUPPRESSED: 0 });
  });

  it("lists the platform's own mail (no tenant) beside the tenants', alone with `platform`, never in a tenant's list, and counts it", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "box-c" });
    const [tenantMail] = await queueEmails(db, { tenantId: t.tenantId, emails: [reset("eve@example.test")] });
    const user = await db.user.create({
      data: { id: `op-${crypto.randomUUID()}`, name: "Ops", email: "ops.outbox@platform.example", platformRole: "operator" },
    });
    const platformMail = (status: "SENT" | "FAILED", n: number) =>
      db.platformEmail.create({
        data: {
          template: "password-reset",
          userId: user.id,
          toAddress: user.email,
          fromAddress: "studio@platform.example",
          fromName: "Platform Studio",
          subject: `Choose a new password (${n})`,
          html: "<p>reset</p>",
          text: "reset",
          messageId: `${crypto.randomUUID()}@platform.example`,
          dedupeKey: `reset:${user.id}:${n}`,
          status,
          attempts: 1,
          ...(status === "FAILED" ? { failedAt: new Date(), smtpCode: 550, lastError: "550 mailbox unavailable" } : { sentAt: new Date(), smtpCode: 250 }),
        },
      });
    const sent = await platformMail("SENT", 1);
    const failed = await platformMail("FAILED", 2);

    const all = await listOutboxMessages({ limit: 200 });
    expect(all.items.map((m) => m.id)).toEqual(expect.arrayContaining([tenantMail!.id, sent.id, failed.id]));
    expect(all.items.find((m) => m.id === failed.id)).toMatchObject({
      tenantId: null,
      tenantSlug: null,
      template: "password-reset",
      category: "transactional",
      toAddress: "ops.outbox@platform.example",
      messageId: failed.messageId,
      status: "FAILED",
      smtpCode: 550,
      jobStatus: null,
    });
    const times = all.items.map((m) => m.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect((await listOutboxMessages({ platform: true, limit: 50 })).items.map((m) => m.id).sort()).toEqual([sent.id, failed.id].sort());
    expect((await listOutboxMessages({ platform: true, status: "FAILED", limit: 50 })).items.map((m) => m.id)).toEqual([failed.id]);
    expect((await listOutboxMessages({ tenantId: t.tenantId, limit: 50 })).items.map((m) => m.id)).toEqual([tenantMail!.id]);
    // Keyset pages of one, across both tables, cover everything once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOutboxMessages({ cursor, limit: 1 });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(all.items.map((m) => m.id).sort());

    const health = await getOutboxHealth();
    expect(health.platform).toMatchObject({ QUEUED: 0, SENT: 1, FAILED: 1, SUPPRESSED: 0 });
    expect(health.totals.FAILED).toBe(health.byTenant.reduce((n, r) => n + r.FAILED, 0) + 1);
    expect((await getOutboxHealth({ platform: true })).totals).toEqual({ QUEUED: 0, SENT: 1, FAILED: 1, SUPPRESSED: 0 });
    expect((await getOutboxHealth({ tenantId: t.tenantId })).platform).toBeNull();

    // The filter as the studio's URL carries it.
    expect(ZOutboxQuery.parse(outboxQueryInput({ tenant: "platform", status: "FAILED" }))).toMatchObject({ platform: true, status: "FAILED" });
    expect(ZOutboxQuery.parse(outboxQueryInput({ tenant: "platform" })).tenantId).toBeUndefined();
    expect(ZOutboxQuery.safeParse(outboxQueryInput({ tenant: "platfrom" })).success).toBe(false);
    await expect(listOutboxMessages({ tenantId: t.tenantId, platform: true, limit: 5 })).rejects.toBeInstanceOf(StudioError);
  });
});
