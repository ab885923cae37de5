// A round robin's agent gets the new-lead alert in the statement that takes the turn (decision
// 0057): the same message writeLeadAlert writes, fairness within one under concurrent commits and
// rollbacks, and nothing left behind by a rolled back routing.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { createPrismaClient, type Db, type DbTx } from "@real-estate/db";
import { createRoutingRule, prepareLeadRouting, processWebsiteEvent } from "@real-estate/crm";
import { prepareAssigneeLeadAlert, writeLeadAlert } from "@real-estate/mail";
import { leadEvent } from "./helpers";

const testDb = useTestDatabase("rralert");

async function member(db: Db, tenantId: string, o: { name: string; email: string; role?: "OWNER" | "AGENT"; displayName?: string }) {
  const user = await db.user.create({ data: { id: crypto.randomUUID(), name: o.name, email: o.email } });
  return (await db.tenantMembership.create({ data: { tenantId, userId: user.id, role: o.role ?? "AGENT", displayName: o.displayName } })).id;
}

async function roundRobin(db: Db, tenantId: string, memberIds: string[]) {
  await createRoutingRule({ tenantId, actorUserId: "owner", db, input: { name: "Team", sources: [], towns: [], targetKind: "ROUND_ROBIN", memberIds } });
}

/** The worker's way of applying an inquiry, except that the fallback writer is the one given. */
function apply(db: Db, tenantId: string, event: unknown, fallback: (tx: DbTx, alert: { leadId: string; activityId: string }) => Promise<unknown>) {
  return processWebsiteEvent({
    tenantId,
    event,
    db,
    writeLeadAlert: fallback,
    prepareAssigneeAlert: (tx, alert) => prepareAssigneeLeadAlert(tx, { tenantId, ...alert }),
  });
}

const noFallback = async () => {
  throw new Error("the alert was left to writeLeadAlert");
};

