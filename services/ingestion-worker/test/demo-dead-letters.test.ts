import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { seedDemoData } from "@real-estate/demo";
import { listDeadLetters, requeueDeadLetters } from "@real-estate/queue";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("workerdemodead");

// The demo's dead letters are real events: re-driven, the ones that failed for a passing reason
// (a database restart, a killed worker) are applied, and the one no retry can fix fails again.
describe("the demo's dead letters", () => {
  it("re-driven: five are applied to the CRM, the number that is none is dead-lettered again", { timeout: 120_000 }, async () => {
    const { db } = testDb();
    await seedDemoData({ db, log: () => {} });
    const before = await listDeadLetters({ db });
    expect(before.items).toHaveLength(6);
    const redrive = await requeueDeadLetters({ db, selection: { all: true, filter: {} }, actor: "demo-test", origin: "cli" });
    expect(redrive).toMatchObject({ matched: 6, requeued: 6 });

    const { worker } = testWorker(db);
    expect(await worker.drainOnce()).toEqual({ processed: 5, retried: 0, deadLettered: 1 });
    const after = await listDeadLetters({ db });
    expect(after.items.map((d) => [d.eventId, d.lastError])).toEqual([
      [expect.stringMatching(/-bad-phone$/), "invalid payload: contact has no email and no valid phone number"],
    ]);
    const applied = before.items.filter((d) => !d.eventId.endsWith("-bad-phone")).map((d) => d.eventId);
    expect(await db.ingestedEvent.count({ where: { eventId: { in: applied } } })).toBe(5);
    expect(await db.activity.count({ where: { eventId: { in: applied } } })).toBe(5);
  });
});
