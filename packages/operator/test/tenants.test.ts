import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { readTenantLogo, resolveTenantByHost } from "@real-estate/sites";
import { pngDeclaring } from "@real-estate/sites/testing";
import { failure } from "@real-estate/types/testing";
import { createTenant, listOperatorActions, listTenants, removeTenantLogo, saveTenantLogo, setTenantStatus, StudioError, updateTenant } from "../src";

const testDb = useTestDatabase("studio_tenants");
const actor = { userId: "op-1", email: "operator@platform.example" };
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "studio-uploads-"));
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

// 1x1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function expectStudioError(promise: Promise<unknown>, status: number, code: string) {
  const error = await failure(promise, StudioError);
  expect(error.status).toBe(status);
  expect(error.code).toBe(code);
  return error;
}

describe("studio tenants", () => {
  it("creates a tenant with website settings and every module on, and audits it", async () => {
    const { db } = testDb();
    const tenant = await createTenant({ actor, input: { slug: "harbor", name: "Harbor Homes", primaryColor: "#AA3300", tagline: "  " } });
    expect(tenant).toMatchObject({ slug: "harbor", name: "Harbor Homes", primaryColor: "#aa3300", status: "ACTIVE", tagline: null });
    expect(await db.websiteConfig.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect(await db.moduleConfig.count({ where: { tenantId: tenant.id, enabled: true } })).toBe(14);
    const { rows } = await listOperatorActions({ tenantId: tenant.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "tenant.create", actorEmail: actor.email, targetId: tenant.id, before: null });
    expect((rows[0]!.after as { slug: string }).slug).toBe("harbor");
  });

  it("refuses a taken slug with 409 and bad input with 422, changing nothing", async () => {
    const { db } = testDb();
    await createTenantFixture(db, { slug: "taken" });
    const before = await db.tenant.count({ where: { slug: { not: "" } } });
    const conflict = await expectStudioError(createTenant({ actor, input: { slug: "taken", name: "Again" } }), 409, "conflict");
    expect(conflict.fields?.slug?.[0]).toContain("taken");
    const invalid = await expectStudioError(createTenant({ actor, input: { slug: "Bad Slug", name: "x", primaryColor: "red" } }), 422, "validation_failed");
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["name", "primaryColor", "slug"]);
    await expectStudioError(createTenant({ actor, input: { slug: "ok-slug", name: "Okay", extra: 1 } }), 422, "validation_failed");
    expect(await db.tenant.count({ where: { slug: { not: "" } } })).toBe(before);
  });

  it("edits a tenant and records only the changed fields before and after", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "edit-me" });
    const updated = await updateTenant({ tenantId: t.tenantId, actor, input: { name: "Edited Realty", accentColor: "#00FF00", primaryColor: "#1f4e79" } });
    expect(updated).toMatchObject({ name: "Edited Realty", accentColor: "#00ff00" });
    const { rows } = await listOperatorActions({ tenantId: t.tenantId, action: "tenant.update" });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before).toEqual({ name: "Tenant edit-me", accentColor: "#c8102e" });
    expect(rows[0]!.after).toEqual({ name: "Edited Realty", accentColor: "#00ff00" });
    // The host cache of this process sees the new name at once.
    expect((await resolveTenantByHost({ host: t.webHost, kind: "WEB" }))?.name).toBe("Edited Realty");
    await createTenantFixture(db, { slug: "other-slug" });
    await expectStudioError(updateTenant({ tenantId: t.tenantId, actor, input: { slug: "other-slug" } }), 409, "conflict");
    await expectStudioError(updateTenant({ tenantId: "00000000-0000-7000-8000-000000000000", actor, input: { name: "Nobody" } }), 404, "not_found");
    await expectStudioError(updateTenant({ tenantId: "not-a-uuid", actor, input: { name: "Nobody" } }), 404, "not_found");
  });

  it("suspends and reactivates a tenant, auditing each change once", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "suspend-me" });
    expect((await setTenantStatus({ tenantId: t.tenantId, actor, input: { status: "SUSPENDED" } })).status).toBe("SUSPENDED");
    expect((await resolveTenantByHost({ host: t.webHost, kind: "WEB" }))?.status).toBe("SUSPENDED");
    await setTenantStatus({ tenantId: t.tenantId, actor, input: { status: "SUSPENDED" } });
    await setTenantStatus({ tenantId: t.tenantId, actor, input: { status: "ACTIVE" } });
    const { rows } = await listOperatorActions({ tenantId: t.tenantId });
    expect(rows.map((r) => r.action)).toEqual(["tenant.reactivate", "tenant.suspend"]);
    await expectStudioError(setTenantStatus({ tenantId: t.tenantId, actor, input: { status: "GONE" } }), 422, "validation_failed");
  });

  it("stores a logo under the uploads folder and serves it back; refuses non-images and SVG", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "logo-co" });
    const saved = await saveTenantLogo({ tenantId: t.tenantId, actor, bytes: PNG });
    expect(saved.logoPath).toMatch(new RegExp(`^${t.tenantId}/logo-[0-9a-f]{16}\\.png$`));
    expect(fs.existsSync(path.join(uploads, saved.logoPath!))).toBe(true);
    const logo = await readTenantLogo({ tenantId: t.tenantId });
    expect(logo?.contentType).toBe("image/png");
    expect(Buffer.compare(logo!.bytes, PNG)).toBe(0);
    await expectStudioError(
      saveTenantLogo({ tenantId: t.tenantId, actor, bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") }),
      422,
      "validation_failed",
    );
    await expectStudioError(saveTenantLogo({ tenantId: t.tenantId, actor, bytes: Buffer.alloc(1024 * 1024 + 1, 0xff) }), 413, "too_large");
    await removeTenantLogo({ tenantId: t.tenantId, actor });
    expect(await readTenantLogo({ tenantId: t.tenantId })).toBeNull();
    const { rows } = await listOperatorActions({ tenantId: t.tenantId, action: "tenant.logo" });
    expect(rows.map((r) => r.action)).toEqual(["tenant.logo.remove", "tenant.logo"]);
  });

  it("stores the same logo sent several times at once without failing", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "logo-twice" });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => saveTenantLogo({ tenantId: t.tenantId, actor, bytes: PNG })));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const logo = await readTenantLogo({ tenantId: t.tenantId });
    expect(Buffer.compare(logo!.bytes, PNG)).toBe(0);
    expect(fs.readdirSync(path.join(uploads, t.tenantId)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a logo whose header declares more than 4096 pixels a side, or has no readable header", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "logo-bomb" });
    // A whole PNG of 83 bytes declaring 30,000 x 30,000 pixels: 3.6 GB once a visitor's browser decodes it.
    const bomb = pngDeclaring(30_000, 30_000);
    const tooBig = await expectStudioError(saveTenantLogo({ tenantId: t.tenantId, actor, bytes: bomb }), 422, "validation_failed");
    expect(tooBig.fields?.logo).toEqual(["at most 4096 x 4096 pixels (this one is 30000 x 30000)"]);
    const polyglot = Buffer.concat([PNG.subarray(0, 8), Buffer.from("<html><script>alert(1)</script></html>")]);
    await expectStudioError(saveTenantLogo({ tenantId: t.tenantId, actor, bytes: polyglot }), 422, "validation_failed");
    expect((await db.tenant.findUnique({ where: { id: t.tenantId }, select: { logoPath: true } }))?.logoPath).toBeNull();
    expect(fs.existsSync(path.join(uploads, t.tenantId))).toBe(false);
  });

  it("lists tenants with their domains and finds them by name, slug or host", async () => {
    const { db } = testDb();
    await createTenantFixture(db, { slug: "listed-one", name: "Listed One", webHosts: ["one.example.com"] });
    const all = await listTenants();
    expect(all.find((t) => t.slug === "listed-one")?.domains.map((d) => d.hostname)).toEqual(["one.example.com", "crm.listed-one.test"]);
    expect((await listTenants({ search: "ONE.EXAMPLE" })).map((t) => t.slug)).toEqual(["listed-one"]);
    expect((await listTenants({ search: "listed one" })).map((t) => t.slug)).toEqual(["listed-one"]);
  });
});