describe("a round robin's new-lead alert, written with the turn", () => {
  it("is the message writeLeadAlert writes (name escaped in the HTML, same Message-ID), to the picked agent only; everyone away: the owners", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "rr-alert-a" });
    const b = await createTenantFixture(db, { slug: "rr-alert-b" });
    await member(db, a.tenantId, { name: "Olive Owner", email: "olive@example.test", role: "OWNER" });
    const zoe = await member(db, a.tenantId, { name: "Zoe Account", email: " Zoe@Example.test", displayName: `Zoë "Z" O'Neil <&>` });
    const yan = await member(db, a.tenantId, { name: "Yan Agent", email: "yan@example.test" });
    const bea = await member(db, b.tenantId, { name: "Bea Agent", email: "bea@example.test" });
    await roundRobin(db, a.tenantId, [zoe, yan]);
    await roundRobin(db, b.tenantId, [bea]);

    const first = await apply(
      db,
      a.tenantId,
      leadEvent(a.tenantId, { firstName: "Noor", email: "noor@example.test" }, { message: "Is it <still> available?" }),
      noFallback,
    );
    const second = await apply(db, a.tenantId, leadEvent(a.tenantId, { firstName: "Ivo", email: "ivo@example.test" }), noFallback);
    const other = await apply(db, b.tenantId, leadEvent(b.tenantId, { firstName: "Kim", email: "kim@example.test" }), noFallback);
    for (const r of [first, second, other]) expect(r).toMatchObject({ outcome: "applied", routing: { kind: "round_robin" } });
    if (first.outcome !== "applied" || second.outcome !== "applied" || other.outcome !== "applied") throw new Error("not applied");
    expect([first.routing, second.routing, other.routing].map((r) => r && "membershipId" in r && r.membershipId)).toEqual([zoe, yan, bea]);

    const messages = await db.emailMessage.findMany({
      where: { tenantId: { in: [a.tenantId, b.tenantId] }, template: "lead-alert" },
      orderBy: { toAddress: "asc" },
    });
    expect(messages.map((m) => [m.tenantId, m.leadId, m.toAddress, m.toName, m.fromAddress])).toEqual([
      [b.tenantId, other.leadId, "bea@example.test", "Bea Agent", "rr-alert-b@mail.platform.example"],
      [a.tenantId, second.leadId, "yan@example.test", "Yan Agent", "rr-alert-a@mail.platform.example"],
      [a.tenantId, first.leadId, "zoe@example.test", `Zoë "Z" O'Neil <&>`, "rr-alert-a@mail.platform.example"],
    ]);
    for (const m of messages) {
      expect(
        await db.ingestionJob.count({ where: { tenantId: m.tenantId, kind: "email.deliver", eventId: m.id, payload: { equals: { emailId: m.id } } } }),
      ).toBe(1);
    }

    // What writeLeadAlert writes for the same inquiry, in a transaction rolled back afterwards:
    // the same Message-ID (so it dedupes against the message above) and the same content.
    const zoeMessage = messages[2]!;
    const reference = await db
      .$transaction(async (tx) => {
        await tx.ingestionJob.deleteMany({ where: { tenantId: a.tenantId, kind: "email.deliver", eventId: zoeMessage.id } });
        await tx.emailMessage.deleteMany({ where: { tenantId: a.tenantId, id: zoeMessage.id } });
        const [queued] = await writeLeadAlert(tx, { tenantId: a.tenantId, leadId: first.leadId, activityId: first.activityId });
        const row = await tx.emailMessage.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: queued!.id } } });
        throw Object.assign(new Error("reference only"), { row });
      })
      .catch((e: { row?: typeof zoeMessage }) => e.row);
    const fields = (m: typeof zoeMessage) => ({
      messageId: m.messageId,
      subject: m.subject,
      html: m.html,
      text: m.text,
      toAddress: m.toAddress,
      toName: m.toName,
      fromName: m.fromName,
      replyTo: m.replyTo,
      category: m.category,
      headers: m.headers,
      contactId: m.contactId,
    });
    expect(reference).toBeDefined();
    expect(fields(zoeMessage)).toEqual(fields(reference!));
    expect(zoeMessage.html).toContain("Zoë &quot;Z&quot; O&#x27;Neil &lt;&amp;&gt;, ");
    expect(zoeMessage.text).toContain(`Zoë "Z" O'Neil <&>, sent a request from your website.`);
    expect(zoeMessage.html).not.toMatch(/recipient[0-9a-f]{32}/);
    // And writeLeadAlert run again for it (a re-run) finds the message there: nothing new.
    const rerun = await db.$transaction((tx) => writeLeadAlert(tx, { tenantId: a.tenantId, leadId: first.leadId, activityId: first.activityId }));
    expect(rerun.map((q) => [q.id, q.created])).toEqual([[zoeMessage.id, false]]);

    // Everyone away: the pond, and the alert goes the ordinary way, to the owners.
    await db.tenantMembership.updateMany({ where: { tenantId: a.tenantId, id: { in: [zoe, yan] } }, data: { away: true } });
    const pooled = await apply(db, a.tenantId, leadEvent(a.tenantId, { firstName: "Pia", email: "pia@example.test" }), (tx, alert) =>
      writeLeadAlert(tx, { tenantId: a.tenantId, ...alert }),
    );
    expect(pooled).toMatchObject({ outcome: "applied", routing: { kind: "pond" } });
    if (pooled.outcome !== "applied") throw new Error("not applied");
    const toOwners = await db.emailMessage.findMany({ where: { tenantId: a.tenantId, leadId: pooled.leadId } });
    expect(toOwners.map((m) => m.toAddress)).toEqual(["olive@example.test"]);
  });

  it("turns within one of each other, and one alert per committed lead, while routings with alerts commit and roll back concurrently", async () => {
    const { db, url } = testDb();
    const t = await createTenantFixture(db, { slug: "rr-alert-fair" });
    const members = [
      await member(db, t.tenantId, { name: "Ann Agent", email: "ann-fair@example.test" }),
      await member(db, t.tenantId, { name: "Bob Agent", email: "bob-fair@example.test" }),
      await member(db, t.tenantId, { name: "Cat Agent", email: "cat-fair@example.test" }),
    ];
    await roundRobin(db, t.tenantId, members);
    const otherDb = createPrismaClient({ url, poolSize: 5 });
    const committed: string[] = [];
    let rolledBack = 0;
    // A routing that takes its turn with the alert and then fails before its commit.
    const rollBack = (client: Db, i: number) =>
      client
        .$transaction(async (tx) => {
          const contact = await tx.contact.create({ data: { tenantId: t.tenantId, firstName: `Gone${i}`, source: "website_contact" } });
          const lead = await tx.lead.create({ data: { tenantId: t.tenantId, contactId: contact.id, source: "website_contact" } });
          const assign = await prepareLeadRouting(tx, {
            tenantId: t.tenantId,
            leadId: lead.id,
            contactId: contact.id,
            source: "website_contact",
            listingKey: null,
            timeZone: "UTC",
            now: new Date(),
          });
          const alert = await prepareAssigneeLeadAlert(tx, { tenantId: t.tenantId, leadId: lead.id, activityId: crypto.randomUUID() });
          const { routing, alertWritten } = await assign(alert);
          expect(routing.kind).toBe("round_robin");
          expect(alertWritten).toBe(true);
          throw new Error("rolled back after the turn");
        })
        .catch((e: Error) => {
          expect(e.message).toBe("rolled back after the turn");
          rolledBack++;
        });
    const lanes = 6;
    const perLane = 30;
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const client = lane % 2 ? otherDb : db;
        for (let i = 0; i < perLane; i++) {
          if ((lane + i) % 3 === 0) {
            await rollBack(client, lane * perLane + i);
            continue;
          }
          const r = await apply(client, t.tenantId, leadEvent(t.tenantId, { firstName: `P${lane}-${i}`, email: `p${lane}-${i}@example.org` }), noFallback);
          if (r.outcome !== "applied") throw new Error("not applied");
          committed.push(r.leadId);
        }
      }),
    ).finally(() => otherDb.$disconnect());
    expect(rolledBack).toBe(60);
    expect(committed).toHaveLength(120);
    const leads = await db.lead.findMany({ where: { tenantId: t.tenantId }, select: { id: true, assignedMembershipId: true } });
    expect(leads.map((l) => l.id).sort()).toEqual([...committed].sort());
    const counts = members.map((m) => leads.filter((l) => l.assignedMembershipId === m).length);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(120);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // Every committed lead's alert went to its agent, once, with its delivery job; none of the
    // rolled back ones left a message or a job.
    const messages = await db.emailMessage.findMany({ where: { tenantId: t.tenantId }, select: { id: true, leadId: true, toAddress: true } });
    expect(messages).toHaveLength(120);
    const emailOf = new Map([
      [members[0], "ann-fair@example.test"],
      [members[1], "bob-fair@example.test"],
      [members[2], "cat-fair@example.test"],
    ]);
    const byLead = new Map(messages.map((m) => [m.leadId, m.toAddress]));
    for (const l of leads) expect(byLead.get(l.id)).toBe(emailOf.get(l.assignedMembershipId!));
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId, kind: "email.deliver" } })).toBe(120);
    // The rule's counter counts committed turns only.
    expect((await db.routingRule.findFirstOrThrow({ where: { tenantId: t.tenantId }, select: { turns: true } })).turns).toBe(120);
  }, 120_000);
});
