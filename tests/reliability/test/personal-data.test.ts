// A person who submitted the contact form with a phone and consent, end to end: the website
// queues it, the real worker applies it, the CRM owner exports everything held about them and
// erases them. Consent is stored with text version, time, IP and page; after erasure a scan of
// every text/JSON column finds 0 copies of the e-mail or phone; only owners may do either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsafeFindTextInDatabase } from "@real-estate/crm";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { checkClient, effectsOf } from "../src/faults/crm-effects";
import { waitForDrained } from "../src/faults/drain-checks";
import { startWorker } from "../src/faults/worker-process";
import { rawRequest } from "../src/http/raw-request";
import { recordFigures } from "../src/report/summary";
import { signUpMember, type SignedInUser } from "../src/world/member-sessions";
import { seedWorld, type World } from "../src/world/seed-world";
import { presentApps, startApps, type AppServers } from "../src/world/start-apps";

const hasCrm = presentApps(["crm"]).length === 1;
let testDb: TestDatabase;
let world: World;
let servers: AppServers;
const users: Record<string, SignedInUser> = {};
const EMAIL = "jordan.private@people.test";
const RAW_PHONE = "(203) 555-0177";
const PHONE = "+12035550177";
const figures = { probes: 0, leaks: 0, failures: 0 };

beforeAll(async () => {
  testDb = await createTestDatabase("personal");
  world = await seedWorld(testDb.db);
  users.ownerA = await signUpMember(testDb.db, { tenantId: world.a.tenantId, email: "owner@alpha.test", role: "OWNER" });
  users.agentA = await signUpMember(testDb.db, { tenantId: world.a.tenantId, email: "agent@alpha.test", role: "AGENT" });
  users.ownerB = await signUpMember(testDb.db, { tenantId: world.b.tenantId, email: "owner@beta.test", role: "OWNER" });
  servers = await startApps({ apps: hasCrm ? ["web", "crm"] : ["web"], databaseUrl: testDb.url, label: "personal" });
});
afterAll(async () => {
  recordFigures({ check: "personal data (consent, export, erasure)", ...figures });
  await servers?.stop();
  await testDb?.drop();
});

const crm = (method: string, path: string, user?: SignedInUser, host = world.a.crmHost, headers: Record<string, string> = {}) => {
  figures.probes++;
  return rawRequest({ origin: servers.origins.crm!, method, path, headers: { host, ...(user ? { cookie: user.cookie } : {}), ...headers } });
};

