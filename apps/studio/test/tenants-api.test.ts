// Every tenant, domain, module and content action through the studio's API as the operator:
// validated input, 404 for another tenant's records, an audit row per change, and the tenant's
// website refreshed after each change.
import { WEBSITE_MODULE_KEYS } from "@real-estate/types";
import { listOperatorActions } from "@real-estate/operator";
import { beforeAll, describe, expect, it } from "vitest";
import { demoIds } from "./support/ids";
import { api, operatorCookie, testDb } from "./support/studio-client";
import { eventually, webGet } from "./support/web-client";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
let cookie: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let tenantId: string;

const lastAction = async (tenant: string) => (await listOperatorActions({ tenantId: tenant, limit: 1 })).rows[0];

beforeAll(async () => {
  cookie = await operatorCookie();
  ids = await demoIds();
});

describe("tenants", () => {
  it("creates a tenant (201), refuses a taken slug (409), bad fields (422) and malformed JSON (400)", async () => {
    const created = await api("POST", "/api/tenants", {
      cookie,
      json: { slug: "harbor-homes", name: "Harbor Homes", primaryColor: "#0E7490", tagline: "On the water" },
    });
    expect(created.status).toBe(201);
    expect(created.body.tenant).toMatchObject({ slug: "harbor-homes", name: "Harbor Homes", primaryColor: "#0e7490", status: "ACTIVE" });
    tenantId = created.body.tenant.id;
    expect(await lastAction(tenantId)).toMatchObject({ action: "tenant.create", actorEmail: "operator@platform.example" });
    const again = await api("POST", "/api/tenants", { cookie, json: { slug: "harbor-homes", name: "Copy" } });
    expect([again.status, again.body.error, Object.keys(again.body.fields)]).toEqual([409, "conflict", ["slug"]]);
    const bad = await api("POST", "/api/tenants", { cookie, json: { slug: "Bad Slug!", name: "", accentColor: "blue" } });
    expect([bad.status, bad.body.error, Object.keys(bad.body.fields).sort()]).toEqual([422, "validation_failed", ["accentColor", "name", "slug"]]);
    const malformed = await api("POST", "/api/tenants", { cookie, body: "{not json", headers: { "content-type": "application/json" } });
    expect([malformed.status, malformed.body.error]).toEqual([400, "malformed_json"]);
    expect(await testDb().tenant.count({ where: { slug: { in: ["copy", "bad-slug"] } } })).toBe(0);
  });

  it("edits a tenant, records before/after and refreshes its website", async () => {
    const res = await api("PATCH", `/api/tenants/${tenantId}`, { cookie, json: { name: "Harbor Homes & Co", accentColor: "#F59E0B" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenant: { name: "Harbor Homes & Co", accentColor: "#f59e0b" }, revalidated: true });
    expect(await lastAction(tenantId)).toMatchObject({
      action: "tenant.update",
      before: { name: "Harbor Homes", accentColor: "#c8102e" },
      after: { name: "Harbor Homes & Co", accentColor: "#f59e0b" },
    });
    expect((await api("PATCH", `/api/tenants/${tenantId}`, { cookie, json: { primaryColor: "teal" } })).status).toBe(422);
    expect((await api("PATCH", "/api/tenants/00000000-0000-7000-8000-000000000000", { cookie, json: { name: "Ghost" } })).status).toBe(404);
  });
});

describe("domains", () => {
  it("adds normalised hosts, refuses a host of another tenant (409) and invalid hosts (422), marks primary and removes", async () => {
    const added = await api("POST", `/api/tenants/${tenantId}/domains`, { cookie, json: { hostname: "Harbor.LOCALHOST.", kind: "WEB" } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ domain: { hostname: "harbor.localhost", kind: "WEB", isPrimary: true }, revalidated: true });
    const second = await api("POST", `/api/tenants/${tenantId}/domains`, { cookie, json: { hostname: "www.harbor.localhost", kind: "WEB" } });
    expect(second.body.domain.isPrimary).toBe(false);
    const taken = await api("POST", `/api/tenants/${tenantId}/domains`, { cookie, json: { hostname: "fairfield.localhost:3000", kind: "WEB" } });
    expect([taken.status, taken.body.fields.hostname[0]]).toEqual([409, expect.stringContaining("already belongs")]);
    for (const hostname of ["not a host", "-x.example", "a..b"]) {
      expect((await api("POST", `/api/tenants/${tenantId}/domains`, { cookie, json: { hostname, kind: "WEB" } })).status).toBe(422);
    }
    // IP addresses, single-label names and the platform's own hosts (RESERVED_HOSTS as the test servers set it).
    const refusals: [string, string][] = [
      ["10.0.0.1", "an IP address"],
      ["[::1]", "an IP address"],
      ["intranet", "single-label"],
      ["localhost", "single-label"],
      ["Status.Platform.localhost", "status.platform.localhost is one of the platform's own hosts"],
    ];
    for (const [hostname, reason] of refusals) {
      const refused = await api("POST", `/api/tenants/${tenantId}/domains`, { cookie, json: { hostname, kind: "CRM" } });
      expect([hostname, refused.status, refused.body.fields.hostname[0]]).toEqual([hostname, 422, expect.stringContaining(reason)]);
    }
    expect((await api("POST", `/api/tenants/${tenantId}/domains/${second.body.domain.id}/primary`, { cookie })).body.domain.isPrimary).toBe(true);
    // The website knows the new host within its 5-second cache.
    await eventually(async () => (await webGet("www.harbor.localhost", "/")).status === 200);
    expect((await api("DELETE", `/api/tenants/${tenantId}/domains/${second.body.domain.id}`, { cookie })).status).toBe(200);
    const hosts = await testDb().tenantDomain.findMany({ where: { tenantId }, select: { hostname: true, isPrimary: true } });
    expect(hosts).toEqual([{ hostname: "harbor.localhost", isPrimary: true }]);
    expect((await listOperatorActions({ tenantId, action: "domain" })).rows.map((r) => r.action)).toEqual([
      "domain.remove",
      "domain.primary",
      "domain.add",
      "domain.add",
    ]);
  });

  it("answers 404 for another tenant's domain and leaves it in place", async () => {
    for (const [method, suffix] of [
      ["DELETE", ""],
      ["POST", "/primary"],
    ] as const) {
      const res = await api(method, `/api/tenants/${tenantId}/domains/${ids.shorelineDomain.id}${suffix}`, { cookie });
      expect([res.status, res.body]).toEqual([404, { error: "not_found", message: "Domain not found" }]);
    }
    expect(await testDb().tenantDomain.count({ where: { id: ids.shorelineDomain.id } })).toBe(1);
  });
});

describe("logo and status", () => {
  it("uploads a logo that the studio and the tenant's website serve; refuses SVG; removes it", async () => {
    const form = new FormData();
    form.set("logo", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "logo.png");
    const up = await api("PUT", `/api/tenants/${tenantId}/logo`, { cookie, body: form });
    expect(up.status).toBe(200);
    expect(up.body.tenant.logoPath).toMatch(/logo-[0-9a-f]{16}\.png$/);
    const studioLogo = await fetch(`${(await import("./support/studio-client")).studioUrl()}/api/tenants/${tenantId}/logo`, { headers: { cookie } });
    expect([studioLogo.status, studioLogo.headers.get("content-type"), Buffer.from(await studioLogo.arrayBuffer()).equals(PNG)]).toEqual([
      200,
      "image/png",
      true,
    ]);
    const site = await webGet("harbor.localhost", "/brand-logo");
    expect([site.status, site.headers["content-type"], site.body.equals(PNG)]).toEqual([200, "image/png", true]);
    const svg = new FormData();
    svg.set("logo", new Blob(["<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"], { type: "image/svg+xml" }), "x.svg");
    const refused = await api("PUT", `/api/tenants/${tenantId}/logo`, { cookie, body: svg });
    expect([refused.status, refused.body.fields.logo]).toEqual([422, ["a PNG, JPEG, GIF or WebP image"]]);
    expect((await api("DELETE", `/api/tenants/${tenantId}/logo`, { cookie })).body.tenant.logoPath).toBeNull();
    expect((await webGet("harbor.localhost", "/brand-logo")).status).toBe(404);
  });

  it("takes a logo of the full 1 MiB, its multipart body past Next.js's 1 MiB form-action cap (the front caps that on pages only)", async () => {
    const big = Buffer.alloc(1024 * 1024, 7);
    PNG.copy(big);
    const form = new FormData();
    form.set("logo", new Blob([new Uint8Array(big)], { type: "image/png" }), "logo.png");
    const up = await api("PUT", `/api/tenants/${tenantId}/logo`, { cookie, body: form });
    expect([up.status, up.text.slice(0, 200)]).toEqual([200, expect.any(String)]);
    const stored = await fetch(`${(await import("./support/studio-client")).studioUrl()}/api/tenants/${tenantId}/logo`, { headers: { cookie } });
    expect(Buffer.from(await stored.arrayBuffer()).equals(big)).toBe(true);
    expect((await api("DELETE", `/api/tenants/${tenantId}/logo`, { cookie })).body.tenant.logoPath).toBeNull();
  });

  it("suspends a tenant: its website answers 503 within seconds; reactivating brings it back", async () => {
    expect((await webGet("harbor.localhost", "/")).status).toBe(200);
    const res = await api("POST", `/api/tenants/${tenantId}/status`, { cookie, json: { status: "SUSPENDED" } });
    expect(res.body).toMatchObject({ tenant: { status: "SUSPENDED" }, revalidated: true });
    const took = await eventually(async () => (await webGet("harbor.localhost", "/")).status === 503, { timeoutMs: 10_000 });
    expect(took).toBeLessThan(10_000);
    expect((await api("POST", `/api/tenants/${tenantId}/status`, { cookie, json: { status: "PAUSED" } })).status).toBe(422);
    await api("POST", `/api/tenants/${tenantId}/status`, { cookie, json: { status: "ACTIVE" } });
    await eventually(async () => (await webGet("harbor.localhost", "/")).status === 200, { timeoutMs: 10_000 });
    expect((await listOperatorActions({ tenantId, action: "tenant." })).rows.slice(0, 2).map((r) => r.action)).toEqual(["tenant.reactivate", "tenant.suspend"]);
  });
});

describe("modules and content", () => {
  it("reads, saves and toggles the modules of a page kind, with validation and audit", async () => {
    const read = await api("GET", `/api/tenants/${tenantId}/modules/town`, { cookie });
    expect(read.body.modules.map((m: { moduleKey: string }) => m.moduleKey)).toEqual([...WEBSITE_MODULE_KEYS]);
    const order = [...WEBSITE_MODULE_KEYS].reverse();
    const saved = await api("PUT", `/api/tenants/${tenantId}/modules/town`, {
      cookie,
      json: { modules: order.map((moduleKey) => ({ moduleKey, enabled: moduleKey !== "taxes", settings: moduleKey === "listings" ? { limit: 3 } : {} })) },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revalidated).toBe(true);
    expect(saved.body.modules.map((m: { moduleKey: string; enabled: boolean }) => `${m.moduleKey}:${m.enabled}`).slice(0, 4)).toEqual([
      "valuation-cta:true",
      "listings:true",
      "nearby-places:true",
      "walk-score:true",
    ]);
    const toggled = await api("PATCH", `/api/tenants/${tenantId}/modules/neighborhood`, { cookie, json: { moduleKey: "schools", enabled: false } });
    expect(toggled.body.modules.find((m: { moduleKey: string }) => m.moduleKey === "schools").enabled).toBe(false);
    expect((await api("PUT", `/api/tenants/${tenantId}/modules/town`, { cookie, json: { modules: [{ moduleKey: "schools", enabled: true }] } })).status).toBe(
      422,
    );
    expect((await api("PATCH", `/api/tenants/${tenantId}/modules/town`, { cookie, json: { moduleKey: "weather", enabled: true } })).status).toBe(422);
    expect((await api("GET", `/api/tenants/${tenantId}/modules/city`, { cookie })).status).toBe(404);
    expect((await listOperatorActions({ tenantId, action: "module" })).rows.map((r) => r.action)).toEqual(["module.disable", "modules.save"]);
  });

  it("edits town content validated against the content schema; another tenant's town is not found", async () => {
    const path = `/api/tenants/${ids.fairfield}/areas/town/${ids.town.id}`;
    const current = await api("GET", path, { cookie });
    expect(current.status).toBe(200);
    const content = { ...current.body.area.content, taxes: { millRate: 27.5, note: "Sample value for the demo", isSample: true } };
    const saved = await api("PUT", path, { cookie, json: { summary: current.body.area.summary, content } });
    expect([saved.status, saved.body.area.content.taxes.millRate, saved.body.revalidated]).toEqual([200, 27.5, true]);
    expect(await lastAction(ids.fairfield)).toMatchObject({ action: "town.content", targetId: ids.town.id });
    const bad = await api("PUT", path, { cookie, json: { content: { taxes: { millRate: -1 } } } });
    expect([bad.status, Object.keys(bad.body.fields)]).toEqual([422, ["content.taxes.millRate"]]);
    expect((await api("GET", `/api/tenants/${tenantId}/areas/town/${ids.town.id}`, { cookie })).status).toBe(404);
    expect((await api("PUT", `/api/tenants/${tenantId}/areas/town/${ids.town.id}`, { cookie, json: { content: {} } })).status).toBe(404);
    expect((await api("GET", `/api/tenants/${ids.fairfield}/areas/county/${ids.town.id}`, { cookie })).status).toBe(404);
  });
});
