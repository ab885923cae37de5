// Clerk as the provider, with no network: session tokens shaped as Clerk issues them, signed
// with a key pair made here whose public half is the configured CLERK_JWT_KEY.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase, type TenantFixture } from "@real-estate/db/testing";
import { createMembership } from "@real-estate/crm";
import { getSession, hasSessionCookie, readClerkEnv, requireMember, requireOperator } from "../src/index";
import { createClerkTestKeys, signClerkSessionToken, type ClerkTestClaims, type ClerkTestKeys } from "../src/testing";

const testDb = useTestDatabase("auth_clerk");
const PARTY = "http://crm.alpha.localhost:3001";
const saved = { ...process.env };

let keys: ClerkTestKeys;
let a: TenantFixture;
let b: TenantFixture;
const ORG_A = "org_alpha_1";
const ORG_B = "org_beta_1";

function headersWith(token: string | null): Headers {
  const h = new Headers({ host: "crm.alpha.localhost:3001" });
  if (token) h.set("cookie", `other=1; __session=${token}`);
  return h;
}

function token(claims: Partial<ClerkTestClaims> & { sub: string }, signWith: ClerkTestKeys = keys): string {
  return signClerkSessionToken(signWith, { azp: PARTY, ...claims });
}

const member = (claims: Partial<ClerkTestClaims> & { sub: string }, tenantId = a.tenantId) => requireMember({ tenantId, headers: headersWith(token(claims)) });

beforeAll(async () => {
  keys = createClerkTestKeys();
  process.env.AUTH_PROVIDER = "clerk";
  process.env.CLERK_JWT_KEY = keys.publicKeyPem.replace(/\n/g, "\\n"); // as a one-line environment variable
  process.env.CLERK_AUTHORIZED_PARTIES = `${PARTY},http://localhost:3002`;
  delete process.env.CLERK_ROLE_MAP;
  const db = testDb().db;
  a = await createTenantFixture(db, { slug: "alpha" });
  b = await createTenantFixture(db, { slug: "beta" });
  await db.tenant.update({ where: { id: a.tenantId }, data: { clerkOrganizationId: ORG_A } });
  await db.tenant.update({ where: { id: b.tenantId }, data: { clerkOrganizationId: ORG_B } });
});

afterAll(() => {
  process.env = saved;
});