describe.runIf(hasCrm)("personal data", () => {
  let contactId = "";

  it("stores consent (text version, time, IP, page) with a lead that gave a phone, through the website and the worker", async () => {
    const res = await rawRequest({
      origin: servers.origins.web!,
      method: "POST",
      path: "/api/lead",
      headers: {
        host: world.a.webHost,
        "content-type": "application/json",
        origin: `http://${world.a.webHost}`,
        referer: `http://${world.a.webHost}/contact`,
        "x-forwarded-for": "198.51.100.23",
      },
      body: JSON.stringify({
        eventId: "pd-lead-1",
        name: "Jordan Private",
        email: EMAIL,
        phone: RAW_PHONE,
        message: "Call me",
        consent: "on",
        pageUrl: `http://${world.a.webHost}/contact`,
      }),
    });
    expect(res.status).toBe(202);
    // A dead letter that names the person too (a later event that failed for good).
    await testDb.db.$executeRaw`
      INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "lastError", "deadLetteredAt", "updatedAt")
      VALUES (${world.a.tenantId}::uuid, 'pd-dead-1', 'lead.submitted', ${JSON.stringify({ payload: { contact: { email: EMAIL, phone: RAW_PHONE } } })}::jsonb, 'DEAD_LETTERED', 6, 'mailbox full', now(), now())`;
    const worker = startWorker({ databaseUrl: testDb.url, label: "personal" });
    const check = await checkClient(testDb.url);
    try {
      expect(await waitForDrained(check, 60_000)).toBe(true);
      expect((await effectsOf(check, ["pd-lead-1"]))[0]).toMatchObject({ ledger: 1, activities: 1 });
    } finally {
      await worker.stop();
      await check.end();
    }
    const activity = await testDb.db.activity.findFirstOrThrow({ where: { tenantId: world.a.tenantId, eventId: "pd-lead-1" } });
    contactId = activity.contactId;
    const text = JSON.stringify(activity.metadata);
    const consent = /"consent":(\{[^}]*\})/.exec(text)?.[1];
    if (!consent) figures.failures++;
    expect(consent, `consent in the activity metadata: ${text}`).toBeTruthy();
    expect(JSON.parse(consent!)).toMatchObject({
      given: true,
      version: expect.any(String),
      at: expect.any(String),
      ip: expect.any(String),
      pageUrl: expect.stringContaining("/contact"),
    });
  });

  it("lets only the owner of the contact's brokerage export or erase it", async () => {
    const attempts = [
      ["GET", `/api/contacts/${contactId}/export`, undefined, world.a.crmHost, 401],
      ["GET", `/api/contacts/${contactId}/export`, users.agentA, world.a.crmHost, 404],
      ["GET", `/api/contacts/${contactId}/export`, users.ownerB, world.b.crmHost, 404],
      ["GET", `/api/contacts/${contactId}/export`, users.ownerB, world.a.crmHost, 404],
      ["POST", `/api/contacts/${contactId}/erase`, users.agentA, world.a.crmHost, 404],
      ["POST", `/api/contacts/${contactId}/erase`, users.ownerB, world.b.crmHost, 404],
      ["POST", `/api/contacts/${world.b.ids.contactId![0]}/erase`, users.ownerA, world.a.crmHost, 404],
    ] as const;
    for (const [method, path, user, host, expected] of attempts) {
      const r = await crm(method, path, user, host);
      if (r.status !== expected) figures.failures++;
      if (r.body.includes(EMAIL) || r.body.includes(world.b.crmMarker)) figures.leaks++;
      expect(`${method} ${path} as ${user?.email ?? "nobody"} on ${host}: ${r.status}`).toBe(
        `${method} ${path} as ${user?.email ?? "nobody"} on ${host}: ${expected}`,
      );
    }
    const crossSite = await crm("POST", `/api/contacts/${contactId}/erase`, users.ownerA, world.a.crmHost, { origin: "http://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await testDb.db.contact.count({ where: { tenantId: world.a.tenantId, id: contactId } })).toBe(1);
  });

  it("exports everything held about the person as one JSON download", async () => {
    const r = await crm("GET", `/api/contacts/${contactId}/export`, users.ownerA);
    expect(r.status).toBe(200);
    expect(String(r.headers["content-disposition"])).toMatch(/attachment/);
    const doc = JSON.parse(r.body);
    expect(doc.contact).toMatchObject({ id: contactId, email: EMAIL, phone: PHONE });
    expect(doc.leads).toHaveLength(1);
    expect(doc.activities.length).toBeGreaterThanOrEqual(1);
    expect(doc.ingestedEvents.map((e: { eventId: string }) => e.eventId)).toContain("pd-lead-1");
    expect(doc.queueJobs.map((j: { eventId: string }) => j.eventId)).toContain("pd-lead-1");
    expect(doc.deadLetters.map((j: { eventId: string }) => j.eventId)).toEqual(["pd-dead-1"]);
    expect(r.body).not.toContain(world.a.crmMarker); // nobody else's records
  });

  it("erases the person: 0 copies of the e-mail or phone anywhere in the database, one audit row without them", async () => {
    const before = await unsafeFindTextInDatabase({ needles: [EMAIL, PHONE, RAW_PHONE], db: testDb.db });
    expect(before.length).toBeGreaterThan(3);
    const r = await crm("POST", `/api/contacts/${contactId}/erase`, users.ownerA, world.a.crmHost, {
      origin: `http://${world.a.crmHost}`,
      "content-type": "application/json",
    });
    expect(r.status).toBe(200);
    const after = await unsafeFindTextInDatabase({ needles: [EMAIL, PHONE, RAW_PHONE, "Jordan Private"], db: testDb.db });
    figures.leaks += after.reduce((n, h) => n + h.rows, 0);
    expect(after).toEqual([]);
    const audit = await testDb.db.tenantAuditLog.findMany({ where: { tenantId: world.a.tenantId, action: "contact.erased" } });
    expect(audit).toHaveLength(1);
    // The person's name, e-mail domain or phone digits (not just "555", which a random id can hold).
    expect(JSON.stringify(audit)).not.toMatch(/jordan|people\.test|5550177|555-0177/i);
    expect((await crm("GET", `/api/contacts/${contactId}/export`, users.ownerA)).status).toBe(404);
  });
});
