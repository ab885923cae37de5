import { Logger, makeWorkerUtils, run, type Runner, type WorkerUtils } from "graphile-worker";
import { benchPool, createBenchDatabase, type BenchDatabase } from "../../lib/databases";
import { installedVersion } from "../../lib/versions";
import type { QueueDriver } from "./driver";

const version = installedVersion("graphile-worker") ?? "?";
const quiet = new Logger(() => () => undefined);
const TASK = "noop";

/**
 * graphile-worker with the settings its performance page documents for throughput
 * (local queue of 500, batched completion, concurrency 24) and the default pool of 10.
 */
export function graphileDriver(): QueueDriver {
  let database: BenchDatabase | undefined;
  let utils: WorkerUtils | undefined;
  let admin: ReturnType<typeof benchPool> | undefined;
  const db = () => {
    if (!database || !utils || !admin) throw new Error("graphile driver not opened");
    return { database, utils, admin };
  };
  return {
    system: "graphile-worker",
    version,
    settings: "concurrentJobs 24, maxPoolSize 10, localQueue.size 500, completeJobBatchDelay 0, failJobBatchDelay 0; addJob / addJobs",
    open: async () => {
      database = await createBenchDatabase("q_graphile", { migrated: false });
      utils = await makeWorkerUtils({ connectionString: database.url, maxPoolSize: 4, logger: quiet });
      await utils.migrate();
      admin = benchPool(database.url, 2);
    },
    enqueueOne: async (payload) => {
      await db().utils.addJob(TASK, payload);
    },
    enqueueBulk: async (payloads) => {
      await db().utils.addJobs(payloads.map((payload) => ({ identifier: TASK, payload })));
    },
    startWorkers: async (count, onJob) => {
      const runners: Runner[] = [];
      for (let i = 0; i < count; i++) {
        runners.push(
          await run({
            connectionString: db().database.url,
            logger: quiet,
            noHandleSignals: true,
            concurrency: 24,
            maxPoolSize: 10,
            taskList: { [TASK]: async (payload) => onJob(payload as Record<string, unknown>) },
            preset: { worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
          }),
        );
      }
      return { stop: async () => void (await Promise.all(runners.map((r) => r.stop()))) };
    },
    remaining: async () => {
      const r = await db().admin.query<{ n: string }>("SELECT count(*) AS n FROM graphile_worker._private_jobs");
      return Number(r.rows[0]!.n);
    },
    reset: async () => {
      await db().admin.query("TRUNCATE graphile_worker._private_jobs, graphile_worker._private_job_queues CASCADE");
    },
    close: async () => {
      await utils?.release();
      await admin?.end();
      await database?.drop();
    },
  };
}