describe("Clerk session tokens (AUTH_PROVIDER=clerk)", () => {
  it("accepts a valid token: the user appears in our user table, the org role maps to the tenant role", async () => {
    const access = await member({ sub: "user_owner1", org_id: ORG_A, org_role: "org:admin", extra: { email: "Owner@Alpha.example", name: "Olive Owner" } });
    expect(access.ok).toBe(true);
    if (!access.ok) return;
    expect(access.membership.role).toBe("OWNER");
    expect(access.session.user).toMatchObject({ email: "owner@alpha.example", name: "Olive Owner", platformRole: null });
    const row = await testDb().db.tenantMembership.findUnique({ where: { tenantId_userId: { tenantId: a.tenantId, userId: access.session.user.id } } });
    expect(row?.role).toBe("OWNER");
    expect(row?.id).toBe(access.membership.id);
    const user = await testDb().db.user.findUnique({ where: { clerkUserId: "user_owner1" } });
    expect(user?.id).toBe(access.session.user.id);
  });

  it("reads v2 tokens (o.id, o.rol) the same way, and a role change in Clerk changes the membership", async () => {
    const first = await member({ sub: "user_agent1", extra: { v: 2, o: { id: ORG_A, rol: "member", slg: "alpha" } } });
    expect(first.ok && first.membership.role).toBe("AGENT");
    const promoted = await member({ sub: "user_agent1", org_id: ORG_A, org_role: "org:admin" });
    expect(promoted.ok && promoted.membership.role).toBe("OWNER");
    expect(promoted.ok && first.ok && promoted.membership.id).toBe(first.ok && first.membership.id);
    const owner = await requireMember({
      tenantId: a.tenantId,
      role: "OWNER",
      headers: headersWith(token({ sub: "user_agent1", org_id: ORG_A, org_role: "org:member" })),
    });
    expect(owner).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("refuses an expired token, a not-yet-valid one, a wrong azp, a missing azp and a wrong signature", async () => {
    const valid = { sub: "user_owner1", org_id: ORG_A, org_role: "org:admin" };
    expect((await member(valid)).ok).toBe(true);
    expect(await member({ ...valid, expiresIn: -30 })).toEqual({ ok: false, reason: "unauthenticated" });
    expect(await member({ ...valid, notBefore: 60 })).toEqual({ ok: false, reason: "unauthenticated" });
    expect(await member({ ...valid, azp: "https://evil.example" })).toEqual({ ok: false, reason: "unauthenticated" });
    const noAzp = signClerkSessionToken(keys, { ...valid, azp: undefined });
    expect(await requireMember({ tenantId: a.tenantId, headers: headersWith(noAzp) })).toEqual({ ok: false, reason: "unauthenticated" });
    const otherKeys = createClerkTestKeys();
    expect(await requireMember({ tenantId: a.tenantId, headers: headersWith(token(valid, { ...otherKeys, kid: keys.kid })) })).toEqual({
      ok: false,
      reason: "unauthenticated",
    });
    // A valid token whose payload was edited (another user) no longer matches its signature.
    const [h, p, s] = token(valid).split(".");
    const forged = JSON.parse(Buffer.from(p!, "base64url").toString());
    forged.sub = "user_agent1";
    expect(
      await requireMember({ tenantId: a.tenantId, headers: headersWith(`${h}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${s}`) }),
    ).toEqual({ ok: false, reason: "unauthenticated" });
    // An unsigned token ("alg": "none") is not a token.
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${p}.`;
    expect(await requireMember({ tenantId: a.tenantId, headers: headersWith(none) })).toEqual({ ok: false, reason: "unauthenticated" });
    expect(await requireMember({ tenantId: a.tenantId, headers: headersWith("not-a-token") })).toEqual({ ok: false, reason: "unauthenticated" });
    expect(await requireMember({ tenantId: a.tenantId, headers: headersWith(null) })).toEqual({ ok: false, reason: "unauthenticated" });
  });

  it("another tenant's organization, no organization, or an unmapped role: no access to this brokerage", async () => {
    const ownerOfB = await member({ sub: "user_ownerb", org_id: ORG_B, org_role: "org:admin" }, b.tenantId);
    expect(ownerOfB.ok).toBe(true);
    // The same signed-in user, on tenant A's CRM, with B's organization active.
    const onA = await member({ sub: "user_ownerb", org_id: ORG_B, org_role: "org:admin" });
    expect(onA).toMatchObject({ ok: false, reason: "not_member" });
    expect(await member({ sub: "user_ownerb" })).toMatchObject({ ok: false, reason: "not_member" });
    expect(await member({ sub: "user_ownerb", org_id: "org_unknown", org_role: "org:admin" })).toMatchObject({ ok: false, reason: "not_member" });
    expect(await member({ sub: "user_viewer", org_id: ORG_A, org_role: "org:billing_viewer" })).toMatchObject({ ok: false, reason: "not_member" });
    const rows = await testDb().db.tenantMembership.findMany({
      where: { tenantId: a.tenantId, user: { clerkUserId: { in: ["user_ownerb", "user_viewer"] } } },
    });
    expect(rows).toEqual([]);
  });

  it("a membership Clerk no longer vouches for (role now unmapped) is removed", async () => {
    const first = await member({ sub: "user_leaver", org_id: ORG_A, org_role: "org:member" });
    expect(first.ok).toBe(true);
    expect(await member({ sub: "user_leaver", org_id: ORG_A, org_role: "org:guest" })).toMatchObject({ ok: false, reason: "not_member" });
    const user = await testDb().db.user.findUniqueOrThrow({ where: { clerkUserId: "user_leaver" } });
    expect(await testDb().db.tenantMembership.count({ where: { tenantId: a.tenantId, userId: user.id } })).toBe(0);
  });

  it("CLERK_ROLE_MAP changes which organization roles give which tenant role", async () => {
    process.env.CLERK_ROLE_MAP = "org:broker=OWNER, org:agent=AGENT";
    try {
      expect(await member({ sub: "user_mapped", org_id: ORG_A, org_role: "org:broker" })).toMatchObject({ ok: true, membership: { role: "OWNER" } });
      expect(await member({ sub: "user_mapped2", org_id: ORG_A, org_role: "org:admin" })).toMatchObject({ ok: false, reason: "not_member" });
    } finally {
      delete process.env.CLERK_ROLE_MAP;
    }
    expect(() => readClerkEnv({ ...process.env, CLERK_ROLE_MAP: "org:admin=ADMIN" })).toThrow(/CLERK_ROLE_MAP/);
  });

  it("an operator is a Clerk user whose public metadata says so; others are not", async () => {
    const op = await requireOperator(headersWith(token({ sub: "user_op", extra: { metadata: { platformRole: "operator" } } })));
    expect(op.ok).toBe(true);
    const notOp = await requireOperator(headersWith(token({ sub: "user_plain", extra: { metadata: {} } })));
    expect(notOp).toMatchObject({ ok: false, reason: "not_operator" });
    // Public metadata changed in Clerk (the next token says so): no longer an operator.
    expect(await requireOperator(headersWith(token({ sub: "user_op", extra: { metadata: {} } })))).toMatchObject({ ok: false, reason: "not_operator" });
    expect(await requireOperator(headersWith(null))).toEqual({ ok: false, reason: "unauthenticated" });
  });

  it("an install switching from the built-in provider keeps its people: a user with the same e-mail is linked, memberships kept", async () => {
    const db = testDb().db;
    const existing = await db.user.create({ data: { id: crypto.randomUUID(), email: "agent@beta.example", name: "Bea Agent" } });
    const m = await createMembership({ tenantId: b.tenantId, userId: existing.id, role: "AGENT" });
    const access = await member({ sub: "user_bea", org_id: ORG_B, org_role: "org:member", extra: { email: "agent@beta.example" } }, b.tenantId);
    expect(access).toMatchObject({ ok: true, session: { user: { id: existing.id } }, membership: { id: m.id } });
  });

  it("many concurrent first requests of one user create one user and one membership", async () => {
    const t = token({ sub: "user_burst", org_id: ORG_A, org_role: "org:member", extra: { email: "burst@alpha.example" } });
    const results = await Promise.all(Array.from({ length: 12 }, () => requireMember({ tenantId: a.tenantId, headers: headersWith(t) })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.ok && r.membership.id)).size).toBe(1);
    const db = testDb().db;
    expect(await db.user.count({ where: { clerkUserId: "user_burst" } })).toBe(1);
    expect(await db.tenantMembership.count({ where: { tenantId: a.tenantId, user: { clerkUserId: "user_burst" } } })).toBe(1);
  });

  it("the proxy's cheap check looks for Clerk's __session cookie, not better-auth's", async () => {
    expect(hasSessionCookie(headersWith(token({ sub: "user_x" })))).toBe(true);
    expect(hasSessionCookie(new Headers({ cookie: "re.session_token=abc" }))).toBe(false);
    expect(await getSession(new Headers({ cookie: "re.session_token=abc" }))).toBeNull();
  });

  it("refuses to start without the JWT key or the authorized parties", () => {
    expect(() => readClerkEnv({ AUTH_PROVIDER: "clerk", CLERK_AUTHORIZED_PARTIES: PARTY })).toThrow(/CLERK_JWT_KEY/);
    expect(() => readClerkEnv({ AUTH_PROVIDER: "clerk", CLERK_JWT_KEY: keys.publicKeyPem })).toThrow(/CLERK_AUTHORIZED_PARTIES/);
    expect(() => readClerkEnv({ CLERK_JWT_KEY: keys.publicKeyPem, CLERK_AUTHORIZED_PARTIES: "crm.alpha.test" })).toThrow(/not an origin/);
  });
});