describe("operator audit log", () => {
  it("pages newest first with a cursor", async () => {
    const t = await createTenant({ actor, input: { slug: "audit-pages", name: "Audit Pages" } });
    for (const name of ["A1", "A2", "A3"]) await updateTenant({ tenantId: t.id, actor, input: { name: `Audit ${name}` } });
    const first = await listOperatorActions({ tenantId: t.id, limit: 2 });
    expect(first.rows.map((r) => (r.after as { name?: string }).name)).toEqual(["Audit A3", "Audit A2"]);
    const second = await listOperatorActions({ tenantId: t.id, limit: 2, before: first.nextCursor! });
    expect(second.rows.map((r) => r.action)).toEqual(["tenant.update", "tenant.create"]);
    expect(second.nextCursor).toBeNull();
  });

  it("holds a tenant's Clerk organization: one tenant per organization, a clear 422 for anything else, empty clears it", async () => {
    const { db } = testDb();
    const first = await createTenant({ actor, input: { slug: "clerk-one", name: "Clerk One", clerkOrganizationId: "org_2abcDEF" } });
    expect(first.clerkOrganizationId).toBe("org_2abcDEF");
    const second = await createTenant({ actor, input: { slug: "clerk-two", name: "Clerk Two" } });
    const conflict = await expectStudioError(updateTenant({ tenantId: second.id, actor, input: { clerkOrganizationId: "org_2abcDEF" } }), 409, "conflict");
    expect(conflict.fields).toHaveProperty("clerkOrganizationId");
    const bad = await expectStudioError(updateTenant({ tenantId: second.id, actor, input: { clerkOrganizationId: "user_123" } }), 422, "validation_failed");
    expect(bad.fields).toHaveProperty("clerkOrganizationId");
    expect((await db.tenant.findUniqueOrThrow({ where: { id: second.id } })).clerkOrganizationId).toBeNull();
    expect((await updateTenant({ tenantId: first.id, actor, input: { clerkOrganizationId: "" } })).clerkOrganizationId).toBeNull();
    expect((await updateTenant({ tenantId: second.id, actor, input: { clerkOrganizationId: "org_2abcDEF" } })).clerkOrganizationId).toBe("org_2abcDEF");
  });
});
