// npm run worker:ingestion:drain-once — processes every job due now, prints a summary line, exits.
// The worker and its job kinds are imported once the environment is checked and the database
// answers, so a bad setting or an unreachable database is told without loading them.
import { loadWorkerEnv } from "../config";
import { openDatabaseOrExit } from "../open-database";

const who = "worker:ingestion:drain-once";
const env = loadWorkerEnv(who);
const database = await openDatabaseOrExit(who, env.INGESTION_CONCURRENCY + 2);
const [{ completedRetentionMs, pruneCompletedJobs }, { systemClock }, { createJsonLogger }, { standardJobKinds }, { createWorker }] = await Promise.all([
  import("@real-estate/queue"),
  import("../clock"),
  import("@real-estate/http/logging"),
  import("../job-kinds"),
  import("../worker"),
]);
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
