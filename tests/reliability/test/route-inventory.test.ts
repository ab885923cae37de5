import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonBodyWith, routeInputs } from "../src/inventory/route-inputs";
import { buildRouteInventory, exportedVerbs, fillPattern } from "../src/inventory/route-inventory";

function fakeRepo(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "re-inv-"));
  for (const [p, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), content);
  }
  return root;
}

describe("route inventory", () => {
  it("finds every route and page with its URL pattern, params and verbs", () => {
    const root = fakeRepo({
      "apps/crm/app/api/leads/[leadId]/route.ts": "export async function GET() {}\nexport const PATCH = wrap(x);\nexport async function DELETE() {}",
      "apps/crm/app/(app)/contacts/[contactId]/page.tsx": "export default function P() {}",
      "apps/crm/app/api/auth/[...all]/route.ts": "export const { GET, POST } = toNextJsHandler(h);",
      "apps/web/app/sites/[site]/listings/[listingKey]/page.tsx": "export default function P() {}",
      "apps/web/app/api/lead/route.ts": "async function handle() {}\nexport { handle as POST };",
      "apps/studio/app/api/tenants/route.ts": "export { GET, POST } from './x';",
    });
    const inv = buildRouteInventory(root);
    const by = (app: string, pattern: string) => inv.find((e) => e.app === app && e.pattern === pattern);
    expect(by("crm", "/api/leads/[leadId]")).toMatchObject({ kind: "api", params: ["leadId"], verbs: ["GET", "PATCH", "DELETE"] });
    expect(by("crm", "/contacts/[contactId]")).toMatchObject({ kind: "page", params: ["contactId"], verbs: ["GET"] });
    expect(by("crm", "/api/auth/[...all]")).toMatchObject({ params: ["...all"], verbs: ["GET", "POST"] });
    expect(by("web", "/listings/[listingKey]")).toMatchObject({ params: ["listingKey"], internalPattern: "/sites/[site]/listings/[listingKey]" });
    expect(by("web", "/api/lead")?.verbs).toEqual(["POST"]);
    expect(by("studio", "/api/tenants")?.verbs).toEqual(["GET", "POST"]);
    expect(inv).toHaveLength(6);
  });

  it("reads verbs from the usual export forms and fills patterns", () => {
    expect(exportedVerbs("export function GETTER() {}")).toEqual([]);
    expect(exportedVerbs("export const runtime = 'nodejs';\nexport async function POST(req) {}")).toEqual(["POST"]);
    // A CRM API route exports all seven methods through apiRoutes (unserved ones answer 405, OPTIONS 204): the handlers given to it are the ones served.
    const apiRoutesFile = [
      "export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({",
      "  /** GET one. */",
      "  async GET(request: Request) {",
      "    return json(await GET_ONE());",
      "  },",
      "  DELETE: removeIt,",
      "});",
    ].join("\n");
    expect(exportedVerbs(apiRoutesFile)).toEqual(["GET", "DELETE"]);
    expect(fillPattern("/api/leads/[leadId]/notes/[noteId]", { leadId: "a b" })).toBe("/api/leads/a%20b/notes/x");
    expect(fillPattern("/api/auth/[...all]", { all: "get-session" })).toBe("/api/auth/get-session");
  });

  it("covers the apps of this repository", () => {
    const inv = buildRouteInventory();
    expect(inv.some((e) => e.app === "web" && e.pattern === "/api/lead" && e.verbs.includes("POST"))).toBe(true);
    // The Follow Up Boss-compatible events API sits outside /api: the matrix and the fuzzing find it too.
    expect(inv.some((e) => e.app === "crm" && e.pattern === "/v1/events" && e.verbs.includes("POST"))).toBe(true);
    expect(inv.find((e) => e.app === "crm" && e.pattern === "/api/leads/[leadId]")?.verbs).toEqual(["GET", "PATCH"]);
    expect(inv.every((e) => e.kind === "page" || e.verbs.length > 0)).toBe(true);
  });
});

