// Where a bulk enqueue of 1,000 website events spends its time: the statement's server time split
// by variants (EXPLAIN ANALYZE, each on its own fresh keys), the client's send/parse, and the
// JavaScript steps of enqueueWebsiteEvents, on a migrated bench database.
//
//   npx tsx bench/src/tools/bulk-enqueue-cost.ts [rounds, default 15]
import { enqueueWebsiteEvents, eventRequestHash, maxAttemptsFor } from "@real-estate/queue";
import { ZWebsiteEvent, type WebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import { openPlatformDb, createBenchTenants } from "../lib/platform-db";
import { noopEvent } from "../scenarios/queue/payload";

const rounds = Number(process.argv[2] ?? 15);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `median ${med(xs).toFixed(2)} (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)})`;

const INPUT = `input AS (
      SELECT r.e->>'eventId' AS "eventId", r.e->>'type' AS "eventType", r.e AS payload, r.h AS "requestHash"
        FROM jsonb_to_recordset($2::jsonb) AS r(e jsonb, h text))`;
const PRIOR = `prior AS (
      SELECT l."eventId", l."eventType", l."requestHash" FROM "IngestedEvent" l
       WHERE l."tenantId" = $1::uuid AND l."eventId" IN (SELECT "eventId" FROM input))`;
const INSERT = `INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "requestHash", "maxAttempts", "nextAttemptAt", "updatedAt")
      SELECT $1::uuid, "eventId", "eventType", payload, "requestHash", ($3::jsonb ->> "eventType")::int, now(), now() FROM input`;
const NOT_PRIOR = ` WHERE NOT EXISTS (SELECT 1 FROM prior WHERE prior."eventId" = input."eventId")`;
const UPSERT = ` ON CONFLICT ("tenantId", kind, "eventId") DO UPDATE SET "eventId" = EXCLUDED."eventId"`;
const RET = ` RETURNING id, "eventId", (xmax = 0) AS created, "eventType", "requestHash"`;
const TAIL = `, wake AS (SELECT pg_notify('bulk_cost', '') WHERE EXISTS (SELECT 1 FROM ins WHERE created))
    SELECT ins."eventId", ins.id, ins.created, ins."eventType" AS "jobType", ins."requestHash" AS "jobHash", NULL::text AS "ledgerType", NULL::text AS "ledgerHash"
      FROM ins LEFT JOIN wake ON true
    UNION ALL SELECT prior."eventId", NULL, NULL, NULL, NULL, prior."eventType", prior."requestHash" FROM prior`;

const VARIANTS: Record<string, string> = {
  full: `WITH ${INPUT}, ${PRIOR}, ins AS (${INSERT}${NOT_PRIOR}${UPSERT}${RET})${TAIL}`,
  "parse only": `WITH ${INPUT}, unused AS (SELECT $1::uuid, $3::jsonb) SELECT count(*) FROM input`,
  "parse + ledger lookup": `WITH ${INPUT}, ${PRIOR}, unused AS (SELECT $3::jsonb) SELECT count(*) FROM prior`,
  "no ON CONFLICT": `WITH ${INPUT}, ${PRIOR}, ins AS (${INSERT}${NOT_PRIOR}${RET})${TAIL}`,
  "no ledger lookup": `WITH ${INPUT}, ins AS (${INSERT}${UPSERT}${RET}) SELECT ins.* FROM ins`,
  "no RETURNING rows": `WITH ${INPUT}, ${PRIOR}, ins AS (${INSERT}${NOT_PRIOR}${UPSERT}${RET}) SELECT count(*) FROM ins`,
  "plain INSERT only": `WITH ${INPUT} ${INSERT}`,
  "held keys read, plain INSERT": `WITH ${INPUT}, ${PRIOR}, held AS (
      SELECT j."eventId", j.id, j."eventType", j."requestHash" FROM "IngestionJob" j
       WHERE j."tenantId" = $1::uuid AND j.kind = 'website-event' AND j."eventId" IN (SELECT "eventId" FROM input)
    ), ins AS (${INSERT}${NOT_PRIOR} AND NOT EXISTS (SELECT 1 FROM held WHERE held."eventId" = input."eventId") RETURNING id, "eventId", "eventType", "requestHash"
    ), wake AS (SELECT pg_notify('bulk_cost', '') WHERE EXISTS (SELECT 1 FROM ins))
    SELECT ins."eventId", ins.id, true AS created, ins."eventType" AS "jobType", ins."requestHash" AS "jobHash", NULL::text AS "ledgerType", NULL::text AS "ledgerHash"
      FROM ins LEFT JOIN wake ON true
    UNION ALL SELECT held."eventId", held.id, false, held."eventType", held."requestHash", NULL, NULL FROM held
    UNION ALL SELECT prior."eventId", NULL, NULL, NULL, NULL, prior."eventType", prior."requestHash" FROM prior`,
};

async function main() {
  const p = await openPlatformDb("q_bulkcost", { poolSize: 2 });
  const [tenant] = await createBenchTenants(p.db, ["bulk-cost"]);
  const tenantId = tenant!.tenantId;
  const c = await p.pool.connect();
  let n = 0;
  const batch = (): WebsiteEventInput[] => {
    const run = `r${n++}`;
    return Array.from({ length: 1_000 }, (_, i) => noopEvent(tenantId, i, run) as WebsiteEventInput);
  };
  const params = (events: WebsiteEventInput[]) => {
    const parsed = events.map((e) => ZWebsiteEvent.parse(e));
    const attempts: Record<string, number> = {};
    for (const e of parsed) attempts[e.type] ??= maxAttemptsFor(e.type);
    return [tenantId, JSON.stringify(parsed.map((e) => ({ e, h: eventRequestHash(e) }))), JSON.stringify(attempts)];
  };
  const fresh = async () => {
    await c.query(`TRUNCATE "IngestionJob"`);
    // the bench's table holds earlier batches: 10,000 rows before each measured statement
    for (let b = 0; b < 10; b++) await c.query(VARIANTS.full!, params(batch()));
    await c.query('VACUUM ANALYZE "IngestionJob"');
  };
  console.log(`param bytes: ${params(batch())[1]!.length}`);

  // 1. server time by variant (EXPLAIN ANALYZE), alternating variants each round
  const times: Record<string, number[]> = {};
  const wal: Record<string, string> = {};
  const fkMs: number[] = [];
  const triggerNames = new Set<string>();
  await fresh();
  for (let r = 0; r < rounds; r++) {
    if (r % 5 === 4) await fresh();
    for (const [name, sql] of Object.entries(VARIANTS)) {
      if (process.env.ONLY && !process.env.ONLY.split("|").includes(name)) continue;
      const res = await c.query(`EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON) ${sql}`, params(batch()));
      const plan = res.rows[0]["QUERY PLAN"][0];
      (times[name] ??= []).push(plan["Execution Time"] + plan["Planning Time"]);
      const walOf = (node: Record<string, unknown>): number => Number(node["WAL Bytes"] ?? 0);
      wal[name] =
        `WAL ${walOf(plan.Plan)} B, records ${plan.Plan["WAL Records"] ?? 0}, shared hit ${plan.Plan["Shared Hit Blocks"]} dirtied ${plan.Plan["Shared Dirtied Blocks"]}`;
      if (name === "full") {
        let ms = 0;
        for (const t of plan.Triggers ?? []) {
          triggerNames.add(t["Trigger Name"]);
          ms += t.Time;
        }
        fkMs.push(ms);
      }
    }
  }
  for (const [name, xs] of Object.entries(times)) console.log(`server ${name}: ${fmt(xs)} ms; ${wal[name]}`);
  console.log(`triggers in full (${[...triggerNames].join(", ")}): ${fmt(fkMs)} ms`);

  if (process.env.ONLY) {
    c.release();
    await p.close();
    return;
  }
  // index cost: each secondary index dropped inside a rolled-back transaction
  const idx = await c.query(
    `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = '"IngestionJob"'::regclass AND NOT indisprimary AND NOT indisunique`,
  );
  for (const { name } of idx.rows) {
    const xs: number[] = [];
    for (let r = 0; r < Math.max(5, rounds / 3); r++) {
      await c.query("BEGIN");
      await c.query(`DROP INDEX ${name}`);
      const res = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${VARIANTS.full}`, params(batch()));
      await c.query("ROLLBACK");
      xs.push(res.rows[0]["QUERY PLAN"][0]["Execution Time"]);
    }
    console.log(`server full without index ${name}: ${fmt(xs)} ms`);
  }

  // 2. client round trip: the same statement timed from the client, and its server time
  const round: number[] = [];
  const sendOnly: number[] = [];
  const rowsOnly: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ps = params(batch());
    let t = performance.now();
    await c.query({ name: "bulk_cost_full", text: VARIANTS.full!, values: ps });
    round.push(performance.now() - t);
    t = performance.now();
    await c.query({ name: "bulk_cost_send", text: "SELECT length($1::text)", values: [ps[1]] });
    sendOnly.push(performance.now() - t);
    t = performance.now();
    await c.query({
      name: "bulk_cost_rows",
      text: `SELECT 'bench-r-' || g AS "eventId", (1000000 + g)::int8 AS id, true AS created, 'lead.submitted' AS "jobType", md5(g::text) || md5(g::text) AS "jobHash", NULL::text AS "ledgerType", NULL::text AS "ledgerHash" FROM generate_series(1, 1000) g`,
      values: [],
    });
    rowsOnly.push(performance.now() - t);
    if (r % 5 === 4) await fresh();
  }
  console.log(
    `client: full statement round trip ${fmt(round)} ms; 450 kB parameter sent, length() back ${fmt(sendOnly)} ms; 1,000 result rows like ours ${fmt(rowsOnly)} ms`,
  );

  // 3. the JavaScript steps of enqueueWebsiteEvents on 1,000 events
  const js: Record<string, number[]> = {};
  const step = <T>(name: string, fn: () => T): T => {
    const t = performance.now();
    const out = fn();
    (js[name] ??= []).push(performance.now() - t);
    return out;
  };
  for (let r = 0; r < 40; r++) {
    const events = batch();
    const parsed: WebsiteEvent[] = step("zod parse", () => events.map((e) => ZWebsiteEvent.parse(e)));
    const hashes = step("eventRequestHash", () => parsed.map(eventRequestHash));
    const input = step("Map + input array", () => {
      const firstIndex = new Map<string, number>();
      const input: { e: WebsiteEvent; h: string }[] = [];
      parsed.forEach((e, i) => {
        if (firstIndex.has(e.eventId)) return;
        firstIndex.set(e.eventId, i);
        input.push({ e, h: hashes[i]! });
      });
      return input;
    });
    step("JSON.stringify", () => JSON.stringify(input));
  }
  for (const [name, xs] of Object.entries(js)) console.log(`js ${name}: ${fmt(xs.slice(10))} ms`);
  const whole: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const events = batch();
    const t = performance.now();
    await enqueueWebsiteEvents({ tenantId, events, db: p.db });
    whole.push(performance.now() - t);
  }
  console.log(`enqueueWebsiteEvents whole call: ${fmt(whole)} ms`);

  // 4. the statement's time against its commit's, and the client's CPU in a whole call
  const stmt: number[] = [];
  const commit: number[] = [];
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ps = params(batch());
    await c.query("BEGIN");
    let t = performance.now();
    await c.query({ name: "bulk_cost_full", text: VARIANTS.full!, values: ps });
    stmt.push(performance.now() - t);
    t = performance.now();
    await c.query("COMMIT");
    commit.push(performance.now() - t);
    const events = batch();
    const u = process.cpuUsage();
    t = performance.now();
    await enqueueWebsiteEvents({ tenantId, events, db: p.db });
    wall.push(performance.now() - t);
    const used = process.cpuUsage(u);
    cpu.push((used.user + used.system) / 1000);
    if (r % 5 === 4) await fresh();
  }
  console.log(`in a transaction: statement ${fmt(stmt)} ms, COMMIT ${fmt(commit)} ms; whole call ${fmt(wall)} ms of which client CPU ${fmt(cpu)} ms`);
  c.release();
  await p.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
