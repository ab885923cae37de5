import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as tasksRoute from "../app/api/tasks/route";
import * as taskRoute from "../app/api/tasks/[taskId]/route";
import * as myDayRoute from "../app/api/my-day/route";
import { call, type Credentials } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("crm_api_tasks");
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe("REST /api/tasks, /api/tasks/{taskId}, /api/my-day (two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const create = (side: Side, creds: Credentials, body: unknown, rawBody?: string) =>
    call(tasksRoute.POST, { host: side.crmHost, path: "/api/tasks", method: "POST", creds, body, rawBody });
  const list = (side: Side, creds: Credentials, query = "") => call(tasksRoute.GET, { host: side.crmHost, path: `/api/tasks${query}`, creds });
  const get = (side: Side, taskId: string, creds: Credentials) =>
    call(taskRoute.GET, { host: side.crmHost, path: `/api/tasks/${taskId}`, creds, params: { taskId } });
  const patch = (side: Side, taskId: string, creds: Credentials, body: unknown, headers?: Record<string, string>) =>
    call(taskRoute.PATCH, { host: side.crmHost, path: `/api/tasks/${taskId}`, method: "PATCH", creds, body, headers, params: { taskId } });
  const myDay = (side: Side, creds: Credentials) => call(myDayRoute.GET, { host: side.crmHost, path: "/api/my-day", creds });

  it("creates a task on a lead (201, for the creating member by default), lists it, and shows it on My day", async () => {
    const res = await create(a, { cookie: a.agentCookie }, { kind: "CALL", title: "Call Ann back", dueAt: inHours(2), leadId: a.leadIds[0] });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"v1"');
    expect(res.body).toMatchObject({
      kind: "CALL",
      title: "Call Ann back",
      done: false,
      leadId: a.leadIds[0],
      assignedTo: { membershipId: a.agent.membershipId },
    });
    const viaKey = await create(
      a,
      { bearer: a.apiKey },
      { kind: "SHOWING", title: "Show 12 Elm", dueAt: inHours(-1), contactId: a.contactIds[1], assignedMembershipId: a.agent.membershipId },
    );
    expect(viaKey.status).toBe(201);
    const mine = await list(a, { cookie: a.agentCookie }, "?assignedTo=me");
    expect(mine.body).toMatchObject({ items: expect.any(Array) });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((t: { title: string }) => t.title)).toEqual(["Show 12 Elm", "Call Ann back"]);
    const day = await myDay(a, { cookie: a.agentCookie });
    expect(day.status).toBe(200);
    expect(day.body.overdue).toMatchObject({ count: 1, items: [{ title: "Show 12 Elm" }] });
    expect(day.body.today.count + day.body.upcoming.count).toBe(1);
    expect((await myDay(a, { bearer: a.apiKey })).status).toBe(400);
    expect((await myDay(b, { cookie: b.agentCookie })).body.overdue.count).toBe(0);
  });

  it("completes a task once (activity on the lead's timeline), honours If-Match, and reopens", async () => {
    const made = await create(a, { cookie: a.ownerCookie }, { kind: "EMAIL", title: "Send comps", dueAt: inHours(1), leadId: a.leadIds[1] });
    const id = made.body.id as string;
    expect((await patch(a, id, { cookie: a.agentCookie }, { title: "Send comparables" }, { "if-match": '"v9"' })).status).toBe(412);
    const done = await patch(a, id, { cookie: a.agentCookie }, { done: true, outcome: "Sent three comps" }, { "if-match": '"v1"' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, version: 2 });
    const again = await patch(a, id, { bearer: a.apiKey }, { done: true });
    expect(again.status).toBe(200);
    const { db } = testDb();
    const activities = await db.activity.findMany({ where: { tenantId: a.tenantId, leadId: a.leadIds[1], type: "TASK_COMPLETED" } });
    expect(activities.map((x) => [x.title, x.body])).toEqual([["Email done: Send comps", "Sent three comps"]]);
    expect((await list(a, { bearer: a.apiKey }, `?leadId=${a.leadIds[1]}&status=done`)).body.items.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await patch(a, id, { cookie: a.agentCookie }, { done: false })).body).toMatchObject({ done: false, completedAt: null });
  });

  it("another tenant's tasks, leads and members are as missing as deleted ones; bad input is a 4xx that changes nothing", async () => {
    const { db } = testDb();
    const theirs = await create(b, { cookie: b.agentCookie }, { kind: "TEXT", title: "Text Ann", dueAt: inHours(3), leadId: b.leadIds[0] });
    expect(theirs.status).toBe(201);
    const before = await db.task.count();
    expect((await get(a, theirs.body.id, { cookie: a.ownerCookie })).status).toBe(404);
    expect((await patch(a, theirs.body.id, { cookie: a.ownerCookie }, { done: true })).status).toBe(404);
    expect((await get(a, "not-a-uuid", { cookie: a.ownerCookie })).status).toBe(404);
    expect((await create(a, { cookie: a.ownerCookie }, { kind: "CALL", title: "x", dueAt: inHours(1), leadId: b.leadIds[0] })).status).toBe(404);
    const foreignMember = await create(
      a,
      { cookie: a.ownerCookie },
      { kind: "CALL", title: "x", dueAt: inHours(1), leadId: a.leadIds[0], assignedMembershipId: b.agent.membershipId },
    );
    expect(foreignMember.status).toBe(422);
    expect(foreignMember.body.fields.assignedMembershipId).toBeDefined();
    const invalid = await create(a, { cookie: a.ownerCookie }, { kind: "FAX", title: "", dueAt: "soon" });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(expect.arrayContaining(["dueAt", "kind", "title"]));
    expect((await create(a, { cookie: a.ownerCookie }, undefined, "{not json")).status).toBe(400);
    expect((await list(a, { cookie: a.ownerCookie }, "?status=later")).status).toBe(400);
    expect((await list(a, { cookie: a.ownerCookie }, "?colour=red")).status).toBe(400);
    expect((await list(a, { bearer: a.apiKey }, "?assignedTo=me")).status).toBe(400);
    expect((await list(a, {}, "")).status).toBe(401);
    expect(await db.task.count()).toBe(before);
    expect((await list(a, { cookie: a.ownerCookie }, "?status=all")).body.items.some((t: { id: string }) => t.id === theirs.body.id)).toBe(false);
  });
});
