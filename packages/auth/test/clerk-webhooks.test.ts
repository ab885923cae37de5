// Clerk's webhooks (user and organization membership events) as Svix delivers them, signed
// with a secret made here: valid, tampered, replayed and old deliveries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase, type TenantFixture } from "@real-estate/db/testing";
import { handleClerkWebhook } from "../src/index";
import { createClerkTestKeys, createSvixTestSecret, svixHeaders } from "../src/testing";

const testDb = useTestDatabase("auth_clerk_hooks");
const saved = { ...process.env };
const ORG_A = "org_hooks_alpha";
const ORG_B = "org_hooks_beta";
let secret: string;
let a: TenantFixture;
let b: TenantFixture;

function deliver(event: { type: string; data: unknown }, options: { id?: string; timestamp?: Date; body?: string; signWith?: string } = {}) {
  const body = JSON.stringify({ object: "event", ...event });
  const headers = new Headers(svixHeaders({ secret: options.signWith ?? secret, body, id: options.id, timestamp: options.timestamp }));
  return handleClerkWebhook({ body: options.body ?? body, headers });
}

const userEvent = (type: string, id: string, email: string, extra: Record<string, unknown> = {}) => ({
  type,
  data: {
    id,
    object: "user",
    first_name: "Pat",
    last_name: "Lee",
    primary_email_address_id: "idn_1",
    email_addresses: [{ id: "idn_1", email_address: email }],
    public_metadata: {},
    ...extra,
  },
});
const membershipEvent = (type: string, userId: string, orgId: string, role: string) => ({
  type,
  data: {
    object: "organization_membership",
    id: `orgmem_${userId}`,
    role,
    organization: { id: orgId, name: "Org" },
    public_user_data: { user_id: userId, identifier: `${userId}@example.test`, first_name: "Sam", last_name: "Reed" },
  },
});

async function membershipOf(clerkUserId: string, tenantId: string) {
  return testDb().db.tenantMembership.findFirst({ where: { tenantId, user: { clerkUserId } }, select: { id: true, role: true } });
}

beforeAll(async () => {
  secret = createSvixTestSecret();
  process.env.AUTH_PROVIDER = "clerk";
  process.env.CLERK_JWT_KEY = createClerkTestKeys().publicKeyPem;
  process.env.CLERK_AUTHORIZED_PARTIES = "http://crm.alpha.localhost:3001";
  process.env.CLERK_WEBHOOK_SIGNING_SECRET = secret;
  const db = testDb().db;
  a = await createTenantFixture(db, { slug: "alpha" });
  b = await createTenantFixture(db, { slug: "beta" });
  await db.tenant.update({ where: { id: a.tenantId }, data: { clerkOrganizationId: ORG_A } });
  await db.tenant.update({ where: { id: b.tenantId }, data: { clerkOrganizationId: ORG_B } });
});

afterAll(() => {
  process.env = saved;
});

