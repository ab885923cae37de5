// Unstorable characters and security headers, on the shared world's servers:
// - a NUL byte, a lone surrogate (and, in the full profile, an overlong NUL and broken
//   percent-encoding) in every parameter of every route of the route inventory (each path
//   parameter, and the route's own query parameters and JSON and form body fields, nested ones in
//   place, as its source reads them: src/inventory/route-inputs.ts) answers 4xx, never 5xx;
//   the lead endpoint never answers 503 for such a lead;
// - every page type of the three apps carries a Content-Security-Policy with a nonce on every
//   script and no 'unsafe-inline' scripts (CRM and studio: frame-ancestors 'none'), nosniff, a referrer and a permissions policy, and
//   no response header names an internal route or the tenant's id.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVisitorSession } from "@real-estate/sites";
import { routeInputs, jsonBodyWith, type FieldPath } from "../src/inventory/route-inputs";
import { buildRouteInventory, fillPattern, type AppName, type RouteEntry } from "../src/inventory/route-inventory";
import { rawRequest, runPool, type RawResponse } from "../src/http/raw-request";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";
import { signUpMember, signUpOperator } from "../src/world/member-sessions";
import { useSharedWorld } from "../src/world/shared-world";

const profile = currentProfile();
const shared = useSharedWorld();
const { apps, world, origins } = shared;
const inventory = buildRouteInventory().filter((r) => apps.includes(r.app));
const cookies: Partial<Record<AppName, string>> = {};

/** Percent-encoded values PostgreSQL cannot store once decoded, or that do not decode at all. */
const URL_VALUES = profile.name === "full" ? ["a%00b", "%ED%A0%80", "x%ED%B0%80y", "%C0%80", "%E0%A4%A"] : ["a%00b", "%ED%A0%80"];
/** The same in a JSON body (escapes JSON.parse turns into NUL and lone surrogates). */
const JSON_VALUES = profile.name === "full" ? ["a\\u0000b", "\\ud800", "x\\udc00y", "\\ud800\\u0000"] : ["a\\u0000b", "\\ud800"];
/**
 * Body fields for a write route in which the source shows none (the auth library's catch-all
 * endpoints read these).
 */
const FALLBACK_BODY_FIELDS: FieldPath[] = [["email"], ["password"], ["name"], ["token"]];

const hostOf = (app: AppName) => (app === "web" ? world.a.webHost : app === "crm" ? world.a.crmHost : "localhost");
const figures = { probes: 0, fiveXx: 0, failures: 0, routes: 0, parameters: 0, planned: 0 };

beforeAll(async () => {
  const stamp = crypto.randomBytes(3).toString("hex");
  const session = await createVisitorSession({ db: shared.db(), tenantId: world.a.tenantId, visitorId: world.a.ids.visitorId![0]! });
  cookies.web = `visitor_session=${encodeURIComponent(session.token)}; visitor_signed_in=1`;
  if (apps.includes("crm"))
    cookies.crm = (await signUpMember(shared.db(), { tenantId: world.a.tenantId, email: `owner.chars.${stamp}@alpha.test`, role: "OWNER" })).cookie;
  if (apps.includes("studio")) cookies.studio = (await signUpOperator(shared.db(), `operator.chars.${stamp}@platform.test`)).cookie;
});
afterAll(async () => {
  await shared.close();
});

/** Values for a route's other parameters: A's records for reads, ids of nothing for writes (a probe must not change A's records). */
function fillValues(route: RouteEntry, method: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of route.params) {
    const name = p.replace(/^\.\.\./, "");
    const real = world.a.ids[name]?.[0] ?? (name === "tenantId" ? world.a.tenantId : undefined);
    values[name] = method === "GET" && real ? real : name === "tenantId" ? world.a.tenantId : crypto.randomUUID();
  }
  return values;
}

type Probe = { app: AppName; method: string; path: string; headers: Record<string, string>; body?: string; label: string };

