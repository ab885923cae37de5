import { createWorker, silentLogger } from "@real-estate/ingestion-worker";
import { testDb } from "./studio-client";

/**
 * Runs the ingestion worker (services/ingestion-worker, the same code as `drain-once`) in this
 * process against the test database until no job is due; returns its summary line.
 */
export async function drainOnce(): Promise<string> {
  const worker = createWorker({
    db: testDb(),
    concurrency: 2,
    batchSize: 50,
    leaseMs: 60_000,
    workerId: "studio-test-worker",
    logger: silentLogger,
    pruneIntervalMs: 0,
  });
  const summary = await worker.drainOnce();
  await worker.stop();
  return `processed=${summary.processed} retried=${summary.retried} dead-lettered=${summary.deadLettered}`;
}
