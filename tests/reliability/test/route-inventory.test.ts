import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
    expect(fillPattern("/api/leads/[leadId]/notes/[noteId]", { leadId: "a b" })).toBe("/api/leads/a%20b/notes/x");
    expect(fillPattern("/api/auth/[...all]", { all: "get-session" })).toBe("/api/auth/get-session");
  });

  it("covers the apps of this repository", () => {
    const inv = buildRouteInventory();
    expect(inv.some((e) => e.app === "web" && e.pattern === "/api/lead" && e.verbs.includes("POST"))).toBe(true);
    // The Follow Up Boss-compatible events API sits outside /api: the matrix and the fuzzing find it too.
    expect(inv.some((e) => e.app === "crm" && e.pattern === "/v1/events" && e.verbs.includes("POST"))).toBe(true);
    expect(inv.every((e) => e.kind === "page" || e.verbs.length > 0)).toBe(true);
  });
});