function probesFor(route: RouteEntry): Probe[] {
  const probes: Probe[] = [];
  const verbs = route.verbs.filter((v) => v !== "HEAD" && v !== "OPTIONS");
  for (const method of verbs) {
    const base = fillValues(route, method);
    const headers: Record<string, string> = { host: hostOf(route.app), accept: "application/json" };
    if (cookies[route.app]) headers.cookie = cookies[route.app]!;
    if (method !== "GET") headers.origin = `http://${hostOf(route.app)}`;
    const label = `${route.app} ${method} ${route.pattern}`;
    // Each path parameter (the catch-all's segment too).
    for (const p of route.params) {
      const name = p.replace(/^\.\.\./, "");
      for (const value of URL_VALUES) {
        const path = fillPattern(route.pattern, { ...base, [name]: "__BAD__" }).replace("__BAD__", value);
        probes.push({
          app: route.app,
          method,
          path,
          headers,
          label: `${label} [${name}=${value}]`,
          ...(method === "GET" ? {} : { body: "{}", headers: { ...headers, "content-type": "application/json" } }),
        });
      }
    }
    const path = fillPattern(route.pattern, base);
    const inputs = routeInputs(route)[method] ?? { query: [], body: [] };
    // The route's own query parameters (the names its handler or page reads).
    for (const name of inputs.query) {
      for (const value of URL_VALUES)
        probes.push({ app: route.app, method, path: `${path}?${encodeURIComponent(name)}=${value}`, headers, label: `${label} [?${name}=${value}]` });
    }
    // The route's own body fields (nested ones in place), as JSON and as a form.
    if (method !== "GET") {
      const fields = inputs.body.length ? inputs.body : FALLBACK_BODY_FIELDS;
      const json = { ...headers, "content-type": "application/json" };
      for (const field of fields) {
        const name = field.join(".");
        // A valid email beside the bad value, so a route that requires one reaches the field.
        for (const value of JSON_VALUES)
          probes.push({
            app: route.app,
            method,
            path,
            headers: json,
            body: jsonBodyWith(field, value, { email: "chars@people.test" }),
            label: `${label} [json ${name}=${value}]`,
          });
      }
      const form = { ...headers, "content-type": "application/x-www-form-urlencoded" };
      const formFields = [...new Set(fields.map((f) => f[0]!))].filter((f) => f !== "[]");
      for (const value of URL_VALUES.slice(0, 2)) {
        if (profile.name === "full") {
          for (const f of formFields)
            probes.push({ app: route.app, method, path, headers: form, body: `${encodeURIComponent(f)}=${value}`, label: `${label} [form ${f}=${value}]` });
        } else {
          probes.push({
            app: route.app,
            method,
            path,
            headers: form,
            body: formFields.map((f) => `${encodeURIComponent(f)}=${value}`).join("&"),
            label: `${label} [form all=${value}]`,
          });
        }
      }
    }
  }
  return probes;
}

/** Sign-out and erasure routes last: a probe that got through would end the session the others use. */
const lastly = (r: RouteEntry) => (/sign-out|\[\.\.\.all\]|erase/.test(r.pattern) ? 1 : 0);

describe("unstorable characters in every parameter", () => {
  it("answers 4xx to NUL bytes and lone surrogates in every route's every parameter, never 5xx", async () => {
    const routes = [...inventory].sort((a, b) => lastly(a) - lastly(b));
    const probes = routes.flatMap(probesFor);
    figures.routes = routes.length;
    figures.planned = probes.length;
    figures.parameters = new Set(probes.map((p) => p.label.replace(/=[^\]]*\]$/, "]"))).size;
    // Stops by itself: no probe starts after the profile's loop budget (the summary says how many were sent).
    const deadline = Date.now() + profile.loopBudgetMs;
    const findings: string[] = [];
    const send = async (p: Probe) => {
      if (Date.now() > deadline) return;
      const res: RawResponse = await rawRequest({
        origin: origins[p.app]!,
        method: p.method,
        path: p.path,
        headers: p.headers,
        body: p.body,
        timeoutMs: 30_000,
      }).catch((e: Error) => ({ status: 0, headers: {}, body: e.message, ms: 0 }));
      figures.probes++;
      if (res.status >= 500 || res.status === 0) {
        figures.fiveXx++;
        findings.push(`${res.status}: ${p.label}`);
      }
    };
    const [first, rest] = [
      probes.filter((p) => !/sign-out|\/api\/auth\/|erase/.test(p.path)),
      probes.filter((p) => /sign-out|\/api\/auth\/|erase/.test(p.path)),
    ];
    await runPool(first, 12, send);
    await runPool(rest, 4, send);
    const cut =
      figures.probes < figures.planned
        ? `; stopped at the ${Math.round(profile.loopBudgetMs / 1000)} s budget after ${figures.probes} of ${figures.planned}`
        : "";
    recordFigures({
      check: "unstorable characters in every parameter",
      probes: figures.probes,
      fiveXx: figures.fiveXx,
      failures: 0,
      note: `${figures.routes} routes, ${figures.parameters} route x parameter pairs (each route's own, from its source)${cut}${findings.length ? `; ${[...new Set(findings)].slice(0, 6).join(" | ")}` : ""}`,
    });
    expect([...new Set(findings)].slice(0, 30)).toEqual([]);
  }, 900_000);

  it("never answers a lead with such text 503: 4xx naming the field, or 202 with the browser's free text cleaned", async () => {
    const fields = ["name", "email", "phone", "message", "listingKey", "eventId", "pageUrl", "referrer", "utm_source", "utm_campaign", "consent", "startedAt"];
    const wrong: string[] = [];
    for (const field of fields) {
      for (const value of ["a\\u0000b", "\\ud800", "\\udfff\\ud800"]) {
        // The bad value comes last: it replaces the valid email or message when it names them.
        const body = `{"email":"lead.chars@people.test","message":"Hello","${field}":"${value}"}`;
        const res = await rawRequest({
          origin: origins.web!,
          method: "POST",
          path: "/api/lead",
          headers: { host: world.a.webHost, "content-type": "application/json", origin: `http://${world.a.webHost}` },
          body,
        });
        figures.probes++;
        const ok = res.status === 202 || (res.status >= 400 && res.status < 500 && res.status !== 429);
        if (!ok) wrong.push(`${field}=${value} -> ${res.status} ${res.body.slice(0, 120)}`);
        if (res.status === 422 && !/"fields"/.test(res.body)) wrong.push(`${field}=${value} -> 422 without fields`);
      }
    }
    figures.failures += wrong.length;
    recordFigures({
      check: "lead with unstorable text: never 503",
      probes: fields.length * 3,
      fiveXx: wrong.filter((w) => / -> 5\d\d/.test(w)).length,
      failures: wrong.length,
    });
    expect(wrong).toEqual([]);
  });
});

