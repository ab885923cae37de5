// The website's CSRF check compares the sending page's whole origin (scheme, host, port), not its
// host alone: an `https` page on an `http` site, an `http` page on an `https` one and another port
// of the host are refused with nothing queued, on both tenants; the tenant's own pages (its public
// origin, or the request's own origin as it arrived) still post.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { POST as postLead } from "@/app/api/lead/route";
import { resetWebEnvForTests } from "@/lib/env";
import { apiRequest, freshIp } from "./support/api-request";
import { createWebTenant, FAIRFIELD, SHORELINE, type WebTenant } from "./support/web-fixtures";

const testDb = useTestDatabase("web_form_origin");
let ff: WebTenant;
let sl: WebTenant;
const queued = (tenantId: string) => testDb().db.ingestionJob.count({ where: { tenantId } });
/** A lead posted to the tenant's site from `origin`; `host` is the Host header as sent (default: the tenant's host, no port). */
const lead = async (t: WebTenant, origin: string | null, extra: { host?: string; headers?: Record<string, string> } = {}) =>
  (
    await postLead(
      apiRequest("/api/lead", { host: extra.host ?? t.host, tenantId: t.tenantId, json: { email: "o@b.co" }, ip: freshIp(), origin, headers: extra.headers }),
    )
  ).status;

beforeAll(async () => {
  ff = await createWebTenant(testDb().db, FAIRFIELD, { listingsPerTown: 1 });
  sl = await createWebTenant(testDb().db, SHORELINE, { listingsPerTown: 1 });
});
afterEach(() => {
  delete process.env.PUBLIC_URL_SCHEME;
  resetWebEnvForTests();
});

describe("the website's CSRF check on an http site (PUBLIC_URL_SCHEME http, local port 3000)", () => {
  it("refuses, on either tenant, its own host's page over https or on another port, and the other tenant's page, queueing nothing", async () => {
    for (const [t, other] of [
      [ff, sl],
      [sl, ff],
    ] as const) {
      const before = await queued(t.tenantId);
      expect(await lead(t, `https://${t.host}:3000`)).toBe(403);
      expect(await lead(t, `https://${t.host}`)).toBe(403);
      expect(await lead(t, `http://${t.host}:4000`)).toBe(403);
      expect(await lead(t, null, { headers: { referer: `https://${t.host}:3000/homes` } })).toBe(403);
      expect(await lead(t, `http://${other.host}:3000`)).toBe(403);
      expect(await queued(t.tenantId)).toBe(before);
    }
  });

  it("takes its own pages: the public origin, the request's own origin with the port it came on, and no origin at all", async () => {
    for (const t of [ff, sl]) {
      const before = await queued(t.tenantId);
      expect(await lead(t, `http://${t.host}:3000`)).toBe(202);
      expect(await lead(t, `http://${t.host}:3100`, { host: `${t.host}:3100` })).toBe(202);
      expect(await lead(t, null)).toBe(202);
      expect(await queued(t.tenantId)).toBe(before + 3);
    }
  });
});

describe("on an https site", () => {
  it("takes https pages of the tenant's host and refuses its http ones (a page anyone on the path can write), on both tenants", async () => {
    process.env.PUBLIC_URL_SCHEME = "https";
    resetWebEnvForTests();
    for (const t of [ff, sl]) {
      const before = await queued(t.tenantId);
      expect(await lead(t, `http://${t.host}:3000`)).toBe(403);
      expect(await lead(t, `http://${t.host}`)).toBe(403);
      expect(await lead(t, `https://${t.host}:3000`)).toBe(202);
      expect(await queued(t.tenantId)).toBe(before + 1);
    }
  });

  it("takes the scheme a trusted proxy forwards (X-Forwarded-Proto) on an http-configured site, and then refuses http pages", async () => {
    const forwarded = (t: WebTenant) => ({ host: `${t.host}:8443`, headers: { "x-forwarded-proto": "https" } });
    expect(await lead(ff, `https://${ff.host}:8443`, forwarded(ff))).toBe(202);
    expect(await lead(ff, `http://${ff.host}:8443`, forwarded(ff))).toBe(403);
    expect(await lead(sl, `https://${ff.host}:8443`, forwarded(sl))).toBe(403);
  });
});
