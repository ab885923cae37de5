import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import {
  authenticateVisitor,
  createVisitor,
  createVisitorSession,
  deleteVisitorSession,
  getVisitorBySession,
  hashPassword,
  hashSessionToken,
  updateVisitorProfile,
  verifyPassword,
} from "../src/visitors";

const testDb = useTestDatabase("visitors_accounts");

/** A hash of "legacy pass phrase" in the form written before better-auth's hasher was used. */
const LEGACY_HASH = "scrypt$16384$8$1$ASNFZ4mrze8BI0VniavN7w==$/wxfD5czzIv+m2KQVJUCh5q9k+bCSc9vOGgmYoekTmU=";

describe("passwords", () => {
  it("hashes with better-auth's scrypt and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
    expect(await verifyPassword("x", "scrypt$garbage")).toBe(false);
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("still verifies hashes of the earlier form", async () => {
    expect(await verifyPassword("legacy pass phrase", LEGACY_HASH)).toBe(true);
    expect(await verifyPassword("legacy pass phrasE", LEGACY_HASH)).toBe(false);
  });
});

describe("visitor accounts", () => {
  it("keeps the same email on two tenants as two accounts", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "va-a" });
    const b = await createTenantFixture(db, { slug: "va-b" });
    const onA = await createVisitor({ tenantId: a.tenantId, email: "Buyer@Example.com", password: "password-a1" });
    const onB = await createVisitor({ tenantId: b.tenantId, email: "buyer@example.com", password: "password-b1" });
    expect(onA.ok && onB.ok).toBe(true);
    if (!onA.ok || !onB.ok) return;
    expect(onA.visitor.email).toBe("buyer@example.com");
    expect(onA.visitor.id).not.toBe(onB.visitor.id);
    expect(await createVisitor({ tenantId: a.tenantId, email: "BUYER@example.com", password: "whatever1" })).toEqual({ ok: false, error: "email_taken" });

    expect((await authenticateVisitor({ tenantId: a.tenantId, email: "buyer@example.com", password: "password-a1" }))?.id).toBe(onA.visitor.id);
    expect(await authenticateVisitor({ tenantId: a.tenantId, email: "buyer@example.com", password: "password-b1" })).toBeNull();
    expect((await authenticateVisitor({ tenantId: b.tenantId, email: "buyer@example.com", password: "password-b1" }))?.id).toBe(onB.visitor.id);
    expect(await authenticateVisitor({ tenantId: a.tenantId, email: "nobody@example.com", password: "password-a1" })).toBeNull();
  });

  it("signs in with a hash of the earlier form and rewrites it with the current hasher", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "va-legacy" });
    const created = await createVisitor({ tenantId: t.tenantId, email: "old@example.com", password: "not-the-one-1" });
    if (!created.ok) throw new Error("visitor not created");
    await db.visitor.update({ where: { tenantId_id: { tenantId: t.tenantId, id: created.visitor.id } }, data: { passwordHash: LEGACY_HASH } });

    expect(await authenticateVisitor({ tenantId: t.tenantId, email: "old@example.com", password: "wrong pass phrase" })).toBeNull();
    expect((await db.visitor.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: created.visitor.id } } })).passwordHash).toBe(LEGACY_HASH);

    expect((await authenticateVisitor({ tenantId: t.tenantId, email: "old@example.com", password: "legacy pass phrase" }))?.id).toBe(created.visitor.id);
    const rewritten = (await db.visitor.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: created.visitor.id } } })).passwordHash;
    expect(rewritten).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect((await authenticateVisitor({ tenantId: t.tenantId, email: "old@example.com", password: "legacy pass phrase" }))?.id).toBe(created.visitor.id);
  });

  it("stores sessions hashed, scopes them to the tenant and ends them on sign-out", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "vs-a" });
    const b = await createTenantFixture(db, { slug: "vs-b" });
    const created = await createVisitor({ tenantId: a.tenantId, email: "s@example.com", password: "password-1", name: "Sam" });
    if (!created.ok) throw new Error("setup");
    const { token } = await createVisitorSession({ tenantId: a.tenantId, visitorId: created.visitor.id });
    const stored = await db.visitorSession.findMany({ where: { tenantId: a.tenantId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashSessionToken(token));
    expect(stored[0]?.tokenHash).not.toContain(token);

    expect((await getVisitorBySession({ tenantId: a.tenantId, token }))?.name).toBe("Sam");
    expect(await getVisitorBySession({ tenantId: b.tenantId, token })).toBeNull();
    expect(await getVisitorBySession({ tenantId: a.tenantId, token: "forged" })).toBeNull();
    expect(await getVisitorBySession({ tenantId: a.tenantId, token: null })).toBeNull();

    await db.visitorSession.updateMany({ where: { tenantId: a.tenantId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getVisitorBySession({ tenantId: a.tenantId, token })).toBeNull();
    const second = await createVisitorSession({ tenantId: a.tenantId, visitorId: created.visitor.id });
    await deleteVisitorSession({ tenantId: a.tenantId, token: second.token });
    expect(await getVisitorBySession({ tenantId: a.tenantId, token: second.token })).toBeNull();
  });

  it("updates the profile only within the tenant", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "vp-a" });
    const b = await createTenantFixture(db, { slug: "vp-b" });
    const created = await createVisitor({ tenantId: a.tenantId, email: "p@example.com", password: "password-1" });
    if (!created.ok) throw new Error("setup");
    const updated = await updateVisitorProfile({
      tenantId: a.tenantId,
      visitorId: created.visitor.id,
      changes: { name: "Pat Buyer", phone: "+12035550100", preferences: { emailAlerts: true } },
    });
    expect(updated).toMatchObject({ name: "Pat Buyer", phone: "+12035550100", preferences: { emailAlerts: true } });
    expect(await updateVisitorProfile({ tenantId: b.tenantId, visitorId: created.visitor.id, changes: { name: "Hijack" } })).toBeNull();
    const row = await db.visitor.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: created.visitor.id } } });
    expect(row.name).toBe("Pat Buyer");
  });
});