describe("security headers", () => {
  it("puts a CSP, nosniff, referrer and permissions policies on every page type, and no internal ids in headers", async () => {
    const pages = inventory.filter((r) => r.kind === "page");
    const findings: string[] = [];
    let probes = 0;
    const check = async (app: AppName, path: string, label: string, expectPage: boolean) => {
      const headers: Record<string, string> = { host: hostOf(app), accept: "text/html" };
      if (cookies[app]) headers.cookie = cookies[app]!;
      const res = await rawRequest({ origin: origins[app]!, method: "GET", path, headers });
      probes++;
      const h = res.headers;
      const csp = String(h["content-security-policy"] ?? "");
      const problems: string[] = [];
      if (h["x-content-type-options"] !== "nosniff") problems.push("nosniff");
      if (!h["referrer-policy"]) problems.push("referrer-policy");
      if (!h["permissions-policy"]) problems.push("permissions-policy");
      if (!csp) problems.push("csp");
      if (csp && !/object-src 'none'/.test(csp)) problems.push("object-src");
      if (app !== "web" && !/frame-ancestors 'none'/.test(csp)) problems.push("frame-ancestors 'none'");
      if (app === "web" && !/frame-ancestors 'self'/.test(csp)) problems.push("frame-ancestors 'self'");
      for (const [name, value] of Object.entries(h)) {
        if (/^x-middleware-|^x-nextjs-rewritten/.test(name)) problems.push(`header ${name}`);
        if (String(value).includes(world.a.tenantId)) problems.push(`tenant id in ${name}`);
      }
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      if (csp && /'unsafe-inline'/.test(scriptSrc) && !/'nonce-/.test(scriptSrc)) problems.push("script-src 'unsafe-inline'");
      if (expectPage && res.status === 200 && /text\/html/.test(String(h["content-type"]))) {
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        // Data blocks (JSON-LD) are not scripts the browser runs: CSP does not apply to them.
        const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/type="application\/ld\+json"/.test(tag));
        if (!nonce) problems.push("no nonce");
        else if (scripts.some((s) => !s.includes(`nonce="${nonce}"`)))
          problems.push(`script without the nonce (${scripts.filter((s) => !s.includes(nonce)).length}/${scripts.length})`);
      }
      if (problems.length) findings.push(`${label} (${res.status}): ${problems.join(", ")}`);
    };
    for (const page of pages) {
      const path = fillPattern(page.pattern, fillValues(page, "GET"));
      await check(page.app, path, `${page.app} ${page.pattern}`, true);
    }
    // Answers that are not pages: a signed-out redirect, an API route, an unknown host, a 404.
    for (const app of apps) {
      await check(app, "/api/does-not-exist", `${app} unknown api`, false);
      await check(app, "/no-such-page-here", `${app} 404 page`, true);
    }
    recordFigures({ check: "security headers on every page type", probes, failures: findings.length, note: findings.slice(0, 6).join(" | ") || undefined });
    expect(findings).toEqual([]);
  });
});
