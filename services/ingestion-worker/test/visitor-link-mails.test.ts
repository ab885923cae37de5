// What an outsider can make the platform e-mail a website visitor's address: verification and
// password-reset links, delivered over SMTP to the project's sink (decision 0107). Anyone who
// knows an address can ask for a reset once a minute, or sign up with it and ask for a new
// verification link once a minute; each address gets at most VISITOR_LINKS_PER_WINDOW links of
// each kind a day, per tenant. The name typed at sign-up reaches the To header only once the
// address is proven. A reset ends every other reset link of the account.
import { describe, expect, it } from "vitest";
import type { Db } from "@real-estate/db";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { mailJobKinds } from "@real-estate/mail";
import { enqueueJob } from "@real-estate/queue";
import {
  createVisitor,
  resetVisitorPassword,
  VISITOR_LINK_WINDOW_MS,
  VISITOR_LINKS_PER_WINDOW,
  VISITOR_VERIFY_EMAIL_KIND,
  visitorPasswordResetJob,
} from "@real-estate/sites";
import type { ReceivedMail } from "@real-estate/smtp-sink";
import { visitorEmailKinds } from "../src/visitor-emails";
import { testWorker } from "./helpers";
import { useSmtpSink } from "./support/smtp";

const testDb = useTestDatabase("visitor_link_mails");
const smtp = useSmtpSink();

async function visitorOf(db: Db, tenantId: string, email: string, name: string | null = null) {
  const made = await createVisitor({ tenantId, email, password: "a-long-password-1", name, db });
  if (!made.ok) throw new Error("no visitor");
  return made.visitor;
}

/** A worker running the visitor e-mail kinds and delivering their messages to the sink. */
function mailWorker(db: Db) {
  return testWorker(db, { kinds: { ...visitorEmailKinds, ...mailJobKinds({ transport: smtp.transport }) } });
}

async function drain(worker: ReturnType<typeof mailWorker>["worker"]) {
  // The link jobs first, then the deliveries they queued.
  for (let i = 0; i < 3; i++) await worker.drainOnce();
}

const sentTo = (address: string, subject: RegExp) => smtp.sink.messages().filter((m) => m.envelope.to.includes(address) && subject.test(m.subject));
const tokenOf = (mail: ReceivedMail) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "")![1]!;

