// Property-based hostile input (fast-check) against every write route of the web app and the
// CRM: 0 responses >= 500, 0 rows created by rejected bodies, 413 for oversize bodies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { fuzzTargets } from "../src/fuzz/fuzz-targets";
import { sampleBodies } from "../src/fuzz/hostile-values";
import { createRowCounter } from "../src/fuzz/row-counts";
import { emptyFuzzTally, fuzzTarget, oversizeStatus } from "../src/fuzz/run-fuzz";
import { buildRouteInventory } from "../src/inventory/route-inventory";
import type { Actors } from "../src/isolation/actors";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";
import { signUpMember } from "../src/world/member-sessions";
import { seedWorld, type World } from "../src/world/seed-world";
import { presentApps, startApps, type AppServers } from "../src/world/start-apps";

const profile = currentProfile();
const apps = presentApps(["web", "crm"]);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
let testDb: TestDatabase;
let world: World;
let servers: AppServers;
const actors: Actors = {};

beforeAll(async () => {
  testDb = await createTestDatabase("fuzz");
  world = await seedWorld(testDb.db);
  actors.visitorA = world.a.visitor.cookie;
  if (apps.includes("crm")) actors.ownerA = (await signUpMember(testDb.db, { tenantId: world.a.tenantId, email: "owner@alpha.test", role: "OWNER" })).cookie;
  servers = await startApps({ apps, databaseUrl: testDb.url, label: "fuzz" });
});
afterAll(async () => {
  await servers?.stop();
  await testDb?.drop();
});

describe("hostile input", () => {
  it(`answers ${profile.fuzzBodiesPerRoute} generated bodies per write route without a 5xx or a stray row`, async () => {
    const targets = fuzzTargets({ inventory: buildRouteInventory(), apps, tenant: world.a });
    expect(targets.map((t) => `${t.method} ${t.pattern}`)).toEqual(expect.arrayContaining(["POST /api/lead", "POST /api/valuation"]));
    const counter = await createRowCounter(testDb.url, world.a.tenantId);
    const oversize: string[] = [];
    const perRoute: string[] = [];
    const total = emptyFuzzTally();
    try {
      for (const [i, target] of targets.entries()) {
        const tally = emptyFuzzTally();
        const cookie = actors[target.actor];
        const deadline = Date.now() + (profile.name === "full" ? profile.loopBudgetMs : 20_000);
        await fuzzTarget({ target, bodies: sampleBodies(target.fields, profile.fuzzBodiesPerRoute, SEED + i), origin: servers.origins[target.app]!, cookie, counter, tally, deadline });
        const big = await oversizeStatus(target, servers.origins[target.app]!, cookie);
        if (big !== 413) oversize.push(`${target.app} ${target.method} ${target.pattern} -> ${big}`);
        perRoute.push(`${target.app} ${target.method} ${target.pattern}: ${tally.requests} bodies, ${JSON.stringify(tally.byStatus)}`);
        total.requests += tally.requests;
        total.fiveXx += tally.fiveXx;
        total.invalidRows += tally.invalidRows;
        total.failures.push(...tally.failures);
        if (profile.name === "full" && tally.requests < profile.fuzzBodiesPerRoute) total.failures.push(`${target.pattern}: only ${tally.requests} of ${profile.fuzzBodiesPerRoute} bodies within the time budget`);
      }
    } finally {
      await counter.close();
    }
    recordFigures({
      check: "hostile input (fast-check bodies)",
      probes: total.requests,
      leaks: total.invalidRows,
      fiveXx: total.fiveXx,
      failures: oversize.length + total.failures.length - total.fiveXx,
      note: `seed ${SEED}; ${targets.length} write routes; rows created by rejected bodies: ${total.invalidRows}; oversize not 413: ${oversize.join("; ") || "none"}; ${perRoute.join(" | ")}`,
    });
    console.log(perRoute.join("\n"));
    expect(total.failures).toEqual([]);
    expect(total.invalidRows).toBe(0);
    expect(oversize).toEqual([]);
  });
});
