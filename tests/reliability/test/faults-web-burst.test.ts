// PostgreSQL restarted (pg_ctl restart -m immediate) during a burst of POST /api/lead against
// the production build of apps/web: every 202 must be durably queued (and, once drained, one
// CRM effect); requests while the database is down get 503 + Retry-After, never 500, never a
// false 202; the web app recovers by itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClusterWorld, type ClusterWorld } from "../src/faults/cluster-database";
import { checkClient, effectsOf, tallyEffects } from "../src/faults/crm-effects";
import { waitForDrained } from "../src/faults/drain-checks";
import { startWorker } from "../src/faults/worker-process";
import { leadBody } from "../src/faults/lead-bodies";
import { rawRequest, runPool, type RawResponse } from "../src/http/raw-request";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";
import { startNextServer, type RunningServer } from "../src/servers/next-server";

const profile = currentProfile();
let world: ClusterWorld;
let web: RunningServer;

beforeAll(async () => {
  world = await startClusterWorld("burst");
  web = await startNextServer({
    app: "web",
    label: "burst",
    databaseUrl: world.testDb.url,
    env: { WEB_RATE_LIMIT_PER_MINUTE: "100000000", WEB_FORM_MIN_FILL_MS: "0" },
  });
});
afterAll(async () => {
  await web?.stop();
  await world?.destroy();
});

type Outcome = { eventId: string; email: string; phase: "up" | "down" | "recovering"; res: RawResponse | null; error?: string };

const post = (body: unknown) =>
  rawRequest({
    origin: web.origin,
    method: "POST",
    path: "/api/lead",
    headers: { host: "alpha.test", "content-type": "application/json" },
    body: JSON.stringify(body),
    timeoutMs: 30_000,
  });

describe("PostgreSQL restart during a burst of POST /api/lead", () => {
  it("answers 202 only for queued events and 503 + Retry-After while the database is down, and recovers", async () => {
    const n = profile.burstRequests;
    let phase: Outcome["phase"] = "up";
    const stopAt = Math.floor(n / 3);
    let restart: Promise<void> | null = null;
    const started = Date.now();
    const outcomes = await runPool(
      Array.from({ length: n }, (_, i) => i),
      6,
      async (i): Promise<Outcome> => {
        if (i === stopAt) {
          phase = "down";
          restart = (async () => {
            await world.cluster.stopImmediate();
            await new Promise((r) => setTimeout(r, 2_500));
            phase = "recovering";
            await world.cluster.start();
            phase = "up";
          })();
        }
        const { eventId, email, body } = leadBody("burst", i);
        const at = phase;
        if (Date.now() - started > profile.loopBudgetMs) return { eventId, email, phase: at, res: null, error: "budget" };
        try {
          return { eventId, email, phase: at, res: await post(body) };
        } catch (error) {
          return { eventId, email, phase: at, res: null, error: (error as Error).message };
        }
      },
    );
    await restart;

    // Recovery: after the database is back, new submissions are accepted again without a restart of the app.
    const recoveryStart = Date.now();
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      const res = await post(leadBody("recovery", i).body).catch(() => null);
      recovered = res?.status === 202;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    const recoveryMs = Date.now() - recoveryStart;

    const accepted = outcomes.filter((o) => o.res?.status === 202);
    const unavailable = outcomes.filter((o) => o.res?.status === 503);
    const fiveXx = outcomes.filter((o) => (o.res?.status ?? 0) >= 500 && o.res?.status !== 503);
    const noRetryAfter = unavailable.filter((o) => !o.res?.headers["retry-after"]);
    const other = outcomes.filter((o) => o.res && ![202, 503].includes(o.res.status) && o.res.status < 500);
    const transportErrors = outcomes.filter((o) => !o.res);

    // Every 202 was queued once; the real worker then turns each into exactly one CRM effect.
    const check = await checkClient(world.testDb.url);
    const worker = startWorker({ databaseUrl: world.testDb.url, label: "burst" });
    let queued: Awaited<ReturnType<typeof effectsOf>>;
    let effects: ReturnType<typeof tallyEffects>;
    let drained: boolean;
    try {
      queued = await effectsOf(
        check,
        accepted.map((o) => o.eventId),
      );
      drained = await waitForDrained(check, 120_000);
      effects = tallyEffects(
        await effectsOf(
          check,
          accepted.map((o) => o.eventId),
        ),
      );
    } finally {
      await worker.stop();
      await check.end();
    }
    const falseAccepts = queued.filter((q) => q.jobs !== 1);
    const figures = recordFigures({
      check: "fault: pg restart during POST /api/lead burst",
      probes: outcomes.length,
      fiveXx: fiveXx.length,
      lost: new Set([...falseAccepts.filter((q) => q.jobs === 0).map((q) => q.eventId), ...effects.lost]).size,
      doubled: new Set([...falseAccepts.filter((q) => q.jobs > 1).map((q) => q.eventId), ...effects.doubled]).size,
      failures: noRetryAfter.length + other.length + transportErrors.length + (recovered ? 0 : 1) + (drained ? 0 : 1),
      note: `202: ${accepted.length}, 503: ${unavailable.length} (while down/recovering: ${unavailable.filter((o) => o.phase !== "up").length}), other: ${other.map((o) => o.res?.status).join(",") || "none"}, transport errors: ${transportErrors.length}, recovered in ${recoveryMs} ms`,
    });
    console.log(figures.note);
    expect(fiveXx.map((o) => `${o.phase} ${o.res?.status} ${o.res?.body.slice(0, 200)}`)).toEqual([]);
    expect(noRetryAfter).toEqual([]);
    expect(other.map((o) => `${o.phase} ${o.res?.status} ${o.res?.body.slice(0, 200)}`)).toEqual([]);
    expect(transportErrors.map((o) => o.error)).toEqual([]);
    expect(falseAccepts).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0); // the restart really hit the burst
    expect(recovered).toBe(true);
    expect(drained).toBe(true);
    expect(effects.lost).toEqual([]);
    expect(effects.doubled).toEqual([]);
  });
});
