import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as leadsRoute from "../app/api/leads/route";
import * as leadRoute from "../app/api/leads/[leadId]/route";
import { call } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("crmapileads");

describe("REST /api/leads and /api/leads/{leadId} (two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const list = (side: Side, creds: { cookie?: string; bearer?: string }, query = "", host = side.crmHost) =>
    call(leadsRoute.GET, { host, path: `/api/leads${query}`, creds });
  const get = (host: string, leadId: string, creds: { cookie?: string; bearer?: string }) =>
    call(leadRoute.GET, { host, path: `/api/leads/${leadId}`, creds, params: { leadId } });
  const patch = (host: string, leadId: string, creds: { cookie?: string; bearer?: string }, body: unknown, rawBody?: string) =>
    call(leadRoute.PATCH, { host, path: `/api/leads/${leadId}`, method: "PATCH", creds, body, rawBody, params: { leadId } });

  it("GET /api/leads: owner, agent and API key of A see A's leads only", async () => {
    for (const creds of [{ cookie: a.ownerCookie }, { cookie: a.agentCookie }, { bearer: a.apiKey }]) {
      const res = await list(a, creds);
      expect(res.status).toBe(200);
      expect(res.body.items.map((l: { id: string }) => l.id).sort()).toEqual([...a.leadIds].sort());
      expect(res.body.nextCursor).toBeNull();
    }
    const fromB = await list(b, { cookie: b.ownerCookie });
    expect(fromB.body.items.map((l: { id: string }) => l.id)).toEqual(b.leadIds);
    expect(fromB.body.items.some((l: { id: string }) => a.leadIds.includes(l.id))).toBe(false);
  });

  it("GET /api/leads: filters, sort and keyset pagination through nextCursor", async () => {
    const creds = { cookie: a.agentCookie };
    expect((await list(a, creds, "?source=valuation")).body.items.map((l: { contact: { firstName: string } }) => l.contact.firstName)).toEqual(["Ann"]);
    expect((await list(a, creds, "?q=ames")).body.items).toHaveLength(1);
    expect((await list(a, creds, "?status=NEW,CONTACTED")).body.items).toHaveLength(3);
    expect((await list(a, creds, "?status=WON")).body.items).toHaveLength(0);
    expect((await list(a, creds, "?assignedTo=me")).body.items).toHaveLength(0);
    expect((await list(a, creds, "?assignedTo=unassigned")).body.items).toHaveLength(3);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await list(a, creds, `?createdFrom=${tomorrow}`)).body.items).toHaveLength(0);
    const page1 = await list(a, creds, "?limit=2&sort=createdAt");
    expect(page1.body.items).toHaveLength(2);
    const page2 = await list(a, creds, `?limit=2&sort=createdAt&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    expect([...page1.body.items, ...page2.body.items].map((l: { id: string }) => l.id)).toEqual(a.leadIds);
  });

  it("GET /api/leads: by last activity, pages keep the order paging began with while leads are worked; the cursor is the tenant's own", async () => {
    const { db } = testDb();
    const creds = { cookie: a.agentCookie };
    const before = (await list(a, creds, "?sort=-lastActivityAt")).body.items.map((l: { id: string }) => l.id);
    const page1 = await list(a, creds, "?limit=1&sort=-lastActivityAt");
    expect(page1.body.items.map((l: { id: string }) => l.id)).toEqual(before.slice(0, 1));
    // The last lead is worked now: by last activity it moves to the top, yet paging goes on as it began.
    await db.lead.update({ where: { tenantId_id: { tenantId: a.tenantId, id: before[2]! } }, data: { lastActivityAt: new Date() } });
    const page2 = await list(a, creds, `?limit=1&sort=-lastActivityAt&cursor=${page1.body.nextCursor}`);
    const page3 = await list(a, creds, `?limit=1&sort=-lastActivityAt&cursor=${page2.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items, ...page3.body.items].map((l: { id: string }) => l.id)).toEqual(before);
    expect(page3.body.nextCursor).toBeNull();
    const foreign = await list(b, { cookie: b.ownerCookie }, `?limit=1&sort=-lastActivityAt&cursor=${page1.body.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields.cursor[0]).toMatch(/start again/);
    const otherFilters = await list(a, creds, `?limit=1&sort=-lastActivityAt&status=NEW&cursor=${page1.body.nextCursor}`);
    expect(otherFilters.status).toBe(400);
  });

  it("GET /api/leads: bad, unknown and repeated query parameters answer 400 with fields", async () => {
    const creds = { cookie: a.ownerCookie };
    const cases: [string, string][] = [
      ["?status=OPEN", "status"],
      ["?limit=101", "limit"],
      ["?limit=0", "limit"],
      ["?limit=ten", "limit"],
      ["?sort=name", "sort"],
      ["?createdFrom=yesterday", "createdFrom"],
      ["?createdFrom=2026-11-02&createdTo=2026-11-01", "createdTo"],
      ["?cursor=garbage", "cursor"],
      ["?page=2", "page"],
      ["?q=a&q=b", "q"],
      ["?assignedTo=bob", "assignedTo"],
    ];
    for (const [query, field] of cases) {
      const res = await list(a, creds, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toBe("validation_failed");
      expect(Object.keys(res.body.fields), query).toContain(field);
    }
    const page1 = await list(a, creds, "?limit=1&sort=createdAt");
    const replay = await list(a, creds, `?limit=1&sort=-createdAt&cursor=${page1.body.nextCursor}`);
    expect(replay.status).toBe(400);
    expect((await list(a, { bearer: a.apiKey }, "?assignedTo=me")).status).toBe(400);
  });

  it("GET /api/leads: 401 without credentials or with a bad or foreign key; 404 for non-members and unknown hosts", async () => {
    expect((await list(a, {})).status).toBe(401);
    expect((await list(a, { bearer: "rek_not-a-real-key" })).body).toEqual({ error: "invalid_api_key" });
    expect((await list(a, { bearer: b.apiKey })).status).toBe(401);
    expect((await list(a, { cookie: "re.session_token=forged" })).status).toBe(401);
    const stranger = await list(a, { cookie: b.ownerCookie });
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(stranger.body)).not.toContain("Archer");
    expect((await list(a, { cookie: a.ownerCookie }, "", "nobody.example")).body).toEqual({ error: "unknown_tenant" });
  });

  it("GET /api/leads/{id}: A's members read A's lead; B gets 404 for it on either host", async () => {
    const id = a.leadIds[0]!;
    for (const creds of [{ cookie: a.ownerCookie }, { cookie: a.agentCookie }, { bearer: a.apiKey }]) {
      const res = await get(a.crmHost, id, creds);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, status: "NEW", contact: { firstName: "Ann", email: "ann@example.com" } });
    }
    expect((await get(b.crmHost, id, { cookie: b.ownerCookie })).status).toBe(404);
    expect((await get(b.crmHost, id, { bearer: b.apiKey })).status).toBe(404);
    expect((await get(a.crmHost, id, { cookie: b.agentCookie })).status).toBe(404);
    expect((await get(a.crmHost, "not-a-uuid", { cookie: a.ownerCookie })).status).toBe(404);
    expect((await get(a.crmHost, id, {})).status).toBe(401);
  });

  it("PATCH /api/leads/{id}: owner and agent move and assign; recorded as activities", async () => {
    const { db } = testDb();
    const id = a.leadIds[1]!;
    const moved = await patch(a.crmHost, id, { cookie: a.agentCookie }, { status: "CONTACTED", assignedTo: a.agent.membershipId });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: "CONTACTED", assignedTo: { membershipId: a.agent.membershipId, name: "Alpha Agent" } });
    expect(moved.body.firstContactedAt).not.toBeNull();
    const byOwner = await patch(a.crmHost, id, { cookie: a.ownerCookie }, { status: "QUALIFIED" });
    expect(byOwner.body.status).toBe("QUALIFIED");
    const byKey = await patch(a.crmHost, id, { bearer: a.apiKey }, { assignedTo: null });
    expect(byKey.body.assignedTo).toBeNull();
    const acts = await db.activity.findMany({
      where: { tenantId: a.tenantId, leadId: id, type: { in: ["STATUS_CHANGE", "ASSIGNMENT"] } },
      orderBy: { occurredAt: "asc" },
    });
    expect(acts.map((x) => `${x.type}:${x.actorUserId}`).sort()).toEqual(
      [`STATUS_CHANGE:${a.agent.userId}`, `ASSIGNMENT:${a.agent.userId}`, `STATUS_CHANGE:${a.owner.userId}`, "ASSIGNMENT:null"].sort(),
    );
    expect(acts.find((x) => x.actorUserId === null)?.metadata).toMatchObject({ apiKeyId: expect.any(String), to: null });
    const assignedMine = await call(leadsRoute.GET, { host: a.crmHost, path: "/api/leads?assignedTo=me", creds: { cookie: a.agentCookie } });
    expect(assignedMine.body.items).toHaveLength(0);
  });

  it("PATCH /api/leads/{id}: B cannot touch A's lead; malformed bodies change nothing", async () => {
    const { db } = testDb();
    const id = a.leadIds[2]!;
    const before = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id } } });
    expect((await patch(b.crmHost, id, { cookie: b.ownerCookie }, { status: "LOST" })).status).toBe(404);
    expect((await patch(a.crmHost, id, { cookie: b.ownerCookie }, { status: "LOST" })).status).toBe(404);
    expect((await patch(b.crmHost, id, { bearer: b.apiKey }, { status: "LOST" })).status).toBe(404);
    expect((await patch(a.crmHost, id, {}, { status: "LOST" })).status).toBe(401);
    expect((await patch(a.crmHost, id, { bearer: "rek_bad" }, { status: "LOST" })).status).toBe(401);
    const creds = { cookie: a.ownerCookie };
    expect((await patch(a.crmHost, id, creds, undefined, "{not json")).status).toBe(400);
    const bad: unknown[] = [{}, { status: "OPEN" }, { status: "LOST", extra: 1 }, { assignedTo: "nope" }, [], "LOST", null];
    for (const body of bad) {
      const res = await patch(a.crmHost, id, creds, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toBe("validation_failed");
    }
    const foreignAssignee = await patch(a.crmHost, id, creds, { status: "LOST", assignedTo: b.agent.membershipId });
    expect(foreignAssignee.status).toBe(422);
    expect(foreignAssignee.body.fields.assignedTo).toBeDefined();
    const wrongType = await call(leadRoute.PATCH, {
      host: a.crmHost,
      path: `/api/leads/${id}`,
      method: "PATCH",
      creds,
      rawBody: "status=LOST",
      contentType: "application/x-www-form-urlencoded",
      params: { leadId: id },
    });
    expect(wrongType.status).toBe(415);
    const after = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id } } });
    expect(after).toEqual(before);
    expect(await db.activity.count({ where: { tenantId: a.tenantId, leadId: id, type: { not: "WEBSITE_EVENT" } } })).toBe(0);
  });
});