describe("links e-mailed to a visitor's address", () => {
  it("send at most VISITOR_LINKS_PER_WINDOW reset and verification e-mails a day to one account, per tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "vlm-a" });
    const b = await createTenantFixture(db, { slug: "vlm-b" });
    const address = "flooded@example.test";
    const onA = await visitorOf(db, a.tenantId, address);
    await visitorOf(db, b.tenantId, address);
    smtp.sink.clear();
    // One request a minute for twelve minutes, of each kind (what the website lets through).
    for (let minute = 0; minute < 12; minute++) {
      await enqueueJob(db, { tenantId: a.tenantId, ...visitorPasswordResetJob({ tenantId: a.tenantId, email: address, bucket: minute }) });
      await enqueueJob(db, { tenantId: a.tenantId, kind: VISITOR_VERIFY_EMAIL_KIND, payload: { visitorId: onA.id }, dedupeKey: `${onA.id}:${minute}` });
    }
    await enqueueJob(db, { tenantId: b.tenantId, ...visitorPasswordResetJob({ tenantId: b.tenantId, email: address, bucket: 0 }) });
    const { worker, clock } = mailWorker(db);
    await drain(worker);

    expect(VISITOR_LINKS_PER_WINDOW).toBeLessThan(12);
    expect(sentTo(address, /^Reset your/).filter((m) => m.from.includes("vlm-a@"))).toHaveLength(VISITOR_LINKS_PER_WINDOW);
    expect(sentTo(address, /^Confirm your/)).toHaveLength(VISITOR_LINKS_PER_WINDOW);
    // The other tenant's account with the same address is counted on its own.
    expect(sentTo(address, /^Reset your/).filter((m) => m.from.includes("vlm-b@"))).toHaveLength(1);
    // Past the cap nothing is made: no token, no message, and every job finished.
    expect(await db.visitorToken.count({ where: { tenantId: a.tenantId, visitorId: onA.id } })).toBe(2 * VISITOR_LINKS_PER_WINDOW);
    expect(await db.emailMessage.count({ where: { tenantId: a.tenantId } })).toBe(2 * VISITOR_LINKS_PER_WINDOW);
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, status: { not: "COMPLETED" } } })).toBe(0);

    // A day later the account gets links again.
    clock.advance(VISITOR_LINK_WINDOW_MS);
    smtp.sink.clear();
    await enqueueJob(db, { tenantId: a.tenantId, ...visitorPasswordResetJob({ tenantId: a.tenantId, email: address, bucket: 10_000 }) });
    await drain(worker);
    expect(sentTo(address, /^Reset your/)).toHaveLength(1);
  });

  it("send at most VISITOR_LINKS_PER_WINDOW of each kind when the requests' jobs run at the same instant on two workers", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "vlm-rush" });
    const b = await createTenantFixture(db, { slug: "vlm-rush-b" });
    const address = "rushed@example.test";
    const onA = await visitorOf(db, a.tenantId, address);
    const onB = await visitorOf(db, b.tenantId, address);
    smtp.sink.clear();
    const AT_ONCE = 20;
    for (let bucket = 0; bucket < AT_ONCE; bucket++) {
      await enqueueJob(db, { tenantId: a.tenantId, ...visitorPasswordResetJob({ tenantId: a.tenantId, email: address, bucket }) });
      await enqueueJob(db, { tenantId: a.tenantId, kind: VISITOR_VERIFY_EMAIL_KIND, payload: { visitorId: onA.id }, dedupeKey: `rush:${bucket}` });
      await enqueueJob(db, { tenantId: b.tenantId, ...visitorPasswordResetJob({ tenantId: b.tenantId, email: address, bucket }) });
    }
    // Two workers, each running every job it claims at once (as two worker processes would).
    const kinds = { ...visitorEmailKinds, ...mailJobKinds({ transport: smtp.transport }) };
    const workers = [0, 1].map(() => testWorker(db, { kinds, concurrency: 2 * AT_ONCE, batchSize: 2 * AT_ONCE }).worker);
    for (let i = 0; i < 3; i++) await Promise.all(workers.map((w) => w.drainOnce()));

    expect(VISITOR_LINKS_PER_WINDOW).toBeLessThan(AT_ONCE);
    const resets = sentTo(address, /^Reset your/);
    expect(resets.filter((m) => m.from.includes("vlm-rush@"))).toHaveLength(VISITOR_LINKS_PER_WINDOW);
    expect(resets.filter((m) => m.from.includes("vlm-rush-b@"))).toHaveLength(VISITOR_LINKS_PER_WINDOW);
    expect(sentTo(address, /^Confirm your/)).toHaveLength(VISITOR_LINKS_PER_WINDOW);
    expect(await db.visitorToken.count({ where: { tenantId: a.tenantId, visitorId: onA.id } })).toBe(2 * VISITOR_LINKS_PER_WINDOW);
    expect(await db.visitorToken.count({ where: { tenantId: b.tenantId, visitorId: onB.id } })).toBe(VISITOR_LINKS_PER_WINDOW);
    expect(await db.ingestionJob.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] }, status: { not: "COMPLETED" } } })).toBe(0);
  });

  it("address the name typed at sign-up only to a proven address", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "vlm-name" });
    const spam = "Claim your prize at prize.example";
    const visitor = await visitorOf(db, a.tenantId, "someone-else@example.test", spam);
    smtp.sink.clear();
    await enqueueJob(db, { tenantId: a.tenantId, kind: VISITOR_VERIFY_EMAIL_KIND, payload: { visitorId: visitor.id }, dedupeKey: "signed-up" });
    const { worker } = mailWorker(db);
    await drain(worker);
    const [verification] = sentTo("someone-else@example.test", /^Confirm your/);
    expect(verification!.to).toBe("someone-else@example.test");
    expect(JSON.stringify(verification)).not.toContain("prize");

    // Once the address is proven the account's name is used, as typed.
    await db.visitor.update({ where: { tenantId_id: { tenantId: a.tenantId, id: visitor.id } }, data: { emailVerifiedAt: new Date() } });
    await enqueueJob(db, { tenantId: a.tenantId, ...visitorPasswordResetJob({ tenantId: a.tenantId, email: "someone-else@example.test", bucket: 1 }) });
    await drain(worker);
    const [reset] = sentTo("someone-else@example.test", /^Reset your/);
    expect(reset!.to).toContain(spam);
  });

  it("end every other reset link of the account when one of them sets a new password", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "vlm-reset" });
    const other = await createTenantFixture(db, { slug: "vlm-reset-b" });
    const address = "twice@example.test";
    await visitorOf(db, a.tenantId, address);
    await visitorOf(db, other.tenantId, address);
    smtp.sink.clear();
    for (const bucket of [1, 2]) {
      await enqueueJob(db, { tenantId: a.tenantId, ...visitorPasswordResetJob({ tenantId: a.tenantId, email: address, bucket }) });
    }
    await enqueueJob(db, { tenantId: other.tenantId, ...visitorPasswordResetJob({ tenantId: other.tenantId, email: address, bucket: 1 }) });
    const { worker } = mailWorker(db);
    await drain(worker);
    const onA = sentTo(address, /^Reset your/).filter((m) => m.from.includes("vlm-reset@"));
    const onOther = sentTo(address, /^Reset your/).filter((m) => m.from.includes("vlm-reset-b@"));
    expect(onA).toHaveLength(2);
    expect(onOther).toHaveLength(1);
    const [first, second] = onA.map(tokenOf);

    expect(await resetVisitorPassword({ tenantId: a.tenantId, token: first!, password: "the-new-password-1", db })).toBe(true);
    expect(await resetVisitorPassword({ tenantId: a.tenantId, token: second!, password: "an-attackers-password", db })).toBe(false);
    expect(await resetVisitorPassword({ tenantId: a.tenantId, token: first!, password: "an-attackers-password", db })).toBe(false);
    // The other tenant's account (same address, another brokerage) keeps its own link.
    expect(await resetVisitorPassword({ tenantId: other.tenantId, token: tokenOf(onOther[0]!), password: "the-new-password-2", db })).toBe(true);
  });
});
