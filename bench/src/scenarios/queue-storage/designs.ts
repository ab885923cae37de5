import { createPrismaClient, pgPoolOf, type Db } from "@real-estate/db";
import {
  claimJobs,
  completeJobs,
  enqueueWebsiteEvent,
  enqueueWebsiteEvents,
  eventRequestHash,
  maxAttemptsFor,
  wakeWorkers,
  type ClaimedJob,
  type JobRef,
} from "@real-estate/queue";
import { ZWebsiteEvent, type WebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import type pg from "pg";
import type { BenchContext } from "../../lib/context";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import { sleep } from "../../lib/stats";
import type { OnJob, QueueDriver, RunningWorkers } from "../queue/driver";
import * as sql from "./sql";

/**
 * Each worker runs this many claim -> run -> complete loops (a claim in flight while another
 * batch completes); QUEUE_STORAGE_LOOPS overrides the default of 2.
 */
export const LOOPS_PER_WORKER = Math.max(1, Number(process.env.QUEUE_STORAGE_LOOPS) || 2);
/** Jobs per claim, as the ingestion worker's batch (INGESTION_BATCH_SIZE in the queue scenario). */
export const CLAIM_BATCH = 50;
const LEASE_MS = 300_000;

export type Claim = (db: Db, workerId: string, now?: Date, leaseMs?: number) => Promise<ClaimedJob[]>;
/** Jobs as their claim returned them (design d's carry the narrow row's ctid as `readyTid`). */
export type Complete = (db: Db, workerId: string, jobs: readonly (JobRef & { readyTid?: string })[]) => Promise<number>;

/** A storage design under test: a queue driver plus what the scenario reads about its tables. */
export type StorageDesign = QueueDriver & {
  /** Tables whose counters (inserts, updates, HOT updates, deletes) are reported. */
  tables: string[];
  pool: () => pg.Pool;
  url: () => string;
  claim: Claim;
  complete: Complete;
  /** The design's own statements for a failed attempt and a re-drive (prototypes only). */
  fail?: (db: Db, workerId: string, job: JobRef, retryAt: Date | null, now: Date) => Promise<{ id: string; status: string }[]>;
  redrive?: (db: Db, tenantId: string, ids: string[], now: Date) => Promise<number>;
  db: () => Db;
  tenantId: () => string;
};

/**
 * `count` workers, each with its own client (a pool of LOOPS_PER_WORKER + 1) and LOOPS_PER_WORKER
 * loops: claim CLAIM_BATCH, run each job's no-op handler, complete the batch in one statement.
 * The same loop for every design, so the designs differ only in their SQL.
 */
export async function startLoopWorkers(url: string, count: number, onJob: OnJob, claim: Claim, complete: Complete): Promise<RunningWorkers> {
  let stopping = false;
  const clients: Db[] = [];
  const loops: Promise<void>[] = [];
  for (let w = 0; w < count; w++) {
    const db = createPrismaClient({ url, poolSize: LOOPS_PER_WORKER + 1, applicationName: "re-bench-worker" });
    clients.push(db);
    const workerId = `bench-worker-${w}-${process.pid}`;
    for (let l = 0; l < LOOPS_PER_WORKER; l++) {
      loops.push(
        (async () => {
          while (!stopping) {
            const jobs = await claim(db, workerId);
            if (jobs.length === 0) {
              await sleep(10);
              continue;
            }
            for (const job of jobs) onJob(job.payload as Record<string, unknown>);
            await complete(db, workerId, jobs);
          }
        })(),
      );
    }
  }
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      await Promise.all(clients.map((c) => c.$disconnect()));
    },
  };
}

function poolOf(db: Db): pg.Pool {
  const pool = pgPoolOf(db);
  if (!pool) throw new Error("queue-storage: the client has no node-postgres pool");
  return pool;
}

/** Opens a migrated scratch database with one tenant; `setup` adds the design's tables. */
async function openDesignDb(label: string, ctx: BenchContext, setup: string[]): Promise<{ p: PlatformDb; tenantId: string }> {
  const p = await openPlatformDb(label, { poolSize: 6 });
  const [tenant] = await createBenchTenants(p.db, [`storage-${label}-${ctx.runId}`.replace(/_/g, "-")]);
  for (const statement of setup) await p.pool.query(statement);
  return { p, tenantId: tenant!.tenantId };
}

