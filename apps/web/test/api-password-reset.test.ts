import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { authenticateVisitor, createVisitor, createVisitorSession, createVisitorToken } from "@real-estate/sites";
import { POST as resetPassword } from "@/app/api/auth/password-reset/route";
import { POST as requestReset } from "@/app/api/auth/password-reset-request/route";
import { apiRequest, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

const testDb = useTestDatabase("web_pw_reset_mail");
let ff: WebTenant;
let sl: WebTenant;
const req = (t: WebTenant, path: string, o: Omit<Parameters<typeof apiRequest>[1], "host" | "tenantId"> = {}) =>
  apiRequest(path, { host: t.host, tenantId: t.tenantId, ip: freshIp(), ...o });
const resetJobs = (tenantId: string) => testDb().db.ingestionJob.count({ where: { tenantId, kind: "visitor.password-reset" } });

beforeAll(async () => {
  ff = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 1 });
  sl = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 1 });
});

describe("visitor password reset", () => {
  it("queues a reset e-mail only for an account of this tenant, answering the same either way", async () => {
    const { db } = testDb();
    await createVisitor({ tenantId: ff.tenantId, email: "forgetful@example.test", password: "old-password-1", db });
    const known = await requestReset(req(ff, "/api/auth/password-reset-request", { json: { email: "Forgetful@example.test" } }));
    const unknown = await requestReset(req(ff, "/api/auth/password-reset-request", { json: { email: "nobody@example.test" } }));
    const otherTenant = await requestReset(req(sl, "/api/auth/password-reset-request", { json: { email: "forgetful@example.test" } }));
    expect([known.status, unknown.status, otherTenant.status]).toEqual([202, 202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    expect([await resetJobs(ff.tenantId), await resetJobs(sl.tenantId)]).toEqual([1, 0]);
    expect((await requestReset(req(ff, "/api/auth/password-reset-request", { json: { email: "not-an-address" } }))).status).toBe(422);
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