describe("Clerk webhooks", () => {
  it("user.created / user.updated keep the user row in step (e-mail, name, platform role)", async () => {
    expect(await deliver(userEvent("user.created", "user_w1", "Pat@Example.test"))).toEqual({ status: 200, body: { status: "applied", type: "user.created" } });
    const db = testDb().db;
    expect(await db.user.findUnique({ where: { clerkUserId: "user_w1" }, select: { email: true, name: true, platformRole: true } })).toEqual({
      email: "pat@example.test",
      name: "Pat Lee",
      platformRole: null,
    });
    await deliver(userEvent("user.updated", "user_w1", "pat.lee@example.test", { first_name: "Patricia", public_metadata: { platformRole: "operator" } }));
    expect(await db.user.findUnique({ where: { clerkUserId: "user_w1" }, select: { email: true, name: true, platformRole: true } })).toEqual({
      email: "pat.lee@example.test",
      name: "Patricia Lee",
      platformRole: "operator",
    });
  });

  it("organization memberships of a tenant's organization become members with the mapped role; deleted removes them and their assignments", async () => {
    expect((await deliver(membershipEvent("organizationMembership.created", "user_m1", ORG_A, "org:member"))).body).toMatchObject({ status: "applied" });
    const created = await membershipOf("user_m1", a.tenantId);
    expect(created?.role).toBe("AGENT");
    expect(await membershipOf("user_m1", b.tenantId)).toBeNull();
    await deliver(membershipEvent("organizationMembership.updated", "user_m1", ORG_A, "org:admin"));
    expect(await membershipOf("user_m1", a.tenantId)).toEqual({ id: created!.id, role: "OWNER" });
    const db = testDb().db;
    const contact = await db.contact.create({ data: { tenantId: a.tenantId, firstName: "Lee", lastName: "Sample", email: "lee@sample.test", source: "test" } });
    const lead = await db.lead.create({ data: { tenantId: a.tenantId, contactId: contact.id, source: "test", assignedMembershipId: created!.id } });
    await deliver(membershipEvent("organizationMembership.deleted", "user_m1", ORG_A, "org:admin"));
    expect(await membershipOf("user_m1", a.tenantId)).toBeNull();
    expect((await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: lead.id } } })).assignedMembershipId).toBeNull();
    const audit = await db.tenantAuditLog.findMany({
      where: { tenantId: a.tenantId, entityId: created!.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(audit.map((x) => x.action)).toEqual(["membership.created", "membership.role_changed", "membership.removed"]);
  });

  it("an unmapped role removes access; an organization no tenant holds changes nothing", async () => {
    await deliver(membershipEvent("organizationMembership.created", "user_m2", ORG_B, "org:member"));
    expect((await membershipOf("user_m2", b.tenantId))?.role).toBe("AGENT");
    await deliver(membershipEvent("organizationMembership.updated", "user_m2", ORG_B, "org:billing"));
    expect(await membershipOf("user_m2", b.tenantId)).toBeNull();
    expect(await deliver(membershipEvent("organizationMembership.created", "user_m3", "org_nobody", "org:admin"))).toEqual({
      status: 200,
      body: { status: "ignored", type: "organizationMembership.created" },
    });
    expect(await testDb().db.user.count({ where: { clerkUserId: "user_m3" } })).toBe(0);
  });

  it("user.deleted removes the user and every membership", async () => {
    await deliver(membershipEvent("organizationMembership.created", "user_gone", ORG_A, "org:member"));
    await deliver(membershipEvent("organizationMembership.created", "user_gone", ORG_B, "org:admin"));
    expect(await testDb().db.tenantMembership.count({ where: { user: { clerkUserId: "user_gone" } } })).toBe(2);
    expect((await deliver({ type: "user.deleted", data: { id: "user_gone", object: "user", deleted: true } })).body).toMatchObject({ status: "applied" });
    expect(await testDb().db.user.count({ where: { clerkUserId: "user_gone" } })).toBe(0);
    expect(await testDb().db.tenantMembership.count({ where: { user: { clerkUserId: "user_gone" } } })).toBe(0);
  });

  it("a tampered body, a wrong secret or missing headers: 400 and nothing changes", async () => {
    const event = membershipEvent("organizationMembership.created", "user_t1", ORG_A, "org:admin");
    const body = JSON.stringify(event);
    const tampered = body.replace("org:admin", "org:member");
    expect(await deliver(event, { body: tampered })).toMatchObject({ status: 400, body: { error: "invalid_signature" } });
    expect(await deliver(event, { signWith: createSvixTestSecret() })).toMatchObject({ status: 400, body: { error: "invalid_signature" } });
    expect(await handleClerkWebhook({ body, headers: new Headers() })).toMatchObject({ status: 400, body: { error: "invalid_signature" } });
    expect(await testDb().db.user.count({ where: { clerkUserId: "user_t1" } })).toBe(0);
  });

  it("a delivery older (or newer) than five minutes is refused even with a good signature", async () => {
    const event = membershipEvent("organizationMembership.created", "user_old", ORG_A, "org:admin");
    expect(await deliver(event, { timestamp: new Date(Date.now() - 10 * 60_000) })).toMatchObject({ status: 400, body: { error: "invalid_signature" } });
    expect(await deliver(event, { timestamp: new Date(Date.now() + 10 * 60_000) })).toMatchObject({ status: 400, body: { error: "invalid_signature" } });
    expect(await membershipOf("user_old", a.tenantId)).toBeNull();
  });

  it("a replayed delivery (same svix-id) answers 200 duplicate and changes nothing, even at once", async () => {
    const created = membershipEvent("organizationMembership.created", "user_r1", ORG_A, "org:admin");
    expect((await deliver(created, { id: "msg_replay_1" })).body).toMatchObject({ status: "applied" });
    await deliver(membershipEvent("organizationMembership.deleted", "user_r1", ORG_A, "org:admin"), { id: "msg_replay_2" });
    // The old "created" message again, validly signed with a fresh timestamp: it does not bring the member back.
    expect(await deliver(created, { id: "msg_replay_1" })).toEqual({ status: 200, body: { status: "duplicate", type: "organizationMembership.created" } });
    expect(await membershipOf("user_r1", a.tenantId)).toBeNull();
    const burst = membershipEvent("organizationMembership.created", "user_r2", ORG_A, "org:member");
    const results = await Promise.all(Array.from({ length: 6 }, () => deliver(burst, { id: "msg_replay_3" })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.status === 200 && r.body.status === "applied")).toHaveLength(1);
    expect(await testDb().db.clerkWebhookEvent.count({ where: { id: { startsWith: "msg_replay_" } } })).toBe(3);
  });

  it("a signed body that is not a Clerk event is 400; without a signing secret webhooks are refused", async () => {
    expect(await deliver({ type: "organizationMembership.created", data: { role: 5 } })).toMatchObject({ status: 400, body: { error: "malformed_event" } });
    delete process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    try {
      expect(await deliver(userEvent("user.created", "user_x", "x@example.test"))).toMatchObject({ status: 503 });
    } finally {
      process.env.CLERK_WEBHOOK_SIGNING_SECRET = secret;
    }
  });
});
