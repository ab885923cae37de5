import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createVisitor, ensureVisitorEmailToken, saveSearch } from "@real-estate/sites";
import { POST as postPreferences } from "@/app/api/email/preferences/route";
import { GET as getUnsubscribe, POST as unsubscribe } from "@/app/api/email/unsubscribe/route";
import { apiRequest, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

const testDb = useTestDatabase("web_email_prefs_mail");
let ff: WebTenant;
let sl: WebTenant;
const req = (t: WebTenant, path: string, o: Omit<Parameters<typeof apiRequest>[1], "host" | "tenantId"> = {}) =>
  apiRequest(path, { host: t.host, tenantId: t.tenantId, ip: freshIp(), ...o });

beforeAll(async () => {
  ff = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 1 });
  sl = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 1 });
});

async function subscribedVisitor(t: WebTenant, email: string) {
  const { db } = testDb();
  const v = await createVisitor({ tenantId: t.tenantId, email, password: "a-long-password-1", db });
  if (!v.ok) throw new Error("no visitor");
  await db.visitor.update({
    where: { tenantId_id: { tenantId: t.tenantId, id: v.visitor.id } },
    data: { emailVerifiedAt: new Date(), preferences: { emailAlerts: true, contactMethod: "phone" } },
  });
  const search = await saveSearch({ tenantId: t.tenantId, visitorId: v.visitor.id, name: "Anything", query: {}, db });
  if (!search.ok) throw new Error("no search");
  const token = await ensureVisitorEmailToken(db, { tenantId: t.tenantId, visitorId: v.visitor.id });
  return { id: v.visitor.id, token, searchId: search.id };
}

const suppressions = (tenantId: string) => testDb().db.emailSuppression.findMany({ where: { tenantId }, select: { address: true, scope: true, reason: true } });
const prefs = async (tenantId: string, id: string) => (await testDb().db.visitor.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } })).preferences;

describe("one-click unsubscribe and e-mail preferences", () => {
  it("RFC 8058 one-click POST (no Origin, as a mail provider sends it) stops alerts and suppresses marketing mail; only with this tenant's token", async () => {
    const v = await subscribedVisitor(ff, "click@example.test");
    // Another tenant's host with this token: unknown there, nothing changes.
    const wrongTenant = await unsubscribe(req(sl, `/api/email/unsubscribe?t=${v.token}`, { origin: null, form: { "List-Unsubscribe": "One-Click" } }));
    expect(wrongTenant.status).toBe(404);
    const bogus = await unsubscribe(req(ff, `/api/email/unsubscribe?t=${"x".repeat(32)}`, { origin: null, form: { "List-Unsubscribe": "One-Click" } }));
    expect(bogus.status).toBe(404);
    const noBody = await unsubscribe(req(ff, `/api/email/unsubscribe?t=${v.token}`, { origin: null, form: { something: "else" } }));
    expect(noBody.status).toBe(422);
    expect(await suppressions(ff.tenantId)).toEqual([]);
    // A GET (a link scanner, a person) never unsubscribes: it shows the preferences page.
    const get = await getUnsubscribe(req(ff, `/api/email/unsubscribe?t=${v.token}`));
    expect([get.status, get.headers.get("location")]).toEqual([303, `/email-preferences?t=${v.token}`]);
    expect(await suppressions(ff.tenantId)).toEqual([]);

    const res = await unsubscribe(req(ff, `/api/email/unsubscribe?t=${v.token}`, { origin: null, form: { "List-Unsubscribe": "One-Click" } }));
    expect(res.status).toBe(200);
    expect(await suppressions(ff.tenantId)).toEqual([{ address: "click@example.test", scope: "marketing", reason: "unsubscribe" }]);
    expect(await prefs(ff.tenantId, v.id)).toEqual({ emailAlerts: false, contactMethod: "phone" });
    expect(await suppressions(sl.tenantId)).toEqual([]);
    // Twice is fine.
    expect((await unsubscribe(req(ff, `/api/email/unsubscribe?t=${v.token}`, { origin: null, form: { "List-Unsubscribe": "One-Click" } }))).status).toBe(200);
  });

  it("the preferences form sets the frequency per search and turns alerts back on (lifting the unsubscribe, never a bounce)", async () => {
    const { db } = testDb();
    const v = await subscribedVisitor(ff, "prefs@example.test");
    const form = await unsubscribe(req(ff, `/api/email/unsubscribe?t=${v.token}`, { form: { "List-Unsubscribe": "One-Click", return: "1" } }));
    expect([form.status, form.headers.get("location")]).toEqual([303, `/email-preferences?t=${v.token}&done=unsubscribed`]);
    const bad = await postPreferences(req(ff, "/api/email/preferences", { form: { t: v.token, emailAlerts: "on", [`freq:${v.searchId}`]: "HOURLY" } }));
    expect(bad.status).toBe(422);
    const ok = await postPreferences(req(ff, "/api/email/preferences", { form: { t: v.token, emailAlerts: "on", [`freq:${v.searchId}`]: "DAILY" } }));
    expect([ok.status, ok.headers.get("location")]).toEqual([303, `/email-preferences?t=${v.token}&done=saved`]);
    expect((await db.savedSearch.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ff.tenantId, id: v.searchId } } })).alertFrequency).toBe("DAILY");
    expect(await prefs(ff.tenantId, v.id)).toEqual({ emailAlerts: true, contactMethod: "phone" });
    expect((await suppressions(ff.tenantId)).filter((s) => s.address === "prefs@example.test")).toEqual([]);
    // A bounce stays whatever the visitor asks.
    await db.emailSuppression.create({ data: { tenantId: ff.tenantId, address: "prefs@example.test", scope: "all", reason: "bounce" } });
    await postPreferences(req(ff, "/api/email/preferences", { json: { t: v.token, emailAlerts: true } }));
    expect((await suppressions(ff.tenantId)).filter((s) => s.address === "prefs@example.test")).toEqual([
      { address: "prefs@example.test", scope: "all", reason: "bounce" },
    ]);
    // Another visitor's search cannot be changed with this token; a cross-site form is refused.
    const other = await subscribedVisitor(ff, "other@example.test");
    await postPreferences(req(ff, "/api/email/preferences", { json: { t: v.token, frequencies: { [other.searchId]: "OFF" } } }));
    expect((await db.savedSearch.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ff.tenantId, id: other.searchId } } })).alertFrequency).toBe("INSTANT");
    const cross = await postPreferences(
      req(ff, "/api/email/preferences", { origin: "http://evil.example", form: { t: v.token, [`freq:${v.searchId}`]: "OFF" } }),
    );
    expect(cross.status).toBe(403);
  });
});
