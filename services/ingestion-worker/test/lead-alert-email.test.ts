import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createSmtpTransport, type MailTransport } from "@real-estate/mail";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import { systemClock } from "../src/clock";
import { standardJobKinds } from "../src/job-kinds";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("leadalert");
let sink: SmtpSink;
let transport: MailTransport;

beforeAll(async () => {
  sink = await startSmtpSink({ smtpPort: 0, httpPort: null });
  transport = createSmtpTransport({ url: sink.url });
});
afterAll(async () => {
  transport?.close?.();
  await sink?.close();
});

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
    sink.clear();
    const { worker } = testWorker(db, { clock: systemClock, kinds: standardJobKinds({ transport }), pollIntervalMs: 50, concurrency: 4 });
    const running = worker.run();
    try {
      const started = Date.now();
      await enqueue(
        db,
        a.tenantId,
        { firstName: "Dana", lastName: "Reyes", email: "dana@example.test", phone: "+12035550143" },
        { message: "Is the garden south-facing?", listingKey: "ALERT-1" },
      );
      await expect.poll(() => sink.messages().length, { timeout: 15_000, interval: 50 }).toBe(1);
      const elapsed = Date.now() - started;
      const [mail] = sink.messages();
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
      await expect.poll(() => sink.messages().length, { timeout: 15_000, interval: 50 }).toBe(2);
      const second = sink.messages()[1]!;
      expect(second.envelope.to).toEqual(["owner-b@example.test"]);
      expect(second.from).toContain("alert-b@mail.platform.example");
      expect(second.html).not.toContain("alert-a");
    } finally {
      await worker.stop();
      await running;
    }
    expect(await db.emailMessage.count({ where: { status: "SENT" } })).toBe(2);
  });
});
