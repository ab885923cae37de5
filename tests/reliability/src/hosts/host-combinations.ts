// Host, X-Forwarded-Host, x-tenant-* and x-middleware-subrequest combinations, and what the
// answer to each may contain.
import fc from "fast-check";
import type { AppName } from "../inventory/route-inventory";
import type { SeededTenant, World } from "../world/seed-world";

export type HostCase = { app: AppName; host: string; hostTenant: SeededTenant | null; path: string; headers: Record<string, string>; label: string };

const SUBREQUEST = [
  "middleware",
  "proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "pages/_middleware",
];

function hostVariants(app: AppName, w: World): Array<{ host: string; tenant: SeededTenant | null }> {
  const own = (t: SeededTenant) => (app === "crm" ? t.crmHost : t.webHost);
  const a = own(w.a);
  const variants: Array<{ host: string; tenant: SeededTenant | null }> = [
    { host: a, tenant: w.a },
    { host: `${a.toUpperCase()}:3000`, tenant: w.a },
    { host: `${a}.`, tenant: w.a },
    { host: own(w.b), tenant: w.b },
    { host: "evil.example", tenant: null },
    { host: `${a}.evil.example`, tenant: null },
    { host: `evil.example@${a}`, tenant: null },
    { host: `${a}, ${own(w.b)}`, tenant: null },
    { host: "127.0.0.1", tenant: null },
    { host: app === "crm" ? w.a.webHost : w.a.crmHost, tenant: null },
  ];
  if (app === "studio") return variants.map((v) => ({ ...v, tenant: null }));
  return variants;
}

function paths(app: AppName, w: World): string[] {
  const b = w.b;
  if (app === "web")
    return [
      "/",
      "/towns",
      `/towns/${b.ids.town![0]}`,
      `/homes/${b.ids.listingKey![0]}`,
      "/sitemap.xml",
      "/robots.txt",
      `/sites/${b.tenantId}`,
      `/sites/${b.tenantId}/homes/${b.ids.listingKey![0]}`,
      // The internal segment the website's proxy rewrites to names the tenant's slug.
      `/sites/${b.slug}`,
      `/sites/${b.slug}/homes/${b.ids.listingKey![0]}`,
      "/api/user/profile",
    ];
  if (app === "crm") return ["/", "/leads", `/leads/${b.ids.leadId![0]}`, "/contacts", "/api/leads", "/sign-in", "/api/auth/session"];
  return ["/", "/tenants", `/tenants/${b.tenantId}`, "/dead-letters", "/api/tenants", "/sign-in"];
}

/** `count` combinations for one app, drawn with a fixed seed from the full cross product. */
export function hostCases(app: AppName, w: World, count: number, seed: number): HostCase[] {
  const hosts = hostVariants(app, w);
  const forwarded = [null, w.b.webHost, w.b.crmHost, "evil.example", `evil.example, ${w.a.webHost}`];
  const tenantHeaders = [
    null,
    { "x-tenant-id": w.b.tenantId, "x-tenant-slug": w.b.slug },
    { "x-tenant-id": w.a.tenantId, "x-tenant-slug": w.b.slug, "x-tenant-host": w.b.webHost },
  ];
  const arb = fc.record({
    h: fc.constantFrom(...hosts),
    path: fc.constantFrom(...paths(app, w)),
    xfh: fc.constantFrom(...forwarded),
    xt: fc.constantFrom(...tenantHeaders),
    sub: fc.option(fc.constantFrom(...SUBREQUEST), { nil: null, freq: 2 }),
    proto: fc.constantFrom(null, "https", "gopher"),
  });
  return fc.sample(arb, { numRuns: count, seed }).map(({ h, path, xfh, xt, sub, proto }) => {
    const headers: Record<string, string> = { host: h.host, accept: "text/html,application/json" };
    if (xfh) headers["x-forwarded-host"] = xfh;
    if (xt) Object.assign(headers, xt);
    if (sub) headers["x-middleware-subrequest"] = sub;
    if (proto) headers["x-forwarded-proto"] = proto;
    return {
      app,
      host: h.host,
      hostTenant: h.tenant,
      path,
      headers,
      label: `${app} ${path} host=${h.host} xfh=${xfh ?? "-"} xt=${xt ? "forged" : "-"} sub=${sub ?? "-"} proto=${proto ?? "-"}`,
    };
  });
}

/** Host names in absolute http(s) URLs of a body or Location header. */
export function absoluteHosts(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/https?:(?:\/\/|\\u002F\\u002F|\\\/\\\/)([a-z0-9.\-_@]+(?::\d+)?)/gi))
    out.add(m[1]!.toLowerCase().replace(/:\d+$/, "").replace(/^.*@/, "").replace(/\.+$/, ""));
  return [...out];
}

/** Hosts any page may link to: the page's own tenant's hosts, plus well-known namespace URIs. */
export function allowedLinkHosts(app: AppName, tenant: SeededTenant | null): Set<string> {
  const base = ["www.w3.org", "schema.org", "www.sitemaps.org", "localhost", "127.0.0.1"];
  if (!tenant) return new Set(base);
  return new Set([...base, tenant.webHost, `www.${tenant.webHost}`, tenant.crmHost]);
}
