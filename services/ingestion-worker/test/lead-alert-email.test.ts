import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { processWebsiteEvent } from "@real-estate/crm";
import { writeLeadAlert } from "@real-estate/mail";
import { useSmtpSink } from "./support/smtp";
import { systemClock } from "../src/clock";
import { standardJobKinds, websiteEventWithAlertsKind } from "../src/job-kinds";
import { enqueue, leadEvent, testWorker } from "./helpers";

const testDb = useTestDatabase("leadalert");
const smtp = useSmtpSink();

async function member(db: Db, tenantId: string, role: "OWNER" | "AGENT", email: string) {
  const user = await db.user.create({ data: { id: crypto.randomUUID(), name: `${role} ${email.split("@")[0]}`, email } });
  return db.tenantMembership.create({ data: { tenantId, userId: user.id, role } });
}

describe("new-lead alert e-mail", () => {
  it("reaches the tenant's owners within seconds of the inquiry, with who, what, the listing and a link to the lead; never another tenant's", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "alert-a" });
    const b = await createTenantFixture(db, { slug: "alert-b" });
    await member(db, a.tenantId, "OWNER", "owner-a@example.test");
    await member(db, a.tenantId, "AGENT", "agent-a@example.test");
    await member(db, b.tenantId, "OWNER", "owner-b@example.test");
    await db.listing.create({
      data: {
        tenantId: a.tenantId,
        ListingKey: "ALERT-1",
        StandardStatus: "Active",
        PropertyType: "Residential",
        ListPrice: 725_000,
        UnparsedAddress: "12 Elm Street",
        City: "Fairfield",
        StateOrProvince: "CT",
        PostalCode: "06824",
        ModificationTimestamp: new Date(),
        Media: [{ url: "/media/listings/ALERT-1/1.jpg" }],
      },
    });
    smtp.sink.clear();
    const { worker } = testWorker(db, { clock: systemClock, kinds: standardJobKinds({ transport: smtp.transport }), pollIntervalMs: 50, concurrency: 4 });
    const running = worker.run();
    try {
      const started = Date.now();
      await enqueue(
        db,
        a.tenantId,
        { firstName: "Dana", lastName: "Reyes", email: "dana@example.test", phone: "+12035550143" },
        { message: "Is the garden south-facing?", listingKey: "ALERT-1" },
      );
      await expect.poll(() => smtp.sink.messages().length, { timeout: 15_000, interval: 50 }).toBe(1);
      const elapsed = Date.now() - started;
      const [mail] = smtp.sink.messages();
      expect(mail!.envelope.to).toEqual(["owner-a@example.test"]);
      expect(mail!.subject).toBe("New lead: Dana Reyes – 12 Elm Street");
      expect(mail!.from).toContain("alert-a@mail.platform.example");
      expect(mail!.text).toContain("dana@example.test");
      expect(mail!.text).toContain("Is the garden south-facing?");
      expect(mail!.text).toContain("$725,000");
      const lead = await db.lead.findFirstOrThrow({ where: { tenantId: a.tenantId } });
      expect(mail!.html).toMatch(new RegExp(`href="http://[^"]+/leads/${lead.id}"`));
      expect(mail!.html).toContain("/media/listings/ALERT-1/1.jpg");
      expect(elapsed).toBeLessThan(10_000);
      // The contact's timeline shows the e-mail once it is sent.
      await expect.poll(() => db.activity.count({ where: { tenantId: a.tenantId, type: "EMAIL" } }), { timeout: 5_000 }).toBe(1);
      // Tenant b's lead goes to b's owner only.
      await enqueue(db, b.tenantId, { firstName: "Eli", email: "eli@example.test" });
      await expect.poll(() => smtp.sink.messages().length, { timeout: 15_000, interval: 50 }).toBe(2);
      const second = smtp.sink.messages()[1]!;
      expect(second.envelope.to).toEqual(["owner-b@example.test"]);
      expect(second.from).toContain("alert-b@mail.platform.example");
      expect(second.html).not.toContain("alert-a");
    } finally {
      await worker.stop();
      await running;
    }
    expect(await db.emailMessage.count({ where: { status: "SENT" } })).toBe(2);
  });

  it("is written with the lead in the event's transaction: one job per inquiry, to the assigned agent only, never twice, never without the lead", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "inline-a" });
    const b = await createTenantFixture(db, { slug: "inline-b" });
    await member(db, a.tenantId, "OWNER", "owner-inline-a@example.test");
    const agent = await member(db, a.tenantId, "AGENT", "agent-inline-a@example.test");
    await member(db, b.tenantId, "OWNER", "owner-inline-b@example.test");
    // The website-event kind alone (no "lead.alert", no delivery): the alert must come from the event's job.
    const { worker } = testWorker(db, { kinds: { "website-event": websiteEventWithAlertsKind } });
    const first = await enqueue(db, a.tenantId, { firstName: "Noor", email: "noor@example.test" }, { message: "Still available?" });
    await enqueue(db, b.tenantId, { firstName: "Ivo", email: "ivo@example.test" });
    expect(await worker.drainOnce()).toEqual({ processed: 2, retried: 0, deadLettered: 0 });
    const ours = { tenantId: { in: [a.tenantId, b.tenantId] } };
    expect(await db.ingestionJob.count({ where: { ...ours, kind: "lead.alert" } })).toBe(0);
    const queued = await db.emailMessage.findMany({ where: { ...ours, template: "lead-alert" }, orderBy: { toAddress: "asc" } });
    expect(queued.map((m) => [m.tenantId, m.toAddress, m.fromAddress, m.status])).toEqual([
      [a.tenantId, "owner-inline-a@example.test", "inline-a@mail.platform.example", "QUEUED"],
      [b.tenantId, "owner-inline-b@example.test", "inline-b@mail.platform.example", "QUEUED"],
    ]);
    expect(queued[0]!.text).toContain("noor@example.test");
    expect(queued[0]!.text).toContain("Still available?");
    expect(queued[0]!.text).not.toContain("ivo@example.test");
    // Each message has its delivery job, queued in the same transaction.
    for (const m of queued) {
      expect(await db.ingestionJob.count({ where: { tenantId: m.tenantId, kind: "email.deliver", eventId: m.id } })).toBe(1);
    }

    // The same event again (a job run twice): the ledger makes it a duplicate, no second alert.
    const again = await processWebsiteEvent({
      tenantId: a.tenantId,
      event: first.event,
      db,
      writeLeadAlert: (tx, alert) => writeLeadAlert(tx, { tenantId: a.tenantId, ...alert }),
    });
    expect(again).toEqual({ outcome: "duplicate" });
    expect(await db.emailMessage.count({ where: { tenantId: a.tenantId } })).toBe(1);

    // A lead routed to an agent: the alert goes to that agent only.
    await db.lead.updateMany({ where: { tenantId: a.tenantId }, data: { status: "WON" } });
    await db.routingRule.create({ data: { tenantId: a.tenantId, name: "All to the agent", position: 1, targetKind: "AGENT", targetMembershipId: agent.id } });
    await enqueue(db, a.tenantId, { firstName: "Rae", email: "rae@example.test" });
    expect(await worker.drainOnce()).toMatchObject({ processed: 1 });
    const routed = await db.emailMessage.findMany({ where: { tenantId: a.tenantId, toAddress: { not: "owner-inline-a@example.test" } } });
    expect(routed.map((m) => m.toAddress)).toEqual(["agent-inline-a@example.test"]);

    // An alert that cannot be written rolls the whole event back: no lead without its alert.
    const failing = leadEvent(a.tenantId, { firstName: "Lou", email: "lou@example.test" });
    await expect(
      processWebsiteEvent({
        tenantId: a.tenantId,
        event: failing,
        db,
        writeLeadAlert: async () => {
          throw new Error("the outbox is unavailable");
        },
      }),
    ).rejects.toThrow("the outbox is unavailable");
    expect(await db.contact.count({ where: { tenantId: a.tenantId, email: "lou@example.test" } })).toBe(0);
    expect(await db.ingestedEvent.count({ where: { tenantId: a.tenantId, eventId: failing.eventId } })).toBe(0);
  });

  it("greets and addresses each recipient by their member profile's name in that tenant, else their account's name", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "profile-a" });
    const b = await createTenantFixture(db, { slug: "profile-b" });
    // One person in both brokerages, with a different profile name in each; a second owner of a without one.
    const both = await db.user.create({ data: { id: crypto.randomUUID(), name: "Samuel Ortiz", email: "sam@example.test" } });
    await db.tenantMembership.create({ data: { tenantId: a.tenantId, userId: both.id, role: "OWNER", displayName: "Sam Ortiz" } });
    await db.tenantMembership.create({ data: { tenantId: b.tenantId, userId: both.id, role: "OWNER", displayName: "S. Ortiz, Broker" } });
    await member(db, a.tenantId, "OWNER", "plain-owner@example.test");
    const { worker } = testWorker(db, { kinds: { "website-event": websiteEventWithAlertsKind } });
    await enqueue(db, a.tenantId, { firstName: "Mia", email: "mia@example.test" });
    await enqueue(db, b.tenantId, { firstName: "Oli", email: "oli@example.test" });
    expect(await worker.drainOnce()).toMatchObject({ processed: 2 });
    const queued = await db.emailMessage.findMany({
      where: { tenantId: { in: [a.tenantId, b.tenantId] }, template: "lead-alert" },
      orderBy: [{ fromAddress: "asc" }, { toAddress: "asc" }],
    });
    expect(queued.map((m) => [m.fromAddress, m.toAddress, m.toName])).toEqual([
      ["profile-a@mail.platform.example", "plain-owner@example.test", "OWNER plain-owner"],
      ["profile-a@mail.platform.example", "sam@example.test", "Sam Ortiz"],
      ["profile-b@mail.platform.example", "sam@example.test", "S. Ortiz, Broker"],
    ]);
    expect(queued[0]!.text).toContain("OWNER plain-owner,");
    expect(queued[1]!.text).toContain("Sam Ortiz,");
    expect(queued[1]!.text).not.toContain("Samuel");
    expect(queued[2]!.text).toContain("S. Ortiz, Broker,");

    // The profile name cleared: back to the account's name.
    await db.tenantMembership.updateMany({ where: { tenantId: a.tenantId, userId: both.id }, data: { displayName: null } });
    await enqueue(db, a.tenantId, { firstName: "Ned", email: "ned@example.test" });
    expect(await worker.drainOnce()).toMatchObject({ processed: 1 });
    const later = await db.emailMessage.findFirstOrThrow({
      where: { tenantId: a.tenantId, toAddress: "sam@example.test", text: { contains: "ned@example.test" } },
    });
    expect(later.toName).toBe("Samuel Ortiz");
    expect(later.text).toContain("Samuel Ortiz,");
  });
});
