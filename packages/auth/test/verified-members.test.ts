import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase, type TenantFixture } from "@real-estate/db/testing";
import { createMembership, removeMembership, updateMembershipRole } from "@real-estate/crm";
import { getAuth, requireMember, signInWithPassword, signOut, signUpWithPassword, VERIFIED_SESSION_TTL_MS } from "../src/index";

// Decision 0050: a member verified in the last VERIFIED_SESSION_TTL_MS is not read again, and
// every way a session or membership ends still ends it: at once in this process, within the
// bound elsewhere (simulated here by changing the rows behind the process's back).
const testDb = useTestDatabase("auth_verified_members");
const HOST = "crm.vm.localhost:3001";

function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

function requestHeaders(cookie?: string): Headers {
  const h = new Headers({ host: HOST });
  if (cookie) h.set("cookie", cookie);
  return h;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("verified members (sessions remembered for a few seconds)", () => {
  let a: TenantFixture;
  let b: TenantFixture;
  let ownerId: string;
  let agentId: string;
  const password = "pass-word-1234";

  async function signIn(email: string): Promise<string> {
    const res = await signInWithPassword({ email, password, headers: requestHeaders() });
    if (!res.ok) throw new Error(`sign-in failed: ${res.message}`);
    return cookieFrom(res.headers);
  }

  beforeAll(async () => {
    a = await createTenantFixture(testDb().db, { slug: "vm-alpha" });
    b = await createTenantFixture(testDb().db, { slug: "vm-beta" });
    for (const email of ["owner@vm.example", "agent@vm.example"]) {
      const res = await signUpWithPassword({ name: email.split("@")[0]!, email, password, headers: requestHeaders() });
      if (!res.ok) throw new Error(`sign-up failed: ${res.message}`);
      if (email.startsWith("owner")) ownerId = res.userId;
      else agentId = res.userId;
    }
    await createMembership({ tenantId: a.tenantId, userId: ownerId, role: "OWNER" });
    await createMembership({ tenantId: a.tenantId, userId: agentId, role: "AGENT" });
  });

  it("is bounded: a session ended by another instance is refused once the verification is older than maxAgeMs", async () => {
    const cookie = await signIn("agent@vm.example");
    const maxAgeMs = 300;
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: true });
    // Another instance ends the session: its row is gone, this process was not told.
    const token = decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
    expect((await testDb().db.session.deleteMany({ where: { token } })).count).toBe(1);
    // Within the bound the remembered verification answers (this is the trade-off) ...
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: true });
    // ... without maxAgeMs the session is always read, and is gone ...
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie) })).toEqual({ ok: false, reason: "unauthenticated" });
    // ... and once the verification is older than the bound, it is read again and refused.
    await sleep(maxAgeMs + 50);
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toEqual({ ok: false, reason: "unauthenticated" });
    expect(VERIFIED_SESSION_TTL_MS).toBeLessThanOrEqual(5_000);
  });

  it("a sign-out in this process ends the session at once", async () => {
    const cookie = await signIn("agent@vm.example");
    const maxAgeMs = 60_000;
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: true });
    await signOut(requestHeaders(cookie));
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toEqual({ ok: false, reason: "unauthenticated" });
  });

  it("revoking sessions through better-auth's endpoints in this process ends them at once", async () => {
    const cookie = await signIn("agent@vm.example");
    const other = await signIn("agent@vm.example");
    const maxAgeMs = 60_000;
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(other), maxAgeMs })).toMatchObject({ ok: true });
    // The member ends their other sessions from this one (e.g. a lost laptop).
    await getAuth().api.revokeOtherSessions({ headers: requestHeaders(cookie) });
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(other), maxAgeMs })).toEqual({ ok: false, reason: "unauthenticated" });
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: true });
  });

  it("a removed member or a changed role applies at once in this process", async () => {
    const res = await signUpWithPassword({ name: "leaver", email: "leaver@vm.example", password, headers: requestHeaders() });
    if (!res.ok) throw new Error(res.message);
    const membership = await createMembership({ tenantId: a.tenantId, userId: res.userId, role: "OWNER" });
    const cookie = await signIn("leaver@vm.example");
    const maxAgeMs = 60_000;
    const asOwner = await requireMember({ tenantId: a.tenantId, role: "OWNER", headers: requestHeaders(cookie), maxAgeMs });
    expect(asOwner).toMatchObject({ ok: true, membership: { role: "OWNER" } });
    await updateMembershipRole({ tenantId: a.tenantId, membershipId: membership.id, role: "AGENT", actorUserId: ownerId });
    expect(await requireMember({ tenantId: a.tenantId, role: "OWNER", headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: true, membership: { role: "AGENT" } });
    expect(await removeMembership({ tenantId: a.tenantId, membershipId: membership.id, actorUserId: ownerId })).toBe(true);
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: false, reason: "not_member" });
  });

  it("is per tenant and per cookie: a verification never answers for another tenant or another cookie", async () => {
    const cookie = await signIn("owner@vm.example");
    const maxAgeMs = 60_000;
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: true });
    // The owner of alpha is no member of beta, remembered or not.
    expect(await requireMember({ tenantId: b.tenantId, headers: requestHeaders(cookie), maxAgeMs })).toMatchObject({ ok: false, reason: "not_member" });
    // A forged cookie next to nothing is not the remembered one.
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(`${cookie}x`), maxAgeMs })).toEqual({ ok: false, reason: "unauthenticated" });
    expect(await requireMember({ tenantId: a.tenantId, headers: requestHeaders(), maxAgeMs })).toEqual({ ok: false, reason: "unauthenticated" });
  });
});
