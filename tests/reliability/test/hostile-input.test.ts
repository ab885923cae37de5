// Property-based hostile input (fast-check) against every write route of the web app and the
// CRM: 0 responses >= 500, 0 rows created by rejected bodies, 413 for oversize bodies.
// On the shared world's servers: the website's routes as tenant C, the CRM's as tenant D, side
// by side (each tenant's rows are counted on their own, so neither one app's accepted bodies nor
// another file's writes to A can hide or fake a stray row).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVisitorSession } from "@real-estate/sites";
import { fuzzTargets, type FuzzTarget } from "../src/fuzz/fuzz-targets";
import { sampleBodies } from "../src/fuzz/hostile-values";
import { createRowCounter } from "../src/fuzz/row-counts";
import { emptyFuzzTally, fuzzTarget, oversizeStatus, type FuzzTally } from "../src/fuzz/run-fuzz";
import { buildRouteInventory, type AppName } from "../src/inventory/route-inventory";
import type { Actors } from "../src/isolation/actors";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";
import { signUpMember } from "../src/world/member-sessions";
import type { SeededTenant } from "../src/world/seed-world";
import { useSharedWorld } from "../src/world/shared-world";

const profile = currentProfile();
const shared = useSharedWorld();
const apps = shared.apps.filter((a): a is "web" | "crm" => a === "web" || a === "crm");
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
/** Whose data each app's write routes act on. */
const tenantOf: Record<"web" | "crm", SeededTenant> = shared.fuzzTenants;
/** visitorA: a visitor of the website routes' tenant (C); ownerA: an owner of the CRM routes' tenant (D). */
const actors: Actors = {};

beforeAll(async () => {
  // Sessions of this file's own (another file may have ended the seeded ones).
  const visitor = await createVisitorSession({ db: shared.db(), tenantId: tenantOf.web.tenantId, visitorId: tenantOf.web.visitor.id });
  actors.visitorA = `visitor_session=${encodeURIComponent(visitor.token)}; visitor_signed_in=1`;
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  if (apps.includes("crm"))
    actors.ownerA = (await signUpMember(shared.db(), { tenantId: tenantOf.crm.tenantId, email: `fuzz.owner.${stamp}@delta.test`, role: "OWNER" })).cookie;
});
afterAll(() => shared.close());

type RouteResult = { target: FuzzTarget; tally: FuzzTally; oversize: number };

/** Every target of one app, one after another, against that app's tenant. */
async function fuzzApp(app: AppName, firstIndex: number): Promise<RouteResult[]> {
  const tenant = tenantOf[app as "web" | "crm"];
  const targets = fuzzTargets({ inventory: buildRouteInventory(), apps: [app], tenant });
  const counter = await createRowCounter(shared.databaseUrl, tenant.tenantId);
  const results: RouteResult[] = [];
  try {
    for (const [k, target] of targets.entries()) {
      const tally = emptyFuzzTally();
      const cookie = actors[target.actor];
      const origins = target.app === "web" ? shared.webOrigins : [shared.origins[target.app]!];
      const deadline = Date.now() + (profile.name === "full" ? profile.loopBudgetMs : 20_000);
      const bodies = sampleBodies(target.fields, profile.fuzzBodiesPerRoute, SEED + firstIndex + k);
      await fuzzTarget({
        target,
        bodies,
        origins,
        cookie,
        counter,
        tally,
        deadline,
        concurrency: app === "web" ? 16 : 8,
        resendLimit: profile.fuzzResendPerRoute,
      });
      results.push({ target, tally, oversize: await oversizeStatus(target, origins[0]!, cookie) });
    }
  } finally {
    await counter.close();
  }
  return results;
}

describe("hostile input", () => {
  it(`answers ${profile.fuzzBodiesPerRoute} generated bodies per write route without a 5xx or a stray row`, async () => {
    const results = (await Promise.all(apps.map((app, i) => fuzzApp(app, i * 100)))).flat();
    expect(results.map((r) => `${r.target.method} ${r.target.pattern}`)).toEqual(expect.arrayContaining(["POST /api/lead", "POST /api/valuation"]));
    const oversize = results.filter((r) => r.oversize !== 413).map((r) => `${r.target.app} ${r.target.method} ${r.target.pattern} -> ${r.oversize}`);
    const failures = results.flatMap((r) => r.tally.failures);
    const short = results
      .filter((r) => r.tally.requests < profile.fuzzBodiesPerRoute)
      .map((r) => `${r.target.pattern}: only ${r.tally.requests} of ${profile.fuzzBodiesPerRoute} bodies within the time budget`);
    const sum = (f: (t: FuzzTally) => number) => results.reduce((n, r) => n + f(r.tally), 0);
    const perRoute = results.map(
      (r) =>
        `${r.target.app} ${r.target.method} ${r.target.pattern}: ${r.tally.requests} bodies (+${r.tally.resent} resent), rows checked after ${r.tally.rowChecked} rejected, ${JSON.stringify(r.tally.byStatus)}`,
    );
    recordFigures({
      check: "hostile input (fast-check bodies)",
      probes: sum((t) => t.requests + t.resent),
      leaks: sum((t) => t.invalidRows),
      fiveXx: sum((t) => t.fiveXx),
      failures: oversize.length + failures.length - sum((t) => t.fiveXx) + (profile.name === "full" ? short.length : 0),
      note: `seed ${SEED}; ${results.length} write routes, ${sum((t) => t.requests)} generated bodies + ${sum((t) => t.resent)} rejected ones resent; rows created by rejected bodies: ${sum((t) => t.invalidRows)} (checked after ${sum((t) => t.rowChecked)} rejected bodies); oversize not 413: ${oversize.join("; ") || "none"}; ${perRoute.join(" | ")}`,
    });
    console.log(perRoute.join("\n"));
    expect(failures).toEqual([]);
    if (profile.name === "full") expect(short).toEqual([]);
    expect(sum((t) => t.invalidRows)).toBe(0);
    expect(oversize).toEqual([]);
  });
});
