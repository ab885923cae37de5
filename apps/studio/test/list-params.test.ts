// The studio's list APIs read their query parameters strictly: a malformed cursor or an
// out-of-range or non-integer limit is 400 naming the parameter (as the CRM's list APIs answer),
// never read as if it were absent or clamped; well-formed ones still page.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDeadLetters } from "./support/ingestion-fixture";
import { demoIds } from "./support/ids";
import { api, operatorCookie, testDb } from "./support/studio-client";

let cookie: string;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  cookie = await operatorCookie();
  ids = await demoIds();
  await seedDeadLetters(testDb(), { tenantId: ids.shoreline, count: 3, error: "params-test: timeout" });
  // Two finished re-drives of its own, so paging is tested whichever other test files ran before.
  for (const requeued of [1, 2])
    await testDb().redriveAudit.create({
      data: { actor: "params-test", origin: "cli", filter: {}, matched: requeued, requeued, outcome: "completed", finishedAt: new Date() },
    });
});

async function refused(path: string, field: string) {
  const res = await api("GET", path, { cookie });
  expect([path, res.status, res.body.error, Object.keys(res.body.fields ?? {})]).toEqual([path, 400, "validation_failed", [field]]);
  expect(res.body.message).toBe("Some query parameters are not valid");
}

describe("list parameters", () => {
  it("re-drives: a malformed ?before= or a bad ?limit= is 400; a real cursor pages", async () => {
    for (const before of ["zzz", "1", "00000000-0000-0000-0000", "'%20OR%201=1"]) await refused(`/api/redrives?before=${before}`, "before");
    for (const limit of ["0", "101", "1e9", "2.5", "-1", "abc", "0x10"]) await refused(`/api/redrives?limit=${limit}`, "limit");
    const first = await api("GET", "/api/redrives?limit=1", { cookie });
    expect(first.status).toBe(200);
    expect(first.body.rows).toHaveLength(1);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const next = await api("GET", `/api/redrives?before=${cursor}&limit=1`, { cookie });
    expect(next.status).toBe(200);
    expect(next.body.rows).toHaveLength(1);
    expect(next.body.rows[0].id).not.toBe(first.body.rows[0].id);
    expect((await api("GET", "/api/redrives?before=", { cookie })).status).toBe(200);
  });

  it("dead letters: a bad ?limit= or ?cursor= is 400, and so are filter problems; limit pages", async () => {
    for (const limit of ["1e9", "0", "1001", "2.5", "abc", "1e2", " 5"]) await refused(`/api/dead-letters?limit=${encodeURIComponent(limit)}`, "limit");
    for (const cursor of ["zzz", "a.b", "x".repeat(201)]) await refused(`/api/dead-letters?cursor=${cursor}`, "cursor");
    await refused("/api/dead-letters?tenant=nobody", "tenant");
    await refused("/api/dead-letters?since=yesterday", "since");
    await refused("/api/dead-letters/count?since=yesterday", "since");
    await refused("/api/dead-letters/count?tenant=nobody", "tenant");

    const filter = "tenant=shoreline&error=params-test";
    const first = await api("GET", `/api/dead-letters?${filter}&limit=2`, { cookie });
    expect([first.status, first.body.items.length, typeof first.body.nextCursor]).toEqual([200, 2, "string"]);
    const rest = await api("GET", `/api/dead-letters?${filter}&limit=2&cursor=${first.body.nextCursor}`, { cookie });
    expect([rest.status, rest.body.items.length, rest.body.nextCursor]).toEqual([200, 1, null]);
    expect((await api("GET", `/api/dead-letters?${filter}&limit=1000`, { cookie })).body.items).toHaveLength(3);
  });

  it("outbox: a bad ?limit=, ?cursor=, ?tenant= or ?status= is 400 naming it", async () => {
    for (const limit of ["1e9", "0", "201", "2.5", "abc", "0x10", " 5", "5 ", "+5", "1e2"]) {
      await refused(`/api/outbox?limit=${encodeURIComponent(limit)}`, "limit");
    }
    await refused("/api/outbox?cursor=zzz", "cursor");
    await refused("/api/outbox?cursor=a.b", "cursor");
    await refused("/api/outbox?tenant=nobody", "tenant");
    await refused("/api/outbox?status=LOST", "status");
    expect((await api("GET", `/api/outbox?tenant=${ids.shoreline}&limit=1`, { cookie })).status).toBe(200);
    expect((await api("GET", "/api/outbox?limit=200", { cookie })).status).toBe(200);
  });

  it("console pages: a malformed ?before= shows the page's clear error, not its first page", async () => {
    const pages = ["/audit", "/redrives", `/tenants/${ids.shoreline}/activity`];
    for (const path of pages) {
      for (const before of ["nope", "0x10", "00000000-0000-7000-8000-00000000000g"]) {
        const res = await api("GET", `${path}?before=${before}`, { cookie });
        expect([path, before, res.status, res.text.includes("That page link is not valid.")]).toEqual([path, before, 200, true]);
      }
      const doubled = await api("GET", `${path}?before=${ids.shoreline}&before=${ids.shoreline}`, { cookie });
      expect([path, doubled.text.includes("That page link is not valid.")]).toEqual([path, true]);
      for (const fine of [path, `${path}?before=`, `${path}?before=00000000-0000-7000-8000-000000000000`]) {
        const res = await api("GET", fine, { cookie });
        expect([fine, res.status, res.text.includes("That page link is not valid.")]).toEqual([fine, 200, false]);
      }
    }
  });
});
