import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as plansRoute from "../app/api/action-plans/route";
import * as planRoute from "../app/api/action-plans/[planId]/route";
import * as leadPlansRoute from "../app/api/leads/[leadId]/plans/route";
import * as stopRoute from "../app/api/leads/[leadId]/plans/[leadPlanId]/stop/route";
import * as resumeRoute from "../app/api/leads/[leadId]/plans/[leadPlanId]/resume/route";
import { updateLead } from "@real-estate/crm";
import { call, type Credentials } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("crm17_api_action_plans");

const planBody = {
  name: "New buyer lead",
  steps: [
    { kind: "TASK", taskKind: "CALL", title: "Call within the hour", offsetMinutes: 0 },
    { kind: "EMAIL", title: "Day one", offsetMinutes: 1440, emailSubject: "Homes you may like", emailBody: "Hello again." },
  ],
};

describe("REST /api/action-plans and /api/leads/{leadId}/plans (two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const create = (side: Side, creds: Credentials, body: unknown, rawBody?: string) =>
    call(plansRoute.POST, { host: side.crmHost, path: "/api/action-plans", method: "POST", creds, body, rawBody });
  const list = (side: Side, creds: Credentials) => call(plansRoute.GET, { host: side.crmHost, path: "/api/action-plans", creds });
  const get = (side: Side, planId: string, creds: Credentials) =>
    call(planRoute.GET, { host: side.crmHost, path: `/api/action-plans/${planId}`, creds, params: { planId } });
  const patch = (side: Side, planId: string, creds: Credentials, body: unknown, headers?: Record<string, string>) =>
    call(planRoute.PATCH, { host: side.crmHost, path: `/api/action-plans/${planId}`, method: "PATCH", creds, body, headers, params: { planId } });
  const start = (side: Side, leadId: string, creds: Credentials, body: unknown) =>
    call(leadPlansRoute.POST, { host: side.crmHost, path: `/api/leads/${leadId}/plans`, method: "POST", creds, body, params: { leadId } });
  const runs = (side: Side, leadId: string, creds: Credentials) =>
    call(leadPlansRoute.GET, { host: side.crmHost, path: `/api/leads/${leadId}/plans`, creds, params: { leadId } });
  const stop = (side: Side, leadId: string, leadPlanId: string, creds: Credentials, body: unknown = {}) =>
    call(stopRoute.POST, {
      host: side.crmHost,
      path: `/api/leads/${leadId}/plans/${leadPlanId}/stop`,
      method: "POST",
      creds,
      body,
      params: { leadId, leadPlanId },
    });

  const resume = (side: Side, leadId: string, leadPlanId: string, creds: Credentials, body: unknown = {}) =>
    call(resumeRoute.POST, {
      host: side.crmHost,
      path: `/api/leads/${leadId}/plans/${leadPlanId}/resume`,
      method: "POST",
      creds,
      body,
      params: { leadId, leadPlanId },
    });

  it("owners and API keys write plans; agents read them and start and stop them on leads", async () => {
    expect((await create(a, { cookie: a.agentCookie }, planBody)).status).toBe(404);
    const made = await create(a, { cookie: a.ownerCookie }, planBody);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "New buyer lead", archived: false, steps: [{ when: "at once" }, { when: "after 1 day", kind: "EMAIL" }] });
    const planId = made.body.id as string;
    expect((await create(a, { bearer: a.apiKey }, { ...planBody, name: "Sellers" })).status).toBe(201);
    expect((await list(a, { cookie: a.agentCookie })).body.items.map((p: { name: string }) => p.name)).toEqual(["New buyer lead", "Sellers"]);

    const leadId = a.leadIds[0]!;
    const started = await start(a, leadId, { cookie: a.agentCookie }, { planId });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: "ACTIVE", startedBy: "member", nextStep: { title: "Call within the hour" } });
    const again = await start(a, leadId, { cookie: a.agentCookie }, { planId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);
    expect((await list(a, { bearer: a.apiKey })).body.items.find((p: { id: string }) => p.id === planId).activeLeads).toBe(1);

    const stopped = await stop(a, leadId, started.body.id, { cookie: a.agentCookie }, { reason: "Lead replied" });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({
      status: "STOPPED",
      stoppedReason: "Lead replied",
      nextStep: null,
      steps: [{ status: "CANCELLED" }, { status: "CANCELLED" }],
    });
    expect((await runs(a, leadId, { cookie: a.ownerCookie })).body.items).toHaveLength(1);

    const renamed = await patch(a, planId, { cookie: a.ownerCookie }, { name: "Buyers", archived: true }, { "if-match": '"v1"' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Buyers", archived: true, version: 2 });
    expect((await patch(a, planId, { cookie: a.ownerCookie }, { name: "Late" }, { "if-match": '"v1"' })).status).toBe(412);
    expect((await patch(a, planId, { cookie: a.agentCookie }, { name: "Mine" })).status).toBe(404);
    expect((await start(a, leadId, { cookie: a.agentCookie }, { planId })).status).toBe(422);
  });

  it("another tenant's plans, leads and runs are as missing as unknown ones; bad input is a 4xx that changes nothing", async () => {
    const { db } = testDb();
    const theirs = await create(b, { cookie: b.ownerCookie }, { ...planBody, name: "Beta plan" });
    expect(theirs.status).toBe(201);
    const theirRun = await start(b, b.leadIds[0]!, { cookie: b.agentCookie }, { planId: theirs.body.id });
    expect(theirRun.status).toBe(201);
    const plansBefore = await db.actionPlan.count();
    const runsBefore = await db.leadPlan.count();
    expect((await get(a, theirs.body.id, { cookie: a.ownerCookie })).status).toBe(404);
    expect((await patch(a, theirs.body.id, { cookie: a.ownerCookie }, { name: "x" })).status).toBe(404);
    expect((await start(a, a.leadIds[1]!, { cookie: a.agentCookie }, { planId: theirs.body.id })).status).toBe(422);
    expect((await start(a, b.leadIds[0]!, { cookie: a.agentCookie }, { planId: theirs.body.id })).status).toBe(404);
    expect((await runs(a, b.leadIds[0]!, { cookie: a.agentCookie })).status).toBe(404);
    expect((await stop(a, b.leadIds[0]!, theirRun.body.id, { cookie: a.agentCookie })).status).toBe(404);
    expect((await stop(a, a.leadIds[0]!, theirRun.body.id, { cookie: a.agentCookie })).status).toBe(404);
    expect((await list(a, { cookie: a.ownerCookie })).body.items.map((p: { name: string }) => p.name)).not.toContain("Beta plan");
    // Bad input.
    expect((await create(a, { cookie: a.ownerCookie }, { name: "x", steps: [] })).status).toBe(422);
    expect((await create(a, { cookie: a.ownerCookie }, { name: "x", steps: [{ kind: "EMAIL", title: "t", offsetMinutes: 0 }] })).status).toBe(422);
    expect((await create(a, { cookie: a.ownerCookie }, undefined, "{not json")).status).toBe(400);
    expect((await start(a, a.leadIds[1]!, { cookie: a.agentCookie }, { planId: "nope" })).status).toBe(422);
    expect((await get(a, "not-a-uuid", { cookie: a.ownerCookie })).status).toBe(404);
    expect(await db.actionPlan.count()).toBe(plansBefore);
    expect(await db.leadPlan.count()).toBe(runsBefore);
    expect((await stop(b, b.leadIds[0]!, theirRun.body.id, { cookie: b.agentCookie })).body.status).toBe("STOPPED");
  });

  it("a plan paused by a status change is resumed over the API once; other tenants and bad bodies change nothing", async () => {
    const { db } = testDb();
    const made = await create(a, { cookie: a.ownerCookie }, { ...planBody, name: "Pause and resume" });
    const leadId = a.leadIds[2]!;
    const started = await start(a, leadId, { cookie: a.agentCookie }, { planId: made.body.id });
    expect(started.status).toBe(201);
    await updateLead({ tenantId: a.tenantId, leadId, change: { status: "QUALIFIED" }, actor: { userId: null } });
    const paused = (await runs(a, leadId, { cookie: a.agentCookie })).body.items.find((r: { id: string }) => r.id === started.body.id);
    expect(paused).toMatchObject({ status: "PAUSED", pausedReason: "The lead's status changed to Qualified.", nextStep: null });
    expect(paused.pausedAt).not.toBeNull();

    expect((await resume(b, leadId, started.body.id, { cookie: b.agentCookie })).status).toBe(404);
    expect((await resume(a, a.leadIds[1]!, started.body.id, { cookie: a.agentCookie })).status).toBe(404);
    expect((await resume(a, leadId, started.body.id, { cookie: a.agentCookie }, { now: "2020-01-01" })).status).toBe(422);
    expect((await resume(a, leadId, "not-a-uuid", { cookie: a.agentCookie })).status).toBe(404);
    expect((await db.leadPlan.findFirstOrThrow({ where: { tenantId: a.tenantId, id: started.body.id } })).status).toBe("PAUSED");

    const resumed = await resume(a, leadId, started.body.id, { bearer: a.apiKey });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: "ACTIVE", nextStep: { title: "Call within the hour" } });
    const twice = await resume(a, leadId, started.body.id, { cookie: a.agentCookie });
    expect(twice.body.status).toBe("ACTIVE");
    const entries = await db.activity.findMany({ where: { tenantId: a.tenantId, leadId, type: "ACTION_PLAN" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.title)).toEqual([
      "Action plan “Pause and resume” started",
      "Action plan “Pause and resume” paused",
      "Action plan “Pause and resume” resumed",
    ]);
  });
});
