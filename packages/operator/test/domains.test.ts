import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { resolveTenantByHost } from "@real-estate/sites";
import { failure } from "@real-estate/types/testing";
import { addTenantDomain, getStudioTenant, listOperatorActions, platformHosts, removeTenantDomain, setPrimaryDomain, StudioError } from "../src";

const testDb = useTestDatabase("studio_domains");
const actor = { userId: "op-1", email: "operator@platform.example" };

describe("studio domains", () => {
  it("adds a normalised host that resolves at once; a host belongs to one tenant only (409)", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "dom-a" });
    const b = await createTenantFixture(db, { slug: "dom-b" });
    const added = await addTenantDomain({ tenantId: a.tenantId, actor, input: { hostname: " WWW.Dom-A.Example.:8080 ", kind: "WEB" } });
    expect(added).toMatchObject({ hostname: "www.dom-a.example", kind: "WEB", isPrimary: false });
    expect((await resolveTenantByHost({ host: "www.dom-a.example", kind: "WEB" }))?.tenantId).toBe(a.tenantId);

    const taken = await failure(addTenantDomain({ tenantId: b.tenantId, actor, input: { hostname: "www.dom-a.example", kind: "WEB" } }), StudioError);
    expect(taken.status).toBe(409);
    expect(taken.fields?.hostname?.[0]).toContain("Tenant dom-a");
    expect((await failure(addTenantDomain({ tenantId: a.tenantId, actor, input: { hostname: "WWW.DOM-A.EXAMPLE", kind: "CRM" } }), StudioError)).status).toBe(
      409,
    );
    for (const hostname of ["not a host", "a..b", "-bad.example", "[::1]", "x".repeat(300), ""]) {
      const bad = await failure(addTenantDomain({ tenantId: a.tenantId, actor, input: { hostname, kind: "WEB" } }), StudioError);
      expect(bad.status).toBe(422);
      expect(bad.fields?.hostname).toBeDefined();
    }
    expect((await failure(addTenantDomain({ tenantId: a.tenantId, actor, input: { hostname: "ok.example", kind: "FTP" } }), StudioError)).status).toBe(422);
    expect(await db.tenantDomain.count({ where: { tenantId: b.tenantId } })).toBe(2);
    const log = await listOperatorActions({ tenantId: a.tenantId, action: "domain" });
    expect(log.rows.map((r) => [r.action, (r.after as { hostname: string }).hostname])).toEqual([["domain.add", "www.dom-a.example"]]);
  });

  it("refuses IP addresses, single-label names and the platform's own hosts (422, nothing stored); *.localhost hosts pass", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "dom-own" });
    const own = platformHosts({
      STUDIO_PUBLIC_URL: "https://Studio.Platform.Example/",
      STUDIO_ORIGINS: "https://console.platform.example:8443, http://localhost:3002",
      BETTER_AUTH_URL: "https://crm.platform.example",
      MAIL_FROM_DOMAIN: "mail.platform.example",
      RESERVED_HOSTS: "api.platform.example, status.platform.example.",
    });
    expect([...own].sort()).toEqual([
      "api.platform.example",
      "console.platform.example",
      "crm.platform.example",
      "localhost",
      "mail.platform.example",
      "status.platform.example",
      "studio.platform.example",
    ]);
    const refusals: [string, string][] = [
      ["10.0.0.1", "an IP address"],
      ["[::1]", "an IP address"],
      ["127.0.0.1:3000", "an IP address"],
      ["intranet", "single-label"],
      ["localhost", "single-label"],
      ["STUDIO.platform.example.", "platform's own hosts"],
      ["crm.platform.example:443", "platform's own hosts"],
      ["console.platform.example", "platform's own hosts"],
      ["mail.platform.example", "platform's own hosts"],
      ["status.platform.example", "platform's own hosts"],
    ];
    for (const [hostname, reason] of refusals) {
      const error = await failure(addTenantDomain({ tenantId: t.tenantId, actor, input: { hostname, kind: "WEB" }, platformHosts: own }), StudioError);
      expect([hostname, error.status, error.fields?.hostname?.[0]]).toEqual([hostname, 422, expect.stringContaining(reason)]);
    }
    // Without the option the hosts come from the environment.
    process.env.RESERVED_HOSTS = "reserved.platform.example";
    try {
      const error = await failure(addTenantDomain({ tenantId: t.tenantId, actor, input: { hostname: "reserved.platform.example", kind: "CRM" } }), StudioError);
      expect([error.status, error.fields?.hostname?.[0]]).toEqual([422, "reserved.platform.example is one of the platform's own hosts"]);
    } finally {
      delete process.env.RESERVED_HOSTS;
    }
    expect(await db.tenantDomain.count({ where: { tenantId: t.tenantId } })).toBe(2);
    const ok = await addTenantDomain({ tenantId: t.tenantId, actor, input: { hostname: "www.dom-own.localhost", kind: "WEB" }, platformHosts: own });
    expect(ok.hostname).toBe("www.dom-own.localhost");
  });

  it("marks a primary host per kind, and promotes the next host when the primary is removed", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "prim", webHosts: ["prim.test", "www.prim.test"] });
    const third = await addTenantDomain({ tenantId: t.tenantId, actor, input: { hostname: "prim.example", kind: "WEB", isPrimary: true } });
    let tenant = await getStudioTenant({ tenantId: t.tenantId });
    expect(tenant.domains.filter((d) => d.kind === "WEB" && d.isPrimary).map((d) => d.hostname)).toEqual(["prim.example"]);
    expect((await resolveTenantByHost({ host: "prim.test", kind: "WEB" }))?.primaryHostname).toBe("prim.example");

    const www = tenant.domains.find((d) => d.hostname === "www.prim.test")!;
    await setPrimaryDomain({ tenantId: t.tenantId, domainId: www.id, actor });
    tenant = await getStudioTenant({ tenantId: t.tenantId });
    expect(
      tenant.domains
        .filter((d) => d.isPrimary)
        .map((d) => d.hostname)
        .sort(),
    ).toEqual(["crm.prim.test", "www.prim.test"]);

    await removeTenantDomain({ tenantId: t.tenantId, domainId: www.id, actor });
    tenant = await getStudioTenant({ tenantId: t.tenantId });
    expect(tenant.domains.filter((d) => d.kind === "WEB").map((d) => [d.hostname, d.isPrimary])).toEqual([
      ["prim.test", true],
      ["prim.example", false],
    ]);
    expect(await resolveTenantByHost({ host: "www.prim.test", kind: "WEB" })).toBeNull();
    const log = await listOperatorActions({ tenantId: t.tenantId, action: "domain" });
    expect(log.rows.map((r) => r.action)).toEqual(["domain.remove", "domain.primary", "domain.add"]);
    expect(log.rows[0]!.after).toEqual({ promotedToPrimary: "prim.test" });
    expect(third.isPrimary).toBe(true);
  });

  it("keeps one primary host per kind when hosts are added or marked primary at the same time", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "race-prim", webHosts: ["race-prim.test"], crmHosts: [] });
    // A kind with no host yet: each concurrent add counted none and marked itself primary.
    const added = await Promise.all(
      Array.from({ length: 6 }, (_, i) => addTenantDomain({ tenantId: t.tenantId, actor, input: { hostname: `api${i}.race-prim.example`, kind: "CRM" } })),
    );
    expect(added.filter((d) => d.isPrimary)).toHaveLength(1);
    const primaries = async (kind: "WEB" | "CRM") => db.tenantDomain.count({ where: { tenantId: t.tenantId, kind, isPrimary: true } });
    expect(await primaries("CRM")).toBe(1);
    // Several hosts marked primary at once: each unmarked the old primary and marked its own.
    const web = await Promise.all(
      Array.from({ length: 5 }, (_, i) => addTenantDomain({ tenantId: t.tenantId, actor, input: { hostname: `w${i}.race-prim.example`, kind: "WEB" } })),
    );
    await Promise.all(web.map((d) => setPrimaryDomain({ tenantId: t.tenantId, domainId: d.id, actor })));
    expect(await primaries("WEB")).toBe(1);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        addTenantDomain({ tenantId: t.tenantId, actor, input: { hostname: `p${i}.race-prim.example`, kind: "WEB", isPrimary: true } }),
      ),
    );
    expect(await primaries("WEB")).toBe(1);
  });

  it("answers 404 for another tenant's domain, exactly like a missing one, and changes nothing", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "iso-a" });
    const b = await createTenantFixture(db, { slug: "iso-b" });
    const bDomain = (await getStudioTenant({ tenantId: b.tenantId })).domains[0]!;
    for (const attempt of [
      () => removeTenantDomain({ tenantId: a.tenantId, domainId: bDomain.id, actor }),
      () => setPrimaryDomain({ tenantId: a.tenantId, domainId: bDomain.id, actor }),
      () => removeTenantDomain({ tenantId: a.tenantId, domainId: "00000000-0000-7000-8000-000000000000", actor }),
      () => removeTenantDomain({ tenantId: a.tenantId, domainId: "nope", actor }),
    ]) {
      const error = await failure(attempt(), StudioError);
      expect([error.status, error.message]).toEqual([404, "Domain not found"]);
    }
    expect(await db.tenantDomain.count({ where: { tenantId: b.tenantId } })).toBe(2);
  });
});
