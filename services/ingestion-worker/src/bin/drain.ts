// npm run worker:ingestion:drain — processes the ingestion queue until SIGTERM/SIGINT.
// The worker, its job kinds and its metrics are imported once the environment is checked and the
// database answers, so a bad setting or an unreachable database is told without loading them.
import type { MetricsServer } from "@real-estate/http/metrics";
import { loadWorkerEnv } from "../config";
import { openDatabaseOrExit } from "../open-database";

const who = "worker:ingestion:drain";
const env = loadWorkerEnv(who);
const database = await openDatabaseOrExit(who, env.INGESTION_CONCURRENCY + 2, { waitMs: env.INGESTION_DB_WAIT_MS });
const [
  { systemClock },
  { createHealthCheck },
  { createJsonLogger },
  { createWorkerMetrics },
  { startMetricsServer },
  { standardJobKinds },
  { createWorker },
  { FEED_SYNC_KIND, unsafeEnsureFeedSyncJobs },
  { WEBSITE_EVENT_TYPES },
  { EMAIL_DELIVER_KIND, sweepPlatformEmails },
] = await Promise.all([
  import("../clock"),
  import("../health"),
  import("@real-estate/http/logging"),
  import("../metrics"),
  import("@real-estate/http/metrics"),
  import("../job-kinds"),
  import("../worker"),
  import("@real-estate/feeds"),
  import("@real-estate/types"),
  import("@real-estate/mail"),
]);
const logger = createJsonLogger({ base: { service: "ingestion-worker" } });
const allKinds = standardJobKinds({ feedOwner: `${env.INGESTION_WORKER_ID ?? "worker"}:${process.pid}` });
const unknownKinds = (env.INGESTION_KINDS ?? []).filter((k) => !(k in allKinds));
if (unknownKinds.length > 0) {
  console.error(`${who}: INGESTION_KINDS names unknown job kinds: ${unknownKinds.join(", ")} (known: ${Object.keys(allKinds).join(", ")})`);
  process.exit(2);
}
const kinds = env.INGESTION_KINDS ? Object.fromEntries(Object.entries(allKinds).filter(([k]) => env.INGESTION_KINDS!.includes(k))) : allKinds;
// A website event's job carries its event type; any other kind's job carries its kind.
const eventTypes = [...WEBSITE_EVENT_TYPES, ...Object.keys(kinds).filter((kind) => kind !== "website-event")];
const metrics = createWorkerMetrics({ db: database.db, clock: systemClock, eventTypes });
const worker = createWorker({
  db: database.db,
  concurrency: env.INGESTION_CONCURRENCY,
  batchSize: env.INGESTION_BATCH_SIZE,
  leaseMs: env.INGESTION_LEASE_MS,
  pollIntervalMs: env.INGESTION_POLL_INTERVAL_MS,
  workerId: env.INGESTION_WORKER_ID,
  listenUrl: database.listenUrl,
  clock: systemClock,
  logger,
  metrics,
  kinds,
});

let server: MetricsServer | null = null;
if (env.METRICS_PORT !== null) {
  try {
    server = await startMetricsServer({
      port: env.METRICS_PORT,
      hostname: env.METRICS_HOST,
      registry: metrics.registry,
      health: createHealthCheck({ db: database.db, worker }),
    });
  } catch (error) {
    console.error(`${who}: cannot serve metrics on port ${env.METRICS_PORT}: ${(error as Error).message} (set METRICS_PORT, or METRICS_PORT=off)`);
    process.exit(1);
  }
}

let signalled = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (signalled) process.exit(1);
    signalled = true;
    logger.info({ msg: "shutting down: finishing in-flight jobs", signal });
    void worker.stop();
  });
}

logger.info({ msg: "draining", database: database.description, metricsPort: server?.port ?? null });
// Every feed that should run has its next "feed.sync" job queued (feeds added before this worker
// ran, or whose chain of runs broke); each run then queues the one after it.
if (FEED_SYNC_KIND in kinds) {
  try {
    const scheduled = await unsafeEnsureFeedSyncJobs({ db: database.db });
    if (scheduled > 0) logger.info({ msg: "feed runs scheduled", jobs: scheduled });
  } catch (error) {
    logger.error({ msg: "feed runs not scheduled", error: error instanceof Error ? error.name : "unknown" });
  }
}
// The platform's own mail (decision 0035) is sent by the process that stores it; a worker that
// delivers e-mail also sends, every 30 s, what such a process could not.
const platformSweep =
  EMAIL_DELIVER_KIND in kinds
    ? setInterval(() => {
        sweepPlatformEmails(database.db)
          .then((t) => {
            if (t.sent + t.failed + t.expired + t.queued > 0) logger.info({ msg: "platform e-mail sweep", ...t });
          })
          .catch((error: unknown) => logger.warn({ msg: "platform e-mail sweep failed", reason: String((error as Error)?.message ?? error) }));
      }, 30_000)
    : null;
await worker.run();
if (platformSweep) clearInterval(platformSweep);
await server?.close();
await database.close();
process.exit(0);
