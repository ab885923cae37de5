// npm run worker:ingestion:drain — processes the ingestion queue until SIGTERM/SIGINT.
import { systemClock } from "../clock";
import { loadWorkerEnv } from "../config";
import { createHealthCheck } from "../health";
import { createJsonLogger } from "../logger";
import { createWorkerMetrics } from "../metrics";
import { startMetricsServer, type MetricsServer } from "../metrics-server";
import { openDatabaseOrExit } from "../open-database";
import { createWorker } from "../worker";

const who = "worker:ingestion:drain";
const env = loadWorkerEnv(who);
const database = await openDatabaseOrExit(who, env.INGESTION_CONCURRENCY + 2);
const logger = createJsonLogger({ base: { service: "ingestion-worker" } });
const metrics = createWorkerMetrics({ db: database.db, clock: systemClock });
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
});

let server: MetricsServer | null = null;
if (env.METRICS_PORT !== null) {
  try {
    server = await startMetricsServer({
      port: env.METRICS_PORT,
      host: env.METRICS_HOST,
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
await worker.run();
await server?.close();
await database.close();
process.exit(0);