/** (a) Today: "IngestionJob" through the queue package's own functions. */
export function todayDesign(ctx: BenchContext): StorageDesign {
  let p: PlatformDb | undefined;
  let tenantId = "";
  const open = () => {
    if (!p) throw new Error("design a not opened");
    return p;
  };
  const claim: Claim = (db, workerId, now, leaseMs) => claimJobs({ workerId, limit: CLAIM_BATCH, leaseMs: leaseMs ?? LEASE_MS, now, db });
  const complete: Complete = (db, workerId, jobs) => completeJobs({ workerId, jobs, db });
  return {
    system: "a: IngestionJob today",
    version: "workspace",
    settings: "enqueueWebsiteEvent / enqueueWebsiteEvents, claimJobs / completeJobs",
    tables: ["IngestionJob"],
    pool: () => open().pool,
    url: () => open().url,
    db: () => open().db,
    tenantId: () => tenantId,
    claim,
    complete,
    open: async () => {
      ({ p, tenantId } = await openDesignDb("qs_a", ctx, []));
    },
    enqueueOne: async (payload) => {
      await enqueueWebsiteEvent({ tenantId, event: payload as WebsiteEventInput, db: open().db });
    },
    enqueueBulk: async (payloads) => {
      await enqueueWebsiteEvents({ tenantId, events: payloads as WebsiteEventInput[], db: open().db });
    },
    startWorkers: (count, onJob) => startLoopWorkers(open().url, count, onJob, claim, complete),
    remaining: async () => {
      const r = await open().pool.query<{ n: string }>(`SELECT count(*) AS n FROM "IngestionJob" WHERE status IN ('PENDING', 'PROCESSING')`);
      return Number(r.rows[0]!.n);
    },
    reset: async () => void (await open().pool.query(`TRUNCATE "IngestionJob"`)),
    close: async () => void (await p?.close()),
  };
}

type ClaimRow = Omit<ClaimedJob, "id"> & { id: bigint | string };

/**
 * (b) ledger + narrow ready table, completion updating the ledger; (c) the same, completion
 * appending to "JobDone" and leaving the ledger row as enqueued. The enqueue does the same
 * JavaScript work as enqueueWebsiteEvent(s): zod validation, the request fingerprint, one
 * JSON.stringify, a named prepared statement on node-postgres, the coalesced wake-up NOTIFY.
 */