describe("route inputs", () => {
  it("reads each route's own query parameters and body fields from its source, its helpers and the schemas it parses with", () => {
    const root = fakeRepo({
      "packages/operator/package.json": JSON.stringify({ name: "@real-estate/operator", exports: { ".": "./src/index.ts" } }),
      "packages/operator/src/index.ts": 'export * from "./tenants";',
      "packages/operator/src/tenants.ts": [
        'import { z } from "zod";',
        "const ZTenantInput = z.object({ slug: z.string(), name: z.string().max(80) }).strict();",
        "export async function createTenant(o: { input: unknown }) { const input = ZTenantInput.parse(o.input); return input; }",
      ].join("\n"),
      "apps/crm/app/api/lib/contracts.ts": [
        'import { z } from "zod";',
        "const ZBase = z.object({ firstName: z.string(), email: z.email() });",
        "export const ZContactCreate = ZBase.extend({ openLead: z.object({ message: z.string() }).optional(), tags: z.array(z.string()) });",
        "export const ZEnv = z.object({ DATABASE_URL: z.string() });",
      ].join("\n"),
      "apps/crm/lib/query.ts": [
        "export function parseListQuery(params: URLSearchParams, request: Request) {",
        '  return { q: params.get("q"), cursor: params.getAll("cursor"), origin: request.headers.get("x-forwarded-for") };',
        "}",
      ].join("\n"),
      "apps/crm/app/api/contacts/route.ts": [
        'import { ZContactCreate, ZEnv } from "../lib/contracts";',
        'import { parseListQuery } from "@/lib/query";',
        "export async function GET(request: Request) { return Response.json(parseListQuery(new URL(request.url).searchParams, request)); }",
        "export async function POST(request: Request) { ZEnv.parse(process.env); return readJsonBody(request, ZContactCreate); }",
      ].join("\n"),
      "apps/studio/app/api/tenants/route.ts": [
        'import { createTenant } from "@real-estate/operator";',
        "export async function POST(request: Request) { return Response.json(await createTenant({ input: await readJson(request) })); }",
      ].join("\n"),
      "apps/web/app/sites/[site]/sign-in/page.tsx": [
        "export default async function P({ searchParams }: { searchParams: Promise<{ next?: string }> }) {",
        "  const sp = await searchParams;",
        "  return <p>{sp.error}</p>;",
        "}",
      ].join("\n"),
    });
    const inv = buildRouteInventory(root);
    const inputs = (app: string, pattern: string) =>
      routeInputs(
        inv.find((e) => e.app === app && e.pattern === pattern)!,
        root,
      );
    const contacts = inputs("crm", "/api/contacts");
    expect(contacts.GET).toEqual({ query: ["cursor", "q"], body: [] });
    expect(contacts.POST?.body).toEqual([["firstName"], ["email"], ["openLead", "message"], ["tags", "[]"]]);
    expect(inputs("studio", "/api/tenants").POST?.body).toEqual([["slug"], ["name"]]);
    expect(inputs("web", "/sign-in").GET).toEqual({ query: ["error", "next"], body: [] });
  });

  it("finds the inputs of this repository's routes", () => {
    const inv = buildRouteInventory();
    const inputs = (app: string, pattern: string) => routeInputs(inv.find((e) => e.app === app && e.pattern === pattern)!);
    const join = (paths: string[][] | undefined) => (paths ?? []).map((p) => p.join("."));
    expect(join(inputs("crm", "/api/contacts").POST?.body)).toEqual(expect.arrayContaining(["firstName", "email", "openLead.message"]));
    expect(join(inputs("crm", "/v1/events").POST?.body)).toEqual(expect.arrayContaining(["person.emails.[].value", "property"]));
    expect(inputs("crm", "/api/leads").GET?.query).toEqual(expect.arrayContaining(["status", "assignedTo", "cursor"]));
    expect(inputs("studio", "/api/outbox").GET?.query).toEqual(expect.arrayContaining(["tenant", "status", "cursor", "limit"]));
    expect(join(inputs("web", "/api/lead").POST?.body)).toEqual(expect.arrayContaining(["email", "message", "listingKey", "pageUrl"]));
    expect(inputs("studio", "/reset-password").GET?.query).toEqual(["token"]);
  });

  it("builds a JSON body with the raw value at a nested field", () => {
    expect(jsonBodyWith(["person", "emails", "[]", "value"], "a\\u0000b", { email: "x@y.test" })).toBe(
      '{"email":"x@y.test","person":{"emails":[{"value":"a\\u0000b"}]}}',
    );
    expect(JSON.parse(jsonBodyWith(["email"], "\\ud800", { email: "x@y.test" }))).toEqual({ email: "\ud800" });
  });
});
