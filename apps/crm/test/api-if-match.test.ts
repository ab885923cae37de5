import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import * as leadRoute from "../app/api/leads/[leadId]/route";
import * as contactRoute from "../app/api/contacts/[contactId]/route";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

// Two people edit the same record: the second, working from what they read, gets 412 with the
// record as it is now, and nothing of theirs is written over the first one's change.
const testDb = useTestDatabase("crmapiifmatch");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route declares its own params shape
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

async function send(
  handler: Handler,
  side: Side,
  path: string,
  params: Record<string, string>,
  options: { method?: string; body?: unknown; ifMatch?: string; cookie?: string } = {},
) {
  const headers = new Headers({ host: side.crmHost, cookie: options.cookie ?? side.agentCookie });
  if (options.ifMatch !== undefined) headers.set("if-match", options.ifMatch);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://${side.crmHost}${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, etag: response.headers.get("etag"), body: await response.json() };
}

describe("If-Match on leads and contacts (two writers, two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const lead = (side: Side, leadId: string, options: Parameters<typeof send>[4] = {}) => send(leadRoute.GET, side, `/api/leads/${leadId}`, { leadId }, options);
  const patchLead = (side: Side, leadId: string, options: Parameters<typeof send>[4]) =>
    send(leadRoute.PATCH, side, `/api/leads/${leadId}`, { leadId }, { method: "PATCH", ...options });

  it("a lead: the second writer's stale If-Match gets 412 with the first writer's change; a fresh one succeeds", async () => {
    const leadId = a.leadIds[0]!;
    const first = await lead(a, leadId);
    const second = await lead(a, leadId, { cookie: a.ownerCookie });
    expect(first.etag).toMatch(/^"v\d+"$/);
    expect(second.etag).toBe(first.etag);
    const saved = await patchLead(a, leadId, { body: { status: "CONTACTED" }, ifMatch: first.etag! });
    expect(saved.status).toBe(200);
    expect(saved.etag).not.toBe(first.etag);
    const stale = await patchLead(a, leadId, { body: { status: "LOST" }, ifMatch: second.etag!, cookie: a.ownerCookie });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: "precondition_failed", current: { status: "CONTACTED" } });
    expect(stale.etag).toBe(saved.etag);
    expect((await lead(a, leadId)).body.status).toBe("CONTACTED");
    const retried = await patchLead(a, leadId, { body: { status: "LOST" }, ifMatch: stale.etag!, cookie: a.ownerCookie });
    expect([retried.status, retried.body.status]).toEqual([200, "LOST"]);
    expect((await patchLead(a, leadId, { body: { status: "NEW" }, ifMatch: 'W/"v1"' })).status).toBe(412);
    expect((await patchLead(a, leadId, { body: { status: "NEW" }, ifMatch: "*" })).status).toBe(200);
  });

  it("two writers at once with the same ETag: exactly one wins, the other gets 412", async () => {
    const leadId = a.leadIds[1]!;
    const { etag } = await lead(a, leadId);
    const results = await Promise.all([
      patchLead(a, leadId, { body: { status: "QUALIFIED" }, ifMatch: etag! }),
      patchLead(a, leadId, { body: { assignedTo: null, status: "NURTURING" }, ifMatch: etag!, cookie: a.ownerCookie }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    expect((await lead(a, leadId)).body.status).toBe(winner.body.status);
  });

  it("a contact: stale If-Match 412 with the contact as it is now; another tenant's contact 404", async () => {
    const contactId = a.contactIds[0]!;
    const get = (side: Side, id: string) => send(contactRoute.GET, side, `/api/contacts/${id}`, { contactId: id });
    const patch = (side: Side, id: string, body: unknown, ifMatch?: string) =>
      send(contactRoute.PATCH, side, `/api/contacts/${id}`, { contactId: id }, { method: "PATCH", body, ...(ifMatch ? { ifMatch } : {}) });
    const read = await get(a, contactId);
    expect(read.status).toBe(200);
    const one = await patch(a, contactId, { phone: "203-555-0188 x4" }, read.etag!);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ phone: "+12035550188", phoneExtension: "4" });
    const two = await patch(a, contactId, { lastName: "Overwritten" }, read.etag!);
    expect(two.status).toBe(412);
    expect(two.body.current).toMatchObject({ phone: "+12035550188", lastName: read.body.lastName });
    expect((await get(a, contactId)).body.lastName).toBe(read.body.lastName);
    expect((await patch(a, contactId, { phone: "555" })).status).toBe(422);
    expect((await get(b, contactId)).status).toBe(404);
    expect((await patch(b, contactId, { lastName: "Intruder" })).status).toBe(404);
  });
});