export function splitDesign(ctx: BenchContext, variant: { key: "b" | "c" | "d"; ledgerFillfactor: number; readyForeignKey?: boolean }): StorageDesign {
  let p: PlatformDb | undefined;
  let tenantId = "";
  const open = () => {
    if (!p) throw new Error(`design ${variant.key} not opened`);
    return p;
  };
  const appendDone = variant.key !== "b";
  const byTid = variant.key === "d";
  const readyForeignKey = variant.readyForeignKey ?? true;
  const label = `${variant.key}${variant.ledgerFillfactor === 100 ? "" : `_ff${variant.ledgerFillfactor}`}${readyForeignKey ? "" : "_nofk"}`;
  const claim: Claim = async (db, workerId, now = new Date(), leaseMs = LEASE_MS) => {
    const until = new Date(now.getTime() + leaseMs);
    const rows = await poolOf(db).query<ClaimRow>({
      name: byTid ? "qs_claim_tid" : "qs_claim",
      text: byTid ? sql.CLAIM_BY_TID_SQL : sql.CLAIM_SQL,
      values: [now.toISOString(), CLAIM_BATCH, null, workerId, until.toISOString()],
    });
    return rows.rows.map((r) => ({ ...r, id: String(r.id) }));
  };
  const complete: Complete = async (db, workerId, jobs) => {
    if (jobs.length === 0) return 0;
    const now = new Date().toISOString();
    const values = [jobs.map((j) => j.tenantId), jobs.map((j) => j.id), now, workerId, jobs.map(() => now)];
    const r = byTid
      ? await poolOf(db).query({ name: "qs_complete_tid", text: sql.COMPLETE_APPEND_BY_TID_SQL, values: [...values, jobs.map((j) => j.readyTid ?? "(0,0)")] })
      : await poolOf(db).query({
          name: appendDone ? "qs_complete_append" : "qs_complete_ledger",
          text: appendDone ? sql.COMPLETE_APPEND_SQL : sql.COMPLETE_LEDGER_SQL,
          values,
        });
    return r.rowCount ?? 0;
  };
  const enqueueOne = async (input: WebsiteEventInput) => {
    const db = open().db;
    const event: WebsiteEvent = ZWebsiteEvent.parse(input);
    if (event.tenantId !== tenantId) throw new Error("tenant mismatch");
    const hash = eventRequestHash(event);
    const r = await poolOf(db).query<{ id: string; created: boolean }>({
      name: "qs_enqueue",
      text: sql.ENQUEUE_SQL,
      values: [tenantId, event.eventId, event.type, JSON.stringify(event), hash, maxAttemptsFor(event.type)],
    });
    const row = r.rows[0]!;
    if (row.created) wakeWorkers(db);
    return { jobId: row.id === null ? null : String(row.id), created: row.created };
  };
  return {
    system: `${variant.key}: ledger + ready${byTid ? " (no key, by ctid)" : ""}${appendDone ? ", done appended" : ""}${variant.ledgerFillfactor === 100 ? "" : `, ledger ff ${variant.ledgerFillfactor}`}${readyForeignKey ? "" : ", ready without FK"}`,
    version: "prototype",
    settings: `ledger fillfactor ${variant.ledgerFillfactor}; completion ${appendDone ? "deletes the ready row and appends to JobDone" : "deletes the ready row and updates the ledger row"}`,
    tables: appendDone ? ["JobLedger", "JobReady", "JobDone"] : ["JobLedger", "JobReady"],
    pool: () => open().pool,
    url: () => open().url,
    db: () => open().db,
    tenantId: () => tenantId,
    claim,
    complete,
    fail: async (db, workerId, job, retryAt, now) => {
      const r = await poolOf(db).query<{ id: string; status: string }>(sql.FAIL_SQL, [
        [job.tenantId],
        [job.id],
        ["boom"],
        [retryAt ? "transient" : "permanent"],
        [retryAt?.toISOString() ?? null],
        workerId,
        now.toISOString(),
      ]);
      return r.rows.map((row) => ({ id: String(row.id), status: row.status }));
    },
    redrive: async (db, tenant, ids, now) => (await poolOf(db).query(sql.REDRIVE_SQL, [tenant, ids, now.toISOString()])).rowCount ?? 0,
    open: async () => {
      ({ p, tenantId } = await openDesignDb(`qs_${label}`, ctx, [
        ...sql.ledgerDdl(variant.ledgerFillfactor),
        ...sql.readyDdl(!byTid, readyForeignKey),
        ...(appendDone ? sql.DONE_DDL : []),
      ]));
    },
    enqueueOne: async (payload) => void (await enqueueOne(payload as WebsiteEventInput)),
    enqueueBulk: async (payloads) => {
      const db = open().db;
      const events = (payloads as WebsiteEventInput[]).map((e) => ZWebsiteEvent.parse(e));
      const attempts: Record<string, number> = {};
      const input = events.map((e) => {
        attempts[e.type] ??= maxAttemptsFor(e.type);
        return { e, h: eventRequestHash(e) };
      });
      await poolOf(db).query({ name: "qs_enqueue_bulk", text: sql.ENQUEUE_BULK_SQL, values: [tenantId, JSON.stringify(input), JSON.stringify(attempts)] });
    },
    startWorkers: (count, onJob) => startLoopWorkers(open().url, count, onJob, claim, complete),
    remaining: async () => {
      const r = await open().pool.query<{ n: string }>(`SELECT count(*) AS n FROM "JobReady"`);
      return Number(r.rows[0]!.n);
    },
    reset: async () => void (await open().pool.query(`TRUNCATE "JobReady", "JobLedger"${appendDone ? `, "JobDone"` : ""}`)),
    close: async () => void (await p?.close()),
  };
}

/** Exposed for the guarantee check: a single enqueue's answer. */
export async function enqueueAndAnswer(design: StorageDesign, event: WebsiteEventInput): Promise<{ created: boolean }> {
  if (design.version !== "prototype") {
    const r = await enqueueWebsiteEvent({ tenantId: design.tenantId(), event, db: design.db() });
    return { created: r.created };
  }
  const before = await count(design.pool(), `SELECT count(*) AS n FROM "JobLedger"`);
  await design.enqueueOne(event as Record<string, unknown>);
  const after = await count(design.pool(), `SELECT count(*) AS n FROM "JobLedger"`);
  return { created: after > before };
}

export async function count(pool: pg.Pool, text: string, values: unknown[] = []): Promise<number> {
  const r = await pool.query<{ n: string }>(text, values);
  return Number(r.rows[0]!.n);
}
