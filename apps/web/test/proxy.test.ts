import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { invalidateTenantCache } from "@real-estate/sites";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { proxy } from "@/proxy";
import { decodeSearchSegment } from "@/lib/search/search-path";

const testDb = useTestDatabase("web_proxy");
let a: { tenantId: string; slug: string };
let b: { tenantId: string; slug: string };
let suspended: { tenantId: string };

const call = (host: string, path: string, headers: Record<string, string> = {}, method = "GET") =>
  proxy(new NextRequest(`http://${host}${path}`, { method, headers: { host, ...headers } }));
const rewrite = (res: Response) => res.headers.get("x-middleware-rewrite");
/** The request headers the proxy passes on (NextResponse.next/rewrite with { request: { headers } }). */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

beforeAll(async () => {
  a = { ...(await createTenantFixture(testDb().db, { slug: "px-a", webHosts: ["a.localhost", "www.a.example"] })), slug: "px-a" };
  b = { ...(await createTenantFixture(testDb().db, { slug: "px-b", webHosts: ["b.localhost"] })), slug: "px-b" };
  suspended = await createTenantFixture(testDb().db, { slug: "px-s", webHosts: ["s.localhost"] });
  await testDb().db.tenant.update({ where: { id: suspended.tenantId }, data: { status: "SUSPENDED" } });
  invalidateTenantCache();
});

describe("proxy.ts", () => {
  it("rewrites pages under the resolved tenant's own segment (its slug, never its id), whatever the path names", async () => {
    expect(new URL(rewrite(await call("a.localhost:3000", "/"))!).pathname).toBe(`/sites/${a.slug}`);
    expect(new URL(rewrite(await call("www.a.example", "/towns/fairfield"))!).pathname).toBe(`/sites/${a.slug}/towns/fairfield`);
    expect(new URL(rewrite(await call("b.localhost", "/towns/fairfield"))!).pathname).toBe(`/sites/${b.slug}/towns/fairfield`);
    // Naming the internal segment (another tenant's slug or id) stays inside this tenant: a 404 there.
    expect(new URL(rewrite(await call("a.localhost", `/sites/${b.slug}`))!).pathname).toBe(`/sites/${a.slug}/sites/${b.slug}`);
    expect(new URL(rewrite(await call("a.localhost", `/sites/${b.tenantId}`))!).pathname).toBe(`/sites/${a.slug}/sites/${b.tenantId}`);
    expect(new URL(rewrite(await call("a.localhost", "/search/all"))!).pathname).toBe(`/sites/${a.slug}/not-found/search/all`);
    for (const path of ["/", "/towns/fairfield", "/homes?beds=2"]) expect(rewrite(await call("a.localhost", path))).not.toContain(a.tenantId);
  });

  it("renders pages with the policy's nonce and answers with a strict nonce policy", async () => {
    const res = await call("a.localhost", "/towns/fairfield");
    const policy = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(policy).toContain("'strict-dynamic'");
    expect(/script-src [^;]*'unsafe-inline'/.test(policy)).toBe(false);
    // The same policy on the request, where Next.js reads the nonce for the page's scripts.
    expect(forwarded(res, "content-security-policy")).toBe(policy);
    expect(forwarded(res, "x-nonce")).toBe(nonce);
  });

  it("moves the /homes query into the path, keeping only known parameters", async () => {
    const url = new URL(rewrite(await call("a.localhost", "/homes?utm_source=x&town=fairfield&beds=3"))!);
    const [, , site, segment, encoded] = url.pathname.split("/");
    expect([site, segment]).toEqual([a.slug, "search"]);
    expect(decodeSearchSegment(encoded!)).toEqual({ beds: "3", town: "fairfield" });
    expect(url.search).toBe("");
    expect(new URL(rewrite(await call("a.localhost", "/homes"))!).pathname).toBe(`/sites/${a.slug}/search/all`);
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

  it("answers pages and files GET and HEAD only (405 naming them, nothing rewritten); API routes get every method", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      for (const path of ["/", "/robots.txt", "/towns/fairfield", "/photos/X1/1"]) {
        const res = await call("a.localhost", path, {}, method);
        expect([method, path, res.status, res.headers.get("allow"), res.headers.get("cache-control"), rewrite(res)]).toEqual([
          method,
          path,
          405,
          "GET, HEAD",
          "no-store",
          null,
        ]);
      }
      expect(forwarded(await call("a.localhost", "/api/user/saved-listings", {}, method), "x-tenant-id")).toBe(a.tenantId);
    }
    for (const method of ["GET", "HEAD"])
      expect(new URL(rewrite(await call("a.localhost", "/robots.txt", {}, method))!).pathname).toBe(`/sites/${a.slug}/robots.txt`);
  });
});
