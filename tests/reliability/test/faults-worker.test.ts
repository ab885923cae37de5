// The real worker binary draining while its database connections are terminated mid-transaction
// (pg_terminate_backend) and while PostgreSQL itself restarts (pg_ctl restart -m immediate), on
// a throw-away cluster. Every queued event must end as exactly one CRM effect, and the worker
// must recover by itself (same process, no restart). Both faults hit one drain, then the drain
// is awaited once (retries after a transient failure wait 30 s by the retry schedule).
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClusterWorld, type ClusterWorld } from "../src/faults/cluster-database";
import { checkClient, effectsOf, openJobCount, tallyEffects } from "../src/faults/crm-effects";
import { enqueueEvents, sleep, waitForDrained } from "../src/faults/drain-checks";
import { diagnoseDrain } from "../src/faults/drain-diagnosis";
import { startWorker, WORKER_APP_NAME, type WorkerProcess } from "../src/faults/worker-process";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";

const profile = currentProfile();
const DRAIN_TIMEOUT_MS = profile.name === "full" ? 900_000 : 200_000;
const RESTARTS = profile.name === "full" ? 5 : 2;
let world: ClusterWorld;
let check: pg.Client;
let worker: WorkerProcess;
const tenants = () => [world.a.tenantId, world.b.tenantId];
const terminationEvents: string[] = [];
const restartEvents: string[] = [];
const notes = { rounds: 0, terminated: 0, restarts: 0 };

beforeAll(async () => {
  world = await startClusterWorld("worker");
  check = await checkClient(world.testDb.url);
  worker = startWorker({ databaseUrl: world.testDb.url, label: "faults" });
  // The faults hit a drain, not the worker's start-up checks (which wait out a restarting
  // database on their own: INGESTION_DB_WAIT_MS).
  await worker.draining();
});
afterAll(async () => {
  await worker?.stop();
  await check?.end().catch(() => {});
  await world?.destroy();
});

async function topUp(into: string[], tag: string, below: number, count: number) {
  if ((await openJobCount(check)) < below) into.push(...(await enqueueEvents(world.testDb.db, tenants(), tag, count, into.length)));
}

describe("worker under database faults", () => {
  it(`has its connections terminated mid-transaction ${profile.workerTerminations} times during a drain`, async () => {
    terminationEvents.push(...(await enqueueEvents(world.testDb.db, tenants(), "term", profile.faultEvents)));
    const started = Date.now();
    while (notes.rounds < profile.workerTerminations && Date.now() - started < profile.loopBudgetMs) {
      const n = await world.cluster.terminateBackends({ database: world.testDb.name, inTransaction: true, applicationName: WORKER_APP_NAME });
      if (n > 0) {
        notes.rounds++;
        notes.terminated += n;
        await sleep(30 + Math.random() * 120);
      } else {
        await sleep(5);
      }
      await topUp(terminationEvents, "term", 50, 200);
    }
    expect(notes.rounds).toBe(profile.workerTerminations);
    expect(worker.alive(), worker.exitReport()).toBe(true);
  });

  it(`lives through ${RESTARTS} PostgreSQL crashes (pg_ctl restart -m immediate) during the drain`, async () => {
    restartEvents.push(...(await enqueueEvents(world.testDb.db, tenants(), "restart", profile.faultEvents)));
    for (let r = 0; r < RESTARTS; r++) {
      await topUp(restartEvents, "restart", 50, 300);
      await sleep(200 + Math.random() * 500);
      await world.cluster.restartImmediate();
      notes.restarts++;
      await check.end().catch(() => {});
      check = await checkClient(world.testDb.url);
    }
    expect(worker.alive(), worker.exitReport()).toBe(true);
  });

  it("ends with every queued event applied exactly once, by the same worker process", async () => {
    const drained = await waitForDrained(check, DRAIN_TIMEOUT_MS);
    const term = tallyEffects(await effectsOf(check, terminationEvents));
    const restart = tallyEffects(await effectsOf(check, restartEvents));
    const common = (drained ? 0 : 1) + (worker.alive() ? 0 : 1);
    const diagnosis = common > 0 ? await diagnoseDrain(check, worker) : null;
    if (diagnosis) console.error(`worker fault drain did not end well: ${diagnosis}`);
    recordFigures({
      check: "fault: worker connections terminated",
      probes: terminationEvents.length,
      lost: term.lost.length,
      doubled: term.doubled.length,
      failures: common + (notes.rounds < profile.workerTerminations ? 1 : 0),
      note: `${notes.rounds} rounds, ${notes.terminated} worker backends terminated mid-transaction; ${terminationEvents.length} events; dead-lettered ${term.deadLettered.length}`,
    });
    recordFigures({
      check: "fault: pg restart -m immediate during drain",
      probes: restartEvents.length,
      lost: restart.lost.length,
      doubled: restart.doubled.length,
      failures: common,
      note: `${notes.restarts} restarts; ${restartEvents.length} events; dead-lettered ${restart.deadLettered.length}; drained: ${drained}; worker alive throughout: ${worker.alive()}${diagnosis ? `; ${diagnosis}` : ""}`,
    });
    expect(drained).toBe(true);
    expect([...term.lost, ...restart.lost]).toEqual([]);
    expect([...term.doubled, ...restart.doubled]).toEqual([]);
    expect(worker.alive(), worker.exitReport()).toBe(true);
  });
});
