import crypto from "node:crypto";
import { describe, expect, it, beforeAll } from "vitest";
import { hashPassword } from "better-auth/crypto";
import { createTenantFixture, useTestDatabase, type TenantFixture } from "@real-estate/db/testing";
import { createMembership } from "@real-estate/crm";
import {
  getAuth,
  getSession,
  readAuthEnv,
  requireMember,
  requireOperator,
  signInWithPassword,
  signOut,
  hasSessionCookie,
  checkStaffPassword,
  createStaffAccount,
} from "../src/index";
import { DEFAULT_ALLOWED_HOSTS, DEFAULT_STUDIO_ORIGINS } from "../src/auth-env";
import { cookieFrom, HOST, requestHeaders, signUp } from "./support/auth-requests";

const testDb = useTestDatabase("auth");

describe("auth module", () => {
  let a: TenantFixture;
  let b: TenantFixture;
  let owner: { userId: string; cookie: string };
  let agent: { userId: string; cookie: string };
  let outsider: { userId: string; cookie: string };

  beforeAll(async () => {
    const db = testDb().db;
    a = await createTenantFixture(db, { slug: "alpha", crmHosts: ["crm.alpha.test"] });
    b = await createTenantFixture(db, { slug: "beta" });
    owner = await signUp("owner@alpha.example");
    agent = await signUp("agent@alpha.example");
    outsider = await signUp("owner@beta.example");
    await createMembership({ tenantId: a.tenantId, userId: owner.userId, role: "OWNER" });
    await createMembership({ tenantId: a.tenantId, userId: agent.userId, role: "AGENT" });
    await createMembership({ tenantId: b.tenantId, userId: outsider.userId, role: "OWNER" });
  });

  it("sign-up sets a session cookie that getSession resolves", async () => {
    expect(owner.cookie).toMatch(/^re\.session_token=/);
    expect(hasSessionCookie(requestHeaders(owner.cookie))).toBe(true);
    expect(hasSessionCookie(requestHeaders())).toBe(false);
    const session = await getSession(requestHeaders(owner.cookie));
    expect(session?.user).toMatchObject({ id: owner.userId, email: "owner@alpha.example", platformRole: null });
    expect(await getSession(requestHeaders())).toBeNull();
    expect(await getSession(requestHeaders("re.session_token=forged.value"))).toBeNull();
  });

  it("stores sessions in the session table and passwords hashed", async () => {
    const db = testDb().db;
    expect(await db.session.count({ where: { userId: owner.userId } })).toBeGreaterThan(0);
    const account = await db.account.findFirst({ where: { userId: owner.userId, providerId: "credential" } });
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain("pass-word-1234");
  });

  it("signs in with the right password only", async () => {
    const good = await signInWithPassword({ email: "agent@alpha.example", password: "pass-word-1234", headers: requestHeaders() });
    expect(good.ok).toBe(true);
    const bad = await signInWithPassword({ email: "agent@alpha.example", password: "wrong-password", headers: requestHeaders() });
    expect(bad).toMatchObject({ ok: false, error: "invalid_credentials" });
    const unknown = await signInWithPassword({ email: "nobody@alpha.example", password: "pass-word-1234", headers: requestHeaders() });
    expect(unknown).toMatchObject({ ok: false, error: "invalid_credentials" });
  });

  it("accepts passwords hashed with better-auth/crypto hashPassword (the seed's way)", async () => {
    const db = testDb().db;
    const id = "seeded-user-1";
    await db.user.create({ data: { id, name: "Seeded", email: "seeded@alpha.example", emailVerified: true } });
    await db.account.create({
      data: { id: "seeded-account-1", accountId: id, providerId: "credential", userId: id, password: await hashPassword("seeded-pass-1234") },
    });
    const res = await signInWithPassword({ email: "seeded@alpha.example", password: "seeded-pass-1234", headers: requestHeaders() });
    expect(res).toMatchObject({ ok: true, userId: id });
  });

  it("requireMember: members pass, others get a typed refusal", async () => {
    const tenantId = a.tenantId;
    expect(await requireMember({ tenantId, headers: requestHeaders() })).toEqual({ ok: false, reason: "unauthenticated" });
    const asOwner = await requireMember({ tenantId, role: "OWNER", headers: requestHeaders(owner.cookie) });
    expect(asOwner).toMatchObject({ ok: true, membership: { tenantId, userId: owner.userId, role: "OWNER" } });
    const asAgent = await requireMember({ tenantId, headers: requestHeaders(agent.cookie) });
    expect(asAgent).toMatchObject({ ok: true, membership: { role: "AGENT" } });
    const agentAsOwner = await requireMember({ tenantId, role: "OWNER", headers: requestHeaders(agent.cookie) });
    expect(agentAsOwner).toMatchObject({ ok: false, reason: "forbidden" });
    const other = await requireMember({ tenantId, headers: requestHeaders(outsider.cookie) });
    expect(other).toMatchObject({ ok: false, reason: "not_member" });
    const ownTenant = await requireMember({ tenantId: b.tenantId, headers: requestHeaders(outsider.cookie) });
    expect(ownTenant.ok).toBe(true);
  });

  it("requireOperator: only users with platformRole operator", async () => {
    expect(await requireOperator(requestHeaders())).toEqual({ ok: false, reason: "unauthenticated" });
    expect(await requireOperator(requestHeaders(owner.cookie))).toMatchObject({ ok: false, reason: "not_operator" });
    const op = await signUp("operator@platform.example");
    await testDb().db.user.update({ where: { id: op.userId }, data: { platformRole: "operator" } });
    expect(await requireOperator(requestHeaders(op.cookie))).toMatchObject({ ok: true, session: { user: { platformRole: "operator" } } });
  });

  it("public sign-up is refused (staff accounts come from invitations), with or without a platformRole", async () => {
    for (const body of [
      { name: "x", email: "sneaky@alpha.example", password: "pass-word-1234-long" },
      { name: "x", email: "sneaky@alpha.example", password: "pass-word-1234-long", platformRole: "operator" },
    ]) {
      const res = await getAuth().handler(
        new Request(`http://${HOST}/api/auth/sign-up/email`, {
          method: "POST",
          headers: { host: HOST, origin: `http://${HOST}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
      expect(res.status).toBe(400);
    }
    expect(await testDb().db.user.findUnique({ where: { email: "sneaky@alpha.example" } })).toBeNull();
  });

  it("better-auth's update-user endpoint is not served: an account's name is set by the invitation sign-up form only", async () => {
    // The endpoint took any name and image unchecked: a NUL byte or a number answered 500, a
    // megabyte or a javascript: image URL was stored (the sign-up form caps the name at 120).
    const before = await testDb().db.user.findUniqueOrThrow({ where: { id: agent.userId } });
    const bodies = [{ name: "x\u0000y" }, { name: 5 }, { name: "N".repeat(200_000) }, { image: "javascript:alert(1)" }, { name: "Renamed" }];
    const paths = ["/api/auth/update-user", "/api/auth/update-user/", "/api/auth//update-user", "/api/auth/update-user?x=1"];
    for (const [body, path] of paths.flatMap((p) => bodies.map((b) => [b, p] as const))) {
      const res = await getAuth().handler(
        new Request(`http://${HOST}${path}`, {
          method: "POST",
          headers: { host: HOST, origin: `http://${HOST}`, cookie: agent.cookie, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 40)}`).toBe(404);
    }
    const after = await testDb().db.user.findUniqueOrThrow({ where: { id: agent.userId } });
    expect({ name: after.name, image: after.image }).toEqual({ name: before.name, image: before.image });
  });

  it("staff passwords: 12+ characters, never a common one", async () => {
    expect(checkStaffPassword("short-pw-11")).toMatchObject({ ok: false, message: expect.stringMatching(/12 characters/) });
    expect(checkStaffPassword("qwerty123456")).toMatchObject({ ok: false, message: expect.stringMatching(/common/) });
    expect(checkStaffPassword("QWERTY123456")).toMatchObject({ ok: false });
    expect(checkStaffPassword("pass-word-1234")).toEqual({ ok: true });
    expect(await createStaffAccount({ name: "w", email: "weak@alpha.example", password: "1q2w3e4r5t6y" })).toMatchObject({ ok: false, error: "weak_password" });
    expect(await createStaffAccount({ name: "w", email: "weak@alpha.example", password: "eleven-char" })).toMatchObject({ ok: false, error: "weak_password" });
    expect(await createStaffAccount({ name: "w", email: "AGENT@alpha.example", password: "pass-word-1234" })).toMatchObject({
      ok: false,
      error: "email_taken",
    });
    expect(await testDb().db.user.findUnique({ where: { email: "weak@alpha.example" } })).toBeNull();
  });

  it("sign-out ends the session", async () => {
    const s = await signInWithPassword({ email: "agent@alpha.example", password: "pass-word-1234", headers: requestHeaders() });
    if (!s.ok) throw new Error("sign-in failed");
    const cookie = cookieFrom(s.headers);
    expect(await getSession(requestHeaders(cookie))).not.toBeNull();
    await signOut(requestHeaders(cookie));
    expect(await getSession(requestHeaders(cookie))).toBeNull();
  });

  it("trusts the request's own CRM origin and the studio's, refuses others", async () => {
    const post = (origin: string) =>
      getAuth().handler(
        new Request(`http://${HOST}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { host: HOST, origin, "content-type": "application/json" },
          body: JSON.stringify({ email: "agent@alpha.example", password: "pass-word-1234" }),
        }),
      );
    expect((await post("http://evil.example")).status).toBe(403);
    expect((await post("http://localhost:3002")).status).toBe(200);
    expect((await post(`http://${HOST}`)).status).toBe(200);
  });

  it("a CRM page's origin is trusted on its own host only: never on another tenant's CRM host", async () => {
    const post = (host: string, origin: string, email: string, source: "origin" | "referer" = "origin") =>
      getAuth().handler(
        new Request(`http://${host}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { host, [source]: origin, "content-type": "application/json" },
          body: JSON.stringify({ email, password: "pass-word-1234" }),
        }),
      );
    // Tenant A's CRM page against tenant B's CRM host, and the other way round: refused, no session.
    const cross = await post(b.crmHost, `http://${a.crmHost}`, "owner@beta.example");
    expect(cross.status).toBe(403);
    expect(cross.headers.getSetCookie()).toEqual([]);
    expect((await post(a.crmHost, `http://${b.crmHost}`, "agent@alpha.example")).status).toBe(403);
    // A's host on another port is another origin too.
    expect((await post(b.crmHost, `http://${b.crmHost}:6666`, "owner@beta.example")).status).toBe(403);
    // Each CRM's own origin, and the studio's on either host, as before.
    expect((await post(b.crmHost, `http://${b.crmHost}`, "owner@beta.example")).status).toBe(200);
    expect((await post(a.crmHost, `https://${a.crmHost}`, "agent@alpha.example")).status).toBe(200);
    expect((await post(`${a.crmHost}:3001`, `http://${a.crmHost}:3001`, "agent@alpha.example")).status).toBe(200);
    expect((await post(b.crmHost, "http://localhost:3002", "owner@beta.example")).status).toBe(200);
    expect((await post(a.crmHost, "http://127.0.0.1:3002", "agent@alpha.example")).status).toBe(200);

    // CRM hosts matching AUTH_ALLOWED_HOSTS (here the default `*.localhost:*`), which better-auth
    // trusts as origins by pattern: still only each on its own host.
    const db = testDb().db;
    const d = await createTenantFixture(db, { slug: "delta", crmHosts: ["crm.delta.localhost"] });
    const e = await createTenantFixture(db, { slug: "epsilon", crmHosts: ["crm.epsilon.localhost"] });
    const [dHost, eHost] = [`${d.crmHost}:3001`, `${e.crmHost}:3001`];
    expect((await post(eHost, `http://${dHost}`, "owner@beta.example")).status).toBe(403);
    expect((await post(eHost, `http://${dHost}/sign-in`, "owner@beta.example", "referer")).status).toBe(403);
    expect((await post(dHost, `http://${eHost}`, "agent@alpha.example")).status).toBe(403);
    expect((await post(eHost, `http://${eHost}`, "owner@beta.example")).status).toBe(200);
    expect((await post(dHost, `http://${dHost}/sign-in`, "agent@alpha.example", "referer")).status).toBe(200);
    expect((await post(eHost, "http://localhost:3002", "owner@beta.example")).status).toBe(200);
  });
});

describe("readAuthEnv", () => {
  it("never falls back to a fixed secret: production refuses, test gets a random one per process", () => {
    const first = readAuthEnv({ NODE_ENV: "test" }).secret;
    expect(first).toHaveLength(43);
    expect(readAuthEnv({ NODE_ENV: "test" }).secret).toBe(first);
    expect(() => readAuthEnv({ NODE_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET is not set/);
    expect(() => readAuthEnv({ NODE_ENV: "production", AUTH_DEMO_MODE: "1" })).toThrow(/BETTER_AUTH_SECRET is not set/);
    const secret = crypto.randomBytes(32).toString("hex");
    expect(readAuthEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: secret })).toMatchObject({ secret });
    expect(() => readAuthEnv({ BETTER_AUTH_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("reads host and origin lists", () => {
    const env = readAuthEnv({ NODE_ENV: "test", AUTH_ALLOWED_HOSTS: "crm.example.com, *.crm.example.com", STUDIO_ORIGINS: "https://studio.example.com" });
    expect(env.allowedHosts).toEqual(["crm.example.com", "*.crm.example.com"]);
    expect(env.studioOrigins).toEqual(["https://studio.example.com"]);
    // Unset or empty: the defaults; set to commas and spaces only: an empty list, not the defaults.
    for (const unset of [undefined, ""]) {
      expect(readAuthEnv({ NODE_ENV: "test", AUTH_ALLOWED_HOSTS: unset, STUDIO_ORIGINS: unset })).toMatchObject({
        allowedHosts: DEFAULT_ALLOWED_HOSTS,
        studioOrigins: DEFAULT_STUDIO_ORIGINS,
      });
    }
    expect(readAuthEnv({ NODE_ENV: "test", AUTH_ALLOWED_HOSTS: " , ", STUDIO_ORIGINS: "," })).toMatchObject({ allowedHosts: [], studioOrigins: [] });
  });
});
