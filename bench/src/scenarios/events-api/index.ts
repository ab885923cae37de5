// The Follow Up Boss-compatible events API (`POST /v1/events` on the CRM) against the website's
// lead endpoint (`POST /api/lead`) in the same run: both answer 2xx only once the event is
// durably queued, so both are "leads accepted per second". Every accepted event is then looked
// up in the queue.
import crypto from "node:crypto";
import fs from "node:fs";
import { createApiKey } from "@real-estate/crm";
import { fmt, log, SkipError, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { runLoad, warmUp, type LoadResult } from "../../lib/load";
import { ensureBuilt, startNextServer } from "../../lib/next-app";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { PORTS } from "../../lib/sizes";

const EVENTS_PATH = "/v1/events";
const LEAD_PATH = "/api/lead";

/** A Follow Up Boss "Registration" event as its documentation shows one, a new person each time. */
function eventBody(counter: { n: number }, runId: string): () => string {
  return () => {
    const k = counter.n++;
    return JSON.stringify({
      source: "Bench Portal",
      system: "BenchLeads",
      type: "Registration",
      message: "I would like to see this home on Saturday.",
      person: { firstName: "Bench", lastName: `Partner ${k}`, emails: [{ value: `partner${k}-${runId}@bench.example` }], tags: ["bench"] },
    });
  };
}

function leadBody(counter: { n: number }, runId: string): () => string {
  return () => {
    const k = counter.n++;
    return JSON.stringify({ name: `Bench Visitor ${k}`, email: `visitor${k}-${runId}@bench.example`, message: "I would like to see this home on Saturday." });
  };
}

async function missingFromQueue(p: PlatformDb, tenantId: string, eventIds: string[]): Promise<number> {
  const r = await p.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "IngestionJob" WHERE "tenantId" = $1::uuid AND "eventId" = ANY($2::text[])`, [
    tenantId,
    eventIds,
  ]);
  return eventIds.length - Number(r.rows[0]!.n);
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null where there is none. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command name), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The server's CPU per request it stored during one load phase: what each request costs, however busy the machine is. */
async function withServerCpu<T extends LoadResult>(
  pid: number,
  stored: () => number,
  phase: () => Promise<T>,
): Promise<{ result: T; cpuMsPerRequest: number | null }> {
  const before = processCpuMs(pid);
  const storedBefore = stored();
  const result = await phase();
  const after = processCpuMs(pid);
  const n = stored() - storedBefore;
  return { result, cpuMsPerRequest: before === null || after === null || n === 0 ? null : (after - before) / n };
}

function describe(r: LoadResult): string {
  return `${fmt(r.okPerSecond)} accepted/s, p50 ${fmt(r.p50Ms, 1)} ms, p99 ${fmt(r.p99Ms, 1)} ms, statuses ${JSON.stringify(r.statusCounts)}, socket errors ${r.errors}`;
}

export async function runEventsApiScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  ensureBuilt("crm", { rebuild: ctx.args.rebuild, requiredFiles: ["app/v1/events/route.ts"] });
  ensureBuilt("web", { rebuild: ctx.args.rebuild, requiredFiles: ["app/api/lead/route.ts"] });
  const p = await openPlatformDb("a18_events_api");
  try {
    const [tenant] = await createBenchTenants(p.db, [`events-${ctx.runId}`]);
    const t = tenant!;
    // The key's limit is at its maximum (100,000 a minute); the limiter stays in the measured path.
    const owner = await p.db.user.create({
      data: { id: crypto.randomUUID(), email: `owner-${ctx.runId}@bench.example`, name: "Bench Owner", emailVerified: true },
    });
    const { key } = await createApiKey({ db: p.db, tenantId: t.tenantId, name: "bench", createdByUserId: owner.id, rateLimitPerMinute: 100_000 });
    const authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
    const web = await startNextServer({
      app: "web",
      port: PORTS.web,
      databaseUrl: p.url,
      env: { WEB_RATE_LIMIT_PER_MINUTE: "100000000", DB_POOL_SIZE: "10" },
      probeHost: t.webHost,
      probePath: "/",
    });
    const crm = await startNextServer({
      app: "crm",
      port: PORTS.crm,
      databaseUrl: p.url,
      env: { DB_POOL_SIZE: "10" },
      probeHost: t.crmHost,
      probePath: "/api/openapi.json",
    });
    try {
      const probe = await httpRequest({
        port: crm.port,
        host: t.crmHost,
        path: EVENTS_PATH,
        method: "POST",
        headers: { authorization },
        body: eventBody({ n: 0 }, `probe-${ctx.runId}`)(),
      });
      if (probe.status !== 201 && probe.status !== 200) throw new SkipError(`${EVENTS_PATH} answered ${probe.status}: ${probe.body.slice(0, 200)}`);
      const connections = ctx.sizes.httpConnections;
      const seconds = ctx.sizes.leadLoadSeconds;

      const leadCommon = { port: web.port, host: t.webHost, method: "POST" as const, path: LEAD_PATH, body: leadBody({ n: 0 }, ctx.runId) };
      await warmUp(leadCommon);
      const leads: string[] = [];
      const { result: lead, cpuMsPerRequest: leadCpuMs } = await withServerCpu(
        web.pid,
        () => leads.length,
        () =>
          runLoad({
            ...leadCommon,
            connections,
            seconds,
            onResponse: (status, body) => {
              if (status === 202) leads.push((JSON.parse(body) as { eventId: string }).eventId);
            },
          }),
      );
      log(`POST ${LEAD_PATH} (web): ${describe(lead)}, server CPU ${leadCpuMs === null ? "?" : fmt(leadCpuMs, 2)} ms per lead`);

      const eventsCommon = {
        port: crm.port,
        host: t.crmHost,
        method: "POST" as const,
        path: EVENTS_PATH,
        headers: { authorization },
        body: eventBody({ n: 0 }, ctx.runId),
      };
      await warmUp(eventsCommon);
      const events: string[] = [];
      const { result: partner, cpuMsPerRequest: eventCpuMs } = await withServerCpu(
        crm.pid,
        () => events.length,
        () =>
          runLoad({
            ...eventsCommon,
            connections,
            seconds,
            onResponse: (status, body) => {
              if (status === 200 || status === 201) events.push((JSON.parse(body) as { eventId: string }).eventId);
            },
          }),
      );
      log(`POST ${EVENTS_PATH} (crm): ${describe(partner)}, server CPU ${eventCpuMs === null ? "?" : fmt(eventCpuMs, 2)} ms per event`);

      const missingEvents = await missingFromQueue(p, t.tenantId, events);
      const missingLeads = await missingFromQueue(p, t.tenantId, leads);
      const failures = partner.non2xx + partner.errors + partner.timeouts;
      log(`${fmt(events.length)} events accepted, missing from the queue: ${missingEvents}; ${fmt(leads.length)} leads accepted, missing: ${missingLeads}`);
      const baseline = "POST /api/lead (website), same run";
      return {
        scenario: "events-api",
        figures: [
          figure({
            scenario: "events-api",
            name: `POST /v1/events accepted (stored), ${connections} connections`,
            unit: "req/s",
            better: "higher",
            value: partner.okPerSecond,
            baseline: { label: baseline, value: lead.okPerSecond },
            goal: { text: ">= 0.9 x website lead endpoint", ratioAtLeast: 0.9 },
          }),
          ...(eventCpuMs !== null && leadCpuMs !== null
            ? [
                figure({
                  scenario: "events-api",
                  name: "POST /v1/events server CPU per stored event",
                  unit: "ms",
                  better: "lower",
                  value: eventCpuMs,
                  baseline: { label: `${baseline}, per stored lead`, value: leadCpuMs },
                }),
              ]
            : []),
          figure({
            scenario: "events-api",
            name: "POST /v1/events p50",
            unit: "ms",
            better: "lower",
            value: partner.p50Ms,
            baseline: { label: baseline, value: lead.p50Ms },
          }),
          figure({
            scenario: "events-api",
            name: "POST /v1/events p99",
            unit: "ms",
            better: "lower",
            value: partner.p99Ms,
            baseline: { label: baseline, value: lead.p99Ms },
          }),
          figure({
            scenario: "events-api",
            name: "errors (non-2xx, socket, timeouts)",
            unit: "",
            better: "lower",
            value: failures,
            goal: { text: "= 0", valueEquals: 0 },
          }),
          figure({
            scenario: "events-api",
            name: "accepted events missing from the queue",
            unit: "",
            better: "lower",
            value: missingEvents + missingLeads,
            goal: { text: "= 0", valueEquals: 0 },
            note: `${events.length} events, ${leads.length} leads accepted`,
          }),
        ],
        details: {
          connections,
          seconds,
          lead,
          partner,
          leadCpuMs,
          eventCpuMs,
          acceptedEvents: events.length,
          acceptedLeads: leads.length,
          missingEvents,
          missingLeads,
        },
      };
    } finally {
      await crm.stop();
      await web.stop();
    }
  } finally {
    await p.close();
  }
}
