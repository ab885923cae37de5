import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDirectRouteTable, type DirectRouteTable } from "@real-estate/http/serve";
import { ensureAppBuilt } from "@real-estate/http/testing";
import { apiKeyCallSkipsProxy } from "@/lib/front-door";

// The app server answers the API-key calls the proxy skips without Next.js's router (decision
// 0114), choosing them from the build's own manifests (the proxy's compiled matchers). The route
// layer does the front door's work for exactly the calls `apiKeyCallSkipsProxy` names: the two
// must agree on every route handler of the build, for every kind of caller.
const appDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

let table: DirectRouteTable;

beforeAll(() => {
  ensureAppBuilt("crm");
  table = loadDirectRouteTable(appDir);
});

/** A path each template of the build serves (`[id]` → one segment, `[...path]` → two). */
function samplePaths(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(appDir, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const templates = Object.values(manifest).filter((t) => !t.startsWith("/_"));
  return templates.map((t) => t.replace(/\[\.\.\.[^\]]+\]/g, "some/where").replace(/\[[^\]]+\]/g, "0190a1b2-0000-7000-8000-000000000001"));
}

const CALLERS: Record<string, Record<string, string>> = {
  "no credentials": {},
  "an API key (Bearer)": { authorization: "Bearer rek_test" },
  "an API key (Basic)": { authorization: "Basic cmVrX3Rlc3Q6" },
  "a session cookie": { cookie: "better-auth.session_token=abc" },
  "a key and a cookie": { authorization: "Bearer rek_test", cookie: "better-auth.session_token=abc" },
};

describe("the direct lane's choice on the CRM's build", () => {
  it("knows the CRM's route handlers", () => {
    expect(table.size).toBeGreaterThan(30);
  });

  it("takes exactly the calls apiKeyCallSkipsProxy names, on every route and page of the build", () => {
    const paths = [...samplePaths(), "/api/no/such/route", "/v1/people", "/v1/events", "/api/auth/session", "/api/auth/sign-in/email"];
    const disagreements: string[] = [];
    let taken = 0;
    for (const pathname of paths) {
      for (const [caller, headers] of Object.entries(CALLERS)) {
        const lane = table.find(pathname, headers, new URLSearchParams()) !== null;
        if (lane) taken++;
        if (lane !== apiKeyCallSkipsProxy(pathname, new Headers(headers))) disagreements.push(`${pathname} (${caller}): lane ${lane}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(taken).toBeGreaterThan(60);
  });

  it("gives the route its params as Next.js does", () => {
    const key = { authorization: "Bearer rek_test" };
    expect(table.find("/api/leads/abc", key, new URLSearchParams())).toMatchObject({ template: "/api/leads/[leadId]", params: { leadId: "abc" } });
    expect(table.find("/v1/people/12", key, new URLSearchParams())).toMatchObject({ template: "/v1/[...path]", params: { path: ["people", "12"] } });
    expect(table.find("/api/leads", key, new URLSearchParams())).toMatchObject({ template: "/api/leads", params: {} });
  });
});
