import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { invalidateTenantCache } from "@real-estate/db/tenants";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { proxy } from "@/proxy";
import { decodeSearchSegment } from "@/lib/search/search-path";

const testDb = useTestDatabase("web_proxy");
let a: { tenantId: string };
let b: { tenantId: string };
let suspended: { tenantId: string };

const call = (host: string, path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://${host}${path}`, { headers: { host, ...headers } }));
const rewrite = (res: Response) => res.headers.get("x-middleware-rewrite");
/** The request headers the proxy passes on (NextResponse.next/rewrite with { request: { headers } }). */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

beforeAll(async () => {
  a = await createTenantFixture(testDb().db, { slug: "px-a", webHosts: ["a.localhost", "www.a.example"] });
  b = await createTenantFixture(testDb().db, { slug: "px-b", webHosts: ["b.localhost"] });
  suspended = await createTenantFixture(testDb().db, { slug: "px-s", webHosts: ["s.localhost"] });
  await testDb().db.tenant.update({ where: { id: suspended.tenantId }, data: { status: "SUSPENDED" } });
  invalidateTenantCache();
});

describe("proxy.ts", () => {
  it("rewrites pages under the resolved tenant's own segment, whatever the path names", async () => {
    expect(new URL(rewrite(await call("a.localhost:3000", "/"))!).pathname).toBe(`/sites/${a.tenantId}`);
    expect(new URL(rewrite(await call("www.a.example", "/towns/fairfield"))!).pathname).toBe(`/sites/${a.tenantId}/towns/fairfield`);
    expect(new URL(rewrite(await call("b.localhost", "/towns/fairfield"))!).pathname).toBe(`/sites/${b.tenantId}/towns/fairfield`);
    // Naming the internal segment (even with another tenant's id) stays inside this tenant: a 404 there.
    expect(new URL(rewrite(await call("a.localhost", `/sites/${b.tenantId}`))!).pathname).toBe(`/sites/${a.tenantId}/sites/${b.tenantId}`);
    expect(new URL(rewrite(await call("a.localhost", "/search/all"))!).pathname).toBe(`/sites/${a.tenantId}/not-found/search/all`);
  });

  it("moves the /homes query into the path, keeping only known parameters", async () => {
    const url = new URL(rewrite(await call("a.localhost", "/homes?utm_source=x&town=fairfield&beds=3"))!);
    const [, , tenantId, segment, encoded] = url.pathname.split("/");
    expect([tenantId, segment]).toEqual([a.tenantId, "search"]);
    expect(decodeSearchSegment(encoded!)).toEqual({ beds: "3", town: "fairfield" });
    expect(url.search).toBe("");
    expect(new URL(rewrite(await call("a.localhost", "/homes"))!).pathname).toBe(`/sites/${a.tenantId}/search/all`);
  });

  it("drops client x-tenant-* headers and stamps the server's own resolution", async () => {
    const res = await call("a.localhost", "/api/lead", { "x-tenant-id": b.tenantId, "x-tenant-slug": "px-b", "x-tenant-admin": "1" });
    expect(forwarded(res, "x-tenant-id")).toBe(a.tenantId);
    expect(forwarded(res, "x-tenant-slug")).toBe("px-a");
    expect(forwarded(res, "x-tenant-admin")).toBeNull();
    expect(res.headers.get("x-middleware-override-headers")).not.toContain("x-tenant-admin");
  });

  it("answers unknown hosts with 404: a page, or JSON under /api/", async () => {
    const api = await call("nobody.example", "/api/lead", { "x-tenant-id": a.tenantId });
    expect([api.status, await api.json()]).toEqual([404, { error: "unknown_tenant" }]);
    // Answered by the proxy itself: a rewrite would carry a host, which Next.js may proxy to.
    const page = await call("nobody.example", "/towns", { "x-tenant-id": a.tenantId });
    expect([page.status, page.headers.get("content-type"), rewrite(page)]).toEqual([404, "text/html; charset=utf-8", null]);
    expect(await page.text()).toContain("<h1>Site not found</h1>");
    expect(forwarded(page, "x-tenant-id")).toBeNull();
  });

  it("shows a suspended tenant's pages as temporarily unavailable (503) but keeps its forms open", async () => {
    const page = await call("s.localhost", "/towns");
    expect([page.status, page.headers.get("retry-after"), rewrite(page)]).toEqual([503, "300", null]);
    expect(await page.text()).toContain("This site is temporarily unavailable");
    expect(forwarded(await call("s.localhost", "/api/lead"), "x-tenant-id")).toBe(suspended.tenantId);
    expect(forwarded(await call("s.localhost", "/api/valuation"), "x-tenant-id")).toBe(suspended.tenantId);
    expect((await call("s.localhost", "/api/user/profile")).status).toBe(503);
  });
});
