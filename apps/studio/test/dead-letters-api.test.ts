// Dead letters through the studio's API: filters, grouped errors, masked detail and audited
// reveal, and re-drives (one, a selection, everything matching) streamed with progress, whose
// outcome is followed after the real worker has run.
import { listOperatorActions } from "@real-estate/operator";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDeadLetters } from "./support/ingestion-fixture";
import { demoIds } from "./support/ids";
import { api, operatorCookie, testDb } from "./support/studio-client";
import { drainOnce } from "./support/worker";

let cookie: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let timeouts: string[];
let broken: string[];

type Line = { type: string; [key: string]: unknown };
const lines = (text: string): Line[] =>
  text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  cookie = await operatorCookie();
  ids = await demoIds();
  const db = testDb();
  timeouts = await seedDeadLetters(db, { tenantId: ids.shoreline, count: 6, error: "api-test: CRM database timeout after 5000 ms" });
  broken = await seedDeadLetters(db, {
    tenantId: ids.shoreline,
    count: 2,
    error: "api-test: contact could not be saved",
    type: "valuation.requested",
    minutesAgo: 600,
  });
  // These two will fail again when re-driven: their payload is not a valid event.
  await db.$executeRaw`UPDATE "IngestionJob" SET payload = '{"broken": true}'::jsonb WHERE id = ANY(${broken}::bigint[])`;
});

describe("dead letters", () => {
  it("lists them with filters and attempt times; groups errors; counts what a re-drive would take", async () => {
    const all = await api("GET", "/api/dead-letters?tenant=shoreline&error=api-test", { cookie });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(8);
    expect(all.body.items[0]).toMatchObject({
      tenantSlug: "shoreline",
      attempts: expect.any(Number),
      firstAttemptAt: expect.any(String),
      lastAttemptAt: expect.any(String),
    });
    expect(JSON.stringify(all.body)).not.toContain("@example.com");
    expect((await api("GET", "/api/dead-letters?tenant=shoreline&error=api-test&eventType=valuation.requested", { cookie })).body.items).toHaveLength(2);
    expect((await api("GET", "/api/dead-letters?tenant=shoreline&error=api-test&window=1h", { cookie })).body.items).toHaveLength(6);
    const count = await api("GET", "/api/dead-letters/count?tenant=shoreline&error=api-test", { cookie });
    expect(count.body.count).toBe(8);
    expect(count.body.byError).toEqual([
      { error: "api-test: CRM database timeout after 5000 ms", errorClass: "transient", count: 6 },
      { error: "api-test: contact could not be saved", errorClass: "transient", count: 2 },
    ]);
    const unknown = await api("GET", "/api/dead-letters?tenant=nobody", { cookie });
    expect([unknown.status, Object.keys(unknown.body.fields)]).toEqual([400, ["tenant"]]);
    expect((await api("GET", "/api/dead-letters?since=yesterday", { cookie })).status).toBe(400);
    expect((await api("GET", "/api/dead-letters?cursor=zzz", { cookie })).status).toBe(400);
  });

  it("shows a job with personal data masked, reveals it only on request with an audit row", async () => {
    const path = `/api/dead-letters/${ids.shoreline}/${timeouts[0]}`;
    const detail = await api("GET", path, { cookie });
    expect(detail.body.job).toMatchObject({ id: timeouts[0], status: "DEAD_LETTERED", lastError: "api-test: CRM database timeout after 5000 ms" });
    expect(JSON.stringify(detail.body.job)).not.toMatch(/jordan\.|555 0147|Elm Street/);
    expect(detail.body.job.maskedPayload.payload.contact.email).toMatch(/^j•+@••••\.com$/);
    const before = (await listOperatorActions({ action: "deadletter.reveal" })).rows.length;
    const revealed = await api("POST", `${path}/reveal`, { cookie, json: { reason: "checking the address" } });
    expect(revealed.body.payload.payload.contact.email).toMatch(/^jordan\.[0-9a-f]{6}@example\.com$/);
    const log = await listOperatorActions({ action: "deadletter.reveal" });
    expect(log.rows).toHaveLength(before + 1);
    expect(log.rows[0]).toMatchObject({ tenantId: ids.shoreline, targetId: timeouts[0], after: expect.objectContaining({ reason: "checking the address" }) });
    expect((await api("GET", `/api/dead-letters/${ids.fairfield}/${timeouts[0]}`, { cookie })).status).toBe(404);
    expect((await api("POST", `/api/dead-letters/${ids.fairfield}/${timeouts[0]}/reveal`, { cookie, json: {} })).status).toBe(404);
    expect((await api("POST", `${path}/reveal`, { cookie, json: { reason: 5 } })).status).toBe(422);
    expect((await listOperatorActions({ action: "deadletter.reveal" })).rows).toHaveLength(before + 1);
  });
});

