// npm run worker:ingestion:drain-once — processes every job due now, prints a summary line, exits.
import { completedRetentionMs, pruneCompletedJobs } from "@real-estate/queue";
import { systemClock } from "../clock";
import { loadWorkerEnv } from "../config";
import { createJsonLogger } from "@real-estate/http/logging";
import { openDatabaseOrExit } from "../open-database";
import { standardJobKinds } from "../job-kinds";
import { createWorker } from "../worker";

const who = "worker:ingestion:drain-once";
const env = loadWorkerEnv(who);
const database = await openDatabaseOrExit(who, env.INGESTION_CONCURRENCY + 2);
// Job logs go to stderr so that stdout carries only the summary line.
const logger = createJsonLogger({ base: { service: "ingestion-worker" }, destination: process.stderr });
const worker = createWorker({
  db: database.db,
  concurrency: env.INGESTION_CONCURRENCY,
  batchSize: env.INGESTION_BATCH_SIZE,
  leaseMs: env.INGESTION_LEASE_MS,
  workerId: env.INGESTION_WORKER_ID,
  clock: systemClock,
  logger,
  kinds: standardJobKinds(),
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void worker.stop());

const summary = await worker.drainOnce();
const pruned = await pruneCompletedJobs({ db: database.db, retentionMs: completedRetentionMs() }).catch(() => 0);
if (pruned > 0) logger.info({ msg: "pruned completed jobs", deleted: pruned });
console.log(`processed=${summary.processed} retried=${summary.retried} dead-lettered=${summary.deadLettered}`);
await database.close();
process.exit(0);
