import { createPrismaClient, type Db } from "@real-estate/db";
import { enqueueWebsiteEvent, enqueueWebsiteEvents } from "@real-estate/queue";
import type { WebsiteEventInput } from "@real-estate/types";
import { createWorker, silentLogger, type Worker } from "@real-estate/ingestion-worker";
import type { BenchContext } from "../../lib/context";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";
import type { OnJob, QueueDriver, RunningWorkers } from "./driver";

/** Worker settings for the no-op comparison (the worker's own knobs, INGESTION_CONCURRENCY / _BATCH_SIZE). */
export const OURS_CONCURRENCY = 8;
export const OURS_BATCH_SIZE = 50;

/** `count` workers, each with its own client (pool concurrency + 2, as the drain binary sizes it). */
async function startOurWorkers(url: string, count: number, onJob: OnJob): Promise<RunningWorkers> {
  const clients: Db[] = [];
  const workers: Worker[] = [];
  const runs: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const db = createPrismaClient({ url, poolSize: OURS_CONCURRENCY + 2, applicationName: "re-bench-worker" });
    const worker = createWorker({
      db,
      concurrency: OURS_CONCURRENCY,
      batchSize: OURS_BATCH_SIZE,
      listenUrl: url,
      logger: silentLogger,
      pruneIntervalMs: 0,
      handlers: { "*": async (c) => onJob(c.job.payload as Record<string, unknown>) },
    });
    clients.push(db);
    workers.push(worker);
    runs.push(worker.run());
  }
  await Promise.all(workers.map((w) => w.listener()?.ready));
  return {
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await Promise.all(runs);
      await Promise.all(clients.map((c) => c.$disconnect()));
    },
  };
}

/**
 * Our queue through its real code: enqueueWebsiteEvent (single) and enqueueWebsiteEvents (bulk), the ingestion
 * worker's createWorker (claimJobs with leases, batched completeJobs, LISTEN + polling) with a
 * no-op handler for every event type. The same payload as the peers: a valid lead.submitted.
 */
export async function oursDriver(ctx: BenchContext): Promise<QueueDriver & { tenantId: () => string }> {
  let p: PlatformDb | undefined;
  let tenantId = "";
  const open = () => {
    if (!p) throw new Error("our queue driver not opened");
    return p;
  };
  return {
    system: "ours",
    version: "workspace",
    settings: `enqueueWebsiteEvent / enqueueWebsiteEvents; createWorker concurrency ${OURS_CONCURRENCY}, batchSize ${OURS_BATCH_SIZE}, LISTEN + 1 s poll, batched completion`,
    tenantId: () => tenantId,
    open: async () => {
      p = await openPlatformDb("q_ours", { poolSize: 6 });
      const [tenant] = await createBenchTenants(p.db, [`queue-${ctx.runId}`]);
      tenantId = tenant!.tenantId;
    },
    enqueueOne: async (payload) => {
      await enqueueWebsiteEvent({ tenantId, event: payload as WebsiteEventInput, db: open().db });
    },
    enqueueBulk: async (payloads) => {
      await enqueueWebsiteEvents({ tenantId, events: payloads as WebsiteEventInput[], db: open().db });
    },
    startWorkers: (count, onJob) => startOurWorkers(open().url, count, onJob),
    remaining: async () => {
      const r = await open().pool.query<{ n: string }>(`SELECT count(*) AS n FROM "IngestionJob" WHERE status IN ('PENDING', 'PROCESSING')`);
      return Number(r.rows[0]!.n);
    },
    reset: async () => {
      await open().pool.query(`TRUNCATE "IngestionJob"`);
    },
    close: async () => {
      await p?.close();
    },
  };
}
