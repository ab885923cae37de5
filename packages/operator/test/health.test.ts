import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { unsafeGetIngestionOverview } from "../src";

const testDb = useTestDatabase("studio_health");
type Job = {
  status: "PENDING" | "PROCESSING" | "COMPLETED" | "DEAD_LETTERED";
  completedAt?: Date;
  lastAttemptAt?: Date;
  lastError?: string;
  deadLetteredAt?: Date;
  nextAttemptAt?: Date;
  leaseExpiresAt?: Date;
};

async function insertJobs(db: ReturnType<typeof testDb>["db"], tenantId: string, jobs: Job[]) {
  await db.ingestionJob.createMany({
    data: jobs.map((j) => ({ tenantId, eventId: crypto.randomUUID(), eventType: "lead.submitted", payload: {}, ...j })),
  });
}

const NOW = new Date("2026-11-27T12:00:30Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe("ingestion overview", () => {
  it("counts jobs by status per tenant, per-minute throughput, the oldest due job and dead-letter growth", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "health-a", name: "Alpha Homes" });
    const b = await createTenantFixture(db, { slug: "health-b", name: "Beta Realty" });
    await insertJobs(db, a.tenantId, [
      { status: "COMPLETED", completedAt: ago(0) },
      { status: "COMPLETED", completedAt: ago(0) },
      { status: "COMPLETED", completedAt: ago(5) },
      { status: "COMPLETED", completedAt: ago(300) },
      { status: "PENDING", lastAttemptAt: ago(2), lastError: "boom", nextAttemptAt: ago(10) },
      { status: "PENDING", nextAttemptAt: ago(-30) },
      { status: "DEAD_LETTERED", lastAttemptAt: ago(20), lastError: "boom", deadLetteredAt: ago(20) },
      { status: "PROCESSING", leaseExpiresAt: ago(1) },
    ]);
    await insertJobs(db, b.tenantId, [
      { status: "DEAD_LETTERED", lastAttemptAt: ago(200), lastError: "x", deadLetteredAt: ago(200) },
      { status: "COMPLETED", completedAt: ago(2000) },
    ]);
    const o = await unsafeGetIngestionOverview({ now: NOW, thresholds: { oldestDueWarnSeconds: 300, deadLetterGrowthWarn: 1 } });
    expect(o.byTenant.map((t) => [t.name, t.PENDING, t.PROCESSING, t.COMPLETED, t.DEAD_LETTERED])).toEqual([
      ["Alpha Homes", 2, 1, 4, 1],
      ["Beta Realty", 0, 0, 1, 1],
    ]);
    expect(o.hour.processed).toHaveLength(60);
    expect(o.hour.processed.at(-1)).toBe(2);
    expect(o.hour.processed.at(-6)).toBe(1);
    expect(o.hour.failed.at(-3)).toBe(1);
    expect(o.hour.failed.reduce((x, y) => x + y, 0)).toBe(2);
    expect(o.day.processed).toHaveLength(96);
    expect(o.day.processed.reduce((x, y) => x + y, 0) * 15).toBeCloseTo(4, 0);
    expect(o.day.processed.at(-1)).toBe(0.13); // 2 jobs in the current quarter hour, per minute
    expect(o.deadLetteredPerHour).toHaveLength(24);
    expect(o.deadLetteredPerHour.at(-1)).toBe(1);
    expect(o.deadLetteredPerHour.at(-4)).toBe(1);
    expect(o.deadLetters).toEqual({ current: 2, newLastHour: 1, newLastDay: 2 });
    expect(o.dueNow).toBe(1);
    expect(o.oldestDue?.ageSeconds).toBe(600);
    expect(o.expiredLeases).toBe(1);
    expect(o.warnings.map((w) => w.code)).toEqual(["oldest_due_job", "dead_letters_growing", "stuck_processing"]);
    expect(o.warnings[0]!.message).toContain("10 min");

    const onlyB = await unsafeGetIngestionOverview({ now: NOW, tenantId: b.tenantId });
    expect(onlyB.byTenant.map((t) => t.name)).toEqual(["Beta Realty"]);
    expect(onlyB.warnings).toEqual([]);
    expect(onlyB.hour.processed.every((v) => v === 0)).toBe(true);
  });

  it("has no warnings for a quiet, healthy queue", async () => {
    const o = await unsafeGetIngestionOverview({ now: new Date("2020-01-01T00:00:00Z"), tenantId: crypto.randomUUID() });
    expect(o).toMatchObject({ dueNow: 0, oldestDue: null, warnings: [], deadLetters: { current: 0, newLastHour: 0, newLastDay: 0 } });
  });
});
