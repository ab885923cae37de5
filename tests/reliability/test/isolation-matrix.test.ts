// The tenant isolation matrix over the route inventory (apps/*/app/**/route.ts and page.tsx):
// 0 responses with another tenant's markers, 0 changed rows of tenant B, no 2xx for B's
// records requested from A's side, no 5xx.
import { afterAll, describe, expect, it } from "vitest";
import { createVisitorSession } from "@real-estate/sites";
import { rawRequest } from "../src/http/raw-request";
import { buildRouteInventory } from "../src/inventory/route-inventory";
import type { Actors } from "../src/isolation/actors";
import { buildProbes } from "../src/isolation/build-probes";
import { emptyTally, runProbes, summarizeFindings, writeFindings } from "../src/isolation/run-probes";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";
import { signUpMember, signUpOperator } from "../src/world/member-sessions";
import { useSharedWorld } from "../src/world/shared-world";
import { diffSnapshots, snapshotTenant } from "../src/world/tenant-snapshot";

const profile = currentProfile();
// The shared world's servers and database: the matrix writes nothing of tenant B (checked) and
// only sessions and forged-body leads of tenant A.
const shared = useSharedWorld();
const { apps, world } = shared;
const servers = { origins: shared.origins };
const actors: Actors = {};

afterAll(() => shared.close());

/** Fresh sessions for the probing actors (sign-out probes end them). Tenant B's rows are not touched. */
async function refreshSessions() {
  const s = await createVisitorSession({ db: shared.db(), tenantId: world.a.tenantId, visitorId: world.a.visitor.id });
  actors.visitorA = `visitor_session=${encodeURIComponent(s.token)}; visitor_signed_in=1`;
  if (!apps.includes("crm") && !apps.includes("studio")) return;
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  actors.ownerA = (await signUpMember(shared.db(), { tenantId: world.a.tenantId, email: `owner.${stamp}@alpha.test`, role: "OWNER" })).cookie;
  actors.agentA = (await signUpMember(shared.db(), { tenantId: world.a.tenantId, email: `agent.${stamp}@alpha.test`, role: "AGENT" })).cookie;
  actors.operator = (await signUpOperator(shared.db(), `operator.${stamp}@platform.test`)).cookie;
}

/** Positive controls: the markers do show where they belong, so their absence elsewhere means something. */
async function expectMarkersVisibleToTheirOwners() {
  const get = (app: "web" | "crm", host: string, path: string, cookie?: string) =>
    rawRequest({ origin: servers.origins[app]!, method: "GET", path, headers: { host, ...(cookie ? { cookie } : {}) } }).then((r) => r.body);
  expect(await get("web", world.b.webHost, "/")).toContain(world.b.publicMarker);
  expect(await get("web", world.a.webHost, `/homes/${world.a.ids.listingKey![0]}`)).toContain(world.a.publicMarker);
  expect(await get("web", world.a.webHost, "/api/user/saved-searches", actors.visitorA)).toContain(world.a.visitorMarker);
  if (servers.origins.crm) expect(await get("crm", world.a.crmHost, `/leads/${world.a.ids.leadId![0]}`, actors.ownerA)).toContain(world.a.crmMarker);
}

/** The apps' probes taken in turn, so the three servers work side by side. */
function interleaveByApp<T extends { app: string }>(probes: T[]): T[] {
  const byApp = new Map<string, T[]>();
  for (const p of probes) {
    if (!byApp.has(p.app)) byApp.set(p.app, []);
    byApp.get(p.app)!.push(p);
  }
  const lists = [...byApp.values()];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((l) => (i < l.length ? [l[i]!] : []))).flat();
}

describe("tenant isolation matrix", () => {
  it(`sends >= ${profile.isolationProbes} probes across ${apps.join(", ")} without a leak`, async () => {
    const inventory = buildRouteInventory();
    await refreshSessions();
    await expectMarkersVisibleToTheirOwners();
    const before = await snapshotTenant(shared.databaseUrl, world.b.tenantId);
    const tally = emptyTally();
    const started = Date.now();
    let cycle = 0;
    // At least one whole cycle (every route, verb and scenario), then until the count is reached.
    while (cycle === 0 || (tally.probes < profile.isolationProbes && Date.now() - started < profile.loopBudgetMs)) {
      await refreshSessions();
      const probes = interleaveByApp(buildProbes({ world, inventory, apps, variant: cycle++ }));
      // Sign-out routes end the session they are sent with: run them last in each cycle.
      probes.sort((x, y) => Number(/sign-out/.test(x.path)) - Number(/sign-out/.test(y.path)));
      await runProbes({ world, probes, origins: servers.origins, actors, tally, concurrency: 12 });
    }
    const changed = diffSnapshots(before, await snapshotTenant(shared.databaseUrl, world.b.tenantId));
    const changedRows = Object.values(changed).reduce((a, b) => a + b, 0);
    const file = writeFindings("isolation-matrix", tally);
    recordFigures({
      check: "isolation matrix (routes x verbs x actors)",
      probes: tally.probes,
      leaks: tally.leaks + changedRows,
      fiveXx: tally.fiveXx,
      failures: tally.failures,
      note: `${inventory.filter((r) => apps.includes(r.app)).length} routes of ${apps.join("/")}, ${cycle} cycles; statuses ${JSON.stringify(tally.byStatus)}; B rows changed: ${JSON.stringify(changed)}; findings in ${file}`,
    });
    expect(tally.probes).toBeGreaterThanOrEqual(profile.isolationProbes);
    expect(summarizeFindings(tally)).toEqual([]);
    expect(changed).toEqual({});
  });
});
