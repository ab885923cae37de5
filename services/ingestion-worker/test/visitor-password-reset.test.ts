import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueJob } from "@real-estate/queue";
import { createVisitor, VISITOR_PASSWORD_RESET_KIND, visitorPasswordResetJob } from "@real-estate/sites";
import { visitorEmailKinds } from "../src/visitor-emails";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("visitor_pw_reset");
const kinds = { [VISITOR_PASSWORD_RESET_KIND]: visitorEmailKinds[VISITOR_PASSWORD_RESET_KIND]! };

describe("password-reset jobs (queued for every request, the visitor looked up by the worker)", () => {
  it("e-mail only an account of the job's tenant, leave nothing but a finished job for an unknown address, and still take the old payload", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "pwr-a" });
    const b = await createTenantFixture(db, { slug: "pwr-b" });
    const known = await createVisitor({ tenantId: a.tenantId, email: "known@example.test", password: "a-long-password-1", db });
    if (!known.ok) throw new Error("no visitor");
    await createVisitor({ tenantId: b.tenantId, email: "known@example.test", password: "a-long-password-1", db });
    await createVisitor({ tenantId: b.tenantId, email: "only-b@example.test", password: "a-long-password-1", db });
    const asked = (email: string) => enqueueJob(db, { tenantId: a.tenantId, ...visitorPasswordResetJob({ tenantId: a.tenantId, email, bucket: 1 }) });
    await asked("  Known@Example.test ");
    await asked("nobody@example.test");
    await asked("only-b@example.test"); // an account of tenant b only, asked on tenant a
    await enqueueJob(db, { tenantId: a.tenantId, kind: VISITOR_PASSWORD_RESET_KIND, payload: { visitorId: known.visitor.id }, dedupeKey: "before-0097" });
    for (const [key, payload] of [
      ["bad-1", { email: "Known@example.test" }], // not normalized
      ["bad-2", { email: "not-an-address" }],
      ["bad-3", { visitorId: "not-a-uuid" }],
    ] as const) {
      await enqueueJob(db, { tenantId: a.tenantId, kind: VISITOR_PASSWORD_RESET_KIND, payload, dedupeKey: key });
    }

    const { worker } = testWorker(db, { kinds });
    expect(await worker.drainOnce()).toMatchObject({ retried: 0, deadLettered: 3 });

    const mails = await db.emailMessage.findMany({ where: { tenantId: a.tenantId }, select: { toAddress: true, template: true, visitorId: true } });
    expect(mails).toEqual([
      { toAddress: "known@example.test", template: "password-reset", visitorId: known.visitor.id },
      { toAddress: "known@example.test", template: "password-reset", visitorId: known.visitor.id },
    ]);
    expect(await db.visitorToken.count({ where: { tenantId: a.tenantId, visitorId: known.visitor.id, purpose: "reset-password" } })).toBe(2);
    expect(await db.visitorToken.count({ where: { tenantId: a.tenantId } })).toBe(2);
    expect(await db.jobEffect.count({ where: { tenantId: a.tenantId } })).toBe(2); // the two e-mails' only
    for (const count of [db.emailMessage.count({ where: { tenantId: b.tenantId } }), db.visitorToken.count({ where: { tenantId: b.tenantId } })]) {
      expect(await count).toBe(0);
    }

    // The finished jobs keep no address: not in the payload, not in the key.
    const done = await db.ingestionJob.findMany({ where: { tenantId: a.tenantId, status: "COMPLETED" }, select: { eventId: true, payload: true } });
    expect(done).toHaveLength(4);
    expect(done.filter((j) => j.eventId !== "before-0097").map((j) => j.payload)).toEqual([{ email: null }, { email: null }, { email: null }]);
    expect(JSON.stringify(done)).not.toMatch(/example\.test/);
  });

  it("key one address's requests by tenant and resend window, naming no address", () => {
    const key = (tenantId: string, email: string, bucket: number) => visitorPasswordResetJob({ tenantId, email, bucket }).dedupeKey;
    const [t1, t2] = ["0195b7a0-0000-7000-8000-000000000001", "0195b7a0-0000-7000-8000-000000000002"];
    expect(key(t1, " Ann@Example.test", 7)).toBe(key(t1, "ann@example.test", 7));
    expect(key(t1, "ann@example.test", 8)).not.toBe(key(t1, "ann@example.test", 7));
    expect(key(t2, "ann@example.test", 7)).not.toBe(key(t1, "ann@example.test", 7));
    expect(key(t1, "ann@example.test", 7)).not.toMatch(/ann|example/i);
    expect(visitorPasswordResetJob({ tenantId: t1, email: " Ann@Example.test", bucket: 7 }).payload).toEqual({ email: "ann@example.test" });
  });
});
