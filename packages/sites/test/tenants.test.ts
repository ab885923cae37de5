import { describe, expect, it } from "vitest";
import type { Db } from "@real-estate/db";
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

/** The real client, counting its host lookups ($queryRaw); while held, a lookup's rows are read but not handed back until `release`. */
function countingLookups(db: Db): { db: Db; reads: () => number; hold: () => void; release: () => void } {
  let reads = 0;
  let gate: Promise<void> | null = null;
  let open = () => {};
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$queryRaw") return Reflect.get(target, prop, receiver);
      const queryRaw = Reflect.get(target, prop, target) as (...a: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        reads++;
        const rows = await queryRaw.apply(target, args);
        if (gate) await gate;
        return rows;
      };
    },
  });
  return {
    db: counted as Db,
    reads: () => reads,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => {
      gate = null;
      open();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

describe("tenant resolution by host, remembered up to a bound", () => {
  it("a host in steady use is read again beside its requests; a removed or changed host is no longer served after the bound", { timeout: 15_000 }, async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "steady-a", crmHosts: ["crm.steady-a.test"] });
    const b = await createTenantFixture(db, { slug: "steady-b", crmHosts: ["crm.steady-b.test"] });
    invalidateTenantCache();
    const counting = countingLookups(db);
    const maxAgeMs = 1_000;
    const resolve = (host: string) => resolveTenantByHost({ host, kind: "CRM", db: counting.db, maxAgeMs });

    const firstReadAt = Date.now();
    expect((await resolve("crm.steady-a.test"))?.tenantId).toBe(a.tenantId);
    expect((await resolve("crm.steady-b.test"))?.tenantId).toBe(b.tenantId);
    expect(counting.reads()).toBe(2);
    // Fresh: answered without a read.
    expect((await resolve("crm.steady-a.test"))?.tenantId).toBe(a.tenantId);
    expect(counting.reads()).toBe(2);

    // Past four fifths of the bound: answered at once while the host's read, held, has not answered.
    await sleep(firstReadAt + maxAgeMs * 0.8 + 20 - Date.now());
    counting.hold();
    const answered = await Promise.race([resolve("crm.steady-a.test"), sleep(500).then(() => "waited for the read" as const)]);
    expect(answered).not.toBe("waited for the read");
    expect((answered as { tenantId: string } | null)?.tenantId).toBe(a.tenantId);
    expect(counting.reads()).toBe(3);
    // A request meanwhile shares the read in flight rather than start another.
    expect((await resolve("crm.steady-a.test"))?.tenantId).toBe(a.tenantId);
    expect(counting.reads()).toBe(3);
    counting.release();
    // Past the first lookup's age: tenant A answered from the refreshed lookup, without a read;
    // tenant B's host, not refreshed, is read on its request's path.
    await sleep(firstReadAt + maxAgeMs + 20 - Date.now());
    expect((await resolve("crm.steady-a.test"))?.tenantId).toBe(a.tenantId);
    expect(counting.reads()).toBe(3);
    expect((await resolve("crm.steady-b.test"))?.tenantId).toBe(b.tenantId);
    expect(counting.reads()).toBe(4);

    // Changed behind the process's back (another instance, no invalidation here): A's host removed,
    // B's host renamed. Neither old host is served once the bound has passed since.
    await db.tenantDomain.deleteMany({ where: { tenantId: a.tenantId, hostname: "crm.steady-a.test" } });
    await db.tenantDomain.updateMany({ where: { tenantId: b.tenantId, hostname: "crm.steady-b.test" }, data: { hostname: "crm.steady-b2.test" } });
    const changedAt = Date.now();
    for (let at = Date.now(); at < changedAt + maxAgeMs; at = Date.now()) {
      // Requests keep coming (answers may still be the old ones, refreshed beside them); the bound is what follows.
      await resolve("crm.steady-a.test");
      await resolve("crm.steady-b.test");
      await sleep(100);
    }
    expect(await resolve("crm.steady-a.test")).toBeNull();
    expect(await resolve("crm.steady-b.test")).toBeNull();
    expect((await resolve("crm.steady-b2.test"))?.tenantId).toBe(b.tenantId);
  });

  it("a read begun before an invalidation is not remembered after it", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "inval-race", crmHosts: ["crm.inval-race.test"] });
    invalidateTenantCache();
    const counting = countingLookups(db);
    counting.hold();
    const before = resolveTenantByHost({ host: "crm.inval-race.test", kind: "CRM", db: counting.db });
    await db.tenant.update({ where: { id: t.tenantId }, data: { name: "Renamed Realty" } });
    invalidateTenantCache({ tenantId: t.tenantId });
    counting.release();
    await before;
    expect((await resolveTenantByHost({ host: "crm.inval-race.test", kind: "CRM", db: counting.db }))?.name).toBe("Renamed Realty");
    expect(counting.reads()).toBe(2);
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