describe("re-drive", () => {
  it("refuses bad selections before starting", async () => {
    expect((await api("POST", "/api/redrives", { cookie, json: { selection: { ids: ["abc"] } } })).status).toBe(422);
    expect((await api("POST", "/api/redrives", { cookie, json: { selection: { all: true, filter: { tenant: "nobody" } } } })).status).toBe(422);
    expect((await api("POST", "/api/redrives", { cookie, json: { selection: { all: true, filter: { colour: "red" } } } })).status).toBe(422);
  });

  it("re-drives everything matching a filter with progress, then shows which succeeded after the worker ran", async () => {
    const res = await api("POST", "/api/redrives", { cookie, json: { selection: { all: true, filter: { tenant: "shoreline", error: "api-test" } } } });
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/x-ndjson; charset=utf-8"]);
    const stream = lines(res.text);
    expect(stream.filter((l) => l.type === "progress").length).toBeGreaterThanOrEqual(1);
    const done = stream.at(-1)!;
    expect(done).toMatchObject({ type: "done", matched: 8, requeued: 8, trackedJobs: 8 });
    expect(await testDb().ingestionJob.count({ where: { id: { in: [...timeouts, ...broken].map(BigInt) }, status: "PENDING" } })).toBe(8);

    const pending = await api("GET", `/api/redrives/${done.redriveId}`, { cookie });
    expect(pending.body.redrive).toMatchObject({
      origin: "studio",
      actor: "operator@platform.example",
      outcome: "completed",
      jobs: { tracked: 8, waiting: 8 },
    });

    expect(await drainOnce()).toMatch(/processed=\d+/);
    const after = await api("GET", `/api/redrives/${done.redriveId}`, { cookie });
    expect(after.body.redrive.jobs).toMatchObject({ tracked: 8, succeeded: 6, failedAgain: 2, waiting: 0 });
    expect(after.body.redrive.jobList.slice(0, 2).map((j: { status: string }) => j.status)).toEqual(["DEAD_LETTERED", "DEAD_LETTERED"]);
    const listed = await api("GET", "/api/redrives", { cookie });
    expect(listed.body.rows.find((r: { id: string }) => r.id === done.redriveId).jobs).toMatchObject({ succeeded: 6, failedAgain: 2 });
    expect((await listOperatorActions({ action: "deadletter.redrive" })).rows[0]).toMatchObject({
      targetId: done.redriveId,
      actorEmail: "operator@platform.example",
    });
  });

  it("re-drives one job by id, and reports a conflict when another re-drive holds it", async () => {
    const [one, held] = await seedDeadLetters(testDb(), { tenantId: ids.shoreline, count: 2, error: "api-test: single" });
    const running = await testDb().redriveAudit.create({ data: { actor: "cli-user", origin: "cli", filter: {}, outcome: "running" } });
    await testDb().ingestionJob.updateMany({ where: { id: BigInt(held!) }, data: { redriveId: running.id } });
    const conflict = lines((await api("POST", "/api/redrives", { cookie, json: { selection: { ids: [held] } } })).text).at(-1)!;
    expect(conflict).toMatchObject({ type: "error", status: 409, message: expect.stringContaining("held by re-drive") });
    const ok = lines((await api("POST", "/api/redrives", { cookie, json: { selection: { ids: [one] } } })).text).at(-1)!;
    expect(ok).toMatchObject({ type: "done", matched: 1, requeued: 1 });
    expect((await testDb().ingestionJob.findFirstOrThrow({ where: { id: BigInt(one!) } })).status).toBe("PENDING");
    expect((await testDb().ingestionJob.findFirstOrThrow({ where: { id: BigInt(held!) } })).status).toBe("DEAD_LETTERED");
  });
});
