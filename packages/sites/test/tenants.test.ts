import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { invalidateTenantCache, resolveTenantByHost } from "../src/tenants";
import { listPageModules } from "../src/website-config";

const testDb = useTestDatabase("tenants");

describe("tenant resolution by host", () => {
  it("normalises the host and resolves each tenant by its own host and kind only", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "alpha", webHosts: ["alpha.localhost", "www.alpha.example"], crmHosts: ["crm.alpha.localhost"] });
    const b = await createTenantFixture(db, { slug: "beta", webHosts: ["beta.localhost"] });

    expect((await resolveTenantByHost({ host: "ALPHA.localhost:3000", kind: "WEB" }))?.tenantId).toBe(a.tenantId);
    expect((await resolveTenantByHost({ host: "www.alpha.example.", kind: "WEB" }))?.tenantId).toBe(a.tenantId);
    expect((await resolveTenantByHost({ host: "www.alpha.example.", kind: "WEB" }))?.primaryHostname).toBe("alpha.localhost");
    expect((await resolveTenantByHost({ host: "beta.localhost", kind: "WEB" }))?.tenantId).toBe(b.tenantId);
    // The CRM host is not a website host, and vice versa.
    expect(await resolveTenantByHost({ host: "crm.alpha.localhost", kind: "WEB" })).toBeNull();
    expect((await resolveTenantByHost({ host: "crm.alpha.localhost", kind: "CRM" }))?.tenantId).toBe(a.tenantId);
    expect(await resolveTenantByHost({ host: "alpha.localhost", kind: "CRM" })).toBeNull();
    for (const bad of ["nobody.example", "", "alpha.localhost, beta.localhost", "alpha.localhost:abc", "al pha.localhost", "..", null]) {
      expect(await resolveTenantByHost({ host: bad, kind: "WEB" })).toBeNull();
    }
  });

  it("caches lookups until invalidated", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "gamma" });
    expect((await resolveTenantByHost({ host: t.webHost, kind: "WEB" }))?.name).toBe("Tenant gamma");
    await db.tenant.update({ where: { id: t.tenantId }, data: { name: "Gamma Realty" } });
    expect((await resolveTenantByHost({ host: t.webHost, kind: "WEB" }))?.name).toBe("Tenant gamma");
    invalidateTenantCache({ tenantId: t.tenantId });
    expect((await resolveTenantByHost({ host: t.webHost, kind: "WEB" }))?.name).toBe("Gamma Realty");
  });
});

describe("module toggles", () => {
  it("lists a tenant's enabled modules in its order, and never another tenant's", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "mod-a" });
    const b = await createTenantFixture(db, { slug: "mod-b" });
    await db.moduleConfig.createMany({
      data: [
        { tenantId: a.tenantId, pageKind: "TOWN", moduleKey: "schools", enabled: true, sortOrder: 2 },
        { tenantId: a.tenantId, pageKind: "TOWN", moduleKey: "taxes", enabled: false, sortOrder: 1 },
        { tenantId: a.tenantId, pageKind: "TOWN", moduleKey: "at-a-glance", enabled: true, sortOrder: 0, settings: { title: "Quick facts" } },
        { tenantId: b.tenantId, pageKind: "TOWN", moduleKey: "taxes", enabled: true, sortOrder: 0 },
        { tenantId: a.tenantId, pageKind: "NEIGHBORHOOD", moduleKey: "listings", enabled: true, sortOrder: 0 },
      ],
    });
    const town = await listPageModules({ tenantId: a.tenantId, pageKind: "TOWN" });
    expect(town.map((m) => m.moduleKey)).toEqual(["at-a-glance", "schools"]);
    expect(town[0]?.settings).toEqual({ title: "Quick facts" });
    const all = await listPageModules({ tenantId: a.tenantId, pageKind: "TOWN", includeDisabled: true });
    expect(all.map((m) => [m.moduleKey, m.enabled])).toEqual([
      ["at-a-glance", true],
      ["taxes", false],
      ["schools", true],
    ]);
    expect((await listPageModules({ tenantId: b.tenantId, pageKind: "TOWN" })).map((m) => m.moduleKey)).toEqual(["taxes"]);
  });
});

describe("empty where guard", () => {
  it("refuses findMany, updateMany and deleteMany without a where clause", async () => {
    const { db } = testDb();
    await expect(db.contact.findMany()).rejects.toThrow(/without a where clause/);
    await expect(db.contact.deleteMany({})).rejects.toThrow(/without a where clause/);
    await expect(db.lead.updateMany({ data: { message: "x" } })).rejects.toThrow(/without a where clause/);
    await expect(db.contact.findMany({ where: { tenantId: "00000000-0000-0000-0000-000000000000" } })).resolves.toEqual([]);
  });
});
