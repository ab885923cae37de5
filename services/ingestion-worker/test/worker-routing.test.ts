import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { createRoutingRule } from "@real-estate/crm";
import { createManualClock } from "../src/clock";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("workerroute");

async function member(db: Db, tenantId: string, name: string, role: "OWNER" | "AGENT" = "AGENT") {
  const userId = crypto.randomUUID();
  await db.user.create({ data: { id: userId, name, email: `${userId}@example.test` } });
  return (await db.tenantMembership.create({ data: { tenantId, userId, role } })).id;
}

async function roundRobinTenant(db: Db, rerouteAfterMinutes: number | null = null) {
  const t = await createTenantFixture(db);
  await member(db, t.tenantId, "Olive Owner", "OWNER");
  const ann = await member(db, t.tenantId, "Ann Agent");
  const bob = await member(db, t.tenantId, "Bob Agent");
  await createRoutingRule({
    tenantId: t.tenantId,
    actorUserId: "owner",
    db,
    input: { name: "Team", sources: [], towns: [], targetKind: "ROUND_ROBIN", memberIds: [ann, bob], rerouteAfterMinutes },
  });
  return { tenantId: t.tenantId, ann, bob };
}

describe("routing in the ingestion worker", () => {
  it("two workers and retried jobs: every new lead is assigned exactly once, alternately", async () => {
    const { db, url } = testDb();
    const { tenantId, ann, bob } = await roundRobinTenant(db);
    for (let i = 0; i < 30; i++) await enqueue(db, tenantId, { firstName: `P${i}`, email: `p${i}@example.org` });
    const otherDb = createPrismaClient({ url, poolSize: 5 });
    try {
      const clock = createManualClock(new Date(Date.now() + 1_000));
      const one = testWorker(db, { clock });
      const two = testWorker(otherDb, { clock });
      await Promise.all([one.worker.drainOnce(), two.worker.drainOnce()]);
      // The completions were lost (as after a crash): every job runs again, on both workers.
      await db.ingestionJob.updateMany({ where: { tenantId }, data: { status: "PENDING", completedAt: null, lockedBy: null, leaseExpiresAt: null } });
      const again = await Promise.all([one.worker.drainOnce(), two.worker.drainOnce()]);
      expect(again[0].processed + again[1].processed).toBe(30);
    } finally {
      await otherDb.$disconnect();
    }
    const leads = await db.lead.findMany({ where: { tenantId }, select: { id: true, assignedMembershipId: true } });
    expect(leads).toHaveLength(30);
    const assignments = await db.activity.groupBy({ by: ["leadId"], where: { tenantId, type: "ASSIGNMENT" }, _count: { _all: true } });
    expect(assignments).toHaveLength(30);
    expect(assignments.every((a) => a._count._all === 1)).toBe(true);
    expect(leads.filter((l) => l.assignedMembershipId === ann)).toHaveLength(15);
    expect(leads.filter((l) => l.assignedMembershipId === bob)).toHaveLength(15);
  });

  it("a running worker re-routes a lead nobody contacted in time (manual clock)", async () => {
    const { db } = testDb();
    const { tenantId, ann, bob } = await roundRobinTenant(db, 10);
    await enqueue(db, tenantId, { firstName: "Waiting", email: "waiting@example.org" });
    const clock = createManualClock(new Date(Date.now() + 1_000));
    const { worker } = testWorker(db, { clock, rerouteIntervalMs: 50, pollIntervalMs: 50 });
    await worker.drainOnce();
    const before = await db.lead.findFirstOrThrow({ where: { tenantId } });
    expect(before.assignedMembershipId).toBe(ann);
    const running = worker.run();
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect((await db.lead.findFirstOrThrow({ where: { tenantId } })).assignedMembershipId).toBe(ann);
      clock.advance(11 * 60_000);
      const deadline = Date.now() + 20_000;
      while ((await db.lead.findFirstOrThrow({ where: { tenantId } })).assignedMembershipId === ann && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await worker.stop();
      await running;
    }
    const after = await db.lead.findFirstOrThrow({ where: { tenantId } });
    expect(after.assignedMembershipId).toBe(bob);
    const titles = (await db.activity.findMany({ where: { tenantId, type: "ASSIGNMENT" }, orderBy: { occurredAt: "asc" } })).map((a) => a.title);
    expect(titles).toEqual([
      "Assigned to Ann Agent by routing rule “Team” (round robin)",
      "Re-routed to Bob Agent: not contacted within 10 minutes by Ann Agent",
    ]);
  });
});
