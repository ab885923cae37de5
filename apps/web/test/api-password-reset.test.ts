import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { authenticateVisitor, createVisitor, createVisitorSession, createVisitorToken } from "@real-estate/sites";
import { POST as resetPassword } from "@/app/api/auth/password-reset/route";
import { POST as requestReset } from "@/app/api/auth/password-reset-request/route";
import { requestPasswordResetEmail } from "@/lib/visitors/visitor-mail";
import { apiRequest, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";
import { startWorkerProcess } from "./support/worker-process";

const testDb = useTestDatabase("web_pw_reset_mail");
let ff: WebTenant;
let sl: WebTenant;
const req = (t: WebTenant, path: string, o: Omit<Parameters<typeof apiRequest>[1], "host" | "tenantId"> = {}) =>
  apiRequest(path, { host: t.host, tenantId: t.tenantId, ip: freshIp(), ...o });

beforeAll(async () => {
  ff = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 1 });
  sl = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 1 });
});

describe("visitor password reset", () => {
  it("answers and queues the same for a known and an unknown address; the worker e-mails only this tenant's account", async () => {
    const { db, url } = testDb();
    const mine = await createVisitor({ tenantId: ff.tenantId, email: "forgetful@example.test", password: "old-password-1", db });
    const theirs = await createVisitor({ tenantId: sl.tenantId, email: "forgetful@example.test", password: "old-password-1", db });
    await createVisitor({ tenantId: sl.tenantId, email: "shoreline-only@example.test", password: "old-password-1", db });
    if (!mine.ok || !theirs.ok) throw new Error("no visitor");
    const asked = ["Forgetful@example.test", "nobody@example.test", "shoreline-only@example.test"];
    const answers = [];
    for (const email of asked) answers.push(await requestReset(req(ff, "/api/auth/password-reset-request", { json: { email } })));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202]);
    const seen = await Promise.all(answers.map(async (r) => ({ body: await r.text(), headers: [...r.headers] })));
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    const queued = await db.ingestionJob.findMany({ where: { tenantId: ff.tenantId }, orderBy: { id: "asc" }, select: { kind: true, payload: true } });
    expect(queued).toEqual(asked.map((email) => ({ kind: "visitor.password-reset", payload: { email: email.toLowerCase() } })));
    expect(await db.ingestionJob.count({ where: { tenantId: sl.tenantId } })).toBe(0);
    expect((await requestReset(req(ff, "/api/auth/password-reset-request", { json: { email: "not-an-address" } }))).status).toBe(422);

    const worker = startWorkerProcess({
      databaseUrl: url,
      workerId: "web-pw-reset",
      env: { INGESTION_KINDS: "visitor.password-reset", INGESTION_POLL_INTERVAL_MS: "100" },
    });
    try {
      await worker.waitFor("the reset jobs finished", async () =>
        (await db.ingestionJob.count({ where: { tenantId: ff.tenantId, status: "COMPLETED" } })) === 3 ? true : undefined,
      );
    } finally {
      await worker.stop();
    }
    const both = [ff.tenantId, sl.tenantId];
    const mails = await db.emailMessage.findMany({
      where: { tenantId: { in: both } },
      select: { tenantId: true, toAddress: true, template: true, visitorId: true },
    });
    expect(mails).toEqual([{ tenantId: ff.tenantId, toAddress: "forgetful@example.test", template: "password-reset", visitorId: mine.visitor.id }]);
    const tokens = await db.visitorToken.findMany({ where: { tenantId: { in: both } }, select: { tenantId: true, visitorId: true, purpose: true } });
    expect(tokens).toEqual([{ tenantId: ff.tenantId, visitorId: mine.visitor.id, purpose: "reset-password" }]);
    const done = await db.ingestionJob.findMany({ where: { tenantId: ff.tenantId }, select: { eventId: true, payload: true } });
    expect(JSON.stringify(done)).not.toMatch(/example\.test/); // the finished jobs keep no address
  });

  it("queues one reset job per address and minute", async () => {
    const { db } = testDb();
    const at = new Date("2026-12-01T10:00:10Z");
    const ask = (email: string, now: Date) => requestPasswordResetEmail({ tenantId: ff.tenantId, email, now });
    await ask("Once@example.test", at);
    await ask(" once@EXAMPLE.test", new Date(at.getTime() + 40_000));
    const jobsFor = (tenantId: string) => db.ingestionJob.count({ where: { tenantId, payload: { equals: { email: "once@example.test" } } } });
    expect(await jobsFor(ff.tenantId)).toBe(1);
    await ask("once@example.test", new Date(at.getTime() + 60_000));
    await requestPasswordResetEmail({ tenantId: sl.tenantId, email: "once@example.test", now: at });
    expect(await jobsFor(ff.tenantId)).toBe(2);
    expect(await jobsFor(sl.tenantId)).toBe(1);
  });

  it("sets the new password once with the link's token, ends every session, and refuses the token again or on another tenant", async () => {
    const { db } = testDb();
    const v = await createVisitor({ tenantId: ff.tenantId, email: "reset@example.test", password: "old-password-1", db });
    if (!v.ok) throw new Error("no visitor");
    await createVisitorSession({ tenantId: ff.tenantId, visitorId: v.visitor.id, db });
    const made = (await createVisitorToken(db, { tenantId: ff.tenantId, visitorId: v.visitor.id, purpose: "reset-password" }))!;
    expect((await resetPassword(req(ff, "/api/auth/password-reset", { json: { token: made.token, password: "short" } }))).status).toBe(422);
    expect((await resetPassword(req(sl, "/api/auth/password-reset", { json: { token: made.token, password: "new-password-1" } }))).status).toBe(410);
    const ok = await resetPassword(req(ff, "/api/auth/password-reset", { json: { token: made.token, password: "new-password-1" } }));
    expect(ok.status).toBe(200);
    expect(await db.visitorSession.count({ where: { tenantId: ff.tenantId, visitorId: v.visitor.id } })).toBe(0);
    expect(await authenticateVisitor({ tenantId: ff.tenantId, email: "reset@example.test", password: "new-password-1", db })).not.toBeNull();
    expect(await authenticateVisitor({ tenantId: ff.tenantId, email: "reset@example.test", password: "old-password-1", db })).toBeNull();
    expect((await resetPassword(req(ff, "/api/auth/password-reset", { json: { token: made.token, password: "third-password-1" } }))).status).toBe(410);
  });
});
